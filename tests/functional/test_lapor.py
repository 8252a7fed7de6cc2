"""SP4N LAPOR! by number keys: the whole complaint to the receipt, bad answers, going back, changing an answer."""

from __future__ import annotations

import asyncio
import re

from gemilang_tui.outbox import Outbox
from tests.conftest import choose, kiosk, press, screen_text, settle, text, type_text, until

NIK = "3603284508710003"
PHONE = "081234567890"
# Bahasa Indonesia → Lapor masalah dan informasi → Lapor masalah (SP4N LAPOR!) → Pengaduan (found by label, see
# `open_lapor`); then Infrastruktur; Lampu jalan mati; "Di sini: Desa Tapos, Kecamatan Tigaraksa" (the kiosk's place,
# the default setting); kemarin; no details; name shown, report public.
LOCATION = ["1"]
TO_DATE = ["1", "2", *LOCATION]
TO_NIK = [*TO_DATE, "2", "2", "1"]


async def sender_running(app, pilot) -> None:
    await until(pilot, lambda: app.ctx.submissions.listeners)


async def open_lapor(app, pilot, language: str = "1") -> None:
    """From the welcome screen to LAPOR!'s first question (a complaint: "Pengaduan" on LAPOR!'s menu)."""
    await press(pilot, language)
    await choose(app, pilot, "Lapor masalah dan informasi" if language == "1" else "Complaints and information")
    await choose(app, pilot, "SP4N LAPOR!")
    await choose(app, pilot, "Pengaduan" if language == "1" else "Complaint")


async def walk_to_check(app, pilot, nik: str = NIK, phone: str = PHONE) -> None:
    await sender_running(app, pilot)
    await press(pilot, "1")
    await complaint_to_check(app, pilot, nik, phone)


async def complaint_to_check(app, pilot, nik: str = NIK, phone: str = PHONE) -> None:
    """From the Menu Utama to the check screen of a complaint about the kiosk's own desa."""
    await choose(app, pilot, "Lapor masalah dan informasi", "SP4N LAPOR!", "Pengaduan")
    await press(pilot, *TO_NIK)
    await type_text(pilot, nik)
    await press(pilot, "enter", "1")  # the phone is optional: 1 types it
    await type_text(pilot, phone)
    await press(pilot, "enter")


