#!/bin/sh
# Peak memory of the whole logviewer process reading two minutes of a deployment from the simulator while every
# full-page answer is hostile: 200 MB of JSON streamed without a length, then a gzip body inflating to 1 GB.
# Usage: tests/LogViewer.Benchmarks/hostile-answers.sh   (from the repository root; needs GNU time at /usr/bin/time)
set -eu
dotnet build src/LogViewer -c Release -warnaserror >/dev/null
BIN=src/LogViewer/bin/Release/net10.0/logviewer
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

run() {
    "$BIN" simulate --port 0 "$@" >"$WORK/sim.out" 2>&1 &
    SIM=$!
    while ! grep -q "Press Ctrl-C" "$WORK/sim.out" 2>/dev/null; do sleep 0.2; done
    URL=$(sed -n 's/^Simulated Baseten API at \([^ ]*\) .*/\1/p' "$WORK/sim.out")
    KEY=$(sed -n 's/.*key: \([^ ]*\).*/\1/p' "$WORK/sim.out" | head -1)
    TARGET=$(sed -n 's/.* logviewer \(deployment [^ ]* [^ ]*\) .*/\1/p' "$WORK/sim.out" | head -1)
    # shellcheck disable=SC2086
    BASETEN_API_KEY=$KEY /usr/bin/time -v "$BIN" $TARGET --api-url "$URL" --since 2m --no-follow --output jsonl \
        >"$WORK/out.jsonl" 2>"$WORK/err.txt" || true
    kill "$SIM"
    wait "$SIM" 2>/dev/null || true
    echo "simulate $*: $(wc -l <"$WORK/out.jsonl") lines, $(grep -c 'more than 64 MB' "$WORK/err.txt") answers abandoned at the cap," \
        "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/err.txt") KB peak RSS," \
        "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/err.txt") elapsed"
}

uptime
run --oversized-answers 200MB
run --oversized-answers 1GB --gzip-bomb
