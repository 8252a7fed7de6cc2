"""Layanan Mandiri (Menu Utama 1): ask for a letter by number keys to the receipt, then check its status."""

from __future__ import annotations

from gemilang_tui.outbox import Outbox
from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, text, type_text, until

NIK = "3603284508710003"
PHONE = "081234567890"
NAME = "Siti Aminah"
# 1 Bahasa Indonesia, 1 Layanan Mandiri, 1 Minta surat: the one walk by number keys; the others go by label.
OPEN = ["1", "1", "1"]
LETTER = ("Layanan Mandiri", "Minta surat|Ask for a letter")
# Surat Keterangan Domisili; all requirements brought; then the NIK; then "Di sini: Desa Tapos, Kecamatan Tigaraksa"
# (the kiosk's place, the default setting). Lists turn their pages with +; 8 and 9 are never page keys.
TO_PLACE = ["1"]
TO_NIK = ["1", "1"]


async def sender_running(app, pilot) -> None:
    await until(pilot, lambda: app.ctx.submissions.listeners)


async def walk_to_check(app, pilot, language: str = "1", letter: str = "1", last: str = "1") -> None:
    await sender_running(app, pilot)
    await press(pilot, language)
    await choose(app, pilot, *LETTER)
    await press(pilot, letter, *TO_NIK[1:])
    await type_text(pilot, NIK)
    await press(pilot, "enter", *TO_PLACE, "1")
    await type_text(pilot, NAME)
    await press(pilot, "enter", "1")  # the phone is optional: 1 types it
    await type_text(pilot, PHONE)
    await press(pilot, "enter", *([last] if last else []))


def outbox(settings) -> Outbox:
    return Outbox(settings.data_dir / "outbox.sqlite3")


async def test_the_menu_offers_a_letter_and_its_status(settings):
    async with kiosk_at(settings, "Layanan Mandiri") as (app, pilot):
        screen = screen_text(app)
        assert screen.splitlines()[0].strip() == "Minta surat desa (Layanan Mandiri)"
        assert "1  Minta surat" in screen and "2  Cek status surat" in screen
        await press(pilot, "2")
        assert screen_text(app).splitlines()[0].strip() == "Status surat Layanan Mandiri"
        await type_text(pilot, "202600077")
        await press(pilot, "enter")
        assert "Status: Siap diambil" in text(app) and "Kantor Desa Tapos" in text(app)


