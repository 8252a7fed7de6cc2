"""A `ReceiptDoc` as ESC/POS commands on any python-escpos printer, wrapped to the paper's columns."""

from __future__ import annotations

import textwrap
import unicodedata
from datetime import datetime
from typing import Any

from gemilang_tui.domain.plain_text import plain
from gemilang_tui.i18n import _, get_locale, long_date
from gemilang_tui.printing.doc import ReceiptDoc
from gemilang_tui.printing.target import columns

BRAND = "TANGERANG GEMILANG"
# Characters a thermal printer's code page may lack, said the plain way; the rest is reduced to ASCII.
_PLAIN = str.maketrans({"–": "-", "—": "-", "•": "-", "·": "-", "…": "...", "’": "'", "‘": "'", "“": '"',
                        "”": '"', "\u00a0": " ", "✓": "v"})


def printable(text: str) -> str:
    """Text in the printer's safe characters: printable ASCII, every character one column wide, and line breaks.

    A control byte in a text would be an ESC/POS command to the printer (cut, drawer kick, code page): the renderer
    issues those itself, never a text."""
    ascii_text = unicodedata.normalize("NFKD", plain(text).translate(_PLAIN)).encode("ascii", "ignore").decode()
    return "".join(char for char in ascii_text if char == "\n" or " " <= char <= "~")


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of at most `width` columns, broken between words (a single word longer than a line is split)."""
    lines: list[str] = []
    for paragraph in printable(text).splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, subsequent_indent=indent, break_on_hyphens=False)
                     or [""])
    return lines


def clock(when: datetime) -> str:
    return f"{when:%H.%M}" if get_locale() == "id" else f"{when:%H:%M}"


def _lines(printer: Any, text: str, width: int, indent: str = "") -> None:
    for line in wrap(text, width, indent):
        printer.textln(line)


def _rule(printer: Any, width: int) -> None:
    printer.set(align="left")
    printer.textln("-" * width)


def render(doc: ReceiptDoc, printer: Any, width: int = 58) -> None:
    """Issue the receipt on `printer` (an escpos printer, or its Dummy) for paper `width` mm wide."""
    cols = columns(width)
    printer.hw("INIT")
    printer.set(align="center", bold=True)
    _lines(printer, BRAND, cols)
    _lines(printer, doc.service, cols)
    printer.set(bold=False)
    _rule(printer, cols)
    _lines(printer, doc.number_label, cols)
    _big_number(printer, doc.number, cols)
    printer.set(align="center")
    if doc.keep:
        _lines(printer, _("Keep this number."), cols)
    _rule(printer, cols)
    if doc.details:
        printer.set(align="left")
        for line in doc.details:
            _lines(printer, line, cols, indent="  ")
        _rule(printer, cols)
    _lines(printer, _("Date: {date}").format(date=long_date(doc.when.date())), cols)
    _lines(printer, _("Time: {time} WIB").format(time=clock(doc.when)), cols)
    if doc.masked_nik:
        _lines(printer, _("NIK: {nik}").format(nik=doc.masked_nik), cols)
    if doc.status:
        _lines(printer, doc.status, cols)
    if doc.code and doc.code != doc.number:
        _lines(printer, _("Receipt code: {ref}").format(ref=doc.code), cols)
    if doc.next_steps:
        _rule(printer, cols)
        _lines(printer, _("What happens next:"), cols)
        for step in doc.next_steps:
            _lines(printer, f"- {step}", cols, indent="  ")
    if doc.where_to_check:
        _rule(printer, cols)
        _lines(printer, doc.where_to_check, cols)
    printer.set(align="center")
    printer.ln()
    printer.qr(printable(doc.number), native=True, size=6 if width == 58 else 8)
    _lines(printer, doc.number, cols)
    printer.cut()


def _big_number(printer: Any, number: str, cols: int) -> None:
    """Double width and height when the number fits half the columns, else double height only."""
    wide = len(printable(number)) <= cols // 2
    printer.set(align="center", bold=True, double_width=wide, double_height=True)
    _lines(printer, number, cols // 2 if wide else cols)
    printer.set(bold=False, normal_textsize=True)


def render_test_page(printer: Any, width: int, when: datetime) -> None:
    """A short page to see that the printer works and the paper width is right."""
    cols = columns(width)
    printer.hw("INIT")
    printer.set(align="center", bold=True)
    _lines(printer, BRAND, cols)
    printer.set(bold=False)
    _lines(printer, _("Printer test"), cols)
    _lines(printer, f"{long_date(when.date())} {clock(when)} WIB", cols)
    _lines(printer, _("Paper {width} mm: {columns} characters per line.").format(width=width, columns=cols), cols)
    printer.set(align="left")
    printer.textln("1234567890" * (cols // 10) + "1234567890"[: cols % 10])
    printer.set(double_width=True, double_height=True)
    printer.textln("0123456789"[: cols // 2])
    printer.set(normal_textsize=True)
    printer.cut()
