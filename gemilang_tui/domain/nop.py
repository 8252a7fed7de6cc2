"""NOP (Nomor Objek Pajak PBB): parsing and display format."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

NOP_LENGTH = 18
TANGERANG_PREFIX = "3603"

_NON_DIGITS = re.compile(r"[^0-9]+")


class NopError(ValueError):
    """A NOP that cannot be accepted; `reason` is a machine code, `params` its details."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, params)
        self.reason = reason
        self.params: dict[str, Any] = params


@dataclass(frozen=True, slots=True)
class Nop:
    """An 18-digit NOP of Kabupaten Tangerang, split as PP.DD.KKK.DDD.BBB-UUUU.J."""

    digits: str

    @property
    def kecamatan(self) -> str:
        """The 3-digit SISMIOP kecamatan code."""
        return self.digits[4:7]

    @property
    def desa(self) -> str:
        """The 3-digit SISMIOP desa/kelurahan code."""
        return self.digits[7:10]

    @property
    def blok(self) -> str:
        """The 3-digit block number."""
        return self.digits[10:13]

    @property
    def urut(self) -> str:
        """The 4-digit serial number within the block."""
        return self.digits[13:17]

    @property
    def jenis(self) -> str:
        """The 1-digit object kind (almost always 0)."""
        return self.digits[17]

    @property
    def formatted(self) -> str:
        """The NOP as 36.03.030.013.005-0117.0."""
        return format_nop(self.digits)


def parse_nop(text: str) -> Nop:
    """Parse typed NOP text (any separators), raising NopError with a reason code."""
    digits = _NON_DIGITS.sub("", text)
    if not digits:
        raise NopError("empty")
    if len(digits) != NOP_LENGTH:
        raise NopError("length", got=len(digits), expected=NOP_LENGTH)
    if not digits.startswith(TANGERANG_PREFIX):
        raise NopError("prefix", got=digits[:4], expected=TANGERANG_PREFIX)
    return Nop(digits)


def format_nop(digits: str) -> str:
    """Format an 18-digit NOP as PP.DD.KKK.DDD.BBB-UUUU.J."""
    d = _NON_DIGITS.sub("", digits)
    if len(d) != NOP_LENGTH:
        raise NopError("length", got=len(d), expected=NOP_LENGTH)
    return f"{d[0:2]}.{d[2:4]}.{d[4:7]}.{d[7:10]}.{d[10:13]}-{d[13:17]}.{d[17]}"
