"""What the mock's status routes need from its submission store: numbers after the fixtures', and new requests.

- `next_reference` allocates `PPID-2026-0046`, `LM-2026-00084`…: the counter of that year starts after the highest
  number the fixture set already uses in that year (and skips any number it holds), so nothing collides.
- `find_submitted` finds a request the mock accepted, by its official number, so that every status lookup
  (`GET /v1/lapor/tiket/{nomor}`, `/v1/ppid/permohonan/{nomor}`, `/v1/layanan_mandiri/permohonan/{nomor}`,
  `/v1/simapan/izin-makam/{nomor}`, `/v1/sidoni/pendaftaran/{nomor}`, `/v1/siap_kerja/ak1/{nomor}`) answers for
  new requests at once. The store keeps only the answers, which carry no personal data.
- `reference_or_404` reads the number of a status path as a citizen types it: its digits (`1202600001`), or the
  whole official form (`AK1-2026-00001`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Protocol, TypeVar

from fastapi import HTTPException

from gemilang_tui.api.status import Riwayat
from gemilang_tui.domain.reference import ReferenceFormat, ReferenceNumberError, normalise_reference
from gemilang_tui.mockapi.submissions import SubmissionStore

_SPACES = re.compile(r"\s+")


def next_reference(store: SubmissionStore, kind: str, prefix: str, serial_digits: int, today: date,
                   taken: Iterable[str]) -> str:
    """The next `PREFIX-YEAR-serial` of `today`'s year, after the highest of `taken` in that year."""
    year = today.year
    pattern = re.compile(rf"^{re.escape(prefix)}-{year}-(\d+)$")
    # The numbers this store already gave count as taken too: a counter lost or renamed never reissues one.
    existing = set(taken) | {str(result.get("nomor")) for result in _results(store, kind)}
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


def reference_or_404(nomor: str, fmt: ReferenceFormat, not_found: str) -> str:
    """The official number of a status path (`1202600001`, `AK1-2026-00001`), or 404 with `not_found`."""
    try:
        return normalise_reference(_SPACES.sub("", nomor), fmt)
    except ReferenceNumberError:
        raise HTTPException(404, detail=not_found) from None


def submitted_or_404(app: Any, kind: str, nomor: str, fmt: ReferenceFormat, not_found: str) -> dict[str, Any]:
    """The answer the mock gave to a request of `kind` typed as `nomor` (digits or the full number), or 404."""
    found = find_submitted(app, kind, reference_or_404(nomor, fmt, not_found))
    if found is None:
        raise HTTPException(404, detail=not_found)
    return found


def history_of(found: dict[str, Any], keterangan: str) -> list[Riwayat]:
    """The history kept with an answer, or its one event: received on `dibuat` with its status."""
    kept = found.get("riwayat")
    if kept:
        return sorted((Riwayat.model_validate(event) for event in kept), key=lambda event: event.tanggal)
    return [Riwayat(tanggal=found["dibuat"], status=found["status"], keterangan=keterangan)]


class _Numbered(Protocol):
    nomor: str


R = TypeVar("R", bound=_Numbered)


def record_or_404(app: Any, kind: str, nomor: str, fmt: ReferenceFormat, not_found: str, records: Iterable[R],
                  from_store: Callable[[dict[str, Any]], R]) -> R:
    """The record typed as `nomor`: one of the fixture's `records`, or a request the mock accepted; else 404."""
    reference = reference_or_404(nomor, fmt, not_found)
    item = next((entry for entry in records if entry.nomor == reference), None)
    if item is None:
        found = find_submitted(app, kind, reference)
        item = from_store(found) if found is not None else None
    if item is None:
        raise HTTPException(404, detail=not_found)
    return item


def progress_of(request: Any, kind: str, nomor: str, fmt: ReferenceFormat, not_found: str, stage_name: str,
                done: set[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A request the mock accepted, typed as `nomor`, and the fields every status answer shares: its number, status,
    day received, history, one stage with its deadline (`stage_name`, met on the first event in `done`), today."""
    from gemilang_tui.api.status import stage
    from gemilang_tui.mockapi.app import today_of

    found = submitted_or_404(request.app, kind, nomor, fmt, not_found)
    riwayat = history_of(found, "Permohonan diterima melalui anjungan.")
    finished = next((event.tanggal for event in riwayat if event.status in done), None)
    dibuat = date.fromisoformat(found["dibuat"])
    today = today_of(request)
    shared = {"nomor": found["nomor"], "status": riwayat[-1].status, "dibuat": dibuat, "riwayat": riwayat,
              "tahapan": [stage(stage_name, found["hari_kerja"], dibuat, finished, today)], "dihitung_pada": today}
    return found, shared
