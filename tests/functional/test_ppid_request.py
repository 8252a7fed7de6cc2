"""PPID information request by number keys (Menu Utama → Lapor masalah dan informasi → PPID → Minta informasi): to
the receipt, then the status check."""

from __future__ import annotations

from gemilang_tui.outbox import Outbox
from tests.conftest import choose, kiosk, press, screen_text, text, type_text, until

NIK = "3603284508710003"
PHONE = "081234567890"
NAME = "Siti Aminah"
# "Di sini: Desa Tapos, Kecamatan Tigaraksa" (the kiosk's place), no street, Wiraswasta atau pedagang, then "1" to
# type the phone (it may be skipped).
TO_PHONE = ["1", "2", "3", "1"]
# Jalan, air bersih, dan pemakaman → Data Jalan Kabupaten…; Pengetahuan pribadi; a copy, collected; no email.
TO_CHECK = ["3", "1", "2", "2", "1", "2"]


async def sender_running(app, pilot) -> None:
    await until(pilot, lambda: app.ctx.submissions.listeners)


async def open_ppid_menu(app, pilot, language: str = "1") -> None:
    """From the welcome screen to PPID's own menu, by the options' labels."""
    await press(pilot, language)
    await choose(app, pilot, "Lapor masalah dan informasi" if language == "1" else "Complaints and information")
    await choose(app, pilot, "PPID")


async def open_request(app, pilot, language: str = "1") -> None:
    """… to the request's first question (who is asking)."""
    await open_ppid_menu(app, pilot, language)
    await choose(app, pilot, "Minta informasi" if language == "1" else "Ask for information")


async def walk_to_check(app, pilot, language: str = "1") -> None:
    await sender_running(app, pilot)
    await open_request(app, pilot, language)
    await press(pilot, "1")
    await type_text(pilot, NIK)
    await press(pilot, "enter", "1")
    await type_text(pilot, NAME)
    await press(pilot, "enter", *TO_PHONE)
    await type_text(pilot, PHONE)
    await press(pilot, "enter", *TO_CHECK)


def outbox(settings) -> Outbox:
    return Outbox(settings.data_dir / "outbox.sqlite3")


async def test_the_ppid_menu_offers_the_request_and_keeps_its_options(settings):
    async with kiosk(settings) as (app, pilot):
        await open_ppid_menu(app, pilot)
        screen = screen_text(app)
        assert "1  Data yang sudah terbuka (daftar informasi publik)" in screen
        assert "2  Cek permintaan Anda (status permohonan)" in screen
        assert "3  Minta informasi (permohonan informasi)" in screen
        assert "Dijawab paling lambat 10 hari kerja" in screen


