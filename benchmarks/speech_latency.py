"""From a view shown to its sound ready to play, and the speech worker's memory: `GEMILANG_SPEECH=file:DIR` timing.

    python benchmarks/speech_latency.py [--runs 10]

"First" is the kiosk's welcome: shown as the voice starts (the worker process and eSpeak NG start with it);
"next" are later screens, each waited for. The sound is ready when DIR/NNNN.wav appears: synthesis is done and a
player would start on it. Not a test: timing on a shared machine is noisy, so this reports medians.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from gemilang_tui.flow import Option, View
from gemilang_tui.speech.voice import Voice

SCREENS = [
    View(title="Menu Utama", question="Layanan apa yang Anda perlukan? Tekan nomornya.",
         options=[Option(label, number=n) for n, label in enumerate(
             ["Layanan Mandiri", "Pajak rumah dan tanah", "Siaga Darurat", "Donor darah", "Cek laporan"], 1)]),
    View(title="Siaga Darurat", body=["Dalam keadaan darurat, telepon 112."],
         options=[Option("Nomor darurat lainnya", number=1)]),
    View(title="Tagihan PBB", body=["NOP 36.03.010.001.001-0001.0", "Total: Rp1.150.500", "Jatuh tempo 2026-08-31"]),
]


class Screen:
    """A screen as the app passes it (the voice keeps a weak reference)."""


def _wait_for(path: Path, since: float) -> float:
    while not path.exists():
        time.sleep(0.001)
        if time.perf_counter() - since > 20:
            raise TimeoutError(path)
    return time.perf_counter() - since


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(runs: int) -> None:
    first, later, worker_rss = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="gemilang-latency-") as folder:
            started = time.perf_counter()
            voice = Voice(f"file:{folder}", 70)
            voice.show(Screen(), SCREENS[0])
            first.append(_wait_for(Path(folder) / "0001.wav", started))
            for number, view in enumerate(SCREENS * 2, start=2):
                started = time.perf_counter()
                voice.show(Screen(), view)
                later.append(_wait_for(Path(folder) / f"{number:04d}.wav", started))
                _wait_for(Path(folder) / f"{number:04d}.txt", started)
            link = getattr(voice, "_link", None)
            if link is not None and link.pid is not None:
                worker_rss.append(_rss_mib(link.pid))
            voice.close()
    print(f"view → sound ready, first (voice starting): median {statistics.median(first) * 1000:.0f} ms")
    print(f"view → sound ready, next screens: median {statistics.median(later) * 1000:.0f} ms, "
          f"max {max(later) * 1000:.0f} ms ({len(later)} screens)")
    if worker_rss:
        print(f"speech worker peak RSS: median {statistics.median(worker_rss):.1f} MiB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    run(parser.parse_args().runs)
