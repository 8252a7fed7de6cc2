"""Files the kiosk writes hold personal data (submissions, receipts, the log): only the kiosk's user may read them."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """`path` as a folder; a folder created here is 0700 (an existing one is left as it is: it may be shared)."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_DIR)  # mkdir's mode is filtered by the umask
    return path


def private_file(path: Path) -> Path:
    """`path` exists and is 0600 (created empty if missing), in a folder made by :func:`private_dir`."""
    private_dir(path.parent)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_FILE)
    return path


def write_private(path: Path, content: str | bytes) -> None:
    """Write `content` (text in UTF-8, or bytes) to `path` (0600), replacing what was there."""
    private_file(path)
    with open(path, "wb") as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)


def remove_older_than(folder: Path, days: float, pattern: str = "*", now: float | None = None) -> int:
    """Delete the files of `folder` matching `pattern` last changed more than `days` ago; how many went."""
    limit = (time.time() if now is None else now) - days * 86_400
    removed = 0
    try:
        candidates = list(folder.glob(pattern))
    except OSError:
        return 0
    for path in candidates:
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
    return removed
