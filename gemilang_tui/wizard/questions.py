"""The question kinds of a wizard: `Choose` (with `OwnWords`), `YesNo`, `Checklist`, `Typed`, `FreeText`."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gemilang_tui.flow import Context, FieldError, Nav, Notice, Option, Step
from gemilang_tui.i18n import L, _
from gemilang_tui.wizard.draft import Answer, Answers, Choice, Label, short, text_of
from gemilang_tui.wizard.steps import ChooseStep, TypedStep
from gemilang_tui.wizard.walk import Entry, Pick, Place

if TYPE_CHECKING:
    from gemilang_tui.wizard.run import WizardRun


class Question:
    """One question of a wizard. Common options:

    - `summary`: the short name on the check screen ("Lokasi"; default: the question itself);
    - `note` (one line) / `body(ctx, answers)` (lines): what the screen explains under the question;
    - `when(answers)`: ask only when it returns True; `optional` (bool or `answers -> bool`): offers "Lewati";
    - `depends_on`: keys whose change clears this answer (desa depends on kecamatan);
    - `remember`: a visit-wide name (nik, nama, telepon) — offered again in any later wizard of the visit;
    - `check(ctx, answers, value)`: a rule that needs the other answers (a burial time already past today): raises
      `FieldError` with a plain sentence, and the answer is refused where it was given.
    """

    fetches = False

    def __init__(
        self,
        key: str,
        question: Label,
        *,
        summary: Label | None = None,
        note: Label | None = None,
        body: Callable[[Context, Answers], Sequence[str]] | None = None,
        when: Callable[[Answers], bool] | None = None,
        optional: bool | Callable[[Answers], bool] = False,
        depends_on: Sequence[str] = (),
        remember: str | None = None,
        skip: Label | None = None,
        check: Callable[[Context, Answers, Any], None] | None = None,
    ) -> None:
        self.key = key
        self.question = question
        self.summary = summary if summary is not None else question
        self.note = note
        self.body = body
        self.when = when
        self.optional = optional
        self.depends_on = tuple(depends_on)
        self.remember = remember
        self.skip = skip
        self.check = check

    def applies(self, answers: Answers) -> bool:
        return self.when is None or bool(self.when(answers))

    def is_optional(self, answers: Answers) -> bool:
        return bool(self.optional(answers)) if callable(self.optional) else bool(self.optional)

    def lines(self, ctx: Context, answers: Answers) -> list[str]:
        lines = [text_of(self.note)] if self.note is not None else []
        if self.body is not None:
            lines.extend(self.body(ctx, answers))
        return lines

    async def load(self, ctx: Context, answers: Answers) -> Any:
        """What the question fetches before it can be shown (only when `fetches`)."""
        return None

    def picks(self, run: WizardRun, ctx: Context, place: Place, loaded: Any) -> list[Pick]:
        raise NotImplementedError

    def first_step(self, run: WizardRun, ctx: Context, place: Place) -> Step:
        return ChooseStep(run, self, place)

    def skip_pick(self, run: WizardRun, ctx: Context) -> list[Pick]:
        if not self.is_optional(run.answers(ctx)):
            return []
        current = run.store(ctx).get(self.key)
        return [Pick(self.skip or (L("Skip this question")),
                      answer=Answer(None, L("Not given")),
                      current=current is not None and current.value is None)]


@dataclass
class OwnWords:
    """The "ketik sendiri" option of a list: for those who can type (or the attendant typing for them)."""

    label: Label | None = None
    question: Label | None = None
    prompt: Label | None = None
    max_length: int = 200


def words(minimum: int = 3) -> Callable[[Context, str], Answer]:
    def parse(ctx: Context, text: str) -> Answer:
        cleaned = " ".join(text.split())
        if len(cleaned) < minimum:
            raise FieldError(_("Please type a few words, then press Enter."))
        return Answer(cleaned, cleaned, typed=cleaned)

    return parse


class Choose(Question):
    """One answer from a numbered list. `choices` is a list of `Choice`, or `choices(ctx, answers)` returning one
    (an `async def` is fetched in a worker, with the screen's loading and "Coba lagi" states)."""

    def __init__(
        self,
        key: str,
        question: Label,
        choices: Sequence[Choice] | Callable[[Context, Answers], Sequence[Choice] | Awaitable[Sequence[Choice]]],
        *,
        own_words: OwnWords | None = None,
        **common: Any,
    ) -> None:
        super().__init__(key, question, **common)
        self._choices = choices
        self.own_words = own_words
        self.fetches = callable(choices) and inspect.iscoroutinefunction(choices)

    async def load(self, ctx: Context, answers: Answers) -> Any:
        return list(await self._choices(ctx, answers))  # type: ignore[misc, operator]

    def choices(self, ctx: Context, answers: Answers, loaded: Any) -> list[Choice]:
        if self.fetches:
            return list(loaded or [])
        if callable(self._choices):
            return list(self._choices(ctx, answers))  # type: ignore[arg-type]
        return list(self._choices)

    def picks(self, run: WizardRun, ctx: Context, place: Place, loaded: Any) -> list[Pick]:
        current = run.store(ctx).get(self.key)
        picks = [
            Pick(choice.label, choice.hint,
                  answer=Answer(choice.value, choice.readback or choice.label, choice.data),
                  current=current is not None and not current.own_words and current.value == choice.value)
            for choice in self.choices(ctx, run.answers(ctx), loaded)
        ]
        if self.own_words is not None:
            mine = current is not None and current.own_words
            entry = self._own_words_entry()
            picks.append(Pick(
                self.own_words.label or (L("Type it in my own words")),
                hint=short(current.text, 30) if mine and current else "",
                open=lambda ctx: TypedStep(run, self, entry, place.deeper(), ctx,
                                            initial=current.typed if mine and current else ""),
                current=mine,
            ))
        return picks + self.skip_pick(run, ctx)

    def _own_words_entry(self) -> Entry:
        assert self.own_words is not None
        own = self.own_words

        def parse(ctx: Context, text: str) -> Answer:
            answer = words()(ctx, text)
            answer.own_words = True
            return answer

        return Entry(
            question=own.question or self.question,
            label=own.prompt or (L("In your own words")),
            parse=parse,
            digits_only=False,
            max_length=own.max_length,
            example=L("Type with the keyboard, then press Enter."),
        )


class YesNo(Choose):
    """Yes or no, with labels that say what each means ("1 Ya, sembunyikan nama saya")."""

    def __init__(self, key: str, question: Label, *, yes: Label | None = None, no: Label | None = None,
                 said_yes: Label | None = None, said_no: Label | None = None, **common: Any) -> None:
        choices = [
            Choice(True, yes or (L("Yes")), readback=said_yes or (L("Yes"))),
            Choice(False, no or (L("No")), readback=said_no or (L("No"))),
        ]
        super().__init__(key, question, choices, **common)


class Checklist(Question):
    """"Do you have all of these with you?": the items listed, "1 Ya, saya membawa semuanya", "2 Belum"."""

    def __init__(self, key: str, question: Label,
                 items: Sequence[Label] | Callable[[Context, Answers], Sequence[str]], *,
                 confirm: Label | None = None, not_yet: Label | None = None,
                 not_ready: Callable[[Context, Answers], Sequence[str]] | None = None, **common: Any) -> None:
        common.setdefault("summary", L("Documents"))
        super().__init__(key, question, **common)
        self.items = items
        self.confirm = confirm
        self.not_yet = not_yet
        self.not_ready = not_ready

    def item_texts(self, ctx: Context, answers: Answers) -> list[str]:
        if callable(self.items):
            return list(self.items(ctx, answers))
        return [text_of(item) for item in self.items]

    def lines(self, ctx: Context, answers: Answers) -> list[str]:
        items = "\n".join(f"• {item}" for item in self.item_texts(ctx, answers))
        return [*super().lines(ctx, answers), items]

    def picks(self, run: WizardRun, ctx: Context, place: Place, loaded: Any) -> list[Pick]:
        current = run.store(ctx).get(self.key)

        def missing(ctx: Context) -> Step:
            answers = run.answers(ctx)
            lines = list(self.not_ready(ctx, answers)) if self.not_ready else [
                _("Please bring these documents first, then come back. Your answers are kept until you leave."),
            ]
            items = "\n".join(f"• {item}" for item in self.item_texts(ctx, answers))
            return Notice(title=lambda: text_of(run.wizard.title), body=lambda ctx: [*lines, items],
                          options=lambda ctx: [Option(_("Finish"), lambda ctx: Nav.END)])

        return [
            Pick(self.confirm or (L("Yes, I have brought them all")),
                  answer=Answer(True, L("Complete")), current=current is not None and current.value is True),
            Pick(self.not_yet or (L("Not yet, something is missing")), open=missing),
            *self.skip_pick(run, ctx),
        ]


class Typed(Question):
    """An answer typed on the keypad (digits) or a keyboard (`digits_only=False`).

    `parse(ctx, text)` returns `(value, readback)` or `(value, readback, private)` (`private`: how it is shown after
    sending, e.g. a masked NIK) or raises `FieldError` with a plain sentence. When there is
    something to offer first — the earlier answer, or the value remembered in the visit (`remember`), or "Lewati"
    when optional — a numbered screen comes before the typing one: "1 Pakai … / 2 Ketik … lain / 3 Lewati".
    """

    def __init__(
        self,
        key: str,
        question: Label,
        label: Label,
        parse: Callable[[Context, str], tuple[Any, ...]],
        *,
        digits_only: bool = True,
        max_length: int = 24,
        example: Label | None = None,
        prefix: str = "",
        reuse: Callable[[str], str] | None = None,
        retype: Label | None = None,
        type_label: Label | None = None,
        prefill: bool = True,
        **common: Any,
    ) -> None:
        super().__init__(key, question, **common)
        self.label = label
        self._parse = parse
        self.digits_only = digits_only
        self.max_length = max_length
        self.example = example
        self.prefix = prefix
        self.reuse = reuse
        self.retype = retype
        self.type_label = type_label
        self.prefill = prefill

    def entry(self) -> Entry:
        def parse(ctx: Context, text: str) -> Answer:
            value, readback, *private = self._parse(ctx, text)
            return Answer(value, readback, typed=text, private=private[0] if private else None)

        return Entry(self.question, self.label, parse, self.digits_only, self.max_length, self.example, self.prefix)

    def _offer(self, run: WizardRun, ctx: Context) -> Answer | None:
        """The answer to offer again: this wizard's earlier one, else the one remembered in the visit."""
        current = run.store(ctx).get(self.key)
        if current is not None and current.value is not None:
            return current
        if self.remember:
            recalled = ctx.visit.recall(self.remember)
            if recalled:
                try:
                    return self.entry().parse(ctx, str(recalled))
                except FieldError:
                    return None
        return None

    def _typing(self, run: WizardRun, ctx: Context, place: Place) -> TypedStep:
        """The field; words typed earlier are there to edit, digits never (a further digit would extend them)."""
        current = run.store(ctx).get(self.key)
        keep = self.prefill and not self.digits_only and current is not None and current.value is not None
        return TypedStep(run, self, self.entry(), place, ctx, initial=current.typed if keep and current else "")

    def picks(self, run: WizardRun, ctx: Context, place: Place, loaded: Any) -> list[Pick]:
        current = run.store(ctx).get(self.key)
        offer = self._offer(run, ctx)
        picks: list[Pick] = []
        if offer is not None:
            shown, reuse = offer.text, self.reuse
            picks.append(Pick(
                (lambda: reuse(shown)) if reuse else (lambda: _("Use {value}").format(value=shown)),
                answer=offer,
                current=current is not None and current.value is not None and current.value == offer.value,
            ))
            again = self.retype or (L("Type another"))
        else:
            again = self.type_label or (L("Type it"))
        picks.append(Pick(again, open=lambda ctx: self._typing(run, ctx, place.deeper())))
        return picks + self.skip_pick(run, ctx)

    def first_step(self, run: WizardRun, ctx: Context, place: Place) -> Step:
        picks = self.picks(run, ctx, place, None)
        if len(picks) == 1:  # nothing to offer: straight to the field
            return self._typing(run, ctx, place)
        return ChooseStep(run, self, place)


class FreeText(Typed):
    """Optional words ("Ada keterangan tambahan?"): "1 Ketik sendiri / 2 Tidak ada, lanjut". Never required."""

    def __init__(self, key: str, question: Label, *, label: Label | None = None, max_length: int = 300,
                 **common: Any) -> None:
        common.setdefault("optional", True)
        common.setdefault("skip", L("No, continue"))
        common.setdefault("type_label", L("Type it in my own words"))
        common.setdefault("retype", L("Change what I typed"))
        common.setdefault("reuse", lambda shown: _("Keep what I typed: {text}").format(text=short(shown, 30)))
        common.setdefault("example", L("Type with the keyboard, then press Enter."))

        def parse(ctx: Context, text: str) -> tuple[Any, str]:
            answer = words()(ctx, text)
            return answer.value, answer.value

        super().__init__(key, question, label or (L("Your words")), parse, digits_only=False,
                         max_length=max_length, **common)

