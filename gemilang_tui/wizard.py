"""Questions → check your answers → submit → receipt: the step kind of every submission (LAPOR!, PPID, izin makam…).

A service declares a `Wizard` with its questions (plain data, no Textual); the generic `StepScreen` renders every
step it produces. One question per screen, every answer by a number key:

- `Choose` — one of a numbered list (paged 7 at a time, "+ Halaman berikutnya", when longer than 9), optionally with
  "ketik sendiri" (`OwnWords`) for those who can type; `YesNo`; `Checklist` ("1 Ya, saya membawa semuanya");
- `Typed` — digits (or text) typed on the keypad: `nik_question`, `phone_question`, `amount_question`, and
  `FreeText` (optional words, offered as a numbered choice, never required); `DateQuestion` — "hari ini",
  "kemarin" or a date typed as exactly 8 digits (DDMMYYYY).

Answers live in the visit's draft (`ctx.visit.draft(kind)`), so going back keeps them, and the screen shows the
earlier answer ("✓ jawaban Anda"); a field left forward comes back as "1 Pakai … / 2 Ketik ulang", never as a field a
further digit would extend. A question with `remember="nik"` offers what the citizen gave earlier in the same visit
("1 Pakai NIK 3603 2845 0871 0003 / 2 Ketik NIK lain") instead of asking twice; a finished visit forgets it.
After the last question comes the check page: every answer read back in full (NIK and phone grouped, never cut or
masked), "1 Benar, kirim" and "2 Ubah jawaban" on every form. Sending puts the payload in the outbox (one SQLite
transaction) *before* anything is confirmed; the receipt says "Tersimpan" with the kiosk's code until the server
answers, then the official number to keep in big digits, what happens next and by when, and where to check it;
after sending the NIK and phone are masked. "Selesai" ends the visit.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import math
import sqlite3
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gemilang_tui import sending
from gemilang_tui.api.errors import ApiBadResponse
from gemilang_tui.domain.grouping import in_groups
from gemilang_tui.domain.phone import mask_phone
from gemilang_tui.domain.reference import digits_of
from gemilang_tui.flow import (
    BACK,
    END,
    MAX_OPTIONS,
    PAGE_SIZE,
    Ask,
    Context,
    FieldError,
    Nav,
    Notice,
    Option,
    Step,
    View,
    next_page_option,
    number_options,
    standard_keys,
    wrap_page,
)
from gemilang_tui.i18n import L, _, long_date, money
from gemilang_tui.services.answers import nik_answer, phone_answer

log = logging.getLogger(__name__)

#: A text shown to the citizen: a callable (translated when shown: `L("…")`) or a plain string (data).
Label = str | Callable[[], str]
MAX_LINES = MAX_OPTIONS  # the check screen's "Ubah jawaban" lists every line by its number
CONFIRM_NUMBER = 1  # "1 Benar, kirim" on the check page of every form
CHANGE_NUMBER = 2


def text_of(label: Label | None) -> str:
    if label is None:
        return ""
    return label() if callable(label) else label


def _short(text: str, width: int = 52) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- answers ------------------------------------------------------------------------------------------------------


@dataclass
class Choice:
    """One numbered answer of a `Choose`: the value kept, its label, and any data the payload needs later."""

    value: Any
    label: Label
    hint: Label = ""
    data: Any = None
    readback: Label | None = None  # how the check screen reads it back, when not the label itself


@dataclass
class Answer:
    """An answer in the draft: its value (None = skipped), how it is read back, and what was typed."""

    value: Any
    label: Label
    data: Any = None
    typed: str = ""
    own_words: bool = False
    private: Label | None = None  # how it is shown after sending (a masked NIK), when not the label

    @property
    def text(self) -> str:
        return text_of(self.label)

    @property
    def private_text(self) -> str:
        return text_of(self.private) if self.private is not None else self.text


class Answers(Mapping[str, Any]):
    """The draft as a service reads it: `answers["kecamatan"]` is the value; labels and data on request.

    Skipped answers are absent; with `only` given, so are the answers of questions that do not apply now.
    """

    def __init__(self, store: Mapping[str, Answer], only: set[str] | None = None, private: bool = False) -> None:
        self._store = store
        self._only = only
        self._private = private  # labels masked, for what is kept after sending (receipt, outbox)

    def answer(self, key: str) -> Answer | None:
        if self._only is not None and key not in self._only:
            return None
        found = self._store.get(key)
        return found if isinstance(found, Answer) else None

    def __getitem__(self, key: str) -> Any:
        found = self.answer(key)
        if found is None or found.value is None:
            raise KeyError(key)
        return found.value

    def __iter__(self) -> Iterator[str]:
        return (key for key in list(self._store) if self.answer(key) is not None and key in self)

    def __contains__(self, key: object) -> bool:
        found = self.answer(str(key))
        return found is not None and found.value is not None

    def __len__(self) -> int:
        return sum(1 for _key in self)

    def label(self, key: str) -> str:
        found = self.answer(key)
        if found is None:
            return ""
        return found.private_text if self._private else found.text

    def data(self, key: str) -> Any:
        found = self.answer(key)
        return found.data if found is not None else None

    def own_words(self, key: str) -> bool:
        found = self.answer(key)
        return bool(found and found.own_words)


# -- where a screen is in the walk ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """Forward through the questions (`edit` None), or changing one line of the check screen: which questions, and
    how many screens this change has pushed above the check screen (to know how to return to it)."""

    edit: tuple[str, ...] | None = None
    depth: int = 0

    def deeper(self) -> _Place:
        return self if self.edit is None else _Place(self.edit, self.depth + 1)


FORWARD = _Place()


@dataclass
class _Pick:
    """One numbered option of a question screen: commit an answer, or open another screen (typing, a notice)."""

    label: Label
    hint: Label = ""
    answer: Answer | None = None
    open: Callable[[Context], Step] | None = None
    current: bool = False


@dataclass
class Entry:
    """What a typing screen asks: the question, the field's label, and how to read what was typed."""

    question: Label
    label: Label
    parse: Callable[[Context, str], Answer]
    digits_only: bool = True
    max_length: int = 24
    example: Label | None = None
    prefix: str = ""


