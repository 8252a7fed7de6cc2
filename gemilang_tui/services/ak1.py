"""Siap Kerja: apply for the job seeker's card (Kartu AK/1, "kartu kuning") by number keys, through the outbox
(Siap Kerja menu, option 5).

The requirements (KTP Kabupaten Tangerang, latest diploma, passport photo 3×4, a SIAPkerja account — the officer
helps to make one) → NIK (a 3603 NIK: the card is made here for residents) → name → phone → latest schooling →
skills (several, one at a time, "Selesai" when done) → check → send → receipt: the application number, where and
from when the card can be collected (working days), free, valid 2 years (from the API).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gemilang_tui.api.errors import ApiError
from gemilang_tui.api.siap_kerja import AK1, PENDIDIKAN, KartuAk1
from gemilang_tui.api.submit_ak1 import KETERAMPILAN, KETERAMPILAN_LAIN
from gemilang_tui.domain.nik import Nik
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.flow import Context, FieldError, Step
from gemilang_tui.i18n import L, _, localized, long_date, money, number
from gemilang_tui.services.siap_kerja import schooling
from gemilang_tui.wizard import (
    Answers,
    Choice,
    Choose,
    Gate,
    Line,
    Receipt,
    Several,
    Stop,
    Wizard,
    name_question,
    person_nik_question,
    phone_question,
)

KIND = "ak1"
READY_DAYS = 3  # (assumed) working days until the card can be collected; the mock's HARI_KERJA_SIAP
WITH_ACCOUNT, NO_ACCOUNT = "lengkap", "tanpa_akun"


def start_form(ctx: Context) -> Step:
    """The first question (answers already given in this visit are kept and marked)."""
    return WIZARD.start(ctx)


# -- the requirements ----------------------------------------------------------------------------------------------


def requirements(ctx: Context, answers: Answers) -> list[str]:
    return [
        _("For the AK/1 card you need:"),
        "\n".join([
            "• " + _("A KTP of Kabupaten Tangerang"),
            "• " + _("Your latest diploma (ijazah)"),
            "• " + _("Passport photos, 3×4"),
            "• " + _("A SIAPkerja account. No account yet? The officer helps you."),
        ]),
    ]


def documents_missing(ctx: Context, answers: Answers) -> list[str]:
    return [
        _("Please get the missing documents first, then come back."),
        _("Passport photos can be made at a photo studio. The officer at the counter can help you."),
    ]


async def ready_choices(ctx: Context, answers: Answers) -> list[Choice]:
    """Ready or not; the card's details from the API (where, fee, valid for) are kept for the receipt."""
    try:
        card: KartuAk1 | None = await ctx.api.fetch(AK1)
    except ApiError:  # offline and never fetched: the receipt says it in general words
        card = None
    return [
        Choice(WITH_ACCOUNT, L("Yes, I have them all"), data=card,
               readback=L("complete, with a SIAPkerja account")),
        Choice(NO_ACCOUNT, L("Yes, but I have no SIAPkerja account"), L("the officer helps"),
               data=card, readback=L("complete; the officer helps with the account")),
        Choice("kurang", L("Not yet, a document is missing"), data=Stop(documents_missing)),
    ]


def residents_only(ctx: Context, nik: Nik) -> None:
    if not nik.is_tangerang:
        raise FieldError(_("The AK/1 card here is for residents of Kabupaten Tangerang: their NIK starts with "
                           "3603. This NIK starts with {prefix}. If your KTP says Kabupaten Tangerang, please ask "
                           "the officer.").format(prefix=nik.digits[:4]))


SCHOOLS = [Choice(level, lambda level=level: schooling(level)) for level in PENDIDIKAN]
#: How the check screen reads each skill back: short, so that several fit on its line.
SHORT = {
    "operator_produksi": ("Operator", "Operator"), "menjahit": ("Menjahit", "Sewing"),
    "mengemudi": ("Mengemudi", "Driving"), "komputer": ("Komputer", "Computers"), "gudang": ("Gudang", "Warehouse"),
    "teknik": ("Teknik", "Technical"), "tata_boga": ("Tata boga", "Cooking"), "penjualan": ("Penjualan", "Sales"),
    "pertanian": ("Pertanian", "Farming"), "bangunan": ("Bangunan", "Building"),
    "kebersihan": ("Kebersihan", "Cleaning"), "lainnya": ("Lainnya", "Other"),
}


