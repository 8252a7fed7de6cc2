"""Where the kiosk's log goes: the systemd journal under systemd, else a rotated `kiosk.log` in the data folder.

One line per event (a traceback is folded into its line), never personal data: the callers log kinds, codes and
exception class names, never answers. The terminal is the citizen's screen (Textual draws on stderr), so the log
never goes to stderr or stdout: under systemd it goes to the journal's own socket, with its priority.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import socket
from collections.abc import Mapping
from pathlib import Path

LOG_FILE = "kiosk.log"
LOG_BYTES = 1_000_000  # a rotated file and three old ones: 4 MB at most on a small kiosk disk
LOG_BACKUPS = 3
JOURNAL_SOCKET = "/run/systemd/journal/socket"
IDENTIFIER = "gemilang-tui"
_PRIORITY = {logging.CRITICAL: 2, logging.ERROR: 3, logging.WARNING: 4, logging.INFO: 6, logging.DEBUG: 7}


class OneLineFormatter(logging.Formatter):
    """The message and any traceback on one line: a reader (grep, the journal) sees one event as one line."""

    def format(self, record: logging.LogRecord) -> str:
        return " | ".join(line for line in super().format(record).splitlines() if line.strip())


class JournalHandler(logging.Handler):
    """The journal's native protocol: one datagram of `FIELD=value` lines to its socket (systemd.journal-fields)."""

    def __init__(self, path: str = JOURNAL_SOCKET) -> None:
        super().__init__()
        self.path = path
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            priority = _PRIORITY.get(record.levelno, 6 if record.levelno < logging.WARNING else 3)
            fields = {"MESSAGE": self.format(record), "PRIORITY": str(priority),
                      "SYSLOG_IDENTIFIER": IDENTIFIER, "LOGGER": record.name}
            self.socket.sendto("".join(f"{key}={value}\n" for key, value in fields.items()).encode(), self.path)
        except Exception:
            self.handleError(record)

    def close(self) -> None:
        self.socket.close()
        super().close()


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotated log; the file begun after each rotation is 0600 too, like the first."""

    def _open(self) -> io.TextIOWrapper:
        from gemilang_tui.storage import private_file

        private_file(Path(self.baseFilename))
        return super()._open()


def under_systemd(environ: Mapping[str, str]) -> bool:
    """systemd sets INVOCATION_ID for every service it starts, and JOURNAL_STREAM when an output is the journal."""
    return bool(environ.get("INVOCATION_ID") or environ.get("JOURNAL_STREAM"))


def log_handler(data_dir: Path, environ: Mapping[str, str] | None = None,
                journal_socket: str = JOURNAL_SOCKET) -> logging.Handler | None:
    """The journal when systemd started us and its socket is there, else `kiosk.log` (0600) rotated by size."""
    environ = os.environ if environ is None else environ
    handler: logging.Handler
    if under_systemd(environ) and os.path.exists(journal_socket):
        handler = JournalHandler(journal_socket)
        handler.setFormatter(OneLineFormatter("%(name)s: %(message)s"))
        return handler
    try:
        handler = PrivateRotatingFileHandler(data_dir / LOG_FILE, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                             encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(OneLineFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


def start_logging(data_dir: Path, first_line: str, environ: Mapping[str, str] | None = None) -> logging.Handler | None:
    """The kiosk's log from here on; its first line says which kiosk this is (version, API host)."""
    handler = log_handler(data_dir, environ)
    if handler is None:
        return None
    logger = logging.getLogger("gemilang_tui")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.info(first_line)
    return handler
