"""The question wizard, headless: questions, paging, going back, changing answers, check screen, outbox, receipt."""

from __future__ import annotations

import inspect
from datetime import date, timedelta

import pytest

from gemilang_tui.domain import regions
from gemilang_tui.flow import Context, FieldError, Nav, Notice, Step
from gemilang_tui.i18n import _
from gemilang_tui.wizard import (
    Answers,
    Checklist,
    Choice,
    Choose,
    DateQuestion,
    FreeText,
    Line,
    OwnWords,
    Receipt,
    Wizard,
    YesNo,
    amount_question,
    date_digits,
    nik_question,
    phone_question,
)
from gemilang_tui.wizard.steps import ChooseStep, TypedStep

TODAY = date(2026, 11, 28)
NIK = "3603284508710003"


def districts(ctx, answers):
    return [Choice(k.kode, k.nama, data=k) for k in regions.kecamatan()]


def villages(ctx, answers):
    return [Choice(v.kode, v.nama, data=v) for v in regions.villages(answers["kecamatan"])]


def make_wizard(**overrides) -> Wizard:
    questions = [
        Choose("warna", lambda: "Warna apa?", [Choice("merah", "Merah"), Choice("biru", "Biru")],
               summary=lambda: "Warna", own_words=OwnWords()),
        Choose("kecamatan", lambda: "Kecamatan?", districts, summary=lambda: "Kecamatan"),
        Choose("desa", lambda: "Desa?", villages, summary=lambda: "Desa", depends_on=["kecamatan"]),
        DateQuestion("tanggal", lambda: "Kapan?", not_after_today=True, summary=lambda: "Tanggal"),
        YesNo("anonim", lambda: "Anonim?", said_yes=lambda: "anonim", said_no=lambda: "bernama"),
        nik_question(optional=lambda a: a.get("anonim") is True),
        phone_question(required=True, when=lambda a: a.get("anonim") is False),
        FreeText("catatan", lambda: "Catatan?"),
    ]
    lines = [
        Line(lambda: "Warna", "warna"),
        Line(lambda: "Lokasi", "kecamatan", "desa",
             show=lambda a: f"{a.label('desa')}, Kecamatan {a.label('kecamatan')}"),
        Line(lambda: "Tanggal", "tanggal"),
        Line(lambda: "Identitas", "anonim", "nik", "telepon"),
        Line(lambda: "Catatan", "catatan"),
    ]
    options = dict(
        kind="uji",
        title=lambda: "Uji",
        questions=questions,
        payload=lambda ctx, a: {"warna": a["warna"], "nik": a.get("nik"), "desa": a["desa"]},
        lines=lines,
        receipt=Receipt(official=lambda: "Nomor resmi Anda:",
                        next_steps=lambda ctx, day: [f"Selesai {day.isoformat()}"]),
    )
    options.update(overrides)
    return Wizard(**options)


async def follow(ctx: Context, transition):
    result = transition(ctx)
    if inspect.isawaitable(result):
        result = await result
    return result


async def press(ctx: Context, step: Step, number: int):
    transition = step.choose(ctx, number)
    assert transition is not None, f"{number} means nothing on {step.view(ctx).as_text()}"
    return await follow(ctx, transition)


async def type_in(ctx: Context, step: Step, text: str):
    assert isinstance(step, TypedStep)
    step.value = ""
    for char in text:
        step.type(char)
    transition = step.submit()
    if transition is None:
        return None
    return await follow(ctx, transition)


def options(ctx: Context, step: Step) -> list[str]:
    return [f"{o.number} {o.label}" + (f" [{o.hint}]" if o.hint else "") for o in step.view(ctx).options]


async def forward(ctx: Context, wizard: Wizard) -> Step:
    """Merah → Tigaraksa → Tapos → kemarin → not anonymous → NIK → phone → no note: the check screen."""
    step = wizard.start(ctx)
    step = await press(ctx, step, 1)
    kecamatan = step
    kecamatan.view(ctx)
    for _page in range(4):
        assert kecamatan.turn_page(+1)  # "+" turns the page in place
    step = await press(ctx, kecamatan, 1)
    desa = step
    desa.view(ctx)
    assert desa.turn_page(+1)
    step = await press(ctx, desa, 5)
    step = await press(ctx, step, 2)  # yesterday
    step = await press(ctx, step, 2)  # not anonymous
    step = await type_in(ctx, step, NIK)
    step = await type_in(ctx, step, "081234567890")
    return await press(ctx, step, 2)  # no note


