"""The attendant's copies of receipts under `data_dir/receipts/`: readable text and the receipt's data, both 0600."""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import date
from pathlib import Path

from gemilang_tui.domain.plain_text import cleaned, plain
from gemilang_tui.printing.doc import ReceiptDoc

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[^A-Za-z0-9-]")


def receipts_dir(data_dir: Path) -> Path:
    return data_dir / "receipts"


def _write_private(path: Path, text: str) -> None:
    text = plain(text)  # a copy holds what the receipt says, never a byte that drives a terminal
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600)  # a copy made before this rule existed becomes private too
        handle.write(text)


def save_copy(data_dir: Path, name: str, text: str, doc: ReceiptDoc | None = None) -> Path:
    """Write `<name>.txt` (and `<name>.json`, the data to reprint it) for the attendant; OSError when it cannot."""
    folder = receipts_dir(data_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stem = _UNSAFE.sub("_", name) or "struk"
    path = folder / f"{stem}.txt"
    _write_private(path, text)
    if doc is not None:
        _write_private(folder / f"{stem}.json", json.dumps(cleaned(doc.to_json()), ensure_ascii=False, indent=1))
    return path


def todays_copies(data_dir: Path, today: date) -> list[ReceiptDoc]:
    """The receipts of `today` (WIB) that can be printed again, the latest first."""
    found = []
    folder = receipts_dir(data_dir)
    if not folder.is_dir():
        return []
    for path in folder.glob("*.json"):
        try:
            doc = ReceiptDoc.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("unreadable receipt copy %s", path.name)
            continue
        if doc.when.date() == today:
            found.append(doc)
    return sorted(found, key=lambda doc: doc.when, reverse=True)
