"""Compile the gettext catalogs (.po → .mo) into the wheel, so a fresh `pip install` gives a translated kiosk."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("compile_catalogs", root / "tools" / "compile_catalogs.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for mo_path in module.compile_catalogs(root):
            if self.target_name == "wheel" and version != "editable":
                build_data["force_include"][str(mo_path)] = mo_path.relative_to(root).as_posix()