async def test_questions_one_per_screen_to_the_check_screen(ctx):
    wizard = make_wizard()
    first = wizard.start(ctx)
    view = first.view(ctx)
    assert view.title == "Uji · langkah 1"  # no "of M": the phone is asked only once "not anonymous" is answered
    assert view.question == "Warna apa?"
    assert options(ctx, first) == ["1 Merah", "2 Biru", "3 Ketik sendiri"]
    check = await forward(ctx, wizard)
    assert check.view(ctx).title == "Uji · periksa jawaban"
    assert options(ctx, check) == ["1 Benar, kirim", "2 Ubah jawaban"]
    assert check.view(ctx).body[0].splitlines() == [
        "• Warna: Merah",
        "• Lokasi: Tapos, Kecamatan Tigaraksa",
        "• Tanggal: 27 November 2026",
        "• Identitas: bernama, 3603 2845 0871 0003, 0812 3456 7890",  # in full before sending
        "• Catatan: Tidak diisi",
    ]
    assert check.view(ctx).question == "Bacalah jawaban Anda. Apakah semuanya sudah benar?"
    assert await press(ctx, check, 2) is None  # "Ubah jawaban": which line, on the same screen
    assert options(ctx, check)[:2] == ["1 Warna [Merah]", "2 Lokasi [Tapos, Kecamatan Tigaraksa]"]
    assert check.back() and options(ctx, check)[0] == "1 Benar, kirim"


async def test_long_lists_page_by_seven_with_plus_and_digits_stay_content(ctx):
    step = await press(ctx, make_wizard().start(ctx), 1)
    assert isinstance(step, ChooseStep)
    view = step.view(ctx)
    assert [o.shown_key for o in view.options] == ["1", "2", "3", "4", "5", "6", "7", "+"]
    assert view.options[-1].label == "Halaman berikutnya" and view.page == "Halaman 1 dari 5" and view.pages
    assert step.choose(ctx, 8) is None and step.choose(ctx, 9) is None  # never a page key
    assert step.turn_page(+1)
    view = step.view(ctx)
    assert [o.shown_key for o in view.options] == ["1", "2", "3", "4", "5", "6", "7", "+"]
    assert view.options[0].label == "Jayanti" and view.page == "Halaman 2 dari 5"
    assert step.turn_page(-1) and step.view(ctx).page == "Halaman 1 dari 5"
    assert step.turn_page(-1) and step.view(ctx).page == "Halaman 5 dari 5"  # round again
    assert step.turn_page(+1) and step.view(ctx).page == "Halaman 1 dari 5"


async def test_going_back_shows_the_answer_given(ctx):
    wizard = make_wizard()
    await forward(ctx, wizard)
    again = wizard.start(ctx)  # as if the citizen came back to this question
    assert options(ctx, again)[0] == "1 Merah [✓ jawaban Anda]"
    kecamatan = await press(ctx, again, 1)
    view = kecamatan.view(ctx)
    assert view.page == "Halaman 5 dari 5"  # opens on the page of the answer
    assert "1 Tigaraksa [✓ jawaban Anda]" in options(ctx, kecamatan)


async def test_a_changed_answer_forgets_what_depends_on_it(ctx):
    wizard = make_wizard()
    await forward(ctx, wizard)
    draft = ctx.visit.draft("uji")
    assert "desa" in draft
    kecamatan = await press(ctx, wizard.start(ctx), 1)
    desa = await press(ctx, kecamatan, 1)  # Tigaraksa again: the desa stays
    assert "desa" in draft
    kecamatan.turn_page(-4)
    await press(ctx, kecamatan, 2)  # Cikupa: the desa of Tigaraksa is gone
    assert "desa" not in draft and draft["kecamatan"].value == "36.03.18"
    assert desa is not None


