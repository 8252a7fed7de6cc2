"""Reference numbers (SPT-2026-000123, PPID-2026-0042, LM-2026-00077, AK1-2026-00001…) and numeric LAPOR! tickets.

At the kiosk a citizen types the digits of the number, all of them and nothing else (`digits_of`): PPID-2026-0042
is typed 20260042, AK1-2026-00001 is typed 1202600001. The receipt shows those same digits in big type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

YEAR_DIGITS = 4
TICKET_DIGITS = 7

_SEPARATORS = re.compile(r"[\s.\-/_#]+")
_LEADING_LETTERS = re.compile(r"[A-Za-z]*")
_ASCII_DIGITS = re.compile(r"[0-9]+")


class ReferenceNumberError(ValueError):
    """A reference or ticket number that cannot be accepted; `reason` is a machine code."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, params)
        self.reason = reason
        self.params: dict[str, Any] = params


def digits_of(official: str) -> str:
    """What a citizen types for an official number: its digits, in order (`AK1-2026-00001` → `1202600001`)."""
    return "".join(ch for ch in official if ch.isdigit())


@dataclass(frozen=True, slots=True)
class ReferenceFormat:
    """A reference shaped PREFIX-YYYY-serial with a fixed number of serial digits (the prefix may hold digits)."""

    prefix: str
    serial_digits: int

    @property
    def prefix_letters(self) -> str:
        """The letters the prefix starts with (`AK` of `AK1`)."""
        found = _LEADING_LETTERS.match(self.prefix)
        return found.group(0) if found else ""

    @property
    def prefix_digits(self) -> str:
        """The digits of the prefix, which a citizen types too (`1` of `AK1`)."""
        return self.prefix[len(self.prefix_letters):]

    @property
    def digit_count(self) -> int:
        """How many digits a kiosk user types: the prefix's digits, the year and the serial."""
        return len(self.prefix_digits) + YEAR_DIGITS + self.serial_digits


SPT = ReferenceFormat("SPT", 6)  # Sipinter licence registration
PPID = ReferenceFormat("PPID", 4)  # public information request
LM = ReferenceFormat("LM", 5)  # Layanan Mandiri request
IZM = ReferenceFormat("IZM4", 5)  # SIMAPAN burial permit application
DNR = ReferenceFormat("DNR5", 5)  # Sidoni blood donor registration
AK1 = ReferenceFormat("AK1", 5)  # Siap Kerja job seeker's card (AK/1) application


def format_reference(fmt: ReferenceFormat, year: int, serial: int) -> str:
    """Build the canonical text, e.g. SPT-2026-000123."""
    return f"{fmt.prefix}-{year:0{YEAR_DIGITS}d}-{serial:0{fmt.serial_digits}d}"


def normalise_reference(text: str, fmt: ReferenceFormat) -> str:
    """Accept SPT-2026-000123, 'spt 2026 000123' or 2026000123 and return SPT-2026-000123.

    A prefix with digits is typed with them (`1202600001` → AK1-2026-00001); on a keyboard `AK1-2026-00001` and
    `2026-00001` are understood too.
    """
    compact = _SEPARATORS.sub("", text)
    if not compact:
        raise ReferenceNumberError("empty")
    letters_match = _LEADING_LETTERS.match(compact)
    letters = letters_match.group(0) if letters_match else ""
    # The prefix is optional because the kiosk keypad may offer digits only.
    if letters and letters.upper() != fmt.prefix_letters.upper():
        raise ReferenceNumberError("prefix", got=letters.upper(), expected=fmt.prefix)
    digits = compact[len(letters) :]
    if digits and not _ASCII_DIGITS.fullmatch(digits):
        raise ReferenceNumberError("not_digits")
    own = fmt.prefix_digits
    if own and len(digits) == fmt.digit_count - len(own):
        digits = own + digits  # typed on a keyboard without the prefix: 2026-00001
    if len(digits) != fmt.digit_count:
        raise ReferenceNumberError("length", got=len(digits), expected=fmt.digit_count)
    if not digits.startswith(own):
        raise ReferenceNumberError("prefix", got=digits[: len(own)], expected=fmt.prefix)
    digits = digits[len(own) :]
    return f"{fmt.prefix}-{digits[:YEAR_DIGITS]}-{digits[YEAR_DIGITS:]}"


def parse_ticket(text: str, digits: int = TICKET_DIGITS) -> str:
    """Accept a numeric ticket such as 2611001 or #2611001 and return its digits."""
    cleaned = _SEPARATORS.sub("", text)
    if not cleaned:
        raise ReferenceNumberError("empty")
    if not _ASCII_DIGITS.fullmatch(cleaned):
        raise ReferenceNumberError("not_digits")
    if len(cleaned) != digits:
        raise ReferenceNumberError("length", got=len(cleaned), expected=digits)
    return cleaned