async def test_whole_request_by_number_keys_to_the_receipt_then_the_status(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_request(app, pilot)
        assert app.last_view.title == "Permohonan informasi PPID · langkah 1"  # no "dari 13"
        assert "1 Saya sendiri (perorangan)" in text(app) and "2 Organisasi atau perusahaan" in text(app)
        await press(pilot, "1")
        assert "Ketik NIK Anda." in text(app)
        await type_text(pilot, NIK)
        await press(pilot, "enter")
        assert "Ketik nama lengkap Anda sesuai KTP." in text(app)
        assert "1 Ketik nama saya" in text(app) and "2 Lewati, petugas mencatat nama dari NIK" in text(app)
        await press(pilot, "1")
        await type_text(pilot, NAME)
        await press(pilot, "enter")
        assert "Di kecamatan mana Anda tinggal?" in text(app)
        assert "1 Di sini: Desa Tapos, Kecamatan Tigaraksa" in text(app)
        assert "3 Kelapa Dua menurut NIK Anda" in text(app) and "+ Halaman berikutnya" in text(app)
        await press(pilot, "1")
        assert "Ingin menambah nama jalan atau RT/RW?" in text(app)
        await press(pilot, "2")
        assert "Apa pekerjaan Anda?" in text(app) and "9 Ketik sendiri" in text(app)  # nine: one page
        await press(pilot, "3")
        assert "Ketik nomor HP Anda." in text(app) and "2 Lewati, tanpa nomor HP Anda tidak mendapat SMS" in text(app)
        await press(pilot, "1")
        await type_text(pilot, PHONE)
        await press(pilot, "enter")
        topics = text(app)
        assert "Informasi tentang apa yang Anda cari?" in topics
        assert "1 Keuangan dan anggaran daerah" in topics and "6 Lainnya, ketik sendiri" in topics
        await press(pilot, "3")
        assert "1 Data Jalan Kabupaten dan Kondisinya Tahun 2026" in text(app)
        await press(pilot, "1")
        assert "Untuk apa informasi ini Anda gunakan?" in text(app)
        await press(pilot, "2")
        assert "1 Melihat atau membaca di kantor PPID" in text(app) and "2 Mendapat salinan" in text(app)
        await press(pilot, "2")
        assert app.last_view.title == "Permohonan informasi PPID · langkah 13"
        assert "1 Saya ambil sendiri di kantor PPID" in text(app)
        await press(pilot, "1")
        assert "Ketik alamat email Anda." in text(app) and "2 Lewati, saya tidak memakai email" in text(app)
        await press(pilot, "2")

        check = text(app)
        assert "Permohonan informasi PPID · periksa jawaban" in check
        for line in ("• Pemohon: Perorangan, Siti Aminah", "• NIK: 3603 2845 0871 0003",
                     "• Alamat: Desa Tapos, Kecamatan Tigaraksa", "• Pekerjaan: Wiraswasta atau pedagang",
                     "• Kontak: 0812 3456 7890, tanpa email",
                     "• Informasi: Data Jalan Kabupaten dan Kondisinya Tahun 2026",
                     "• Tujuan penggunaan: Pengetahuan pribadi", "• Cara memperoleh: Salinan, diambil langsung",
                     "1 Benar, kirim", "2 Ubah jawaban"):
            assert line in check, line
        assert "****" not in check

        app.api.mock_app.state.faults.mode = "down"  # hold the sending back, to see "Tersimpan" first
        await press(pilot, "1")
        receipt = text(app)
        assert "Permohonan informasi PPID · tanda terima" in receipt
        assert "Tersimpan di anjungan ini" in receipt and "Nomor Anda untuk Cek Status: 92261128001." in receipt
        assert "PPID menjawab paling lambat 11 Desember 2026 (10 hari kerja)." in receipt
        assert "Bila perlu, diperpanjang sekali 7 hari kerja: sampai 22 Desember 2026." in receipt
        [saved] = outbox(settings).entries()
        assert saved.kind == "ppid"

        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        await until(pilot, lambda: "Nomor permohonan informasi Anda: PPID-2026-0046" in text(app))
        receipt = text(app)
        assert "Terkirim dan sudah diterima. Simpan nomor ini:" in receipt and "Tersimpan" not in receipt
        assert app.last_view.big == "20260046"  # every digit of PPID-2026-0046: what Cek Status takes
        assert saved.local_ref not in receipt and "K-" not in receipt
        [sent] = outbox(settings).entries()
        assert sent.status == "sent" and sent.official_ref == "PPID-2026-0046"
        body = outbox(settings).get(sent.local_ref).payload
        assert body["pemohon"] == {"jenis": "perorangan", "pekerjaan": "Wiraswasta atau pedagang"}  # PII gone
        assert body["rincian"] == "Data Jalan Kabupaten dan Kondisinya Tahun 2026"
        assert body["kode_informasi"] == "INF-009" and body["cara_mendapatkan_salinan"] == "ambil_langsung"

        await choose(app, pilot, "Selesai")  # the visit ends: a new one starts at the welcome screen
        assert "Selamat datang" in screen_text(app)
        await press(pilot, "1")
        await choose(app, pilot, "Cek laporan dan permohonan")
        await choose(app, pilot, "PPID")
        await type_text(pilot, "20260046")
        await press(pilot, "enter")
        status = text(app)
        assert "Cek permintaan data (PPID) · PPID-2026-0046" in status and "Status: Diterima" in status
        assert "Informasi yang diminta: Data Jalan Kabupaten dan Kondisinya Tahun 2026" in status
        assert "Dinas tujuan: Dinas Bina Marga dan Sumber Daya Air" in status
        assert "paling lambat 11 Desember 2026" in status


async def test_what_is_sent_reads_well(settings):
    async with kiosk(settings) as (app, pilot):
        app.api.warm_up()
        await walk_to_check(app, pilot)
        app.api.mock_app.state.faults.mode = "down"
        await press(pilot, "1")
        [entry] = outbox(settings).entries()
        body = outbox(settings).get(entry.local_ref).payload
        assert body["pemohon"] == {
            "jenis": "perorangan", "nik": NIK, "nama": NAME, "pekerjaan": "Wiraswasta atau pedagang",
            "telepon": PHONE, "email": None,
            "alamat": {"kode_kecamatan": "36.03.03", "kecamatan": "Tigaraksa", "kode_desa": "36.03.03.2013",
                       "desa": "Tapos", "detail": None},
        }
        assert body["tujuan_penggunaan"] == "Pengetahuan pribadi" and body["cara_memperoleh"] == "salinan"


async def test_a_nik_of_15_digits_is_refused_and_said_back(settings):
    async with kiosk(settings) as (app, pilot):
        await open_request(app, pilot)
        await press(pilot, "1")
        await type_text(pilot, "360328450871000")
        await press(pilot, "enter")
        assert "NIK harus 16 angka. Anda mengetik 15 angka." in text(app)
        assert "Yang Anda ketik: 360328450871000" in text(app) and app.screen.step.value == ""
        await type_text(pilot, "3603284508710003")
        await press(pilot, "enter")
        assert "Ketik nama lengkap Anda sesuai KTP." in text(app)


async def test_a_nik_with_month_13_is_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await open_request(app, pilot)
        await press(pilot, "1")
        await type_text(pilot, "3603281513710003")
        await press(pilot, "enter")
        assert "13 bukan bulan" in text(app)
        assert "3603281513710003" in text(app)
        await press(pilot, "minus")  # back to the first question: the answer is kept
        assert "1 Saya sendiri (perorangan) dengan NIK Anda · ✓ jawaban Anda" in text(app)


async def test_bad_email_is_refused_and_said_back_and_required_for_a_copy_by_email(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "2", "8")  # change how to get it: a copy, now by email
        assert "Bagaimana Anda ingin memperoleh informasinya?" in text(app)
        await press(pilot, "2", "3")
        email_screen = text(app)
        assert "Ketik alamat email Anda." in email_screen and "Lewati" not in email_screen  # needed now
        assert "Salinan dikirim ke alamat email ini." in email_screen
        assert "Esc Kembali" in email_screen  # a words field: "-" is a character there
        await type_text(pilot, "siti.aminah@")
        await press(pilot, "enter")
        assert "Alamat email berbentuk nama@contoh.com. Periksa lagi, lalu ketik ulang." in text(app)
        assert "Yang Anda ketik: siti.aminah@" in text(app) and app.screen.step.value == ""
        await type_text(pilot, "siti.aminah@contoh.id")
        await press(pilot, "enter")
        check = text(app)
        assert "• Kontak: 0812 3456 7890, siti.aminah@contoh.id" in check  # in full before sending
        assert "• Cara memperoleh: Salinan, dikirim lewat email" in check
        app.api.mock_app.state.faults.mode = "down"
        await press(pilot, "1")
        receipt = "\n".join(app.screen.step.run.readback)  # what is kept after sending: masked
        assert "si***@contoh.id" in receipt and "siti.aminah@contoh.id" not in receipt


async def test_an_organisation_gives_its_name_and_no_nik(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_request(app, pilot)
        await press(pilot, "2")
        assert "Ketik nama organisasi atau perusahaan." in text(app)
        await type_text(pilot, "Yayasan Peduli Desa")
        await press(pilot, "enter", "1", "2", "1")  # here; no street; no occupation for an organisation
        assert "Ketik nomor HP Anda." in text(app)
        await type_text(pilot, PHONE)
        await press(pilot, "enter", *TO_CHECK)
        check = text(app)
        assert "• Pemohon: Badan hukum, Yayasan Peduli Desa" in check
        assert "NIK:" not in check and "Pekerjaan" not in check
        await press(pilot, "2")  # six lines to change
        assert "6 Cara memperoleh" in text(app)
        assert [option.number for option in app.last_view.options if option.number > 0] == [1, 2, 3, 4, 5, 6]
        await press(pilot, "minus", "1")
        await until(pilot, lambda: "PPID-2026-0046" in text(app))


async def test_information_in_own_words_skips_the_list(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_request(app, pilot)
        await press(pilot, "1")
        await type_text(pilot, NIK)
        await press(pilot, "enter", "2", *TO_PHONE)  # name left to the officer
        await type_text(pilot, PHONE)
        await press(pilot, "enter", "6")
        assert "Ketik informasi yang Anda perlukan." in text(app)
        await type_text(pilot, "Jadwal posyandu di Desa Tapos")
        await press(pilot, "enter")
        assert "Untuk apa informasi ini Anda gunakan?" in text(app)
        await press(pilot, "2", "1", "2")  # see it at the office; no email
        check = text(app)
        assert "• Pemohon: Perorangan, nama sesuai NIK" in check
        assert "• Informasi: Jadwal posyandu di Desa Tapos" in check
        assert "• Cara memperoleh: Melihat atau membaca" in check
        await press(pilot, "1")
        await until(pilot, lambda: "PPID-2026-0046" in text(app))
        [sent] = outbox(settings).entries()
        body = outbox(settings).get(sent.local_ref).payload
        assert body["kode_informasi"] is None and body["rincian"] == "Jadwal posyandu di Desa Tapos"
        assert body["cara_mendapatkan_salinan"] is None


async def test_going_back_keeps_the_answers(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "0")  # the email question
        assert "2 Lewati, saya tidak memakai email ✓ jawaban Anda" in text(app)
        await press(pilot, "0", "0")
        assert "2 Mendapat salinan berupa fotokopi atau berkas · ✓ jawaban Anda" in text(app)
        await press(pilot, "slash")  # home (nothing sent: the visit goes on) and back in: the draft is still there
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        await choose(app, pilot, "Lapor masalah dan informasi")
        await choose(app, pilot, "PPID")
        await choose(app, pilot, "Minta informasi")
        assert "1 Saya sendiri (perorangan) dengan NIK Anda · ✓ jawaban Anda" in text(app)


async def test_english_check_screen(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, language="2")
        check = text(app)
        assert "PPID information request · check your answers" in check
        for line in ("• Applicant: Person, Siti Aminah", "• NIK: 3603 2845 0871 0003",
                     "• Address: Desa Tapos, Kecamatan Tigaraksa", "• Occupation: Self-employed or trader",
                     "• Contact: 0812 3456 7890, no email", "• Use of the information: To know it myself",
                     "• How to get it: A copy, collected at the office",
                     "1 Yes, it is right: send", "2 Change an answer"):
            assert line in check, line


async def test_a_copy_by_post_asks_the_street_address(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_request(app, pilot)
        await press(pilot, "1")
        await type_text(pilot, NIK)
        await press(pilot, "enter", "1")
        await type_text(pilot, NAME)
        await press(pilot, "enter", *TO_PHONE)
        await type_text(pilot, PHONE)
        await press(pilot, "enter", "3", "1", "2", "2", "2")  # ...; a copy, by post
        asked = text(app)
        assert "Ke alamat mana salinan dikirim lewat pos?" in asked
        assert "Desa Tapos, Kecamatan Tigaraksa. Ketik nama jalan atau kampung, RT/RW, dan nomor rumah." in asked
        await press(pilot, "enter")
        assert "Ketik nama jalan atau kampung, RT/RW, dan nomor rumah, lalu tekan Enter." in text(app)
        await type_text(pilot, "Kp. Tapos RT 002/RW 004 No. 15")
        await press(pilot, "enter", "2")  # no email
        check = text(app)
        assert "• Cara memperoleh: Salinan, lewat pos ke Kp. Tapos RT 002/RW 004" in check
        app.api.mock_app.state.faults.mode = "down"
        await press(pilot, "1")
        [saved] = outbox(settings).entries()
        body = outbox(settings).get(saved.local_ref).payload
        assert body["cara_mendapatkan_salinan"] == "pos"
        assert body["pemohon"]["alamat"]["detail"] == "Kp. Tapos RT 002/RW 004 No. 15"


async def test_the_street_given_earlier_is_offered_for_the_post(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_request(app, pilot)
        await press(pilot, "1")
        await type_text(pilot, NIK)
        await press(pilot, "enter", "1")
        await type_text(pilot, NAME)
        await press(pilot, "enter", "1", "1")  # Desa Tapos ("Di sini"); then "type my street"
        await type_text(pilot, "Kp. Tapos RT 002/RW 004")
        await press(pilot, "enter", "3", "1")
        await type_text(pilot, PHONE)
        await press(pilot, "enter", "3", "1", "2", "2", "2")
        assert "1 Pakai alamat Kp. Tapos RT 002/RW 004" in text(app)
        await press(pilot, "1", "2")
        assert "• Cara memperoleh: Salinan, lewat pos ke Kp. Tapos RT 002/RW 004" in text(app)
