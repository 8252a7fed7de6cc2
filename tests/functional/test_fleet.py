"""The running kiosk as an operator's tools see it: systemd's READY and WATCHDOG, the state file and the metrics
file it keeps, and a log that names its version and never a citizen's NIK, phone or name."""

from __future__ import annotations

import json
import os
import re
import socket
import tempfile
from dataclasses import replace

import pytest
from prometheus_client.parser import text_string_to_metric_families

from gemilang_tui.health import METRICS_FILE, STATE_FILE
from gemilang_tui.logs import LOG_FILE
from gemilang_tui.printing.target import parse_target
from gemilang_tui.version import version
from tests.conftest import choose, kiosk, press, text, until
from tests.functional.test_ak1 import NAME, NIK, PHONE, walk_to_check


@pytest.fixture
def notify_socket(monkeypatch):
    """A stand-in for systemd: a datagram socket the kiosk is told about as systemd would tell it."""
    folder = tempfile.mkdtemp(prefix="notify", dir="/tmp")
    path = os.path.join(folder, "sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    monkeypatch.setenv("WATCHDOG_USEC", "400000")  # WatchdogSec=0.4: a ping every 0.2 s, i.e. every clock tick
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    yield server
    server.close()
    os.unlink(path)
    os.rmdir(folder)


def _received(server: socket.socket, into: list[str]) -> list[str]:
    while True:
        try:
            into.append(server.recv(4096).decode())
        except BlockingIOError:
            return into


async def test_ready_after_the_first_paint_then_watchdog_pings_from_the_clock(settings, notify_socket):
    messages: list[str] = []
    async with kiosk(settings) as (app, pilot):
        await until(pilot, lambda: _received(notify_socket, messages).count("WATCHDOG=1") >= 3, seconds=30)
        assert "Selamat datang" in text(app) or "Bahasa" in text(app)
    assert messages[0].startswith("READY=1\nSTATUS=version ")
    assert messages[0].endswith(version())
    assert set(messages[1:]) == {"WATCHDOG=1"}


async def test_the_kiosk_keeps_its_state_file_and_metrics_for_the_operator(settings, tmp_path):
    metrics = tmp_path / "textfile"
    settings = replace(settings, metrics_dir=metrics, printer=parse_target("network:127.0.0.1:9"))
    async with kiosk(settings) as (app, pilot):
        await until(pilot, lambda: (metrics / METRICS_FILE).exists(), seconds=30)
        state = json.loads((settings.data_dir / STATE_FILE).read_text())
        assert state["version"] == version() and state["pid"] == os.getpid()
        assert state["api_host"] == "embedded-mock" and state["visits_today"] == 0
        await press(pilot, "1")  # Bahasa Indonesia: the visit begins
        await until(pilot, lambda: "Menu Utama" in text(app))
        app.end_visit()
        app._health._next_write = 0.0  # the next tick writes (the kiosk writes at once after a visit, too)
        await until(pilot, lambda: json.loads((settings.data_dir / STATE_FILE).read_text())["visits_today"] == 1,
                    seconds=30)
        await until(pilot, lambda: app.api.contact.reachable is not None, seconds=30)
        app._health._next_write = 0.0
        await until(pilot, lambda: _gauges(metrics)["gemilang_api_reachable"] == 1, seconds=30)
        gauges = _gauges(metrics)
        assert gauges["gemilang_visits_today"] == 1 and gauges["gemilang_printer_configured"] == 1
        families = {family.name: family.samples for family in
                    text_string_to_metric_families((metrics / METRICS_FILE).read_text())}
        assert families["gemilang_build_info"][0].labels["version"] == version()
        assert json.loads((settings.data_dir / STATE_FILE).read_text())["api_reachable"] is True


def _gauges(folder) -> dict[str, float]:
    """The metrics file as Prometheus's parser reads it: name → value (labels left aside)."""
    text = (folder / METRICS_FILE).read_text()
    return {family.name: family.samples[0].value for family in text_string_to_metric_families(text)}


async def test_a_submission_leaves_no_personal_data_in_the_log(settings):
    settings = replace(settings, printer=parse_target("network:127.0.0.1:9"))  # nobody listens: a print fails
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        app.api.mock_app.state.faults.mode = "down"  # the first attempt fails and is logged
        await press(pilot, "1")
        await until(pilot, lambda: "Tersimpan di anjungan ini" in text(app), seconds=30)
        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        await until(pilot, lambda: "Nomor permohonan Anda" in text(app), seconds=30)
        await choose(app, pilot, "Cetak")  # print the receipt: the printer is not there
        await until(pilot, lambda: "Printer sedang tidak bisa dipakai" in text(app), seconds=30)
    log = (settings.data_dir / LOG_FILE).read_text(encoding="utf-8")
    lines = log.splitlines()
    assert lines[0].endswith(f"gemilang-tui {version()} started (pid {os.getpid()}, API embedded-mock)")
    assert any("receipt printer network failed" in line for line in lines)
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ [A-Z]+ gemilang_tui", line) for line in lines)
    for line in lines:  # grouped, spaced or dotted, the digits of a NIK or phone never appear
        digits = re.sub(r"\D", "", line)
        assert NIK not in digits and PHONE not in digits, line
    assert NAME.lower() not in log.lower() and "aminah" not in log.lower()
