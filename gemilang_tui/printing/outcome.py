"""How a print went, and what the citizen is told about it (plain words, through the i18n layer)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gemilang_tui.i18n import _


class PrintStatus(StrEnum):
    OK = "ok"
    NO_PRINTER = "no_printer"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"


@dataclass(frozen=True)
class PrintOutcome:
    status: PrintStatus

    @property
    def ok(self) -> bool:
        return self.status is PrintStatus.OK

    def message(self) -> str:
        """One plain sentence for the citizen, in the active language."""
        if self.status is PrintStatus.OK:
            return _("Your receipt is printed. Take it from the printer.")
        if self.status is PrintStatus.PAPER_OUT:
            return _("The printer has run out of paper.")
        if self.status is PrintStatus.OFFLINE:
            return _("The printer is not working right now.")
        return _("This kiosk has no printer.")
