"""Walk a journey the way a citizen with a list of wishes would, and count the screens it took.

A journey is a policy, not a key sequence, so the same walk runs against any version of the kiosk: on a choice
screen the first wish (in order) that one of its options holds is pressed (turning pages with + until a page holds
one); on a typing screen the answer for the first matching question is typed. A screen is one step of the flow:
turning its pages or typing into it does not count again. Counted from the first screen after the Menu Utama to
the last one (the receipt or the result), both included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tests.waits import press, type_text

MAX_SCREENS = 40


@dataclass
class Journey:
    name: str
    wishes: Sequence[str]  # option labels to press, most wanted first (a label may hold |-separated alternatives)
    typed: Sequence[tuple[str, str]]  # (words of the question, what to type), first match wins
    done: Callable[[object], bool]  # the app shows the end: a receipt, a result
    avoid: Sequence[str] = ()  # labels never pressed (a wish that would also match them)


@dataclass
class Walked:
    screens: list[str] = field(default_factory=list)  # the title and question of each screen, in order

    @property
    def count(self) -> int:
        return len(self.screens)


def _step(app):
    return getattr(app.screen, "step", None)


def _describe(app) -> str:
    view = app.screen.current_view()
    return f"{view.title} | {view.question}"


def _wanted(label: str, wishes: Sequence[str], avoid: Sequence[str]) -> int | None:
    text = label.lower()
    if any(part.lower() in text for part in avoid):
        return None
    for rank, wish in enumerate(wishes):
        if any(part.lower() in text for part in wish.split("|")):
            return rank
    return None


async def _choose(app, pilot, journey: Journey) -> None:
    for _page in range(12):
        view = app.screen.current_view()
        ranked = [(rank, option.number) for option in view.options if option.number > 0
                  for rank in [_wanted(option.label, journey.wishes, journey.avoid)] if rank is not None]
        if ranked:
            await press(pilot, str(min(ranked)[1]))
            return
        if not view.pages:
            break
        await press(pilot, "plus")
    raise AssertionError(f"{journey.name}: no wished option on {_describe(app)!r}")


async def walk(app, pilot, journey: Journey) -> Walked:
    """From the Menu Utama (shown now) to `journey.done`, counting the screens."""
    walked = Walked()
    seen = {id(_step(app))}
    for _ in range(MAX_SCREENS):
        step = _step(app)
        if id(step) not in seen:
            seen.add(id(step))
            walked.screens.append(_describe(app))
        if journey.done(app):
            return walked
        if getattr(step, "typing", False):
            question = _describe(app).lower()
            answer = next((value for words, value in journey.typed if words.lower() in question), None)
            assert answer is not None, f"{journey.name}: nothing to type on {_describe(app)!r}"
            await type_text(pilot, answer)
            await press(pilot, "enter")
        else:
            await _choose(app, pilot, journey)
        assert _step(app) is not step or journey.done(app), f"{journey.name}: stuck on {_describe(app)!r}"
    raise AssertionError(f"{journey.name}: more than {MAX_SCREENS} screens: {walked.screens}")
