"""Status of a Layanan Mandiri letter: type the digits of LM-2026-00077, see status, where to collect, history."""

from __future__ import annotations

from gemilang_tui.api.layanan_mandiri import STATUS_SURAT, StatusSurat
from gemilang_tui.domain.reference import LM
from gemilang_tui.i18n import N_, L, _, localized, long_date
from gemilang_tui.services.status import (
    StatusCheck,
    StatusName,
    year_serial_fields,
)

READY = "Siap diambil"

STATUSES = {
    "Diajukan": StatusName(
        N_("Submitted"),
        N_("Your request has been received and is waiting to be checked by the village office."),
    ),
    "Diproses": StatusName(N_("In progress"), N_("The village office is preparing your letter.")),
    READY: StatusName(
        N_("Ready to collect"),
        N_("Your letter is ready. Collect it during office hours, and bring your original KTP."),
    ),
    "Selesai": StatusName(N_("Collected"), N_("Your letter has been collected.")),
    "Ditolak": StatusName(
        N_("Refused"), N_("Your request was refused. Read the reason in the history below.")
    ),
}

STAGES = {"penyelesaian": N_("Letter made")}


def pickup(record: StatusSurat) -> list[str]:
    """Where to collect the letter, right under the status: what the citizen came to learn."""
    return [_("Collect it at: {place}").format(place=record.tempat_ambil)] if record.status == READY else []


def details(record: StatusSurat) -> list[str]:
    lines = [
        _("Letter: {kind}").format(kind=localized(record.jenis_surat, record.jenis_surat_en)),
        _("Submitted on: {date}").format(date=long_date(record.diajukan)),
    ]
    if record.status != READY:
        lines.append(_("Collect it at: {place}").format(place=record.tempat_ambil))
    return lines


CHECK = StatusCheck(
    endpoint=STATUS_SURAT,
    reference=LM,
    title=L("Self-service letter status"),
    question=L("Type your letter request number, then press Enter."),
    label=L("Request number"),
    details=details,
    statuses=STATUSES,
    stages=STAGES,
    extra=pickup,
    typed=year_serial_fields,
)
service = CHECK.service
ask = CHECK.ask
start = CHECK.start
