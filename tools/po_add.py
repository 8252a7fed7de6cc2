"""Add or update translations in one .po file: `python tools/po_add.py FILE.po < pairs.json` ({msgid: msgstr}).

A convenience for developers; pybabel extract/update (see README) remains the workflow for finding new msgids.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po


def main() -> None:
    path = Path(sys.argv[1])
    locale = path.parent.parent.name
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale=locale, project="gemilang-tui", domain=path.stem)
    catalog.fuzzy = False
    for msgid, msgstr in json.load(sys.stdin).items():
        message = catalog.get(msgid)
        if message is not None:
            message.string = msgstr  # an update: `add` would keep the old translation
        else:
            message = catalog.add(msgid, msgstr)
        if "{" in msgid:  # "{rate}% of" is a brace placeholder, not the %-format babel's guess takes it for
            message.flags.discard("python-format")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True)


if __name__ == "__main__":
    main()