# -- questions ------------------------------------------------------------------------------------------------------


class Question:
    """One question of a wizard. Common options:

    - `summary`: the short name on the check screen ("Lokasi"; default: the question itself);
    - `note` (one line) / `body(ctx, answers)` (lines): what the screen explains under the question;
    - `when(answers)`: ask only when it returns True; `optional` (bool or `answers -> bool`): offers "Lewati";
    - `depends_on`: keys whose change clears this answer (desa depends on kecamatan);
    - `remember`: a visit-wide name (nik, nama, telepon) — offered again in any later wizard of the visit.
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

    def picks(self, run: WizardRun, ctx: Context, place: _Place, loaded: Any) -> list[_Pick]:
        raise NotImplementedError

    def first_step(self, run: WizardRun, ctx: Context, place: _Place) -> Step:
        return _ChooseStep(run, self, place)

    def _skip_pick(self, run: WizardRun, ctx: Context) -> list[_Pick]:
        if not self.is_optional(run.answers(ctx)):
            return []
        current = run.store(ctx).get(self.key)
        return [_Pick(self.skip or (L("Skip this question")),
                      answer=Answer(None, L("Not given")),
                      current=current is not None and current.value is None)]


@dataclass
class OwnWords:
    """The "ketik sendiri" option of a list: for those who can type (or the attendant typing for them)."""

    label: Label | None = None
    question: Label | None = None
    prompt: Label | None = None
    max_length: int = 200


def _words(minimum: int = 3) -> Callable[[Context, str], Answer]:
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

    def picks(self, run: WizardRun, ctx: Context, place: _Place, loaded: Any) -> list[_Pick]:
        current = run.store(ctx).get(self.key)
        picks = [
            _Pick(choice.label, choice.hint,
                  answer=Answer(choice.value, choice.readback or choice.label, choice.data),
                  current=current is not None and not current.own_words and current.value == choice.value)
            for choice in self.choices(ctx, run.answers(ctx), loaded)
        ]
        if self.own_words is not None:
            mine = current is not None and current.own_words
            entry = self._own_words_entry()
            picks.append(_Pick(
                self.own_words.label or (L("Type it in my own words")),
                hint=_short(current.text, 30) if mine and current else "",
                open=lambda ctx: _TypedStep(run, self, entry, place.deeper(), ctx,
                                            initial=current.typed if mine and current else ""),
                current=mine,
            ))
        return picks + self._skip_pick(run, ctx)

    def _own_words_entry(self) -> Entry:
        assert self.own_words is not None
        own = self.own_words

        def parse(ctx: Context, text: str) -> Answer:
            answer = _words()(ctx, text)
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

    def picks(self, run: WizardRun, ctx: Context, place: _Place, loaded: Any) -> list[_Pick]:
        current = run.store(ctx).get(self.key)

        def missing(ctx: Context) -> Step:
            answers = run.answers(ctx)
            lines = list(self.not_ready(ctx, answers)) if self.not_ready else [
                _("Please bring these documents first, then come back. Your answers are kept until you leave."),
            ]
            items = "\n".join(f"• {item}" for item in self.item_texts(ctx, answers))
            return Notice(title=lambda: text_of(run.wizard.title), body=lambda ctx: [*lines, items],
                          options=lambda ctx: [Option(_("Finish"), lambda ctx: END)])

        return [
            _Pick(self.confirm or (L("Yes, I have brought them all")),
                  answer=Answer(True, L("Complete")), current=current is not None and current.value is True),
            _Pick(self.not_yet or (L("Not yet, something is missing")), open=missing),
            *self._skip_pick(run, ctx),
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
        parse: Callable[[Context, str], tuple[Any, str]],
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

    def _typing(self, run: WizardRun, ctx: Context, place: _Place) -> _TypedStep:
        """The field; words typed earlier are there to edit, digits never (a further digit would extend them)."""
        current = run.store(ctx).get(self.key)
        keep = self.prefill and not self.digits_only and current is not None and current.value is not None
        return _TypedStep(run, self, self.entry(), place, ctx, initial=current.typed if keep and current else "")

    def picks(self, run: WizardRun, ctx: Context, place: _Place, loaded: Any) -> list[_Pick]:
        current = run.store(ctx).get(self.key)
        offer = self._offer(run, ctx)
        picks: list[_Pick] = []
        if offer is not None:
            shown = offer.text
            picks.append(_Pick(
                (lambda: self.reuse(shown)) if self.reuse else (lambda: _("Use {value}").format(value=shown)),
                answer=offer,
                current=current is not None and current.value is not None and current.value == offer.value,
            ))
            again = self.retype or (L("Type another"))
        else:
            again = self.type_label or (L("Type it"))
        picks.append(_Pick(again, open=lambda ctx: self._typing(run, ctx, place.deeper())))
        return picks + self._skip_pick(run, ctx)

    def first_step(self, run: WizardRun, ctx: Context, place: _Place) -> Step:
        picks = self.picks(run, ctx, place, None)
        if len(picks) == 1:  # nothing to offer: straight to the field
            return self._typing(run, ctx, place)
        return _ChooseStep(run, self, place)


class FreeText(Typed):
    """Optional words ("Ada keterangan tambahan?"): "1 Ketik sendiri / 2 Tidak ada, lanjut". Never required."""

    def __init__(self, key: str, question: Label, *, label: Label | None = None, max_length: int = 300,
                 **common: Any) -> None:
        common.setdefault("optional", True)
        common.setdefault("skip", L("No, continue"))
        common.setdefault("type_label", L("Type it in my own words"))
        common.setdefault("retype", L("Change what I typed"))
        common.setdefault("reuse", lambda shown: _("Keep what I typed: {text}").format(text=_short(shown, 30)))
        common.setdefault("example", L("Type with the keyboard, then press Enter."))

        def parse(ctx: Context, text: str) -> tuple[Any, str]:
            answer = _words()(ctx, text)
            return answer.value, answer.value

        super().__init__(key, question, label or (L("Your words")), parse, digits_only=False,
                         max_length=max_length, **common)


def nik_question(key: str = "nik", question: Label | None = None, **common: Any) -> Typed:
    """The NIK (16 digits), remembered for the visit, read back in full and grouped (3603 2845 0871 0003) before
    sending, masked (3603********0003) after."""

    def parse(ctx: Context, text: str) -> tuple[Any, str, str]:
        nik = nik_answer(text, today=ctx.today)
        return nik.digits, in_groups(nik.digits), nik.masked

    common.setdefault("summary", L("NIK"))
    common.setdefault("note", L("The NIK is the 16-digit number on your KTP and your Kartu Keluarga (KK)."))
    return Typed(key, question or (L("Type your NIK.")), L("NIK"), parse, max_length=16,
                 remember="nik", reuse=lambda shown: _("Use NIK {nik}").format(nik=shown),
                 retype=L("Type another NIK"), type_label=L("Type my NIK"), prefill=False, **common)


def phone_question(key: str = "telepon", question: Label | None = None, **common: Any) -> Typed:
    """A mobile number (08…), remembered for the visit, read back grouped (0812 3456 7890), masked after sending."""

    def parse(ctx: Context, text: str) -> tuple[Any, str, str]:
        phone = phone_answer(text)
        return phone, in_groups(phone), mask_phone(phone)

    common.setdefault("summary", L("Phone"))
    common.setdefault("note", L("An officer may call or send a message about it. Example: 081234567890."))
    return Typed(key, question or (L("Type your mobile phone number.")), L("Mobile number"), parse,
                 max_length=13, remember="telepon", reuse=lambda shown: _("Use number {phone}").format(phone=shown),
                 retype=L("Type another number"), type_label=L("Type my number"), prefill=False,
                 **common)


def amount_question(key: str, question: Label, *, minimum: int = 1, maximum: int | None = None,
                    **common: Any) -> Typed:
    """A sum of rupiah typed as digits, read back as `Rp415.000.000`."""

    def parse(ctx: Context, text: str) -> tuple[Any, str]:
        digits = "".join(ch for ch in text if ch.isdigit())
        if not digits:
            raise FieldError(_("Type the amount in rupiah, digits only."))
        amount = int(digits)
        if amount < minimum:
            raise FieldError(_("The amount must be at least {amount}.").format(amount=money(minimum)))
        if maximum is not None and amount > maximum:
            raise FieldError(_("The amount can be at most {amount}.").format(amount=money(maximum)))
        return amount, money(amount)

    return Typed(key, question, L("Amount"), parse, max_length=15, prefix="Rp", **common)


DATE_EXAMPLE = date(2026, 11, 5)  # a day below 10, so that the example shows its leading zero


def date_example() -> str:
    """"05112026 for 5 November 2026": the hint of every date field."""
    return _("{digits} for {date}").format(digits=f"{DATE_EXAMPLE:%d%m%Y}", date=long_date(DATE_EXAMPLE))


def date_digits(text: str, today: date) -> date:
    """A date typed as exactly 8 digits, day month year: `05112026` is 5 November 2026."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        raise FieldError(_("Type the date as 8 digits: day, month, year. Example: {example}.").format(
            example=date_example()))
    if len(digits) != 8:
        raise FieldError(_("A date has 8 digits: day, month, year. You typed {got} digits. Example: {example}.")
                         .format(got=len(digits), example=date_example()))
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    try:
        typed = date(year, month, day)
    except ValueError:
        raise FieldError(_("{day}-{month}-{year} is not a real date. Check it and type it again.").format(
            day=digits[:2], month=digits[2:4], year=digits[4:])) from None
    if year < 1900:
        raise FieldError(_("The year {year} is too far back. Check it and type it again.").format(year=year))
    return typed


