"""SIMAPAN burial permit (izin pemakaman) by number keys, sent through the outbox (SIMAPAN menu, option 3).

The documents first (before any typing: without them the family cannot apply) → the deceased (name, NIK if known,
date of death) → the day and time of the burial → the TPU (kecamatan → TPU, only those with free plots, their
number shown) → the person responsible (name, NIK, relationship, phone: offered again when given earlier in the
visit) → SKTM? (the fee from the API: Rp100.000 for 3 years, free with an SKTM) → check → send → receipt: the
permit number, by what time to report to the TPU manager and where, when the letter is ready (working days) and the
fee. A TPU's page opens the form with that TPU already chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from gemilang_tui import kiosk_time
from gemilang_tui.api.errors import ApiError
from gemilang_tui.api.paged import whole
from gemilang_tui.api.simapan import DAFTAR_TPU, IZIN_MAKAM, KECAMATAN, Retribusi, Tpu
from gemilang_tui.api.submit_izin_makam import DOKUMEN, HUBUNGAN
from gemilang_tui.domain.nik import Nik
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.flow import Context, FieldError, Step
from gemilang_tui.i18n import L, _, get_locale, localized, long_date, money, number
from gemilang_tui.wizard import (
    Answers,
    Checklist,
    Choice,
    Choose,
    DateQuestion,
    Given,
    Line,
    Receipt,
    Typed,
    Where,
    WhereIn,
    Wizard,
    name_question,
    person_nik_question,
    phone_question,
)

KIND = "izin_makam"
READY_DAYS = 3  # (assumed) working days until the permit letter is ready; the mock's HARI_KERJA_TERBIT


def start_form(ctx: Context) -> Step:
    """The first question (answers already given in this visit are kept and marked)."""
    return WIZARD.start(ctx)


def start_for_tpu(ctx: Context, tpu: Tpu) -> Step:
    """From a TPU's page: the form with that TPU chosen (changeable on the check screen)."""
    if tpu.petak_tersedia <= 0:
        return WIZARD.start(ctx)
    return WIZARD.start_with(ctx, {
        "kecamatan": Given(tpu.kode_kecamatan, tpu.kecamatan),
        "tpu": Given(tpu.id, tpu.nama, tpu),
    })


# -- the time of the burial ----------------------------------------------------------------------------------------

OTHER_TIME = "lain"
COMMON_TIMES = (time(8), time(9), time(10), time(11), time(13), time(14), time(15), time(16))


def clock(value: time) -> str:
    """`09.30` in Indonesian (a full stop between hours and minutes), `09:30` in English."""
    return value.strftime("%H.%M" if get_locale() == "id" else "%H:%M")


def times(ctx: Context, answers: Answers) -> list[Choice]:
    """The usual hours, but on a burial today only those still to come; then "another time"."""
    past = _passed_today(ctx, answers)
    return [
        *(Choice(value, lambda value=value: _("At {time}").format(time=clock(value)),
                 readback=lambda value=value: clock(value)) for value in COMMON_TIMES if not past(value)),
        Choice(OTHER_TIME, L("Another time: type it"), L("4 digits, e.g. 1530")),
    ]


def _passed_today(ctx: Context, answers: Answers) -> Callable[[time], bool]:
    """`past(at)`: True when the burial is today and `at` has already passed (the kiosk's clock, in WIB)."""
    now = kiosk_time.moment(ctx.settings.today)
    today = answers.get("tanggal_makam") == now.date()
    return lambda at: today and at <= now.time().replace(tzinfo=None)


def not_past(ctx: Context, answers: Answers, at: Any) -> None:
    """A burial time already past today is refused, in plain words."""
    if isinstance(at, time) and _passed_today(ctx, answers)(at):
        raise FieldError(_("{time} today has already passed. Type a later time, or go back and choose another "
                           "day.").format(time=clock(at)))


def times_note(ctx: Context, answers: Answers) -> list[str]:
    if _passed_today(ctx, answers)(COMMON_TIMES[0]):
        return [_("The burial is today: only times still to come are shown.")]
    return []


