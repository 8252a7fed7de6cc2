"""Compile every gettext catalog (.po → .mo beside it). Used by the build hook and by `make`.

    python tools/compile_catalogs.py [ROOT]
"""

from __future__ import annotations

import sys
from pathlib import Path


def compile_catalogs(root: Path, only_stale: bool = False) -> list[Path]:
    """Write `<domain>.mo` beside each `gemilang_tui/i18n/<lang>/LC_MESSAGES/<domain>.po`; returns the .mo paths."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po_path in sorted((root / "gemilang_tui" / "i18n").glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if only_stale and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


if __name__ == "__main__":
    compile_catalogs(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1],
                     only_stale=True)
