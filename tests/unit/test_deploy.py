"""The files an installer copies from deploy/: the example config loads, the unit keeps the kiosk on tty1, and the
udev rule names the same printer as the example config."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gemilang_tui.config import load_settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_example_config_is_valid_and_names_a_printer():
    settings = load_settings(environ={}, config_path=DEPLOY / "config.toml")
    assert settings.printer is not None and settings.printer.kind == "usb"
    assert settings.printer_width == 58 and settings.locale == "id"


def _unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(path)
    return unit


def test_the_kiosk_runs_on_tty1_and_comes_back():
    service = _unit(DEPLOY / "systemd" / "gemilang-kiosk.service")["Service"]
    assert service["Restart"] == "always" and service["TTYPath"] == "/dev/tty1"
    assert service["StandardInput"] == "tty" and service["ExecStart"].endswith("/gemilang-tui")
    assert service["User"] == "kiosk"
    autologin = (DEPLOY / "systemd" / "getty@tty1.service.d" / "autologin.conf").read_text()
    assert "--autologin kiosk" in autologin


def test_udev_rule_matches_the_example_printer():
    printer = load_settings(environ={}, config_path=DEPLOY / "config.toml").printer
    rules = [line for line in (DEPLOY / "udev" / "60-gemilang-receipt-printer.rules").read_text().splitlines()
             if line and not line.startswith("#")]
    assert len(rules) == 2
    for rule in rules:
        vendor = re.search(r'idVendor}=="([0-9a-f]{4})"', rule).group(1)
        product = re.search(r'idProduct}=="([0-9a-f]{4})"', rule).group(1)
        assert (int(vendor, 16), int(product, 16)) == (printer.vendor, printer.product)
        assert 'GROUP="lp"' in rule and 'MODE="0660"' in rule


def test_the_unit_is_watched_by_systemd_and_keeps_the_screen_on_the_tty():
    service = _unit(DEPLOY / "systemd" / "gemilang-kiosk.service")["Service"]
    assert service["Type"] == "notify" and service["NotifyAccess"] == "main"
    assert int(service["WatchdogSec"]) >= 10
    # Textual draws on stderr: a stderr to the journal would send the screen there
    assert service["StandardError"] == "tty" and service["StandardOutput"] == "tty"
    assert "Environment=GEMILANG_METRICS_DIR=/run/gemilang-tui" in (
        DEPLOY / "systemd" / "gemilang-kiosk.service").read_text()
    assert service["RuntimeDirectory"] == "gemilang-tui"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verify_accepts_the_unit(tmp_path):
    """Its ExecStart points at an installed kiosk; here at this checkout's, so that `verify` can look at it."""
    text = (DEPLOY / "systemd" / "gemilang-kiosk.service").read_text()
    kiosk = Path(sys.executable).parent / "gemilang-tui"
    unit = tmp_path / "gemilang-kiosk.service"
    unit.write_text(re.sub(r"(?m)^ExecStart=.*$", f"ExecStart={kiosk}", text))
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=120)
    problems = [line for line in done.stderr.splitlines() if "gemilang-kiosk.service" in line]
    assert done.returncode == 0 and problems == [], done.stderr


def test_the_alert_rules_watch_metrics_the_kiosk_writes():
    import yaml

    from gemilang_tui.health import _GAUGES

    written = {name for name, _help in _GAUGES}
    rules = yaml.safe_load((DEPLOY / "prometheus" / "gemilang-alerts.yml").read_text())["groups"][0]["rules"]
    alerts = {rule["alert"]: rule["expr"] for rule in rules}
    assert {"KioskSilent", "KioskSubmissionWaitingOverAnHour", "KioskPrinterOffline"} <= set(alerts)
    for expr in alerts.values():
        assert set(re.findall(r"gemilang_\w+", expr)) <= written, expr
    assert "3600" in alerts["KioskSubmissionWaitingOverAnHour"]


def test_the_playbook_installs_and_rolls_back_with_the_wheelhouse_script():
    import yaml

    [play] = yaml.safe_load((DEPLOY / "ansible" / "update.yml").read_text())
    text = (DEPLOY / "ansible" / "update.yml").read_text()
    assert play["hosts"] == "kiosks" and play["serial"]
    assert "wheelhouse.sh install" in text and "wheelhouse.sh rollback" in text
    assert (DEPLOY / "wheelhouse.sh").stat().st_mode & 0o111


def test_the_getty_way_can_read_the_token_and_says_when_it_cannot():
    readme = (DEPLOY / "README.md").read_text()
    assert "install -m 0640 -o root -g kiosk /dev/null /etc/gemilang-tui/secrets.env" in readme
    login = (DEPLOY / "kiosk-login.sh").read_text()
    assert "logger -t gemilang-tui" in login


def test_the_recipe_installs_an_audio_player_the_voice_can_use():
    from gemilang_tui.speech.output import PLAYERS

    readme = (DEPLOY / "README.md").read_text()
    packages = {"aplay": "alsa-utils", "paplay": "pulseaudio-utils", "pw-play": "pipewire-bin"}
    assert any(name in packages and f" {packages[name]}" in readme for name, _args in PLAYERS)
