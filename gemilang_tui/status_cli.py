"""`gemilang-tui status [--json]`: the kiosk's health for operators and their programs (no personal data).

    gemilang-tui status --config /etc/gemilang-tui/config.toml --data-dir /var/lib/gemilang-tui --json

Read from the running kiosk's state file and its outbox, so it works beside the kiosk, as its user or root.
Exit status 0 whenever the report could be made: whether the kiosk is well is in the report.
"""

from __future__ import annotations

import argparse
import json

from gemilang_tui.config import Settings, config_file
from gemilang_tui.health import report


def run(settings: Settings, args: argparse.Namespace) -> int:
    health = report(settings, config_file(getattr(args, "config", None))).as_json()
    if getattr(args, "json", False):
        print(json.dumps(health, indent=2, sort_keys=True))
        return 0
    for line in _lines(health):
        print(line)
    return 0


def _lines(health: dict) -> list[str]:
    kiosk, api, outbox = health["kiosk"], health["api"], health["outbox"]
    running = (f"running since {kiosk['started_at']} (pid {kiosk['pid']}, version {kiosk['version']})"
               if kiosk["running"] else "not running")
    return [
        f"gemilang-tui {health['version']}",
        f"config:   {health['config']['file'] or '(none: defaults and GEMILANG_* variables)'}"
        + (f"  sha256 {health['config']['sha256']}" if health["config"]["sha256"] else ""),
        f"kiosk:    {running}",
        f"API:      {api['host']}, reachable: {_yes_no(api['reachable'])}, last answer: {api['last_contact'] or '-'}",
        f"outbox:   {outbox['waiting']} waiting (oldest {outbox['oldest_waiting_seconds']} s), "
        f"{outbox['failed']} failed, {outbox['sent']} sent",
        f"printer:  {health['printer']['state']}" + _reason(health["printer"]["reason"]),
        f"speech:   {health['speech']['state']}" + _reason(health["speech"]["reason"]),
        f"today:    {health['visits_today']} visits, {health['submissions_today']} submissions; "
        f"last visit ended {health['last_visit_end'] or '-'}",
    ]


def _yes_no(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _reason(reason: str) -> str:
    return f" ({reason})" if reason else ""
