"""Compile the gettext catalogs (.po → .mo) into the wheel, so a fresh `pip install` gives a translated kiosk."""

from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root) / "gemilang_tui" / "i18n"
        for po_path in root.glob("*/LC_MESSAGES/*.po"):
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=po_path.parent.parent.name)
            mo_path = po_path.with_suffix(".mo")
            with mo_path.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            if self.target_name == "wheel" and version != "editable":
                relative = mo_path.relative_to(self.root).as_posix()
                build_data["force_include"][str(mo_path)] = relative
