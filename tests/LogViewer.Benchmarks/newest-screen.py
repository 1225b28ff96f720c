#!/usr/bin/env python3
"""Time to the newest screen, whole process: `demo --deployment --since 2h` (the embedded simulator's busy deployment,
two hours of history) starts in a fresh detached tmux at 120x40, and the clock stops when a log row stamped within
10 s of the start is on screen: the present, not the window's start. RUNS runs of each build, interleaved.
Usage: tests/LogViewer.Benchmarks/newest-screen.py [NAME=DLL ...]   (default: this checkout's Release build)
  e.g. newest-screen.py before=/tmp/old/logviewer.dll after=src/LogViewer/bin/Release/net10.0/logviewer.dll
Rows show local time (HH:MM:SS.fff); the script runs them with TZ=UTC so it can read them."""
import datetime, os, re, shutil, statistics, subprocess, sys, time

runs = int(os.environ.get("RUNS", "5"))
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
if not shutil.which("tmux"):
    subprocess.run("apt-get update -qq && apt-get install -y -qq tmux >/dev/null", shell=True, check=True)
builds = dict(a.split("=", 1) for a in sys.argv[1:])
if not builds:
    subprocess.run(["dotnet", "build", os.path.join(root, "src/LogViewer"), "-c", "Release", "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    builds = {"this checkout": os.path.join(root, "src/LogViewer/bin/Release/net10.0/logviewer.dll")}
row = re.compile(r"(\d\d):(\d\d):(\d\d)\.(\d\d\d) (DBG|INF|WRN|ERR)")

def newest_screen(dll):
    socket = f"lv-newest-{os.getpid()}"
    start = time.time()
    wall = datetime.datetime.now(datetime.timezone.utc)
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "120", "-y", "40",
                    f"TZ=UTC dotnet '{dll}' demo --deployment --since 2h"], check=True)
    took = None
    while time.time() - start < 60:
        screen = subprocess.run(["tmux", "-L", socket, "capture-pane", "-p"], capture_output=True, text=True).stdout
        for h, m, s, ms, _ in row.findall(screen):
            stamp = wall.replace(hour=int(h), minute=int(m), second=int(s), microsecond=int(ms) * 1000)
            if abs((stamp - wall).total_seconds()) <= 10:
                took = time.time() - start
                break
        if took is not None:
            break
        time.sleep(0.02)
    subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return took if took is not None else float("nan")

times = {name: [] for name in builds}
loads = []
for _ in range(runs):
    loads.append(open("/proc/loadavg").read().split()[0])
    for name, dll in builds.items():
        times[name].append(newest_screen(dll))

print(f"Time to the newest screen, `demo --deployment --since 2h` at 120x40, {runs} runs each, interleaved")
print(f"Machine: {os.cpu_count()} cores; 1-min load at the start of each round: {' '.join(loads)}")
print()
print("| build | min s | median s | max s |")
print("|---|---|---|---|")
for name, samples in times.items():
    print(f"| {name} | {min(samples):.2f} | {statistics.median(samples):.2f} | {max(samples):.2f} |")
