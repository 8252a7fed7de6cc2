"""A tester's fixture set is checked at the first start; an unchanged set is not checked again, a changed one is."""

from __future__ import annotations

import json
import os
from pathlib import Path

from gemilang_tui import cli
from gemilang_tui.config import load_settings
from gemilang_tui.mockapi.fixtures import default_fixtures_dir


def settings_for(tmp_path: Path):
    return load_settings(environ={"GEMILANG_DATA_DIR": str(tmp_path / "data"),
                                  "GEMILANG_FIXTURES": str(tmp_path / "set")})


def test_a_checked_set_is_not_checked_again_until_a_file_changes(tmp_path: Path, monkeypatch):
    folder = tmp_path / "set"
    folder.mkdir()
    berita = folder / "berita.json"
    berita.write_text((default_fixtures_dir() / "berita.json").read_text(encoding="utf-8"), encoding="utf-8")
    settings = settings_for(tmp_path)
    assert cli._check_fixtures(settings) is None
    assert (settings.data_dir / cli.FIXTURES_STAMP).is_file()

    def no_check(*args, **kwargs):
        raise AssertionError("an unchanged set was checked again")

    with monkeypatch.context() as patched:
        patched.setattr("gemilang_tui.mockapi.app.create_app", no_check)
        assert cli._check_fixtures(settings) is None

    data = json.loads(berita.read_text(encoding="utf-8"))
    data["artikel"][0]["judul"] = 7  # not a text: the changed file is checked, and refused
    berita.write_text(json.dumps(data), encoding="utf-8")
    os.utime(berita, ns=(1, 1))  # another time even on a file system with coarse times
    problem = cli._check_fixtures(settings)
    assert problem is not None and "berita.json" in problem and "judul" in problem


def test_a_bad_set_leaves_no_stamp(tmp_path: Path):
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "layanan.json").write_text("{", encoding="utf-8")
    settings = settings_for(tmp_path)
    assert "layanan.json" in (cli._check_fixtures(settings) or "")
    assert not (settings.data_dir / cli.FIXTURES_STAMP).exists()
    assert "layanan.json" in (cli._check_fixtures(settings) or "")