async def test_whole_letter_request_by_number_keys_to_the_receipt_then_the_status(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, *OPEN)
        kinds = text(app)
        assert "Layanan Mandiri · langkah 1 " in kinds and "dari" not in kinds
        for line in ("1 Surat Keterangan Domisili 3 hari kerja · gratis",
                     "2 Surat Keterangan Tidak Mampu (SKTM) 2 hari kerja · gratis",
                     "3 Surat Pengantar SKCK 1 hari kerja · gratis", "4 Surat Keterangan Usaha 3 hari kerja · gratis"):
            assert line in kinds, line
        await press(pilot, "1")
        checklist = text(app)
        assert "Apakah Anda membawa semua persyaratan ini?" in checklist
        assert "• Fotokopi KTP pemohon." in checklist and "• Surat pengantar RT/RW." in checklist
        assert "1 Ya, saya membawa semuanya" in checklist and "2 Belum, ada yang kurang" in checklist
        await press(pilot, "1")
        assert "Ketik NIK Anda." in text(app)
        await type_text(pilot, NIK)
        await press(pilot, "enter")
        where = text(app)
        assert "Desa atau kelurahan Anda ada di kecamatan mana?" in where
        assert "1 Di sini: Desa Tapos, Kecamatan Tigaraksa" in where and "2 Tigaraksa" in where
        assert "3 Kelapa Dua menurut NIK Anda" in where and "4 Balaraja" in where  # the NIK's kecamatan next
        await press(pilot, "9")  # 9 is no page key: the first page stays
        assert "Halaman 1 dari 5" in text(app)
        await press(pilot, "plus", "plus", "plus", "plus")
        assert "Halaman 5 dari 5" in text(app)
        await press(pilot, "plus")  # after the last page, the first again
        assert "Halaman 1 dari 5" in text(app) and "1 Di sini" in text(app)
        await press(pilot, *TO_PLACE)
        assert "2 Lewati, petugas mencatat nama dari NIK" in text(app)
        await press(pilot, "1")
        await type_text(pilot, NAME)
        await press(pilot, "enter")
        assert "Ketik nomor HP Anda." in text(app) and "2 Lewati, tanpa nomor HP Anda tidak mendapat SMS" in text(app)
        await press(pilot, "1")
        await type_text(pilot, PHONE)
        await press(pilot, "enter")
        assert "Untuk keperluan apa surat ini?" in text(app) and "1 Melamar pekerjaan" in text(app)
        await press(pilot, "1")

        check = text(app)
        assert "Layanan Mandiri · periksa jawaban" in check
        for line in ("• Surat: Surat Keterangan Domisili", "• Persyaratan: Lengkap",
                     "• Tempat: Kantor Desa Tapos, Kecamatan Tigaraksa", "• NIK: 3603 2845 0871 0003",
                     "• Nama: Siti Aminah", "• Telepon: 0812 3456 7890", "• Keperluan: Melamar pekerjaan",
                     "1 Benar, kirim", "2 Ubah jawaban"):
            assert line in check, line
        assert "****" not in check  # the check page reads every answer back in full

        app.api.mock_app.state.faults.mode = "down"  # hold the sending back, to see "Tersimpan" first
        await press(pilot, "1")
        receipt = text(app)
        assert "Layanan Mandiri · tanda terima" in receipt
        assert "Tersimpan di anjungan ini" in receipt and "Nomor Anda untuk Cek Status: 93261128001." in receipt
        for line in ("Petugas Kantor Desa Tapos memeriksa permohonan Anda.", "Kepala desa menandatangani surat.",
                     "Surat siap paling lambat 2 Desember 2026 (3 hari kerja).",
                     "Ambil di Kantor Desa Tapos. Bawa KTP asli saat mengambil.", "Biaya: gratis."):
            assert line in receipt, line

        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        await until(pilot, lambda: "Nomor permohonan surat Anda: LM-2026-00084" in text(app))
        receipt = text(app)
        assert "Terkirim dan sudah diterima. Simpan nomor ini:" in receipt and "Tersimpan" not in receipt
        assert "K-" not in receipt  # the kiosk's code is no longer shown once sent
        assert app.last_view.big == "202600084"  # big digits draw no letters: the digits typed to check it
        assert "Surat siap paling lambat 2 Desember 2026 (3 hari kerja)." in receipt
        [sent] = outbox(settings).entries()
        assert sent.kind == "layanan_mandiri" and sent.official_ref == "LM-2026-00084"
        body = outbox(settings).get(sent.local_ref).payload
        assert body["pemohon"] == {}  # NIK, name and phone removed once confirmed
        assert body["desa"]["kode_desa"] == "36.03.03.2013" and body["keperluan"] == "Melamar pekerjaan"

        await choose(app, pilot, "Selesai")  # the visit ends: the welcome screen
        assert "Selamat datang" in screen_text(app)
        await press(pilot, "1")  # Bahasa Indonesia
        await choose(app, pilot, "Layanan Mandiri")
        await choose(app, pilot, "Cek status surat")
        await type_text(pilot, "202600084")
        await press(pilot, "enter")
        status = text(app)
        assert "Status surat Layanan Mandiri · LM-2026-00084" in status and "Status: Diajukan" in status
        assert "Jenis surat: Surat Keterangan Domisili" in status
        assert "Tempat pengambilan: Kantor Desa Tapos" in status
        assert "paling lambat 2 Desember 2026" in status


