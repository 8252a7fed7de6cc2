"""A seeded monkey: random keys, text, pastes and resizes against the embedded mock with random faults on.

Passes when, after every key, the kiosk still runs one of its own screens, has logged nothing at ERROR and has never
exited: anything that ends the process is behind the attendant PIN, which a monkey cannot type.

CI runs 1,000 keys. A long run:
`GEMILANG_MONKEY_KEYS=100000 GEMILANG_MONKEY_SEED=7 pytest tests/functional/test_monkey.py`
(read when the tests are collected: the suite's fixtures clear GEMILANG_* before each test).
"""

from __future__ import annotations

import logging
import os
import random
import string
from dataclasses import replace

from textual import events

from gemilang_tui.attendant import hash_pin
from gemilang_tui.mockapi.faults import parse_plan
from gemilang_tui.screens.step import StepScreen
from tests.conftest import kiosk, screen_text

KEYS = int(os.environ.get("GEMILANG_MONKEY_KEYS", "1000"))
SEED = int(os.environ.get("GEMILANG_MONKEY_SEED", "2026"))
PIN = "73910462"  # eight digits: a monkey pressing at random will not type it
FAULTS = ("latency=200ms@0.2, error@0.08, drop@0.04, truncate@0.04, html@0.04, schema@0.04, huge@0.02, "
          "empty@0.04")

DIGITS = list("0123456789")
KIOSK_KEYS = ["enter", "escape", "asterisk", "slash", "plus", "minus", "full_stop", "backspace"]
MOVES = ["up", "down", "left", "right", "pageup", "pagedown", "home", "end", "tab", "shift+tab", "space"]
CONTROL = [f"ctrl+{c}" for c in "abcdefghijklmnopqrstuvwxyz"] + [f"alt+{c}" for c in "abcdefxyz"] + [
    f"f{n}" for n in range(1, 13)] + ["ctrl+backslash", "ctrl+left", "ctrl+home", "shift+f5", "alt+f4", "insert",
                                      "delete", "ctrl+shift+v", "ctrl+enter"]
PASTES = ["3603284508710003", "Jalan rusak di depan sekolah", "  ", "<script>alert(1)</script>", "0" * 300,
          "é ü 你好 🙂", "\x1b[31mmerah\x1b[0m", "line one\nline two\n", "DROP TABLE; --"]
SIZES = [(80, 24), (60, 16), (120, 40), (40, 12), (200, 50), (80, 24)]


def _actions(rng: random.Random, count: int):
    """The monkey's hand: mostly digits and the kiosk's own keys, with text, controls, pastes and resizes."""
    for _ in range(count):
        roll = rng.random()
        if roll < 0.40:
            yield "key", rng.choice(DIGITS)
        elif roll < 0.62:
            yield "key", rng.choice(KIOSK_KEYS)
        elif roll < 0.72:
            yield "key", rng.choice(MOVES)
        elif roll < 0.84:
            yield "key", rng.choice(string.ascii_letters + "-_@.,")
        elif roll < 0.95:
            yield "key", rng.choice(CONTROL)
        elif roll < 0.98:
            yield "paste", rng.choice(PASTES)
        else:
            yield "resize", rng.choice(SIZES)


async def test_the_monkey_never_takes_the_kiosk_down(settings, caplog):
    caplog.set_level(logging.ERROR)
    settings = replace(settings, attendant_pin_hash=hash_pin(PIN, iterations=1000),
                       mock_faults=parse_plan(f"{FAULTS}, seed={SEED}"))
    rng = random.Random(SEED)
    done: list[str] = []
    async with kiosk(settings) as (app, pilot):
        for index, (kind, what) in enumerate(_actions(rng, KEYS)):
            if kind == "key":
                await pilot.press(what)
            elif kind == "paste":
                app.screen.post_message(events.Paste(what))
                await pilot.pause()
            else:
                await pilot.resize_terminal(*what)
                await pilot.pause()
            done.append(f"{kind}:{what!r}")
            errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
            where = f"after {index + 1} actions (seed {SEED}), the last: {done[-8:]}"
            assert app.return_code is None and app.is_running, f"the kiosk exited {where}"
            assert not errors, f"logged at ERROR {where}: {errors[0].getMessage()}\n{screen_text(app)}"
            assert isinstance(app.screen, StepScreen) or type(app.screen).__module__.startswith("gemilang_tui"), (
                f"not one of our screens {where}: {type(app.screen).__name__}")
        met = app.api.mock_app.state.fault_plan.met if app.api.mock_app is not None else {}
        print(f"\nmonkey: {len(done)} actions, seed {SEED}, faults met {dict(sorted(met.items()))}, "
              f"screen now {app.screen.current_view().title!r}")
