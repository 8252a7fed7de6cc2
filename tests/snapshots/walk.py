"""Snapshot helpers: walk the kiosk by keys before the picture is taken, waiting for each load to finish.

A walk fails as soon as a key is refused ("There is no choice 9 on this screen"): a snapshot taken after a walk that
went astray would store the wrong screen and pass for ever.
"""

from __future__ import annotations

from gemilang_tui.screens.step import StepScreen
from tests.conftest import press, ready


async def press_accepted(pilot, *keys: str) -> None:
    """Press each key as a citizen would, failing on the first one the screen refuses."""
    for key in keys:
        await press(pilot, key)
        screen = pilot.app.screen
        if isinstance(screen, StepScreen):
            title = screen.current_view().title
            assert not screen.around.refused, f"the walk went astray: {key!r} refused on {title!r}"


def walk(*keys: str):
    """A `run_before` for snap_compare that presses keys as a citizen would, each screen settled."""

    async def run_before(pilot) -> None:
        await ready(pilot)
        await press_accepted(pilot, *keys)

    return run_before
