"""The attendant's PIN: stored only as a salted PBKDF2 hash, and wrong guesses slow down."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable

ITERATIONS = 200_000
FREE_ATTEMPTS = 3
FIRST_LOCKOUT_SECONDS = 30.0


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
    """Checks PINs; after three wrong ones each further try waits twice as long as the last."""

    def __init__(self, stored: str | None, clock: Callable[[], float] = time.monotonic) -> None:
        self.stored = stored
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0
        self._lock = threading.Lock()  # check() runs in a worker thread; two checks never overlap

    def wait_seconds(self) -> int:
        return max(0, int(self.locked_until - self.clock() + 0.999))

    def check(self, pin: str) -> bool:
        """Slow by design (PBKDF2): call it from a thread, e.g. `asyncio.to_thread(gate.check, pin)`."""
        with self._lock:
            if self.stored is None or self.wait_seconds() > 0:
                return False
            if verify_pin(pin, self.stored):
                self.failures = 0
                return True
            self.failures += 1
            if self.failures >= FREE_ATTEMPTS:
                self.locked_until = self.clock() + FIRST_LOCKOUT_SECONDS * 2 ** (self.failures - FREE_ATTEMPTS)
            return False
