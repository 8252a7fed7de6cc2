"""What an operator reads: `status --json`, the metrics file (parsed as Prometheus would), the notify protocol,
the log's way to the journal, the version, and libusb named when it is missing."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import stat
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from gemilang_tui import cli
from gemilang_tui.config import Settings
from gemilang_tui.health import (
    METRICS_FILE,
    STATE_FILE,
    HealthRecorder,
    KioskState,
    load_state,
    metrics_text,
    report,
    save_state,
    write_metrics,
)
from gemilang_tui.logs import JournalHandler, OneLineFormatter, log_handler
from gemilang_tui.notify import Watchdog, notify
from gemilang_tui.outbox import Outbox
from gemilang_tui.printing.device import send
from gemilang_tui.printing.outcome import NO_LIBUSB, PrintStatus, last_outcome
from gemilang_tui.printing.target import parse_target
from gemilang_tui.version import version
from tests.conftest import TODAY

HOUR = 3600.0


def _outbox_with_three(settings: Settings, waited: float) -> None:
    """One submission waiting for `waited` seconds, one refused for good, one sent."""
    outbox = Outbox(settings.data_dir / "outbox.sqlite3")
    waiting = outbox.put("ak1", {"pendidikan": "SMA/SMK"})
    refused = outbox.put("lapor", {"judul": "Jalan rusak"})
    sent = outbox.put("donor", {"golongan": "A"})
    outbox.mark_failed(refused.id, "refused")
    outbox.mark_sent(sent.id, "DNR-2026-00001")
    created = (datetime.now(UTC) - timedelta(seconds=waited)).isoformat()
    with outbox._tx() as conn:
        conn.execute("UPDATE outbox SET created_at = ? WHERE id = ?", (created, waiting.id))


def _running_state(settings: Settings, now: float) -> KioskState:
    state = KioskState(version="1.2.3", pid=os.getpid(), started_at=now - 600, api_host="api.example.go.id",
                       api_reachable=True, last_api_contact=now - 5, printer="offline", printer_reason="USBError",
                       speech="missing", speech_reason="no audio player (aplay, paplay, pw-play) on the PATH")
    return state.visit_ended(TODAY, now - 60)


def test_status_json_names_version_config_api_outbox_printer_speech_and_the_day(settings, tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('api_url = "https://api.example.go.id"\nprinter = "usb:0416:5011"\n', encoding="utf-8")
    now = time.time()
    settings = Settings(today=TODAY, data_dir=settings.data_dir, speech="none")
    save_state(settings.data_dir, _running_state(settings, now))
    _outbox_with_three(settings, waited=2 * HOUR)

    code = cli.main(["status", "--json", "--config", str(config), "--data-dir", str(settings.data_dir),
                     "--today", TODAY.isoformat()])

    assert code == 0
    health = json.loads(capsys.readouterr().out)
    assert health["version"] == version()
    assert health["config"] == {"file": str(config), "sha256": hashlib.sha256(config.read_bytes()).hexdigest()}
    assert health["api"]["host"] == "api.example.go.id" and health["api"]["reachable"] is True
    assert datetime.fromisoformat(health["api"]["last_contact"]).timestamp() == pytest.approx(now - 5, abs=1)
    assert health["kiosk"]["running"] is True and health["kiosk"]["version"] == "1.2.3"
    assert health["kiosk"]["uptime_seconds"] == pytest.approx(600, abs=5)
    outbox = health["outbox"]
    assert (outbox["waiting"], outbox["failed"], outbox["sent"]) == (1, 1, 1)
    assert outbox["oldest_waiting_seconds"] == pytest.approx(2 * HOUR, abs=30)
    assert health["printer"] == {"configured": True, "state": "offline", "reason": "USBError"}
    assert health["speech"]["state"] == "missing" and "aplay" in health["speech"]["reason"]
    assert health["visits_today"] == 1 and health["submissions_today"] == 3
    assert datetime.fromisoformat(health["last_visit_end"]).timestamp() == pytest.approx(now - 60, abs=1)


def test_status_of_a_kiosk_that_never_ran_says_so(settings, capsys):
    assert cli.main(["status", "--json", "--data-dir", str(settings.data_dir)]) == 0
    health = json.loads(capsys.readouterr().out)
    assert health["kiosk"]["running"] is False and health["kiosk"]["uptime_seconds"] is None
    assert health["outbox"]["waiting"] == 0 and health["config"]["file"] is None
    assert not (settings.data_dir / "outbox.sqlite3").exists()  # asking does not create the kiosk's files
    assert cli.main(["status", "--data-dir", str(settings.data_dir)]) == 0
    assert "kiosk:    not running" in capsys.readouterr().out


def test_a_dead_kiosks_record_is_not_reported_as_running(settings, capsys):
    state = KioskState(version="1.0.0", pid=2**22 + 12345, started_at=time.time() - 60, api_host="embedded-mock")
    save_state(settings.data_dir, state)
    cli.main(["status", "--json", "--data-dir", str(settings.data_dir)])
    kiosk = json.loads(capsys.readouterr().out)["kiosk"]
    assert kiosk["running"] is False and kiosk["version"] == "1.0.0" and kiosk["pid"] is None


def _families(text: str) -> dict[str, list]:
    return {family.name: family.samples for family in text_string_to_metric_families(text)}


def test_metrics_parse_as_prometheus_text_with_every_gauge(settings):
    now = time.time()
    settings = Settings(today=TODAY, data_dir=settings.data_dir, printer=parse_target("usb:0416:5011"))
    _outbox_with_three(settings, waited=90 * 60)
    health = report(settings, None, state=_running_state(settings, now), now=now)

    families = _families(metrics_text(health))

    def value(name: str) -> float:
        [sample] = families[name]
        return sample.value

    [build] = families["gemilang_build_info"]
    assert build.labels == {"version": version()} and build.value == 1
    assert value("gemilang_outbox_waiting") == 1 and value("gemilang_outbox_failed") == 1
    assert value("gemilang_outbox_oldest_waiting_seconds") == pytest.approx(90 * 60, abs=30)
    assert value("gemilang_api_reachable") == 1
    assert value("gemilang_api_last_contact_timestamp_seconds") == pytest.approx(now - 5, abs=0.01)
    assert value("gemilang_heartbeat_timestamp_seconds") == pytest.approx(now, abs=0.01)  # every digit kept
    assert value("gemilang_printer_configured") == 1 and value("gemilang_printer_ok") == 0
    assert value("gemilang_speech_ok") == 0
    assert value("gemilang_visits_today") == 1 and value("gemilang_submissions_today") == 3
    assert all(family.type == "gauge" for family in text_string_to_metric_families(metrics_text(health)))


def test_metrics_file_is_replaced_whole_and_readable_by_node_exporter(settings, tmp_path):
    folder = tmp_path / "textfile"
    health = report(settings, None, state=_running_state(settings, time.time()))
    write_metrics(folder, health)
    write_metrics(folder, health)
    assert [path.name for path in folder.iterdir()] == [METRICS_FILE]  # no temporary file left behind
    assert stat.S_IMODE((folder / METRICS_FILE).stat().st_mode) == 0o644
    assert "gemilang_outbox_waiting" in _families((folder / METRICS_FILE).read_text())


def test_the_recorder_writes_a_private_state_file_and_counts_visits_of_the_day(settings, tmp_path):
    recorder = HealthRecorder(settings, tmp_path / "metrics")
    recorder.visit_ended()
    recorder.visit_ended()
    recorder.write(recorder.snapshot())
    state = load_state(settings.data_dir)
    assert state is not None and state.visits_today == 2 and state.pid == os.getpid()
    assert state.speech == "off"  # settings.speech = "none"
    assert state.printer == "no_printer"
    assert stat.S_IMODE((settings.data_dir / STATE_FILE).stat().st_mode) == 0o600
    tomorrow = state.visit_ended(TODAY + timedelta(days=1), time.time())
    assert tomorrow.visits_today == 1 and tomorrow.visits_on(TODAY) == 0
    assert _families((tmp_path / "metrics" / METRICS_FILE).read_text())["gemilang_visits_today"][0].value == 2


def test_a_missing_libusb_is_named_not_just_offline(settings, capsys):
    class NoBackendError(ValueError):  # what pyusb raises when it cannot load libusb
        pass

    def connect(target):
        raise NoBackendError("No backend available")

    settings = Settings(data_dir=settings.data_dir, printer=parse_target("usb:0416:5011"))
    outcome = send(settings, lambda printer: None, connect=connect)
    assert outcome.status is PrintStatus.NO_DRIVER and "libusb" in outcome.reason
    assert last_outcome() == outcome
    recorder = HealthRecorder(settings)
    assert recorder.snapshot().printer == "no_driver" and recorder.snapshot().printer_reason == NO_LIBUSB
    assert outcome.message() == "Printer sedang tidak bisa dipakai."  # the citizen hears the same calm words


# -- sd_notify -------------------------------------------------------------------------------------------------


@pytest.fixture
def notify_socket():
    folder = tempfile.mkdtemp(prefix="notify", dir="/tmp")  # AF_UNIX paths are short: not under tmp_path
    path = os.path.join(folder, "sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(5)
    yield path, server
    server.close()
    os.unlink(path)
    os.rmdir(folder)


def test_notify_sends_one_datagram_to_the_socket(notify_socket):
    path, server = notify_socket
    assert notify("READY=1", {"NOTIFY_SOCKET": path})
    assert server.recv(4096) == b"READY=1"
    assert not notify("READY=1", {})  # outside systemd: nothing, no error


def test_notify_reaches_an_abstract_socket():
    name = f"gemilang-test-{os.getpid()}-{time.monotonic_ns()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind("\0" + name)
        server.settimeout(5)
        assert notify("WATCHDOG=1", {"NOTIFY_SOCKET": "@" + name})
        assert server.recv(4096) == b"WATCHDOG=1"


def test_the_watchdog_pings_at_half_its_time_and_only_for_this_process(notify_socket):
    path, server = notify_socket
    environ = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "10000000", "WATCHDOG_PID": str(os.getpid())}
    watchdog = Watchdog(environ, monotonic=100.0)
    assert watchdog.interval == 5.0
    assert not watchdog.tick(200.0)  # not before READY
    assert watchdog.ready() and server.recv(4096) == b"READY=1"
    assert not watchdog.tick(104.9)
    assert watchdog.tick(105.0) and server.recv(4096) == b"WATCHDOG=1"
    assert not watchdog.tick(106.0) and watchdog.tick(110.0)
    assert Watchdog({**environ, "WATCHDOG_PID": "1"}).interval is None  # systemd watches another process
    assert Watchdog({"NOTIFY_SOCKET": path}).interval is None  # no WatchdogSec in the unit


# -- the log ---------------------------------------------------------------------------------------------------


def test_under_systemd_the_log_goes_to_the_journal_socket_one_line_with_its_priority(notify_socket, settings):
    path, server = notify_socket
    handler = log_handler(settings.data_dir, {"INVOCATION_ID": "abc"}, journal_socket=path)
    assert isinstance(handler, JournalHandler)
    logger = logging.getLogger("gemilang_tui.test_journal")
    logger.addHandler(handler)
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            logger.warning("printer failed", exc_info=True)
    finally:
        logger.removeHandler(handler)
        handler.close()
    fields = dict(line.split("=", 1) for line in server.recv(65536).decode().splitlines())
    assert fields["PRIORITY"] == "4" and fields["SYSLOG_IDENTIFIER"] == "gemilang-tui"
    assert fields["MESSAGE"].startswith("gemilang_tui.test_journal: printer failed | Traceback")
    assert "RuntimeError: boom" in fields["MESSAGE"]
    assert not (settings.data_dir / "kiosk.log").exists()


def test_by_hand_the_log_is_a_private_rotated_file_one_line_per_event(settings):
    handler = log_handler(settings.data_dir, {})
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.maxBytes = 400
    logger = logging.getLogger("gemilang_tui.test_rotation")
    logger.addHandler(handler)
    try:
        for number in range(20):
            try:
                raise ValueError(f"problem {number}")
            except ValueError:
                logger.error("event %d", number, exc_info=True)
    finally:
        logger.removeHandler(handler)
        handler.close()
    logs = sorted(settings.data_dir.glob("kiosk.log*"))
    assert [path.name for path in logs] == ["kiosk.log", "kiosk.log.1", "kiosk.log.2", "kiosk.log.3"]
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in logs)
    lines = Path(settings.data_dir / "kiosk.log").read_text().splitlines()
    assert lines and all(" ERROR gemilang_tui.test_rotation: event " in line for line in lines)
    assert all("ValueError: problem" in line for line in lines)


def test_one_line_formatter_folds_a_multi_line_message():
    record = logging.LogRecord("gemilang_tui", logging.INFO, __file__, 1, "first\nsecond", None, None)
    assert OneLineFormatter("%(message)s").format(record) == "first | second"


# -- the version -----------------------------------------------------------------------------------------------


def test_version_flag_prints_the_installed_version(capsys):
    with pytest.raises(SystemExit) as ended:
        cli.main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out.strip() == f"gemilang-tui {version()}"
    assert version()[0].isdigit()
