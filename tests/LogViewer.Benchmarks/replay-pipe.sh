#!/usr/bin/env bash
# Replay with a filter to a pipe (issue 13, target 3), whole process: the published Native AOT `logviewer replay FILE
# --include X --output text` against `lnav -n -c ':filter-in X' FILE`, on the generated 1,000,000-line jsonl file (1%
# late lines), at four selectivities. ROUNDS interleaved rounds (every needle, both programs, the order swapped each
# round, so load changes hit both alike); each run under /usr/bin/time -v. Prints the medians (wall, CPU = user + sys,
# peak RSS), the ratio logviewer / lnav, the 1-minute load, and checks that both printed the same matching lines.
# Usage: tests/LogViewer.Benchmarks/replay-pipe.sh
#   env: ROUNDS (default 3), FILE (default /tmp/logviewer-bench-1000000.jsonl, generated when missing),
#        LOGVIEWER (a published executable; default: publish Native AOT into /tmp/logviewer-replay-aot),
#        NEEDLES ("label=needle;..." to replace the four below)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${ROUNDS:-3}"
file="${FILE:-/tmp/logviewer-bench-1000000.jsonl}"
# Shares of the corpus's lines holding each needle (Corpus/CorpusGenerator.cs): the last line of a traceback, NCCL
# chatter, health checks, training steps.
needles="${NEEDLES:-1%=CUDA out of memory;5%=NCCL;10%=health;30%=loss=}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v lnav >/dev/null || { apt-get update -qq && apt-get install -y -qq lnav >/dev/null; }

if [[ ! -f "$file" ]]; then
  dotnet build "$root/tests/LogViewer.Benchmarks" -c Release -v quiet -nologo >/dev/null
  dotnet "$root/tests/LogViewer.Benchmarks/bin/Release/net10.0/LogViewer.Benchmarks.dll" generate-jsonl "$file" 1000000
fi

logviewer="${LOGVIEWER:-}"
if [[ -z "$logviewer" ]]; then
  dotnet publish "$root/src/LogViewer" -c Release -o /tmp/logviewer-replay-aot -v quiet -nologo >/dev/null
  logviewer=/tmp/logviewer-replay-aot/logviewer
fi

# Runs one command under /usr/bin/time -v; appends "wall cpu rss_mb load" to $work/NAME.runs, keeps its output.
run() {
  local name="$1"; shift
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time" || { echo "$name failed:" >&2; tail -5 "$work/$name.time" >&2; exit 1; }
  awk -F': ' -v load="$load" '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.3f %.3f %.0f %s\n", wall, cpu, rss, load }' "$work/$name.time" >>"$work/$name.runs"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { awk -v c="$2" '{ print $c }' "$1" | median; }

IFS=';' read -r -a pairs <<<"$needles"
echo "File: $file ($(wc -l <"$file") lines, $(du -h "$file" | cut -f1)); logviewer: $logviewer; lnav $(lnav -V | head -1 | awk '{ print $2 }')"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $rounds rounds; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  for i in "${!pairs[@]}"; do
    needle="${pairs[$i]#*=}"
    if (( (round + i) % 2 )); then
      run "lv$i" "$logviewer" replay "$file" --include "$needle" --output text
      run "lnav$i" lnav -n -c ":filter-in $needle" "$file"
    else
      run "lnav$i" lnav -n -c ":filter-in $needle" "$file"
      run "lv$i" "$logviewer" replay "$file" --include "$needle" --output text
    fi
  done
done
echo "Load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| share | needle | lines (lnav) | lines (logviewer) | logviewer s | lnav s | ratio | logviewer CPU s | lnav CPU s | logviewer MB | lnav MB | load |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
status=0
for i in "${!pairs[@]}"; do
  share="${pairs[$i]%%=*}"
  needle="${pairs[$i]#*=}"
  lnav_lines="$(wc -l <"$work/lnav$i.out")"
  lv_lines="$(wc -l <"$work/lv$i.out")"
  # logviewer also prints the other lines of a matching entry (a traceback's frames): the lines holding the needle
  # must be exactly lnav's.
  lv_matching="$(grep -cF -- "$needle" "$work/lv$i.out" || true)"
  if [[ "$lv_matching" != "$lnav_lines" ]]; then
    echo "'$needle': logviewer printed $lv_matching lines holding it, lnav $lnav_lines" >&2
    status=1
  fi
  lv_wall="$(column_median "$work/lv$i.runs" 1)"
  lnav_wall="$(column_median "$work/lnav$i.runs" 1)"
  printf '| %s | `%s` | %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %s |\n' "$share" "$needle" "$lnav_lines" "$lv_lines" \
    "$lv_wall" "$lnav_wall" "$(awk -v a="$lv_wall" -v b="$lnav_wall" 'BEGIN { print a / b }')" \
    "$(column_median "$work/lv$i.runs" 2)" "$(column_median "$work/lnav$i.runs" 2)" \
    "$(column_median "$work/lv$i.runs" 3)" "$(column_median "$work/lnav$i.runs" 3)" \
    "$(cat "$work/lv$i.runs" "$work/lnav$i.runs" | awk '{ print $4 }' | median)"
done
exit "$status"
