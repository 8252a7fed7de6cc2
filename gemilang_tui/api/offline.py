"""The last good answer of each GET, kept on disk so lists can still be shown, with their date, when offline.

An RFC 9111 cache (hishel) decides freshness from server headers; what a kiosk needs is different: always ask
the server, and only when it cannot answer show the last copy and say how old it is.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from gemilang_tui.storage import private_file

log = logging.getLogger(__name__)


class OfflineCopies:
    """A small SQLite table of URL → (body, fetched_at).

    Storage is a convenience: a full, read-only or missing data folder means "no offline copy" (logged once), never
    a failed answer.
    """

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._memory: sqlite3.Connection | None = None
        self._warned = False

    def _unusable(self, problem: Exception) -> None:
        if not self._warned:
            self._warned = True
            log.warning("offline copies unavailable in %s: %s", self._path, type(problem).__name__)

    def _connect(self) -> sqlite3.Connection:
        if self._path is None:
            if self._memory is None:
                self._memory = sqlite3.connect(":memory:", check_same_thread=False)
                self._create(self._memory)
            return self._memory
        private_file(self._path)  # 0600 before SQLite opens it: its journal takes the same mode
        connection = sqlite3.connect(self._path, timeout=5)
        self._create(connection)
        return connection

    @staticmethod
    def _create(connection: sqlite3.Connection) -> None:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS copies (url TEXT PRIMARY KEY, body TEXT NOT NULL, fetched_at TEXT NOT NULL)"
        )

    def store(self, url: str, body: str) -> None:
        """Keep `body` as the last copy of `url`; on a storage failure, keep nothing."""
        with self._lock:
            try:
                connection = self._connect()
                try:
                    with connection:
                        connection.execute(
                            "INSERT OR REPLACE INTO copies VALUES (?, ?, ?)",
                            (url, body, datetime.now(UTC).isoformat()),
                        )
                finally:
                    if connection is not self._memory:
                        connection.close()
            except (sqlite3.Error, OSError) as problem:
                self._unusable(problem)

    def recall(self, url: str) -> tuple[str, datetime] | None:
        """The last copy of `url` and when it was fetched; None when there is none or it cannot be read."""
        with self._lock:
            try:
                connection = self._connect()
                try:
                    row = connection.execute("SELECT body, fetched_at FROM copies WHERE url = ?", (url,)).fetchone()
                finally:
                    if connection is not self._memory:
                        connection.close()
            except (sqlite3.Error, OSError) as problem:
                self._unusable(problem)
                return None
        if row is None:
            return None
        try:
            return row[0], datetime.fromisoformat(row[1])
        except (TypeError, ValueError):
            return None