def parse_time(ctx: Context, text: str) -> tuple[time, str]:
    """`1530` → 15.30; `930` → 09.30 (the 0 of 09 may be left out)."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 3:
        digits = "0" + digits
    if len(digits) != 4:
        raise FieldError(_("Type the time as 4 digits, hours then minutes: 1530 for 15.30."))
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise FieldError(_("{hours}.{minutes} is not a time of day. Type it again, e.g. 1530 for 15.30.").format(
            hours=digits[:2], minutes=digits[2:]))
    value = time(hours, minutes)
    return value, clock(value)


def burial_time(answers: Answers) -> time | None:
    chosen = answers.get("jam_makam")
    return answers.get("jam_makam_ketik") if chosen == OTHER_TIME else chosen


def report_by(day: date, at: time) -> str:
    """2 hours before the burial: when the TPU manager must be told."""
    moment = datetime.combine(day, at) - timedelta(hours=2)
    return clock(moment.time()) if moment.date() == day else "00.00"


# -- the choices ---------------------------------------------------------------------------------------------------


async def districts(ctx: Context, answers: Answers) -> list[Choice]:
    """The kecamatan that have a TPU with a free plot, by name."""
    return [
        Choice(row.kode_kecamatan, row.nama, lambda row=row: _("Free plots: {count}").format(
            count=number(row.petak_tersedia)), data=row)
        for row in await whole(ctx, KECAMATAN) if row.petak_tersedia > 0
    ]


async def cemeteries(ctx: Context, answers: Answers) -> list[Choice]:
    """The TPU of the chosen kecamatan that still have a free plot."""
    return [
        Choice(tpu.id, tpu.nama, lambda tpu=tpu: _("Free plots: {count}").format(count=number(tpu.petak_tersedia)),
               data=tpu)
        for tpu in await whole(ctx, DAFTAR_TPU, kecamatan=answers["kecamatan"]) if tpu.petak_tersedia > 0
    ]


RELATIONSHIPS = [
    Choice(code, lambda nama=nama, en=en: localized(nama, en),
           hint=(L("neighbour, RT/RW officer")) if code == "bukan_keluarga" else "")
    for code, (nama, en) in HUBUNGAN.items()
]


def document_names(ctx: Context, answers: Answers) -> list[str]:
    return [localized(nama, en) for nama, en in DOKUMEN.values()]


def documents_missing(ctx: Context, answers: Answers) -> list[str]:
    return [
        _("Please get the missing documents first, then come back. Your answers are kept until you leave."),
        _("The death certificate comes from the hospital, the puskesmas, or the desa or kelurahan office. "
          "The covering letter comes from the head of the RT/RW where the deceased lived."),
        _("The officer at the counter can help you."),
    ]


def fee_text(fee: Retribusi | None) -> str:
    if fee is None:
        return _("the officer tells you the fee")
    return _("{amount} for {years} years").format(amount=money(fee.biaya), years=number(fee.masa_tahun))


def free_with_sktm(fee: Retribusi | None) -> bool:
    return fee is None or fee.gratis_dengan_sktm


async def fee_choices(ctx: Context, answers: Answers) -> list[Choice]:
    """Yes / no, each with the fee it means (from the API; without it, the officer tells the fee)."""
    try:
        fee: Retribusi | None = (await ctx.api.fetch(IZIN_MAKAM)).retribusi
    except ApiError:
        fee = None

    def with_sktm() -> str:
        return _("free with an SKTM") if free_with_sktm(fee) else fee_text(fee)

    return [
        Choice(True, L("Yes, I have an SKTM"), lambda: _("fee: {fee}").format(fee=with_sktm()),
               data=fee, readback=with_sktm),
        Choice(False, L("No SKTM"), lambda: _("fee: {fee}").format(fee=fee_text(fee)),
               data=fee, readback=lambda: fee_text(fee)),
    ]


def not_the_deceased(ctx: Context, nik: Nik) -> None:
    """The person responsible is alive: their NIK cannot be the deceased's."""
    deceased = ctx.visit.draft(KIND).get("almarhum_nik")
    if deceased is not None and deceased.value == nik.digits:
        raise FieldError(_("This is the NIK of the deceased. Type the NIK of the person responsible."))


