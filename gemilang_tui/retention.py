"""How long the kiosk keeps personal data it no longer needs: receipts, speech files and failed submissions, 30
days."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from gemilang_tui.storage import remove_older_than

if TYPE_CHECKING:
    from gemilang_tui.config import Settings
    from gemilang_tui.outbox import Outbox

log = logging.getLogger(__name__)

RECEIPT_DAYS = 30
FAILED_SUBMISSION_DAYS = 30


def speech_folder(settings: Settings) -> Path | None:
    """The folder of `GEMILANG_SPEECH=file:DIR`, where each utterance is kept as a file; None for other modes."""
    mode = settings.speech or ""
    return Path(mode[len("file:"):]) if mode.startswith("file:") else None


def tidy(settings: Settings, outbox: Outbox | None = None) -> None:
    """At start-up: old receipt and speech files go, old failed submissions lose their personal data. Never raises.

    `outbox`: the kiosk's (`ctx.submissions.outbox`); without it, the outbox file if there is one."""
    from gemilang_tui.sending import open_outbox, outbox_path

    folder = settings.data_dir / "receipts"
    receipts = sum(remove_older_than(folder, RECEIPT_DAYS, pattern) for pattern in ("*.txt", "*.json"))
    speech = speech_folder(settings)
    if speech is not None:  # what was said holds a NIK or a phone, digit by digit: kept no longer than a receipt
        receipts += sum(remove_older_than(speech, RECEIPT_DAYS, pattern) for pattern in ("*.wav", "*.txt"))
    stripped = 0
    if outbox is not None or outbox_path(settings).is_file():
        try:
            stripped = (outbox or open_outbox(settings)).expire(FAILED_SUBMISSION_DAYS)
        except (OSError, sqlite3.Error):
            log.warning("outbox retention skipped", exc_info=True)
    if receipts or stripped:
        log.info("retention: %d receipt or speech file(s) removed, %d failed submission(s) stripped",
                 receipts, stripped)
