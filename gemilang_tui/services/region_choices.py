"""Kecamatan → desa/kelurahan as numbered wizard choices (the Kemendagri names of data/wilayah-3603.csv).

Shared by the submissions that ask where someone lives or which village office is asked (PPID, Layanan Mandiri).
Names are the same in every language.
"""

from __future__ import annotations

from gemilang_tui.domain import regions
from gemilang_tui.flow import Context
from gemilang_tui.wizard import Answers, Choice


def districts(ctx: Context, answers: Answers) -> list[Choice]:
    """The 29 kecamatan, alphabetical (paged 7 at a time by the wizard)."""
    return [Choice(k.kode, k.nama, data=k) for k in regions.kecamatan()]


def villages(ctx: Context, answers: Answers) -> list[Choice]:
    """The desa and kelurahan of the chosen kecamatan, alphabetical; kelurahan marked as such."""
    return [Choice(v.kode, v.nama, hint="kelurahan" if v.jenis == "kelurahan" else "", data=v)
            for v in regions.villages(answers["kecamatan"])]


def village_kind(answers: Answers) -> str:
    """`Desa` or `Kelurahan`."""
    return "Kelurahan" if answers.data("desa").jenis == "kelurahan" else "Desa"


def place_name(answers: Answers) -> str:
    """`Desa Tapos, Kecamatan Tigaraksa`."""
    return f"{village_kind(answers)} {answers.data('desa').nama}, Kecamatan {answers.data('kecamatan').nama}"


def office_name(answers: Answers) -> str:
    """`Kantor Desa Tapos` or `Kantor Kelurahan Binong`: where a letter is signed and collected."""
    return f"Kantor {village_kind(answers)} {answers.data('desa').nama}"


def region_payload(answers: Answers) -> dict[str, str]:
    """The codes and names the API takes for a desa or kelurahan."""
    village, district = answers.data("desa"), answers.data("kecamatan")
    return {"kode_kecamatan": district.kode, "kecamatan": district.nama, "kode_desa": village.kode,
            "desa": village.nama}
