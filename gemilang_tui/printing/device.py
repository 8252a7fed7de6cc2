"""Sending to the receipt printer named by the settings. python-escpos is imported here, only when printing."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gemilang_tui.printing.doc import ReceiptDoc, in_wib
from gemilang_tui.printing.outcome import NO_LIBUSB, PrintOutcome, PrintStatus, record_outcome
from gemilang_tui.printing.target import PrinterTarget
from gemilang_tui.storage import private_file

if TYPE_CHECKING:
    from gemilang_tui.config import Settings

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 5
Connect = Callable[[PrinterTarget], Any]


def connect(target: PrinterTarget) -> Any:
    """An escpos printer for the target (opened on first use)."""
    if target.kind == "usb":
        from escpos.printer import Usb

        return Usb(target.vendor, target.product, timeout=TIMEOUT_SECONDS * 1000)
    if target.kind == "network":
        from escpos.printer import Network

        return Network(target.address, port=target.port, timeout=TIMEOUT_SECONDS)
    if target.kind == "serial":
        from escpos.printer import Serial

        return Serial(devfile=target.address, timeout=TIMEOUT_SECONDS)
    from escpos.printer import File

    return File(target.address)


def _job(draw: Callable[[Any], None]) -> bytes:
    """The whole job as bytes first, so a printer that fails gets nothing half-drawn from us."""
    from escpos.printer import Dummy

    job = Dummy()
    draw(job)
    return job.output


def _paper_out(printer: Any) -> bool:
    """Ask a printer that can answer (DLE EOT 4); one that cannot, or does not, is taken to have paper."""
    from escpos.escpos import Escpos

    if type(printer)._read is Escpos._read:
        return False
    try:
        return printer.paper_status() == 0
    except Exception:  # no answer within the timeout: print anyway
        return False


def _private_if_plain_file(target: Any) -> None:
    """`file:PATH` naming a plain file (a test, or a spool): it holds receipts, so it is 0600 like their copies. A
    device node (/dev/usb/lp0) is left as the system set it."""
    if target.kind != "file":
        return
    path = Path(target.address)
    if path.is_file() or (not path.exists() and path.parent.is_dir()):  # a missing folder: a printer unplugged
        private_file(path)


def usb_driver_problem() -> str:
    """'' when pyusb finds libusb; else what is missing, in words an operator can act on."""
    try:
        import usb.backend.libusb1

        return "" if usb.backend.libusb1.get_backend() is not None else NO_LIBUSB
    except Exception:  # pyusb itself missing or broken
        return NO_LIBUSB


def _no_usb_backend(problem: BaseException) -> bool:
    """pyusb's NoBackendError: libusb could not be loaded (usb.core.find raises it before looking for a device)."""
    return type(problem).__name__ == "NoBackendError"


def send(settings: Settings, draw: Callable[[Any], None], *, connect: Connect = connect) -> PrintOutcome:
    """Draw a job and send it to the configured printer. Never raises: every failure is an outcome."""
    return record_outcome(_send(settings, draw, connect=connect))


def _send(settings: Settings, draw: Callable[[Any], None], *, connect: Connect = connect) -> PrintOutcome:
    if settings.printer is None:
        return PrintOutcome(PrintStatus.NO_PRINTER)
    printer = None
    try:
        data = _job(draw)
        _private_if_plain_file(settings.printer)
        printer = connect(settings.printer)
        printer.open()  # a printer that is missing says so here, not halfway through
        if _paper_out(printer):
            return PrintOutcome(PrintStatus.PAPER_OUT)
        printer._raw(data)  # the drivers' own entry point for raw bytes
        return PrintOutcome(PrintStatus.OK)
    except Exception as problem:  # a printer unplugged, off, busy, or a driver missing: the citizen goes on
        if _no_usb_backend(problem):
            log.error("receipt printer %s: %s", settings.printer.kind, NO_LIBUSB)
            return PrintOutcome(PrintStatus.NO_DRIVER, NO_LIBUSB)
        log.warning("receipt printer %s failed: %s", settings.printer.kind, type(problem).__name__)
        return PrintOutcome(PrintStatus.OFFLINE, type(problem).__name__)
    finally:
        if printer is not None:
            try:
                printer.close()
            except Exception:
                log.debug("closing the printer failed", exc_info=True)


def print_receipt(settings: Settings, doc: ReceiptDoc, *, connect: Connect = connect) -> PrintOutcome:
    """Print one receipt on the configured printer; the outcome says how it went (never raises)."""
    from gemilang_tui.printing.render import render

    return send(settings, lambda printer: render(doc, printer, settings.printer_width), connect=connect)


def print_test_page(settings: Settings, *, connect: Connect = connect) -> PrintOutcome:
    """A short page for the attendant: the printer works, and the paper width setting matches the paper."""
    from gemilang_tui.printing.render import render_test_page

    when = in_wib(pinned=settings.today)
    return send(settings, lambda printer: render_test_page(printer, settings.printer_width, when), connect=connect)


async def print_receipt_async(settings: Settings, doc: ReceiptDoc) -> PrintOutcome:
    """`print_receipt` in a thread, for the screens' workers: the interface keeps answering keys meanwhile."""
    return await asyncio.to_thread(print_receipt, settings, doc)


async def print_test_page_async(settings: Settings) -> PrintOutcome:
    return await asyncio.to_thread(print_test_page, settings)
