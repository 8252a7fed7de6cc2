"""The kiosk's theme reads at 7:1 or better everywhere a citizen reads, and it is the theme in use."""

from __future__ import annotations

import pytest

from gemilang_tui.screens.theme import KIOSK_THEME, READ_PAIRS, contrast
from tests.conftest import kiosk


@pytest.mark.parametrize(("what", "text", "background"), READ_PAIRS, ids=[pair[0] for pair in READ_PAIRS])
def test_every_text_reads_at_seven_to_one(what, text, background):
    assert contrast(text, background) >= 7.0


def test_the_contrast_formula_matches_wcag():
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


async def test_the_kiosk_uses_it_with_animations_off(settings):
    async with kiosk(settings) as (app, pilot):
        assert app.theme == KIOSK_THEME.name
        assert app.animation_level == "none"
