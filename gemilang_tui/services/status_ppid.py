"""Status of a PPID information request: type the digits of PPID-2026-0042, see status, deadline, history."""

from __future__ import annotations

from gemilang_tui.api.ppid import STATUS_PERMOHONAN, StatusPermohonanInformasi
from gemilang_tui.domain.reference import PPID
from gemilang_tui.i18n import N_, L, _, long_date
from gemilang_tui.services.status import (
    StatusCheck,
    StatusName,
    year_serial_fields,
)

STATUSES = {
    "Diterima": StatusName(
        N_("Received"),
        N_("Your request has been recorded and will be sent to the office that holds the information."),
    ),
    "Diproses": StatusName(
        N_("In progress"), N_("The office that holds the information is working on your request.")
    ),
    "Diperpanjang": StatusName(
        N_("Extended"), N_("The office needs more time: the deadline has been extended once.")
    ),
    "Selesai": StatusName(
        N_("Answered"), N_("Your request has been answered. Read the last note in the history below.")
    ),
    "Ditolak": StatusName(
        N_("Refused"),
        N_("Your request was refused. Read the reason in the history below. If you disagree, you may lodge "
           "an objection with PPID within 30 working days."),
    ),
}

STAGES = {"jawaban": N_("Answer to your request")}


def details(record: StatusPermohonanInformasi) -> list[str]:
    return [
        _("Submitted on: {date}").format(date=long_date(record.tanggal)),
        _("Information asked for: {text}").format(text=record.rincian),
        _("Office asked: {office}").format(office=record.dinas_tujuan),
    ]


CHECK = StatusCheck(
    endpoint=STATUS_PERMOHONAN,
    reference=PPID,
    title=L("PPID request status"),
    question=L("Type your information request number, then press Enter."),
    label=L("Request number"),
    details=details,
    statuses=STATUSES,
    stages=STAGES,
    typed=year_serial_fields,
)
service = CHECK.service
ask = CHECK.ask
start = CHECK.start