async def test_not_all_requirements_yet_says_what_to_bring(settings):
    async with kiosk_at(settings, *LETTER) as (app, pilot):
        await press(pilot, "2", "2")  # SKTM, "Belum"
        notice = text(app)
        assert "Siapkan dulu persyaratan berikut, lalu kembali lagi." in notice
        assert "• Surat pernyataan tidak mampu bermeterai." in notice
        await press(pilot, "0")
        assert "Apakah Anda membawa semua persyaratan ini?" in text(app)
        await press(pilot, "0")
        assert "2 Surat Keterangan Tidak Mampu (SKTM) 2 hari kerja · gratis · ✓ jawaban Anda" in text(app)


async def test_a_business_certificate_asks_the_kind_of_business(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, letter="4", last="")
        assert "Apa jenis usaha Anda?" in text(app) and "1 Warung kelontong" in text(app)
        await press(pilot, "2")
        check = text(app)
        assert "• Jenis usaha: Warung makan atau minuman" in check and "Keperluan" not in check
        await press(pilot, "1")
        await until(pilot, lambda: "LM-2026-00084" in text(app))


async def test_a_nik_of_15_digits_is_refused_and_kept(settings):
    async with kiosk_at(settings, *LETTER) as (app, pilot):
        await press(pilot, *TO_NIK)
        await type_text(pilot, "360328450871000")
        await press(pilot, "enter")
        assert "NIK harus 16 angka. Anda mengetik 15 angka." in text(app)
        assert "360328450871000" in text(app)


async def test_a_nik_with_month_13_is_refused_and_kept(settings):
    async with kiosk_at(settings, *LETTER) as (app, pilot):
        await press(pilot, *TO_NIK)
        await type_text(pilot, "3603281513710003")
        await press(pilot, "enter")
        assert "13 bukan bulan" in text(app)
        assert "3603281513710003" in text(app)
        await press(pilot, "escape")  # back to the requirements: the answers before are kept
        assert "1 Ya, saya membawa semuanya ✓ jawaban Anda" in text(app)


async def test_nik_name_and_phone_are_offered_again_in_the_same_visit(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "slash")  # nothing sent yet: Menu Utama keeps the visit
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        for label in ("Lapor masalah dan informasi", "PPID", "Minta informasi", "Saya sendiri"):
            await choose(app, pilot, label)  # a new PPID information request, as a person
        assert "1 Pakai NIK 3603 2845 0871 0003" in text(app)
        await press(pilot, "1")
        assert "1 Pakai nama Siti Aminah" in text(app)
        await press(pilot, "1", "1", "2", "3")  # the name; where ("Di sini"); no street; work
        assert "1 Pakai nomor 0812 3456 7890" in text(app)


async def test_a_kelurahan_office_and_the_lurah(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "down"  # the list was never fetched: "Coba lagi"
        await press(pilot, "1")
        await choose(app, pilot, *LETTER)
        assert "Coba lagi" in text(app)
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        await press(pilot, "3", "1")  # Pengantar SKCK
        await type_text(pilot, NIK)
        await press(pilot, "enter", "plus", "1")  # Curug: first on page 2
        assert "1 Binong kelurahan" in text(app)
        await press(pilot, "1", "2")  # the name is left to the officer
        await press(pilot, "1")
        await type_text(pilot, PHONE)
        await press(pilot, "enter", "2")
        check = text(app)
        assert "• Tempat: Kantor Kelurahan Binong, Kecamatan Curug" in check and "• Nama: sesuai NIK" in check
        await press(pilot, "1")
        await until(pilot, lambda: "LM-2026-00084" in text(app))
        receipt = text(app)
        assert "Lurah menandatangani surat." in receipt
        assert "Surat siap paling lambat 30 November 2026 (1 hari kerja)." in receipt


async def test_english_check_screen(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, language="2")
        check = text(app)
        assert "Layanan Mandiri · check your answers" in check
        for line in ("• Letter: Certificate of Residence", "• Requirements: Complete",
                     "• Office asked: Kantor Desa Tapos, Kecamatan Tigaraksa", "• NIK: 3603 2845 0871 0003",
                     "• Name: Siti Aminah", "• Phone: 0812 3456 7890", "• Purpose: Applying for a job",
                     "1 Yes, it is right: send", "2 Change an answer"):
            assert line in check, line
