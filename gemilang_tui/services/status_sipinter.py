"""Status of a Sipinter permit application: type the digits of SPT-2026-000123, see status, deadline, history."""

from __future__ import annotations

from gemilang_tui.api.sipinter import STATUS_IZIN, StatusIzin
from gemilang_tui.domain.reference import SPT
from gemilang_tui.i18n import N_, L, _, localized, long_date
from gemilang_tui.services.status import (
    StatusCheck,
    StatusName,
    year_serial_fields,
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


CHECK = StatusCheck(
    endpoint=STATUS_IZIN,
    reference=SPT,
    title=L("Sipinter permit status"),
    question=L("Type your permit registration number, then press Enter."),
    label=L("Registration number"),
    details=details,
    statuses=STATUSES,
    stages=STAGES,
    typed=year_serial_fields,
)
service = CHECK.service
ask = CHECK.ask
start = CHECK.start