class DateQuestion(Question):
    """A date: "1 Hari ini / 2 Kemarin / 3 Ketik tanggal" (`quick` = day offsets from today), then 8 digits."""

    def __init__(self, key: str, question: Label, *, quick: Sequence[int] = (0, -1), not_after_today: bool = False,
                 not_before_today: bool = False, too_late: Label | None = None, too_early: Label | None = None,
                 **common: Any) -> None:
        super().__init__(key, question, **common)
        self.quick = tuple(quick)
        self.not_after_today = not_after_today
        self.not_before_today = not_before_today
        self.too_late = too_late
        self.too_early = too_early

    def entry(self) -> Entry:
        def parse(ctx: Context, text: str) -> Answer:
            typed = date_digits(text, ctx.today)
            if self.not_after_today and typed > ctx.today:
                raise FieldError(text_of(self.too_late) or _("The date cannot be after today."))
            if self.not_before_today and typed < ctx.today:
                raise FieldError(text_of(self.too_early) or _("The date cannot be before today."))
            return Answer(typed, lambda: long_date(typed), typed=text)

        return Entry(self.question, L("Day, month, year"), parse, max_length=8,
                     example=lambda: _("Type 8 digits: day, month, year. For example {example}.").format(
                         example=date_example()))

    def picks(self, run: WizardRun, ctx: Context, place: _Place, loaded: Any) -> list[_Pick]:
        today = ctx.today
        current = run.store(ctx).get(self.key)
        chosen = current.value if current is not None else None
        days = [today + timedelta(days=offset) for offset in self.quick]
        picks = [
            _Pick(_day_name(offset), hint=lambda day=day: long_date(day),
                  answer=Answer(day, lambda day=day: long_date(day)), current=chosen == day)
            for offset, day in zip(self.quick, days, strict=True)
        ]
        typed = isinstance(chosen, date) and chosen not in days
        picks.append(_Pick(
            L("Type another date"),
            hint=(lambda: long_date(chosen)) if typed else (L("8 digits")),
            open=lambda ctx: _TypedStep(run, self, self.entry(), place.deeper(), ctx),
            current=typed,
        ))
        return picks + self._skip_pick(run, ctx)


