"""Only app.py, screens/ and widgets/ may import Textual; the rest is a headless core."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "gemilang_tui"
FACE = ("app.py", "screens/", "widgets/")
ENTRY_POINT = "cli.py"  # starts the face, so it may name it


def _is_face(path: Path) -> bool:
    relative = path.relative_to(PACKAGE).as_posix()
    return relative in FACE or relative.startswith(FACE[1:])


def test_no_textual_import_outside_the_face():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if _is_face(path) or path.name == ENTRY_POINT and path.parent == PACKAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "textual" or name.startswith(("textual.", "gemilang_tui.app", "gemilang_tui.screens",
                                                         "gemilang_tui.widgets")) for name in names):
                offenders.append(path.relative_to(PACKAGE).as_posix())
    assert offenders == []


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
