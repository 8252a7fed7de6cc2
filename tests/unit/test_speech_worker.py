"""The speech worker as a real process: restarted when it dies, gone when the kiosk goes, its player cut off at once.

A fake `aplay` first on the PATH stands for the sound card: it notes its process id and plays (sleeps) for 30 s.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from gemilang_tui.flow import Option, View
from gemilang_tui.speech import link
from gemilang_tui.speech.voice import Voice

ROOT = Path(__file__).resolve().parents[2]
MENU = View(title="Menu Utama", question="Tekan nomornya.", options=[Option("Siaga Darurat", number=5)])
SIAGA = View(title="Siaga Darurat", body=["Dalam keadaan darurat, telepon 112."])


class Screen:
    """Something the app would pass as its screen (the voice keeps a weak reference)."""


def until(condition, seconds: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out: {what}"
        time.sleep(0.02)


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def said(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8").strip() for path in sorted(folder.glob("[0-9]*.txt"))]


@pytest.fixture
def player(tmp_path, monkeypatch) -> Path:
    """A fake `aplay` on the PATH; returns the file where each one started writes its pid."""
    folder = tmp_path / "bin"
    folder.mkdir()
    started = tmp_path / "players"
    fake = folder / "aplay"
    fake.write_text(f'#!/bin/sh\necho $$ >> "{started}"\nexec sleep 30\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return started


def players(started: Path) -> list[int]:
    return [int(line) for line in started.read_text().split()] if started.exists() else []


@pytest.fixture
def quick_restarts(monkeypatch):
    monkeypatch.setattr(link, "FIRST_PAUSE", 0.05)


def test_a_worker_that_dies_is_started_again_and_speech_goes_on(tmp_path, quick_restarts):
    folder = tmp_path / "speech"
    voice = Voice(f"file:{folder}")
    try:
        assert voice.wait_ready(10) and voice.status()[0] == "on"
        voice.show(Screen(), MENU)
        until(lambda: said(folder), what="the menu said")
        first = voice._link.pid
        os.kill(first, signal.SIGKILL)  # as a fault in the C library would
        voice.show(Screen(), SIAGA)  # shown while the worker is down: said by the next one
        until(lambda: len(said(folder)) == 2, what="the next screen said by a new worker")
        assert said(folder)[1] == "Siaga Darurat. Dalam keadaan darurat, telepon satu satu dua."
        assert voice._link.pid not in (None, first) and not alive(first) and voice._link.started == 2
        assert voice.status()[0] == "on"
    finally:
        voice.close()


def test_a_worker_that_keeps_dying_leaves_the_kiosk_quiet_with_one_line_logged(quick_restarts, caplog, monkeypatch):
    def dying(mode):
        return subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    caplog.set_level(logging.INFO, logger="gemilang_tui.speech")
    monkeypatch.setattr(Voice, "launch", staticmethod(dying))
    voice = Voice("espeak")
    try:
        until(lambda: voice._link.gave_up, what="giving up")
        voice.show(Screen(), MENU)  # quietly nothing
        voice.stop()
    finally:
        voice.close()
    assert voice._link.started == link.MAX_RESTARTS + 1
    state, detail = voice.status()
    assert state == "missing" and "stopped 4 times" in detail
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "restart the kiosk" in warnings[0].getMessage()


def test_a_new_screen_and_a_key_stop_the_player_at_once(player):
    voice = Voice("espeak")
    try:
        assert voice.wait_ready(10)
        if voice.status()[0] == "missing":
            pytest.skip(f"no engine: {voice.status()[1]}")
        voice.show(Screen(), MENU)
        until(lambda: len(players(player)) == 1, what="the menu playing")
        menu_player = players(player)[0]
        voice.show(Screen(), SIAGA)
        until(lambda: not alive(menu_player), seconds=30.0, what="the menu's player killed by the new screen")
        until(lambda: len(players(player)) == 2, what="the new screen playing")
        started = time.monotonic()
        voice.stop()
        until(lambda: not alive(players(player)[1]), seconds=30.0, what="a key killing the player")
        print(f"\nkey → player killed: {(time.monotonic() - started) * 1000:.0f} ms")
        time.sleep(0.3)
        assert len(players(player)) == 2  # nothing more said after the key
    finally:
        voice.close()


KIOSK = textwrap.dedent("""
    import sys, time
    from gemilang_tui.flow import Option, View
    from gemilang_tui.speech.voice import Voice

    class Screen: pass
    voice = Voice("espeak")
    voice.wait_ready(10)
    voice.show(Screen(), View(title="Menu Utama", options=[Option("Siaga Darurat", number=5)]))
    print(voice._link.pid, flush=True)
    sys.stdin.readline()
    if sys.argv[1] == "close":
        voice.close()
""")


@pytest.mark.parametrize("ending", ["close", "exit", "kill"])
def test_the_worker_and_its_player_are_gone_when_the_kiosk_is(player, ending):
    kiosk = subprocess.Popen([sys.executable, "-c", KIOSK, ending], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True)
    try:
        worker = int(kiosk.stdout.readline())
        until(lambda: players(player), what="the player started by the worker")
        sound = players(player)[0]
        assert alive(worker) and alive(sound)
        if ending == "kill":
            kiosk.kill()  # no goodbye: the worker reads the end of its input
        else:
            kiosk.stdin.write("\n")
            kiosk.stdin.flush()
        kiosk.wait(10)
        until(lambda: not alive(worker), seconds=30.0, what="the worker gone")
        until(lambda: not alive(sound), seconds=30.0, what="its player gone")
    finally:
        kiosk.kill()
        kiosk.wait()


LIGHT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from gemilang_tui.flow import Option, View
    from gemilang_tui.speech.voice import Voice

    class Screen: pass
    voice = Voice("file:" + sys.argv[1])
    voice.wait_ready(10)
    voice.show(Screen(), View(title="Tagihan", body=["Total: Rp1.150.500"], options=[Option("Bayar", number=1)]))
    while not (Path(sys.argv[1]) / "0001.txt").exists():
        time.sleep(0.01)
    voice.close()
    print(" ".join(sorted(sys.modules)))
""")


def test_the_kiosk_process_stays_light_the_worker_does_the_work(tmp_path):
    result = subprocess.run([sys.executable, "-c", LIGHT, str(tmp_path)], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    loaded = set(result.stdout.split())
    heavy = {"ctypes", "num2words", "espeakng_loader", "gemilang_tui.speech.normalise", "gemilang_tui.speech.engines"}
    assert not heavy & loaded
    assert said(tmp_path) == ["Tagihan. Total: satu juta seratus lima puluh ribu lima ratus rupiah. Tekan satu untuk "
                              "Bayar."]


def test_a_voice_closed_while_its_worker_starts_leaves_no_worker(tmp_path, monkeypatch):
    launched = []

    def launch(mode):
        time.sleep(0.2)  # closed during this
        launched.append(link.launch_process(mode))
        return launched[-1]

    monkeypatch.setattr(Voice, "launch", staticmethod(launch))
    voice = Voice(f"file:{tmp_path}")
    voice.close()
    until(lambda: launched, what="the worker launched")
    until(lambda: launched[0].poll() is not None, seconds=30.0, what="the worker ended")
    time.sleep(0.3)
    assert len(launched) == 1 and voice._link.started == 1