def _day_name(offset: int) -> Label:
    names = {0: L("Today"), -1: L("Yesterday"), 1: L("Tomorrow")}
    return names.get(offset, lambda: _("In {days} days").format(days=offset))


# -- the wizard -------------------------------------------------------------------------------------------------------


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
    `payload(ctx, answers) -> dict`, the POST body (composed in the server's language, Indonesian)."""

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
    ) -> None:
        self.kind = kind
        self.title = title
        self.questions = list(questions)
        self.payload = payload
        self.receipt = receipt or Receipt()
        self.lines = list(lines) if lines is not None else [Line(q.summary, q.key) for q in self.questions]
        self.send = send or (L("Send"))
        self.check_note = check_note
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


class WizardRun:
    """One walk through a wizard: shared by its screens; the answers themselves stay in the visit's draft."""

    def __init__(self, wizard: Wizard) -> None:
        self.wizard = wizard
        self.local_ref: str | None = None
        self.submitted_on: date | None = None
        self.readback: list[str] = []
        self.check = _CheckStep(self)
        self.receipt = _ReceiptStep(self)

    @property
    def finished(self) -> bool:
        return self.local_ref is not None

    # -- the draft ---------------------------------------------------------------------------------------------

    def store(self, ctx: Context) -> dict[str, Any]:
        return ctx.visit.draft(self.wizard.kind)

    def answers(self, ctx: Context, *, active_only: bool = False, private: bool = False) -> Answers:
        store = self.store(ctx)
        if not active_only:
            return Answers(store, private=private)
        return Answers(store, {q.key for q in self.active(ctx)}, private=private)

    def active(self, ctx: Context) -> list[Question]:
        answers = Answers(self.store(ctx))
        return [q for q in self.wizard.questions if q.applies(answers)]

    def needs_answer(self, ctx: Context, question: Question) -> bool:
        answers = Answers(self.store(ctx))
        if not question.applies(answers) or question.is_optional(answers):
            return False
        current = self.store(ctx).get(question.key)
        return current is None or current.value is None

    def first_missing(self, ctx: Context) -> Question | None:
        return next((q for q in self.wizard.questions if self.needs_answer(ctx, q)), None)

    def _forget_dependents(self, store: dict[str, Any], key: str) -> None:
        for q in self.wizard.questions:
            if key in q.depends_on and q.key in store:
                del store[q.key]
                self._forget_dependents(store, q.key)

    # -- moving on ---------------------------------------------------------------------------------------------

    def title(self, ctx: Context, question: Question) -> str:
        service = text_of(self.wizard.title)
        active = self.active(ctx)
        if question not in active:
            return service
        # No "of M": how many questions apply depends on answers not given yet, and M must never change midway.
        return _("{service} · step {step}").format(service=service, step=active.index(question) + 1)

    def first_step(self, ctx: Context) -> Step:
        active = self.active(ctx)
        if not active:
            return self.check
        return active[0].first_step(self, ctx, FORWARD)

    def commit(self, ctx: Context, question: Question, answer: Answer, place: _Place) -> Step | Nav:
        """Keep an answer and go on: the next question, the check screen, or back to it after a change."""
        if self.finished:
            return self.receipt
        store = self.store(ctx)
        before = store.get(question.key)
        store[question.key] = answer
        if before is None or before.value != answer.value:
            self._forget_dependents(store, question.key)
        if question.remember and answer.value is not None:
            ctx.visit.remember(question.remember, answer.value)
        sending.changed(ctx)  # screens below (the check screen) show the new answer when we return to them
        return self.next_step(ctx, question, place)

    def next_step(self, ctx: Context, question: Question, place: _Place) -> Step | Nav:
        questions = self.wizard.questions
        answers = self.answers(ctx)
        later = questions[questions.index(question) + 1:]
        if place.edit is None:
            following = next((q for q in later if q.applies(answers)), None)
            return following.first_step(self, ctx, FORWARD) if following is not None else self.check
        following = next((q for q in later if q.key in place.edit and q.applies(answers)), None)
        if following is not None:
            return following.first_step(self, ctx, place.deeper())
        missing = self.first_missing(ctx)
        if missing is not None:
            return missing.first_step(self, ctx, _Place((*place.edit, missing.key), place.depth + 1))
        return BACK if place.depth <= 1 else self.check

    def change(self, ctx: Context, line: Line) -> Step | None:
        """From the check screen: the first question of a line, to be answered again."""
        answers = self.answers(ctx)
        for q in self.wizard.questions:
            if q.key in line.keys and q.applies(answers):
                return q.first_step(self, ctx, _Place(line.keys, 1))
        return None

    # -- the check screen ------------------------------------------------------------------------------------------

    def check_lines(self, ctx: Context, *, private: bool = False) -> list[tuple[Line, str]]:
        """Each visible line of the check screen with its text, in full: "Lokasi: Desa Tapos, Kecamatan Tigaraksa".

        `private`: as kept after sending (receipt, outbox), with the NIK and phone masked.
        """
        store = self.store(ctx)
        answers = Answers(store, private=private)
        shown = []
        for line in self.wizard.lines:
            questions = [q for q in self.wizard.questions if q.key in line.keys and q.applies(answers)]
            if not questions:
                continue
            if any(self.needs_answer(ctx, q) for q in questions):
                value = _("not answered yet")
            elif line.show is not None:
                value = line.show(self.answers(ctx, active_only=True, private=private))
            else:
                value = ", ".join(answers.label(q.key) if q.key in store else _("Not given") for q in questions)
            shown.append((line, f"{text_of(line.label)}: {value}"))
        return shown

    async def submit(self, ctx: Context) -> Step:
        """Put the submission in the outbox (committed before anything is confirmed), then the receipt."""
        if self.finished:
            return self.receipt
        missing = self.first_missing(ctx)
        if missing is not None:
            return missing.first_step(self, ctx, _Place((missing.key,), 1))
        readback = [text for _line, text in self.check_lines(ctx, private=True)]
        payload = self.wizard.payload(ctx, self.answers(ctx, active_only=True))
        try:
            entry = await sending.sender_of(ctx).submit(self.wizard.kind, payload,
                                                        assisted=bool(ctx.services.get("assisted")))
        except (OSError, sqlite3.Error, ValueError, TypeError) as problem:
            log.error("could not save a %s submission: %s", self.wizard.kind, type(problem).__name__)
            return Notice(
                title=lambda: text_of(self.wizard.title),
                body=lambda ctx: [_("Your answers could not be saved on this kiosk, so nothing was sent."),
                                  _("Your answers are kept. Please ask the officer at the counter for help.")],
            )
        self.local_ref = entry.local_ref
        self.submitted_on = ctx.today
        self.readback = readback
        ctx.visit.drafts.pop(self.wizard.kind, None)
        ctx.visit.last_receipts.append(entry.local_ref)
        sending.changed(ctx)  # the screens below now say "already saved"
        return self.receipt

    def finished_view(self, ctx: Context) -> View:
        """What every screen of a sent wizard shows (when the citizen goes back after sending)."""
        return View(
            title=text_of(self.wizard.title),
            question=self._saved_line(ctx),
            options=number_options([
                Option(_("See the receipt"), lambda ctx: self.receipt),
                Option(_("Finish"), lambda ctx: END),
            ]),
            keys=standard_keys(),
        )

    def _saved_line(self, ctx: Context) -> str:
        status, official = self.status(ctx)
        if status == "sent" and official:
            return _("This is sent. Your number: {number}.").format(number=official)
        return _("This is saved. Code of this kiosk (while waiting): {ref}.").format(ref=self.local_ref)

    # -- the receipt -----------------------------------------------------------------------------------------------

    def status(self, ctx: Context) -> tuple[str, str | None]:
        summary = sending.status_of(ctx, self.local_ref) if self.local_ref else None
        if summary is None:
            return "pending", None
        return summary.status, summary.official_ref

    def next_steps(self, ctx: Context) -> list[str]:
        plan = self.wizard.receipt.next_steps
        return list(plan(ctx, self.submitted_on or ctx.today)) if plan else []

    def receipt_text(self, ctx: Context) -> str:
        """The printed receipt: plain text, no full NIK or phone (the check lines are already masked)."""
        status, official = self.status(ctx)
        rule = "-" * 40
        lines = [
            "TANGERANG GEMILANG",
            text_of(self.wizard.title),
            _("Receipt"),
            rule,
            _("Date: {date}").format(date=long_date(self.submitted_on or ctx.today)),
            _("Receipt code: {ref}").format(ref=self.local_ref),
        ]
        if status == "sent" and official:
            lines.append(f"{text_of(self.wizard.receipt.official) or _('Official number:')} {official}")
            lines.append(_("Status: sent"))
        else:
            lines.append(_("Status: saved on this kiosk, to be sent"))
        lines += [rule, *self.readback, rule, *self.next_steps(ctx)]
        return "\n".join(lines) + "\n"

    def receipt_doc(self, ctx: Context) -> Any:  # a printing.ReceiptDoc (imported when printing)
        """The paper receipt: the number to keep, when (WIB), the masked NIK, what happens next, where to check."""
        from gemilang_tui.domain.nik import mask_nik
        from gemilang_tui.printing import ReceiptDoc, in_wib
        from gemilang_tui.printing.wording import where_to_check

        status, official = self.status(ctx)
        sent = status == "sent" and bool(official)
        summary = sending.status_of(ctx, self.local_ref) if self.local_ref else None
        remembered = ctx.visit.recall("nik") if any(q.remember == "nik" for q in self.wizard.questions) else None
        nik = mask_nik(str(remembered)) if remembered else None
        return ReceiptDoc(
            service=text_of(self.wizard.title),
            number=(official if sent else self.local_ref) or "",
            number_label=(text_of(self.wizard.receipt.official) or _("Official number:")) if sent
            else _("Your receipt code:"),
            when=in_wib(summary.created_at if summary else None, pinned=ctx.settings.today),
            masked_nik=nik if nik and any(nik in line for line in self.readback) else None,
            next_steps=self.next_steps(ctx),
            where_to_check=where_to_check(self.wizard.kind, ctx.services.get("catalogue")) + (
                "\n" + _("Type {digits}.").format(digits=number_to_keep(official or "")) if sent else ""),
            status=_("Status: sent") if sent else _("Status: saved on this kiosk, to be sent"),
            code=self.local_ref or "",
        )

    async def print_receipt(self, ctx: Context) -> Step:
        """Print at once when the kiosk has a printer; always keep a private copy (data_dir/receipts/, 0600) from
        which the attendant can print it again."""
        from gemilang_tui.printing import print_receipt_async, save_copy

        doc = self.receipt_doc(ctx)
        title = lambda: text_of(self.wizard.title)  # noqa: E731
        finish = lambda ctx: [Option(_("Finish"), lambda ctx: END)]  # noqa: E731
        try:
            await asyncio.to_thread(save_copy, ctx.settings.data_dir, doc.code or doc.number,
                                    self.receipt_text(ctx), doc)
        except OSError as problem:
            log.error("could not write a receipt: %s", type(problem).__name__)
            if ctx.settings.printer is None:
                return Notice(title, lambda ctx: [
                    _("The receipt cannot be printed now."),
                    _("Please write down your receipt code: {ref}.").format(ref=self.local_ref)])
        if ctx.settings.printer is None:
            return Notice(title, lambda ctx: [
                _("Your receipt is saved for the officer to print."),
                _("Write down your number; the officer can print it later."),
                f"{doc.number_label} {doc.number}",
            ], options=finish)
        outcome = await print_receipt_async(ctx.settings, doc)
        if outcome.ok:
            return Notice(title, lambda ctx: [outcome.message()], options=finish)
        return Notice(title, lambda ctx: [
            outcome.message(),
            _("Write down your number; the officer can print it later."),
            f"{doc.number_label} {doc.number}",
        ], options=lambda ctx: [Option(_("Try printing again"), self.print_receipt),
                                Option(_("Back to the receipt"), lambda ctx: BACK), *finish(ctx)])


