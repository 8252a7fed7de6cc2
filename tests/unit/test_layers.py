"""Only app.py, screens/ and widgets/ may import Textual; the rest is a headless core.

The static imports are held by the import-linter contracts in pyproject.toml (`make check`); these tests hold
what they cannot see: modules imported by name at run time, and what the first paint costs."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "gemilang_tui"
FACE = {"app", "screens", "widgets"}
ENTRY_POINT = "cli"  # starts the face, so it may name it


def _contract(contract_id: str) -> dict:
    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    return next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == contract_id)


def test_every_module_outside_the_face_is_held_headless():
    """`make check` (import-linter) forbids Textual only to the modules it lists: a new one must be listed too."""
    listed = {name.removeprefix("gemilang_tui.") for name in _contract("headless")["source_modules"]}
    top_level = {info.name for info in pkgutil.iter_modules([str(PACKAGE)])}
    assert top_level - FACE - {ENTRY_POINT} - listed == set()
    assert listed & FACE == set()


def test_headless_core_loads_without_textual():
    code = (
        "import sys, importlib, pkgutil\n"
        "import gemilang_tui.flow, gemilang_tui.catalog, gemilang_tui.session, gemilang_tui.config\n"
        "import gemilang_tui.services, gemilang_tui.outbox, gemilang_tui.api.client\n"
        "import gemilang_tui.services as s\n"
        "for info in pkgutil.iter_modules(s.__path__):\n"
        "    importlib.import_module('gemilang_tui.services.' + info.name)\n"
        "import gemilang_tui.domain as d\n"
        "for info in pkgutil.iter_modules(d.__path__):\n"
        "    importlib.import_module('gemilang_tui.domain.' + info.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_first_paint_path_stays_light():
    """What the kiosk imports before its welcome screen must not pull httpx, babel, pydantic or the mock."""
    code = (
        "import sys\n"
        "import gemilang_tui.cli, gemilang_tui.app, gemilang_tui.services.home, gemilang_tui.config\n"
        "heavy = ('httpx', 'babel', 'pydantic', 'fastapi', 'uvicorn', 'gemilang_tui.mockapi', 'sqlite3')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_contract_models_build_their_validators_on_first_use():
    """Every model of the contract derives from ApiModel (defer_build): the embedded mock starts light."""
    import re

    offenders = []
    for folder in (PACKAGE / "api", PACKAGE / "mockapi" / "routes"):
        for path in folder.glob("*.py"):
            if path.name == "model.py":  # ApiModel itself
                continue
            if re.search(r"^class \w+\(BaseModel\)", path.read_text(encoding="utf-8"), re.M):
                offenders.append(path.relative_to(PACKAGE).as_posix())
    assert offenders == [], "derive from gemilang_tui.api.model.ApiModel in: " + ", ".join(offenders)
