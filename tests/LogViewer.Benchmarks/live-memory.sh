#!/usr/bin/env bash
# Live memory, whole process: LogViewer's TUI tails a paced simulator from the start of 14 hours of history at
# 20 lines/s (about 1,008,000 lines, then 20 a second live) in tmux at 120x40, until it holds LINES lines or the
# status says it is live; prints the TUI's VmRSS and VmHWM (/proc/PID/status) then and after SETTLE more seconds.
# Target (issue 13): at most 200 MB RSS holding 1,000,000 tailed lines.
# Usage: tests/LogViewer.Benchmarks/live-memory.sh   (env: LOGVIEWER, the logviewer command, default the Release
#        build via dotnet; LINES to hold, default 1000000; SETTLE s, default 30; HOURS, default 14)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
hours="${HOURS:-14}"
settle="${SETTLE:-30}"
socket="lv-memory-$$"
work="$(mktemp -d)"
simulator_pid=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  [[ -n "$simulator_pid" ]] && kill "$simulator_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
dotnet build "$root/tests/LogViewer.Benchmarks" -c Release -v quiet -nologo >/dev/null
bench="$root/tests/LogViewer.Benchmarks/bin/Release/net10.0/LogViewer.Benchmarks.dll"
if [[ -z "${LOGVIEWER:-}" ]]; then
  dotnet build "$root/src/LogViewer" -c Release -v quiet -nologo >/dev/null
  LOGVIEWER="dotnet $root/src/LogViewer/bin/Release/net10.0/logviewer.dll"
fi

dotnet "$bench" paced-simulator 20 "$((hours * 60))" >"$work/simulator.out" &
simulator_pid=$!
until [[ -s "$work/simulator.out" ]]; do sleep 0.2; done
read -r url key <"$work/simulator.out"

start=$(date +%s)
tmux -L "$socket" new-session -d -s memory -x 120 -y 40 \
  "exec env BASETEN_API_KEY=$key $LOGVIEWER deployment q4lrm2w3 w7x9k2p --api-url $url --since ${hours}h"
pid="$(tmux -L "$socket" display-message -p -t memory '#{pane_pid}')"
status() { awk -v k="$1" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }

# Done when the status bar says "live" and holds LINES lines (the viewer's capacity is 1,000,000 by default), or the
# newest-first back-fill of the window has stopped at that capacity.
lines="${LINES:-1000000}"
backfilled() {
  local bar held
  bar="$(tmux -L "$socket" capture-pane -p -t memory | tail -1)"
  held="$(grep -oE '[0-9,]+ lines' <<<"$bar" | head -1 | tr -d ', lines')"
  grep -q 'live' <<<"$bar" && { (( ${held:-0} >= lines )) || grep -q 'history: stopped' <<<"$bar"; }
}
until backfilled; do
  if (( $(date +%s) - start > 900 )); then echo "timeout after 900 s" >&2; break; fi
  sleep 2
done
filled=$(( $(date +%s) - start ))
echo
echo "Tailing ${hours} h of history at 20 lines/s (about $((hours * 3600 * 20)) lines) at 120x40; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "status bar when read: $(tmux -L "$socket" capture-pane -p -t memory | tail -1 | tr -s ' ' | cut -c1-150)"
echo "| when | seconds | VmRSS MB | VmHWM MB |"
echo "|---|---:|---:|---:|"
echo "| window read | $filled | $(status VmRSS) | $(status VmHWM) |"
sleep "$settle"
echo "| ${settle} s later, live | $(( $(date +%s) - start )) | $(status VmRSS) | $(status VmHWM) |"