# -- the steps the screens render ----------------------------------------------------------------------------------


class _ChooseStep(Step):
    """A question answered by a number: its picks, paged by 7 when there are more than 9."""

    def __init__(self, run: WizardRun, question: Question, place: _Place) -> None:
        self.run = run
        self.question = question
        self.place = place
        self.loads = question.fetches
        self.loaded: Any = None
        self.page_number: int | None = None

    async def load(self, ctx: Context) -> None:
        if self.question.fetches and self.loaded is None:
            self.loaded = await self.question.load(ctx, self.run.answers(ctx))
            if not self._picks(ctx):  # the server listed nothing to choose from: "try again", not a defect of ours
                self.loaded = None
                raise ApiBadResponse(f"no choices came for {self.question.key}")

    def _picks(self, ctx: Context) -> list[_Pick]:
        try:
            return self.question.picks(self.run, ctx, self.place, self.loaded)
        except (KeyError, LookupError, AttributeError, TypeError):  # an earlier answer it needs is gone
            return []

    def _then(self, pick: _Pick) -> Callable[[Context], Any]:
        if pick.answer is not None:
            answer = pick.answer
            return lambda ctx: self.run.commit(ctx, self.question, answer, self.place)
        assert pick.open is not None
        return pick.open

    def _option(self, pick: _Pick) -> Option:
        hint = text_of(pick.hint)
        if pick.current:
            hint = f"{hint} · {_('✓ your answer')}" if hint else _("✓ your answer")
        return Option(text_of(pick.label), self._then(pick), hint=hint)

    def page_count(self, picks: list[_Pick]) -> int:
        return 1 if len(picks) <= MAX_OPTIONS else math.ceil(len(picks) / PAGE_SIZE)

    def turn_page(self, delta: int) -> bool:
        pages = getattr(self, "_pages", 1)
        if self.page_number is None or pages <= 1:
            return False
        self.page_number = wrap_page(self.page_number, delta, pages)
        return True

    def view(self, ctx: Context) -> View:
        if self.run.finished:
            return self.run.finished_view(ctx)
        picks = self._picks(ctx)
        if not picks and not (self.question.fetches and self.loaded is None):  # before its load it has none yet
            log.error("question %s of %s has no choices to show", self.question.key, self.run.wizard.kind)
            raise LookupError(f"no choices for {self.question.key}")  # the screen's calm "something went wrong"
        pages = self._pages = self.page_count(picks)
        page = ""
        if pages == 1:
            options = number_options([self._option(pick) for pick in picks])
        else:
            if self.page_number is None:
                current = next((index for index, pick in enumerate(picks) if pick.current), 0)
                self.page_number = current // PAGE_SIZE + 1
            self.page_number = min(max(1, self.page_number), pages)
            start = (self.page_number - 1) * PAGE_SIZE
            options = number_options([self._option(pick) for pick in picks[start:start + PAGE_SIZE]])
            options.append(next_page_option())
            page = _("Page {page} of {pages}").format(page=self.page_number, pages=pages)
        answers = self.run.answers(ctx)
        return View(
            title=self.run.title(ctx, self.question),
            question=text_of(self.question.question),
            body=self.question.lines(ctx, answers),
            options=options,
            page=page,
            pages=pages > 1,
            keys=standard_keys(),
        )


