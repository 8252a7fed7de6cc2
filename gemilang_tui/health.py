"""What an operator watches: the running kiosk's record of itself, `status --json`, and the Prometheus metrics file.

The kiosk keeps a small state file in its data folder (`kiosk-state.json`, 0600, replaced atomically) with what
only it knows: since when it runs, when the API last answered, how the printer and the voice are, the visits of
today. `gemilang-tui status` reads that file and the outbox, so it works as another process (the attendant's
shell, an Ansible check) while the kiosk runs. The same report becomes the metrics file that node_exporter's
textfile collector reads (`GEMILANG_METRICS_DIR`). Nothing here holds personal data: counts, times and states.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

STATE_FILE = "kiosk-state.json"
METRICS_FILE = "gemilang_tui.prom"
WRITE_EVERY_SECONDS = 15.0  # the kiosk's record and metrics; a scrape every 15-60 s sees at most this old


@dataclass(frozen=True)
class KioskState:
    """What the running kiosk records about itself (the state file); times are UTC epoch seconds."""

    version: str
    pid: int
    started_at: float
    api_host: str
    api_reachable: bool | None = None  # None: not asked yet
    last_api_contact: float | None = None
    printer: str = "unknown"  # ok, paper_out, offline, no_driver, no_printer, unknown (nothing printed yet)
    printer_reason: str = ""
    speech: str = "starting"  # on, off, starting, missing, failing (speech/voice.py)
    speech_reason: str = ""
    last_visit_end: float | None = None
    day: str = ""  # the kiosk's day (WIB) the visit count is for
    visits_today: int = 0
    written_at: float = 0.0

    def visit_ended(self, day: date, now: float) -> KioskState:
        """One more visit over (the count starts again on a new day)."""
        count = self.visits_today + 1 if self.day == day.isoformat() else 1
        return replace(self, day=day.isoformat(), visits_today=count, last_visit_end=now)

    def visits_on(self, day: date) -> int:
        return self.visits_today if self.day == day.isoformat() else 0


def write_atomically(path: Path, text: str, mode: int = 0o600) -> None:
    """Write a temporary file beside `path`, then rename it over: a reader sees the old file or the new, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + path.name + ".", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def save_state(data_dir: Path, state: KioskState) -> None:
    from gemilang_tui.storage import private_dir

    private_dir(data_dir)
    write_atomically(data_dir / STATE_FILE, json.dumps(asdict(state), indent=1, sort_keys=True) + "\n")


def load_state(data_dir: Path) -> KioskState | None:
    """The kiosk's last record, or None when no kiosk ever ran with this data folder (or the file is unreadable)."""
    try:
        data = json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))
        known = {name: data[name] for name in KioskState.__dataclass_fields__ if name in data}
        return KioskState(**known)
    except (OSError, ValueError, TypeError):
        return None


def api_host(api_url: str | None) -> str:
    if api_url is None:
        return "embedded-mock"
    from urllib.parse import urlsplit

    parts = urlsplit(api_url)
    return parts.hostname + (f":{parts.port}" if parts.port else "") if parts.hostname else api_url


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's (status run as root or another user)
        return True
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class OutboxCounts:
    waiting: int = 0
    failed: int = 0
    sent: int = 0
    oldest_waiting_seconds: float = 0.0
    submissions_today: int = 0


def outbox_counts(outbox_file: Path, day: date, now: float, pinned: date | None = None) -> OutboxCounts:
    """Counts from the outbox without creating it; failures the attendant resolved are not counted as failed.
    "Today" is the kiosk's day in WIB (moved with a pinned date, as every date the kiosk shows)."""
    if not outbox_file.is_file():
        return OutboxCounts()
    from gemilang_tui.kiosk_time import shown
    from gemilang_tui.outbox import Outbox
    from gemilang_tui.send_reasons import RESOLVED

    entries = Outbox(outbox_file).entries()
    waiting = [entry for entry in entries if entry.status == "pending"]
    oldest = min((entry.created_at.timestamp() for entry in waiting), default=now)
    return OutboxCounts(
        waiting=len(waiting),
        failed=sum(1 for entry in entries if entry.status == "failed" and entry.last_error != RESOLVED),
        sent=sum(1 for entry in entries if entry.status == "sent"),
        oldest_waiting_seconds=max(0.0, now - oldest),
        submissions_today=sum(1 for entry in entries if shown(entry.created_at, pinned).date() == day),
    )


