"""How a print went, and what the citizen is told about it (plain words, through the i18n layer)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum

from gemilang_tui.i18n import _


class PrintStatus(StrEnum):
    OK = "ok"
    NO_PRINTER = "no_printer"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    NO_DRIVER = "no_driver"  # the USB library (libusb) is not installed: no USB printer can work on this kiosk


#: What an operator is told when a USB printer cannot work because libusb is missing (status, print-test, the log).
NO_LIBUSB = "libusb is not installed (Debian/Ubuntu: apt-get install libusb-1.0-0)"


@dataclass(frozen=True)
class PrintOutcome:
    status: PrintStatus
    reason: str = ""  # for the attendant and the operator, in English: why it did not print, when we know

    @property
    def ok(self) -> bool:
        return self.status is PrintStatus.OK

    def message(self) -> str:
        """One plain sentence for the citizen, in the active language."""
        if self.status is PrintStatus.OK:
            return _("Your receipt is printed. Take it from the printer.")
        if self.status is PrintStatus.PAPER_OUT:
            return _("The printer has run out of paper.")
        if self.status in (PrintStatus.OFFLINE, PrintStatus.NO_DRIVER):
            return _("The printer is not working right now.")
        return _("This kiosk has no printer.")


_last: list[PrintOutcome] = []
_last_lock = threading.Lock()


def record_outcome(outcome: PrintOutcome) -> PrintOutcome:
    """Remember how the last print went, for the kiosk's health (status, metrics)."""
    with _last_lock:
        _last[:] = [outcome]
    return outcome


def last_outcome() -> PrintOutcome | None:
    with _last_lock:
        return _last[0] if _last else None
