"""Every service and every form meets each kind of fault: the first screens of each Menu Utama entry at 80×24.

On each screen: the kiosk still runs its own screen, nothing was logged at ERROR (a traceback), what shows is plain
Indonesian with no English, no HTTP, JSON or HTML, a failure says how to go on (try again, or back), and an answer
typed before the failure is kept in its field.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

import pytest

from gemilang_tui.catalog import bundled_catalogue
from gemilang_tui.flow import Ask
from gemilang_tui.mockapi.faults import parse_plan
from gemilang_tui.screens.step import StepScreen
from tests.conftest import kiosk, press, screen_text
from tests.functional.test_i18n import _leaks
from tests.functional.test_key_rules import STATUS_NUMBERS, _answers_for

KINDS = ["latency=300ms", "error", "drop", "truncate", "html", "schema", "huge", "empty"]
TECHNICAL = re.compile(r"Traceback|Exception|Error\b|HTTP|JSON|<html|<!DOCTYPE|\bnull\b|\bNone\b|12345")


def _entries() -> list[tuple[str, ...]]:
    """The keys from the Menu Utama to each service, in the bundled catalogue's order."""
    catalogue = bundled_catalogue()
    groups = {group.kode: str(group.nomor) for group in catalogue.groups}
    return [((groups[entry.grup],) if entry.grup else ()) + (str(entry.nomor),) for entry in catalogue.services]


@dataclass
class Tally:
    screens: int = 0
    failures_shown: int = 0
    typed_kept: int = 0
    problems: list[str] = field(default_factory=list)


def _check(app, tally: Tally, where: str) -> None:
    tally.screens += 1
    shown = screen_text(app)
    flat = " ".join(shown.split())
    if app.return_code is not None or not app.is_running:
        tally.problems.append(f"{where}: the kiosk exited")
        return
    screen = app.screen
    if not isinstance(screen, StepScreen):
        tally.problems.append(f"{where}: not one of our screens ({type(screen).__name__})")
        return
    if leaks := _leaks(shown):
        tally.problems.append(f"{where}: English on an Indonesian screen {leaks}")
    if found := TECHNICAL.search(flat):
        tally.problems.append(f"{where}: technical text {found.group()!r} shown:\n{shown}")
    if screen.failure:
        tally.failures_shown += 1
        if "coba lagi" not in flat.lower() and "kembali" not in flat.lower():
            tally.problems.append(f"{where}: a failure with no way on:\n{shown}")
    if "Kembali" not in flat and "Menu Utama" not in flat:
        tally.problems.append(f"{where}: no way back shown:\n{shown}")


async def _first_screens(app, pilot, keys: tuple[str, ...], tally: Tally) -> None:
    where = "/".join(keys)
    await press(pilot, "home", *keys)
    _check(app, tally, where)
    screen = app.screen
    step = screen.step
    if screen.failure:
        await press(pilot, "1")  # try again: the fault may or may not strike again
        _check(app, tally, where + "/coba-lagi")
        return
    if isinstance(step, Ask) and step.typing and not step.masked:
        view = screen.current_view()
        answers = _answers_for(view) + (STATUS_NUMBERS[:1] if step.digits_only else [])
        if not answers:
            return
        for char in answers[0]:
            await press(pilot, {" ": "space", ".": "full_stop"}.get(char, char))
        typed = step.value
        await press(pilot, "enter")
        _check(app, tally, where + "/jawab")
        if app.screen is screen and screen.failure:
            if step.value != typed:
                tally.problems.append(f"{where}: the answer {typed!r} was lost after a failure ({step.value!r})")
            else:
                tally.typed_kept += 1
        return
    view = screen.current_view()
    first = next((option for option in view.options if option.number == 1 and option.then is not None), None)
    if first is not None:
        await press(pilot, "1")
        _check(app, tally, where + "/1")


@pytest.mark.parametrize("kind", KINDS)
async def test_every_service_under_each_fault(settings, kind, caplog):
    caplog.set_level(logging.ERROR)
    tally = Tally()
    entries = _entries()
    async with kiosk(replace(settings, mock_faults=parse_plan(f"{kind}, seed=1"))) as (app, pilot):
        await press(pilot, "1")
        for keys in entries:
            await _first_screens(app, pilot, keys, tally)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    print(f"\n{kind}: {len(entries)} services, {tally.screens} screens checked, {tally.failures_shown} failures "
          f"shown, {tally.typed_kept} typed answers kept")
    assert errors == []
    assert tally.problems == [], "\n".join(tally.problems)
    assert tally.screens >= len(entries)
