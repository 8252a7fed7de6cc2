"""PPID information request (UU 14/2008) by number keys, sent through the outbox: PPID menu → 3.

Who asks (a person or an organisation) → NIK and name → address (kecamatan → desa, optional details) → occupation →
phone → the information (a topic of the daftar informasi publik → one of its entries, or own words) → what it is for
→ see it or get a copy (and how the copy comes) → email (needed only for a copy by email) → check → send → receipt
with PPID-2026-0046: answered within 10 working days, extendable once by 7 (DOMAIN.md; the server's rules decide).

Every answer is a number except the name, the address details and the email, which need a keyboard: the name may be
left to the officer (it is on the KTP the NIK belongs to), the others are optional, so nobody is stuck at a keypad.
What is sent is composed in Indonesian whatever the kiosk's language; personal data sits under `pemohon`, in keys
the outbox removes once the server has confirmed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from gemilang_tui.api.submit_ppid import TOPIK_INFORMASI, TopikInformasi
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.flow import Context, FieldError, Step
from gemilang_tui.i18n import L, _, localized, long_date
from gemilang_tui.services.region_choices import place_name, region_payload, where_desa
from gemilang_tui.wizard import (
    Answers,
    Choice,
    Choose,
    FreeText,
    Given,
    Line,
    OwnWords,
    Preset,
    Receipt,
    Typed,
    Wizard,
    name_question,
    nik_question,
    phone_question,
)

#: UU 14/2008 art. 22: answered within 10 working days, extendable once by 7. The receipt's promise; the server's
#: rules (ppid.json `aturan`) decide the deadline the status check shows.
ANSWER_DAYS, EXTENSION_DAYS = 10, 7
_EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$")


def start(ctx: Context) -> Step:
    return WIZARD.start(ctx)


async def start_for(ctx: Context, entry_id: str) -> Step:
    """From an entry of the list of public information: the form with that information chosen (its topic and
    entry are passed over, the check screen can still change them). An entry the topics no longer hold: the form
    as from the menu."""
    for topic in (await ctx.api.fetch(TOPIK_INFORMASI)).items:
        for entry in topic.informasi:
            if entry.id == entry_id:
                return WIZARD.start_with(ctx, {
                    "topik": Given(topic.kode, lambda topic=topic: localized(topic.nama, topic.nama_en), topic),
                    "informasi": Given(entry.id, lambda entry=entry: localized(entry.judul, entry.judul_en), entry),
                })
    return WIZARD.start(ctx)


# -- the choices: values in Indonesian (what the office reads), labels translated ---------------------------------

APPLICANTS = [
    Choice("perorangan", L("Myself, as a person"), L("with your NIK"),
           readback=L("Person")),
    Choice("badan_hukum", L("An organisation or a company"), L("a legal entity"),
           readback=L("Organisation")),
]

OCCUPATIONS = [
    Choice("Pelajar atau mahasiswa", L("Pupil or student")),
    Choice("Karyawan swasta", L("Employee of a company")),
    Choice("Wiraswasta atau pedagang", L("Self-employed or trader")),
    Choice("PNS, TNI, atau Polri", L("Civil servant, army or police")),
    Choice("Petani, peternak, atau nelayan", L("Farmer, herder or fisher")),
    Choice("Mengurus rumah tangga", L("Looking after the home")),
    Choice("Pensiunan", L("Retired")),
    Choice("Tidak bekerja", L("Not working")),
]

PURPOSES = [
    Choice("Bahan belajar, tugas sekolah, atau penelitian", L("Study, schoolwork or research")),
    Choice("Pengetahuan pribadi", L("To know it myself")),
    Choice("Mengawasi program atau anggaran pemerintah", L("To watch a government programme or budget")),
    Choice("Bahan berita atau tulisan", L("For a news story or an article")),
    Choice("Keperluan usaha", L("For my business")),
    Choice("Kegiatan warga atau organisasi", L("For a community or organisation activity")),
    Choice("Keperluan hukum atau pengurusan dokumen", L("For a legal matter or papers")),
]

WAYS = [
    Choice("melihat_membaca", L("See or read it at the PPID office"), L("no copy"),
           readback=L("See or read it")),
    Choice("salinan", L("Get a copy"), L("on paper or as a file"), readback=L("A copy")),
]

COPIES = [
    Choice("ambil_langsung", L("I collect it at the PPID office"),
           readback=L("collected at the office")),
    Choice("pos", L("Sent by post to my address"), readback=L("by post")),
    Choice("email", L("Sent by email"), L("you type your email next"),
           readback=L("by email")),
]

WAY_NAMES = {"melihat_membaca": "Melihat atau membaca", "salinan": "Salinan"}
COPY_NAMES = {"ambil_langsung": "diambil langsung", "pos": "dikirim lewat pos", "email": "dikirim lewat email"}


async def topics(ctx: Context, answers: Answers) -> list[Choice]:
    """The topics of the daftar informasi publik (from the API; kept offline by the client)."""
    items = (await ctx.api.fetch(TOPIK_INFORMASI)).items
    return [Choice(item.kode, lambda item=item: localized(item.nama, item.nama_en), data=item) for item in items]


def entries(ctx: Context, answers: Answers) -> list[Choice]:
    topic: TopikInformasi = answers.data("topik")
    return [Choice(entry.id, lambda entry=entry: localized(entry.judul, entry.judul_en), data=entry)
            for entry in topic.informasi]


# -- typed answers ------------------------------------------------------------------------------------------------


def parse_name(ctx: Context, text: str) -> tuple[str, str]:
    name = " ".join(text.split())
    if sum(ch.isalpha() for ch in name) < 2:
        raise FieldError(_("Please type the name in letters, then press Enter."))
    return name, name


def mask_email(email: str) -> str:
    """`si***@contoh.com`: enough to recognise it, not enough to read it over a shoulder."""
    local, _at, domain = email.partition("@")
    return f"{local[:2]}***@{domain}"


def parse_email(ctx: Context, text: str) -> tuple[str, str, str]:
    """Read back in full on the check page (like the NIK and phone), masked after sending."""
    email = text.strip()
    if not _EMAIL.fullmatch(email):
        raise FieldError(_("An email address looks like name@example.com. Check it and type it again."))
    return email, email, mask_email(email)


def _person(answers: Answers) -> bool:
    return answers.get("jenis_pemohon") != "badan_hukum"


def _organisation(answers: Answers) -> bool:
    return answers.get("jenis_pemohon") == "badan_hukum"


def _email_optional(answers: Answers) -> bool:
    return answers.get("salinan") != "email"


def email_note(answers: Answers) -> str:
    if _email_optional(answers):
        return _("You may skip this: it is needed only when the copy is sent by email.")
    return _("The copy is sent to this address. Use the keyboard.")


def _listed(answers: Answers) -> bool:
    """An entry of the list is asked for only when the topic was chosen from the list (not typed)."""
    return not answers.own_words("topik")


# -- the check screen and the receipt -----------------------------------------------------------------------------


def applicant(answers: Answers) -> str:
    kind = answers.label("jenis_pemohon")
    name = answers.get("nama_badan") if _organisation(answers) else answers.get("nama")
    unnamed = _("name from the NIK")
    return f"{kind}, {name or unnamed}"


def address(answers: Answers) -> str:
    place = place_name(answers)
    return f"{answers['alamat_detail']}, {place}" if "alamat_detail" in answers else place


def information(answers: Answers) -> str:
    return answers.label("topik") if answers.own_words("topik") else answers.label("informasi")


def delivery(answers: Answers) -> str:
    way = answers.label("cara")
    if answers.get("cara") != "salinan":
        return way
    if answers.get("salinan") == "pos" and "alamat_pos" in answers:
        return _("{way}, by post to {address}").format(way=way, address=answers["alamat_pos"])
    return f"{way}, {answers.label('salinan')}"


def _by_post(answers: Answers) -> bool:
    return answers.get("cara") == "salinan" and answers.get("salinan") == "pos"


def parse_street(ctx: Context, text: str) -> tuple[str, str]:
    street = " ".join(text.split())
    if sum(ch.isalpha() for ch in street) < 3:
        raise FieldError(_("Please type the street or kampung, the RT/RW and the house number, then press Enter."))
    return street, street


def contact(answers: Answers) -> str:
    email = answers.label("email") if "email" in answers else _("no email")
    return f"{answers.label('telepon')}, {email}"


def next_steps(ctx: Context, submitted_on: date) -> list[str]:
    due = add_working_days(submitted_on, ANSWER_DAYS)
    extended = add_working_days(submitted_on, ANSWER_DAYS + EXTENSION_DAYS)
    return [
        _("PPID answers by {date} ({days} working days).").format(date=long_date(due), days=ANSWER_DAYS),
        _("If needed, extended once by {days} working days: to {date}.").format(
            days=EXTENSION_DAYS, date=long_date(extended)),
        _("Follow it in the Main Menu: Check a request's status."),
    ]


# -- what is sent: in Indonesian, whatever the kiosk's language ----------------------------------------------------


def rincian(answers: Answers) -> tuple[str | None, str]:
    """(kode_informasi, rincian): the entry of the list, or the applicant's own words."""
    if answers.own_words("topik"):
        return None, answers["topik"]
    if answers.own_words("informasi"):
        topic: TopikInformasi = answers.data("topik")
        return None, f"{answers['informasi']} (topik: {topic.nama})"
    entry = answers.data("informasi")
    return entry.id, entry.judul


