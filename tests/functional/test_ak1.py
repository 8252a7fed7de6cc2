"""Siap Kerja AK/1 card by number keys: requirements, a 3603 NIK, schooling, several skills one at a time, the
receipt (where and from when, free, valid 2 years); bad NIKs; missing documents; English; answers offered again."""

from __future__ import annotations

import re

from gemilang_tui.flow import Ask
from gemilang_tui.outbox import Outbox
from tests.conftest import choose, kiosk, press, screen_text, text, type_text, until

NIK = "3603284508710003"  # CANON.md: valid, woman born 5 August 1971
PHONE = "081234567890"
NAME = "SITI AMINAH"
# Menu Utama "Donor darah dan pekerjaan" → "Lowongan kerja (Siap Kerja)" → "Ajukan kartu kuning (AK/1)", by label in
# either language
FORM = ("Donor darah dan|Blood donation and", "Siap Kerja", "Ajukan kartu|Apply for")
DONOR = ("Donor darah dan", "Sidoni", "Daftar sebagai")


def outbox(settings) -> Outbox:
    return Outbox(settings.data_dir / "outbox.sqlite3")


async def start(app, pilot, language: str = "1", form: tuple[str, ...] = FORM) -> None:
    await until(pilot, lambda: app.ctx.submissions.listeners)
    await press(pilot, language)
    for label in form:
        await choose(app, pilot, label)


async def enter(pilot, typed: str) -> None:
    await type_text(pilot, typed)
    await press(pilot, "enter")


async def walk_to_check(app, pilot, language: str = "1", skills: tuple[str, ...] = ("3", "5")) -> None:
    await start(app, pilot, language)
    await press(pilot, "1")  # everything is there, with a SIAPkerja account
    await enter(pilot, NIK)
    await press(pilot, "1")  # the name may be left to the NIK: 1 types it
    await enter(pilot, NAME)
    await press(pilot, "1")  # the phone is optional: 1 types it
    await enter(pilot, PHONE)
    await press(pilot, "4", *skills, "9", "5")  # SMA/SMK; skills; Sudah, lanjut; no other work, Sudah, lanjut


