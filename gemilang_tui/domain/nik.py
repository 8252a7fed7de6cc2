"""NIK (Nomor Induk Kependudukan): parsing, birth date, sex and masking."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

NIK_LENGTH = 16
TANGERANG_PREFIX = "3603"
# Women's NIK carry the birth day plus 40.
FEMALE_DAY_OFFSET = 40

_SEPARATORS = re.compile(r"[\s.\-]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")


class NikError(ValueError):
    """A NIK that cannot be accepted; `reason` is a machine code, `params` its details."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, params)
        self.reason = reason
        self.params: dict[str, Any] = params


@dataclass(frozen=True, slots=True)
class Nik:
    """A well-formed NIK and what it encodes."""

    digits: str
    province: str
    regency: str
    district: str
    birth_date: date
    sex: Literal["F", "M"]

    @property
    def is_tangerang(self) -> bool:
        """True when the NIK was first issued in Kabupaten Tangerang (3603)."""
        return self.digits.startswith(TANGERANG_PREFIX)

    @property
    def masked(self) -> str:
        """The NIK safe for display and logs."""
        return mask_nik(self.digits)


def clean_nik(text: str) -> str:
    """Strip spaces, dots and dashes from typed NIK text."""
    return _SEPARATORS.sub("", text)


def parse_nik(text: str, *, today: date | None = None) -> Nik:
    """Parse typed NIK text, raising NikError with a reason code when it is not a possible NIK."""
    digits = clean_nik(text)
    if not digits:
        raise NikError("empty")
    if not _ASCII_DIGITS.fullmatch(digits):
        raise NikError("not_digits")
    if len(digits) != NIK_LENGTH:
        raise NikError("length", got=len(digits), expected=NIK_LENGTH)

    raw_day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if not 1 <= month <= 12:
        raise NikError("month", month=month)
    sex: Literal["F", "M"] = "F" if raw_day > FEMALE_DAY_OFFSET else "M"
    day = raw_day - FEMALE_DAY_OFFSET if sex == "F" else raw_day
    if not 1 <= day <= 31:
        raise NikError("day", day=raw_day)
    year = _birth_year(yy, month, day, today or date.today())
    try:
        birth_date = date(year, month, day)
    except ValueError:
        raise NikError("date", year=year, month=month, day=day) from None
    return Nik(
        digits=digits,
        province=digits[0:2],
        regency=digits[2:4],
        district=digits[4:6],
        birth_date=birth_date,
        sex=sex,
    )


def _birth_year(yy: int, month: int, day: int, today: date) -> int:
    """The NIK stores two year digits: take the 2000s unless that birthday is still in the future."""
    # Day clamped to 28 so the comparison itself cannot fail on 29-31; the real date is checked after.
    if date(2000 + yy, month, min(day, 28)) <= today:
        return 2000 + yy
    return 1900 + yy


def mask_nik(digits: str) -> str:
    """Hide all but the first 4 and last 4 digits of a NIK, e.g. 3603********0003."""
    cleaned = clean_nik(digits)
    if len(cleaned) <= 8:
        return "*" * len(cleaned)
    return cleaned[:4] + "*" * (len(cleaned) - 8) + cleaned[-4:]
