#!/usr/bin/env bash
# Opening a big file in the TUI, whole process, side by side with lnav: each viewer opens FILE in a fresh detached
# tmux server at 120x40; prints the seconds until MARKER (text only log rows hold) is first on screen, for LogViewer
# also until its status bar says the read has ended ("ended"), and each one's peak RSS (VmHWM) at that point.
# ROUNDS rounds, interleaved. Usage: LOGVIEWER=/path/to/logviewer FILE=/tmp/1m.jsonl tests/LogViewer.Benchmarks/big-file-screen.sh
#   (env: MARKER, default 'loss='; ROUNDS, default 3). Make FILE with the benchmark exe's `generate-jsonl FILE 1000000`.
set -euo pipefail

file="${FILE:?FILE: a jsonl file, e.g. from generate-jsonl}"
logviewer="${LOGVIEWER:?LOGVIEWER: the logviewer executable (the published AOT one)}"
marker="${MARKER:-loss=}"
rounds="${ROUNDS:-3}"
command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
command -v lnav >/dev/null || { apt-get update -qq && apt-get install -y -qq lnav >/dev/null; }

now() { date +%s%N; }
seconds() { awk "BEGIN { printf \"%.2f\", ($2 - $1) / 1e9 }"; }

# $1 name, $2 command, $3 text that says the whole file is read (empty: not waited for)
open_file() {
  local name="$1" command="$2" done_text="$3" socket="lv-big-$$-$RANDOM" start first="" ended="" pid hwm
  start=$(now)
  tmux -L "$socket" new-session -d -x 120 -y 40 "$command"
  pid="$(tmux -L "$socket" display-message -p '#{pane_pid}')"
  while :; do
    screen="$(tmux -L "$socket" capture-pane -p 2>/dev/null || true)"
    [[ -z "$first" ]] && grep -qF -- "$marker" <<<"$screen" && first=$(now)
    if [[ -n "$first" ]] && { [[ -z "$done_text" ]] || grep -qF -- "$done_text" <<<"$(tail -1 <<<"$screen")"; }; then
      ended=$(now); break
    fi
    (( ($(now) - start) > 60000000000 )) && { echo "timeout: $name" >&2; ended=$(now); break; }
    sleep 0.02
  done
  hwm="$(awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "?")"
  tmux -L "$socket" kill-server 2>/dev/null || true
  sleep 0.5
  echo "| $name | $(seconds "$start" "${first:-$ended}") | ${done_text:+$(seconds "$start" "$ended")} | $hwm |"
}

echo "Opening $(basename "$file") ($(wc -l <"$file") lines) at 120x40, marker '$marker', $rounds rounds; $(nproc) cores"
echo "| viewer | first screen s | whole file read s | peak RSS MB |"
echo "|---|---:|---:|---:|"
for round in $(seq "$rounds"); do
  echo "| round $round, load $(cut -d' ' -f1 /proc/loadavg) | | | |"
  open_file lnav "exec lnav '$file'" ""
  open_file logviewer "exec '$logviewer' replay '$file'" "ended"
done