async def test_whole_complaint_by_number_keys_to_the_receipt(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, "1")
        await choose(app, pilot, "Lapor masalah dan informasi")
        await choose(app, pilot, "Lapor masalah (SP4N LAPOR!)")
        assert "1 Pengaduan" in text(app) and "3 Permintaan Informasi" in text(app)
        assert "4 Cek status laporan" in text(app)
        await press(pilot, "1")
        assert app.last_view.title == "Lapor masalah (SP4N LAPOR!) · langkah 2"  # the kind was step 1
        assert "1 Infrastruktur" in text(app)
        await press(pilot, "1")
        assert "2 Lampu jalan mati" in text(app) and "Ketik sendiri" in text(app)
        await press(pilot, "2")
        assert "1 Di sini: Desa Tapos, Kecamatan Tigaraksa" in text(app) and "2 Tigaraksa" in text(app)
        assert "3 Balaraja" in text(app) and app.last_view.page == "Halaman 1 dari 5"
        assert "+ Halaman berikutnya" in text(app)
        await press(pilot, "9")  # 9 is never a page key (7 names and "+" on this page): nothing turns
        assert app.last_view.page == "Halaman 1 dari 5"
        await press(pilot, "plus")  # after the last page, the first again
        assert app.last_view.page == "Halaman 2 dari 5"
        await press(pilot, "pageup")
        assert "1 Di sini" in text(app) and app.last_view.page == "Halaman 1 dari 5"
        await press(pilot, "1")  # here: the desa is answered too
        assert "1 Hari ini 28 November 2026" in text(app) and "2 Kemarin 27 November 2026" in text(app)
        await press(pilot, "2", "2")
        assert "Siapa yang boleh melihat laporan Anda?" in text(app)
        await press(pilot, "1")
        assert "Ketik NIK Anda." in text(app)
        await type_text(pilot, NIK)
        await press(pilot, "enter")
        assert "2 Lewati, tanpa nomor HP Anda tidak mendapat SMS" in text(app)
        await press(pilot, "1")
        await type_text(pilot, PHONE)
        await press(pilot, "enter")
        check = text(app)
        assert "Lapor masalah (SP4N LAPOR!) · periksa jawaban" in check
        for line in ("• Jenis: Pengaduan", "• Masalah: Lampu jalan mati (Infrastruktur)",
                     "• Lokasi: Desa Tapos, Kecamatan Tigaraksa", "• Tanggal: 27 November 2026",
                     "• Keterangan: Tidak diisi", "• Kerahasiaan: identitas ditampilkan, laporan terbuka",
                     "• NIK: 3603 2845 0871 0003", "• Telepon: 0812 3456 7890",
                     "1 Benar, kirim", "2 Ubah jawaban"):
            assert line in check, line
        assert "********" not in check and "****" not in check  # never masked before sending
        assert [option.number for option in app.last_view.options if option.number > 0] == [1, 2]

        app.api.mock_app.state.faults.mode = "down"  # hold the sending back, to see "Tersimpan" first
        await press(pilot, "1")
        receipt = text(app)
        assert "Tersimpan di anjungan ini" in receipt
        assert "Nomor Anda untuk Cek Status: 91261128001." in receipt and app.last_view.big == "91261128001"
        assert "Diperiksa dan diteruskan paling lambat 2 Desember 2026 (3 hari kerja)" in receipt
        assert "Instansi menjawab paling lambat 9 Desember 2026 (5 hari kerja)" in receipt
        assert "Ditutup pada 23 Desember 2026 (10 hari kerja setelah jawaban)." in receipt
        assert "membalas" not in receipt  # no reply is promised: the kiosk offers no way to reply
        assert "1 Cetak struk" in receipt and "2 Selesai" in receipt
        outbox = Outbox(settings.data_dir / "outbox.sqlite3")
        [saved] = outbox.entries()
        assert saved.kind == "lapor" and saved.status in ("pending", "sent")
        assert saved.local_number == "91261128001" and saved.local_ref not in receipt

        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        await until(pilot, lambda: "Nomor tiket LAPOR! Anda" in text(app))
        receipt = text(app)
        assert "Terkirim dan sudah diterima. Simpan nomor ini:" in receipt
        ticket = re.search(r"Nomor tiket LAPOR! Anda: (\d{7})", receipt)
        assert ticket is not None, receipt
        assert app.last_view.big == ticket.group(1)
        assert "Tersimpan" not in receipt
        assert saved.local_ref not in receipt and "K-" not in receipt  # the kiosk's code is gone once sent
        [sent] = outbox.entries()
        assert sent.status == "sent" and sent.official_ref == ticket.group(1)
        entry = outbox.get(sent.local_ref)
        assert "nik" not in entry.payload["pelapor"] and "telepon" not in entry.payload["pelapor"]
        assert entry.payload["judul"] == "Lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa"

        await press(pilot, "1")
        assert "Struk disimpan untuk dicetak petugas" in text(app)
        printed = (settings.data_dir / "receipts" / f"{sent.local_ref}.txt").read_text(encoding="utf-8")
        assert ticket.group(1) in printed and "3603********0003" in printed and NIK not in printed
        assert "3603 2845" not in printed
        await choose(app, pilot, "Selesai")  # ends the visit
        assert "Selamat datang" in screen_text(app)
        assert app.visit.answers == {} and app.visit.drafts == {}


async def test_what_is_sent_reads_well(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "1")
        await until(pilot, lambda: "Terkirim" in text(app))
        [entry] = Outbox(settings.data_dir / "outbox.sqlite3").entries()
        body = Outbox(settings.data_dir / "outbox.sqlite3").get(entry.local_ref).payload
        assert body["isi"].startswith("Warga melaporkan lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa, "
                                      "Kabupaten Tangerang. Tanggal kejadian: 27 November 2026.")
        assert body["lokasi"] == {"kode_kecamatan": "36.03.03", "kecamatan": "Tigaraksa",
                                  "kode_desa": "36.03.03.2013", "desa": "Tapos"}
        assert body["tanggal_kejadian"] == "2026-11-27" and body["kode_masalah"] == "lampu_jalan_mati"


