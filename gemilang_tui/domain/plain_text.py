"""Text from outside the kiosk (an API answer, a fixture set, a keyboard) made safe to show, speak, print and store.

A string a server sends may hold bytes that drive the terminal rather than draw on it (`ESC ] 0 ; … BEL` sets the
title, `ESC [ 2 J` clears the screen, a cursor move draws a fake notice over a real bill), characters that reorder
what is shown (bidi overrides) or hide what it says (zero-width characters), or the kiosk's own token echoed back.
`plain()` removes the first two kinds from one string, `without_secrets()` the third, `cleaned()` both from every
string of a decoded JSON value. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: Removed wherever they appear: C0 controls but tab and line breaks, DEL, C1 controls (0x9b is a one-byte CSI),
#: bidi marks, embeddings, overrides and isolates, zero-width and invisible formatting characters, the
#: interlinear annotation marks, and lone surrogates (no terminal or file can encode them).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff]"
)
#: Whole terminal sequences, removed with their parameters so no "[2J" is left to read: CSI (ESC [ or the one-byte
#: 0x9b), OSC, DCS, SOS, PM and APC up to their terminator (BEL or ST), and the two-byte ESC sequences.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,4000}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029\x85]")
#: A credential written into a text: `Bearer <value>`, `Authorization: <value>` (with or without its scheme).
#: ("token" alone is no mark: a PLN electricity token is a number a citizen may need to read.)
_CREDENTIAL = re.compile(
    r"(?i)(?:authorization\s*[:=]\s*(?:(?:bearer|basic|token)\s+)?|bearer\s+)[A-Za-z0-9._~+/=-]+"
)
#: What stands where a credential was: nothing, so a value that carried one reads as it was meant.
HIDDEN = ""


def plain(text: str, line_breaks: bool = True) -> str:
    """`text` without control, bidi or invisible characters; a tab becomes a space, CR LF and the Unicode line and
    paragraph separators become a line break, and line breaks become spaces too unless `line_breaks`."""
    text = _LINE_BREAK.sub("\n", _SEQUENCE.sub("", text)).replace("\t", " ")
    if not line_breaks:
        text = text.replace("\n", " ")
    return _INVISIBLE.sub("", text)


def is_plain(text: str, line_breaks: bool = True) -> bool:
    return plain(text, line_breaks) == text


def without_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with each of `secrets` and any bearer or Authorization value replaced by `HIDDEN`."""
    text = _CREDENTIAL.sub(HIDDEN, text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, HIDDEN)
    return text


def cleaned(value: Any, secrets: Iterable[str] = ()) -> Any:
    """A decoded JSON value with every string (keys too) `plain` and without secrets; other values as they are."""
    hidden = tuple(secret for secret in secrets if secret)

    def clean(item: Any) -> Any:
        if isinstance(item, str):
            return without_secrets(plain(item), hidden)
        if isinstance(item, dict):
            return {clean(key): clean(inner) for key, inner in item.items()}
        if isinstance(item, list):
            return [clean(inner) for inner in item]
        return item

    return clean(value)
