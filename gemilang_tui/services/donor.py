"""Sidoni donor registration by number keys, sent through the outbox (Sidoni menu, option 4).

A session from the schedule (the API) → who may donate, one question each (age, weight, last donation, healthy
today, donations this year) → name, NIK, phone, blood group → check → send → receipt: the registration number, the
session's day, time and place, and what to bring. An answer that rules the donor out ends the form kindly — why,
and when they may come — and nothing is saved or sent (DOMAIN.md: age 17–60, at least 45 kg, at least 2 months
since the last donation, at most 5 times a year; the server checks the same).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gemilang_tui.api.paged import whole
from gemilang_tui.api.sidoni import JADWAL, Jadwal
from gemilang_tui.domain.nik import Nik
from gemilang_tui.flow import Context, FieldError, Step
from gemilang_tui.i18n import L, _, long_date
from gemilang_tui.services.sidoni import day_and_date, hours
from gemilang_tui.wizard import (
    Answers,
    Choice,
    Choose,
    Gate,
    Given,
    Line,
    Preset,
    Receipt,
    Stop,
    Wizard,
    name_question,
    person_nik_question,
    phone_question,
)

KIND = "donor"
MIN_AGE, MAX_AGE = 17, 60
NEVER = "belum_pernah"


def start_form(ctx: Context) -> Step:
    """The first question (answers already given in this visit are kept and marked)."""
    return WIZARD.start(ctx)


def start_for_session(ctx: Context, session: Jadwal) -> Step:
    """From a session's page: that session is chosen, the form goes on with the next question."""
    choice = session_choice(session)
    return WIZARD.start_with(ctx, {"sesi": Given(choice.value, choice.readback or choice.label, choice.data)})


# -- the session ---------------------------------------------------------------------------------------------------


async def sessions(ctx: Context, answers: Answers) -> list[Choice]:
    """The sessions from today on, soonest first."""
    return [session_choice(s) for s in await whole(ctx, JADWAL, dari=ctx.today.isoformat())]


def session_choice(s: Jadwal) -> Choice:
    return Choice((s.tanggal.isoformat(), s.jam_mulai.isoformat(), s.kode_kecamatan),
                  lambda: day_and_date(s.tanggal), lambda: f"{hours(s)}, {s.lokasi}", data=s,
                  readback=lambda: f"{long_date(s.tanggal)}, {s.lokasi}")


def session_of(ctx: Context) -> Jadwal | None:
    chosen = ctx.visit.draft(KIND).get("sesi")
    return chosen.data if chosen is not None else None


# -- who may donate: an answer that rules the donor out ends here, kindly ------------------------------------------


def _kindly(*lines: str) -> list[str]:
    return [
        _("Thank you for your wish to give blood."),
        *lines,
        _("You are not registered, and nothing was sent. Press 0 to change your answer."),
    ]


def too_young(ctx: Context, answers: Answers) -> list[str]:
    return _kindly(_("Blood donors must be at least 17 years old, for their own health."),
                   _("You are welcome to come once you are 17."))


def too_old(ctx: Context, answers: Answers) -> list[str]:
    return _kindly(_("Registration here is for ages 17 to 60, for your own health."),
                   _("If you give blood regularly, ask the PMI doctor whether you may still donate."))


def too_light(ctx: Context, answers: Answers) -> list[str]:
    return _kindly(_("A blood donor must weigh at least 45 kg, so that giving blood is safe for you."),
                   _("You are welcome to come when you weigh 45 kg or more."))


def too_soon(ctx: Context, answers: Answers) -> list[str]:
    return _kindly(_("Your body needs at least 2 months to replace the blood you gave."),
                   _("You are welcome to come 2 months after your last donation."))


def unwell(ctx: Context, answers: Answers) -> list[str]:
    return _kindly(_("Give blood only when you are healthy: it keeps you and the patient safe."),
                   _("You are welcome to come when you are well again."))


def too_often(ctx: Context, answers: Answers) -> list[str]:
    next_year = date(ctx.today.year + 1, 1, 1)
    return _kindly(_("A person may give blood at most 5 times a year."),
                   _("You are welcome to come again from {date}.").format(date=long_date(next_year)))


AGES = [
    Choice("di_bawah_17", L("Under 17"), data=Stop(too_young)),
    Choice("17_60", L("17 to 60 years old")),
    Choice("di_atas_60", L("Over 60"), data=Stop(too_old)),
]
WEIGHT = [
    Choice(True, L("Yes, 45 kg or more"), readback=L("45 kg or more")),
    Choice(False, L("No, less than 45 kg"), data=Stop(too_light)),
]
LAST_DONATION = [
    Choice(NEVER, L("Never")),
    Choice("kurang_2_bulan", L("Less than 2 months ago"), data=Stop(too_soon)),
    Choice("2_3_bulan", L("2 to 3 months ago"), readback=L("2 to 3 months back")),
    Choice("lebih_3_bulan", L("More than 3 months ago"), readback=L("over 3 months back")),
]
HEALTHY = [
    Choice(True, L("Yes, I feel healthy"), readback=L("healthy today")),
    Choice(False, L("No, I feel unwell"), data=Stop(unwell)),
]
THIS_YEAR = [
    Choice(False, L("4 times or fewer"), readback=L("4 times or fewer this year")),
    Choice(True, L("5 times or more"), data=Stop(too_often)),
]
BLOOD_GROUPS = [
    *(Choice(group, group) for group in ("A", "B", "AB", "O")),
    Choice("belum_tahu", L("I don't know yet"), L("PMI checks it for you")),
]