class _TypedStep(Ask):
    """The typing screen of a question (digits on the keypad, or words for those who can type)."""

    def __init__(self, run: WizardRun, question: Question, entry: Entry, place: _Place, ctx: Context,
                 initial: str = "") -> None:
        super().__init__(
            title=lambda: text_of(run.wizard.title),
            question=lambda: text_of(entry.question),
            label=lambda: text_of(entry.label),
            parse=lambda text: entry.parse(ctx, text),
            then=lambda ctx, answer: run.commit(ctx, question, answer, place),
            digits_only=entry.digits_only,
            max_length=entry.max_length,
            prefix=entry.prefix,
            hint=(lambda: text_of(entry.example)) if entry.example is not None else None,
            initial=initial,
        )
        self.run = run
        self.question = question
        self.place = place

    @property
    def typing(self) -> bool:  # type: ignore[override]
        return not self.run.finished and not self.reviewing

    def readback(self) -> str:
        try:
            return self._parse(self.value).text
        except FieldError:
            return super().readback()

    def view(self, ctx: Context) -> View:
        if self.run.finished:
            return self.run.finished_view(ctx)
        view = super().view(ctx)
        view.title = self.run.title(ctx, self.question)
        notes = self.question.lines(ctx, self.run.answers(ctx))
        view.body = [*notes, *view.body]
        return view


