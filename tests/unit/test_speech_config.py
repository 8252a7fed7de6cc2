"""GEMILANG_SPEECH and GEMILANG_SPEECH_VOLUME: checked like every setting; a bad value is one line and exit 2."""

from __future__ import annotations

import pytest

from gemilang_tui.config import SettingError, load_settings
from tests.unit.test_config import _cli


def test_speech_defaults_to_espeak_at_seventy():
    settings = load_settings(environ={})
    assert settings.speech == "espeak" and settings.speech_volume == 70


def test_speech_modes_from_environment_and_flags(tmp_path):
    assert load_settings(environ={"GEMILANG_SPEECH": "None"}).speech == "none"
    assert load_settings(environ={"GEMILANG_SPEECH": f"file:{tmp_path}"}).speech == f"file:{tmp_path}"
    settings = load_settings(flags={"speech": "espeak", "speech_volume": "40"}, environ={"GEMILANG_SPEECH": "none"})
    assert settings.speech == "espeak" and settings.speech_volume == 40


@pytest.mark.parametrize(("environ", "allowed"), [
    ({"GEMILANG_SPEECH": "festival"}, "espeak, none or file:DIR"),
    ({"GEMILANG_SPEECH": "file:"}, "espeak, none or file:DIR"),
    ({"GEMILANG_SPEECH_VOLUME": "101"}, "0 to 100"),
    ({"GEMILANG_SPEECH_VOLUME": "loud"}, "0 to 100"),
])
def test_bad_speech_settings_are_named(environ, allowed):
    with pytest.raises(SettingError) as problem:
        load_settings(environ=environ)
    assert next(iter(environ)) in str(problem.value) and allowed in str(problem.value)


def test_cli_bad_speech_flag_is_one_line_and_exit_code_2():
    result = _cli("--speech", "festival")
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    assert "--speech" in result.stderr and "espeak, none or file:DIR" in result.stderr