async def test_changing_one_line_returns_to_the_check_screen(ctx):
    wizard = make_wizard()
    check = await forward(ctx, wizard)
    await press(ctx, check, 2)
    date_step = await press(ctx, check, 3)
    check.left_forward()
    assert date_step.view(ctx).question == "Kapan?"
    assert await press(ctx, date_step, 1) is Nav.BACK  # one screen above the check screen: back to it
    assert "• Tanggal: 28 November 2026" in check.view(ctx).body[0]

    await press(ctx, check, 2)
    kecamatan = await press(ctx, check, 2)  # two questions on this line: kecamatan, then desa
    check.left_forward()
    kecamatan.view(ctx)
    assert kecamatan.turn_page(-4)
    desa = await press(ctx, kecamatan, 2)  # Cikupa
    assert desa.view(ctx).question == "Desa?"
    assert "• Lokasi: belum dijawab" in check.view(ctx).body[0]
    assert await press(ctx, desa, 1) is check  # the second screen of a change: the check screen again
    assert "• Lokasi: Bitung Jaya, Kecamatan Cikupa" in check.view(ctx).body[0]


async def test_a_change_that_makes_a_question_necessary_asks_it(ctx):
    wizard = make_wizard()
    check = await forward(ctx, wizard)
    await press(ctx, check, 2)
    anonim = await press(ctx, check, 4)
    check.left_forward()
    nik = await press(ctx, anonim, 1)  # anonymous: the NIK becomes optional, the phone is not asked
    assert options(ctx, nik) == ["1 Pakai NIK 3603 2845 0871 0003 [✓ jawaban Anda]", "2 Ketik NIK lain",
                                 "3 Lewati pertanyaan ini"]
    assert await press(ctx, nik, 3) is check
    assert "• Identitas: anonim, Tidak diisi" in check.view(ctx).body[0]
    await press(ctx, check, 2)
    anonim = await press(ctx, check, 4)
    nik = await press(ctx, anonim, 2)  # named again: NIK required, and the phone is asked
    typed = await press(ctx, nik, 2)
    phone = await type_in(ctx, typed, NIK)
    assert options(ctx, phone) == ["1 Pakai nomor 0812 3456 7890 [✓ jawaban Anda]", "2 Ketik nomor lain"]
    typed = await press(ctx, phone, 2)
    assert isinstance(typed, TypedStep) and typed.view(ctx).question == "Ketik nomor HP Anda."
    assert typed.value == "" and typed.typing  # retyping starts empty: its 0 is typed like any digit
    assert await type_in(ctx, typed, "0812345678") is check


async def test_remembered_answers_are_offered_not_asked_twice(ctx):
    ctx.visit.remember("nik", NIK)
    wizard = make_wizard()
    step = wizard.start(ctx)
    step = await press(ctx, step, 1)
    step.view(ctx)
    assert step.turn_page(4)
    step = await press(ctx, step, 1)
    step.view(ctx)
    assert step.turn_page(1)
    step = await press(ctx, step, 5)
    step = await press(ctx, step, 1)
    nik = await press(ctx, step, 2)
    assert options(ctx, nik) == ["1 Pakai NIK 3603 2845 0871 0003", "2 Ketik NIK lain"]
    phone = await press(ctx, nik, 1)
    assert isinstance(phone, TypedStep)
    await type_in(ctx, phone, "081234567890")
    assert ctx.visit.recall("telepon") == "081234567890"


async def test_bad_typed_answers_say_why_and_empty_the_field(ctx):
    wizard = make_wizard()
    nik = nik_question()
    step = nik.first_step(wizard_run(wizard), ctx, _forward())
    assert await type_in(ctx, step, "360328450871000") is None
    assert step.error == "NIK harus 16 angka. Anda mengetik 15 angka."
    assert step.value == "" and step.refused == "360328450871000"
    assert step.view(ctx).error == "NIK harus 16 angka. Anda mengetik 15 angka. Yang Anda ketik: 360328450871000"
    assert await type_in(ctx, step, "3603281513710003") is None
    assert "13 bukan bulan" in step.error


def wizard_run(wizard):
    from gemilang_tui.wizard import WizardRun

    return WizardRun(wizard)


def _forward():
    from gemilang_tui.wizard.walk import FORWARD

    return FORWARD


