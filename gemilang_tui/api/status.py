"""What every status lookup answers with: the record's history and the service's promises (SLA) with deadlines.

Used by the LAPOR!, Sipinter, PPID and Layanan Mandiri lookups. The promise in working days is server data;
`stage()` turns it into dates with `domain/workdays.py`, so the kiosk shows what the server computed.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.model import ApiModel
from gemilang_tui.domain.workdays import add_working_days, working_days_between


class Riwayat(ApiModel):
    """One event in the life of a request: when, the status it reached, and the officer's note."""

    tanggal: date
    status: str
    keterangan: str = ""


class Tahap(ApiModel):
    """One promise of the service, e.g. "verified within 3 working days", with its state on `dihitung_pada`."""

    tahap: str = Field(
        description="code: verifikasi, tanggapan, penutupan (LAPOR!), jawaban (PPID), penyelesaian (Sipinter, "
        "Layanan Mandiri)"
    )
    hari_kerja: int = Field(ge=0, description="the promise in working days (SLA)")
    tambahan_hari_kerja: int = Field(default=0, ge=0, description="an extension granted, in working days")
    mulai: date | None = Field(default=None, description="the day the clock started; null: not started yet")
    tenggat: date | None = Field(default=None, description="mulai + hari_kerja + tambahan_hari_kerja working days")
    selesai: date | None = Field(default=None, description="the day the step was done; null: not done yet")
    sisa_hari_kerja: int | None = Field(
        default=None,
        description="while running: working days from dihitung_pada to tenggat (0 = due today, negative = late)",
    )


def stage(
    kode: str,
    hari_kerja: int,
    mulai: date | None,
    selesai: date | None,
    today: date,
    holidays: frozenset[date] = frozenset(),
    tambahan: int = 0,
) -> Tahap:
    """A promise's state on `today`: its deadline once started, and the working days left while it runs."""
    if mulai is None:
        return Tahap(tahap=kode, hari_kerja=hari_kerja, tambahan_hari_kerja=tambahan)
    tenggat = add_working_days(mulai, hari_kerja + tambahan, holidays)
    sisa = None if selesai is not None else working_days_between(today, tenggat, holidays)
    return Tahap(
        tahap=kode,
        hari_kerja=hari_kerja,
        tambahan_hari_kerja=tambahan,
        mulai=mulai,
        tenggat=tenggat,
        selesai=selesai,
        sisa_hari_kerja=sisa,
    )


def first_entry(riwayat: list[Riwayat], statuses: set[str], after: date | None = None) -> Riwayat | None:
    """The earliest event reaching one of `statuses` (on or after `after`), or None."""
    for event in sorted(riwayat, key=lambda item: item.tanggal):
        if event.status in statuses and (after is None or event.tanggal >= after):
            return event
    return None
