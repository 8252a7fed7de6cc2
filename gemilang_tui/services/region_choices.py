"""Kecamatan → desa/kelurahan as numbered wizard choices (the Kemendagri names of data/wilayah-3603.csv).

Shared by the submissions that ask where something is, where someone lives or which village office is asked
(LAPOR!, PPID, Layanan Mandiri). The words (`Desa`, `Kelurahan`) belong to `gemilang_tui.domain.regions`.
Names are the same in every language.
"""

from __future__ import annotations

from typing import Any

from gemilang_tui.domain import regions
from gemilang_tui.i18n import L
from gemilang_tui.wizard import (
    Answers,
    Label,
    Where,
    WhereIn,
    district_choices,
    kiosk_village_answer,
    village_choices,
)

DISTRICT_NOTE = L("The kecamatan of this kiosk first, then the others in alphabetical order.")


def where_desa(district_question: Label, village_question: Label, *, nik_key: str | None = None,
               **common: Any) -> list[Where | WhereIn]:
    """Kecamatan → desa or kelurahan, "Di sini: Desa …, Kecamatan …" first (both answered by it); with `nik_key`,
    the kecamatan of the NIK comes right after the kiosk's."""
    return [
        Where("kecamatan", district_question, district_choices, summary=L("Kecamatan"), note=DISTRICT_NOTE,
              here_in="desa", here_answer=kiosk_village_answer, nik_key=nik_key, **common),
        WhereIn("desa", village_question, village_choices("kecamatan"), summary=L("Village"),
                body=_district_line, depends_on=["kecamatan"]),
    ]


def _district_line(ctx: Any, answers: Answers) -> list[str]:
    return [f"Kecamatan {answers.data('kecamatan').nama}"]


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
