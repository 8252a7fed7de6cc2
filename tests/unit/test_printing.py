"""The paper receipt, byte by byte on python-escpos's Dummy printer: what it says, the QR code, the big number,
the cut, lines that fit 58 and 80 mm paper without cutting a word; printing to a file; failures as plain words."""

from __future__ import annotations

import re
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from escpos.printer import Dummy
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from gemilang_tui.config import Settings
from gemilang_tui.printing import (
    PrintStatus,
    ReceiptDoc,
    in_wib,
    print_receipt,
    print_test_page,
    save_copy,
    todays_copies,
)
from gemilang_tui.printing.render import render
from gemilang_tui.printing.target import PrinterTarget, parse_target

TODAY = date(2026, 11, 28)
NUMBER = "IZM4-2026-00001"
STEPS = [
    "Surat izin pemakaman selesai paling lambat 2 Desember 2026 (3 hari kerja).",
    "Retribusi Rp100.000 untuk 3 tahun, dibayar saat mengambil surat izin.",
    "Lapor ke pengelola TPU Tapos paling lambat 2 jam sebelum pemakaman.",
]
GS_K = b"\x1d(k"  # GS ( k: the printer draws the QR code itself
DOUBLE = b"\x1b!\x30"  # ESC ! 0x30: double width and height
CUT = b"\x1dV\x00"  # GS V 0: full cut


def doc(**changes) -> ReceiptDoc:
    base = ReceiptDoc(
        service="Izin pemakaman",
        number=NUMBER,
        number_label="Nomor izin pemakaman Anda:",
        when=datetime(2026, 11, 28, 9, 30, tzinfo=in_wib().tzinfo),
        masked_nik="3603********0003",
        next_steps=list(STEPS),
        where_to_check="Cek status di anjungan ini:\nMenu Utama, tekan 9.",
        status="Status: terkirim",
        code="K-ABC234",
    )
    return replace(base, **changes)


def printed(receipt: ReceiptDoc, width: int = 58) -> bytes:
    printer = Dummy()
    render(receipt, printer, width)
    return printer.output


def text_lines(data: bytes) -> list[tuple[str, int]]:
    """The printed lines with the columns each takes (double width counts twice); fails on an unknown command."""
    lines: list[tuple[str, int]] = []
    current, columns, wide, i = [], 0, False, 0
    while i < len(data):
        byte = data[i]
        if byte == 0x1B:  # ESC
            command = data[i + 1:i + 2]
            if command == b"@":
                i += 2
                continue
            assert command in (b"E", b"a", b"t", b"!", b"d"), data[i:i + 3]
            if command == b"!":
                wide = bool(data[i + 2] & 0x20)
            i += 3
            continue
        if byte == 0x1D:  # GS
            if data[i + 1:i + 3] == b"(k":
                i += 5 + data[i + 3] + 256 * data[i + 4]
                continue
            assert data[i + 1:i + 2] == b"V", data[i:i + 3]
            i += 3
            continue
        if byte == 0x0A:
            lines.append(("".join(current), columns))
            current, columns = [], 0
        else:
            assert 0x20 <= byte < 0x7F, f"not plain ASCII: {byte:#x}"
            current.append(chr(byte))
            columns += 2 if wide else 1
        i += 1
    return lines


def flat(data: bytes) -> str:
    return " ".join(" ".join(line for line, _ in text_lines(data)).split())


def test_the_receipt_says_what_the_citizen_needs():
    data = printed(doc())
    words = flat(data)
    for part in ("TANGERANG GEMILANG", "Izin pemakaman", "Nomor izin pemakaman Anda:", NUMBER, "Simpan nomor ini.",
                 "Tanggal: 28 November 2026", "Jam: 09.30 WIB", "NIK: 3603********0003", "Status: terkirim",
                 "Kode tanda terima: K-ABC234", "Langkah berikutnya:", "Cek status di anjungan ini:",
                 "Menu Utama, tekan 9."):
        assert part in words, part
    for step in STEPS:
        assert step in words, step  # whole: no word cut across lines


