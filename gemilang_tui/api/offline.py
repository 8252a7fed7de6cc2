"""The last good answer of each GET, kept on disk so lists can still be shown, with their date, when offline.

An RFC 9111 cache (hishel) decides freshness from server headers; what a kiosk needs is different: always ask
the server, and only when it cannot answer show the last copy and say how old it is.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path


class OfflineCopies:
    """A small SQLite table of URL → (body, fetched_at)."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._memory: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._path is None:
            if self._memory is None:
                self._memory = sqlite3.connect(":memory:", check_same_thread=False)
                self._create(self._memory)
            return self._memory
        self._path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self._path, timeout=5)
        self._create(connection)
        return connection

    @staticmethod
    def _create(connection: sqlite3.Connection) -> None:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS copies (url TEXT PRIMARY KEY, body TEXT NOT NULL, fetched_at TEXT NOT NULL)"
        )

    def store(self, url: str, body: str) -> None:
        with self._lock:
            connection = self._connect()
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO copies VALUES (?, ?, ?)",
                    (url, body, datetime.now(UTC).isoformat()),
                )
            if connection is not self._memory:
                connection.close()

    def recall(self, url: str) -> tuple[str, datetime] | None:
        with self._lock:
            connection = self._connect()
            row = connection.execute("SELECT body, fetched_at FROM copies WHERE url = ?", (url,)).fetchone()
            if connection is not self._memory:
                connection.close()
        if row is None:
            return None
        return row[0], datetime.fromisoformat(row[1])