# -- the check screen ----------------------------------------------------------------------------------------------


def burial(answers: Answers) -> str:
    at = burial_time(answers)
    day = answers.label("tanggal_makam")
    return _("{day}, at {time}").format(day=day, time=clock(at)) if at is not None else day


def deceased(answers: Answers) -> str:
    nik = answers.label("almarhum_nik") if "almarhum_nik" in answers else _("not known")
    return _("{name}, NIK {nik}").format(name=answers.label("almarhum_nama"), nik=nik)


def cemetery(answers: Answers) -> str:
    return f"{answers.label('tpu')}, Kecamatan {answers.label('kecamatan')}"


def responsible(answers: Answers) -> str:
    name = answers.label("pj_nama") if "pj_nama" in answers else _("name from the NIK")
    return f"{name} ({answers.label('hubungan')}), NIK {answers.label('pj_nik')}"


# -- the receipt ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    """What the receipt needs after sending: no personal data."""

    tpu: Tpu
    sktm: bool
    fee: Retribusi | None
    day: date | None = None
    at: time | None = None


def keep(answers: Answers) -> Kept:
    return Kept(tpu=answers.data("tpu"), sktm=answers["sktm"], fee=answers.data("sktm"),
                day=answers.get("tanggal_makam"), at=burial_time(answers))


def next_steps(ctx: Context, submitted_on: date, kept: Kept | None) -> list[str]:
    ready = add_working_days(submitted_on, READY_DAYS)
    if kept is not None and kept.tpu is not None and kept.day is not None and kept.at is not None:
        from gemilang_tui.services.simapan import village_kind

        report = _("Report to the manager of {tpu}, in {kind} {village}, Kecamatan {district}, by {time} on "
                   "{day} (2 hours before the burial).").format(
            tpu=kept.tpu.nama, kind=village_kind(kept.tpu.kode_desa), village=kept.tpu.desa,
            district=kept.tpu.kecamatan,
            time=report_by(kept.day, kept.at), day=long_date(kept.day))
    else:
        report = _("Report to the manager at the TPU at least 2 hours before the burial.")
    lines = [
        report,
        _("The permit letter is ready by {date} ({days} working days).").format(date=long_date(ready),
                                                                                days=READY_DAYS),
    ]
    if kept is not None and kept.sktm and free_with_sktm(kept.fee):
        lines.append(_("No fee with an SKTM. Bring the original SKTM and documents."))
    elif kept is not None and kept.fee is not None:
        lines.append(_("Fee {fee}, paid when you collect the letter. Bring the original documents.").format(
            fee=fee_text(kept.fee)))
    else:
        lines.append(_("The officer tells you the fee. Bring the original documents."))
    return lines


# -- what is sent: composed in Indonesian, whatever the kiosk's language -------------------------------------------


def payload(ctx: Context, answers: Answers) -> dict[str, Any]:
    """The body of POST /v1/simapan/izin-makam (`IzinMakamBaru`)."""
    return {
        "almarhum": {
            "nama": answers["almarhum_nama"],
            "nik": answers.get("almarhum_nik"),
            "tanggal_wafat": answers["tanggal_wafat"].isoformat(),
        },
        "kode_tpu": answers["tpu"],
        "tanggal_makam": answers["tanggal_makam"].isoformat(),
        "jam_makam": burial_time(answers).isoformat(timespec="minutes"),
        "penanggung_jawab": {
            "nama": answers.get("pj_nama"),
            "nik": answers["pj_nik"],
            "hubungan": answers["hubungan"],
            "telepon": answers["telepon"],
        },
        "dokumen": list(DOKUMEN),
        "sktm": answers["sktm"],
    }


# -- the wizard ----------------------------------------------------------------------------------------------------

