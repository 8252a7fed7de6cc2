"""SP4N LAPOR!: a complaint, an idea or a request for information, by number keys, sent through the outbox.

The menu: the three kinds of report (1 complaint, 2 suggestion, 3 information request), 4 check a report's status
(`status_lapor`). The report: category → a common problem (or own words) → where ("Di sini" first, which answers the
desa too) → when → optional details → who may see it → NIK (may be skipped when anonymous) and phone (optional: no
SMS without it) → check → send → receipt with the 7-digit ticket and the LAPOR! promises
(DOMAIN.md): checked and passed on within 3 working days, answered within 5 working days, closed 10 working days
after the answer (the kiosk offers no reply to the answer, so it promises none: a new report with the number).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gemilang_tui.api.errors import ApiError
from gemilang_tui.api.paged import whole
from gemilang_tui.api.submit_lapor import KATEGORI_LAPOR, KategoriLaporan, Masalah
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.flow import Context, Menu, Option, Step
from gemilang_tui.i18n import L, _, localized, long_date
from gemilang_tui.services.region_choices import place_name, region_payload, where_desa
from gemilang_tui.wizard import (
    Answers,
    Choice,
    Choose,
    DateQuestion,
    FreeText,
    Given,
    Line,
    OwnWords,
    Preset,
    Receipt,
    Wizard,
    nik_question,
    phone_question,
    text_of,
)

VERIFY_DAYS, ANSWER_DAYS, CLOSE_DAYS = 3, 5, 10  # working days, DOMAIN.md (the server's rules may differ)
OTHER = KategoriLaporan(kode="lainnya", nama="Lainnya", nama_en="Other",
                        masalah=[Masalah(kode="lainnya", nama="Masalah lainnya", nama_en="Other problem")])


def start(ctx: Context, entry: ServiceEntry) -> Step:
    """LAPOR!'s own menu: the three kinds of report (the form starts with its kind given), or a report's status."""
    return Menu(
        title=lambda: str(entry.judul),
        question=L("What do you want to send? Press its number."),
        body=lambda ctx: [_("Your report goes to the office in charge. You get a ticket number to follow it.")],
        options=lambda ctx: [
            *[Option(text_of(kind.label), _report(kind), hint=text_of(kind.hint)) for kind in KINDS],
            Option(_("Check a report's status"), check_report, hint=_("With your 7-digit ticket number")),
        ],
    )


def _report(kind: Choice):
    def go(ctx: Context) -> Step:
        return WIZARD.start_with(ctx, {"jenis": Given(kind.value, kind.readback or kind.label)})

    return go


def check_report(ctx: Context) -> Step:
    """The ticket's status, the same as Cek Status → Status laporan LAPOR!."""
    from gemilang_tui.services import status_lapor

    return status_lapor.ask(ctx)


# -- the choices --------------------------------------------------------------------------------------------------

KINDS = [
    Choice("pengaduan", L("Complaint"), L("something is wrong and should be fixed")),
    Choice("aspirasi", L("Suggestion"), L("an idea for the government")),
    Choice("permintaan_informasi", L("Information request"), L("you want to know something")),
]


async def categories(ctx: Context, answers: Answers) -> list[Choice]:
    try:
        items = await whole(ctx, KATEGORI_LAPOR)
    except ApiError:  # offline and never fetched: the report can still be made, under "Lainnya"
        return [Choice(OTHER.kode, lambda: localized(OTHER.nama, OTHER.nama_en),
                       L("the full list cannot be loaded now"), data=OTHER)]
    return [Choice(item.kode, lambda item=item: localized(item.nama, item.nama_en), data=item) for item in items]


def problems(ctx: Context, answers: Answers) -> list[Choice]:
    kategori: KategoriLaporan = answers.data("kategori")
    return [Choice(m.kode, lambda m=m: localized(m.nama, m.nama_en), data=m) for m in kategori.masalah]


PRIVACY = [
    Choice((False, False), L("My name may be shown, the report is public"),
           L("the usual way: others can follow it"), readback=L("identity shown, report public")),
    Choice((True, False), L("Hide my name (anonymous)"), L("the public cannot see who reported it"),
           readback=L("identity hidden, report public")),
    Choice((False, True), L("Keep the report secret"), L("only the officers handling it can read it"),
           readback=L("identity shown, report secret")),
    Choice((True, True), L("Both: hide my name and keep the report secret"),
           readback=L("identity hidden, report secret")),
]


def anonymous(answers: Answers) -> bool:
    return bool(answers.get("privasi", (False, False))[0])


def secret(answers: Answers) -> bool:
    return bool(answers.get("privasi", (False, False))[1])


def next_steps(ctx: Context, submitted_on: date) -> list[str]:
    verified = add_working_days(submitted_on, VERIFY_DAYS)
    answered = add_working_days(verified, ANSWER_DAYS)
    closed = add_working_days(answered, CLOSE_DAYS)
    return [
        _("Checked and passed on by {date} ({days} working days).").format(date=long_date(verified),
                                                                           days=VERIFY_DAYS),
        _("The office answers by {date} ({days} working days).").format(date=long_date(answered),
                                                                        days=ANSWER_DAYS),
        # The kiosk has no way to reply to the office's answer: it promises none (the office closes the report
        # by itself); what to do when the answer does not settle it is said instead.
        _("Closed on {date} ({days} working days after the answer). If the answer does not settle the problem, "
          "make a new report and give this number.").format(date=long_date(closed), days=CLOSE_DAYS),
        _("Follow it in the Main Menu: Check a request's status."),
    ]


