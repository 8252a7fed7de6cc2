"""One module per service, named by its catalogue code (`pbb.py` for `pbb`), each with `start(ctx, entry)`.

A code on `COMING_SOON` opens an honest "segera hadir" screen; an active code with neither a module nor a place on
that list is a defect: the citizen reads that the service is not available, and the log says which code.
"""

from __future__ import annotations

import importlib
import logging

from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Context, Notice, Step
from gemilang_tui.i18n import _

log = logging.getLogger(__name__)

#: Catalogue codes announced before their module is written (tests/functional/test_navigation.py holds both ways).
COMING_SOON: frozenset[str] = frozenset()


def coming_soon(entry: ServiceEntry) -> Step:
    return Notice(
        title=lambda: str(entry.judul),
        body=lambda ctx: [
            _("This service is coming soon to this kiosk."),
            str(entry.keterangan),
            _("Until then, please ask the officer at the counter for help."),
        ],
    )


def unavailable(entry: ServiceEntry) -> Step:
    return Notice(
        title=lambda: str(entry.judul),
        body=lambda ctx: [
            _("This service is not available at the moment."),
            _("Please try again later, or ask the officer at the counter for help."),
        ],
    )


def start_service(ctx: Context, entry: ServiceEntry) -> Step:
    """The first step of a service, by its catalogue code."""
    if not entry.aktif:
        return unavailable(entry)
    name = f"{__name__}.{entry.kode}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name != name:
            raise
        if entry.kode in COMING_SOON:
            return coming_soon(entry)
        log.error("catalogue code %r has no service module and is not on COMING_SOON", entry.kode)
        return unavailable(entry)
    return module.start(ctx, entry)