class _CheckStep(Step):
    """Check your answers: every answer in full, "1 Benar, kirim" on every form, "2 Ubah jawaban" to pick one."""

    def __init__(self, run: WizardRun) -> None:
        self.run = run
        self.changing = False  # showing "which answer do you want to change?" on the same screen

    def back(self) -> bool:
        if self.changing:
            self.changing = False
            return True
        return False

    def left_forward(self) -> None:
        self.changing = False

    def view(self, ctx: Context) -> View:
        run = self.run
        if run.finished:
            return run.finished_view(ctx)
        service = text_of(run.wizard.title)
        lines = run.check_lines(ctx)
        if self.changing:
            return View(
                title=_("{service} · change an answer").format(service=service),
                question=_("Which answer do you want to change? Press its number."),
                options=number_options([Option(text_of(line.label), self._change(line), hint=_short(text.split(
                    ": ", 1)[-1], 40)) for line, text in lines]),
                keys=standard_keys(),
            )
        note = [text_of(run.wizard.check_note)] if run.wizard.check_note is not None else []
        return View(
            title=_("{service} · check your answers").format(service=service),
            question=_("Read your answers. Is everything right?"),
            body=["\n".join(f"• {text}" for _line, text in lines), *note],
            options=[
                Option(_("Yes, it is right: send"), run.submit, number=CONFIRM_NUMBER),
                Option(_("Change an answer"), self._start_changing, number=CHANGE_NUMBER),
            ],
            scrollable=True,
            keys=standard_keys(),
        )

    def _start_changing(self, ctx: Context) -> None:
        self.changing = True

    def _change(self, line: Line) -> Callable[[Context], Step | None]:
        return lambda ctx: self.run.change(ctx, line)