def test_dates_typed_as_digits():
    assert date_digits("25112026", TODAY) == date(2026, 11, 25)
    assert date_digits("05112026", TODAY) == date(2026, 11, 5)
    with pytest.raises(FieldError, match="05112026 untuk 5 November 2026"):
        date_digits("5112026", TODAY)  # 7 digits are a guess: refused with the example
    with pytest.raises(FieldError, match="Tanggal harus 8 angka: tanggal, bulan, tahun. Anda mengetik 5 angka"):
        date_digits("25112", TODAY)
    with pytest.raises(FieldError, match="Tanggal 31-02-2026 tidak ada"):
        date_digits("31022026", TODAY)
    with pytest.raises(FieldError, match="Ketik tanggal dengan 8 angka"):
        date_digits("", TODAY)


async def test_a_future_date_is_refused(ctx):
    question = DateQuestion("t", lambda: "Kapan?", not_after_today=True,
                            too_late=lambda: "Tanggal kejadian tidak boleh setelah hari ini.")
    run = wizard_run(make_wizard())
    gate = question.first_step(run, ctx, _forward())
    assert options(ctx, gate) == ["1 Hari ini [28 November 2026]", "2 Kemarin [27 November 2026]",
                                  "3 Ketik tanggal lain [8 angka]"]
    typed = await press(ctx, gate, 3)
    assert await type_in(ctx, typed, (TODAY + timedelta(days=1)).strftime("%d%m%Y")) is None
    assert typed.error == "Tanggal kejadian tidak boleh setelah hari ini."


async def test_free_text_is_offered_never_required(ctx):
    note = FreeText("catatan", lambda: "Catatan?")
    run = wizard_run(make_wizard())
    gate = note.first_step(run, ctx, _forward())
    assert options(ctx, gate) == ["1 Ketik sendiri", "2 Tidak ada, lanjut"]


async def test_checklist_confirms_or_explains(ctx):
    wizard = make_wizard(
        questions=[Checklist("berkas", lambda: "Sudah membawa semua?", [lambda: "KTP", "Kartu Keluarga (KK)"])],
        lines=None,
        payload=lambda ctx, a: {"berkas": a["berkas"]},
    )
    step = wizard.start(ctx)
    assert step.view(ctx).body[-1] == "• KTP\n• Kartu Keluarga (KK)"
    assert options(ctx, step) == ["1 Ya, saya membawa semuanya", "2 Belum, ada yang kurang"]
    notice = await press(ctx, step, 2)
    assert isinstance(notice, Notice) and "• KTP" in notice.view(ctx).as_text()
    check = await press(ctx, step, 1)
    assert options(ctx, check) == ["1 Benar, kirim", "2 Ubah jawaban"]
    assert check.view(ctx).body[0] == "• Dokumen: Lengkap"


async def test_amounts_in_rupiah(ctx):
    question = amount_question("harga", lambda: "Harga?", minimum=1000)
    wizard = make_wizard(questions=[question], lines=None, payload=lambda ctx, a: {})
    typed = wizard.start(ctx)
    assert await type_in(ctx, typed, "500") is None and typed.error == "Jumlahnya paling sedikit Rp1.000."
    await type_in(ctx, typed, "415000000")
    assert ctx.visit.draft("uji")["harga"].text == "Rp415.000.000"


async def test_send_saves_in_the_outbox_before_the_receipt(ctx):
    wizard = make_wizard()
    check = await forward(ctx, wizard)
    receipt = await press(ctx, check, 1)
    outbox = ctx.submissions.outbox
    [entry] = outbox.pending()
    assert entry.kind == "uji" and entry.payload == {"warna": "merah", "nik": NIK, "desa": "36.03.03.2013",
                                                     "kanal": "kiosk", "dibantu_petugas": False}  # the envelope
    assert "uji" not in ctx.visit.drafts  # the draft is done with
    assert ctx.visit.last_receipts == [entry.local_ref]
    view = receipt.view(ctx)
    assert view.title == "Uji · tanda terima"
    assert view.question == "Tersimpan di anjungan ini. Akan dikirim secara otomatis."
    assert entry.local_number == "90261128001"  # 9, the service (0: not one of the kiosk's forms), the day, 001
    assert f"Nomor Anda untuk Cek Status: {entry.local_number}." in view.body[0] and view.big == entry.local_number
    assert "• Selesai 2026-11-28" in view.body[1]
    assert [o.label for o in view.options] == ["Cetak struk", "Selesai"]

    sent = outbox.mark_sent(entry.id, "2611042")
    ctx.submissions.changed(sent)
    view = receipt.view(ctx)
    assert view.question == "Terkirim dan sudah diterima. Simpan nomor ini:"
    assert view.big == "2611042" and "Nomor resmi Anda: 2611042" in view.body
    assert entry.local_ref not in view.as_text()  # the kiosk's own code only while waiting

    # every earlier screen now says it is saved, and sending again shows the same receipt
    assert check.view(ctx).question == "Ini sudah terkirim. Nomor Anda: 2611042."  # no kiosk code once sent
    assert await press(ctx, check, 1) is receipt
    fresh = await follow(ctx, wizard_run(wizard).submit)  # a new walk starts from an empty draft
    assert fresh.view(ctx).question == "Warna apa?"
    assert len(outbox.entries()) == 1


