"""Kecamatan → desa/kelurahan as numbered wizard choices (the Kemendagri names of data/wilayah-3603.csv).

Shared by the submissions that ask where something is, where someone lives or which village office is asked
(LAPOR!, PPID, Layanan Mandiri). The words (`Desa`, `Kelurahan`) belong to `gemilang_tui.domain.regions`.
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


def place_name(answers: Answers) -> str:
    """`Desa Tapos, Kecamatan Tigaraksa`."""
    return regions.place_name(answers.data("desa"), answers.data("kecamatan"))


def office_name(answers: Answers) -> str:
    """`Kantor Desa Tapos` or `Kantor Kelurahan Binong`: where a letter is signed and collected."""
    return regions.office_name(answers.data("desa"))


def region_payload(answers: Answers) -> dict[str, str]:
    """The codes and names the API takes for a desa or kelurahan."""
    village, district = answers.data("desa"), answers.data("kecamatan")
    return {"kode_kecamatan": district.kode, "kecamatan": district.nama, "kode_desa": village.kode,
            "desa": village.nama}
