"""The wizard extensions of the izin makam, donor and AK/1 forms, headless: a stopping choice, several answers one
at a time, names, an extra NIK rule, a receipt that knows what was sent, big digits after a prefix."""

from __future__ import annotations

import inspect
from datetime import date

from gemilang_tui.flow import Context, FieldError, Notice, Step
from gemilang_tui.wizard import (
    Choice,
    Gate,
    Line,
    Several,
    Stop,
    Wizard,
    name_question,
    number_to_keep,
    person_nik_question,
)
from gemilang_tui.wizard.steps import TypedStep

TODAY = date(2026, 11, 28)
NIK = "3603284508710003"


def tangerang_only(ctx: Context, nik) -> None:
    if not nik.is_tangerang:
        raise FieldError("Bukan 3603.")


def make_wizard() -> Wizard:
    return Wizard(
        kind="uji_b",
        title=lambda: "Uji",
        questions=[
            Gate("sehat", lambda: "Sehat?", [Choice(True, "Ya"), Choice(False, "Tidak", data=Stop(
                lambda ctx, answers: ["Terima kasih.", "Datang lagi saat sehat."]))]),
            Several("bisa", lambda: "Bisa apa?", [Choice("a", "Menjahit", readback="jahit"), Choice("b", "Mengemudi")],
                    nothing=lambda: "Tidak ada"),
            name_question("nama", lambda: "Nama?", remember="nama"),
            person_nik_question(check=tangerang_only),
        ],
        lines=[Line(lambda: "Sehat", "sehat"), Line(lambda: "Bisa", "bisa"), Line(lambda: "Nama", "nama"),
               Line(lambda: "NIK", "nik")],
        payload=lambda ctx, a: {"bisa": list(a["bisa"]), "nama": a["nama"], "nik": a["nik"]},
        keep=lambda a: {"bisa": list(a["bisa"])},
        next_steps=lambda ctx, day, kept: [f"{day.isoformat()}: {kept}"],
    )


async def follow(ctx: Context, transition):
    result = transition(ctx)
    if inspect.isawaitable(result):
        result = await result
    return result


async def press(ctx: Context, step: Step, number: int):
    transition = step.choose(ctx, number)
    assert transition is not None, f"{number} means nothing on {step.view(ctx).as_text()}"
    return await follow(ctx, transition)


def options(ctx: Context, step: Step) -> list[str]:
    return [f"{o.number} {o.label}" + (f" [{o.hint}]" if o.hint else "") for o in step.view(ctx).options]


async def type_in(ctx: Context, step: Step, text: str):
    assert isinstance(step, TypedStep)
    step.value = ""
    for char in text:
        step.type(char)
    transition = step.submit()
    return None if transition is None else await follow(ctx, transition)


def test_the_number_to_keep_is_every_digit_of_the_official_number():
    assert number_to_keep("IZM4-2026-00001") == "4202600001"
    assert number_to_keep("AK1-2026-00001") == "1202600001"
    assert number_to_keep("PPID-2026-0042") == "20260042"
    assert number_to_keep("2611007") == "2611007"
    assert number_to_keep("PPID-X") == ""


async def test_a_stopping_choice_explains_and_forgets_the_old_answer(ctx):
    wizard = make_wizard()
    first = wizard.start(ctx)
    assert options(ctx, first) == ["1 Ya", "2 Tidak"]
    await press(ctx, first, 1)
    assert ctx.visit.draft("uji_b")["sehat"].value is True
    stopped = await press(ctx, first, 2)
    assert isinstance(stopped, Notice)
    assert stopped.view(ctx).body == ["Terima kasih.", "Datang lagi saat sehat."]
    assert "sehat" not in ctx.visit.draft("uji_b")


async def test_several_answers_one_at_a_time(ctx):
    wizard = make_wizard()
    several = await press(ctx, wizard.start(ctx), 1)
    assert options(ctx, several) == ["1 Menjahit", "2 Mengemudi", "3 Sudah, lanjut [belum ada yang dipilih]"]
    assert await press(ctx, several, 2) is None and await press(ctx, several, 1) is None  # in place
    assert options(ctx, several) == ["1 Menjahit [✓ jawaban Anda]", "2 Mengemudi [✓ jawaban Anda]",
                                     "3 Sudah, lanjut [2 dipilih]"]
    assert "Pilihan Anda: jahit, Mengemudi" in several.view(ctx).body  # in the list's order
    assert await press(ctx, several, 2) is None  # pressed again: removed
    name = await press(ctx, several, 3)
    assert ctx.visit.draft("uji_b")["bisa"].value == ("a",)
    assert name.view(ctx).question == "Nama?"


async def test_nothing_chosen_reads_back_as_nothing(ctx):
    wizard = make_wizard()
    several = await press(ctx, wizard.start(ctx), 1)
    await press(ctx, several, 3)
    assert ctx.visit.draft("uji_b")["bisa"].value == ()
    assert ctx.visit.draft("uji_b")["bisa"].text == "Tidak ada"


async def test_names_and_the_extra_nik_rule(ctx):
    wizard = make_wizard()
    step = await press(ctx, await press(ctx, wizard.start(ctx), 1), 3)
    assert await type_in(ctx, step, "Siti 2") is None
    assert step.error == "Nama tidak berisi angka. Periksa, lalu ketik lagi."
    assert await type_in(ctx, step, "S") is None and "terlalu pendek" in step.error
    nik = await type_in(ctx, step, "  SITI   AMINAH ")
    assert ctx.visit.draft("uji_b")["nama"].value == "SITI AMINAH" and ctx.visit.recall("nama") == "SITI AMINAH"
    assert await type_in(ctx, nik, "3171284508710003") is None and nik.error == "Bukan 3603."
    check = await type_in(ctx, nik, NIK)
    assert options(ctx, check) == ["1 Benar, kirim", "2 Ubah jawaban"]
    assert check.view(ctx).body[0].splitlines() == ["• Sehat: Ya", "• Bisa: Tidak ada", "• Nama: SITI AMINAH",
                                                    "• NIK: 3603 2845 0871 0003"]


async def test_the_receipt_knows_what_was_sent(ctx):
    wizard = make_wizard()
    step = wizard.start(ctx)
    step = await press(ctx, step, 1)
    await press(ctx, step, 2)
    step = await press(ctx, step, 3)
    step = await type_in(ctx, step, "SITI AMINAH")
    check = await type_in(ctx, step, NIK)
    receipt = await press(ctx, check, 1)
    assert "uji_b" not in ctx.visit.drafts  # the draft is gone; the receipt kept only what it needs
    body = "\n".join(receipt.view(ctx).body)
    assert "2026-11-28: {'bisa': ['b']}" in body
