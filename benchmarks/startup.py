"""Start-up, key latency and memory of the kiosk in a real pseudo-terminal (80×24), next to a bare Textual app.

    python benchmarks/startup.py [--runs 3] [--repeats 5]

Per run, interleaved so that machine noise hits both: the bare app (first paint; a plain screen pushed on "1"), then
the kiosk walked through every kind of screen (each digit timed `--repeats` times, going back in between), every
service of the Menu Utama opened once, and a LAPOR! complaint sent; then the kiosk on 10,000-item lists
(`--fixtures`, generated; restarted on that set, as a kiosk is: its first start, which checks the set, is shown
apart), then on a mock that answers after 2 s. The terminal's output is read with pyte, a terminal emulator: a screen
counts as shown when its text is on the emulated screen. Prints each figure with its budget and exits non-zero when
one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: its folder is on the path, not the project's
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.terminal import Terminal  # noqa: E402

HERE = Path(__file__).resolve().parent
SETTLE_SECONDS = 2.5


Samples = dict[str, list[float]]
ENTER = "\r"
NIK, PHONE = "3603284508710003", "081234567890"


def _timed(samples: Samples, figure: str, took: float) -> None:
    samples.setdefault(figure, []).append(took)


def bare_run(env: dict[str, str], repeats: int, samples: Samples) -> None:
    term = Terminal([sys.executable, str(HERE / "bare_app.py")], env)
    try:
        _timed(samples, "bare first paint", term.wait("Bare app ready", term.started))
        term.drain(SETTLE_SECONDS)
        for _ in range(repeats):
            _timed(samples, "bare push", term.press("1", "Second screen"))
            term.press("-", "Bare app ready")
    finally:
        term.close()


def _there_and_back(term: Terminal, samples: Samples, figure: str, key: str, marker: str, back: str,
                    back_marker: str, repeats: int, again: str | None = None) -> None:
    """Time `key` to the next screen `repeats` times (going back between), and stay on the next screen."""
    for attempt in range(repeats):
        _timed(samples, figure, term.press(key if attempt == 0 or again is None else again, marker))
        if attempt < repeats - 1:
            term.press(back, back_marker)


def kiosk_run(env: dict[str, str], repeats: int, samples: Samples, memory: dict[str, list[float]]) -> None:
    """Every kind of screen, a digit to each, every service of the Menu Utama opened once, then a LAPOR! complaint
    to its receipt."""
    term = Terminal([sys.executable, "-P", "-m", "gemilang_tui.cli"], env)
    try:
        _timed(samples, "first paint", term.wait("Selamat datang", term.started))
        term.drain(SETTLE_SECONDS)  # the embedded mock warms up while a citizen reads the welcome
        r = repeats
        _there_and_back(term, samples, "menu", "1", "Layanan apa yang Anda perlukan", "-", "Selamat datang", r)
        memory.setdefault("started", []).append(term.memory_mib()["VmRSS"])
        _there_and_back(term, samples, "page (help)", "*", "Tekan nomor pilihan Anda", "-", "Minta surat desa", r)
        term.press("-", "Minta surat desa")
        term.press("6", "Tekan nomor layanan")
        _there_and_back(term, samples, "list", "3", "Tekan angka berita", "-", "Tekan nomor layanan", r)
        _there_and_back(term, samples, "detail", "1", "28 November 2026 ·", "-", "Tekan angka berita", r)
        term.press("/", "Layanan apa yang Anda perlukan")
        every_service(term)
        memory.setdefault("every service", []).append(term.memory_mib()["VmRSS"])
        term.press("6", "Tekan nomor layanan")
        term.press("1", "Buat laporan")
        _there_and_back(term, samples, "form: first question", "1", "langkah 1 ", "-", "Buat laporan", r)
        _there_and_back(term, samples, "form: choice", "1", "langkah 2", "-", "langkah 1 ", r)
        term.press("1", "langkah 3")
        _there_and_back(term, samples, "form: paged choice", "2", "langkah 4", "-", "langkah 3", r)
        term.press("++++1", "langkah 5")
        term.press("+5", "langkah 6")
        _there_and_back(term, samples, "form: date choice", "2", "langkah 7", "-", "langkah 6", r)
        term.press("2", "langkah 8")
        term.press("2", "langkah 9")
        _there_and_back(term, samples, "form: to a digits field", "2", "langkah 10", "-", "langkah 9", r)
        for char in NIK:
            os.write(term.fd, char.encode())
        term.drain(0.3)
        _there_and_back(term, samples, "form: field answered", ENTER, "langkah 11", "-", "langkah 10", r, again="1")
        for char in PHONE:
            os.write(term.fd, char.encode())
        term.drain(0.3)
        _there_and_back(term, samples, "check page", ENTER, "periksa jawaban", "-", "langkah 11", r, again="1")
        _timed(samples, "receipt (sends)", term.press("1", "tanda terima", settle=1.0))
        memory.setdefault("walked and sent", []).append(term.memory_mib()["VmHWM"])
    finally:
        term.close()


#: The keys of every service from the Menu Utama (the bundled catalogue: 5 services, then 4 groups of them).
SERVICES = ("1", "2", "3", "4", "5", "61", "62", "63", "64", "71", "72", "73", "74", "81", "82",
            "91", "92", "93", "94", "95", "96", "97")


def every_service(term: Terminal) -> None:
    """Open each service of the Menu Utama once, back to the menu each time (for the memory after a walk)."""
    for keys in SERVICES:
        for key in keys:
            term.press_and_settle(key)
        term.press("/", "Layanan apa yang Anda perlukan")


def large_fixtures(folder: Path, count: int = 10_000) -> Path:
    """The bundled fixtures with 10,000 news articles and 10,000 job vacancies."""
    import copy

    source = Path(__file__).resolve().parent.parent / "gemilang_tui" / "fixtures"
    shutil.copytree(source, folder, dirs_exist_ok=True)
    for name, key in (("berita.json", "artikel"), ("siap_kerja.json", "lowongan")):
        data = json.loads((source / name).read_text())
        model = data[key]
        items = []
        for index in range(count):
            item = copy.deepcopy(model[index % len(model)])
            item["id"] = f"{item['id']}-{index:05d}"
            items.append(item)
        data[key] = items
        (folder / name).write_text(json.dumps(data))
    return folder


def first_start(env: dict[str, str], samples: Samples, fixtures: Path) -> None:
    """The first start on a new fixture set checks every file before the first paint (once: a stamp remembers)."""
    term = Terminal([sys.executable, "-P", "-m", "gemilang_tui.cli", "--fixtures", str(fixtures)], env)
    try:
        _timed(samples, "first paint, new 10,000-item fixtures", term.wait("Selamat datang", term.started))
    finally:
        term.close()


def large_run(env: dict[str, str], repeats: int, samples: Samples, fixtures: Path) -> None:
    term = Terminal([sys.executable, "-P", "-m", "gemilang_tui.cli", "--fixtures", str(fixtures)], env)
    try:
        _timed(samples, "first paint, 10,000-item fixtures", term.wait("Selamat datang", term.started))
        term.drain(SETTLE_SECONDS)
        term.press("1", "Layanan apa")
        term.press("6", "Tekan nomor layanan")
        _there_and_back(term, samples, "10,000 news: open", "3", "Tekan angka berita", "-", "Tekan nomor layanan",
                        repeats)
        for page in range(2, repeats + 2):
            _timed(samples, "10,000 news: next page", term.press("+", f"Halaman {page} dari"))
        term.press("/", "Layanan apa")
        term.press("82", "Semua lowongan")
        _there_and_back(term, samples, "10,000 jobs: open", "1", "Tekan nomor lowongan", "-", "Semua lowongan",
                        repeats)
        for page in range(2, repeats + 2):
            _timed(samples, "10,000 jobs: next page", term.press("+", f"Halaman {page} dari"))
    finally:
        term.close()


def slow_run(env: dict[str, str], repeats: int, samples: Samples) -> None:
    term = Terminal([sys.executable, str(HERE / "slow_kiosk.py")], env)
    try:
        term.wait("Selamat datang", term.started)
        term.drain(SETTLE_SECONDS)
        term.press("1", "Layanan apa")
        term.press("6", "Tekan nomor layanan")
        for _ in range(repeats):
            _timed(samples, "2 s API: loading line", term.press("3", "Mohon tunggu", settle=0.05))
            _timed(samples, "2 s API: back while loading", term.press("-", "Tekan nomor layanan"))
    finally:
        term.close()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


KINDS = ("menu", "page (help)", "list", "detail", "form: first question", "form: choice", "form: paged choice",
         "form: date choice", "form: to a digits field", "form: field answered", "check page", "receipt (sends)")


def budgets(samples: Samples, memory: dict[str, list[float]]) -> list[tuple[str, str, float, float | None, bool]]:
    """(figure, budget, measured, ratio to the bare app, met)."""
    median = {figure: statistics.median(values) for figure, values in samples.items()}
    ms = 1000
    rows = []
    paint = median["first paint"] / median["bare first paint"]
    rows.append(("first paint", "≤ 1.5× bare", median["first paint"] * ms, paint, paint <= 1.5))
    push = median["bare push"]
    everything = [value for kind in KINDS for value in samples[kind]]
    for kind in KINDS:
        ratio = median[kind] / push
        rows.append((f"digit → {kind} (median)", "≤ 3× bare push, ≤ 100 ms", median[kind] * ms, ratio,
                     ratio <= 3 and median[kind] <= 0.1))
    rows.append(("digit → any screen (p95)", "≤ 100 ms", p95(everything) * ms, None, p95(everything) <= 0.1))
    started = statistics.median(memory["started"])
    peak = max(memory["walked and sent"])
    rows.append(("RSS, Menu Utama shown (MiB)", "≤ 72", started, None, started <= 72))
    every = max(memory["every service"])
    rows.append(("RSS, every service opened (MiB)", "≤ 80", every, None, every <= 80))
    rows.append(("peak RSS, walked and sent (MiB)", "≤ 80", peak, None, peak <= 80))
    for figure, limit in (("10,000 news: open", 0.3), ("10,000 jobs: open", 0.3), ("10,000 news: next page", 0.05),
                          ("10,000 jobs: next page", 0.05), ("2 s API: loading line", 0.1),
                          ("2 s API: back while loading", 0.1)):
        rows.append((f"{figure} (p95)", f"≤ {limit * ms:.0f} ms", p95(samples[figure]) * ms, None,
                     p95(samples[figure]) <= limit))
    large = median["first paint, 10,000-item fixtures"] / median["first paint"]
    rows.append(("first paint, 10,000-item fixtures", "≤ 1.2× usual",
                 median["first paint, 10,000-item fixtures"] * ms, large, large <= 1.2))
    first = median["first paint, new 10,000-item fixtures"]
    rows.append(("  …the first start on that set (checks it)", "(not budgeted)", first * ms,
                 first / median["first paint"], True))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=5, help="each digit timed this often per run")
    parser.add_argument("--source", type=Path, default=HERE.parent,
                        help="the folder holding the gemilang_tui to measure (another checkout: before and after)")
    parser.add_argument("--set", action="append", default=[], metavar="GEMILANG_X=VALUE",
                        help="a setting for the kiosk, e.g. GEMILANG_SPEECH=none to see what speech costs")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="gemilang-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEMILANG_")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="24", GEMILANG_TODAY="2026-11-28", GEMILANG_CONFIG="",
               PYTHONPATH=str(args.source.resolve()))
    env.update(item.split("=", 1) for item in args.set)
    samples: Samples = {}
    memory: dict[str, list[float]] = {}
    try:
        fixtures = large_fixtures(data / "fixtures")
        large_env = dict(env, GEMILANG_DATA_DIR=str(data / "large"))
        first_start(large_env, samples, fixtures)  # checks the set and keeps a stamp: the runs are restarts
        for run in range(args.runs):  # interleaved, so that machine noise hits the bare app and the kiosk alike
            env["GEMILANG_DATA_DIR"] = str(data / f"kiosk-{run}")  # a fresh outbox each run
            bare_run(env, args.repeats, samples)
            kiosk_run(env, args.repeats, samples, memory)
            large_run(large_env, args.repeats, samples, fixtures)
            slow_run(env, 2, samples)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    rows = budgets(samples, memory)
    print(f"{'figure':46}{'budget':>26}{'measured':>10}{'ratio':>8}   ({args.runs} runs × {args.repeats})")
    for figure, budget, measured, ratio, met in rows:
        shown_ratio = f"{ratio:.2f}×" if ratio is not None else ""
        print(f"{'ok  ' if met else 'OVER'}{figure:42}{budget:>26}{measured:>10.1f}{shown_ratio:>8}")
    print(f"bare: first paint {statistics.median(samples['bare first paint']) * 1000:.0f} ms, "
          f"push {statistics.median(samples['bare push']) * 1000:.1f} ms")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "startup.json").write_text(json.dumps({"samples": samples, "memory": memory,
                                                  "budgets": [list(row) for row in rows]}, indent=2))
    return 0 if all(row[-1] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
