"""Status of an AK/1 card application: type the digits of AK1-2026-00001 (1202600001), see status, where, when."""

from __future__ import annotations

from gemilang_tui.api.submit_ak1 import STATUS_AK1, StatusAk1
from gemilang_tui.domain.reference import AK1
from gemilang_tui.i18n import N_, L, _, long_date, money
from gemilang_tui.services.status import StatusCheck, StatusName

READY = "Siap diambil"

STATUSES = {
    "Diajukan": StatusName(
        N_("Submitted"), N_("Your application has been received. An officer is checking it.")
    ),
    "Diverifikasi": StatusName(N_("Checked"), N_("Your application has been checked. Your card is being made.")),
    READY: StatusName(
        N_("Ready to collect"),
        N_("Your card is ready. Collect it at the place below, and bring your KTP, your last diploma and a 3×4 "
           "photo."),
    ),
    "Selesai": StatusName(N_("Collected"), N_("Your card has been collected.")),
    "Ditolak": StatusName(
        N_("Refused"), N_("Your application was refused. Read the reason in the history below.")
    ),
}

STAGES = {"penyelesaian": N_("Card made")}


def details(record: StatusAk1) -> list[str]:
    cost = _("free") if record.biaya == 0 else money(record.biaya)
    return [
        _("Collect it at: {place}").format(place=record.tempat),
        _("Ready from: {date}").format(date=long_date(record.siap_diambil)),
        _("Fee: {cost}").format(cost=cost),
        _("Valid for {years} years").format(years=record.masa_berlaku_tahun),
        _("Submitted on: {date}").format(date=long_date(record.dibuat)),
    ]


CHECK = StatusCheck(
    endpoint=STATUS_AK1,
    reference=AK1,
    title=L("AK/1 card status"),
    question=L("Type your AK/1 card application number, then press Enter."),
    label=L("Application number"),
    details=details,
    statuses=STATUSES,
    stages=STAGES,
)
service = CHECK.service
ask = CHECK.ask
start = CHECK.start
