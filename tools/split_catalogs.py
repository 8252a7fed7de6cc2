"""Put every Indonesian translation in the catalog whose sources use it (gemilang_tui/i18n/catalogs.txt).

    python tools/split_catalogs.py

After a merge that added msgids to whichever catalog was at hand, or when a file moves to another catalog: each
catalog is rewritten with exactly the msgids of its template (what `make i18n-extract` makes), each with the
translation found in any catalog, and a filled header. Then the translators' commands (`make i18n-update`,
`pybabel update -D <catalog> …`) add nothing foreign to a catalog. A msgid no catalog translates is left out
(`make i18n-check` names it).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "gemilang_tui" / "i18n"
KEYWORDS = {"_": None, "N_": None, "L": None, "ngettext": (1, 2)}
LANGUAGE_TEAM = "Tim penerjemah gemilang-tui (Bahasa Indonesia)"
BUGS = "https://tangerangkab.go.id"


def catalog_sources(root: Path = ROOT) -> dict[str, list[Path]]:
    """catalogs.txt: catalog → the files and folders whose msgids it holds."""
    sources: dict[str, list[Path]] = {}
    for line in (root / "gemilang_tui" / "i18n" / "catalogs.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _colon, paths = line.partition(":")
            sources[name.strip()] = [root / path for path in paths.split()]
    return sources


def msgids_of(paths: list[Path]) -> dict[str, list[tuple[str, int]]]:
    """The msgids the sources use, each with where (as `pybabel extract` finds them)."""
    found: dict[str, list[tuple[str, int]]] = {}

    def add(filename: str, lineno: int, message: str | tuple) -> None:
        text = message if isinstance(message, str) else message[0]
        if text:
            found.setdefault(text, []).append((filename, lineno))

    for path in paths:
        if path.is_dir():
            for filename, lineno, message, _c, _x in extract_from_dir(str(path), method_map=[("**.py", "python")],
                                                                      keywords=KEYWORDS):
                add(str(path.relative_to(ROOT) / filename), lineno, message)
        elif path.is_file():
            for lineno, message, _c, _x in extract_from_file("python", str(path), keywords=KEYWORDS):
                add(str(path.relative_to(ROOT)), lineno, message)
    return found


def fill_header(catalog: Catalog, name: str) -> None:
    catalog.project = "gemilang-tui"
    catalog.version = ""
    catalog.msgid_bugs_address = BUGS
    catalog.copyright_holder = "Pemerintah Kabupaten Tangerang / gemilang-tui contributors"
    catalog.last_translator = LANGUAGE_TEAM
    catalog.language_team = LANGUAGE_TEAM
    catalog.domain = name
    catalog.header_comment = (
        f"# Indonesian translations of gemilang-tui: the {name} catalog (gemilang_tui/i18n/catalogs.txt).\n"
        "# Copyright (C) 2026 Pemerintah Kabupaten Tangerang / gemilang-tui contributors\n"
        "# This file is distributed under the same license as the gemilang-tui project (MIT).")


def split(locale: str = "id") -> list[Path]:
    folder = I18N / locale / "LC_MESSAGES"
    translations: dict[str, str] = {}
    for po_path in sorted(folder.glob("*.po")):
        with po_path.open("rb") as handle:
            for message in read_po(handle, locale=locale):
                key = message.id if isinstance(message.id, str) else message.id[0]
                if key and message.string and not message.fuzzy:
                    translations.setdefault(key, message.string)
    written = []
    for name, paths in catalog_sources().items():
        catalog = Catalog(locale=locale, domain=name, revision_date=datetime.now(UTC), fuzzy=False)
        fill_header(catalog, name)
        for msgid, where in sorted(msgids_of(paths).items()):
            if msgid in translations:
                message = catalog.add(msgid, translations[msgid], locations=where)
                if "{" in msgid:
                    message.flags.discard("python-format")
        path = folder / f"{name}.po"
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, sort_output=True, no_location=True)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in split(sys.argv[1] if len(sys.argv) > 1 else "id"):
        print(path.relative_to(ROOT))
