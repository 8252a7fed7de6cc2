"""Paper for what a citizen must carry away from a page they looked up: the PBB bill with its NOP to the cashier,
an e-BPHTB result to the notary, the emergency numbers, a job and how to apply.

A looked-up page is printed, never kept on the kiosk (a bill names a person), so it is offered only where the kiosk
has a printer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gemilang_tui.flow import Context, Doing, Nav, Notice, Option, Step
from gemilang_tui.i18n import _

#: Builds the paper (a `printing.ReceiptDoc`, imported when printing) from what the page shows now.
MakePaper = Callable[[Context], Any]


def print_options(ctx: Context, title: Callable[[], str], make: MakePaper) -> list[Option]:
    """"Print this page" where the kiosk has a printer; nothing where it has none."""
    if ctx.settings.printer is None:
        return []
    return [Option(_("Print this page"), Doing(lambda: _("Printing, please wait…"),
                                                 lambda ctx: print_page(ctx, title, make)),
                   hint=_("to take with you"))]


async def print_page(ctx: Context, title: Callable[[], str], make: MakePaper) -> Step:
    from gemilang_tui.printing import print_receipt_async

    outcome = await print_receipt_async(ctx.settings, make(ctx))
    said = _("Printed. Take the paper from the printer.") if outcome.ok else outcome.message()
    options = [Option(_("Back to the page"), lambda ctx: Nav.BACK)]
    if not outcome.ok:
        options.insert(0, Option(_("Try printing again"), Doing(lambda: _("Printing, please wait…"),
                                                                  lambda ctx: print_page(ctx, title, make))))
    return Notice(title, lambda ctx: [said], options=lambda ctx: options)


def paper(ctx: Context, service: str, number: str, number_label: str, details: list[str],
          where: str = "") -> Any:
    """A looked-up page as paper: `number` large (a NOP, 112), the page's lines, and where to go with it."""
    from gemilang_tui.printing import ReceiptDoc, in_wib

    return ReceiptDoc(service=service, number=number, number_label=number_label, when=in_wib(pinned=ctx.settings.today),
                      details=details, where_to_check=where, keep=False)
