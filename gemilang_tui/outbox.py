"""Durable store-and-forward of citizen submissions (the kiosk's outbox).

A submission is written to SQLite in one committed transaction *before* the citizen is told anything
("Tersimpan"), then an :class:`OutboxSender` posts it with its idempotency key until the server confirms
("Terkirim" + official number) or refuses it for good (the contract's 400 / 422: "failed", shown to the attendant).
Anything else (no answer, 5xx, 408, 429, a gateway's page) is retried, when the server's Retry-After says if it
says, else with exponential backoff and full jitter.

Durability: WAL journal, ``synchronous=FULL`` (a commit survives a power cut), ``secure_delete`` so personal
data removed by :meth:`Outbox.mark_sent` is overwritten rather than left in free pages. Every write is one
``BEGIN IMMEDIATE`` transaction on a connection of its own, so the store is safe across threads and processes.

Times: ``created_at`` / ``sent_at`` are stored as ISO-8601 UTC text and exposed as aware ``datetime``;
``next_attempt_at`` is wall-clock epoch seconds (it must survive a restart, so it cannot be monotonic).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import random
import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Final, Literal

from gemilang_tui.api.errors import (
    ApiBadResponse,
    ApiError,
    ApiRejected,
    ApiUnavailable,
)
from gemilang_tui.domain.plain_text import cleaned
from gemilang_tui.send_reasons import RESOLVED, known, reason_of
from gemilang_tui.storage import private_file

__all__ = [
    "BACKOFF_BASE",
    "BACKOFF_CAP",
    "PII_KEYS",
    "PII_SUFFIXES",
    "Outbox",
    "OutboxEntry",
    "OutboxSender",
    "OutboxSummary",
    "Status",
    "backoff_delay",
    "strip_personal_data",
]

log = logging.getLogger(__name__)

Status = Literal["pending", "sent", "failed"]
PENDING: Final = "pending"
SENT: Final = "sent"
FAILED: Final = "failed"
_STATUSES: Final = frozenset({PENDING, SENT, FAILED})

# ----------------------------------------------------------------------------------------------------
# Personal data
# ----------------------------------------------------------------------------------------------------

#: Keys (compared case-insensitively) whose values are personal data, removed once a submission is sent.
PII_KEYS: Final = frozenset(
    {"nik", "nama", "name", "telepon", "phone", "alamat", "address", "email", "tanggal_lahir"}
)
#: Key suffixes that mark personal data too (``pelapor_nik``, ``ahli_waris_nama``…).
PII_SUFFIXES: Final = ("_nik", "_nama", "_telepon", "_alamat")


def _is_pii_key(key: object) -> bool:
    k = str(key).lower()
    return k in PII_KEYS or k.endswith(PII_SUFFIXES)


def strip_personal_data(value: Any) -> Any:
    """A copy of ``value`` with every personal-data key removed, at any depth (dicts inside lists too)."""
    if isinstance(value, Mapping):
        return {k: strip_personal_data(v) for k, v in value.items() if not _is_pii_key(k)}
    if isinstance(value, list | tuple):
        return [strip_personal_data(v) for v in value]
    return value


# ----------------------------------------------------------------------------------------------------
# Backoff
# ----------------------------------------------------------------------------------------------------

BACKOFF_BASE: Final = 1.0  # seconds: the window of the first retry
BACKOFF_CAP: Final = 300.0  # seconds: never wait longer than 5 minutes between attempts
OUTAGE_PROBE_CAP: Final = 2.0  # seconds: while the service does not answer, one request this often at most
DRAIN_PARALLEL: Final = 8  # submissions in flight at once when the queue drains
RETRY_AFTER_CAP: Final = 3600.0  # seconds: a server's Retry-After is honoured up to an hour
_SKEW: Final = RETRY_AFTER_CAP + 60  # a retry planned further ahead than this means the clock went backwards


def backoff_delay(attempts: int) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt (1-based): exponential with full jitter."""
    return random.uniform(0.0, min(BACKOFF_CAP, BACKOFF_BASE * 2.0 ** min(max(1, int(attempts)) - 1, 30)))


