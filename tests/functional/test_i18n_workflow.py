"""The translators' commands, as the README documents them, on a copy of the catalogs: one template per catalog,
`pybabel update` adds no msgid of another catalog, `pybabel compile` compiles every catalog, and the headers carry
the project's names instead of Babel's placeholders."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
I18N = Path("gemilang_tui") / "i18n"
VENV = Path(sys.executable).parent.parent
PYBABEL = Path(sys.executable).parent / "pybabel"
PLACEHOLDERS = ("EMAIL@ADDRESS", "FULL NAME", "ORGANIZATION", "YEAR-MO-DA", "LL@li.org", "PROJECT VERSION")

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _run(*command: str | Path, cwd: Path) -> str:
    done = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{command}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


def _msgids(po_path: Path) -> set[str]:
    with po_path.open("rb") as handle:
        return {message.id if isinstance(message.id, str) else message.id[0] for message in read_po(handle)
                if message.id}


def _catalog_names() -> list[str]:
    lines = (ROOT / I18N / "catalogs.txt").read_text(encoding="utf-8").splitlines()
    return [line.split(":")[0] for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for name in ("Makefile", "gemilang_tui", "tools"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "templates"))
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def _make(copy: Path, target: str) -> str:
    return _run("make", "--no-print-directory", target, "STAMP=", f"VENV={VENV}", cwd=copy)


def test_every_catalog_has_its_template_and_update_adds_nothing_foreign(copy):
    catalogs = copy / I18N / "id" / "LC_MESSAGES"
    before = {name: _msgids(catalogs / f"{name}.po") for name in _catalog_names()}
    assert sorted(before) == sorted(path.stem for path in catalogs.glob("*.po"))

    _make(copy, "i18n-update")

    for name, msgids in before.items():
        template = _msgids(copy / I18N / "templates" / f"{name}.pot")
        after = _msgids(catalogs / f"{name}.po")
        foreign, missing = sorted(after - template)[:5], sorted(template - after)[:5]
        assert after == template, f"{name}: foreign {foreign}, missing {missing}"
        assert after == msgids, f"{name} changed: the catalogs in the tree are not what their templates say"
        with (catalogs / f"{name}.po").open("rb") as handle:
            assert not [message.id for message in read_po(handle) if message.id and message.fuzzy], name


def test_the_documented_one_catalog_update_touches_one_catalog_with_its_own_msgids(copy):
    _make(copy, "i18n-extract")
    catalogs = copy / I18N / "id" / "LC_MESSAGES"
    texts = {path.name: path.read_text(encoding="utf-8") for path in catalogs.glob("*.po")}
    size = len(_msgids(catalogs / "ak1.po"))
    # README: pybabel update -D <catalog> -i gemilang_tui/i18n/templates/<catalog>.pot -d gemilang_tui/i18n -l id
    _run(PYBABEL, "update", "-D", "ak1", "-i", I18N / "templates" / "ak1.pot", "-d", I18N, "-l", "id", "-w", "100",
         "--ignore-obsolete", cwd=copy)
    assert len(_msgids(catalogs / "ak1.po")) == size
    assert {name: text for name, text in texts.items() if name != "ak1.po"} == {
        path.name: path.read_text(encoding="utf-8") for path in catalogs.glob("*.po") if path.name != "ak1.po"}


def test_compile_as_documented_compiles_every_catalog(copy):
    out = _make(copy, "i18n-compile")
    compiled = sorted(path.stem for path in (copy / I18N / "id" / "LC_MESSAGES").glob("*.mo"))
    assert compiled == sorted(_catalog_names()), out


def test_headers_name_the_project_not_babels_placeholders():
    for po_path in sorted((ROOT / I18N).glob("*/LC_MESSAGES/*.po")):
        header = po_path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert not [word for word in PLACEHOLDERS if word in header], po_path.name
        assert "Project-Id-Version: gemilang-tui" in header and "Language-Team: " in header, po_path.name


def test_every_file_with_msgids_is_in_exactly_one_catalog():
    from babel.messages.extract import extract_from_dir

    keywords = {"_": None, "N_": None, "L": None, "ngettext": (1, 2)}
    files = {f"gemilang_tui/{name}" for name, *_rest in extract_from_dir(
        str(ROOT / "gemilang_tui"), method_map=[("**.py", "python")], keywords=keywords)}
    listed: dict[str, list[str]] = {}
    for line in (ROOT / I18N / "catalogs.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _colon, paths = line.partition(":")
            for path in paths.split():
                listed.setdefault(path.rstrip("/"), []).append(name)

    def owners(file: str) -> list[str]:
        return [name for path, names in listed.items() for name in names
                if file == path or file.startswith(path + "/")]

    assert {file: owners(file) for file in files if len(owners(file)) != 1} == {}
    assert all(re.fullmatch(r"[a-z0-9_]+", name) for names in listed.values() for name in names)
