#!/usr/bin/env bash
# Following a live target, whole process, side by side with lnav: bytes sent to the terminal per second (tmux
# pipe-pane, 120x40) and CPU used (utime + stime from /proc, as % of one core), after a warm-up.
#
# A paced simulator (the benchmark exe's `paced-simulator RATE`: RATE lines/s, no bursts) serves the demo deployment.
# LogViewer's TUI follows it; a second LogViewer writes the same lines with `--output jsonl` to a file that lnav follows,
# so both viewers get the same lines at the same moments (one poll every 2 s).
# Usage: tests/LogViewer.Benchmarks/follow.sh            (env: RATE lines/s, default 10; WARMUP s, default 15;
#        DURATION s, default 60; RUNS, default 1; LOGVIEWER: the logviewer command, default the Release build via dotnet)
#   RATE=10 follow.sh     -> terminal bytes while following 10 lines/s
#   RATE=0.2 follow.sh    -> idle: one line every 5 s
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rate="${RATE:-10}"
warmup="${WARMUP:-15}"
duration="${DURATION:-60}"
runs="${RUNS:-1}"
work="$(mktemp -d)"
socket="lv-follow-$$"
simulator_pid=""
feeder_pid=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  [[ -n "$feeder_pid" ]] && kill "$feeder_pid" 2>/dev/null || true
  [[ -n "$simulator_pid" ]] && kill "$simulator_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A session saved by an earlier run of the viewer on the same demo target (its rules, a filter) would be restored and
# change what is drawn: the viewers here keep their state in the run's own directory.
export XDG_STATE_HOME="$work/state"

command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
command -v lnav >/dev/null || { apt-get update -qq && apt-get install -y -qq lnav >/dev/null; }

dotnet build "$root/tests/LogViewer.Benchmarks" -c Release -v quiet -nologo >/dev/null
bench="$root/tests/LogViewer.Benchmarks/bin/Release/net10.0/LogViewer.Benchmarks.dll"
if [[ -z "${LOGVIEWER:-}" ]]; then
  dotnet build "$root/src/LogViewer" -c Release -v quiet -nologo >/dev/null
  LOGVIEWER="dotnet $root/src/LogViewer/bin/Release/net10.0/logviewer.dll"
fi

# CPU ticks (utime + stime) of a process.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
bytes() { stat -c %s "$1"; }

dotnet "$bench" paced-simulator "$rate" >"$work/simulator.out" &
simulator_pid=$!
until [[ -s "$work/simulator.out" ]]; do sleep 0.2; done
read -r url key <"$work/simulator.out"
target="deployment q4lrm2w3 w7x9k2p --api-url $url --since 1m"

BASETEN_API_KEY="$key" $LOGVIEWER $target --output jsonl >"$work/feed.jsonl" 2>/dev/null &
feeder_pid=$!
until [[ -s "$work/feed.jsonl" ]]; do sleep 0.2; done

tmux -L "$socket" new-session -d -s logviewer -x 120 -y 40 "exec env BASETEN_API_KEY=$key $LOGVIEWER $target"
tmux -L "$socket" new-session -d -s lnav -x 120 -y 40 "exec lnav $work/feed.jsonl"
for name in logviewer lnav; do
  tmux -L "$socket" pipe-pane -o -t "$name" "cat >> $work/$name.bytes"
done
lv_pid="$(tmux -L "$socket" display-message -p -t logviewer '#{pane_pid}')"
lnav_pid="$(tmux -L "$socket" display-message -p -t lnav '#{pane_pid}')"
sleep "$warmup"

hz="$(getconf CLK_TCK)"
echo
echo "Following $rate lines/s at 120x40 for ${duration} s after a ${warmup} s warm-up; $(nproc) cores"
printf '| %-5s | %-10s | %10s | %9s | %12s | %-14s |\n' "run" "viewer" "bytes/s" "CPU %" "lines in feed" "load (1/5/15)"
printf '|-------|------------|------------|-----------|--------------|----------------|\n'
for run in $(seq "$runs"); do
  declare -A b0 t0
  for name in logviewer lnav; do
    pid_var="${name/logviewer/lv}_pid"; pid="${!pid_var}"
    b0[$name]="$(bytes "$work/$name.bytes")"; t0[$name]="$(ticks "$pid")"
  done
  lines0="$(wc -l <"$work/feed.jsonl")"
  sleep "$duration"
  lines1="$(wc -l <"$work/feed.jsonl")"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  for name in logviewer lnav; do
    pid_var="${name/logviewer/lv}_pid"; pid="${!pid_var}"
    b1="$(bytes "$work/$name.bytes")"; t1="$(ticks "$pid")"
    awk -v run="$run" -v name="$name" -v b="$((b1 - b0[$name]))" -v t="$((t1 - t0[$name]))" -v d="$duration" -v hz="$hz" \
      -v lines="$((lines1 - lines0))" -v load="$load" \
      'BEGIN { printf "| %-5s | %-10s | %10.0f | %9.2f | %12d | %-14s |\n", run, name, b / d, 100 * t / hz / d, lines, load }'
  done
done
