"""SP4N LAPOR! by number keys: the whole complaint to the receipt, bad answers, going back, changing an answer."""

from __future__ import annotations

import asyncio
import re

from gemilang_tui.outbox import Outbox
from tests.conftest import kiosk, press, screen_text, settle, type_text

NIK = "3603284508710003"
PHONE = "081234567890"
# Menu Utama 6 (Pengaduan dan Informasi) → 1 SP4N LAPOR!; Pengaduan; Infrastruktur; Lampu jalan mati;
# Kecamatan Tigaraksa (page 5, first); Desa Tapos (page 2, fifth); kemarin; no details; not anonymous, not secret.
TO_NIK = ["1", "6", "1", "1", "1", "2", "9", "9", "9", "9", "1", "9", "5", "2", "2", "2", "2"]


async def until(pilot, condition, seconds: float = 10.0) -> None:
    """Wait (the sender works in the background) until `condition()` holds."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            await pilot.pause(0.05)  # let the screen finish its layout
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


async def sender_running(app, pilot) -> None:
    await until(pilot, lambda: app.ctx.services.get("outbox_listeners"))


async def walk_to_check(app, pilot, nik: str = NIK, phone: str = PHONE) -> None:
    await sender_running(app, pilot)
    await press(pilot, *TO_NIK)
    await type_text(pilot, nik)
    await press(pilot, "enter")
    await type_text(pilot, phone)
    await press(pilot, "enter")


def text(app) -> str:
    return " ".join(screen_text(app).split())


async def test_whole_complaint_by_number_keys_to_the_receipt(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, "1", "6", "1")
        assert "Lapor masalah (SP4N LAPOR!) · langkah 1 dari 11" in text(app)
        assert "1 Pengaduan" in text(app) and "3 Permintaan Informasi" in text(app)
        await press(pilot, "1")
        assert "1 Infrastruktur" in text(app)
        await press(pilot, "1")
        assert "2 Lampu jalan mati" in text(app) and "Ketik sendiri" in text(app)
        await press(pilot, "2")
        assert "1 Balaraja" in text(app) and app.last_view.page == "Halaman 1 dari 5"
        await press(pilot, "9", "9", "9", "9")
        assert "1 Tigaraksa" in text(app) and "8 Halaman sebelumnya" in text(app)
        await press(pilot, "1", "9")
        assert "5 Tapos" in text(app)
        await press(pilot, "5")
        assert "1 Hari ini 28 November 2026" in text(app) and "2 Kemarin 27 November 2026" in text(app)
        await press(pilot, "2", "2", "2", "2")
        assert "Ketik NIK Anda." in text(app)
        await type_text(pilot, NIK)
        await press(pilot, "enter")
        await type_text(pilot, PHONE)
        await press(pilot, "enter")
        check = text(app)
        assert "periksa jawaban" in check
        for line in ("1 Jenis: Pengaduan", "2 Masalah: Lampu jalan mati (Infrastruktur)",
                     "3 Lokasi: Desa Tapos, Kecamatan Tigaraksa", "4 Tanggal: 27 November 2026",
                     "5 Keterangan: Tidak diisi", "6 Kerahasiaan: identitas ditampilkan, laporan terbuka",
                     "7 NIK: 3603********0003", "8 Telepon: 0812****7890", "9 Kirim laporan"):
            assert line in check, line
        assert NIK not in check and PHONE not in check

        app.api.mock_app.state.faults.mode = "down"  # hold the sending back, to see "Tersimpan" first
        await press(pilot, "9")
        receipt = text(app)
        assert "Tersimpan di anjungan ini" in receipt
        assert "Kode tanda terima: K-" in receipt
        assert "Diperiksa dan diteruskan paling lambat 2 Desember 2026 (3 hari kerja)" in receipt
        assert "Instansi menjawab paling lambat 9 Desember 2026 (5 hari kerja)" in receipt
        assert "Ditutup pada 23 Desember 2026 jika Anda tidak membalas (10 hari kerja)" in receipt
        assert "1 Cetak struk" in receipt and "2 Selesai" in receipt
        outbox = Outbox(settings.data_dir / "outbox.sqlite3")
        [saved] = outbox.entries()
        assert saved.kind == "lapor" and saved.status in ("pending", "sent")

        app.api.mock_app.state.faults.mode = ""
        app.ctx.services["sender"].wake()
        await until(pilot, lambda: "Nomor tiket LAPOR! Anda" in text(app))
        receipt = text(app)
        assert "Terkirim. Sudah diterima." in receipt
        ticket = re.search(r"Nomor tiket LAPOR! Anda: (\d{7})", receipt)
        assert ticket is not None, receipt
        assert app.last_view.big == ticket.group(1)
        assert "Tersimpan" not in receipt
        [sent] = outbox.entries()
        assert sent.status == "sent" and sent.official_ref == ticket.group(1)
        entry = outbox.get(sent.local_ref)
        assert "nik" not in entry.payload["pelapor"] and "telepon" not in entry.payload["pelapor"]
        assert entry.payload["judul"] == "Lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa"

        await press(pilot, "1")
        assert "Struk disimpan untuk dicetak petugas" in text(app)
        printed = (settings.data_dir / "receipts" / f"{sent.local_ref}.txt").read_text(encoding="utf-8")
        assert ticket.group(1) in printed and "3603********0003" in printed and NIK not in printed
        await press(pilot, "1")
        assert "Menu Utama" in screen_text(app).splitlines()[0]


async def test_what_is_sent_reads_well(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "9")
        await until(pilot, lambda: "Terkirim" in text(app))
        [entry] = Outbox(settings.data_dir / "outbox.sqlite3").entries()
        body = Outbox(settings.data_dir / "outbox.sqlite3").get(entry.local_ref).payload
        assert body["isi"].startswith("Warga melaporkan lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa, "
                                      "Kabupaten Tangerang. Tanggal kejadian: 27 November 2026.")
        assert body["lokasi"] == {"kode_kecamatan": "36.03.03", "kecamatan": "Tigaraksa",
                                  "kode_desa": "36.03.03.2013", "desa": "Tapos"}
        assert body["tanggal_kejadian"] == "2026-11-27" and body["kode_masalah"] == "lampu_jalan_mati"


async def test_a_nik_of_15_digits_is_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, *TO_NIK)
        await type_text(pilot, "360328450871000")
        await press(pilot, "enter")
        assert "NIK harus 16 angka. Anda mengetik 15 angka." in text(app)
        assert "360328450871000" in text(app)
        await press(pilot, "full_stop")
        await type_text(pilot, "03")
        await press(pilot, "enter")
        assert "Ketik nomor HP Anda." in text(app)


async def test_a_nik_with_month_13_is_refused(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, *TO_NIK)
        await type_text(pilot, "3603281513710003")
        await press(pilot, "enter")
        assert "13 bukan bulan" in text(app)
        assert "3603281513710003" in text(app)


async def test_a_future_date_is_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, *TO_NIK[:13])  # … up to the date question
        assert "Kapan kejadiannya?" in text(app)
        await press(pilot, "3")
        await type_text(pilot, "29112026")
        await press(pilot, "enter")
        assert "Tanggal kejadian tidak boleh setelah hari ini." in text(app)
        assert "29112026" in text(app)
        for _ in range(8):
            await press(pilot, "full_stop")  # the keypad's "." deletes a digit
        await type_text(pilot, "5112026")  # 5 November: the 0 of the day may be left out
        await press(pilot, "enter")
        assert "Ingin menambah keterangan" in text(app)
        await press(pilot, "0")  # back to the typed date, kept
        assert "5112026" in text(app)
        await press(pilot, "escape")
        assert "3 Ketik tanggal lain 5 November 2026 · ✓ jawaban Anda" in text(app)


async def test_going_back_keeps_the_answers(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, *TO_NIK[:13])
        await press(pilot, "0")
        assert "5 Tapos ✓ jawaban Anda" in text(app)
        await press(pilot, "0")
        assert "1 Tigaraksa ✓ jawaban Anda" in text(app)
        assert app.screen.current_view().page == "Halaman 5 dari 5"
        await press(pilot, "0", "0")
        assert "1 Infrastruktur ✓ jawaban Anda" in text(app)
        await press(pilot, "slash", "6", "1")  # home, and LAPOR! again: the draft is still there
        assert "1 Pengaduan ada yang salah dan perlu diperbaiki · ✓ jawaban Anda" in text(app)


async def test_check_screen_changes_one_answer_and_returns(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        stack = len(app.screen_stack)
        await press(pilot, "4")  # the date
        assert "Kapan kejadiannya?" in text(app)
        await press(pilot, "1")  # today
        assert "4 Tanggal: 28 November 2026" in text(app)
        assert len(app.screen_stack) == stack
        await press(pilot, "3")  # the location: kecamatan (on Tigaraksa's page), then desa
        assert "1 Tigaraksa ✓ jawaban Anda" in text(app)
        await press(pilot, "8", "8", "8", "8", "2")  # back to page 1: Cikupa
        assert "Di desa atau kelurahan mana?" in text(app) and "Kecamatan Cikupa" in text(app)
        await press(pilot, "1")
        assert "3 Lokasi: Desa Bitung Jaya, Kecamatan Cikupa" in text(app)
        await press(pilot, "0")  # back through the change: the check screen below says the same
        await press(pilot, "0", "0")
        assert "3 Lokasi: Desa Bitung Jaya, Kecamatan Cikupa" in text(app)


async def test_nik_and_phone_are_offered_again_and_skippable_when_anonymous(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "6", "1", "2")  # anonymous now, not secret
        assert "6 Kerahasiaan: identitas disembunyikan, laporan terbuka" in text(app)
        await press(pilot, "7")
        nik_screen = text(app)
        assert "1 Pakai NIK 3603********0003 ✓ jawaban Anda" in nik_screen
        assert "2 Ketik NIK lain" in nik_screen and "3 Lewati, saya melapor secara anonim" in nik_screen
        await press(pilot, "3")
        assert "7 NIK: Tidak diisi" in text(app)
        await press(pilot, "9")
        await until(pilot, lambda: "Terkirim" in text(app))
        # LAPOR! again in the same visit: the NIK given earlier is offered, not asked twice
        await press(pilot, "2", "6", "1", *TO_NIK[3:17])
        assert "1 Pakai NIK 3603********0003" in text(app)


async def test_after_sending_going_back_cannot_send_twice(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "9")
        await until(pilot, lambda: "Terkirim" in text(app))
        await press(pilot, "0")
        assert "Sudah tersimpan. Kode tanda terima: K-" in text(app)
        await press(pilot, "1")
        assert "Terkirim" in text(app)
        await press(pilot, "0", "0")  # the phone screen below says the same
        assert "Sudah tersimpan" in text(app)
        assert len(Outbox(settings.data_dir / "outbox.sqlite3").entries()) == 1


async def test_offline_the_citizen_still_gets_a_receipt_and_it_is_sent_later(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        app.api.mock_app.state.faults.mode = "down"  # unreachable from the first question on
        await press(pilot, "1", "6", "1", "1")
        assert "1 Lainnya daftar lengkap belum dapat dimuat" in text(app)
        await press(pilot, "1", "1", "9", "9", "9", "9", "1", "9", "5", "2", "2", "2", "2")
        await type_text(pilot, NIK)
        await press(pilot, "enter")
        await type_text(pilot, PHONE)
        await press(pilot, "enter", "9")
        assert "Tersimpan di anjungan ini" in text(app)
        [saved] = Outbox(settings.data_dir / "outbox.sqlite3").entries()
        assert saved.status == "pending"
        await until(pilot, lambda: Outbox(settings.data_dir / "outbox.sqlite3").entries()[0].attempts >= 1)
        app.api.mock_app.state.faults.mode = ""  # the network is back: nobody presses anything
        await until(pilot, lambda: re.search(r"Nomor tiket LAPOR! Anda: \d{7}", text(app)), seconds=15)
        assert "Terkirim" in text(app)


async def test_english_check_screen(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, "2", *TO_NIK[1:])
        await type_text(pilot, NIK)
        await press(pilot, "enter")
        await type_text(pilot, PHONE)
        await press(pilot, "enter")
        check = text(app)
        assert "Report a problem (SP4N LAPOR!) · check your answers" in check
        assert "1 Kind: Complaint" in check and "2 Problem: Street light out (Infrastructure)" in check
        assert "5 Details: Not given" in check and "9 Send the report" in check


async def test_own_words_for_the_problem(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, "1", "6", "1", "1", "1", "5")
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