def _iso(epoch: float | None) -> str | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class HealthReport:
    """One kiosk's health, as `status --json` prints it and the metrics file counts it."""

    version: str
    config_file: str | None
    config_sha256: str | None
    data_dir: str
    api_host: str
    kiosk_running: bool
    state: KioskState | None
    outbox: OutboxCounts
    printer_configured: bool
    now: float
    day: date

    def as_json(self) -> dict[str, Any]:
        state = self.state
        return {
            "version": self.version,
            "config": {"file": self.config_file, "sha256": self.config_sha256},
            "data_dir": self.data_dir,
            "kiosk": {
                "running": self.kiosk_running,
                "version": state.version if state else None,
                "pid": state.pid if state and self.kiosk_running else None,
                "started_at": _iso(state.started_at) if state else None,
                "uptime_seconds": round(self.now - state.started_at) if state and self.kiosk_running else None,
                "state_written_at": _iso(state.written_at) if state else None,
            },
            "api": {
                "host": self.api_host,
                "reachable": state.api_reachable if state else None,
                "last_contact": _iso(state.last_api_contact) if state else None,
            },
            "outbox": {
                "waiting": self.outbox.waiting,
                "failed": self.outbox.failed,
                "sent": self.outbox.sent,
                "oldest_waiting_seconds": round(self.outbox.oldest_waiting_seconds),
            },
            "printer": {
                "configured": self.printer_configured,
                "state": self._printer_state(),
                "reason": state.printer_reason if state else "",
            },
            "speech": {
                "state": state.speech if state else "unknown",
                "reason": state.speech_reason if state else "",
            },
            "visits_today": self.visits_today,
            "submissions_today": self.outbox.submissions_today,
            "last_visit_end": _iso(state.last_visit_end) if state else None,
        }

    def _printer_state(self) -> str:
        if not self.printer_configured:
            return "no_printer"
        return self.state.printer if self.state else "unknown"

    @property
    def visits_today(self) -> int:
        return self.state.visits_on(self.day) if self.state else 0

    @property
    def printer_ok(self) -> bool:
        return self.printer_configured and self._printer_state() in ("ok", "unknown")

    @property
    def speech_ok(self) -> bool:
        return self.state is not None and self.state.speech in ("on", "starting")


def report(settings: Any, config_file: Path | None, state: KioskState | None = None,
           now: float | None = None) -> HealthReport:
    """The health of the kiosk of these settings: from its state file (unless given) and its outbox."""
    from gemilang_tui.sending import outbox_path
    from gemilang_tui.version import version

    now = time.time() if now is None else now
    day = settings.today_or_real()
    running = state is not None
    if state is None:
        state = load_state(settings.data_dir)
        running = state is not None and _process_alive(state.pid)
    return HealthReport(
        version=version(),
        config_file=str(config_file) if config_file else None,
        config_sha256=file_sha256(config_file) if config_file else None,
        data_dir=str(settings.data_dir),
        api_host=api_host(settings.api_url),
        kiosk_running=running,
        state=state,
        outbox=outbox_counts(outbox_path(settings), day, now, settings.today),
        printer_configured=settings.printer is not None,
        now=now,
        day=day,
    )


# -- Prometheus text format (for node_exporter's textfile collector) ------------------------------------------

