"""The rules of the keys, checked on every screen a citizen can reach, not on one example each.

A crawler starts at the Menu Utama and opens every option of every menu (the first item of each list, every page
turned once), answers every question with a valid answer, walks every form to its receipt, and on each screen checks:

- a screen is a choice or a typing screen, never both;
- on a digits field every digit key, 0 included, types that digit and nothing else, and a key beyond the field's
  length is refused with a message on screen;
- the back key `-` leaves every screen (one step), and pressing it again and again never lands in a field that a
  further digit would extend;
- every option of a screen is in sight at 80x24 and at 60x16; the bottom line lists only keys that work there;
- every check page confirms with "1 Benar, kirim".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from gemilang_tui.flow import Ask, View
from gemilang_tui.i18n import _
from gemilang_tui.wizard import WizardRun
from tests.conftest import kiosk, press, screen_text, wait_for

DIGITS = "0123456789"
ANSWERS = [  # (words in the field's label or question, an answer that is valid there), first match wins
    (("nop",), "360303001300501170"),
    (("nik",), ["3603284508710003", "3603281203850002"]),
    (("hp", "telepon", "ponsel", "nomor hp"), "081234567890"),
    (("tanggal", "hari, bulan"), "05112026"),
    (("harga transaksi",), "415000000"),
    (("njop", "rupiah", "jumlah"), "380000000"),
    (("tiket",), "2611001"),
    (("email", "surel"), "ahmad_01@contoh.id"),
    (("nama",), "Siti Aminah"),
    (("pin",), None),
]
WORDS = "Jalan rusak di depan sekolah dasar"
STATUS_NUMBERS = ["20260042", "202600077", "2026000123", "180007", "2611001"]
USUAL, SMALL = (80, 24), (60, 16)  # every screen is checked on a usual and on a small terminal


@dataclass
class Walk:
    screens: int = 0
    digit_fields: int = 0
    word_fields: int = 0
    forms_sent: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seen_titles: set[str] = field(default_factory=set)

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")


def _view(app) -> View:
    return app.screen.current_view()


def _where(app) -> str:
    view = _view(app)
    return f"{view.title!r} ({type(app.screen.step).__name__})"


async def _check_screen_at_sizes(app, pilot, walk: Walk) -> None:
    """The rules every screen keeps, on the usual terminal and on the small one (one crawl serves both)."""
    _check_screen(app, walk)
    for size in (SMALL, USUAL):
        await pilot.resize_terminal(*size)
        await wait_for(pilot, lambda size=size: tuple(app.screen.size) == size, f"the screen took the size {size}")
        if size == SMALL:
            _check_screen(app, walk)


def _check_screen(app, walk: Walk) -> None:
    """The rules every screen keeps, whatever it is."""
    walk.screens += 1
    screen = app.screen
    view = _view(app)
    where = _where(app)
    if view.prompt is not None and view.options:
        walk.problem(where, "a field and numbered options on one screen")
    shown = screen_text(app)
    for option in view.options:
        line = f"{option.shown_key}  {option.label[:12]}"
        if line not in shown:
            walk.problem(where, f"option {option.shown_key} {option.label!r} is not in sight at {app.size}")
    shown_view = app.last_view if app.last_view is not None else view
    legend = " ".join(hint.key for hint in shown_view.keys)
    typing = screen.step.typing and not screen.loading and not screen.failure
    if typing and "0" in legend.split():
        walk.problem(where, "the legend offers 0 on a typing screen")
    if not app.can_go_back(screen):
        return
    if not typing and view.options and "0" not in legend.split():
        walk.problem(where, "the legend of a choice screen does not say 0 goes back")
    if "-" not in legend.split() and "Esc" not in legend.split():
        walk.problem(where, "the legend does not say how to go back")


def _answers_for(view: View) -> list[str]:
    assert view.prompt is not None
    words = f"{view.prompt.label} {view.question}".lower()
    for keys, answer in ANSWERS:
        if any(key in words for key in keys):
            return answer if isinstance(answer, list) else [answer] if answer else []
    return [] if view.prompt.digits_only else [WORDS]


async def _check_digits_field(app, pilot, walk: Walk) -> None:
    """Every digit types itself; one too many is refused out loud; `.` deletes."""
    screen, step = app.screen, app.screen.step
    assert isinstance(step, Ask)
    where = _where(app)
    walk.digit_fields += 1
    while step.value:
        await press(pilot, "full_stop")
    for digit in DIGITS[: step.max_length]:
        before = step.value
        await press(pilot, digit)
        if app.screen is not screen:
            walk.problem(where, f"the digit {digit} left the field")
            return
        if step.value != before + digit:
            walk.problem(where, f"the digit {digit} did not type itself (field shows {step.value!r})")
    while len(step.value) < step.max_length:
        await press(pilot, "1")
    await press(pilot, "2")
    if len(step.value) != step.max_length or not step.error:
        walk.problem(where, f"a key beyond {step.max_length} characters was not refused with a message")
    elif step.error not in screen_text(app).replace("\n", " ") and step.error[:30] not in screen_text(app):
        walk.problem(where, "the refusal is not shown on screen")
    while step.value:
        await press(pilot, "full_stop")


async def _answer_field(app, pilot, walk: Walk) -> bool:
    """Type a valid answer and press Enter; True when the kiosk went on to another screen."""
    screen, view = app.screen, _view(app)
    step = screen.step
    candidates = _answers_for(view)
    if step.digits_only:
        candidates += STATUS_NUMBERS
    for answer in candidates:
        while step.value:
            await press(pilot, "backspace")
        for char in answer:
            await press(pilot, char if char not in " ." else {" ": "space", ".": "full_stop"}[char])
        await press(pilot, "enter")
        if app.screen is not screen or screen.failure:
            return app.screen is not screen
    return False


async def _back_from(app, pilot, walk: Walk, screen) -> None:
    """Press `-` until `screen` is on top again: each press leaves one screen and never lands in a filled field."""
    for _attempt in range(40):
        if app.screen is screen:
            return
        depth = len(app.screen_stack)
        top = app.screen
        await press(pilot, "minus")
        if app.screen is top and len(app.screen_stack) == depth:
            if getattr(top.step, "changing", False) is False:  # a mode of the same screen may close first
                walk.problem(_where(app), "the back key did not leave the screen")
                return
            continue
        step = app.screen.step
        if isinstance(step, Ask) and step.typing and step.digits_only and step.value:
            walk.problem(_where(app), f"going back landed in a field holding {step.value!r}")
    walk.problem(_where(app), "could not walk back")


def _is_form_step(step) -> bool:
    return isinstance(getattr(step, "run", None), WizardRun)


async def _walk_form(app, pilot, walk: Walk) -> None:
    """From a form's first question to its receipt, choosing 1 and typing valid answers; checked on every screen."""
    previous = None
    for _step in range(40):
        await _check_screen_at_sizes(app, pilot, walk)
        step, view = app.screen.step, _view(app)
        if not _is_form_step(step):  # the form ended early on purpose (documents missing, cannot donate today)
            return
        run = getattr(step, "run", None)
        if run is not None and step is run.check:
            confirm = next((option for option in view.options if option.number == 1), None)
            if confirm is None or confirm.label != _("Yes, it is right: send"):
                walk.problem(_where(app), "the check page does not confirm with 1 Benar, kirim")
            await press(pilot, "1")
            continue
        if run is not None and step is run.receipt:
            walk.forms_sent.append(run.wizard.kind)
            return
        if isinstance(step, Ask) and step.typing:
            if step.digits_only:
                await _check_digits_field(app, pilot, walk)
            else:
                walk.word_fields += 1
            if not await _answer_field(app, pilot, walk):
                shown = _view(app)
                walk.problem(_where(app), f"no valid answer known for the field {shown.prompt and shown.prompt.label!r}"
                             f" ({shown.question!r}; {shown.error!r})")
                return
            continue
        if not view.options:
            walk.problem(_where(app), "a form screen with no way on")
            return
        numbers = [option.number for option in view.options if option.number > 0]
        # A question that stays after 1 (a list to tick several from) goes on by its last option ("Sudah, lanjut").
        await press(pilot, str(numbers[-1] if step is previous else numbers[0]))
        previous = step
    walk.problem(_where(app), "the form did not end in a receipt")


