"""A large kiosk screen used well (200×50): title, text, options and the key line in one centred column; the options
follow the text instead of sitting far below it; big digits grow with the screen. Walked over the screens of every
Menu Utama service, not one example."""

from __future__ import annotations

import re

import pytest

from tests.conftest import kiosk, press, screen_text, settle, type_text

LARGE = (200, 50)
MOST_BLANK_LINES_BEFORE_OPTIONS = 3


def _left_edge(line: str) -> int:
    return len(line) - len(line.lstrip())


def _column_holds(shown: str) -> None:
    """Every line drawn starts inside the one centred column, and the options follow the text."""
    lines = shown.splitlines()
    drawn = [(row, line) for row, line in enumerate(lines) if line.strip()]
    edges = {_left_edge(line) for _row, line in drawn}
    # The column is 112 wide in a 200-wide screen: everything starts at its text edge (44 + 4), or one to the right
    # where a one-digit number stands in its two-wide number column.
    assert min(edges) >= 44, shown
    option_rows = [row for row, line in drawn if re.match(r"^\s*\d\s{2}\S", line)]
    legend_row = next(row for row, line in drawn if "Bantuan" in line and ("Kembali" in line or "Menu" in line))
    assert abs(_left_edge(lines[legend_row]) - _left_edge(lines[drawn[0][0]])) <= 1, shown
    if option_rows:
        text_rows = [row for row, _line in drawn if row < option_rows[0]]
        if text_rows:
            gap = option_rows[0] - text_rows[-1] - 1
            assert gap <= MOST_BLANK_LINES_BEFORE_OPTIONS, shown


@pytest.mark.parametrize("service", [str(n) for n in range(1, 10)])
async def test_every_service_menu_sits_in_one_column(settings, service) -> None:
    async with kiosk(settings, size=LARGE) as (app, pilot):
        await press(pilot, "1")
        _column_holds(screen_text(app))  # Menu Utama
        await press(pilot, service)
        await settle(pilot)
        _column_holds(screen_text(app))
        await press(pilot, "1")  # the first thing each service offers: a list, a form's first question, a page
        await settle(pilot)
        _column_holds(screen_text(app))


async def test_the_welcome_sits_in_one_column(settings) -> None:
    async with kiosk(settings, size=LARGE) as (app, _pilot):
        _column_holds(screen_text(app))


async def test_the_amount_due_follows_the_bill_in_big_digits(settings) -> None:
    async with kiosk(settings, size=LARGE) as (app, pilot):
        await press(pilot, "1", "2")
        await type_text(pilot, "360303001300501170")
        await press(pilot, "enter")
        await settle(pilot)
        shown = screen_text(app)
        assert "Total tunggakan: Rp1.150.500" in shown
        _column_holds(shown)
        big = app.screen.query_one("#figure")
        assert big.scale >= 2 and big.size.height >= 6, shown  # grown with the screen
        assert "╶──┴──╴" in shown  # a "1" drawn with longer strokes, not characters repeated


async def test_on_a_small_screen_the_options_stay_docked_at_the_bottom(settings) -> None:
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "2")
        await type_text(pilot, "360303001300501170")
        await press(pilot, "enter")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert "Bantuan" in lines[-1]
        assert lines[-3].strip().startswith("1  Cara membayar")
