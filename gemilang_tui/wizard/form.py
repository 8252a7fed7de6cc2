"""A wizard as a service declares it: `Wizard`, the lines of its check screen (`Line`) and its `Receipt`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from gemilang_tui.flow import MAX_OPTIONS, Context, Step
from gemilang_tui.i18n import L
from gemilang_tui.wizard.draft import Answer, Answers, Label
from gemilang_tui.wizard.questions import Question
from gemilang_tui.wizard.run import WizardRun

MAX_LINES = MAX_OPTIONS  # the check screen's "Ubah jawaban" lists every line by its number


class Line:
    """One line of the check screen: a label and the questions it reads back (changed together, in order)."""

    def __init__(self, label: Label, *keys: str, show: Callable[[Answers], str] | None = None) -> None:
        self.label = label
        self.keys = keys
        self.show = show


@dataclass
class Receipt:
    """What the receipt says besides the status: the label of the official number and what happens next."""

    official: Label | None = None
    next_steps: Callable[[Context, date], Sequence[str]] | None = None


class Wizard:
    """A submission: `kind` (the outbox kind, the draft's name, `api/submit_<kind>.py`), the questions, and
    `payload(ctx, answers) -> dict`, the POST body (composed in the server's language, Indonesian).

    A receipt that words what happens next from what was sent ("ambil di Kantor Desa Tapos, siap paling lambat
    2 Desember") gives `keep(answers)`, what the receipt needs (never personal data) taken when "Kirim" is pressed,
    and `next_steps(ctx, day, kept)`; it is used instead of `Receipt.next_steps`.
    """

    def __init__(
        self,
        kind: str,
        title: Label,
        questions: Sequence[Question],
        payload: Callable[[Context, Answers], dict[str, Any]],
        *,
        receipt: Receipt | None = None,
        lines: Sequence[Line] | None = None,
        send: Label | None = None,
        check_note: Label | None = None,
        keep: Callable[[Answers], Any] | None = None,
        next_steps: Callable[[Context, date, Any], Sequence[str]] | None = None,
    ) -> None:
        self.kind = kind
        self.title = title
        self.questions = list(questions)
        self.payload = payload
        self.receipt = receipt or Receipt()
        self.lines = list(lines) if lines is not None else [Line(q.summary, q.key) for q in self.questions]
        self.send = send or (L("Send"))
        self.check_note = check_note
        self.keep = keep
        self.next_steps = next_steps
        self._validate()

    def _validate(self) -> None:
        keys = [q.key for q in self.questions]
        if len(set(keys)) != len(keys):
            raise ValueError(f"wizard {self.kind}: a question key appears twice")
        if len(self.lines) > MAX_LINES:
            raise ValueError(f"wizard {self.kind}: {len(self.lines)} check lines; group them into at most "
                             f"{MAX_LINES} (Line(label, key1, key2…)) so each has a number key")
        for line in self.lines:
            unknown = [key for key in line.keys if key not in keys]
            if unknown or not line.keys:
                raise ValueError(f"wizard {self.kind}: check line for unknown questions {unknown}")
        missing = sorted(set(keys) - {key for line in self.lines for key in line.keys})
        if missing:
            raise ValueError(f"wizard {self.kind}: questions not on the check screen: {missing}")
        for index, q in enumerate(self.questions):
            later = [key for key in q.depends_on if key not in keys[:index]]
            if later:
                raise ValueError(f"wizard {self.kind}: {q.key} depends on {later}, which are not asked before it")

    def start(self, ctx: Context) -> Step:
        """The first screen (answers already in the draft are shown as chosen)."""
        return WizardRun(self).first_step(ctx)

    def start_with(self, ctx: Context, given: dict[str, Answer]) -> Step:
        """From an information page: these answers are given already (a session, a TPU: `Given`, their questions
        `Preset`, passed over on the way); the check screen can still change them."""
        store = ctx.visit.draft(self.kind)
        for key, answer in given.items():
            before = store.get(key)
            if before is None or before.value != answer.value:
                for question in self.questions:  # a new TPU: the answers that depend on the old one go
                    if key in question.depends_on:
                        store.pop(question.key, None)
            store[key] = answer
        return self.start(ctx)
