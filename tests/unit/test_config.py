"""Settings: defaults < TOML < GEMILANG_* < flags; a bad value names the setting and the allowed values."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from gemilang_tui.config import SettingError, load_settings


def test_defaults_use_the_embedded_mock_in_indonesian(tmp_path):
    settings = load_settings(environ={}, config_path=None)
    assert settings.api_url is None
    assert settings.locale == "id"
    assert settings.today is None


def test_layers_override_in_order(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('locale = "en"\ntoday = "2026-01-02"\napi_url = "https://toml.example"\n')
    environ = {"GEMILANG_TODAY": "2026-11-28", "GEMILANG_API_URL": "https://env.example/"}
    settings = load_settings(flags={"api_url": "http://127.0.0.1:8765"}, environ=environ, config_path=config)
    assert settings.locale == "en"  # from the file
    assert settings.today == date(2026, 11, 28)  # environment beats the file
    assert settings.api_url == "http://127.0.0.1:8765"  # the flag beats both


def test_data_dir_and_fixtures_from_environment(tmp_path):
    settings = load_settings(environ={"GEMILANG_DATA_DIR": str(tmp_path), "GEMILANG_FIXTURES": str(tmp_path)})
    assert settings.data_dir == tmp_path
    assert settings.fixtures == tmp_path


def test_token_is_never_in_the_repr():
    settings = load_settings(environ={"GEMILANG_API_TOKEN": "s3cret-token"})
    assert settings.api_token == "s3cret-token"
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(
    ("environ", "named", "allowed"),
    [
        ({"GEMILANG_LOCALE": "fr"}, "GEMILANG_LOCALE", "id or en"),
        ({"GEMILANG_TODAY": "28-11-2026"}, "GEMILANG_TODAY", "ISO date"),
        ({"GEMILANG_API_URL": "ftp://x"}, "GEMILANG_API_URL", "http"),
        ({"GEMILANG_TIMEOUT": "-1"}, "GEMILANG_TIMEOUT", "positive"),
    ],
)
def test_bad_values_name_the_setting(environ, named, allowed):
    with pytest.raises(SettingError) as problem:
        load_settings(environ=environ)
    assert named in str(problem.value) and allowed in str(problem.value)


def test_bad_toml_is_reported_not_raised(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("locale = \n")
    with pytest.raises(SettingError, match="valid TOML"):
        load_settings(environ={}, config_path=config)


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    import os

    environment = {k: v for k, v in os.environ.items() if not k.startswith("GEMILANG_")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "gemilang_tui.cli", *args], capture_output=True, text=True,
                          env=environment, timeout=60, stdin=subprocess.DEVNULL)


def test_cli_bad_setting_is_one_line_and_exit_code_2():
    result = _cli(env={"GEMILANG_LOCALE": "fr"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "GEMILANG_LOCALE" in result.stderr and "id or en" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_bad_flag_value_is_one_line_and_exit_code_2():
    result = _cli("--today", "kemarin")
    assert result.returncode == 2
    assert "--today" in result.stderr and "Traceback" not in result.stderr


def test_cli_malformed_fixture_is_named_by_file_and_field(tmp_path):
    (tmp_path / "layanan.json").write_text('{"grup": [], "layanan": [{"kode": "pbb"}]}')
    result = _cli("--fixtures", str(tmp_path))
    assert result.returncode == 2
    assert "layanan.json" in result.stderr and "layanan.0." in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_fixture_that_is_not_json_is_named(tmp_path):
    (tmp_path / "layanan.json").write_text("{not json")
    result = _cli("mock-api", "--fixtures", str(tmp_path), "--port", "1")
    assert result.returncode == 2
    assert "layanan.json" in result.stderr and "not valid JSON" in result.stderr
