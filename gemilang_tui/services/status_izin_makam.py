"""Status of a burial permit application: type the digits of IZM4-2026-00001, see status, TPU, deadline, history."""

from __future__ import annotations

from gemilang_tui.api.submit_izin_makam import STATUS_IZIN_MAKAM, StatusIzinMakam
from gemilang_tui.domain.reference import IZM
from gemilang_tui.i18n import N_, L, _, long_date, money
from gemilang_tui.services.status import StatusCheck, StatusName

STATUSES = {
    "Diajukan": StatusName(
        N_("Submitted"), N_("Your application has been received. The cemetery office is checking it.")
    ),
    "Diverifikasi": StatusName(
        N_("Checked"), N_("Your documents have been checked. The permit letter is being made.")
    ),
    "Terbit": StatusName(
        N_("Issued"),
        N_("The permit letter is ready. Collect it at the cemetery office, and bring the original documents."),
    ),
    "Ditolak": StatusName(
        N_("Refused"), N_("Your application was refused. Read the reason in the history below.")
    ),
}

STAGES = {"penerbitan": N_("Permit letter issued")}


def details(record: StatusIzinMakam) -> list[str]:
    tpu = record.tpu
    fee = record.retribusi
    cost = _("free with an SKTM") if fee.gratis else _("{amount} for {years} years").format(
        amount=money(fee.biaya), years=fee.masa_tahun
    )
    return [
        _("Cemetery: {name}, Desa {village}, Kecamatan {district}").format(
            name=tpu.nama, village=tpu.desa, district=tpu.kecamatan
        ),
        _("Fee: {cost}").format(cost=cost),
        _("Submitted on: {date}").format(date=long_date(record.dibuat)),
        *record.catatan,
    ]


CHECK = StatusCheck(
    endpoint=STATUS_IZIN_MAKAM,
    reference=IZM,
    title=L("Burial permit status"),
    question=L("Type your burial permit application number, then press Enter."),
    label=L("Application number"),
    details=details,
    statuses=STATUSES,
    stages=STAGES,
)
service = CHECK.service
ask = CHECK.ask
start = CHECK.start
