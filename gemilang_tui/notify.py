"""systemd's notify protocol, no library: READY=1 once the kiosk shows its first screen, WATCHDOG=1 from its clock.

With `Type=notify` and `WatchdogSec=` in the unit, systemd restarts a kiosk whose interface stopped ticking (a hung
loop, a deadlock), not only one whose process ended. Outside systemd ($NOTIFY_SOCKET unset) nothing is sent.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping


def _address(path: str) -> str | bytes:
    """`@name` is a socket in Linux's abstract namespace: its address starts with a NUL byte."""
    return b"\0" + path[1:].encode() if path.startswith("@") else path


def notify(message: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send one datagram to $NOTIFY_SOCKET; False when there is none or it cannot be reached (never raises)."""
    path = (os.environ if environ is None else environ).get("NOTIFY_SOCKET", "")
    if not path or not (path.startswith("/") or path.startswith("@")):
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC | socket.SOCK_NONBLOCK) as sock:
            sock.connect(_address(path))
            sock.send(message.encode())  # never waits: a listener that does not read must not hang the kiosk
    except OSError:  # BlockingIOError (its queue is full) included
        return False
    return True


class Watchdog:
    """Pings systemd at half its WatchdogSec, when the caller's clock says the interface is alive."""

    def __init__(self, environ: Mapping[str, str] | None = None, monotonic: float = 0.0) -> None:
        environ = os.environ if environ is None else environ
        self._environ = dict(environ)
        self.interval = self._interval(environ)
        self._last = monotonic
        self._started = False  # no ping before READY: the first screen is the proof of life

    @staticmethod
    def _interval(environ: Mapping[str, str]) -> float | None:
        """Seconds between pings, or None when systemd watches no watchdog of ours."""
        if not environ.get("NOTIFY_SOCKET"):
            return None
        pid = environ.get("WATCHDOG_PID", "")
        if pid and pid != str(os.getpid()):  # meant for another process (a parent shell)
            return None
        try:
            microseconds = int(environ.get("WATCHDOG_USEC", ""))
        except ValueError:
            return None
        return microseconds / 2 / 1_000_000 if microseconds > 0 else None

    def tick(self, monotonic: float) -> bool:
        """Called from the interface's clock: ping when half the watchdog time has gone by. True when it pinged."""
        if not self._started or self.interval is None or monotonic - self._last < self.interval:
            return False
        self._last = monotonic
        return notify("WATCHDOG=1", self._environ)

    def ready(self, status: str = "") -> bool:
        """The first screen is drawn: systemd counts the service as started."""
        self._started = True
        return notify("READY=1" + (f"\nSTATUS={status}" if status else ""), self._environ)
