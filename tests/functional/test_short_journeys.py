"""Short journeys: the kiosk knows where it stands, offers it first wherever a place is asked, and asks nothing a
person may not have (a phone, a typed name). Screen counts of LAPOR!, a letter and a PBB check, walked by digits."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gemilang_tui.config import SettingError, load_settings
from gemilang_tui.domain import regions
from gemilang_tui.outbox import Outbox
from tests.conftest import choose, kiosk, press, text, type_text, until
from tests.journeys import Journey, walk

NIK = "3603284508710003"  # CANON.md: Kelapa Dua
PHONE = "081234567890"
NOP = "360303001300501170"


def _receipt(app) -> bool:
    view = app.last_view
    return view is not None and view.title.endswith("tanda terima")


LAPOR = Journey(
    "LAPOR!",
    wishes=["Di sini", "Lapor masalah dan informasi", "SP4N LAPOR!", "Pengaduan", "Infrastruktur",
            "Lampu jalan mati", "Tapos", "Tigaraksa", "Hari ini", "Tidak ada, lanjut", "Nama saya boleh terlihat",
            "Tidak, boleh", "Lewati", "Benar, kirim"],
    typed=[("NIK", NIK), ("nomor HP", PHONE)],
    done=_receipt,
    avoid=["Cek status"],
)
LETTER = Journey(
    "Layanan Mandiri",
    wishes=["Di sini", "Minta surat desa", "Minta surat", "Surat Keterangan Domisili", "Ya, saya membawa semuanya",
            "Tapos", "Tigaraksa", "Lewati", "Melamar pekerjaan", "Benar, kirim"],
    typed=[("NIK", NIK), ("nomor HP", PHONE)],
    done=_receipt,
    avoid=["Cek status"],
)
PBB = Journey(
    "iPBB",
    wishes=["Pajak rumah dan tanah"],
    typed=[("NOP", NOP)],
    done=lambda app: "Total tunggakan: Rp1.150.500" in text(app),
)


async def _walked(settings, journey: Journey):
    async with kiosk(settings) as (app, pilot):
        await until(pilot, lambda: app.ctx.submissions.listeners)
        await press(pilot, "1")  # Bahasa Indonesia: the Menu Utama
        return await walk(app, pilot, journey)


async def test_a_lapor_complaint_about_the_kiosks_own_desa_by_digits_alone(settings):
    walked = await _walked(settings, LAPOR)
    questions = [screen for screen in walked.screens if "· langkah" in screen]
    # the form's own questions (11 before: kind, category, problem, kecamatan, desa, date, details, anonymous,
    # secret, NIK, phone); the kind is now LAPOR!'s menu, "Di sini" answers the desa, privacy is one question
    assert len(questions) <= 8, questions
    # the group menu, LAPOR!'s menu, 8 questions, the check screen, the receipt (15 before)
    assert walked.count == 12, walked.screens
    assert not any("desa atau kelurahan" in screen.lower() for screen in walked.screens)


async def test_a_letter_by_digits_alone_asks_no_phone_and_no_typed_name(settings):
    walked = await _walked(settings, LETTER)
    # Layanan Mandiri's menu, letter, requirements, NIK, where, name (left to the NIK), phone (skipped), purpose,
    # check, receipt (11 before: the kecamatan and the desa on two screens, the phone typed)
    assert walked.count == 10, walked.screens


async def test_a_pbb_check_by_digits(settings):
    walked = await _walked(settings, PBB)
    assert walked.count == 2, walked.screens  # the NOP, the bill (unchanged: nothing to shorten)


# -- the kiosk's place: a setting ---------------------------------------------------------------------------------


def test_the_kiosk_desa_is_a_known_ten_digit_code():
    assert load_settings(environ={}).kiosk_desa == "3603032013"  # the documented default: Desa Tapos, Tigaraksa
    assert load_settings(environ={"GEMILANG_KIOSK_DESA": "36.03.28.1001"}).kiosk_desa == "3603281001"
    for bad in ("3603039999", "360303", "3603030", "36030320130", "abcdefghij", "3603030000"):
        with pytest.raises(SettingError) as refused:
            load_settings(environ={"GEMILANG_KIOSK_DESA": bad})
        assert "GEMILANG_KIOSK_DESA" in str(refused.value) and "\n" not in str(refused.value)


def test_a_bad_kiosk_desa_stops_the_kiosk_with_one_line_and_exit_2(capsys, monkeypatch):
    from gemilang_tui.cli import main

    monkeypatch.setenv("GEMILANG_KIOSK_DESA", "3603039999")
    assert main([]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "GEMILANG_KIOSK_DESA" in err


async def test_the_attendant_panel_names_the_kiosks_place(settings):
    from gemilang_tui.flow import Context
    from gemilang_tui.services.attendant import kiosk_place
    from gemilang_tui.session import Visit

    ctx = Context(visit=Visit(), api=None, settings=replace(settings, kiosk_desa="3603281001"))  # type: ignore[arg-type]
    assert kiosk_place(ctx) == ("Anjungan ini berada di Kelurahan Kelapa Dua, Kecamatan Kelapa Dua "
                                "(GEMILANG_KIOSK_DESA 3603281001).")


# -- every where question: "Di sini" first, the kiosk's kecamatan next ---------------------------------------------

#: Each form's walk to its where question, from the Menu Utama, and the question it shows there.
WHERE = {
    "lapor": (["Lapor masalah dan informasi", "SP4N LAPOR!", "Pengaduan", "Infrastruktur", "Lampu jalan"], [],
              "Di kecamatan mana?"),
    "ppid": (["Lapor masalah dan informasi", "PPID", "Minta informasi", "Saya sendiri"], [NIK, "2"],
             "Di kecamatan mana Anda tinggal?"),
    "layanan_mandiri": (["Layanan Mandiri", "Minta surat", "Domisili", "Ya, saya membawa"], [NIK],
                        "Desa atau kelurahan Anda ada di kecamatan mana?"),
    "izin_makam": (["SIMAPAN", "Minta izin makam", "Ya", "type:SITI AMINAH", "Lewati", "Kemarin", "Hari ini", "10.00"],
                   [],
                   "Di kecamatan mana tempat pemakamannya (TPU)?"),
}


async def _to_where(app, pilot, labels: list[str], typed: list[str]) -> None:
    await press(pilot, "1")
    for label in labels:
        if label.startswith("type:"):  # words typed on a typing screen
            await type_text(pilot, label.removeprefix("type:"))
            await press(pilot, "enter")
            continue
        await choose(app, pilot, label)
    for value in typed:
        if value.isdigit() and len(value) > 1:
            await type_text(pilot, value)
            await press(pilot, "enter")
        else:
            await press(pilot, value)


@pytest.mark.parametrize("kiosk_desa", ["3603032013", "3603281001"], ids=["Tapos", "Kelapa Dua"])
@pytest.mark.parametrize("form", sorted(WHERE))
async def test_every_where_question_offers_here_first_and_the_kiosks_kecamatan_next(settings, form, kiosk_desa):
    village = regions.village_by_digits(kiosk_desa)
    assert village is not None
    labels, typed, question = WHERE[form]
    async with kiosk(replace(settings, kiosk_desa=kiosk_desa)) as (app, pilot):
        await _to_where(app, pilot, labels, typed)
        await until(pilot, lambda: question in text(app), what=question)
        view = app.last_view
        first, second = view.options[0], view.options[1]
        assert first.number == 1 and second.number == 2
        here = f"Di sini: {village.full_name}, Kecamatan {village.nama_kecamatan}"
        assert first.label == here, first.label
        assert second.label == village.nama_kecamatan, second.label
        if form in ("ppid", "layanan_mandiri") and village.nama_kecamatan != "Kelapa Dua":
            assert view.options[2].label == "Kelapa Dua" and view.options[2].hint == "menurut NIK Anda"
        await press(pilot, "1")
        after = text(app)
        assert question not in after
        if form == "izin_makam":  # "Di sini" gives the kecamatan: its TPU are asked next
            assert "Di TPU mana?" in after and f"Kecamatan {village.nama_kecamatan}" in after
        else:  # "Di sini" answers the desa too: the desa list is passed over
            assert "desa atau kelurahan mana" not in after.lower()


async def test_the_kiosks_desa_comes_first_when_another_way_leads_to_its_kecamatan(settings):
    async with kiosk(settings) as (app, pilot):
        await _to_where(app, pilot, WHERE["lapor"][0], [])
        await press(pilot, "2")  # Tigaraksa from the list, not "Di sini": the desa is asked, Tapos first
        assert "Di desa atau kelurahan mana?" in text(app)
        assert app.last_view.options[0].label == "Di sini: Desa Tapos, Kecamatan Tigaraksa"
        await press(pilot, "0", "1")  # back, and "Di sini" this time: the desa list is passed over
        assert "Kapan kejadiannya?" in text(app)
        await press(pilot, "0")  # back lands on the where question, "Di sini" marked
        assert "1 Di sini: Desa Tapos, Kecamatan Tigaraksa ✓ jawaban Anda" in text(app)
        await press(pilot, "2")  # now Tigaraksa from the list: the desa is asked again, nothing kept from "Di sini"
        assert "Di desa atau kelurahan mana?" in text(app) and "✓ jawaban Anda" not in text(app)


# -- nothing required that a person may not have ------------------------------------------------------------------

#: Each form, from the Menu Utama to its phone question, by labels and typed values.
PHONE_OPTIONAL = {
    "lapor": ["Lapor masalah dan informasi", "SP4N LAPOR!", "Pengaduan", "Infrastruktur", "Lampu jalan", "Di sini",
              "Hari ini", "Tidak ada", "Nama saya boleh", NIK],
    "layanan_mandiri": ["Layanan Mandiri", "Minta surat", "Domisili", "Ya, saya membawa", NIK, "Di sini", "Lewati"],
    "ppid": ["Lapor masalah dan informasi", "PPID", "Minta informasi", "Saya sendiri", NIK, "Lewati", "Di sini",
             "Tidak ada", "Wiraswasta"],
    "ak1": ["Donor darah dan", "Siap Kerja", "Ajukan kartu", "Ya, semuanya sudah ada", NIK, "Lewati"],
    "donor": ["Donor darah dan", "Sidoni", "Daftar sebagai", "5 Desember", "17 sampai 60", "Ya", "Belum pernah",
              "Ya, saya sehat", NIK, "Lewati"],
}


async def _walk_labels(app, pilot, steps: list[str]) -> None:
    await press(pilot, "1")
    for step in steps:
        if step.isdigit() or step.startswith("type:"):
            await type_text(pilot, step.removeprefix("type:"))
            await press(pilot, "enter")
        else:
            await choose(app, pilot, step)


@pytest.mark.parametrize("form", sorted(PHONE_OPTIONAL))
async def test_the_phone_can_be_skipped_and_the_skip_says_what_is_lost(settings, form):
    async with kiosk(settings) as (app, pilot):
        await until(pilot, lambda: app.ctx.submissions.listeners)
        await _walk_labels(app, pilot, PHONE_OPTIONAL[form])
        await until(pilot, lambda: "Lewati, tanpa nomor HP Anda tidak mendapat SMS" in text(app), what="the skip")
        assert "Tanpa nomor" in text(app)  # the note says what is lost, and how to follow it instead
        await choose(app, pilot, "Lewati, tanpa nomor HP")
        for _ in range(12):  # on to the check screen: skip what may be skipped, else the first option
            if "periksa jawaban" in text(app):
                break
            onward = [option.number for option in app.last_view.options
                      if option.number > 0 and ("Lewati" in option.label or option.label == "Sudah, lanjut")]
            await press(pilot, str(onward[0] if onward else 1))
        assert "periksa jawaban" in text(app)
        assert "Telepon: Tidak diisi" in text(app) or "tanpa email" in text(app)
        await press(pilot, "1")
        await until(pilot, lambda: "Terkirim" in text(app), what="the receipt, sent")
        [sent] = Outbox(settings.data_dir / "outbox.sqlite3").entries()
        assert sent.status == "sent" and sent.official_ref


async def test_the_burial_permit_needs_a_phone_and_says_why(settings):
    async with kiosk(settings) as (app, pilot):
        await _to_where(app, pilot, WHERE["izin_makam"][0], [])
        await press(pilot, "1", "1")  # Di sini; TPU Tapos
        await type_text(pilot, NIK)
        await press(pilot, "enter", "2", "2")  # the name left to the NIK; anak
        assert "Ketik nomor HP penanggung jawab." in text(app)
        assert "Petugas TPU menelepon nomor ini" in text(app) and "Lewati" not in text(app)


#: The forms that ask a person's NIK and name: the name may be left to the NIK, with the same words everywhere.
NAME_FROM_NIK = {
    "layanan_mandiri": ["Layanan Mandiri", "Minta surat", "Domisili", "Ya, saya membawa", NIK, "Di sini"],
    "ppid": ["Lapor masalah dan informasi", "PPID", "Minta informasi", "Saya sendiri", NIK],
    "ak1": ["Donor darah dan", "Siap Kerja", "Ajukan kartu", "Ya, semuanya sudah ada", NIK],
    "donor": ["Donor darah dan", "Sidoni", "Daftar sebagai", "5 Desember", "17 sampai 60", "Ya", "Belum pernah",
              "Ya, saya sehat", NIK],
    "izin_makam": [*WHERE["izin_makam"][0], "Di sini", "TPU Tapos", NIK],
}


@pytest.mark.parametrize("form", sorted(NAME_FROM_NIK))
async def test_the_name_can_be_left_to_the_nik_in_every_form_that_has_it(settings, form):
    async with kiosk(settings) as (app, pilot):
        await _walk_labels(app, pilot, NAME_FROM_NIK[form])
        await until(pilot, lambda: "Lewati, petugas mencatat nama dari NIK" in text(app), what="the name's skip")
        assert "Jika Anda tidak bisa mengetik, petugas mencatat nama dari NIK." in text(app)
