"""Indonesian mobile phone numbers: normalisation to 08… and masking."""

from __future__ import annotations

import re
from typing import Any

MIN_LENGTH = 10
MAX_LENGTH = 13

_SEPARATORS = re.compile(r"[\s.\-()]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")


class PhoneError(ValueError):
    """A phone number that cannot be accepted; `reason` is a machine code, `params` its details."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, params)
        self.reason = reason
        self.params: dict[str, Any] = params


def parse_phone(text: str) -> str:
    """Normalise a typed mobile number (08…, +628…, 628…, 8…) to the 08… form."""
    raw = _SEPARATORS.sub("", text)
    if not raw:
        raise PhoneError("empty")
    if raw.startswith("+"):
        raw = raw[1:]
        # "+" only ever introduces the country code.
        if not raw.startswith("62"):
            raise PhoneError("not_mobile")
    if not _ASCII_DIGITS.fullmatch(raw):
        raise PhoneError("not_mobile")
    if raw.startswith("62"):
        local = "0" + raw[2:]
    elif raw.startswith("8"):
        local = "0" + raw
    else:
        local = raw
    if not local.startswith("08"):
        raise PhoneError("not_mobile")
    if not MIN_LENGTH <= len(local) <= MAX_LENGTH:
        raise PhoneError("length", got=len(local), min=MIN_LENGTH, max=MAX_LENGTH)
    return local


def mask_phone(digits: str) -> str:
    """Hide all but the first 4 and last 4 digits, e.g. 0812****7890."""
    cleaned = _SEPARATORS.sub("", digits)
    if len(cleaned) <= 8:
        return "*" * len(cleaned)
    return cleaned[:4] + "*" * (len(cleaned) - 8) + cleaned[-4:]