def test_qr_code_of_the_reference_big_number_and_cut():
    data = printed(doc())
    assert GS_K + b"\x12\x001P0" + NUMBER.encode() in data  # store the data: 3 + 15 bytes
    assert GS_K + b"\x03\x001Q0" in data  # print the symbol
    assert re.search(re.escape(DOUBLE) + rb"(?:\x1b[Ea].)*" + re.escape(NUMBER.encode()) + b"\n", data)
    assert data.rstrip(b"\n").endswith(CUT)
    assert data.count(DOUBLE) == 1  # only the number is large


@pytest.mark.parametrize(("width", "columns"), [(58, 32), (80, 48)])
def test_every_line_fits_the_paper(width, columns):
    lines = text_lines(printed(doc(), width))
    assert max(used for _, used in lines) <= columns
    assert any(line == "-" * columns for line, _ in lines)


def test_a_number_too_long_for_double_width_is_printed_tall_and_whole():
    long_number = "PPID/2026/11/000123"
    data = printed(doc(number=long_number))
    assert DOUBLE not in data and b"\x1b!\x10" in data  # double height only
    assert max(used for _, used in text_lines(data)) <= 32
    assert long_number in flat(data)


def test_without_a_nik_no_nik_line_and_other_characters_are_made_plain():
    data = printed(doc(masked_nik=None, next_steps=["Datang pukul 08.00–12.00 • bawa KTP…"]))
    assert b"NIK" not in data
    assert "Datang pukul 08.00-12.00 - bawa KTP..." in flat(data)


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.,()", min_size=1, max_size=16)


@hsettings(max_examples=60, deadline=None)
@given(steps=st.lists(st.lists(WORD, min_size=1, max_size=30).map(" ".join), min_size=1, max_size=4),
       service=st.lists(WORD, min_size=1, max_size=8).map(" ".join), width=st.sampled_from([58, 80]))
def test_any_text_is_wrapped_between_words(steps, service, width):
    data = printed(doc(next_steps=steps, service=service), width)
    assert max(used for _, used in text_lines(data)) <= {58: 32, 80: 48}[width]
    words = flat(data)
    for step in steps:
        assert step in words


def test_file_printer_gets_the_raw_bytes(tmp_path):
    out = tmp_path / "struk.bin"
    settings = Settings(today=TODAY, data_dir=tmp_path, printer=PrinterTarget("file", str(out)))
    outcome = print_receipt(settings, doc())
    assert outcome.ok and outcome.message() == "Struk Anda sudah dicetak. Ambil struk di printer."
    assert out.read_bytes() == printed(doc())


def test_80mm_paper_from_the_settings(tmp_path):
    out = tmp_path / "struk.bin"
    settings = Settings(today=TODAY, data_dir=tmp_path, printer=PrinterTarget("file", str(out)), printer_width=80)
    assert print_receipt(settings, doc()).ok
    assert any(line == "-" * 48 for line, _ in text_lines(out.read_bytes()))


class Broken(Dummy):
    def _raw(self, msg: bytes) -> None:
        raise OSError("[Errno 19] No such device")


class NoPaper(Dummy):
    def _read(self) -> bytes:
        return bytes([0x72])  # DLE EOT 4 answer: paper end sensors


def printer_settings(tmp_path) -> Settings:
    return Settings(today=TODAY, data_dir=tmp_path, printer=PrinterTarget("usb", vendor=0x0416, product=0x5011))


def test_a_printer_error_is_a_plain_message_never_an_exception(tmp_path, caplog):
    outcome = print_receipt(printer_settings(tmp_path), doc(), connect=lambda target: Broken())
    assert outcome.status is PrintStatus.OFFLINE
    assert outcome.message() == "Printer sedang tidak bisa dipakai."
    assert "3603" not in caplog.text and NUMBER not in caplog.text


def test_a_printer_that_cannot_be_found_is_offline(tmp_path):
    def missing(target):
        from escpos.exceptions import DeviceNotFoundError

        raise DeviceNotFoundError("Unable to open USB printer")

    assert print_receipt(printer_settings(tmp_path), doc(), connect=missing).status is PrintStatus.OFFLINE
    gone = Settings(today=TODAY, data_dir=tmp_path, printer=PrinterTarget("file", str(tmp_path / "no" / "dev")))
    assert print_receipt(gone, doc()).status is PrintStatus.OFFLINE


