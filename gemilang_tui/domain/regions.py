"""Kemendagri regions of Kabupaten Tangerang (36.03) from the bundled wilayah-3603.csv."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Literal

REGENCY_CODE = "36.03"
_DATA_PACKAGE = "gemilang_tui"
_DATA_PATH = "data/wilayah-3603.csv"

Jenis = Literal["kecamatan", "kelurahan", "desa"]


@dataclass(frozen=True, slots=True)
class Region:
    """A kecamatan, kelurahan or desa with its Kemendagri code."""

    kode: str
    nama: str
    jenis: Jenis
    kode_kecamatan: str
    nama_kecamatan: str

    @property
    def kind(self) -> str:
        """`Kecamatan`, `Kelurahan` or `Desa`: the official word, the same in every language."""
        return self.jenis.capitalize()

    @property
    def full_name(self) -> str:
        """`Desa Tapos`, `Kelurahan Binong`, `Kecamatan Tigaraksa`."""
        return f"{self.kind} {self.nama}"


@dataclass(frozen=True, slots=True)
class _Index:
    by_code: dict[str, Region]
    kecamatan: tuple[Region, ...]
    villages: dict[str, tuple[Region, ...]]


def _sort_key(region: Region) -> tuple[str, str]:
    return (region.nama.casefold(), region.kode)


@cache
def _index() -> _Index:
    # files() on the parent package: gemilang_tui/data has no __init__.py.
    text = files(_DATA_PACKAGE).joinpath(_DATA_PATH).read_text(encoding="utf-8")
    regions = [
        Region(
            kode=row["kode"],
            nama=row["nama"],
            jenis=_jenis(row["jenis"]),
            kode_kecamatan=row["kode_kecamatan"],
            nama_kecamatan=row["nama_kecamatan"],
        )
        for row in csv.DictReader(io.StringIO(text))
    ]
    villages: dict[str, list[Region]] = {}
    for r in regions:
        if r.jenis != "kecamatan":
            villages.setdefault(r.kode_kecamatan, []).append(r)
    return _Index(
        by_code={r.kode: r for r in regions},
        kecamatan=tuple(sorted((r for r in regions if r.jenis == "kecamatan"), key=_sort_key)),
        villages={k: tuple(sorted(v, key=_sort_key)) for k, v in villages.items()},
    )


def _jenis(value: str) -> Jenis:
    if value == "kecamatan":
        return "kecamatan"
    if value == "kelurahan":
        return "kelurahan"
    if value == "desa":
        return "desa"
    raise ValueError(f"unknown jenis in {_DATA_PATH}: {value!r}")


def kecamatan() -> list[Region]:
    """All kecamatan of the regency, sorted by name."""
    return list(_index().kecamatan)


def villages(kode_kecamatan: str) -> list[Region]:
    """The kelurahan and desa of a kecamatan (code 36.03.KK), sorted by name; empty if unknown."""
    return list(_index().villages.get(kode_kecamatan, ()))


def region(kode: str) -> Region | None:
    """The region with this Kemendagri code, or None."""
    return _index().by_code.get(kode)


def village_by_digits(digits: str) -> Region | None:
    """The desa or kelurahan of a 10-digit code without dots (3603032013 → Desa Tapos), or None."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return None
    found = region(f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}")
    return found if found is not None and found.jenis != "kecamatan" else None


def kecamatan_by_nik_code(code: str) -> Region | None:
    """The kecamatan for a NIK's 2 district digits (28 → 36.03.28), or None if unknown."""
    if len(code) != 2 or not code.isascii() or not code.isdigit():
        return None
    found = region(f"{REGENCY_CODE}.{code}")
    return found if found is not None and found.jenis == "kecamatan" else None


def is_kelurahan(kode_desa: str) -> bool:
    """Whether this desa-level code is a kelurahan: by the bundled list, else by the Kemendagri rule (36.03.KK.1NNN)."""
    found = region(kode_desa)
    if found is not None:
        return found.jenis == "kelurahan"
    return kode_desa.rsplit(".", 1)[-1].startswith("1")


def place_name(village: Region, district: Region) -> str:
    """`Desa Tapos, Kecamatan Tigaraksa` (the Kemendagri names; the same in every language)."""
    return f"{village.full_name}, {district.full_name}"


def office_name(village: Region) -> str:
    """`Kantor Desa Tapos` or `Kantor Kelurahan Binong`: where a letter is signed and collected."""
    return f"Kantor {village.full_name}"