def skill_choices(skills: dict[str, tuple[str, str]]) -> list[Choice]:
    return [
        Choice(code, lambda nama=nama, en=en: localized(nama, en),
               readback=(lambda short=SHORT[code]: localized(*short)) if code in SHORT else None)
        for code, (nama, en) in skills.items()
    ]


SKILLS = skill_choices(KETERAMPILAN)
OTHER_SKILLS = skill_choices(KETERAMPILAN_LAIN)


def skills(answers: Answers) -> str:
    """Both skill questions on one check line: "Menjahit, Pertanian", or "none"."""
    chosen = [answers.label(key) for key in ("keterampilan", "keterampilan_lain") if answers.get(key)]
    return ", ".join(chosen) or _("No particular skill")


# -- the receipt ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    """What the receipt needs after sending: no personal data."""

    card: KartuAk1 | None
    has_account: bool


def keep(answers: Answers) -> Kept:
    return Kept(card=answers.data("syarat"), has_account=answers["syarat"] == WITH_ACCOUNT)


def next_steps(ctx: Context, submitted_on: date, kept: Kept | None) -> list[str]:
    ready = add_working_days(submitted_on, READY_DAYS)
    card = kept.card if kept is not None else None
    place = localized(card.tempat, card.tempat_en) if card is not None else _("the Manpower Office (Disnaker)")
    lines = [
        _("Collect the card within {days} working days, from {date}, at {place}.").format(
            days=READY_DAYS, date=long_date(ready), place=place),
        _("Bring your KTP, your latest diploma and the passport photos."),
    ]
    if kept is not None and not kept.has_account:
        lines.append(_("The officer there helps you make a SIAPkerja account."))
    if card is not None:
        cost = _("Free of charge.") if card.biaya == 0 else _("Fee: {amount}.").format(amount=money(card.biaya))
        lines.append(cost + " " + _("Valid for {years} years.").format(years=number(card.masa_berlaku_tahun)))
    return lines


# -- what is sent: composed in Indonesian, whatever the kiosk's language -------------------------------------------


def payload(ctx: Context, answers: Answers) -> dict[str, Any]:
    """The body of POST /v1/siap_kerja/ak1 (`PermohonanAk1Baru`)."""
    return {
        "nik": answers["nik"],
        "nama": answers.get("nama"),
        "telepon": answers.get("telepon"),
        "pendidikan": answers["pendidikan"],
        "keterampilan": [*answers.get("keterampilan", ()), *answers.get("keterampilan_lain", ())],
        "dokumen_lengkap": True,
        "akun_siapkerja": answers["syarat"] == WITH_ACCOUNT,
    }


# -- the wizard ----------------------------------------------------------------------------------------------------

WIZARD = Wizard(
    kind=KIND,
    title=L("Job seeker's card (AK/1)"),
    questions=[
        Gate("syarat", L("Do you have all of these?"), ready_choices, summary=L("Requirements"),
             body=requirements),
        person_nik_question(check=residents_only),
        name_question("nama", L("What is your full name?"), remember="nama", from_nik=True,
                      type_label=L("Type my name")),
        phone_question(note=L("Disnaker or an employer may call you. Without a number you get no SMS or call. "
                              "Example: 081234567890.")),
        Choose("pendidikan", L("What is your latest schooling?"), SCHOOLS, summary=L("Schooling")),
        Several("keterampilan", L("What are you good at?"), SKILLS, summary=L("Skills"),
                note=lambda: _("Press the number of each skill, one at a time. Press it again to remove it. "
                               "Press {number} when you are done.").format(number=len(SKILLS) + 1),
                nothing=L("No particular skill")),
        Several("keterampilan_lain", L("Can you do other work too?"), OTHER_SKILLS,
                summary=L("Other work"),
                note=lambda: _("Press the number of each, one at a time. Press {number} when you are done.").format(
                    number=len(OTHER_SKILLS) + 1),
                nothing=L("No other work")),
    ],
    lines=[
        Line(L("Requirements"), "syarat"),
        Line(L("NIK"), "nik"),
        Line(L("Name"), "nama", show=lambda a: a["nama"] if "nama" in a else _("from the NIK")),
        Line(L("Phone"), "telepon"),
        Line(L("Schooling"), "pendidikan"),
        Line(L("Skills"), "keterampilan", "keterampilan_lain", show=skills),
    ],
    payload=payload,
    keep=keep,
    next_steps=next_steps,
    receipt=Receipt(official=L("Your application number:")),
    send=L("Send the application"),
)