# ----------------------------------------------------------------------------------------------------
# Records
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutboxSummary:
    """What the UI / attendant may see about a submission: no personal data."""

    id: int
    local_ref: str
    kind: str
    status: Status
    official_ref: str | None
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    assisted: bool = False
    next_attempt_at: float = 0.0
    local_number: str | None = None  # digits only, given on the receipt while waiting (`local_number_of`)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """A full outbox row, payload included (``repr`` never shows the payload or the response)."""

    id: int
    local_ref: str
    idempotency_key: str
    kind: str
    payload: dict[str, Any] = field(repr=False)
    assisted: bool
    status: Status
    official_ref: str | None
    response: dict[str, Any] | None = field(repr=False)
    attempts: int
    last_error: str | None
    next_attempt_at: float
    created_at: datetime
    sent_at: datetime | None
    local_number: str | None = None

    def summary(self) -> OutboxSummary:
        return OutboxSummary(
            id=self.id,
            local_ref=self.local_ref,
            kind=self.kind,
            status=self.status,
            official_ref=self.official_ref,
            attempts=self.attempts,
            last_error=self.last_error,
            created_at=self.created_at,
            sent_at=self.sent_at,
            assisted=self.assisted,
            next_attempt_at=self.next_attempt_at,
            local_number=self.local_number,
        )


#: The first digit of a kiosk's own number (no official number starts so), then one digit per service.
LOCAL_NUMBER_MARK: Final = "9"
LOCAL_SERVICE_DIGITS: Final = {"lapor": "1", "ppid": "2", "layanan_mandiri": "3", "izin_makam": "4", "donor": "5",
                               "ak1": "6"}
LOCAL_NUMBER_DIGITS: Final = 11  # 9 · service · YYMMDD · serial of the day (3 digits)
_WIB: Final = timezone(timedelta(hours=7), "WIB")


def local_number_prefix(kind: str, day: date) -> str:
    """`91261128`: the mark, the service's digit and the day; the serial of that day follows."""
    return f"{LOCAL_NUMBER_MARK}{LOCAL_SERVICE_DIGITS.get(kind, '0')}{day:%y%m%d}"


def is_local_number(digits: str) -> bool:
    """Whether typed digits are the shape of a kiosk's own number (11 digits starting with 9)."""
    return len(digits) == LOCAL_NUMBER_DIGITS and digits.isascii() and digits.isdigit() \
        and digits.startswith(LOCAL_NUMBER_MARK)


