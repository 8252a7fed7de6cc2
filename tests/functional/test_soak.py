"""A day at the kiosk: many visits in one process, memory flat and keys as fast at the end as at the start.

Each visit walks one service of the Menu Utama (all of them in turn), every tenth visit sends a LAPOR! complaint
and ends with "Selesai", some end with the idle wipe. The suite runs a short day; a whole one (200 visits, a few
minutes) with `GEMILANG_SOAK_VISITS=200 pytest tests/functional/test_soak.py -s` (the curve is printed).
"""

from __future__ import annotations

import gc
import os
import statistics
import time

from gemilang_tui.screens.step import StepScreen
from tests.conftest import choose, kiosk, press, settle, text
from tests.functional.test_lapor import walk_to_check

VISITS = int(os.environ.get("GEMILANG_SOAK_VISITS", "60"))  # read before conftest clears GEMILANG_* settings
# Visits before the memory baseline: every service opened once by then (22, every tenth visit a complaint), caches full.
WARM = 30
MEMORY_GROWTH_MIB = 2.0
# The kiosk alone stays under 80 MiB (`make bench` measures it in its own process). Here the process also holds
# pytest and its plugins, so what is bounded is the kiosk's share: what the process grew by once the kiosk started.
KIOSK_SHARE_MIB = 50.0
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mib() -> float:
    """Resident memory of this process after a full collection, in MiB."""
    gc.collect()
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


def services(app) -> list[tuple[str, ...]]:
    """The labels to choose from the Menu Utama to each service: (service,) or (group, service)."""
    from gemilang_tui.catalog import Group
    from gemilang_tui.services.home import catalogue_of

    catalogue = catalogue_of(app.ctx)
    paths: list[tuple[str, ...]] = []
    for entry in catalogue.top_level():
        if isinstance(entry, Group):
            paths.extend((str(entry.judul), str(service.judul)) for service in catalogue.in_group(entry.kode))
        else:
            paths.append((str(entry.judul),))
    return paths


async def digit_to_screen(app, pilot, label: str) -> float:
    """Choose `label` on the screen shown by its number; seconds until the next screen has settled."""
    before = app.screen
    number = next(option.number for option in app.screen.current_view().options if label in option.label)
    start = time.perf_counter()
    await pilot.press(str(number))
    await settle(pilot)
    assert app.screen is not before, f"{label!r} opened nothing:\n{text(app)}"
    return time.perf_counter() - start


async def walk_service(app, pilot, path: tuple[str, ...]) -> float:
    """Open a service from the Menu Utama and go two choices into it, as a citizen looking around."""
    await press(pilot, "1")  # Bahasa Indonesia
    for label in path[:-1]:
        await choose(app, pilot, label)
    while not any(path[-1] in option.label for option in app.screen.current_view().options):
        await press(pilot, "plus")  # the service is on a later page of its menu
    took = await digit_to_screen(app, pilot, path[-1])
    for _ in range(2):
        screen = app.screen
        view = screen.current_view()
        choosable = isinstance(screen, StepScreen) and not screen.failure and not screen.step.typing
        if not choosable or "periksa" in view.title.lower() or not any(o.number == 1 for o in view.options):
            break
        await press(pilot, "1")
    return took


async def submit_complaint(app, pilot) -> None:
    await walk_to_check(app, pilot)
    await press(pilot, "1")
    assert "Selesai" in text(app), text(app)
    await choose(app, pilot, "Selesai")  # the citizen ends the visit on the receipt


async def test_a_day_at_the_kiosk_keeps_memory_flat(settings):
    curve: dict[int, float] = {}
    timings: list[float] = []
    before = rss_mib()
    async with kiosk(settings) as (app, pilot):
        paths = services(app)
        assert len(paths) >= 15, paths  # every service of the Menu Utama is visited
        for visit in range(1, VISITS + 1):
            if visit % 10 == 0:
                await submit_complaint(app, pilot)
            else:
                timings.append(await walk_service(app, pilot, paths[visit % len(paths)]))
                if visit % 7 == 0:
                    app.wipe_session()  # the citizen walked away: the idle countdown ran out
                else:
                    app.end_visit()  # "Selesai"
            await settle(pilot)
            assert "Selamat datang" in text(app), f"visit {visit} did not end on the welcome screen:\n{text(app)}"
            if visit in (WARM, 60, 100, 150, VISITS) or visit % 20 == 0:
                curve[visit] = rss_mib()
                assert curve[visit] - before < KIOSK_SHARE_MIB, (before, curve)
    shown = {visit: round(mib, 2) for visit, mib in sorted(curve.items())}
    print(f"\nRSS before the kiosk {before:.2f} MiB; after visit: {shown}")
    first, last = statistics.median(timings[:WARM]), statistics.median(timings[-WARM:])
    print(f"digit → screen median: first {WARM} visits {first * 1000:.0f} ms, last {WARM} {last * 1000:.0f} ms")
    assert curve[VISITS] - curve[WARM] <= MEMORY_GROWTH_MIB, curve
