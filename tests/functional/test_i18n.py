"""Indonesian is complete: every msgid has a translation, and no screen shown in Indonesian carries English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from gemilang_tui import i18n
from tests.conftest import kiosk, press, screen_text

PACKAGE = Path(__file__).resolve().parents[2] / "gemilang_tui"
KEYWORDS = {"_": None, "N_": None, "L": None, "ngettext": (1, 2)}
TEXTUAL_ENGLISH = ("Select", "Quit", "Search for commands", "command palette", "Keys", "Screenshot", "Theme")


def _msgids() -> set[str]:
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.update([message] if isinstance(message, str) else [m for m in message if m])
    return found


MSGIDS = _msgids()


def _indonesian_entries() -> dict[str, str]:
    from babel.messages.pofile import read_po

    entries: dict[str, str] = {}
    for po_path in sorted((PACKAGE / "i18n" / "id" / "LC_MESSAGES").glob("*.po")):
        with po_path.open("rb") as handle:
            for message in read_po(handle, locale="id"):
                if message.id and message.string and not message.fuzzy:
                    key = message.id if isinstance(message.id, str) else message.id[0]
                    entries[key] = message.string if isinstance(message.string, str) else message.string[0]
    return entries


def test_every_msgid_has_an_indonesian_translation():
    entries = _indonesian_entries()
    missing = sorted(msgid for msgid in MSGIDS if msgid not in entries)
    assert missing == [], "msgids without an Indonesian translation:\n" + "\n".join(missing)


def _is_english(msgid: str) -> bool:
    """Brand names and symbols ('Enter', 'Tangerang Gemilang', 'SP4N LAPOR!') read the same in both languages."""
    words = re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", msgid))
    return len(words) >= 2


def _english_fragments() -> list[str]:
    """Fixed parts of msgids whose Indonesian differs: if one shows on an Indonesian screen, it leaked."""
    catalog = i18n.load_translations("id")
    fragments = []
    for msgid in MSGIDS:
        if catalog.gettext(msgid) == msgid or not _is_english(msgid):
            continue
        fragments.extend(part.strip() for part in re.split(r"\{[^}]*\}", msgid) if len(part.strip()) >= 14)
    return fragments


ENGLISH = _english_fragments()


def _leaks(text: str) -> list[str]:
    flat = " ".join(text.split())
    leaks = [fragment for fragment in ENGLISH if fragment in flat]
    leaks += [word for word in TEXTUAL_ENGLISH if re.search(rf"\b{word}\b", flat)]
    return leaks


async def _crawl(app, pilot, path: list[str], depth: int, seen: list[str]) -> None:
    """Visit every numbered option below the current screen, checking each screen for English."""
    text = screen_text(app)
    seen.append("/".join(path))
    assert _leaks(text) == [], f"English on the screen after keys {path}:\n{text}"
    if depth == 0 or app.last_view is None or app.last_view.prompt is not None:
        return
    numbers = [str(option.number) for option in app.last_view.options]
    for number in numbers:
        before = len(app.screen_stack)
        await press(pilot, number)
        if len(app.screen_stack) > before:
            await _crawl(app, pilot, [*path, number], depth - 1, seen)
            while len(app.screen_stack) > before:
                await press(pilot, "escape")


@pytest.mark.parametrize("top", [str(n) for n in range(1, 10)])
async def test_no_english_on_indonesian_screens(settings, top):
    async with kiosk(settings) as (app, pilot):
        assert _leaks(screen_text(app)) == []
        await press(pilot, "1", top)
        seen: list[str] = []
        await _crawl(app, pilot, [top], depth=3, seen=seen)
        assert seen


async def test_help_and_loading_texts_are_indonesian(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "asterisk")
        assert _leaks(screen_text(app)) == []
