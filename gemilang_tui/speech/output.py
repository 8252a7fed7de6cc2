"""Where an utterance goes: a small audio player (aplay, paplay, pw-play, ffplay, afplay) or WAV and text files."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from gemilang_tui.storage import private_dir, write_private

PLAYERS: tuple[tuple[str, list[str]], ...] = (
    ("aplay", ["-q"]),
    ("paplay", []),
    ("pw-play", []),
    ("afplay", []),
    ("ffplay", ["-nodisp", "-autoexit", "-loglevel", "quiet"]),
)
Cancelled = Callable[[], bool]


class PlaybackFailed(RuntimeError):
    """The player could not play (no sound card, no sound server): the message is its own words."""


class NoPlayer(RuntimeError):
    """No audio player program on this machine."""


class Output(Protocol):
    def play(self, wav: bytes, text: str, cancelled: Cancelled) -> None: ...
    def kill(self) -> None: ...


class Player:
    """Plays a WAV through a player program in its own process, which `kill()` ends at once."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._folder = Path(tempfile.mkdtemp(prefix="gemilang-speech-"))

    @classmethod
    def find(cls) -> Player:
        for program, options in PLAYERS:
            found = shutil.which(program)
            if found:
                return cls([found, *options])
        raise NoPlayer("no audio player (" + ", ".join(name for name, _ in PLAYERS) + ") on the PATH")

    def play(self, wav: bytes, text: str, cancelled: Cancelled) -> None:
        path = self._folder / "utterance.wav"  # in a folder of mkdtemp's, 0700
        write_private(path, wav)
        with self._lock:
            if cancelled():
                return
            process = self._process = subprocess.Popen([*self.command, str(path)], stdin=subprocess.DEVNULL,
                                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            while process.poll() is None:
                if cancelled():
                    process.kill()
                time.sleep(0.02)
            said = process.stderr.read().decode(errors="replace").strip() if process.stderr else ""
            problem = said.splitlines()[-1] if said else ""  # the player's last line says what went wrong
        finally:
            if process.stderr:
                process.stderr.close()
            with self._lock:
                self._process = None
        if process.returncode > 0 and not cancelled():
            name = Path(self.command[0]).name
            problem = problem or f"exit {process.returncode}"
            raise PlaybackFailed(problem if problem.startswith(name) else f"{name}: {problem}")

    def kill(self) -> None:
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                self._process.kill()


class FileSink:
    """`GEMILANG_SPEECH=file:DIR`: each utterance as DIR/NNNN.wav and DIR/NNNN.txt (the exact text spoken)."""

    def __init__(self, folder: Path) -> None:
        self.folder = private_dir(folder)  # what is said holds a NIK or a phone, digit by digit: 0700 and 0600
        numbers = [int(path.stem) for path in folder.glob("*.txt") if path.stem.isdigit()]
        self._next = max(numbers, default=0) + 1

    def play(self, wav: bytes, text: str, cancelled: Cancelled) -> None:
        stem = f"{self._next:04d}"
        self._next += 1
        write_private(self.folder / f"{stem}.wav", wav)
        partial = self.folder / f".{stem}.txt"
        write_private(partial, text + "\n")
        os.replace(partial, self.folder / f"{stem}.txt")  # the text appears whole, after its sound

    def kill(self) -> None:
        """Files are written at once: nothing to stop."""
