"""Cetak struk through the kiosk: a form sent, its receipt printed as ESC/POS bytes (GEMILANG_PRINTER=file:PATH);
no printer; a printer that fails; the attendant prints a receipt of today again and a test page."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from gemilang_tui.attendant import hash_pin
from gemilang_tui.printing import ReceiptDoc, in_wib, save_copy, todays_copies
from gemilang_tui.printing.target import PrinterTarget
from tests.conftest import TODAY, kiosk, press, screen_text, text, type_text, until

NIK = "3603284508710003"  # CANON.md
PHONE = "081234567890"
NAME = "SITI AMINAH"
OFFICIAL = "AK1-2026-00001"
PIN = "4321"


def key_of(app, label: str) -> str:
    """The number of the option whose label holds this text (numbers move as the key model changes; labels do
    not)."""
    for option in app.last_view.options:
        if label in option.label and option.number > 0:
            return str(option.number)
    raise AssertionError(f"no option {label!r} on {app.last_view.title!r}:\n{screen_text(app)}")


async def enter(pilot, typed: str) -> None:
    await type_text(pilot, typed)
    await press(pilot, "enter")


async def send_ak1(app, pilot) -> None:
    """Menu Utama → Siap Kerja → Ajukan kartu kuning (AK/1): requirements, NIK, name, phone, SMP, two skills and
    no other work, "Benar, kirim" on the check page; wait for the official number."""
    await until(pilot, lambda: app.ctx.submissions.listeners)
    await press(pilot, "1")
    for label in ("Donor darah dan pekerjaan", "Siap Kerja", "Ajukan kartu kuning"):
        await press(pilot, key_of(app, label))
    await press(pilot, key_of(app, "Ya, semuanya sudah ada"))
    await enter(pilot, NIK)
    await press(pilot, key_of(app, "Ketik nama saya"))  # the name may be left to the NIK
    await enter(pilot, NAME)
    await press(pilot, key_of(app, "Ketik nomor saya"))  # the phone may be skipped
    await enter(pilot, PHONE)
    await press(pilot, key_of(app, "Sekolah menengah pertama"))
    await press(pilot, "3", "5", key_of(app, "Sudah, lanjut"))  # Mengemudi, Gudang; done choosing
    await press(pilot, key_of(app, "Sudah, lanjut"))  # no other work
    assert "periksa jawaban" in text(app)
    await press(pilot, key_of(app, "Benar, kirim"))
    await until(pilot, lambda: f"Nomor permohonan Anda: {OFFICIAL}" in text(app))


async def test_the_receipt_is_printed_at_once_as_escpos_bytes(settings, tmp_path):
    out = tmp_path / "printer.bin"
    settings = replace(settings, printer=PrinterTarget("file", str(out)))
    async with kiosk(settings) as (app, pilot):
        await send_ak1(app, pilot)
        await press(pilot, key_of(app, "Cetak struk"))
        await until(pilot, out.exists)
        assert "Struk Anda sudah dicetak. Ambil struk di printer." in text(app)
        data = out.read_bytes()
        assert b"\x1b!\x30" + b"\x1bE\x01\x1ba\x01" + OFFICIAL.encode() in data  # the number, double size
        assert b"\x1d(k\x11\x001P0" + OFFICIAL.encode() in data  # its QR code
        for part in (b"Kartu kuning (AK/1)", b"NIK: 3603********0003", b"Tanggal: 28 November 2026", b" WIB",
                     b"\x1dV\x00"):
            assert part in data, part
        # AK/1 has a status check in the menu now: the receipt says where, by the menu's numbers
        printed = b" ".join(data.split())
        assert b"Cek status di anjungan ini: Menu Utama, tekan 9, lalu 7." in printed
        assert b"Tanyakan statusnya kepada petugas" not in printed
        assert NIK.encode() not in data and PHONE.encode() not in data
        [copy] = todays_copies(settings.data_dir, TODAY)
        assert copy.number == OFFICIAL and (settings.data_dir / "receipts" / f"{copy.code}.txt").is_file()
        await press(pilot, key_of(app, "Selesai"))  # the visit ends: the welcome screen
        assert "Selamat datang" in screen_text(app)
        await press(pilot, "1", "9", "7")  # what the paper says leads to the AK/1 status check
        assert "Cek kartu kuning (AK/1)" in screen_text(app).splitlines()[0]


async def test_without_a_printer_the_citizen_is_told_what_to_do(settings):
    async with kiosk(settings) as (app, pilot):
        await send_ak1(app, pilot)
        await press(pilot, key_of(app, "Cetak struk"))
        shown = text(app)
        assert "Struk disimpan untuk dicetak petugas" in shown
        assert "Catat nomor Anda; petugas dapat mencetaknya nanti." in shown
        assert f"Nomor permohonan Anda: {OFFICIAL}" in shown
        assert [doc.number for doc in todays_copies(settings.data_dir, TODAY)] == [OFFICIAL]


async def test_a_printer_that_fails_gives_a_plain_message_and_a_way_on(settings, tmp_path):
    out = tmp_path / "unplugged" / "printer.bin"  # its folder is missing: the device cannot be opened
    settings = replace(settings, printer=PrinterTarget("file", str(out)))
    async with kiosk(settings) as (app, pilot):
        await send_ak1(app, pilot)
        await press(pilot, key_of(app, "Cetak struk"))
        shown = text(app)
        assert "Printer sedang tidak bisa dipakai." in shown and "Catat nomor Anda" in shown
        assert "1 Coba cetak lagi" in shown and "2 Kembali ke tanda terima" in shown and "3 Selesai" in shown
        assert "Error" not in shown and "Traceback" not in shown
        assert [doc.number for doc in todays_copies(settings.data_dir, TODAY)] == [OFFICIAL]  # the attendant's list

        out.parent.mkdir()  # plugged in again
        await press(pilot, "1")
        await until(pilot, out.exists)
        assert "Struk Anda sudah dicetak" in text(app) and OFFICIAL.encode() in out.read_bytes()
        await press(pilot, "escape", "escape")
        assert f"Nomor permohonan Anda: {OFFICIAL}" in text(app) and "Cetak struk" in text(app)


async def test_attendant_prints_a_receipt_of_today_again_and_a_test_page(settings, tmp_path):
    out = tmp_path / "printer.bin"
    settings = replace(settings, printer=PrinterTarget("file", str(out)),
                       attendant_pin_hash=hash_pin(PIN, iterations=1000))
    when = in_wib(datetime(2026, 11, 28, 2, 30).astimezone(), pinned=TODAY)
    for code, number in (("K-AAA234", "PPID-2026-00007"), ("K-BBB234", "K-BBB234")):
        save_copy(settings.data_dir, code, "STRUK\n", ReceiptDoc("PPID", number, "Nomor:", when, code=code))
    save_copy(settings.data_dir, "K-OLD234", "STRUK\n",
              ReceiptDoc("PPID", "PPID-2026-00001", "Nomor:", when.replace(day=27), code="K-OLD234"))
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "ctrl+a")
        await enter(pilot, PIN)
        await press(pilot, key_of(app, "Printer struk"))
        assert "Printer: file:" in text(app) and "kertas 58 mm" in text(app)
        await press(pilot, key_of(app, "Cetak ulang struk hari ini"))
        shown = text(app)
        assert "PPID-2026-00007 · PPID" in shown and "K-BBB234 · PPID" in shown and "PPID-2026-00001" not in shown
        await press(pilot, key_of(app, "PPID-2026-00007"))
        await until(pilot, out.exists)
        assert "Struk PPID-2026-00007" in text(app) and "Sudah dicetak." in text(app)
        assert b"\x1d(k\x12\x001P0PPID-2026-00007" in out.read_bytes()
        await press(pilot, "escape", "escape")
        out.unlink()
        await press(pilot, key_of(app, "Cetak halaman uji"))
        await until(pilot, out.exists)
        assert "Uji printer" in text(app) and "Sudah dicetak." in text(app)
        assert b"Kertas 58 mm: 32 huruf per baris." in b" ".join(out.read_bytes().split())