_GAUGES: tuple[tuple[str, str], ...] = (
    ("gemilang_build_info", "The kiosk's version (label version); always 1."),
    ("gemilang_up_since_timestamp_seconds", "When the kiosk started (Unix time)."),
    ("gemilang_heartbeat_timestamp_seconds", "When the kiosk last wrote this file (Unix time)."),
    ("gemilang_outbox_waiting", "Submissions waiting to be sent."),
    ("gemilang_outbox_failed", "Submissions the server refused for good, not yet resolved by the attendant."),
    ("gemilang_outbox_oldest_waiting_seconds", "Age of the oldest submission waiting to be sent (0: none)."),
    ("gemilang_api_reachable", "1 when the API answered the last request, 0 when it did not."),
    ("gemilang_api_last_contact_timestamp_seconds", "When the API last answered (Unix time; 0: never)."),
    ("gemilang_printer_configured", "1 when a receipt printer is set."),
    ("gemilang_printer_ok", "1 when the receipt printer printed last time (or has not been asked yet)."),
    ("gemilang_speech_ok", "1 when the voice is on and working."),
    ("gemilang_visits_today", "Visits ended today (WIB)."),
    ("gemilang_submissions_today", "Submissions made today (WIB)."),
)


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value: float) -> str:
    """Exact: a Unix time needs all its digits (`:g` would round it to six)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def metrics_text(health: HealthReport) -> str:
    state = health.state
    values: Mapping[str, float] = {
        "gemilang_build_info": 1,
        "gemilang_up_since_timestamp_seconds": state.started_at if state else 0,
        "gemilang_heartbeat_timestamp_seconds": health.now,
        "gemilang_outbox_waiting": health.outbox.waiting,
        "gemilang_outbox_failed": health.outbox.failed,
        "gemilang_outbox_oldest_waiting_seconds": round(health.outbox.oldest_waiting_seconds, 1),
        "gemilang_api_reachable": 1 if state and state.api_reachable else 0,
        "gemilang_api_last_contact_timestamp_seconds": (state.last_api_contact or 0) if state else 0,
        "gemilang_printer_configured": int(health.printer_configured),
        "gemilang_printer_ok": int(health.printer_ok),
        "gemilang_speech_ok": int(health.speech_ok),
        "gemilang_visits_today": health.visits_today,
        "gemilang_submissions_today": health.outbox.submissions_today,
    }
    lines = []
    for name, help_text in _GAUGES:
        labels = f'{{version="{_label(health.version)}"}}' if name == "gemilang_build_info" else ""
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge", f"{name}{labels} {_number(values[name])}"]
    return "\n".join(lines) + "\n"


def write_metrics(metrics_dir: Path, health: HealthReport) -> None:
    """node_exporter reads every *.prom file of its folder: ours appears whole or not at all, readable by it."""
    write_atomically(metrics_dir / METRICS_FILE, metrics_text(health), mode=0o644)


class HealthRecorder:
    """The running kiosk's side: keeps its `KioskState` and writes it (and the metrics) every few seconds.

    `snapshot` runs on the interface's loop (it asks the voice and the API client, which live there); `write`
    may run in a thread (it reads the outbox and writes two files).
    """

    def __init__(self, settings: Any, metrics_dir: Path | None = None, now: float | None = None) -> None:
        self.settings = settings
        self.metrics_dir = metrics_dir
        self._started_at = time.time() if now is None else now
        self._state: KioskState | None = None
        self._next_write = math.inf  # from `begin`, once the first screen is drawn
        self._driver_problem: str | None = None  # asked once, in the writing thread (it runs ldconfig)
        self._writing = threading.Lock()  # one write at a time, and never an older snapshot over a newer one

    @property
    def state(self) -> KioskState:
        """Made on first use, after the first paint: reading the version imports importlib.metadata."""
        if self._state is None:
            from gemilang_tui.version import version

            self._state = KioskState(version=version(), pid=os.getpid(), started_at=self._started_at,
                                     api_host=api_host(self.settings.api_url))
        return self._state

    @state.setter
    def state(self, state: KioskState) -> None:
        self._state = state

    def visit_ended(self, now: float | None = None) -> None:
        self.state = self.state.visit_ended(self.settings.today_or_real(), time.time() if now is None else now)
        self._next_write = 0.0  # written on the next tick

    def begin(self) -> None:
        """The kiosk shows its first screen: record it on the next tick, then every WRITE_EVERY_SECONDS."""
        self._next_write = 0.0

    def due(self, monotonic: float) -> bool:
        if monotonic < self._next_write:
            return False
        self._next_write = monotonic + WRITE_EVERY_SECONDS
        return True

    def snapshot(self, api: Any = None, voice: Any = None) -> KioskState:
        from gemilang_tui.printing.outcome import last_outcome

        state = self.state
        contact = getattr(api, "contact", None)
        if contact is not None:
            state = replace(state, api_reachable=contact.reachable, last_api_contact=contact.last_answer)
        if voice is not None:
            speech, reason = voice.status()
            state = replace(state, speech=speech, speech_reason=reason)
        elif self.settings.speech == "none":
            state = replace(state, speech="off", speech_reason="")
        printed = last_outcome()
        if self.settings.printer is None:
            state = replace(state, printer="no_printer", printer_reason="")
        elif printed is not None:
            state = replace(state, printer=printed.status.value, printer_reason=printed.reason)
        self.state = state
        return state

    def write(self, state: KioskState, now: float | None = None) -> None:
        with self._writing:
            if state is not self.state:
                return  # a newer snapshot was taken meanwhile: its own write follows (or went before)
            self._write(state, time.time() if now is None else now)

    def _write(self, state: KioskState, now: float) -> None:
        state = replace(state, written_at=now)
        if state.printer == "unknown" and getattr(self.settings.printer, "kind", None) == "usb":
            if self._driver_problem is None:
                from gemilang_tui.printing.device import usb_driver_problem

                self._driver_problem = usb_driver_problem()
            if self._driver_problem:  # no USB printer can print here: say why before anyone tries
                state = replace(state, printer="no_driver", printer_reason=self._driver_problem)
        if self.metrics_dir is not None:  # first: a reader of the state file then finds these metrics written too
            write_metrics(self.metrics_dir, report(self.settings, None, state=state, now=now))
        save_state(self.settings.data_dir, state)