WIZARD = Wizard(
    kind=KIND,
    title=L("Burial permit"),
    questions=[
        Checklist("dokumen", L("Do you have these documents?"), document_names,
                  summary=L("Documents"),
                  note=L("Check the documents first. Then the form asks about the deceased."),
                  confirm=L("Yes, I have them all"), not_ready=documents_missing),
        name_question("almarhum_nama", L("What was the full name of the deceased?"),
                      summary=L("Deceased"), retype=L("Type the name of the deceased")),
        person_nik_question(
            "almarhum_nik", L("Type the NIK of the deceased, if you know it."),
            remember=None, optional=True, skip=L("Skip: the NIK is not known"),
            note=L("The NIK is on the KTP and the Kartu Keluarga (KK) of the deceased."),
            type_label=L("Type the NIK of the deceased"), retype=L("Type the NIK again"),
            summary=L("NIK of the deceased")),
        DateQuestion("tanggal_wafat", L("When did he or she pass away?"), summary=L("Date of death"),
                     not_after_today=True, too_late=L("The date of death cannot be after today.")),
        DateQuestion("tanggal_makam", L("On which day is the burial?"), quick=(0, 1),
                     summary=L("Burial"), not_before_today=True,
                     too_early=L("The day of the burial cannot be before today.")),
        Choose("jam_makam", L("At what time is the burial?"), times, summary=L("Time of the burial"),
               note=L("The TPU manager must be told 2 hours before."), body=times_note,
               check=not_past, depends_on=["tanggal_makam"]),
        Typed("jam_makam_ketik", L("Type the time of the burial."), L("Hours and minutes"),
              parse_time, max_length=4, summary=L("Time of the burial"),
              example=L("4 digits: 1530 for 15.30, or 930 for 09.30."), check=not_past,
              when=lambda answers: answers.get("jam_makam") == OTHER_TIME, depends_on=["jam_makam"]),
        Where("kecamatan", L("In which kecamatan is the cemetery (TPU)?"), districts,
              summary=L("Kecamatan"),
              note=L("Only kecamatan with free plots are shown: the kecamatan of this kiosk first, then the "
                     "others in alphabetical order.")),
        WhereIn("tpu", L("Which TPU?"), cemeteries, summary=L("TPU"),
               body=lambda ctx, answers: [_("Kecamatan {name}. Only TPU with free plots are shown.").format(
                   name=answers.label("kecamatan"))],
               depends_on=["kecamatan"]),
        person_nik_question("pj_nik", L("Type the NIK of the person responsible."),
                            check=not_the_deceased, summary=L("NIK of the person responsible"),
                            note=L("The person responsible is the family member who arranges the burial.")),
        name_question("pj_nama", L("What is the full name of the person responsible?"), remember="nama",
                      from_nik=True, summary=L("Person responsible")),
        Choose("hubungan", L("How is the person responsible related to the deceased?"), RELATIONSHIPS,
               summary=L("Relationship")),
        phone_question(question=L("Type the mobile number of the person responsible."), required=True,
                       note=L("The TPU officer calls this number to prepare the plot. "
                                      "Example: 081234567890.")),
        Choose("sktm", L("Do you have an SKTM (a letter saying you cannot afford it)?"), fee_choices,
               summary=L("Burial fee"),
               note=L("With an SKTM from the desa or kelurahan office, the burial plot is free.")),
    ],
    lines=[
        Line(L("Documents"), "dokumen"),
        Line(L("Deceased"), "almarhum_nama", "almarhum_nik", show=deceased),
        Line(L("Date of death"), "tanggal_wafat"),
        Line(L("Burial"), "tanggal_makam", "jam_makam", "jam_makam_ketik", show=burial),
        Line(L("Cemetery"), "kecamatan", "tpu", show=cemetery),
        Line(L("Person responsible"), "pj_nama", "hubungan", "pj_nik", show=responsible),
        Line(L("Phone"), "telepon"),
        Line(L("Burial fee"), "sktm"),
    ],
    payload=payload,
    keep=keep,
    next_steps=next_steps,
    receipt=Receipt(official=L("Your burial permit number:")),
    send=L("Send the application"),
)
