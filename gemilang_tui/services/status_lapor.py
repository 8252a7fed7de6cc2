"""Status of a SP4N LAPOR! report: type the 7-digit ticket, see the status, the LAPOR! deadlines and the history."""

from __future__ import annotations

from gemilang_tui.api.lapor import STATUS_LAPORAN, StatusLaporan
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.domain.reference import TICKET_DIGITS
from gemilang_tui.flow import Context, Step
from gemilang_tui.i18n import N_, L, _, localized, long_date
from gemilang_tui.services.status import StatusName, StatusService, lookup, ticket_parser

STATUSES = {
    "Belum Terverifikasi": StatusName(
        N_("Not checked yet"),
        N_("Your report has been received and is waiting to be checked by the LAPOR! admin."),
    ),
    "Terverifikasi": StatusName(
        N_("Checked"),
        N_("Your report has been checked and will be sent to the office in charge."),
    ),
    "Didisposisi": StatusName(
        N_("Sent to the office in charge"),
        N_("Your report has been sent to the office in charge, which must answer it."),
    ),
    "Ditindaklanjuti": StatusName(
        N_("Being acted on"),
        N_("The office in charge has acted on your report. Read its note in the history below."),
    ),
    "Selesai": StatusName(N_("Finished"), N_("Your report is finished.")),
    "Ditunda": StatusName(
        N_("On hold"),
        N_("Your report is on hold: the office needs more information from you. Read the last note in the "
           "history below, and ask the officer at the counter how to give it."),
    ),
    "Bukan Wewenang": StatusName(
        N_("Not handled here"),
        N_("This matter is not handled by the government of Kabupaten Tangerang. The last note in the history "
           "below says where your report was sent."),
    ),
    "Diarsipkan": StatusName(N_("Archived"), N_("Your report has been closed and archived.")),
}

STAGES = {
    "verifikasi": N_("Check by the LAPOR! admin"),
    "tanggapan": N_("Answer from the office in charge"),
    "penutupan": N_("Your reply before the report is closed"),
}


def details(record: StatusLaporan) -> list[str]:
    lines = [
        _("Report: {title}").format(title=record.judul),
        _("Category: {category}").format(category=localized(record.kategori, record.kategori_en)),
        _("Made on: {date}").format(date=long_date(record.dibuat)),
    ]
    if record.lokasi:
        lines.append(_("Place: {place}").format(place=record.lokasi))
    if record.instansi:
        lines.append(_("Office in charge: {office}").format(office=record.instansi))
    else:
        lines.append(_("Office in charge: not chosen yet"))
    return lines


def service(title=None) -> StatusService:
    async def fetch(ctx: Context, ticket: str) -> StatusLaporan:
        return await ctx.api.fetch(STATUS_LAPORAN, nomor=ticket)

    return StatusService(
        title=title or (L("LAPOR! complaint status")),
        question=lambda: _("Type your ticket number ({digits} digits), then press Enter.").format(
            digits=TICKET_DIGITS
        ),
        label=L("Ticket number"),
        hint=L("Your ticket number is on your LAPOR! receipt or in the text message you received."),
        parse=ticket_parser(TICKET_DIGITS),
        fetch=fetch,
        details=details,
        statuses=STATUSES,
        stages=STAGES,
        max_length=TICKET_DIGITS,
    )


def ask(ctx: Context, title=None) -> Step:
    """The status check, also opened from the LAPOR! menu."""
    return lookup(service(title))


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return ask(ctx, lambda: str(entry.judul))
