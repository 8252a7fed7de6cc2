"""The mock server's side of the idempotency contract for submissions (its own SQLite store).

A route handling ``POST`` with an ``Idempotency-Key`` does::

    state, result = store.begin(kind, key, body)      # may raise IdempotencyMismatch (422) / InFlight (409)
    if state == "replay":
        return result                                   # the original answer, byte for byte the same data
    try:
        number = store.next_number(kind)
        result = {...}
    except BaseException:
        store.abort(key)                                # let the client retry with the same key
        raise
    return store.complete(key, result)

Same key + same body (canonical JSON hash) → the original result; same key + another body (or another kind)
→ 422; same key while the first request is still being processed → 409. A reservation older than
``takeover_after`` seconds (the handler crashed between ``begin`` and ``complete``) may be taken over, so a
key is never wedged forever; so may, at once, one whose process is gone (the server was killed and restarted).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal

from gemilang_tui.storage import private_file

__all__ = [
    "DEFAULT_NUMBERING",
    "STORE_FILE",
    "IdempotencyError",
    "IdempotencyInFlight",
    "IdempotencyMismatch",
    "SubmissionStore",
    "canonical_hash",
]

WIB: Final = timezone(timedelta(hours=7), "WIB")
#: The mock's records and counters in the data folder (embedded and `mock-api` alike): a restart continues numbering.
STORE_FILE: Final = "mock-submissions.sqlite3"

#: Official numbering per kind: (format, first number). ``{n}`` is the counter, ``{year}`` the year (WIB).
DEFAULT_NUMBERING: Final[dict[str, tuple[str, int]]] = {
    "lapor": ("{n:07d}", 2611002),  # LAPOR! ticket numbers are 7-digit
    "ppid": ("PPID-{year}-{n:04d}", 43),  # e.g. PPID-2026-0043
}


class IdempotencyError(Exception):
    """Base class; ``status_code`` is the HTTP status the mock API answers with."""

    status_code: int = 400

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class IdempotencyMismatch(IdempotencyError):
    """The key was already used with another body (or for another kind of submission): 422."""

    status_code = 422


class IdempotencyInFlight(IdempotencyError):
    """The first request with this key is still being processed: 409, retry later."""

    status_code = 409


def canonical_hash(kind: str, body: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8) of ``kind`` and ``body``."""
    text = json.dumps(
        {"kind": kind, "body": body},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _alive(pid: int | None) -> bool:
    """Whether the process that reserved a key may still be working on it (on this machine: the store is a file)."""
    if pid is None:
        return True  # a reservation from before owners were recorded: the time-out decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, as another user
        return True
    return True


_SCHEMA: Final = (
    """
    CREATE TABLE IF NOT EXISTS submissions (
        idempotency_key  TEXT PRIMARY KEY,
        kind             TEXT NOT NULL,
        body_hash        TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
        result           TEXT,
        reserved_at      REAL NOT NULL,
        completed_at     REAL,
        owner_pid        INTEGER,
        CHECK (state <> 'done' OR result IS NOT NULL)
    )
    """,
    "CREATE INDEX IF NOT EXISTS submissions_kind_state ON submissions (kind, state)",
    """
    CREATE TABLE IF NOT EXISTS counters (
        kind        TEXT PRIMARY KEY,
        last_value  INTEGER NOT NULL
    )
    """,
)


class SubmissionStore:
    """Idempotency records and official-number counters.

    ``path=None`` keeps everything in memory (one connection, serialised by a lock: safe to share between
    threads). With a path the file is in WAL mode and every operation is a ``BEGIN IMMEDIATE`` transaction, so
    several processes may share it too. ``clock`` returns wall-clock epoch seconds (injectable for tests).
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        takeover_after: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.takeover_after = takeover_after
        self._clock = clock
        self._lock = threading.RLock()
        if self.path is None:
            self._conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        else:
            private_file(self.path)  # 0600 (in a 0700 folder) before SQLite opens it: -wal and -shm take its mode
            self._conn = sqlite3.connect(
                self.path, check_same_thread=False, isolation_level=None, timeout=10.0
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")  # a key recorded is on disk before the answer leaves
        self._conn.row_factory = sqlite3.Row
        with self._tx() as conn:
            for statement in _SCHEMA:
                conn.execute(statement)
            columns = {row["name"] for row in conn.execute("PRAGMA table_info(submissions)")}
            if "owner_pid" not in columns:  # a store written before reservations named their process
                conn.execute("ALTER TABLE submissions ADD COLUMN owner_pid INTEGER")

    # -- plumbing --------------------------------------------------------------------------------------

    class _Tx:
        def __init__(self, store: SubmissionStore) -> None:
            self._store = store

        def __enter__(self) -> sqlite3.Connection:
            self._store._lock.acquire()
            try:
                self._store._conn.execute("BEGIN IMMEDIATE")
            except BaseException:
                self._store._lock.release()
                raise
            return self._store._conn

        def __exit__(
            self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
        ) -> None:
            try:
                self._store._conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")
            finally:
                self._store._lock.release()

    def _tx(self) -> SubmissionStore._Tx:
        return SubmissionStore._Tx(self)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SubmissionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- idempotency -----------------------------------------------------------------------------------

    def begin(
        self, kind: str, key: str, body: Mapping[str, Any]
    ) -> tuple[Literal["new", "replay"], dict[str, Any] | None]:
        """Reserve ``key`` for this submission, or tell how an earlier request with it ended.

        Returns ``("new", None)`` (the key is now reserved in flight: process, then :meth:`complete` or
        :meth:`abort`) or ``("replay", original_result)``. Raises :class:`IdempotencyMismatch` when the key
        was used with another body or kind, :class:`IdempotencyInFlight` while a fresh reservation is
        pending.
        """
        if not isinstance(key, str) or not key.strip():
            raise ValueError("idempotency key must be a non-empty string")
        digest = canonical_hash(kind, body)
        now = float(self._clock())
        with self._tx() as conn:
            row = conn.execute(
                "SELECT kind, body_hash, state, result, reserved_at, owner_pid FROM submissions"
                " WHERE idempotency_key = ?",
                (key,),
            ).fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO submissions (idempotency_key, kind, body_hash, state, reserved_at, owner_pid)"
                    " VALUES (?, ?, ?, 'in_flight', ?, ?)",
                    (key, kind, digest, now, os.getpid()),
                )
                return "new", None
            if row["kind"] != kind or row["body_hash"] != digest:
                raise IdempotencyMismatch(key, "Idempotency-Key sudah dipakai untuk isian yang berbeda")
            if row["state"] == "done":
                return "replay", json.loads(row["result"])
            if now - row["reserved_at"] < self.takeover_after and _alive(row["owner_pid"]):
                raise IdempotencyInFlight(key, "Permintaan dengan Idempotency-Key ini masih diproses")
            # The reservation is stale (the first handler died, or the whole server was killed and restarted):
            # take it over.
            conn.execute("UPDATE submissions SET reserved_at = ?, owner_pid = ? WHERE idempotency_key = ?",
                         (now, os.getpid(), key))
            return "new", None

    def complete(self, key: str, result: Mapping[str, Any]) -> dict[str, Any]:
        """Store the result for a reserved key; returns the result that now stands for the key.

        If the key was already completed (a slow original finishing after a takeover), the first result wins
        and is returned. Raises ``KeyError`` if the key was never reserved (or was aborted).
        """
        text = json.dumps(dict(result), ensure_ascii=False, allow_nan=False)
        with self._tx() as conn:
            row = conn.execute(
                "SELECT state, result FROM submissions WHERE idempotency_key = ?", (key,)
            ).fetchone()
            if row is None:
                raise KeyError(key)
            if row["state"] == "done":
                return json.loads(row["result"])
            conn.execute(
                "UPDATE submissions SET state = 'done', result = ?, completed_at = ?"
                " WHERE idempotency_key = ?",
                (text, float(self._clock()), key),
            )
        return json.loads(text)

    def abort(self, key: str) -> None:
        """Drop an in-flight reservation (processing failed) so the client may retry with the same key."""
        with self._tx() as conn:
            conn.execute("DELETE FROM submissions WHERE idempotency_key = ? AND state = 'in_flight'", (key,))

    def result(self, key: str) -> dict[str, Any] | None:
        """The stored result of a completed key, else ``None``."""
        with self._lock:
            row = self._conn.execute(
                "SELECT result FROM submissions WHERE idempotency_key = ? AND state = 'done'", (key,)
            ).fetchone()
        return json.loads(row["result"]) if row is not None else None

    def count(self, kind: str | None = None) -> int:
        """Number of completed submissions (of one kind, or all)."""
        with self._lock:
            if kind is None:
                row = self._conn.execute("SELECT COUNT(*) FROM submissions WHERE state = 'done'").fetchone()
            else:
                row = self._conn.execute(
                    "SELECT COUNT(*) FROM submissions WHERE state = 'done' AND kind = ?", (kind,)
                ).fetchone()
        return int(row[0])

    # -- official numbers ------------------------------------------------------------------------------

    def next_number(self, kind: str, fmt: str | None = None, *, start: int | None = None) -> str:
        """Allocate the next official number of ``kind`` (a counter stored in the DB) and format it.

        ``fmt`` may use ``{n}`` (the counter) and ``{year}`` (the current year in WIB); ``start`` is the first
        value of a counter. Both default to :data:`DEFAULT_NUMBERING` for the kind (else ``"{n}"`` from 1).
        A format with ``{year}`` numbers each year separately (PPID-2026-0043…, then PPID-2027-<start>…).
        """
        default_fmt, default_start = DEFAULT_NUMBERING.get(kind, ("{n}", 1))
        fmt = default_fmt if fmt is None else fmt
        start = default_start if start is None else start
        year = datetime.fromtimestamp(float(self._clock()), UTC).astimezone(WIB).year
        counter = f"{kind}:{year}" if "{year" in fmt else kind
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO counters (kind, last_value) VALUES (?, ?)"
                " ON CONFLICT (kind) DO UPDATE SET last_value = last_value + 1",
                (counter, start),
            )
            n = int(conn.execute("SELECT last_value FROM counters WHERE kind = ?", (counter,)).fetchone()[0])
        return fmt.format(n=n, year=year)
