"""Start-up, key latency and peak memory of the kiosk in a real pseudo-terminal (80×24), next to a bare Textual app.

    python benchmarks/startup.py [--runs 5]

Budgets (issue #2): first paint within 1.5× the bare app, a digit key to the next screen within 3× the bare app
pushing a plain screen, peak memory (RSS) under 60 MiB. Not a test: timing on a shared machine is noisy, so this
reports medians and says which budgets were met.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[=>P_\\^]")
SETTLE_SECONDS = 2.5


def _spawn(argv: list[str], env: dict[str, str]) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def _wait_for(fd: int, marker: bytes, start: float, timeout: float = 20.0) -> float:
    """Read the terminal until `marker` shows (escape codes stripped); seconds since `start`."""
    seen = b""
    deadline = start + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if marker in ANSI.sub(b"", seen).replace(b"\r", b"").replace(b"\n", b""):
                return time.perf_counter() - start
    shown = ANSI.sub(b"", seen).decode(errors="replace")[-1500:]
    raise TimeoutError(f"{marker!r} never appeared; the terminal showed:\n{shown}")


def _drain(fd: int, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def measure(argv: list[str], first: bytes, second: bytes, env: dict[str, str]) -> dict[str, float]:
    start = time.perf_counter()
    pid, fd = _spawn(argv, env)
    try:
        first_paint = _wait_for(fd, first, start)
        _drain(fd, SETTLE_SECONDS)  # let background work (the embedded mock) finish, as a citizen would read
        pressed = time.perf_counter()
        os.write(fd, b"1")
        key_to_screen = _wait_for(fd, second, pressed)
        _drain(fd, 0.5)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
        os.close(fd)
    return {"first_paint_s": first_paint, "key_to_next_screen_s": key_to_screen,
            "peak_rss_mib": usage.ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--set", action="append", default=[], metavar="GEMILANG_X=VALUE",
                        help="a setting for the kiosk, e.g. GEMILANG_SPEECH=none to see what speech costs")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEMILANG_")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="24", GEMILANG_TODAY="2026-11-28",
               GEMILANG_DATA_DIR=str(HERE / "results" / "data"), GEMILANG_CONFIG="")
    env.update(item.split("=", 1) for item in args.set)
    python = sys.executable
    subjects = {
        "bare": ([python, str(HERE / "bare_app.py")], b"Bare app ready", b"Second screen"),
        "kiosk": ([python, "-m", "gemilang_tui.cli"], b"Selamat datang", b"Menu Utama"),
    }
    results: dict[str, list[dict[str, float]]] = {name: [] for name in subjects}
    for _ in range(args.runs):
        for name, (argv, first, second) in subjects.items():  # interleaved, so machine noise hits both
            results[name].append(measure(argv, first, second, env))
    summary = {
        name: {metric: statistics.median(run[metric] for run in runs) for metric in runs[0]}
        for name, runs in results.items()
    }
    bare, kiosk = summary["bare"], summary["kiosk"]
    budgets = {
        "first paint ≤ 1.5× bare": kiosk["first_paint_s"] <= 1.5 * bare["first_paint_s"],
        "key → next screen ≤ 3× bare": kiosk["key_to_next_screen_s"] <= 3 * bare["key_to_next_screen_s"],
        "peak memory < 60 MiB": kiosk["peak_rss_mib"] < 60,
    }
    print(f"{'':8}{'first paint':>14}{'key → screen':>16}{'peak RSS':>12}   (median of {args.runs})")
    for name, values in summary.items():
        print(f"{name:8}{values['first_paint_s'] * 1000:>11.0f} ms{values['key_to_next_screen_s'] * 1000:>13.0f} ms"
              f"{values['peak_rss_mib']:>8.1f} MiB")
    print(f"ratio   {kiosk['first_paint_s'] / bare['first_paint_s']:>13.2f}×"
          f"{kiosk['key_to_next_screen_s'] / bare['key_to_next_screen_s']:>15.2f}×")
    for label, met in budgets.items():
        print(f"  {'ok  ' if met else 'OVER'} {label}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "startup.json").write_text(json.dumps({"runs": results, "median": summary, "budgets": budgets},
                                                 indent=2))
    return 0 if all(budgets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
