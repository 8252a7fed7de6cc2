"""A fixture or config file that cannot be read is one line naming it and exit status 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from gemilang_tui import cli
from gemilang_tui.config import default_config_path


def run_main(capsys, *argv: str) -> tuple[int, str]:
    status = cli.main(list(argv))
    err = capsys.readouterr().err
    return status, err


def assert_one_line(status: int, err: str, *named: str) -> None:
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err and err.startswith("gemilang-tui: ")
    for name in named:
        assert name in err


@pytest.mark.parametrize("command", [[], ["mock-api", "--port", "1"]])
def test_a_fixture_that_is_not_utf8(tmp_path: Path, capsys, command):
    (tmp_path / "layanan.json").write_bytes(b'{"grup": [], "layanan": ["\xff\xfe caf\xe9"]}')
    assert_one_line(*run_main(capsys, *command, "--fixtures", str(tmp_path)), "layanan.json", "UTF-8")


def test_a_deeply_nested_fixture(tmp_path: Path, capsys):
    (tmp_path / "layanan.json").write_text("[" * 100_000 + "]" * 100_000)
    assert_one_line(*run_main(capsys, "--fixtures", str(tmp_path)), "layanan.json")


def test_an_unreadable_fixture(tmp_path: Path, capsys, monkeypatch):
    target = tmp_path / "layanan.json"
    target.write_text("{}")
    read_text = Path.read_text

    def guarded(self: Path, *args, **kwargs):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", guarded)
    assert_one_line(*run_main(capsys, "--fixtures", str(tmp_path)), "layanan.json", "cannot be read")


def test_an_unreadable_default_config(capsys, monkeypatch):
    path = default_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('locale = "id"\n')
    opened = Path.open

    def guarded(self: Path, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    assert_one_line(*run_main(capsys, "outbox"), "config.toml")


@pytest.mark.parametrize("content", [b'locale = "\xff"\n', b"a = " + b"[" * 100_000], ids=["latin1", "deep"])
def test_a_config_that_is_not_utf8_or_too_deep(tmp_path: Path, capsys, content):
    config = tmp_path / "config.toml"
    config.write_bytes(content)
    assert_one_line(*run_main(capsys, "--config", str(config), "outbox"), "config.toml")
