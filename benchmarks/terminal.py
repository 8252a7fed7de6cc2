"""A program in a real pseudo-terminal (80×24), its output read as a terminal shows it (pyte): for `make bench`
and for the tests that need the kiosk as a terminal runs it (its own process, its own memory)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from pathlib import Path


def _spawn(argv: list[str], env: dict[str, str]) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


class Terminal:
    """A program in an 80×24 pseudo-terminal, its output fed to an emulated screen."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        import pyte

        self.started = time.perf_counter()
        self.pid, self.fd = _spawn(argv, env)
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def shows(self, marker: str) -> bool:
        """The marker is on screen, above the key legend (whose words, "Bantuan", are on every screen)."""
        return marker in "\n".join(self.screen.display[:-1])

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            self.stream.feed(os.read(self.fd, 65536))
        except OSError:
            return False
        return True

    def wait(self, marker: str, start: float, timeout: float = 60.0) -> float:
        """Seconds from `start` until `marker` is shown."""
        deadline = start + timeout
        while time.perf_counter() < deadline:
            if self._read(0.002) and self.shows(marker):
                return time.perf_counter() - start
        shown = "\n".join(line.rstrip() for line in self.screen.display)
        raise TimeoutError(f"{marker!r} never appeared; the terminal showed:\n{shown}")

    def press(self, keys: str, marker: str, settle: float = 0.15) -> float:
        """Press keys (the last one timed) and wait for `marker`; seconds from the last key to the marker."""
        for key in keys[:-1]:
            os.write(self.fd, key.encode())
            self.drain(0.05)
        if self.shows(marker):
            raise RuntimeError(f"{marker!r} is already shown before {keys!r}")
        start = time.perf_counter()
        os.write(self.fd, keys[-1].encode())
        took = self.wait(marker, start)
        self.drain(settle)  # a citizen reads before the next key; the screen finishes drawing
        return took

    def press_and_settle(self, key: str, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Press a key and wait until the screen has changed and then stayed the same for `quiet` seconds."""
        before = list(self.screen.display)
        os.write(self.fd, key.encode())
        deadline = time.perf_counter() + timeout
        last_change = None
        shown = before
        while time.perf_counter() < deadline:
            if self._read(0.02) and self.screen.display != shown:
                shown, last_change = list(self.screen.display), time.perf_counter()
            if last_change is not None and shown != before and time.perf_counter() - last_change >= quiet:
                return
        raise TimeoutError(f"{key!r} changed nothing on screen")

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self._read(0.02)

    def memory_mib(self) -> dict[str, float]:
        """RSS now and its peak so far (VmHWM) of the program in the terminal."""
        fields = {}
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
        return fields

    def close(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.wait4(self.pid, 0)
        os.close(self.fd)
