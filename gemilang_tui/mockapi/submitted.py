"""What the mock's status routes need from its submission store: numbers after the fixtures', and new requests.

- `next_reference` allocates `PPID-2026-0046`, `LM-2026-00084`…: the counter of that year starts after the highest
  number the fixture set already uses in that year (and skips any number it holds), so nothing collides.
- `find_submitted` finds a request the mock accepted, by its official number, so that the status lookups
  (`GET /v1/ppid/permohonan/{nomor}`, `GET /v1/layanan_mandiri/permohonan/{nomor}`) answer for new requests too.
  The store keeps only the answers, which carry no personal data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from gemilang_tui.mockapi.submissions import SubmissionStore


def next_reference(store: SubmissionStore, kind: str, prefix: str, serial_digits: int, today: date,
                   taken: Iterable[str]) -> str:
    """The next `PREFIX-YEAR-serial` of `today`'s year, after the highest of `taken` in that year."""
    year = today.year
    pattern = re.compile(rf"^{re.escape(prefix)}-{year}-(\d+)$")
    existing = {reference for reference in taken}
    serials = [int(found.group(1)) for found in map(pattern.match, existing) if found]
    start = max(serials, default=0) + 1
    # A counter of its own per year ("ppid-2026"), with the year in the format already: the store's own
    # "{year}" would follow the wall clock, not the pinned GEMILANG_TODAY.
    fmt = f"{prefix}-{year}-{{n:0{serial_digits}d}}"
    for _ in range(100_000):
        reference = store.next_number(f"{kind}-{year}", fmt, start=start)
        if reference not in existing:
            return reference
    raise RuntimeError(f"no free {prefix} number")  # pragma: no cover


def _results(store: SubmissionStore, kind: str) -> list[dict[str, Any]]:
    """Every completed answer of `kind`.

    SubmissionStore has no public listing yet (wanted: `SubmissionStore.results_of(kind)`); until it has, read
    its table under its own lock.
    """
    listing = getattr(store, "results_of", None)
    if callable(listing):
        return list(listing(kind))
    with store._lock:
        rows = store._conn.execute(
            "SELECT result FROM submissions WHERE kind = ? AND state = 'done'", (kind,)
        ).fetchall()
    return [json.loads(row[0]) for row in rows]


def find_submitted(app: Any, kind: str, nomor: str) -> dict[str, Any] | None:
    """The answer the mock gave to a new request of `kind` numbered `nomor`, or None."""
    store = getattr(app.state, "submissions", None)
    if store is None:
        return None
    return next((result for result in _results(store, kind) if result.get("nomor") == nomor), None)
