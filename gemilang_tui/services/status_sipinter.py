"""Status of a Sipinter permit application: type the digits of SPT-2026-000123, see status, deadline, history."""

from __future__ import annotations

from gemilang_tui.api.sipinter import STATUS_IZIN, StatusIzin
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.domain.reference import SPT
from gemilang_tui.flow import Context, Step
from gemilang_tui.i18n import N_, L, _, localized, long_date
from gemilang_tui.services.status import (
    StatusName,
    StatusService,
    lookup,
    reference_hint,
    reference_parser,
    year_and_serial,
)

STATUSES = {
    "Diajukan": StatusName(
        N_("Submitted"), N_("Your application has been received and is waiting for the document check.")
    ),
    "Verifikasi Berkas": StatusName(
        N_("Checking documents"),
        N_("Officers are checking your documents. The deadline starts once your documents are complete."),
    ),
    "Perbaikan": StatusName(
        N_("Needs fixing"),
        N_("Some documents must be fixed. Read the last note in the history below, then send the fixed "
           "documents through Sipinter or bring them to the DPMPTSP counter."),
    ),
    "Peninjauan Lapangan": StatusName(
        N_("Site visit"), N_("Your documents are complete. Officers are checking the location.")
    ),
    "Penandatanganan": StatusName(N_("Signing"), N_("Your permit is waiting to be signed.")),
    "Terbit": StatusName(
        N_("Issued"),
        N_("Your permit has been issued. Download it from Sipinter, or ask for it at the DPMPTSP counter."),
    ),
    "Ditolak": StatusName(
        N_("Refused"), N_("Your application was refused. Read the reason in the history below.")
    ),
}

STAGES = {"penyelesaian": N_("Permit processing from complete documents")}


def details(record: StatusIzin) -> list[str]:
    return [
        _("Permit: {kind}").format(kind=localized(record.jenis_izin, record.jenis_izin_en)),
        _("Applicant: {name}").format(name=record.pemohon),
        _("Submitted on: {date}").format(date=long_date(record.diajukan)),
    ]


def service(ctx: Context, title=None) -> StatusService:
    async def fetch(ctx: Context, reference: str) -> StatusIzin:
        return await ctx.api.fetch(STATUS_IZIN, nomor=reference)

    return StatusService(
        title=title or (L("Sipinter permit status")),
        question=L("Type your permit registration number, then press Enter."),
        label=L("Registration number"),
        hint=reference_hint(SPT, ctx.today.year),
        parse=reference_parser(SPT),
        prefix=f"{SPT.prefix}-",
        display=year_and_serial,
        fetch=fetch,
        details=details,
        statuses=STATUSES,
        stages=STAGES,
        max_length=SPT.digit_count,
    )


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return lookup(service(ctx, lambda: str(entry.judul)))