def payload(ctx: Context, answers: Answers) -> dict[str, Any]:
    """The body of POST /v1/ppid/permohonan (`PermohonanInformasiBaru`)."""
    person = _person(answers)
    kode_informasi, text = rincian(answers)
    return {
        "pemohon": {
            "jenis": answers["jenis_pemohon"],
            "nik": answers.get("nik") if person else None,
            "nama": answers.get("nama") if person else answers.get("nama_badan"),
            "alamat": {**region_payload(answers),
                       "detail": answers.get("alamat_pos") if _by_post(answers) else answers.get("alamat_detail")},
            "pekerjaan": answers.get("pekerjaan") if person else None,
            "telepon": answers.get("telepon"),
            "email": answers.get("email"),
        },
        "kode_informasi": kode_informasi,
        "rincian": text,
        "tujuan_penggunaan": answers["tujuan"],
        "cara_memperoleh": answers["cara"],
        "cara_mendapatkan_salinan": answers.get("salinan") if answers["cara"] == "salinan" else None,
    }


# -- the wizard -----------------------------------------------------------------------------------------------------

WIZARD = Wizard(
    kind="ppid",
    title=L("PPID information request"),
    questions=[
        Choose("jenis_pemohon", L("Who is asking for the information?"), APPLICANTS,
               summary=L("Applicant"),
               note=L("Every citizen may ask for public information. The answer comes within 10 working "
                              "days.")),
        nik_question(when=_person),
        name_question("nama", L("Type your full name, as on your KTP."), remember="nama", from_nik=True, when=_person,
                      type_label=L("Type my name")),
        Typed("nama_badan", L("Type the name of the organisation or company."), L("Name"),
              parse_name, digits_only=False, max_length=100, when=_organisation,
              summary=L("Organisation"),
              note=L("Use the keyboard, or ask the officer at the counter to type it."),
              example=L("For example: Yayasan Peduli Desa.")),
        *where_desa(L("In which kecamatan do you live?"), L("In which desa or kelurahan do you live?"),
                    nik_key="nik"),
        FreeText("alamat_detail", L("Do you want to add your street or RT/RW?"),
                 summary=L("Address details"), max_length=150, remember="alamat",
                 note=L("For example: Kp. Tapos RT 002/RW 004. You may skip this.")),
        Choose("pekerjaan", L("What is your occupation?"), OCCUPATIONS, summary=L("Occupation"),
               when=_person, own_words=OwnWords(question=L("Type your occupation."), max_length=100)),
        phone_question(note=L("PPID may call or send an SMS about your request. "
                                      "Without a number you get no SMS: follow it with your request number. "
                                      "Example: 081234567890.")),
        Preset("topik", L("What is the information about?"), topics, summary=L("Information topic"),
               note=L("Topics from the list of public information. Or type what you need."),
               own_words=OwnWords(label=L("Something else: type it myself"),
                                  question=L("Type the information you need."), max_length=500)),
        Preset("informasi", L("Which information do you need?"), entries, summary=L("Information"),
               body=lambda ctx, answers: [answers.label("topik")], when=_listed, depends_on=["topik"],
               own_words=OwnWords(label=L("Other information: type it myself"),
                                  question=L("Type the information you need."), max_length=500)),
        Choose("tujuan", L("What will you use the information for?"), PURPOSES,
               summary=L("Use of the information"),
               own_words=OwnWords(question=L("Type what you will use it for."), max_length=300)),
        Choose("cara", L("How do you want to get the information?"), WAYS, summary=L("How to get it")),
        Choose("salinan", L("How do you get the copy?"), COPIES, summary=L("How the copy comes"),
               when=lambda answers: answers.get("cara") == "salinan", depends_on=["cara"]),
        Typed("alamat_pos", L("To which address should the post come?"), L("Street address"),
              parse_street, digits_only=False, max_length=150, remember="alamat", when=_by_post,
              depends_on=["salinan"], summary=L("Address for the post"),
              body=lambda ctx, answers: [
                  _("{place}. Type the street or kampung, the RT/RW and the house number.").format(
                      place=place_name(answers)),
                  _("Cannot type? Ask the officer, or go back and choose to collect the copy at the office.")],
              type_label=L("Type the address"), retype=L("Type another address"),
              reuse=lambda shown: _("Use {address}").format(address=shown),
              example=L("For example: Kp. Tapos RT 002/RW 004 No. 15.")),
        Typed("email", L("Type your email address."), L("Email"), parse_email,
              digits_only=False, max_length=100, remember="email", optional=_email_optional,
              summary=L("Email"),
              body=lambda ctx, answers: [email_note(answers)],
              skip=L("Skip: I do not use email"), type_label=L("Type my email"),
              retype=L("Type another email"),
              reuse=lambda shown: _("Use {email}").format(email=shown),
              example=L("For example: name@example.com")),
    ],
    lines=[
        Line(L("Applicant"), "jenis_pemohon", "nama", "nama_badan", show=applicant),
        Line(L("NIK"), "nik"),
        Line(L("Address"), "kecamatan", "desa", "alamat_detail", show=address),
        Line(L("Occupation"), "pekerjaan"),
        Line(L("Contact"), "telepon", "email", show=contact),
        Line(L("Information"), "topik", "informasi", show=information),
        Line(L("Use of the information"), "tujuan"),
        Line(L("How to get it"), "cara", "salinan", "alamat_pos", show=delivery),
    ],
    payload=payload,
    receipt=Receipt(official=L("Your information request number:"), next_steps=next_steps),
    send=L("Send the request"),
)
