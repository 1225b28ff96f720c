#!/usr/bin/env bash
# Whole-process comparison on one generated 1,000,000-line jsonl file: `logviewer replay FILE --include X`
# against `lnav -n -c ':filter-in X' FILE`, each under /usr/bin/time -v (wall time, peak RSS, output lines).
# Usage: tests/LogViewer.Benchmarks/compare-lnav.sh [needle]   (env: LINES, FILE, RUNS)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
needle="${1:-checkpoint}"
lines="${LINES:-1000000}"
file="${FILE:-/tmp/logviewer-bench-${lines}.jsonl}"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v lnav >/dev/null || { echo "lnav is not installed: apt-get update && apt-get install -y lnav" >&2; exit 2; }

dotnet build "$root/tests/LogViewer.Benchmarks" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/src/LogViewer" -c Release -v quiet -nologo >/dev/null
bench="$root/tests/LogViewer.Benchmarks/bin/Release/net10.0/LogViewer.Benchmarks.dll"
logviewer="$root/src/LogViewer/bin/Release/net10.0/logviewer.dll"

if [[ ! -f "$file" ]]; then
  dotnet "$bench" generate-jsonl "$file" "$lines"
fi

# Runs one command RUNS times; prints "name | best wall s | peak RSS MB | output lines".
measure() {
  local name="$1"; shift
  local best_wall="" best_rss="" out_lines=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time" || { echo "$name failed:" >&2; tail -5 "$work/$name.time" >&2; return 1; }
    local wall rss
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/$name.time")"
    rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$name.time")"
    if [[ -z "$best_wall" ]] || awk "BEGIN { exit !($wall < $best_wall) }"; then best_wall="$wall"; fi
    if [[ -z "$best_rss" ]] || (( rss > best_rss )); then best_rss="$rss"; fi
    out_lines="$(wc -l <"$work/$name.out")"
  done
  printf '| %-58s | %8.2f | %8s | %12s |\n' "$name" "$best_wall" "$best_rss" "$out_lines"
}

echo
echo "File: $file ($(wc -l <"$file") lines, $(du -h "$file" | cut -f1)); needle: '$needle'; best of $runs runs"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-58s | %8s | %8s | %12s |\n' "command" "wall s" "peak MB" "output lines"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "----------" "----------" "--------------"
measure "logviewer replay FILE --include '$needle' --output text" dotnet "$logviewer" replay "$file" --include "$needle" --output text
measure "lnav -n -c ':filter-in $needle' FILE" lnav -n -c ":filter-in $needle" "$file"