# -- what is sent: composed in Indonesian, whatever the kiosk's language -------------------------------------------

def tanggal(day: date) -> str:
    """`27 November 2026`: Babel's Indonesian long date, whatever the kiosk's language."""
    return long_date(day, locale="id")


def _lower_first(text: str) -> str:
    """`Lampu jalan mati` → `lampu jalan mati`, but `KTP-el` stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clip(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def what(answers: Answers) -> str:
    """The problem in Indonesian: the chosen one's name, or the reporter's own words."""
    if answers.own_words("masalah"):
        return answers["masalah"]
    masalah: Masalah = answers.data("masalah")
    return masalah.nama


def judul(answers: Answers) -> str:
    """`Lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa`."""
    problem, where = _clip(what(answers), 80), place_name(answers)
    kind = answers["jenis"]
    if kind == "aspirasi":
        return f"Aspirasi tentang {_lower_first(problem)} di {where}"
    if kind == "permintaan_informasi":
        return f"Permintaan informasi tentang {_lower_first(problem)} di {where}"
    return f"{_capital(problem)} di {where}"


def isi(answers: Answers) -> str:
    problem, where = what(answers), place_name(answers)
    kategori: KategoriLaporan = answers.data("kategori")
    when = tanggal(answers["tanggal"])
    kind = answers["jenis"]
    if kind == "aspirasi":
        first = f"Warga menyampaikan aspirasi tentang {_lower_first(problem)} di {where}, Kabupaten Tangerang."
    elif kind == "permintaan_informasi":
        first = f"Warga meminta informasi tentang {_lower_first(problem)} di {where}, Kabupaten Tangerang."
    else:
        first = f"Warga melaporkan {_lower_first(problem)} di {where}, Kabupaten Tangerang."
    parts = [f"{first} Tanggal kejadian: {when}. Kategori: {kategori.nama}."]
    if "keterangan" in answers:
        parts.append(f"Keterangan dari pelapor: {answers['keterangan']}")
    parts.append("Laporan ini dibuat di anjungan Tangerang Gemilang.")
    return "\n\n".join(parts)


def payload(ctx: Context, answers: Answers) -> dict[str, Any]:
    """The body of POST /v1/lapor/laporan (`LaporanBaru`)."""
    return {
        "kode_jenis": answers["jenis"],
        "kode_kategori": answers["kategori"],
        "kode_masalah": None if answers.own_words("masalah") else answers["masalah"],
        "judul": judul(answers),
        "isi": isi(answers),
        "tanggal_kejadian": answers["tanggal"].isoformat(),
        "lokasi": region_payload(answers),
        "anonim": anonymous(answers),
        "rahasia": secret(answers),
        "pelapor": {"nik": answers.get("nik"), "telepon": answers.get("telepon")},
    }


# -- the wizard -----------------------------------------------------------------------------------------------------

WIZARD = Wizard(
    kind="lapor",
    title=L("Report a problem (SP4N LAPOR!)"),
    questions=[
        Preset("jenis", L("What do you want to send?"), KINDS, summary=L("Kind"),
               note=L("Your report goes to the office in charge. You get a ticket number to follow it.")),
        Choose("kategori", L("What is it about?"), categories, summary=L("Topic")),
        Choose("masalah", L("Which of these is it?"), problems, summary=L("Problem"),
               own_words=OwnWords(question=L("Describe the problem in a few words.")),
               depends_on=["kategori"]),
        *where_desa(L("In which kecamatan is it?"), L("In which desa or kelurahan is it?")),
        DateQuestion("tanggal", L("When did it happen?"), summary=L("Date"), not_after_today=True,
                     too_late=L("The date of the event cannot be after today.")),
        FreeText("keterangan", L("Do you want to add details in your own words?"),
                 summary=L("Details"),
                 note=L("For example: since when, how bad it is, a landmark nearby. You may skip this.")),
        Choose("privasi", L("Who may see your report?"), PRIVACY, summary=L("Privacy"),
               note=L("The officers always see who reported it.")),
        nik_question(optional=anonymous, skip=L("Skip: I report anonymously")),
        phone_question(note=L("The office may send an SMS or call about your report. Without a number you get "
                              "no SMS: follow it with your ticket number. Example: 081234567890.")),
    ],
    lines=[
        Line(L("Kind"), "jenis"),
        Line(L("Problem"), "kategori", "masalah",
             show=lambda a: f"{a.label('masalah')} ({a.label('kategori')})"),
        Line(L("Location"), "kecamatan", "desa", show=place_name),
        Line(L("Date"), "tanggal"),
        Line(L("Details"), "keterangan"),
        Line(L("Privacy"), "privasi"),
        Line(L("NIK"), "nik"),
        Line(L("Phone"), "telepon"),
    ],
    payload=payload,
    receipt=Receipt(official=L("Your LAPOR! ticket number:"), next_steps=next_steps),
    send=L("Send the report"),
)