async def test_whole_application_by_number_keys_to_the_receipt(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        first = text(app)
        assert "Kartu kuning (AK/1) · langkah 1 " in first and "dari" not in first
        for line in ("• KTP Kabupaten Tangerang", "• Ijazah terakhir", "• Pas foto 3×4",
                     "• Akun SIAPkerja. Belum punya? Petugas membantu."):
            assert line in first, line
        assert "2 Ya, tetapi belum punya akun SIAPkerja petugas membantu" in first
        await press(pilot, "2")
        assert "Ketik NIK Anda." in text(app)
        await enter(pilot, NIK)
        assert "Siapa nama lengkap Anda?" in text(app)
        assert "2 Lewati, petugas mencatat nama dari NIK" in text(app)
        await press(pilot, "1")
        await enter(pilot, NAME)
        assert "2 Lewati, tanpa nomor HP Anda tidak mendapat SMS" in text(app)
        await press(pilot, "1")
        await enter(pilot, PHONE)
        schooling = text(app)
        assert "Apa pendidikan terakhir Anda?" in schooling and "1 Tidak sekolah / tidak tamat SD" in schooling
        assert "4 Sekolah menengah atas atau kejuruan (SMA/SMK)" in schooling
        await press(pilot, "4")
        skills = text(app)
        assert "Apa keahlian Anda?" in skills and "Tekan 9 jika sudah selesai." in skills
        assert "9 Sudah, lanjut belum ada yang dipilih" in skills
        await press(pilot, "2", "3")
        skills = text(app)
        assert "2 Menjahit ✓ jawaban Anda" in skills and "3 Mengemudi (punya SIM) ✓ jawaban Anda" in skills
        assert "Pilihan Anda: Menjahit, Mengemudi" in skills and "9 Sudah, lanjut 2 dipilih" in skills
        await press(pilot, "2", "5")  # Menjahit again: removed; Gudang dan logistik added
        skills = text(app)
        assert "2 Menjahit ✓" not in skills and "Pilihan Anda: Mengemudi, Gudang" in skills
        await press(pilot, "9")
        other = text(app)
        assert "Apakah Anda bisa pekerjaan lain juga?" in other
        for line in ("1 Bertani, berkebun, atau beternak", "2 Bangunan: tukang batu, kayu, atau cat",
                     "3 Kebersihan: menyapu, mengepel, mencuci", "4 Pekerjaan lain", "5 Sudah, lanjut"):
            assert line in other, line
        await press(pilot, "1", "5")
        check = text(app)
        assert "Kartu kuning (AK/1) · periksa jawaban" in check
        for line in ("• Persyaratan: lengkap, akun SIAPkerja dibantu petugas", "• NIK: 3603 2845 0871 0003",
                     "• Nama: SITI AMINAH", "• Telepon: 0812 3456 7890",
                     "• Pendidikan: Sekolah menengah atas atau kejuruan (SMA/SMK)",
                     "• Keahlian: Mengemudi, Gudang, Pertanian", "1 Benar, kirim", "2 Ubah jawaban"):
            assert line in check, line
        assert "****" not in check  # the check page reads every answer back in full

        app.api.mock_app.state.faults.mode = "down"
        await press(pilot, "1")
        receipt = text(app)
        assert "Tersimpan di anjungan ini" in receipt
        [kiosk_code] = re.findall(r"Nomor Anda untuk Cek Status: (\d{11})\.", receipt)
        assert kiosk_code == "96261128001" and app.last_view.big == kiosk_code
        assert ("Kartu dapat diambil dalam 3 hari kerja, mulai 2 Desember 2026, di Kantor Dinas Ketenagakerjaan "
                "Kabupaten Tangerang atau Mal Pelayanan Publik, Tigaraksa.") in receipt
        assert "Petugas di sana membantu Anda membuat akun SIAPkerja." in receipt
        assert "Gratis, tanpa biaya. Berlaku 2 tahun." in receipt

        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        await until(pilot, lambda: "Nomor permohonan Anda" in text(app))
        receipt = text(app)
        assert "Terkirim dan sudah diterima. Simpan nomor ini:" in receipt
        assert "Nomor permohonan Anda: AK1-2026-00001" in receipt
        assert kiosk_code in " ".join(app.last_view.body)  # both numbers once known
        assert "Gratis, tanpa biaya. Berlaku 2 tahun." in receipt
        assert app.last_view.big == "1202600001"  # every digit of the official number, the 1 of AK1 included
        [sent] = outbox(settings).entries()
        assert sent.kind == "ak1" and sent.official_ref == "AK1-2026-00001"
        body = outbox(settings).get(sent.local_ref).payload
        assert body["keterampilan"] == ["mengemudi", "gudang", "pertanian"] and body["pendidikan"] == "SMA/SMK"
        assert body["akun_siapkerja"] is False and body["dokumen_lengkap"] is True
        assert "nik" not in body and "nama" not in body and "telepon" not in body


async def test_a_nik_from_outside_kabupaten_tangerang_is_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
        await enter(pilot, "3171284508710003")
        shown = text(app)
        assert "Kartu kuning (AK/1) di sini untuk warga Kabupaten Tangerang, yang NIK-nya diawali 3603." in shown
        assert "NIK ini diawali 3171." in shown and "3171284508710003" in shown
        for _ in range(16):
            await press(pilot, "full_stop")
        await enter(pilot, NIK)
        assert "Siapa nama lengkap Anda?" in text(app)


async def test_bad_niks_are_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
        await enter(pilot, "360328450871000")
        assert "NIK harus 16 angka. Anda mengetik 15 angka." in text(app) and "360328450871000" in text(app)
        for _ in range(15):
            await press(pilot, "full_stop")
        await enter(pilot, "3603281513710003")
        assert "13 bukan bulan" in text(app) and "3603281513710003" in text(app)


async def test_a_missing_document_ends_kindly_and_nothing_is_saved(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "3")
        shown = text(app)
        assert "Siapkan dulu dokumen yang kurang, lalu datang lagi." in shown
        assert "Pas foto dapat dibuat di studio foto." in shown
        assert outbox(settings).entries() == []


async def test_no_skill_is_a_valid_answer(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, skills=())
        assert "• Keahlian: Belum ada keahlian khusus" in text(app)
        await press(pilot, "2")  # Ubah jawaban: the answers, numbered
        assert "6 Keahlian Belum ada keahlian khusus" in text(app)
        await press(pilot, "6")  # change the skills from the check screen
        await press(pilot, "8", "9", "3", "5")  # Penjualan, Sudah, lanjut; Kebersihan, Sudah, lanjut
        assert "• Keahlian: Penjualan, Kebersihan" in text(app)
        await press(pilot, "1")
        await until(pilot, lambda: "Terkirim" in text(app))
        [sent] = outbox(settings).entries()
        assert outbox(settings).get(sent.local_ref).payload["keterampilan"] == ["penjualan", "kebersihan"]


async def test_english_check_screen(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, language="2")
        check = text(app)
        assert "Job seeker's card (AK/1) · check your answers" in check
        assert "• Requirements: complete, with a SIAPkerja account" in check
        assert "• Skills: Driving, Warehouse" in check
        assert "1 Yes, it is right: send" in check and "2 Change an answer" in check


async def test_name_nik_and_phone_given_earlier_in_the_visit_are_offered(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "slash")  # nothing sent yet: Menu Utama keeps the visit
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        for label in DONOR:
            await choose(app, pilot, label)
        await press(pilot, "1", "2", "1", "1", "1")
        assert "1 Pakai NIK 3603 2845 0871 0003" in text(app)
        await press(pilot, "1")
        assert "1 Pakai nama SITI AMINAH" in text(app)
        await press(pilot, "1")
        assert "1 Pakai nomor 0812 3456 7890" in text(app)
        await press(pilot, "1")
        assert "Apa golongan darah Anda?" in text(app)
        await press(pilot, "4", "1")  # O; Benar, kirim
        await until(pilot, lambda: "Terkirim" in text(app))
        await choose(app, pilot, "Selesai")  # the visit ends: nothing is offered to the next citizen
        assert "Selamat datang" in screen_text(app)
        await press(pilot, "1")
        for label in FORM:
            await choose(app, pilot, label)
        await press(pilot, "1")
        step = app.screen.step
        assert isinstance(step, Ask) and step.typing and step.value == ""
        assert "Ketik NIK Anda." in text(app) and "Pakai" not in text(app) and "3603" not in text(app)


async def test_no_schooling_is_an_answer(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
        await enter(pilot, NIK)
        await press(pilot, "1")
        await enter(pilot, NAME)
        await press(pilot, "1")
        await enter(pilot, PHONE)
        await press(pilot, "1", "9", "4", "5")  # no schooling; no skill of the list; other work
        assert "• Pendidikan: Tidak sekolah / tidak tamat SD" in text(app)
        assert "• Keahlian: Lainnya" in text(app)
        await press(pilot, "1")
        await until(pilot, lambda: "Terkirim" in text(app))
        [sent] = outbox(settings).entries()
        body = outbox(settings).get(sent.local_ref).payload
        assert body["pendidikan"] == "Tidak tamat SD" and body["keterampilan"] == ["lainnya"]
