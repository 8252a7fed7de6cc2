"""SIMAPAN burial permit (izin pemakaman) by number keys, sent through the outbox (SIMAPAN menu, option 3).

The deceased (name, NIK if known, date of death) → the TPU (kecamatan → TPU, only those with free plots, their
number shown) → the person responsible (name, NIK, relationship, phone: offered again when given earlier in the
visit) → the documents → SKTM? (the fee from the API: Rp100.000 for 3 years, free with an SKTM) → check → send →
receipt: the permit number, "lapor paling lambat 2 jam sebelum pemakaman", when the letter is ready (working days)
and the fee.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gemilang_tui.api.errors import ApiError
from gemilang_tui.api.simapan import DAFTAR_TPU, IZIN_MAKAM, KECAMATAN, Retribusi, Tpu
from gemilang_tui.api.submit_izin_makam import DOKUMEN, HUBUNGAN
from gemilang_tui.domain.nik import Nik
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.flow import Context, FieldError, Step
from gemilang_tui.i18n import _, localized, long_date, money, number
from gemilang_tui.services.form_parts import name_question, person_nik_question
from gemilang_tui.services.receipt_wizard import ReceiptWizard as FormWizard
from gemilang_tui.wizard import Answers, Checklist, Choice, Choose, DateQuestion, Line, Receipt, phone_question

KIND = "izin_makam"
READY_DAYS = 3  # (assumed) working days until the permit letter is ready; the mock's HARI_KERJA_TERBIT


def start_form(ctx: Context) -> Step:
    """The first question (answers already given in this visit are kept and marked)."""
    return WIZARD.start(ctx)


# -- the choices ---------------------------------------------------------------------------------------------------


async def districts(ctx: Context, answers: Answers) -> list[Choice]:
    """The kecamatan that have a TPU with a free plot, by name."""
    found = await ctx.api.fetch(KECAMATAN, {"page": 1, "per_page": 100})
    return [
        Choice(row.kode_kecamatan, row.nama, lambda row=row: _("Free plots: {count}").format(
            count=number(row.petak_tersedia)), data=row)
        for row in found.items if row.petak_tersedia > 0
    ]


async def cemeteries(ctx: Context, answers: Answers) -> list[Choice]:
    """The TPU of the chosen kecamatan that still have a free plot."""
    found = await ctx.api.fetch(DAFTAR_TPU, {"kecamatan": answers["kecamatan"], "page": 1, "per_page": 100})
    return [
        Choice(tpu.id, tpu.nama, lambda tpu=tpu: _("Free plots: {count}").format(count=number(tpu.petak_tersedia)),
               data=tpu)
        for tpu in found.items if tpu.petak_tersedia > 0
    ]


RELATIONSHIPS = [
    Choice(code, lambda nama=nama, en=en: localized(nama, en),
           hint=(lambda: _("neighbour, RT/RW officer")) if code == "bukan_keluarga" else "")
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
        Choice(True, lambda: _("Yes, I have an SKTM"), lambda: _("fee: {fee}").format(fee=with_sktm()),
               data=fee, readback=with_sktm),
        Choice(False, lambda: _("No SKTM"), lambda: _("fee: {fee}").format(fee=fee_text(fee)),
               data=fee, readback=lambda: fee_text(fee)),
    ]


def not_the_deceased(ctx: Context, nik: Nik) -> None:
    """The person responsible is alive: their NIK cannot be the deceased's."""
    deceased = ctx.visit.draft(KIND).get("almarhum_nik")
    if deceased is not None and deceased.value == nik.digits:
        raise FieldError(_("This is the NIK of the deceased. Type the NIK of the person responsible."))


# -- the check screen ----------------------------------------------------------------------------------------------


def deceased(answers: Answers) -> str:
    nik = answers.label("almarhum_nik") if "almarhum_nik" in answers else _("not known")
    return _("{name}, NIK {nik}").format(name=answers.label("almarhum_nama"), nik=nik)


def cemetery(answers: Answers) -> str:
    return f"{answers.label('tpu')}, Kecamatan {answers.label('kecamatan')}"


def responsible(answers: Answers) -> str:
    return f"{answers.label('pj_nama')} ({answers.label('hubungan')})"


# -- the receipt ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    """What the receipt needs after sending: no personal data."""

    tpu: Tpu
    sktm: bool
    fee: Retribusi | None


