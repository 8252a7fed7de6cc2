"""The printer settings: GEMILANG_PRINTER / --printer and GEMILANG_PRINTER_WIDTH / --printer-width, in the usual
layers; a bad value is one line naming the setting, exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gemilang_tui.config import SettingError, load_settings
from gemilang_tui.printing.target import PrinterTarget


def test_no_printer_and_58_mm_by_default():
    settings = load_settings(environ={})
    assert settings.printer is None and settings.printer_width == 58


def test_layers_of_the_printer_settings(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('printer = "network:192.168.1.50"\nprinter_width = 80\n')
    from_file = load_settings(environ={}, config_path=config)
    assert from_file.printer == PrinterTarget("network", "192.168.1.50", 9100) and from_file.printer_width == 80
    from_env = load_settings(environ={"GEMILANG_PRINTER": "usb:0416:5011", "GEMILANG_PRINTER_WIDTH": "58"},
                             config_path=config)
    assert str(from_env.printer) == "usb:0416:5011" and from_env.printer_width == 58
    flagged = load_settings(flags={"printer": "file:/tmp/struk.bin"}, environ={"GEMILANG_PRINTER": "usb:0416:5011"})
    assert flagged.printer == PrinterTarget("file", "/tmp/struk.bin")
    switched_off = load_settings(environ={"GEMILANG_PRINTER": "none"}, config_path=config)
    assert switched_off.printer is None


@pytest.mark.parametrize(("environ", "named", "allowed"), [
    ({"GEMILANG_PRINTER": "lpt:1"}, "GEMILANG_PRINTER", "usb:VID:PID"),
    ({"GEMILANG_PRINTER": "usb:epson"}, "GEMILANG_PRINTER", "network:HOST[:PORT]"),
    ({"GEMILANG_PRINTER_WIDTH": "57"}, "GEMILANG_PRINTER_WIDTH", "58 or 80"),
])
def test_bad_printer_settings_name_the_setting(environ, named, allowed):
    with pytest.raises(SettingError) as problem:
        load_settings(environ=environ)
    assert named in str(problem.value) and allowed in str(problem.value)


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GEMILANG_")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "gemilang_tui.cli", *args], capture_output=True, text=True,
                          env=environment, timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize(("args", "env", "named"), [
    ((), {"GEMILANG_PRINTER": "lpt:1"}, "GEMILANG_PRINTER="),
    (("--printer", "usb:zz:1"), {}, "--printer="),
    (("--printer-width", "57"), {}, "--printer-width="),
])
def test_cli_bad_printer_is_one_line_and_exit_code_2(args, env, named):
    result = _cli(*args, env=env)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and named in result.stderr and "Traceback" not in result.stderr