async def test_a_nik_of_15_digits_is_refused_and_said_back(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_lapor(app, pilot)
        await press(pilot, *TO_NIK)
        await type_text(pilot, "360328450871000")
        await press(pilot, "enter")
        assert "NIK harus 16 angka. Anda mengetik 15 angka." in text(app)
        assert "Yang Anda ketik: 360328450871000" in text(app)
        await type_text(pilot, "3603284508710003")
        await press(pilot, "enter")
        assert "Ketik nomor HP Anda." in text(app) and "Lewati, tanpa nomor HP" in text(app)


async def test_a_nik_of_17_digits_cannot_be_typed(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_lapor(app, pilot)
        await press(pilot, *TO_NIK)
        await type_text(pilot, NIK + "7")
        assert app.screen.step.value == NIK
        assert "NIK paling banyak 16 angka" in text(app)
        await press(pilot, "enter")
        assert "Ketik nomor HP Anda." in text(app)


async def test_a_nik_with_month_13_is_refused(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_lapor(app, pilot)
        await press(pilot, *TO_NIK)
        await type_text(pilot, "3603281513710003")
        await press(pilot, "enter")
        assert "13 bukan bulan" in text(app)
        assert "3603281513710003" in text(app)


async def test_a_future_date_is_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_lapor(app, pilot)
        await press(pilot, *TO_DATE)  # … up to the date question
        assert "Kapan kejadiannya?" in text(app)
        await press(pilot, "3")
        await type_text(pilot, "29112026")
        await press(pilot, "enter")
        assert "Tanggal kejadian tidak boleh setelah hari ini." in text(app)
        assert "29112026" in text(app)
        for _ in range(8):
            await press(pilot, "full_stop")  # the keypad's "." deletes a digit
        assert app.screen.step.value == ""
        await type_text(pilot, "5112026")  # 7 digits: a date is exactly 8, the 0 of the day included
        await press(pilot, "enter")
        assert "Tanggal harus 8 angka" in text(app) and "Anda mengetik 7 angka" in text(app)
        assert "Ingin menambah keterangan" not in text(app)
        for _ in range(7):
            await press(pilot, "full_stop")
        await type_text(pilot, "05112026")
        await press(pilot, "enter")
        assert "Ingin menambah keterangan" in text(app)
        await press(pilot, "minus")  # back to the date answered: a choice, not the field
        assert "1 Pakai 5 November 2026" in text(app) and "2 Ketik ulang" in text(app)
        await press(pilot, "2")  # type it again: an empty field
        assert app.screen.step.value == ""
        await press(pilot, "minus")
        assert "3 Ketik tanggal lain 5 November 2026 · ✓ jawaban Anda" in text(app)


async def test_going_back_keeps_the_answers(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_lapor(app, pilot)
        await press(pilot, *TO_DATE)
        await press(pilot, "0")  # no desa screen was shown: back to where, "Di sini" answered
        assert "1 Di sini: Desa Tapos, Kecamatan Tigaraksa ✓ jawaban Anda" in text(app)
        assert app.screen.current_view().page == "Halaman 1 dari 5"
        await press(pilot, "0", "escape")
        assert "1 Infrastruktur ✓ jawaban Anda" in text(app)
        await press(pilot, "slash")  # home (nothing sent yet: the visit goes on), and LAPOR! again
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        await choose(app, pilot, "Lapor masalah dan informasi")
        await choose(app, pilot, "SP4N LAPOR!")
        await press(pilot, "1")  # the draft is still there
        assert "1 Infrastruktur ✓ jawaban Anda" in text(app)


async def test_check_screen_changes_one_answer_and_returns(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        stack = len(app.screen_stack)
        await press(pilot, "2")  # "Ubah jawaban": the lines, on the same screen
        assert "4 Tanggal 27 November 2026" in text(app) and "3 Lokasi Desa Tapos, Kecamatan Tigaraksa" in text(app)
        assert len(app.screen_stack) == stack
        await press(pilot, "4")  # the date
        assert "Kapan kejadiannya?" in text(app)
        await press(pilot, "1")  # today
        assert "• Tanggal: 28 November 2026" in text(app) and "1 Benar, kirim" in text(app)
        assert len(app.screen_stack) == stack
        await press(pilot, "2", "3")  # the location: "Di sini" was the answer
        assert "1 Di sini: Desa Tapos, Kecamatan Tigaraksa ✓ jawaban Anda" in text(app)
        await press(pilot, "4")  # Cikupa (after "Di sini", the kiosk's Tigaraksa, Balaraja)
        assert "Di desa atau kelurahan mana?" in text(app) and "Kecamatan Cikupa" in text(app)
        await press(pilot, "1")
        assert "• Lokasi: Desa Bitung Jaya, Kecamatan Cikupa" in text(app)
        await press(pilot, "0")  # back through the change: the check screen below says the same
        assert "1 Bitung Jaya ✓ jawaban Anda" in text(app)
        await press(pilot, "0", "0")
        assert "• Lokasi: Desa Bitung Jaya, Kecamatan Cikupa" in text(app)
        await press(pilot, "2")
        assert "Jawaban mana yang ingin Anda ubah" in text(app)
        await press(pilot, "minus")  # closes the list, on the same check page
        assert "1 Benar, kirim" in text(app) and "Jawaban mana" not in text(app)


async def test_nik_and_phone_are_offered_again_and_skippable_when_anonymous(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "2", "6", "2")  # anonymous now, not secret
        assert "• Kerahasiaan: identitas disembunyikan, laporan terbuka" in text(app)
        await press(pilot, "2", "7")
        nik_screen = text(app)
        assert "1 Pakai NIK 3603 2845 0871 0003 ✓ jawaban Anda" in nik_screen
        assert "2 Ketik NIK lain" in nik_screen and "3 Lewati, saya melapor secara anonim" in nik_screen
        await press(pilot, "3")
        assert "• NIK: Tidak diisi" in text(app)
        await press(pilot, "1")
        await until(pilot, lambda: "Terkirim" in text(app))
        [entry] = Outbox(settings.data_dir / "outbox.sqlite3").entries()
        assert Outbox(settings.data_dir / "outbox.sqlite3").get(entry.local_ref).payload["anonim"] is True
        # "Selesai" ends the visit: LAPOR! again starts afresh, the NIK given earlier is not offered
        await choose(app, pilot, "Selesai")
        assert "Selamat datang" in screen_text(app)
        await open_lapor(app, pilot)
        await press(pilot, *TO_NIK)
        assert "Ketik NIK Anda." in text(app)
        assert "Pakai NIK" not in text(app) and "3603" not in text(app)
        assert app.screen.step.value == ""


async def test_after_sending_going_back_cannot_send_twice(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "1")
        await until(pilot, lambda: "Terkirim" in text(app))
        await press(pilot, "0")
        assert "Ini sudah terkirim. Nomor Anda: 26" in text(app) and "K-" not in text(app)
        assert "Benar, kirim" not in text(app)
        await press(pilot, "1")
        assert "Terkirim" in text(app)
        await press(pilot, "0", "0")  # the phone screen below says the same
        assert "Ini sudah terkirim" in text(app)
        assert len(Outbox(settings.data_dir / "outbox.sqlite3").entries()) == 1


async def test_offline_the_citizen_still_gets_a_receipt_and_it_is_sent_later(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        app.api.mock_app.state.faults.mode = "down"  # unreachable from the first question on
        await open_lapor(app, pilot)
        assert "1 Lainnya daftar lengkap belum dapat dimuat" in text(app)
        await press(pilot, "1", "1", *LOCATION, "2", "2", "1")
        await type_text(pilot, NIK)
        await press(pilot, "enter", "1")
        await type_text(pilot, PHONE)
        await press(pilot, "enter", "1")
        assert "Tersimpan di anjungan ini" in text(app)
        [saved] = Outbox(settings.data_dir / "outbox.sqlite3").entries()
        assert saved.status == "pending"
        await until(pilot, lambda: Outbox(settings.data_dir / "outbox.sqlite3").entries()[0].attempts >= 1)
        app.api.mock_app.state.faults.mode = ""  # the network is back: nobody presses anything
        await until(pilot, lambda: re.search(r"Nomor tiket LAPOR! Anda: \d{7}", text(app)), seconds=60)
        assert "Terkirim" in text(app)


async def test_english_check_screen(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_lapor(app, pilot, language="2")
        await press(pilot, *TO_NIK)
        await type_text(pilot, NIK)
        await press(pilot, "enter", "1")
        await type_text(pilot, PHONE)
        await press(pilot, "enter")
        check = text(app)
        assert "Report a problem (SP4N LAPOR!) · check your answers" in check
        assert "• Kind: Complaint" in check and "• Problem: Street light out (Infrastructure)" in check
        assert "• Details: Not given" in check and "• NIK: 3603 2845 0871 0003" in check
        assert "1 Yes, it is right: send" in check and "2 Change an answer" in check


async def test_own_words_for_the_problem(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await open_lapor(app, pilot)
        await press(pilot, "1", "5")
        assert "Tuliskan masalahnya dalam beberapa kata." in text(app)
        await type_text(pilot, "got mampet depan SD")
        await press(pilot, "enter")
        assert "Di kecamatan mana?" in text(app)
        await press(pilot, "escape", "escape")  # (0 would type a zero into the words)
        assert "5 Ketik sendiri got mampet depan SD · ✓ jawaban Anda" in text(app)


async def test_the_sender_resumes_what_a_crash_left(settings):
    from gemilang_tui.outbox import Outbox

    outbox = Outbox(settings.data_dir / "outbox.sqlite3")
    body = {
        "kode_jenis": "aspirasi", "kode_kategori": "lingkungan", "kode_masalah": "sampah",
        "judul": "Aspirasi tentang sampah di Desa Tapos, Kecamatan Tigaraksa",
        "isi": "Warga menyampaikan aspirasi tentang sampah.", "tanggal_kejadian": "2026-11-27",
        "lokasi": {"kode_kecamatan": "36.03.03", "kecamatan": "Tigaraksa", "kode_desa": "36.03.03.2013",
                   "desa": "Tapos"},
        "anonim": True, "rahasia": False, "pelapor": {"nik": None, "telepon": None},
    }
    left = outbox.put("lapor", body)
    async with kiosk(settings) as (app, pilot):
        await until(pilot, lambda: outbox.summary(left.local_ref).status == "sent")
        await settle(pilot)
        assert re.fullmatch(r"\d{7}", outbox.summary(left.local_ref).official_ref)
    await asyncio.sleep(0)
