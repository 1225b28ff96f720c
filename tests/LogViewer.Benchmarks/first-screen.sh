#!/usr/bin/env bash
# Time to first screen, whole process, in a real terminal: each command starts in a fresh detached tmux server at
# 120x40 and the clock stops when capture-pane first shows MARKER (text that only log rows contain). RUNS runs of
# every command, interleaved (so load changes hit them alike); prints min / median / max seconds and the load.
# Usage: tests/LogViewer.Benchmarks/first-screen.sh            (env: RUNS, default 7; LOGVIEWER_AOT, LOGVIEWER_R2R)
#   LOGVIEWER_AOT / LOGVIEWER_R2R: paths of published executables to time besides `dotnet logviewer.dll`; the script
#   publishes them itself into /tmp/logviewer-publish-{aot,r2r} when unset.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-7}"
file="$root/assets/sample-training-job.jsonl"
marker='step='

command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
command -v lnav >/dev/null || { apt-get update -qq && apt-get install -y -qq lnav >/dev/null; }

publish() { # $1 = aot|r2r, then extra msbuild properties
  local kind="$1"; shift
  local out="/tmp/logviewer-publish-$kind"
  dotnet publish "$root/src/LogViewer" -c Release -r linux-x64 -o "$out" -v quiet -nologo "$@" >/dev/null
  echo "$out/logviewer"
}
aot="${LOGVIEWER_AOT:-$(publish aot -p:PublishAot=true)}"
r2r="${LOGVIEWER_R2R:-$(publish r2r -p:PublishAot=false -p:PublishReadyToRun=true --self-contained false)}"
dotnet build "$root/src/LogViewer" -c Release -v quiet -nologo >/dev/null
dll="$root/src/LogViewer/bin/Release/net10.0/logviewer.dll"

# Prints the seconds from starting COMMAND in a 120x40 tmux until MARKER is on its screen (30 s at most).
first_screen() {
  local command="$1" socket="lv-first-$$-$RANDOM"
  local start end
  start=$(date +%s%N)
  tmux -L "$socket" new-session -d -x 120 -y 40 "$command"
  until tmux -L "$socket" capture-pane -p 2>/dev/null | grep -qF -- "$marker"; do
    if (( ($(date +%s%N) - start) > 30000000000 )); then echo "timeout: $command" >&2; break; fi
  done
  end=$(date +%s%N)
  tmux -L "$socket" kill-server 2>/dev/null || true
  sleep 0.3
  awk "BEGIN { printf \"%.3f\", ($end - $start) / 1e9 }"
}

# The csproj ships TieredCompilation off; DOTNET_* variables override the runtimeconfig for the other settings.
tiered="DOTNET_TieredCompilation=1"
declare -A commands=(
  ["lnav FILE"]="lnav '$file'"
  ["replay: JIT (dotnet logviewer.dll), TC off"]="dotnet '$dll' replay '$file'"
  ["replay: JIT (dotnet logviewer.dll), tiered"]="$tiered dotnet '$dll' replay '$file'"
  ["replay: ReadyToRun, TC off"]="'$r2r' replay '$file'"
  ["replay: ReadyToRun, tiered"]="$tiered '$r2r' replay '$file'"
  ["replay: ReadyToRun, tiered, TieredPGO=0"]="$tiered DOTNET_TieredPGO=0 '$r2r' replay '$file'"
  ["replay: ReadyToRun, tiered, TC_QuickJitForLoops=0"]="$tiered DOTNET_TC_QuickJitForLoops=0 '$r2r' replay '$file'"
  ["replay: Native AOT"]="'$aot' replay '$file'"
  ["demo: JIT (dotnet logviewer.dll), TC off"]="dotnet '$dll' demo"
  ["demo: ReadyToRun, TC off"]="'$r2r' demo"
  ["demo: ReadyToRun, tiered"]="$tiered '$r2r' demo"
  ["demo: Native AOT"]="'$aot' demo"
)
names=("lnav FILE")
while IFS= read -r name; do [[ "$name" != "lnav FILE" ]] && names+=("$name"); done < <(printf '%s\n' "${!commands[@]}" | sort)

declare -A times
loads=()
for _ in $(seq "$runs"); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  for name in "${names[@]}"; do
    times["$name"]+="$(first_screen "${commands[$name]}") "
  done
done

echo
echo "First screen at 120x40 (marker '$marker'), $runs runs each, interleaved; file: $(basename "$file") ($(wc -l <"$file") lines)"
echo "Machine: $(nproc) cores; 1-min load average at the start of each round: ${loads[*]}"
echo
printf '| %-52s | %7s | %7s | %7s |\n' "command" "min s" "median s" "max s"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "---------" "----------" "---------"
for name in "${names[@]}"; do
  read -r -a samples <<<"${times[$name]}"
  printf '%s\n' "${samples[@]}" | sort -n | awk -v name="$name" '
    { v[NR] = $1 } END { printf "| %-52s | %7.2f | %8.2f | %7.2f |\n", name, v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'
done
