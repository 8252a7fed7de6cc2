"""Paper receipts on an ESC/POS thermal printer (58 or 80 mm). No Textual here; python-escpos only when printing.

`ReceiptDoc` (plain data) → `render(doc, printer, width)` (escpos commands) → `print_receipt(settings, doc)`, which
never raises and returns a `PrintOutcome` with a plain sentence for the citizen. Screens call the `_async` wrappers.
"""

from gemilang_tui.printing.copies import save_copy, todays_copies
from gemilang_tui.printing.device import (
    print_receipt,
    print_receipt_async,
    print_test_page,
    print_test_page_async,
)
from gemilang_tui.printing.doc import ReceiptDoc, in_wib
from gemilang_tui.printing.outcome import PrintOutcome, PrintStatus

__all__ = [
    "PrintOutcome",
    "PrintStatus",
    "ReceiptDoc",
    "in_wib",
    "print_receipt",
    "print_receipt_async",
    "print_test_page",
    "print_test_page_async",
    "save_copy",
    "todays_copies",
]
