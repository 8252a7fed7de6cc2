"""The attendant's PIN: stored only as a salted PBKDF2 hash, and wrong guesses slow down."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

ITERATIONS = 200_000
FREE_ATTEMPTS = 3
FIRST_LOCKOUT_SECONDS = 30.0
MAX_LOCKOUT_SECONDS = 3600.0
STATE_FILE = "attendant-pin.json"  # in the data folder: failures and the end of a lock-out


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """`pbkdf2_sha256$iterations$salt$hash`, the form `GEMILANG_ATTENDANT_PIN_HASH` takes."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, expected = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), expected)


def is_pin_hash(value: str) -> bool:
    parts = value.split("$")
    return (len(parts) == 4 and parts[0] == "pbkdf2_sha256" and parts[1].isdigit()
            and all(_is_hex(part) for part in parts[2:]))


def _is_hex(text: str) -> bool:
    try:
        return bool(bytes.fromhex(text))
    except ValueError:
        return False


class PinGate:
    """Checks PINs; after three wrong ones each further try waits twice as long as the last (up to an hour).

    With `state` (a file in the data folder) the failure count and the end of the lock-out survive a restart, so a
    power cut does not give three new free tries. Times are wall-clock (a restart resets a monotonic clock).
    """

    def __init__(self, stored: str | None, clock: Callable[[], float] = time.time, state: Path | None = None) -> None:
        self.stored = stored
        self.clock = clock
        self.state = state
        self.failures = 0
        self.locked_until = 0.0
        self._lock = threading.Lock()  # check() runs in a worker thread; two checks never overlap
        self._load()

    def wait_seconds(self) -> int:
        # a lock-out further away than the longest one means the clock went backwards: wait the longest, no more
        remaining = min(self.locked_until - self.clock(), MAX_LOCKOUT_SECONDS)
        return max(0, int(remaining + 0.999))

    def check(self, pin: str) -> bool:
        """Slow by design (PBKDF2): call it from a thread, e.g. `asyncio.to_thread(gate.check, pin)`."""
        with self._lock:
            if self.stored is None or self.wait_seconds() > 0:
                return False
            if verify_pin(pin, self.stored):
                if self.failures:
                    self.failures, self.locked_until = 0, 0.0
                    self._save()
                return True
            self.failures += 1
            if self.failures >= FREE_ATTEMPTS:
                lockout = FIRST_LOCKOUT_SECONDS * 2.0 ** min(self.failures - FREE_ATTEMPTS, 16)
                self.locked_until = self.clock() + min(lockout, MAX_LOCKOUT_SECONDS)
            self._save()
            return False

    def _load(self) -> None:
        if self.state is None:
            return
        try:
            data = json.loads(self.state.read_text(encoding="utf-8"))
            self.failures = max(0, int(data["failures"]))
            self.locked_until = float(data["locked_until"])
        except (FileNotFoundError, NotADirectoryError):  # never written (a data folder under a file cannot hold it)
            return
        except (OSError, ValueError, KeyError, TypeError):
            # a damaged file must not open the gate: count it as a lock-out just begun
            log.warning("attendant PIN state %s unreadable: locked out as a precaution", self.state)
            self.failures = FREE_ATTEMPTS
            self.locked_until = self.clock() + FIRST_LOCKOUT_SECONDS

    def _save(self) -> None:
        if self.state is None:
            return
        try:
            self.state.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            partial = self.state.with_name(self.state.name + ".tmp")
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump({"failures": self.failures, "locked_until": self.locked_until}, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, self.state)
        except OSError:
            log.warning("attendant PIN state %s cannot be written", self.state, exc_info=True)