async def _explore(app, pilot, walk: Walk, depth: int) -> None:
    screen = app.screen
    if screen.failure:
        return
    await _check_screen_at_sizes(app, pilot, walk)
    step, view = screen.step, _view(app)
    if _is_form_step(step):
        await _walk_form(app, pilot, walk)
        await _back_from(app, pilot, walk, screen)
        return
    if isinstance(step, Ask) and step.typing:
        if step.masked:
            return
        if step.digits_only:
            await _check_digits_field(app, pilot, walk)
        if await _answer_field(app, pilot, walk) and depth > 0:
            await _explore(app, pilot, walk, depth - 1)
        await _back_from(app, pilot, walk, screen)
        return
    if depth == 0:
        return
    numbers = [option.number for option in view.options if option.number > 0 and option.then is not None
               and option.label not in (_("Finish"),)]
    if view.pages or type(step).__name__ == "PagedList":
        numbers = numbers[:1]
    if view.title in walk.seen_titles and not _is_form_step(step):
        numbers = numbers[:1]
    walk.seen_titles.add(view.title)
    for number in numbers:
        await press(pilot, str(number))
        if app.screen is not screen:
            await _explore(app, pilot, walk, depth - 1)
            await _back_from(app, pilot, walk, screen)
        if app.screen is not screen:
            return


@pytest.mark.parametrize("top", range(1, 10))
async def test_every_screen_keeps_the_key_rules(settings, top):
    """Every screen under one entry of the Menu Utama, down to every form's receipt, on a usual and a small
    terminal."""
    walk = Walk()
    async with kiosk(settings, size=USUAL) as (app, pilot):
        await press(pilot, "1", str(top))
        await _explore(app, pilot, walk, depth=7)
    print(f"menu {top}: {walk.screens} screens, {walk.digit_fields} digit fields, {walk.word_fields} word fields, "
          f"forms sent: {walk.forms_sent}")
    assert walk.screens > 1
    assert walk.problems == [], "\n".join(walk.problems)