_SCHEMA_VERSION: Final = 2
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    local_ref        TEXT    NOT NULL UNIQUE,
    idempotency_key  TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    assisted         INTEGER NOT NULL DEFAULT 0 CHECK (assisted IN (0, 1)),
    status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    official_ref     TEXT,
    response         TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    next_attempt_at  REAL    NOT NULL DEFAULT 0,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT,
    local_number     TEXT,
    CHECK (status <> 'sent' OR official_ref IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS outbox_status_due ON outbox (status, next_attempt_at);
"""
_LOCAL_NUMBER_INDEX: Final = "CREATE UNIQUE INDEX IF NOT EXISTS outbox_local_number ON outbox (local_number)"
_SUMMARY_COLUMNS: Final = (
    "id, local_ref, kind, status, official_ref, attempts, last_error, created_at, sent_at, assisted, "
    "next_attempt_at, local_number"
)
# Local references avoid look-alike characters (0/O, 1/I/L) so a citizen can read one out to an attendant.
_REF_ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_REF_LEN: Final = 6


def _new_local_ref() -> str:
    return "K-" + "".join(secrets.choice(_REF_ALPHABET) for _ in range(_REF_LEN))


def _normalise_ref(ref: str) -> str:
    return ref.strip().upper()


def _parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _summary_from_row(row: sqlite3.Row) -> OutboxSummary:
    return OutboxSummary(
        id=row["id"],
        local_ref=row["local_ref"],
        kind=row["kind"],
        status=row["status"],
        official_ref=row["official_ref"],
        attempts=row["attempts"],
        last_error=row["last_error"],
        created_at=_parse_time(row["created_at"]),  # type: ignore[arg-type]
        sent_at=_parse_time(row["sent_at"]),
        assisted=bool(row["assisted"]),
        next_attempt_at=row["next_attempt_at"],
        local_number=row["local_number"],
    )


def _entry_from_row(row: sqlite3.Row) -> OutboxEntry:
    return OutboxEntry(
        id=row["id"],
        local_ref=row["local_ref"],
        idempotency_key=row["idempotency_key"],
        kind=row["kind"],
        payload=json.loads(row["payload"]),
        assisted=bool(row["assisted"]),
        status=row["status"],
        official_ref=row["official_ref"],
        response=json.loads(row["response"]) if row["response"] is not None else None,
        attempts=row["attempts"],
        last_error=row["last_error"],
        next_attempt_at=row["next_attempt_at"],
        created_at=_parse_time(row["created_at"]),  # type: ignore[arg-type]
        sent_at=_parse_time(row["sent_at"]),
        local_number=row["local_number"],
    )


# ----------------------------------------------------------------------------------------------------
# Store
# ----------------------------------------------------------------------------------------------------


class Outbox:
    """The durable outbox file. Cheap to construct; every method opens (and closes) its own connection.

    ``clock`` returns wall-clock epoch seconds (injectable for tests); ``backoff(attempts)`` returns the delay
    before the next attempt after ``attempts`` failures (default: :func:`backoff_delay`).
    """

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], float] = time.time,
        backoff: Callable[[int], float] = backoff_delay,
        busy_timeout: float = 10.0,
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self._backoff = backoff
        self._busy_timeout = busy_timeout
        # created 0600 before SQLite opens it: its -wal and -shm files take the same mode
        private_file(self.path)
        self._init_db()
        # Identity of the file for the in-process in-flight guard (two Outbox objects, one file).
        self.identity = os.path.realpath(self.path)

    # -- connections -----------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA secure_delete=ON")
        return conn

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; commits (durably, synchronous=FULL) on success, rolls back otherwise."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    def _init_db(self) -> None:
        conn = self._connect()
        try:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # pragma: no cover - e.g. a filesystem without shared memory
                log.warning("outbox %s: journal_mode is %s, not WAL", self.path, mode)
        finally:
            conn.close()
        with self._tx() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > _SCHEMA_VERSION:
                raise RuntimeError(f"outbox {self.path} has schema v{version}, newer than this program")
            # (executescript would COMMIT behind our back: run the statements one by one)
            for statement in filter(None, (s.strip() for s in _SCHEMA.split(";"))):
                conn.execute(statement)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(outbox)")}
            if "local_number" not in columns:  # an outbox of schema v1: entries made before have none
                conn.execute("ALTER TABLE outbox ADD COLUMN local_number TEXT")
            conn.execute(_LOCAL_NUMBER_INDEX)
            conn.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")

    def _now(self) -> float:
        return float(self.clock())

    def _now_iso(self) -> str:
        return datetime.fromtimestamp(self._now(), UTC).isoformat()

    # -- writing ---------------------------------------------------------------------------------------

    def put(self, kind: str, payload: Mapping[str, Any], *, assisted: bool = False,
            day: date | None = None) -> OutboxEntry:
        """Store a new submission (status "pending", fresh idempotency key, its digits-only local number of `day`,
        the kiosk's today). Returns only after the commit."""
        if not isinstance(kind, str) or not kind.strip():
            raise ValueError("kind must be a non-empty string")
        if not isinstance(payload, Mapping):
            raise TypeError("payload must be a mapping")
        # Typed or pasted text keeps no control, bidi or invisible character (domain/plain_text.py)
        body = json.dumps(cleaned(dict(payload)), ensure_ascii=False, allow_nan=False)  # fails before storing
        key = str(uuid.uuid4())
        prefix = local_number_prefix(kind, day or datetime.fromtimestamp(self._now(), _WIB).date())
        for _ in range(32):
            local_ref = _new_local_ref()
            created_at = self._now_iso()
            try:
                with self._tx() as conn:
                    serial = conn.execute("SELECT COUNT(*) FROM outbox WHERE local_number LIKE ?",
                                          (prefix + "%",)).fetchone()[0] + 1
                    local_number = f"{prefix}{serial:03d}"
                    cur = conn.execute(
                        "INSERT INTO outbox (local_ref, idempotency_key, kind, payload, assisted, status,"
                        " next_attempt_at, created_at, local_number) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
                        (local_ref, key, kind, body, int(bool(assisted)), created_at, local_number),
                    )
                    entry_id = cur.lastrowid
            except sqlite3.IntegrityError as exc:
                if "local_ref" in str(exc):
                    continue  # the short reference collided: draw another
                raise
            assert entry_id is not None
            return OutboxEntry(
                id=entry_id,
                local_ref=local_ref,
                idempotency_key=key,
                kind=kind,
                payload=json.loads(body),
                assisted=bool(assisted),
                status=PENDING,
                official_ref=None,
                response=None,
                attempts=0,
                last_error=None,
                next_attempt_at=0.0,
                created_at=datetime.fromisoformat(created_at),
                sent_at=None,
                local_number=local_number,
            )
        raise RuntimeError("could not allocate a unique local reference")  # pragma: no cover

    def mark_sent(
        self, id: int, official_ref: str, response: Mapping[str, Any] | None = None
    ) -> OutboxSummary | None:
        """Record the server's confirmation and remove personal data from payload and response, atomically.

        Returns the new summary, or ``None`` if the entry was already sent (nothing changes then).
        Raises ``KeyError`` for an unknown id.
        """
        if not isinstance(official_ref, str) or not official_ref.strip():
            raise ValueError("official_ref must be a non-empty string")
        with self._tx() as conn:
            summary = self._mark_sent(conn, id, official_ref, response)
        self._checkpoint()
        return summary

    def mark_sent_many(self, confirmations: Sequence[tuple[int, str]]) -> list[OutboxSummary | None]:
        """:meth:`mark_sent` for several ``(id, official_ref)`` in one transaction (one disk flush while draining).

        An id no longer in the outbox (handled by the attendant meanwhile) gives ``None``, like one already sent."""
        if any(not isinstance(ref, str) or not ref.strip() for _, ref in confirmations):
            raise ValueError("official_ref must be a non-empty string")
        summaries: list[OutboxSummary | None] = []
        with self._tx() as conn:
            for id, ref in confirmations:
                try:
                    summaries.append(self._mark_sent(conn, id, ref, {"official_ref": ref}))
                except KeyError:
                    summaries.append(None)
        self._checkpoint()
        return summaries

    def _mark_sent(
        self, conn: sqlite3.Connection, id: int, official_ref: str, response: Mapping[str, Any] | None
    ) -> OutboxSummary | None:
        row = conn.execute("SELECT status, payload FROM outbox WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise KeyError(id)
        if row["status"] == SENT:
            return None
        payload = strip_personal_data(json.loads(row["payload"]))
        stripped_response = strip_personal_data(dict(response or {}))
        conn.execute(
            "UPDATE outbox SET status = 'sent', official_ref = ?, response = ?, payload = ?, sent_at = ?,"
            " last_error = NULL WHERE id = ?",
            (
                official_ref,
                json.dumps(stripped_response, ensure_ascii=False, default=str),
                json.dumps(payload, ensure_ascii=False),
                self._now_iso(),
                id,
            ),
        )
        return self._summary(conn, id)

    def mark_attempt(self, id: int, error: str, *, retry_in: float | None = None) -> OutboxSummary | None:
        """A failed attempt that is worth retrying: attempts + 1, last_error, next_attempt_at = now + backoff.

        ``retry_in`` (a server's Retry-After) overrides the computed backoff, up to :data:`RETRY_AFTER_CAP`.
        Only a pending entry changes; otherwise returns ``None``.
        """
        with self._tx() as conn:
            row = conn.execute("SELECT status, attempts FROM outbox WHERE id = ?", (id,)).fetchone()
            if row is None:
                raise KeyError(id)
            if row["status"] != PENDING:
                return None
            attempts = row["attempts"] + 1
            if retry_in is None:
                delay = min(max(0.0, float(self._backoff(attempts))), BACKOFF_CAP)
            else:
                delay = min(max(0.0, float(retry_in)), RETRY_AFTER_CAP)
            conn.execute(
                "UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                (attempts, known(error), self._now() + delay, id),
            )
            return self._summary(conn, id)

    def retry_waiting_now(self) -> int:
        """Every pending entry waiting for its retry time is due now (the service answers again); how many."""
        now = self._now()
        with self._tx() as conn:
            return conn.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?", (now, now)
            ).rowcount

    def mark_failed(self, id: int, reason: str) -> OutboxSummary | None:
        """The server refused the submission: status "failed" (for the attendant). Only from "pending"."""
        with self._tx() as conn:
            row = conn.execute("SELECT status FROM outbox WHERE id = ?", (id,)).fetchone()
            if row is None:
                raise KeyError(id)
            if row["status"] != PENDING:
                return None
            conn.execute(
                "UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ?", (known(reason), id)
            )
            return self._summary(conn, id)

    def resend(self, id_or_ref: int | str) -> OutboxSummary | None:
        """Attendant action: failed (or waiting pending) → pending, due now, same idempotency key.

        Returns ``None`` if the entry is already sent. Raises ``KeyError`` if there is no such entry.
        """
        with self._tx() as conn:
            row = self._row_for(conn, id_or_ref, "id, status, last_error")
            if row is None:
                raise KeyError(id_or_ref)
            if row["status"] == SENT or row["last_error"] == RESOLVED:
                return None
            conn.execute(
                "UPDATE outbox SET status = 'pending', attempts = 0, last_error = NULL, next_attempt_at = 0"
                " WHERE id = ?",
                (row["id"],),
            )
            return self._summary(conn, row["id"])

    def resolve(self, id_or_ref: int | str) -> OutboxSummary | None:
        """Attendant action: a failed submission was dealt with at the counter; its personal data is removed.

        It stays "failed" (last_error "resolved") and can no longer be resent. ``None`` if it is not failed.
        """
        with self._tx() as conn:
            row = self._row_for(conn, id_or_ref, "id, status")
            if row is None:
                raise KeyError(id_or_ref)
            if row["status"] != FAILED:
                return None
            self._strip(conn, row["id"])
            conn.execute("UPDATE outbox SET last_error = ? WHERE id = ?", (RESOLVED, row["id"]))
            summary = self._summary(conn, row["id"])
        self._checkpoint()
        return summary

    def expire(self, days: float = 30.0) -> int:
        """Remove the personal data of failed submissions created more than `days` ago; how many were stripped."""
        limit = datetime.fromtimestamp(self._now() - days * 86_400, UTC).isoformat()
        with self._tx() as conn:
            rows = conn.execute(
                "SELECT id FROM outbox WHERE status = 'failed' AND created_at < ? AND payload <> ?",
                (limit, "{}"),
            ).fetchall()
            stripped = 0
            for row in rows:
                stripped += self._strip(conn, row["id"])
        if stripped:
            self._checkpoint()
        return stripped

    @staticmethod
    def _strip(conn: sqlite3.Connection, id: int) -> int:
        row = conn.execute("SELECT payload, response FROM outbox WHERE id = ?", (id,)).fetchone()
        payload = json.dumps(strip_personal_data(json.loads(row["payload"])), ensure_ascii=False)
        if payload == row["payload"]:
            return 0
        conn.execute("UPDATE outbox SET payload = ? WHERE id = ?", (payload, id))
        return 1

    def _checkpoint(self) -> None:
        """Best effort: fold the WAL (it still holds the pre-strip pages) into the database, truncate it."""
        try:
            conn = sqlite3.connect(self.path, timeout=0.2, isolation_level=None)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        except sqlite3.Error:  # pragma: no cover - busy readers: the next checkpoint will do it
            log.debug("outbox checkpoint skipped", exc_info=True)

    # -- reading ---------------------------------------------------------------------------------------

    @staticmethod
    def _row_for(conn: sqlite3.Connection, id_or_ref: int | str, columns: str = "*") -> sqlite3.Row | None:
        if isinstance(id_or_ref, int) and not isinstance(id_or_ref, bool):
            return conn.execute(f"SELECT {columns} FROM outbox WHERE id = ?", (id_or_ref,)).fetchone()
        if isinstance(id_or_ref, str):
            return conn.execute(
                f"SELECT {columns} FROM outbox WHERE local_ref = ?", (_normalise_ref(id_or_ref),)
            ).fetchone()
        raise TypeError("expected an id (int) or a local reference (str)")

    @staticmethod
    def _summary(conn: sqlite3.Connection, id: int) -> OutboxSummary:
        row = conn.execute(f"SELECT {_SUMMARY_COLUMNS} FROM outbox WHERE id = ?", (id,)).fetchone()
        return _summary_from_row(row)

    def get(self, ref: str | int) -> OutboxEntry | None:
        """The entry with this local reference (case-insensitive, e.g. "k-7f3a2c") or this id."""
        with self._read() as conn:
            row = self._row_for(conn, ref)
        return _entry_from_row(row) if row is not None else None

    def summary(self, ref: str | int) -> OutboxSummary | None:
        with self._read() as conn:
            row = self._row_for(conn, ref, _SUMMARY_COLUMNS)
        return _summary_from_row(row) if row is not None else None

    def by_local_number(self, digits: str) -> OutboxSummary | None:
        """The submission of this kiosk with this local number (the receipt's digits while it waited), or None."""
        if not is_local_number(digits):
            return None
        with self._read() as conn:
            row = conn.execute(f"SELECT {_SUMMARY_COLUMNS} FROM outbox WHERE local_number = ?",
                               (digits,)).fetchone()
        return _summary_from_row(row) if row is not None else None

    def pending(self) -> list[OutboxEntry]:
        """Every pending entry, oldest first, due or not."""
        with self._read() as conn:
            rows = conn.execute("SELECT * FROM outbox WHERE status = 'pending' ORDER BY id").fetchall()
        return [_entry_from_row(r) for r in rows]

    def is_due(self, entry: OutboxEntry | OutboxSummary, now: float | None = None) -> bool:
        now = self._now() if now is None else now
        # A next_attempt_at further away than the longest wait means the wall clock went backwards (kiosk without
        # an RTC battery): do not let such an entry wait for hours.
        return entry.status == PENDING and (
            entry.next_attempt_at <= now or entry.next_attempt_at > now + _SKEW
        )

    def due(self, now: float | None = None) -> list[OutboxEntry]:
        """Pending entries whose next attempt time has come, oldest first."""
        now = self._now() if now is None else now
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM outbox WHERE status = 'pending'"
                " AND (next_attempt_at <= ? OR next_attempt_at > ?) ORDER BY id",
                (now, now + _SKEW),
            ).fetchall()
        return [_entry_from_row(r) for r in rows]

    def next_due_at(self) -> float | None:
        """The earliest next_attempt_at of the pending entries (None when nothing is pending)."""
        with self._read() as conn:
            row = conn.execute("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'").fetchone()
        return None if row[0] is None else float(row[0])

    def entries(self, status: Status | None = None) -> list[OutboxSummary]:
        """Summaries (no personal data, the payload is not even read), oldest first."""
        if status is not None and status not in _STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self._read() as conn:
            if status is None:
                rows = conn.execute(f"SELECT {_SUMMARY_COLUMNS} FROM outbox ORDER BY id").fetchall()
            else:
                rows = conn.execute(
                    f"SELECT {_SUMMARY_COLUMNS} FROM outbox WHERE status = ? ORDER BY id", (status,)
                ).fetchall()
        return [_summary_from_row(r) for r in rows]


# ----------------------------------------------------------------------------------------------------
# Sender
# ----------------------------------------------------------------------------------------------------

PostFn = Callable[[str, dict[str, Any], str], Awaitable[str]]
ChangeListener = Callable[[OutboxSummary], None]

# In-flight guard shared by every sender of this process: (outbox file identity) → ids being posted right now.
_INFLIGHT_LOCK = threading.Lock()
_INFLIGHT: dict[str, set[int]] = {}


def _claim(identity: str, entry_id: int) -> bool:
    with _INFLIGHT_LOCK:
        ids = _INFLIGHT.setdefault(identity, set())
        if entry_id in ids:
            return False
        ids.add(entry_id)
        return True


def _release(identity: str, entry_id: int) -> None:
    with _INFLIGHT_LOCK:
        ids = _INFLIGHT.get(identity)
        if ids is not None:
            ids.discard(entry_id)
            if not ids:
                del _INFLIGHT[identity]


def _not_answering(error: BaseException) -> bool:
    """No answer, or the service (or its gateway) says it is away or overloaded: not this submission's fault."""
    if isinstance(error, ApiUnavailable):
        return error.status is None or error.status in (408, 429, 502, 503, 504)
    return isinstance(error, TimeoutError | OSError)


class OutboxSender:
    """Posts due pending entries; retries with backoff; marks the contract's final refusals (400, 422) failed.

    ``post(kind, payload, idempotency_key)`` returns the official reference or raises an ``ApiError``.
    ``on_change(summary)`` is called (in the sender's event loop) after every change the sender makes:
    a retry scheduled, sent, failed — and after :meth:`submit` / :meth:`resend`.

    Database work runs in a worker thread (``asyncio.to_thread``) so an fsync never stalls the UI loop.
    """

    def __init__(
        self,
        outbox: Outbox,
        post: PostFn,
        *,
        on_change: ChangeListener | None = None,
        poll_interval: float = 30.0,
        post_timeout: float | None = 60.0,
        min_sleep: float = 0.5,
        probe_cap: float = OUTAGE_PROBE_CAP,
        parallel: int = DRAIN_PARALLEL,
    ) -> None:
        self.outbox = outbox
        self._post = post
        self._on_change = on_change
        self.poll_interval = poll_interval
        self.post_timeout = post_timeout
        self.min_sleep = min_sleep
        self.probe_cap = probe_cap
        self.parallel = max(1, parallel)
        self.outages = 0  # rounds in a row cut short because the service did not answer
        self._unreachable = False  # this round met a service that does not answer
        self._confirming: list[tuple[int, str, asyncio.Future[OutboxSummary | None]]] = []
        self._writing = False
        self._writer: asyncio.Future[None] | None = None
        self._wake_event = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- waking ----------------------------------------------------------------------------------------

    def wake(self) -> None:
        """Start a sending round now instead of at the next poll. Safe to call from any thread."""
        loop = self._loop
        if loop is None:
            self._wake_event.set()  # run_forever not started yet: its first round sends everything anyway
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._wake_event.set()
        else:
            with contextlib.suppress(RuntimeError):  # the loop is closed: nothing to wake
                loop.call_soon_threadsafe(self._wake_event.set)

    notify = wake

    def _emit(self, summary: OutboxSummary | None) -> None:
        if summary is None or self._on_change is None:
            return
        try:
            self._on_change(summary)
        except Exception:  # a listener bug must never stop submissions from being sent
            log.exception("outbox on_change listener failed")

    # -- convenience for the UI ------------------------------------------------------------------------------

    async def submit(self, kind: str, payload: Mapping[str, Any], *, assisted: bool = False,
                     day: date | None = None) -> OutboxEntry:
        """``outbox.put`` (off the loop), then notify the listener and wake the sender."""
        entry = await asyncio.to_thread(self.outbox.put, kind, payload, assisted=assisted, day=day)
        self._emit(entry.summary())
        self.wake()
        return entry

    def resend(self, id_or_ref: int | str) -> OutboxSummary | None:
        """Attendant action: ``outbox.resend`` then wake the sender."""
        summary = self.outbox.resend(id_or_ref)
        self._emit(summary)
        if summary is not None:
            self.wake()
        return summary

    async def send_now(self, entry_id: int) -> OutboxSummary | None:
        """Attendant action: one attempt for this entry now, its result returned. ``None`` when it is not due or
        another round of this process is posting it right now (its result comes through ``on_change``)."""
        return await self._send_one(entry_id)

    # -- sending ---------------------------------------------------------------------------------------

    async def run_once(self) -> list[OutboxSummary]:
        """Try every due pending entry once (oldest first). Returns the summaries of the entries changed.

        The first goes alone: when the service does not answer, that one request is the round (the others would
        only fail too). When it answers after an outage, every entry waiting for its retry time goes in this same
        round, `parallel` at a time, without waiting between them."""
        changed: list[OutboxSummary] = []
        self._unreachable = False
        due = await asyncio.to_thread(self.outbox.due)
        if not due:
            return changed
        await self._send_into(changed, due[0].id)
        if self._unreachable:
            self.outages += 1
            return changed
        rest = due[1:]
        if self.outages:
            self.outages = 0
            if await asyncio.to_thread(self.outbox.retry_waiting_now):
                rest = [entry for entry in await asyncio.to_thread(self.outbox.due) if entry.id != due[0].id]
        queue = iter(rest)  # shared: each entry is taken by one worker

        async def worker() -> None:
            for entry in queue:
                if self._unreachable:
                    return
                await self._send_into(changed, entry.id)

        await asyncio.gather(*(worker() for _ in range(min(self.parallel, len(rest)))))
        if self._unreachable:
            self.outages += 1
        return changed

    async def _send_into(self, changed: list[OutboxSummary], entry_id: int) -> None:
        summary = await self._send_one(entry_id)
        if summary is not None:
            changed.append(summary)

    async def _send_one(self, entry_id: int) -> OutboxSummary | None:
        identity = self.outbox.identity
        if not _claim(identity, entry_id):
            return None  # another sender of this process is posting it right now
        try:
            # Re-read under the claim: another sender may have finished it (or scheduled a retry) meanwhile.
            entry = await asyncio.to_thread(self.outbox.get, entry_id)
            if entry is None or not self.outbox.is_due(entry):
                return None
            summary = await self._attempt(entry)
        finally:
            _release(identity, entry_id)
        self._emit(summary)
        return summary

    async def _attempt(self, entry: OutboxEntry) -> OutboxSummary | None:
        try:
            async with asyncio.timeout(self.post_timeout):
                official_ref = await self._post(entry.kind, entry.payload, entry.idempotency_key)
            if not isinstance(official_ref, str) or not official_ref.strip():
                raise ApiBadResponse(f"no official reference in the answer: {official_ref!r}")
        except Exception as exc:
            return await self._failed(entry, exc)
        # If this write fails (disk full…), the entry stays pending and is posted again with the same key:
        # the server replays the original result.
        return await self._confirm(entry.id, official_ref)

    async def _confirm(self, entry_id: int, official_ref: str) -> OutboxSummary | None:
        """mark_sent; the confirmations that arrive while one is being written are written together next."""
        future: asyncio.Future[OutboxSummary | None] = asyncio.get_running_loop().create_future()
        self._confirming.append((entry_id, official_ref, future))
        if len(self._confirming) == 1 and not self._writing:
            self._writing = True
            self._writer = asyncio.ensure_future(self._write_confirmations())  # kept: a bare task may be collected
        return await future

    async def _write_confirmations(self) -> None:
        try:
            while self._confirming:
                batch, self._confirming = self._confirming, []
                try:
                    summaries = await asyncio.to_thread(
                        self.outbox.mark_sent_many, [(entry_id, ref) for entry_id, ref, _ in batch]
                    )
                except Exception as problem:  # the disk: each entry stays pending, posted again with its key
                    for _, _, future in batch:
                        if not future.done():
                            future.set_exception(problem)
                else:
                    for (_, _, future), summary in zip(batch, summaries, strict=True):
                        if not future.done():
                            future.set_result(summary)
        finally:
            self._writing = False

    async def _failed(self, entry: OutboxEntry, exc: Exception) -> OutboxSummary | None:
        """Final refusal or retry; only a reason code is kept (the server's text may echo a token or personal data)."""
        reason = reason_of(exc)
        if _not_answering(exc):
            self._unreachable = True
        if isinstance(exc, ApiRejected) and exc.final:  # the contract's 400 / 422: resending will not help
            log.info("outbox: %s refused (%s %s)", entry.local_ref, type(exc).__name__, exc.status)
            return await asyncio.to_thread(self.outbox.mark_failed, entry.id, reason)
        if not isinstance(exc, ApiError | OSError | TimeoutError):  # a bug in post(): retry, and shout in the log
            log.error("outbox: unexpected error posting %s", entry.local_ref, exc_info=exc)
        else:
            log.info("outbox: %s not sent yet (%s %s)", entry.local_ref, type(exc).__name__,
                     getattr(exc, "status", "") or "")
        # 5xx, 408, 429, a gateway's page, 409 (the first request with this key is in flight), 401, 403, 404:
        # later, with the same key, when the server's Retry-After says if it says
        return await asyncio.to_thread(self.outbox.mark_attempt, entry.id, reason,
                                       retry_in=getattr(exc, "retry_after", None))

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Send rounds until ``stop`` is set: at once, on :meth:`wake`, when a retry is due, or every poll."""
        self._loop = asyncio.get_running_loop()
        try:
            while not stop.is_set():
                self._wake_event.clear()  # a wake during the round triggers another round right after
                try:
                    await self.run_once()
                    delay = await asyncio.to_thread(self._idle_delay)
                    if self.outages:  # probe a service that does not answer less and less often, up to probe_cap
                        delay = max(delay, min(self.probe_cap, self.min_sleep * 2.0 ** min(self.outages - 1, 30)))
                except Exception:
                    log.exception("outbox sender round failed")
                    delay = self.poll_interval
                await self._sleep(stop, delay)
        finally:
            self._loop = None

    def _idle_delay(self) -> float:
        next_at = self.outbox.next_due_at()
        if next_at is None:
            return self.poll_interval
        return min(self.poll_interval, max(self.min_sleep, next_at - self.outbox.clock()))

    async def _sleep(self, stop: asyncio.Event, delay: float) -> None:
        if stop.is_set() or self._wake_event.is_set():
            return
        stop_task = asyncio.ensure_future(stop.wait())
        wake_task = asyncio.ensure_future(self._wake_event.wait())
        try:
            await asyncio.wait({stop_task, wake_task}, timeout=delay, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop_task.cancel()
            wake_task.cancel()

