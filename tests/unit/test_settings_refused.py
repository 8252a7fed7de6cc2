"""Settings that would leave the kiosk unusable or unguarded are refused at start: one line, exit status 2."""

from __future__ import annotations

import pytest

from gemilang_tui.attendant import hash_pin
from gemilang_tui.cli import main
from gemilang_tui.config import SettingError, load_settings

GOOD_HASH = hash_pin("4321", iterations=10_000)


def shaped(iterations: int) -> str:
    """A hash of the right shape with this iteration count (not computed: only the settings are checked)."""
    return f"pbkdf2_sha256${iterations}${'ab' * 16}${'cd' * 32}"


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"GEMILANG_API_URL": "https://"}, "GEMILANG_API_URL"),
        ({"GEMILANG_API_URL": "http:///v1"}, "GEMILANG_API_URL"),
        ({"GEMILANG_API_URL": "https://api.example.id:99999"}, "GEMILANG_API_URL"),
        ({"GEMILANG_API_URL": "https://api.example.id:0"}, "GEMILANG_API_URL"),
        ({"GEMILANG_API_URL": "https://petugas:rahasia@api.example.id"}, "GEMILANG_API_URL"),
        ({"GEMILANG_TIMEOUT": "nan"}, "GEMILANG_TIMEOUT"),
        ({"GEMILANG_TIMEOUT": "inf"}, "GEMILANG_TIMEOUT"),
        ({"GEMILANG_TIMEOUT": "1e-9"}, "GEMILANG_TIMEOUT"),
        ({"GEMILANG_TIMEOUT": "121"}, "GEMILANG_TIMEOUT"),
        ({"GEMILANG_IDLE_SECONDS": "0"}, "GEMILANG_IDLE_SECONDS"),
        ({"GEMILANG_IDLE_SECONDS": "99999999999999999999999"}, "GEMILANG_IDLE_SECONDS"),
        ({"GEMILANG_IDLE_SECONDS": "3601"}, "GEMILANG_IDLE_SECONDS"),
        ({"GEMILANG_IDLE_SECONDS": "-5"}, "GEMILANG_IDLE_SECONDS"),
        ({"GEMILANG_IDLE_SECONDS": "1e9"}, "GEMILANG_IDLE_SECONDS"),
        ({"GEMILANG_IDLE_SECONDS": "١٢٠"}, "GEMILANG_IDLE_SECONDS"),  # Arabic-Indic digits: int() takes them
        ({"GEMILANG_IDLE_WARNING_SECONDS": "601"}, "GEMILANG_IDLE_WARNING_SECONDS"),
        ({"GEMILANG_IDLE_WARNING_SECONDS": "99999999999999999999999"}, "GEMILANG_IDLE_WARNING_SECONDS"),
        ({"GEMILANG_IDLE_WARNING_SECONDS": "19"}, "GEMILANG_IDLE_WARNING_SECONDS"),
        ({"GEMILANG_ATTENDANT_PIN_HASH": shaped(0)}, "GEMILANG_ATTENDANT_PIN_HASH"),
        ({"GEMILANG_ATTENDANT_PIN_HASH": shaped(9_999)}, "GEMILANG_ATTENDANT_PIN_HASH"),
        ({"GEMILANG_ATTENDANT_PIN_HASH": shaped(50_000_000)}, "GEMILANG_ATTENDANT_PIN_HASH"),
        ({"GEMILANG_ATTENDANT_PIN_HASH": "pbkdf2_sha256$100000$zz$00"}, "GEMILANG_ATTENDANT_PIN_HASH"),
        ({"GEMILANG_API_URL": "http://api.example.id", "GEMILANG_API_TOKEN": "t0ken"}, "GEMILANG_API_URL"),
    ],
)
def test_unusable_or_unguarded_settings_are_refused(environ, named):
    with pytest.raises(SettingError) as problem:
        load_settings(environ=environ)
    message = str(problem.value)
    assert named in message and "\n" not in message
    assert "rahasia" not in message and "t0ken" not in message  # a refusal never repeats a secret


@pytest.mark.parametrize(
    "environ",
    [
        {"GEMILANG_API_URL": "https://api.example.id:8443/gemilang"},
        {"GEMILANG_API_URL": "http://127.0.0.1:8765", "GEMILANG_API_TOKEN": "t0ken"},
        {"GEMILANG_API_URL": "http://localhost:8765", "GEMILANG_API_TOKEN": "t0ken"},
        {"GEMILANG_API_URL": "http://[::1]:8765", "GEMILANG_API_TOKEN": "t0ken"},
        {"GEMILANG_API_URL": "https://api.example.id", "GEMILANG_API_TOKEN": "t0ken"},
        {"GEMILANG_API_URL": "http://api.example.id"},
        {"GEMILANG_TIMEOUT": "0.5"},
        {"GEMILANG_TIMEOUT": "120"},
        {"GEMILANG_IDLE_SECONDS": "3600", "GEMILANG_IDLE_WARNING_SECONDS": "600"},
        {"GEMILANG_IDLE_SECONDS": " 180 ", "GEMILANG_IDLE_WARNING_SECONDS": "20"},
        {"GEMILANG_ATTENDANT_PIN_HASH": GOOD_HASH},
        {"GEMILANG_ATTENDANT_PIN_HASH": shaped(2_000_000)},
    ],
)
def test_sane_settings_pass(environ):
    load_settings(environ=environ)


def test_the_cli_refuses_in_one_line_with_status_2(monkeypatch, capsys):
    monkeypatch.setenv("GEMILANG_API_URL", "https://api.example.id:99999")
    assert main(["outbox"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("gemilang-tui: GEMILANG_API_URL=")


def test_an_idle_time_out_of_bounds_is_refused_in_one_line_naming_the_range(monkeypatch, capsys):
    monkeypatch.setenv("GEMILANG_IDLE_SECONDS", "99999999999999999999999")
    assert main(["outbox"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "GEMILANG_IDLE_SECONDS=" in err and "from 1 to 3600" in err


def test_a_toml_idle_time_out_of_bounds_is_refused(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[gemilang]\nidle_seconds = 86400\n")
    with pytest.raises(SettingError, match="idle_seconds.*from 1 to 3600"):
        load_settings(environ={}, config_path=config)


async def test_the_pin_is_checked_off_the_ui_loop(settings):
    import threading
    from dataclasses import replace

    from tests.conftest import kiosk, press, screen_text, type_text

    attended = replace(settings, attendant_pin_hash=GOOD_HASH)
    threads = []
    async with kiosk(attended) as (app, pilot):
        check = app._pin_gate.check
        app._pin_gate.check = lambda pin: threads.append(threading.current_thread()) or check(pin)
        await press(pilot, "ctrl+a")
        await type_text(pilot, "4321")
        await press(pilot, "enter")
        assert "Bahasa" in screen_text(app)
    assert threads and threading.main_thread() not in threads
