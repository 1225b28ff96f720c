#!/usr/bin/env python3
"""Makes assets/screen-demo.svg from a real terminal: runs `logviewer demo` in a detached tmux session (its own
socket), waits for log lines, captures the pane with its colours (`tmux capture-pane -e`) and turns the cells into an
SVG. Rerun it after changing what the screen shows, so the README's picture stays true:

    python3 assets/capture-screen.py                       # builds if needed, writes assets/screen-demo.svg
    python3 assets/capture-screen.py --out /tmp/x.svg --no-build
"""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTH, HEIGHT = 110, 30

# The xterm 16-colour palette, then the 6x6x6 cube and the grey ramp of the 256-colour palette.
BASE16 = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
          "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]
DEFAULT_FG, DEFAULT_BG = "#d0d0d0", "#1c1c1c"


def palette(index):
    if index < 16:
        return BASE16[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[index // 36], steps[index // 6 % 6], steps[index % 6])
    grey = 8 + (index - 232) * 10
    return "#%02x%02x%02x" % (grey, grey, grey)


def apply_sgr(params, style):
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            style.update(fg=None, bg=None, bold=False, reverse=False, underline=False, faint=False)
        elif c == 1:
            style["bold"] = True
        elif c == 2:
            style["faint"] = True
        elif c == 4:
            style["underline"] = True
        elif c == 7:
            style["reverse"] = True
        elif c == 22:
            style["bold"] = style["faint"] = False
        elif c == 24:
            style["underline"] = False
        elif c == 27:
            style["reverse"] = False
        elif 30 <= c <= 37 or 90 <= c <= 97:
            style["fg"] = BASE16[c - 30 if c < 90 else c - 82]
        elif 40 <= c <= 47 or 100 <= c <= 107:
            style["bg"] = BASE16[c - 40 if c < 100 else c - 92]
        elif c == 39:
            style["fg"] = None
        elif c == 49:
            style["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                style[key] = palette(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                style[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def cell_width(ch):
    return 2 if unicodedata.east_asian_width(ch[0]) in ("W", "F") else 1


def parse(capture):
    """Rows of (text, style) cells from `capture-pane -e -p` output."""
    rows = []
    for line in capture.split("\n")[:HEIGHT]:
        style = dict(fg=None, bg=None, bold=False, reverse=False, underline=False, faint=False)
        cells = []
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                apply_sgr(token[2:-1], style)
                continue
            for ch in token:
                if unicodedata.combining(ch) and cells:
                    cells[-1] = (cells[-1][0] + ch, cells[-1][1])
                else:
                    cells.append((ch, dict(style)))
        rows.append(cells)
    return rows


def to_svg(rows):
    cw, ch = 8.4, 17
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">'
           % (WIDTH * cw + 16, HEIGHT * ch + 16),
           '<rect width="100%%" height="100%%" rx="6" fill="%s"/>' % DEFAULT_BG]
    for y, cells in enumerate(rows):
        x = 0
        for text, s in cells:
            fg, bg = s["fg"] or DEFAULT_FG, s["bg"]
            if s["reverse"]:
                fg, bg = bg or DEFAULT_BG, fg or DEFAULT_FG
            w = cell_width(text)
            px, py = 8 + x * cw, 8 + y * ch
            if bg:
                out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>' % (px, py, w * cw + 0.5, ch, bg))
            if text.strip():
                attrs = ' font-weight="bold"' if s["bold"] else ""
                attrs += ' opacity="0.6"' if s["faint"] else ""
                attrs += ' text-decoration="underline"' if s["underline"] else ""
                out.append('<text x="%.1f" y="%d" fill="%s"%s>%s</text>' % (px, py + ch - 4, fg, attrs, html.escape(text)))
            x += w
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "assets", "screen-demo.svg"))
    parser.add_argument("--no-build", action="store_true", help="use the existing Debug build")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("capture-screen: tmux is needed")
    if not args.no_build:
        subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "LogViewer"), "-v", "q", "-nologo"], check=True)
    dll = os.path.join(ROOT, "src", "LogViewer", "bin", "Debug", "net10.0", "logviewer.dll")
    socket = "lv-capture-%d" % os.getpid()
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    try:
        subprocess.run(tmux + ["new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT), "dotnet '%s' demo --since 5m" % dll],
                       check=True, env=env)
        deadline = time.time() + 120
        capture = ""
        while time.time() < deadline:
            time.sleep(1)
            capture = subprocess.run(tmux + ["capture-pane", "-p", "-e"], capture_output=True, text=True).stdout
            plain = re.sub(r"\x1b\[[0-9;]*m", "", capture)
            if "Replicas" in plain and re.search(r"\d\d:\d\d:\d\d\.\d{3} (INF|WRN|ERR|DBG)", plain):
                time.sleep(2)  # let the first refresh settle
                capture = subprocess.run(tmux + ["capture-pane", "-p", "-e"], capture_output=True, text=True).stdout
                break
        else:
            sys.exit("capture-screen: no log lines within 120 s; the screen was:\n" + capture)
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(to_svg(parse(capture)))
    print("capture-screen: wrote %s" % args.out)


if __name__ == "__main__":
    main()