def keep(answers: Answers) -> Kept:
    return Kept(tpu=answers.data("tpu"), sktm=answers["sktm"], fee=answers.data("sktm"))


def next_steps(ctx: Context, submitted_on: date, kept: Kept | None) -> list[str]:
    ready = add_working_days(submitted_on, READY_DAYS)
    tpu = kept.tpu.nama if kept is not None else "TPU"
    lines = [
        _("Report to the manager of {tpu} at least 2 hours before the burial.").format(tpu=tpu),
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
        "penanggung_jawab": {
            "nama": answers["pj_nama"],
            "nik": answers["pj_nik"],
            "hubungan": answers["hubungan"],
            "telepon": answers["telepon"],
        },
        "dokumen": list(DOKUMEN),
        "sktm": answers["sktm"],
        "kanal": "kiosk",
        "dibantu_petugas": bool(ctx.services.get("assisted")),
    }


# -- the wizard ----------------------------------------------------------------------------------------------------

WIZARD = FormWizard(
    kind=KIND,
    title=lambda: _("Burial permit"),
    questions=[
        name_question("almarhum_nama", lambda: _("What was the full name of the deceased?"),
                      summary=lambda: _("Deceased"), retype=lambda: _("Type the name of the deceased")),
        person_nik_question(
            "almarhum_nik", lambda: _("Type the NIK of the deceased, if you know it."),
            remember=None, optional=True, skip=lambda: _("Skip: the NIK is not known"),
            note=lambda: _("The NIK is on the KTP and the Kartu Keluarga (KK) of the deceased."),
            type_label=lambda: _("Type the NIK of the deceased"), retype=lambda: _("Type the NIK again"),
            summary=lambda: _("NIK of the deceased")),
        DateQuestion("tanggal_wafat", lambda: _("When did he or she pass away?"), summary=lambda: _("Date of death"),
                     not_after_today=True, too_late=lambda: _("The date of death cannot be after today.")),
        Choose("kecamatan", lambda: _("In which kecamatan is the cemetery (TPU)?"), districts,
               summary=lambda: _("Kecamatan"),
               note=lambda: _("Only kecamatan with free plots are shown, in alphabetical order.")),
        Choose("tpu", lambda: _("Which TPU?"), cemeteries, summary=lambda: _("TPU"),
               body=lambda ctx, answers: [_("Kecamatan {name}. Only TPU with free plots are shown.").format(
                   name=answers.label("kecamatan"))],
               depends_on=["kecamatan"]),
        name_question("pj_nama", lambda: _("What is the full name of the person responsible?"), remember="nama",
                      summary=lambda: _("Person responsible"),
                      note=lambda: _("The person responsible is the family member who arranges the burial.")),
        person_nik_question("pj_nik", lambda: _("Type the NIK of the person responsible."),
                            check=not_the_deceased, summary=lambda: _("NIK of the person responsible")),
        Choose("hubungan", lambda: _("How is the person responsible related to the deceased?"), RELATIONSHIPS,
               summary=lambda: _("Relationship")),
        phone_question(question=lambda: _("Type the mobile number of the person responsible."),
                       note=lambda: _("The TPU officer calls this number to prepare the plot. "
                                      "Example: 081234567890.")),
        Checklist("dokumen", lambda: _("Do you have these documents?"), document_names,
                  confirm=lambda: _("Yes, I have them all"), not_ready=documents_missing),
        Choose("sktm", lambda: _("Do you have an SKTM (a letter saying you cannot afford it)?"), fee_choices,
               summary=lambda: _("Burial fee"),
               note=lambda: _("With an SKTM from the desa or kelurahan office, the burial plot is free.")),
    ],
    lines=[
        Line(lambda: _("Deceased"), "almarhum_nama", "almarhum_nik", show=deceased),
        Line(lambda: _("Date of death"), "tanggal_wafat"),
        Line(lambda: _("Cemetery"), "kecamatan", "tpu", show=cemetery),
        Line(lambda: _("Person responsible"), "pj_nama", "hubungan", show=responsible),
        Line(lambda: _("NIK of the person responsible"), "pj_nik"),
        Line(lambda: _("Phone"), "telepon"),
        Line(lambda: _("Documents"), "dokumen"),
        Line(lambda: _("Burial fee"), "sktm"),
    ],
    payload=payload,
    keep=keep,
    next_steps=next_steps,
    receipt=Receipt(official=lambda: _("Your burial permit number:")),
    send=lambda: _("Send the application"),
)