async def test_failed_submission_tells_to_see_the_officer(ctx):
    wizard = make_wizard()
    check = await forward(ctx, wizard)
    receipt = await press(ctx, check, 1)
    outbox = ctx.submissions.outbox
    [entry] = outbox.pending()
    ctx.submissions.changed(outbox.mark_failed(entry.id, "ditolak"))
    assert receipt.view(ctx).question == "Tersimpan di anjungan ini, tetapi belum diterima."


async def test_print_writes_a_plain_receipt_without_the_full_nik(ctx):
    wizard = make_wizard()
    check = await forward(ctx, wizard)
    receipt = await press(ctx, check, 1)
    notice = await press(ctx, receipt, 1)
    assert "Struk disimpan untuk dicetak petugas." in notice.view(ctx).as_text()
    [path] = (ctx.settings.data_dir / "receipts").glob("*.txt")  # beside it, the .json the attendant reprints
    printed = path.read_text(encoding="utf-8")
    assert "3603********0003" in printed and NIK not in printed and "081234567890" not in printed
    assert "Status: tersimpan di anjungan, menunggu dikirim" in printed
    assert await press(ctx, receipt, 2) is Nav.END  # "Selesai" ends the visit


async def test_send_with_an_unanswered_question_asks_it(ctx):
    wizard = make_wizard()
    check = await forward(ctx, wizard)
    del ctx.visit.draft("uji")["desa"]
    step = await press(ctx, check, 1)
    assert step.view(ctx).question == "Desa?"
    assert ctx.submissions.outbox.entries() == []


def test_a_wizard_that_cannot_be_shown_is_refused_when_declared():
    many = [Choose(f"q{i}", lambda: "?", [Choice(1, "a")]) for i in range(10)]
    with pytest.raises(ValueError, match="at most 9"):
        Wizard("x", lambda: "X", many, payload=lambda ctx, a: {})
    with pytest.raises(ValueError, match="not asked before"):
        Wizard("x", lambda: "X", [Choose("a", lambda: "?", [Choice(1, "a")], depends_on=["b"]),
                                  Choose("b", lambda: "?", [Choice(1, "a")])], payload=lambda ctx, a: {})
    with pytest.raises(ValueError, match="not on the check screen"):
        Wizard("x", lambda: "X", [Choose("a", lambda: "?", [Choice(1, "a")])], payload=lambda ctx, a: {},
               lines=[])


def test_answers_read_like_a_mapping():
    from gemilang_tui.wizard import Answer

    store = {"a": Answer(1, "satu", data={"x": 1}), "b": Answer(None, "Tidak diisi"), "c": Answer(False, "tidak")}
    answers = Answers(store)
    assert dict(answers) == {"a": 1, "c": False}
    assert "b" not in answers and answers.get("b") is None and answers.label("b") == "Tidak diisi"
    assert answers.data("a") == {"x": 1}
    assert dict(Answers(store, only={"c"})) == {"c": False}


def test_labels_follow_the_language():
    from gemilang_tui.i18n import set_locale

    yes = YesNo("y", lambda: _("Yes"))
    set_locale("en")
    try:
        assert [c.readback() for c in yes._choices] == ["Yes", "No"]  # type: ignore[union-attr]
    finally:
        set_locale("id")
    assert [c.readback() for c in yes._choices] == ["Ya", "Tidak"]  # type: ignore[union-attr]
