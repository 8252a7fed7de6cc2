"""The files an installer copies from deploy/: the example config loads, the unit keeps the kiosk on tty1, and the
udev rule names the same printer as the example config."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

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
