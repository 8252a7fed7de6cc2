"""One thing leads to the next: a form opened from an information page carries that item in. PPID's "Minta
informasi ini" does not ask again which information; a burial permit opened from a TPU does not ask the TPU again;
the AK/1 page offers to apply. Walked by answering whatever each screen asks, so a form that asks a question more or
less still holds the rule."""

from __future__ import annotations

from tests.conftest import choose, kiosk_at, press, settle, text, type_text

NIK = "3603284508710003"  # CANON.md
PHONE = "081234567890"


async def answer_until(app, pilot, wanted: str, never: tuple[str, ...]) -> str:
    """Answer every screen (the NIK and phone typed, a name skipped, the first choice otherwise) until the question
    holds `wanted`; fail if a question of `never` is asked on the way. Returns the screen then."""
    for _screen in range(40):
        await settle(pilot)
        view = app.last_view
        asked = f"{view.question} {view.title}"
        assert not any(question in asked for question in never), text(app)
        if wanted in asked or wanted in text(app):
            return text(app)
        label = view.prompt.label if view.prompt is not None else ""
        if view.prompt is not None and "NIK" in label:
            await type_text(pilot, NIK)
            await press(pilot, "enter")
        elif view.prompt is not None and ("HP" in label or "telepon" in label.lower()):
            await type_text(pilot, PHONE)
            await press(pilot, "enter")
        elif view.prompt is not None and not view.prompt.digits_only:
            await type_text(pilot, "Siti Aminah" if "nama" in label.lower() else "Kp. Tapos RT 002/RW 004")
            await press(pilot, "enter")
        elif view.prompt is not None:
            await press(pilot, "enter")
        elif any("Lewati" in option.label for option in view.options):
            await choose(app, pilot, "Lewati")
        else:
            await press(pilot, "1")
    raise AssertionError(f"never reached {wanted!r}:\n{text(app)}")


async def test_ppid_request_this_information_carries_the_entry_in(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "PPID") as (app, pilot):
        await press(pilot, "1", "2", "1")  # the list; informasi serta-merta; its first entry
        await settle(pilot)
        entry = app.last_view.title
        assert entry == "Peringatan Dini Cuaca Ekstrem dan Potensi Banjir"
        await choose(app, pilot, "Minta informasi ini")
        await answer_until(app, pilot, "Untuk apa informasi ini Anda gunakan?",
                           never=("Informasi tentang apa yang Anda cari?", "Informasi mana yang Anda perlukan?"))
        check = await answer_until(app, pilot, "periksa jawaban", never=())
        assert f"• Informasi: {entry}" in check


async def test_a_burial_permit_opened_from_a_tpu_does_not_ask_the_tpu_again(settings):
    async with kiosk_at(settings, "SIMAPAN") as (app, pilot):
        await press(pilot, "1")  # TPU by kecamatan
        await settle(pilot)
        await press(pilot, "1")  # the first kecamatan
        await settle(pilot)
        await press(pilot, "1")  # its first TPU
        await settle(pilot)
        tpu = app.last_view.title
        await choose(app, pilot, "Minta izin makam di TPU ini")
        check = await answer_until(app, pilot, "periksa jawaban",
                                   never=("Di TPU mana", "Di kecamatan mana TPU"))
        assert tpu in check


async def test_the_ak1_page_offers_to_apply(settings):
    async with kiosk_at(settings, "Donor darah dan pekerjaan", "Lowongan kerja (Siap Kerja)") as (app, pilot):
        await choose(app, pilot, "Kartu kuning (AK/1)")
        await settle(pilot)
        assert "Syaratnya:" in text(app)
        await choose(app, pilot, "Ajukan kartu kuning (AK/1)")
        await settle(pilot)
        assert "Permohonan kartu kuning" in app.last_view.title or "AK/1" in app.last_view.title, text(app)


async def test_one_action_has_one_name_from_the_menu_and_from_a_job(settings):
    async with kiosk_at(settings, "Donor darah dan pekerjaan", "Lowongan kerja (Siap Kerja)") as (app, pilot):
        menu = [option.label for option in app.last_view.options]
        await press(pilot, "1")
        await settle(pilot)
        await press(pilot, "1")
        await settle(pilot)
        job = [option.label for option in app.last_view.options]
        assert "Ajukan kartu kuning (AK/1)" in menu and "Ajukan kartu kuning (AK/1)" in job


def test_selesai_means_the_visit_ends_and_nothing_else():
    """"Selesai" is the option that ends a visit; a list ticked item by item goes on with "Sudah, lanjut". A status
    may read "Selesai" (a request that is finished), never an option that does something else."""
    from pathlib import Path

    from babel.messages.pofile import read_po

    import gemilang_tui

    ends_the_visit = {"Finish"}
    status_names = {"Answered", "Collected", "Finished"}
    found = {}
    for po in Path(gemilang_tui.__file__).parent.glob("i18n/id/LC_MESSAGES/*.po"):
        with po.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.string == "Selesai":
                    found[message.id] = po.name
    assert set(found) <= ends_the_visit | status_names, found