def test_paper_out_is_said_before_anything_is_sent(tmp_path):
    printer = NoPaper()
    outcome = print_receipt(printer_settings(tmp_path), doc(), connect=lambda target: printer)
    assert outcome.status is PrintStatus.PAPER_OUT and outcome.message() == "Kertas printer habis."
    assert NUMBER.encode() not in printer.output


def test_no_printer_set(tmp_path):
    outcome = print_receipt(Settings(today=TODAY, data_dir=tmp_path), doc())
    assert outcome.status is PrintStatus.NO_PRINTER and outcome.message() == "Anjungan ini tidak punya printer."


def test_test_page_shows_the_width(tmp_path):
    printer = Dummy()
    outcome = print_test_page(printer_settings(tmp_path), connect=lambda target: printer)
    assert outcome.ok
    words = flat(printer.output)
    assert "Uji printer" in words and "Kertas 58 mm: 32 huruf per baris." in words and "28 November 2026" in words
    assert max(used for _, used in text_lines(printer.output)) <= 32
    assert CUT in printer.output


def test_where_to_check_follows_the_menu():
    from gemilang_tui.catalog import bundled_catalogue
    from gemilang_tui.printing.wording import where_to_check

    assert where_to_check("lapor") == "Cek status di anjungan ini:\nMenu Utama, tekan 9, lalu 1."
    assert where_to_check("ppid") == "Cek status di anjungan ini:\nMenu Utama, tekan 9, lalu 3."
    counter = "Tanyakan statusnya kepada petugas di loket. Tunjukkan nomor ini."
    assert where_to_check("ak1") == "Cek status di anjungan ini:\nMenu Utama, tekan 9, lalu 7."
    assert where_to_check("izin_makam") == "Cek status di anjungan ini:\nMenu Utama, tekan 9, lalu 5."
    catalogue = bundled_catalogue()
    without = replace(catalogue, services=tuple(s for s in catalogue.services if s.kode != "status_lapor"))
    assert where_to_check("lapor", without) == counter


def test_wib_time_on_the_pinned_date():
    moment = datetime(2026, 3, 1, 20, 15, tzinfo=UTC)
    local = in_wib(moment, pinned=TODAY)
    assert (local.date(), local.hour, local.minute) == (TODAY, 3, 15)  # 20.15 UTC is 03.15 WIB
    assert local.utcoffset().total_seconds() == 7 * 3600


def test_copies_are_private_and_listed_by_day(tmp_path):
    path = save_copy(tmp_path, "K-ABC234", "STRUK\n", doc())
    save_copy(tmp_path, "K-OLD234", "STRUK\n", doc(code="K-OLD234", when=datetime(2026, 11, 27, 9, tzinfo=UTC)))
    for file in (path, path.with_suffix(".json")):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    [today] = todays_copies(tmp_path, TODAY)
    assert today == doc()
    assert todays_copies(tmp_path / "nothing", TODAY) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("usb:0416:5011", PrinterTarget("usb", vendor=0x0416, product=0x5011)),
    ("USB:0x04b8:0x0202", PrinterTarget("usb", vendor=0x04B8, product=0x0202)),
    ("network:192.168.1.50", PrinterTarget("network", "192.168.1.50", port=9100)),
    ("network:printer.local:9101", PrinterTarget("network", "printer.local", port=9101)),
    ("serial:/dev/ttyUSB0", PrinterTarget("serial", "/dev/ttyUSB0")),
    ("file:/dev/usb/lp0", PrinterTarget("file", "/dev/usb/lp0")),
    ("none", None),
    ("", None),
])
def test_printer_settings_are_read(text, expected):
    assert parse_target(text) == expected


@pytest.mark.parametrize("text", ["usb:zz:01", "usb:0416", "network:", "network:host:99999", "lpt:1", "file:",
                                  "usb:0:0"])
def test_bad_printer_settings_are_refused(text):
    with pytest.raises(ValueError):
        parse_target(text)


def test_python_escpos_is_not_imported_at_start_up():
    code = ("import sys\nimport gemilang_tui.cli, gemilang_tui.config, gemilang_tui.printing, gemilang_tui.wizard\n"
            "from gemilang_tui.config import load_settings\n"
            "load_settings(environ={'GEMILANG_PRINTER': 'usb:0416:5011'})\n"
            "print(','.join(m for m in sys.modules if m.startswith(('escpos', 'usb', 'serial'))))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