def number_to_keep(official: str) -> str:
    """Every digit of an official number: what the receipt shows in big type and what Cek Status takes
    (`PPID-2026-0042` → `20260042`, `AK1-2026-00001` → `1202600001`, `2611007` → `2611007`)."""
    return digits_of(official)


class _ReceiptStep(Step):
    """After sending: "Tersimpan" while waiting (with the kiosk's code), then the official number in big digits."""

    def __init__(self, run: WizardRun) -> None:
        self.run = run

    def view(self, ctx: Context) -> View:
        run = self.run
        status, official = run.status(ctx)
        plan = run.next_steps(ctx)
        next_lines = ["\n".join([_("What happens next:"), *(f"• {line}" for line in plan)])] if plan else []
        big = ""
        if status == "sent" and official:
            question = _("Sent. It has been received. Keep this number:")
            official_label = text_of(run.wizard.receipt.official) or _("Official number:")
            big = number_to_keep(official)
            from gemilang_tui.printing.wording import where_to_check

            where = where_to_check(run.wizard.kind, ctx.services.get("catalogue")).replace("\n", " ") + " " + _(
                "Type {digits}.").format(digits=big)
            body = [f"{official_label} {official}", *next_lines, where]
        elif status == "failed":
            question = _("Saved on this kiosk, but not accepted yet.")
            body = [_("Code of this kiosk (while waiting): {ref}").format(ref=run.local_ref),
                    _("An officer will check it. Show this code to the officer at the counter.")]
        else:
            question = _("Saved on this kiosk. It will be sent automatically.")
            body = [_("Code of this kiosk (while waiting): {ref}").format(ref=run.local_ref) + "\n"
                    + _("The official number to keep appears here once it has been received. "
                        "You do not need to wait for it."), *next_lines]
        return View(
            title=_("{service} · receipt").format(service=text_of(run.wizard.title)),
            question=question,
            body=body,
            big=big,
            options=number_options([
                Option(_("Print the receipt"), run.print_receipt, hint="" if ctx.settings.printer else _(
                    "no printer here: write your number down; the officer can print it later")),
                Option(_("Finish"), lambda ctx: END),
            ]),
            keys=standard_keys(),
        )
