"""Layanan Mandiri (Menu Utama 1): ask the desa or kelurahan for a letter, or check a letter request's status.

"1 Minta surat" is a wizard sent through the outbox: which letter (from the API, with its requirements, working
days and fee) → the requirements as a checklist ("1 Ya, saya membawa semuanya / 2 Belum") → kecamatan → desa or
kelurahan asked → NIK → name (may be left to the officer, who has it from the NIK) → phone → what the letter is for
(or, for a business certificate, the kind of business) → check → send → receipt with LM-2026-00084: checked by the
village officer, signed, ready at the village office within the letter's working days; bring the original KTP.
"2 Cek status surat" is the same lookup as `status_layanan_mandiri` (Cek Status Permohonan → 4).
DOMAIN.md: what Layanan Mandiri holds is not documented **(assumed)**: these four letters, as the fixture set says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gemilang_tui.api.paged import whole
from gemilang_tui.api.submit_layanan_mandiri import JENIS_SURAT, JenisSurat
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.flow import Context, Menu, Option, Step
from gemilang_tui.i18n import L, _, localized, long_date, money
from gemilang_tui.services import status_layanan_mandiri
from gemilang_tui.services.region_choices import office_name, region_payload, where_desa
from gemilang_tui.services.status import lookup
from gemilang_tui.wizard import (
    Answers,
    Checklist,
    Choice,
    Choose,
    Line,
    OwnWords,
    Receipt,
    Wizard,
    name_question,
    nik_question,
    phone_question,
)

KIND = "layanan_mandiri"


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return Menu(
        title=lambda: str(entry.judul),
        question=L("What do you need? Press its number."),
        options=lambda ctx: [
            Option(_("Ask for a letter"), lambda ctx: WIZARD.start(ctx),
                   hint=_("From your desa or kelurahan office")),
            Option(_("Check a letter's status"), lambda ctx: lookup(status_layanan_mandiri.service(ctx)),
                   hint=_("With your letter request number")),
        ],
    )


# -- the choices ----------------------------------------------------------------------------------------------------


def fee(kind: JenisSurat) -> str:
    return _("free") if kind.biaya == 0 else money(kind.biaya)


async def letters(ctx: Context, answers: Answers) -> list[Choice]:
    """The kinds of letter from the API (kept offline by the client), each with its working days and fee."""
    items = await whole(ctx, JENIS_SURAT)
    return [
        Choice(item.kode, lambda item=item: localized(item.nama, item.nama_en),
               hint=lambda item=item: _("{days} working days · {fee}").format(days=item.lama_hari_kerja,
                                                                               fee=fee(item)),
               data=item)
        for item in items
    ]


def letter(answers: Answers) -> JenisSurat | None:
    return answers.data("jenis")


def requirements(ctx: Context, answers: Answers) -> list[str]:
    kind = letter(answers)
    return [localized(item.teks, item.teks_en) for item in kind.syarat] if kind else []


def choices(ctx: Context, answers: Answers) -> list[Choice]:
    """The common purposes of this letter, or for a business certificate the kinds of business."""
    kind = letter(answers)
    if kind is None:
        return []
    return [Choice(item.kode, lambda item=item: localized(item.nama, item.nama_en), data=item)
            for item in kind.pilihan]


def _asks_purpose(answers: Answers) -> bool:
    kind = letter(answers)
    return kind is None or kind.isian == "keperluan"


def _asks_business(answers: Answers) -> bool:
    kind = letter(answers)
    return kind is not None and kind.isian == "jenis_usaha"


def not_ready(ctx: Context, answers: Answers) -> list[str]:
    return [
        _("Please bring these first, then come back. Your answers are kept until you leave."),
        _("Ask your RT or RW for the covering letter."),
    ]


# -- the check screen and the receipt --------------------------------------------------------------------------------


def office_line(answers: Answers) -> str:
    """`Kantor Desa Tapos, Kecamatan Tigaraksa`."""
    return f"{office_name(answers)}, Kecamatan {answers.data('kecamatan').nama}"


@dataclass(frozen=True)
class Sent:
    """What the receipt says of a request once sent (no personal data): the letter and the office asked."""

    kind: JenisSurat
    office: str
    kelurahan: bool


def keep(answers: Answers) -> Sent:
    kind = letter(answers)
    assert kind is not None  # asked first, and required
    return Sent(kind, office_name(answers), answers.data("desa").jenis == "kelurahan")


def next_steps(ctx: Context, submitted_on: date, sent: Sent | None) -> list[str]:
    if sent is None:  # not expected: what holds for every letter
        return [_("The village office checks your request, then the letter is signed."),
                _("Bring your original KTP when you collect the letter.")]
    kind, office = sent.kind, sent.office
    ready = add_working_days(submitted_on, kind.lama_hari_kerja)
    return [
        _("An officer of {office} checks your request.").format(office=office),
        _("The lurah signs the letter.") if sent.kelurahan else _("The head of the desa signs the letter."),
        _("Ready by {date} ({days} working days).").format(date=long_date(ready), days=kind.lama_hari_kerja),
        _("Collect it at {office}. Bring your original KTP.").format(office=office),
        _("Fee: {fee}.").format(fee=fee(kind)),
    ]


# -- what is sent: in Indonesian, whatever the kiosk's language -----------------------------------------------------


def payload(ctx: Context, answers: Answers) -> dict[str, Any]:
    """The body of POST /v1/layanan_mandiri/permohonan (`PermohonanSuratBaru`)."""
    kind = letter(answers)
    assert kind is not None
    key = "jenis_usaha" if _asks_business(answers) else "keperluan"
    if answers.own_words(key):
        kode, text = None, answers[key]
    else:
        kode, text = answers[key], answers.data(key).nama
    return {
        "kode_jenis": kind.kode,
        "desa": region_payload(answers),
        "pemohon": {"nik": answers["nik"], "nama": answers.get("nama"), "telepon": answers.get("telepon")},
        "kode_keperluan": kode,
        "keperluan": text,
        "syarat_lengkap": answers.get("syarat") is True,
    }


# -- the wizard -----------------------------------------------------------------------------------------------------

WIZARD = Wizard(
    kind=KIND,
    title=L("Layanan Mandiri"),
    questions=[
        Choose("jenis", L("Which letter do you need?"), letters, summary=L("Letter"),
               note=L("You ask here. The desa or kelurahan office makes and signs the letter.")),
        Checklist("syarat", L("Have you brought all of these?"), requirements,
                  summary=L("Requirements"), depends_on=["jenis"], not_ready=not_ready,
                  note=L("An officer will check these documents.")),
        nik_question(),
        *where_desa(L("In which kecamatan is your desa or kelurahan?"),
                    L("Which desa or kelurahan office gives the letter?"), nik_key="nik"),
        name_question("nama", L("Type your full name, as on your KTP."), remember="nama", from_nik=True,
                      type_label=L("Type my name")),
        phone_question(note=L("The village office may call or send an SMS when the letter is ready. "
                                      "Without a number you get no SMS: come back on the day on your receipt. "
                                      "Example: 081234567890.")),
        Choose("keperluan", L("What do you need the letter for?"), choices, summary=L("Purpose"),
               when=_asks_purpose, depends_on=["jenis"],
               own_words=OwnWords(question=L("Type what you need the letter for."), max_length=300)),
        Choose("jenis_usaha", L("What kind of business do you run?"), choices,
               summary=L("Business"), when=_asks_business, depends_on=["jenis"],
               own_words=OwnWords(question=L("Type the kind of business you run."), max_length=300)),
    ],
    lines=[
        Line(L("Letter"), "jenis"),
        Line(L("Requirements"), "syarat"),
        Line(L("Office asked"), "kecamatan", "desa", show=office_line),
        Line(L("NIK"), "nik"),
        Line(L("Name"), "nama", show=lambda a: a["nama"] if "nama" in a else _("from the NIK")),
        Line(L("Phone"), "telepon"),
        Line(L("Purpose"), "keperluan"),
        Line(L("Business"), "jenis_usaha"),
    ],
    payload=payload,
    receipt=Receipt(official=L("Your letter request number:")),
    keep=keep,
    next_steps=next_steps,
    send=L("Send the request"),
)
