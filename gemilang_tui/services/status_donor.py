"""Status of a blood donor registration: type the digits of DNR5-2026-00001, see status, the session, history."""

from __future__ import annotations

from gemilang_tui.api.submit_donor import STATUS_PENDAFTARAN, StatusPendaftaranDonor
from gemilang_tui.domain.reference import DNR
from gemilang_tui.i18n import N_, L, _, long_date
from gemilang_tui.services.sidoni import day_and_date, hours
from gemilang_tui.services.status import StatusCheck, StatusName

REGISTERED = "Terdaftar"

STATUSES = {
    REGISTERED: StatusName(
        N_("Registered"), N_("You are registered. Come to the session below, and bring your KTP.")
    ),
    "Sudah donor": StatusName(N_("Donated"), N_("Thank you: you gave blood at this session.")),
    "Tidak hadir": StatusName(
        N_("Did not come"),
        N_("You did not come to this session. You may register again for another session."),
    ),
    "Dibatalkan": StatusName(
        N_("Cancelled"), N_("This registration was cancelled. Read the reason in the history below.")
    ),
}


def details(record: StatusPendaftaranDonor) -> list[str]:
    session = record.jadwal
    group = record.golongan_darah if record.golongan_darah != "belum_tahu" else _("not known yet")
    lines = [
        _("Session: {day}, {hours}").format(day=day_and_date(session.tanggal), hours=hours(session)),
        _("Place: {place}, {address}, Kecamatan {district}").format(
            place=session.lokasi, address=session.alamat, district=session.kecamatan
        ),
        _("Blood group: {group}").format(group=group),
        _("Registered on: {date}").format(date=long_date(record.dibuat)),
    ]
    if record.status == REGISTERED:
        lines.extend(record.bawa)
    return lines


CHECK = StatusCheck(
    endpoint=STATUS_PENDAFTARAN,
    reference=DNR,
    title=L("Blood donor registration status"),
    question=L("Type your donor registration number, then press Enter."),
    label=L("Registration number"),
    details=details,
    statuses=STATUSES,
)
service = CHECK.service
ask = CHECK.ask
start = CHECK.start
