"""Snapshot helpers: walk the kiosk by keys before the picture is taken, waiting for each load to finish."""

from __future__ import annotations

from tests.conftest import press


def walk(*keys: str):
    """A `run_before` for snap_compare that presses keys as a citizen would, each screen settled."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        await press(pilot, *keys)

    return run_before
