"""One thing the PPID and Layanan Mandiri receipts need that the generic wizard (`gemilang_tui/wizard.py`) lacks yet.

Kept here so that the wizard is left to its owner; it would be better as part of `Wizard` itself:

- **A receipt that knows what was sent.** `Receipt.next_steps(ctx, day)` gets no answers, and the draft is gone
  once sent, so "ambil di Kantor Desa Tapos, siap paling lambat 2 Desember" cannot be said. `keep(answers)` takes
  what the receipt needs (never personal data) when "Kirim" is pressed; `next_steps(ctx, day, kept)` words it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from gemilang_tui.flow import Context, Step
from gemilang_tui.wizard import Answer, Answers, Wizard, WizardRun


class ReceiptWizard(Wizard):
    """A `Wizard` whose receipt shows a prefixed number big and may word its next steps from what was sent."""

    def __init__(self, *args: Any, keep: Callable[[Answers], Any] | None = None,
                 next_steps: Callable[[Context, date, Any], Sequence[str]] | None = None, **options: Any) -> None:
        super().__init__(*args, **options)
        self.keep = keep
        self.worded = next_steps

    def start(self, ctx: Context) -> Step:
        return _Run(self).first_step(ctx)

    def start_with(self, ctx: Context, given: dict[str, Answer]) -> Step:
        """From an information page: these answers are given already (a session, a TPU: `form_parts.Given`, their
        questions `form_parts.Preset`, passed over on the way); the check screen can still change them."""
        store = _Run(self).store(ctx)
        for key, answer in given.items():
            before = store.get(key)
            if before is None or before.value != answer.value:
                for question in self.questions:  # a new TPU: the answers that depend on the old one go
                    if key in question.depends_on:
                        store.pop(question.key, None)
            store[key] = answer
        return self.start(ctx)


class _Run(WizardRun):
    wizard: ReceiptWizard

    def __init__(self, wizard: ReceiptWizard) -> None:
        super().__init__(wizard)
        self.kept: Any = None

    async def submit(self, ctx: Context) -> Step:
        kept = None
        if not self.finished and self.wizard.keep is not None and self.first_missing(ctx) is None:
            kept = self.wizard.keep(self.answers(ctx, active_only=True))
        step = await super().submit(ctx)
        if self.finished and self.kept is None:
            self.kept = kept
        return step

    def next_steps(self, ctx: Context) -> list[str]:
        if self.wizard.worded is None:
            return super().next_steps(ctx)
        return list(self.wizard.worded(ctx, self.submitted_on or ctx.today, self.kept))