def donated_before(answers: Answers) -> bool:
    return answers.get("terakhir", NEVER) != NEVER


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def old_enough_on_the_day(ctx: Context, nik: Nik) -> None:
    """The NIK's birth date must agree with the age band: 17 to 60 on the day of the session."""
    session = session_of(ctx)
    day = session.tanggal if session is not None else ctx.today
    age = age_on(nik.birth_date, day)
    if not MIN_AGE <= age <= MAX_AGE:
        raise FieldError(_("By this NIK you will be {age} years old on the day of the session. Blood donors are "
                           "17 to 60 years old. Check the NIK on your KTP.").format(age=age))


# -- the check screen and the receipt ------------------------------------------------------------------------------


def age_and_weight(answers: Answers) -> str:
    return f"{answers.label('usia')}, {answers.label('berat')}"


def last_donation(answers: Answers) -> str:
    if "tahun_ini" in answers:
        return f"{answers.label('terakhir')}, {answers.label('tahun_ini')}"
    return answers.label("terakhir")


def keep(answers: Answers) -> Jadwal:
    return answers.data("sesi")


def next_steps(ctx: Context, submitted_on: date, session: Jadwal | None) -> list[str]:
    lines = []
    if session is not None:
        lines += [
            _("Come on {day}, {hours}.").format(day=day_and_date(session.tanggal), hours=hours(session)),
            _("Place: {place}, {address}.").format(place=session.lokasi, address=session.alamat),
        ]
    lines += [
        _("Bring your KTP. Eat first, and sleep well the night before."),
        _("The PMI officer checks your health before you give blood."),
    ]
    return lines


# -- what is sent: composed in Indonesian, whatever the kiosk's language -------------------------------------------


def payload(ctx: Context, answers: Answers) -> dict[str, Any]:
    """The body of POST /v1/sidoni/pendaftaran (`PendaftaranDonorBaru`)."""
    session: Jadwal = answers.data("sesi")
    return {
        "jadwal": {"tanggal": session.tanggal.isoformat(), "jam_mulai": session.jam_mulai.isoformat(),
                   "kode_kecamatan": session.kode_kecamatan},
        "kelayakan": {
            "usia": answers["usia"],
            "berat_minimal_45_kg": answers["berat"],
            "donor_terakhir": answers["terakhir"],
            "sehat": answers["sehat"],
            "lima_kali_tahun_ini": answers.get("tahun_ini"),
        },
        "nama": answers.get("nama"),
        "nik": answers["nik"],
        "telepon": answers.get("telepon"),
        "golongan_darah": answers["golongan"],
    }


# -- the wizard ----------------------------------------------------------------------------------------------------

WIZARD = Wizard(
    kind=KIND,
    title=L("Blood donor registration"),
    questions=[
        Preset("sesi", L("Which session do you want to come to?"), sessions, summary=L("Session"),
               note=L("Blood donation sessions from today on.")),
        Gate("usia", L("How old are you?"), AGES, summary=L("Age")),
        Gate("berat", L("Do you weigh at least 45 kg?"), WEIGHT, summary=L("Weight")),
        Gate("terakhir", L("When did you last give blood?"), LAST_DONATION,
             summary=L("Last donation")),
        Gate("sehat", L("Do you feel healthy today?"), HEALTHY, summary=L("Health"),
             note=L("Not healthy means, for example: a fever, the flu, or taking antibiotics.")),
        Gate("tahun_ini", L("How many times have you given blood this year?"), THIS_YEAR,
             summary=L("This year"), when=donated_before),
        person_nik_question(check=old_enough_on_the_day),
        name_question("nama", L("What is your full name?"), remember="nama", from_nik=True,
                      type_label=L("Type my name")),
        phone_question(note=L("The blood bank may send a reminder the day before. Without a number you get no "
                              "SMS. Example: 081234567890.")),
        Choose("golongan", L("What is your blood group?"), BLOOD_GROUPS, summary=L("Blood group")),
    ],
    lines=[
        Line(L("Session"), "sesi"),
        Line(L("Age and weight"), "usia", "berat", show=age_and_weight),
        Line(L("Last donation"), "terakhir", "tahun_ini", show=last_donation),
        Line(L("Health"), "sehat"),
        Line(L("NIK"), "nik"),
        Line(L("Name"), "nama", show=lambda a: a["nama"] if "nama" in a else _("from the NIK")),
        Line(L("Phone"), "telepon"),
        Line(L("Blood group"), "golongan"),
    ],
    payload=payload,
    keep=keep,
    next_steps=next_steps,
    receipt=Receipt(official=L("Your registration number:")),
    send=L("Send the registration"),
)
