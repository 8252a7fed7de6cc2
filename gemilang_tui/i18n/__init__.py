"""Translation (gettext, msgids in English) and locale-aware formatting (Babel) for every citizen-facing string.

The active locale is process-wide: a kiosk serves one citizen at a time, and switching language must change the
current screen at once. Babel is imported only when a number, sum or date is first formatted.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import date
from pathlib import Path

DEFAULT_LOCALE = "id"
LOCALES = ("id", "en")
CATALOG_DIR = Path(__file__).parent

_translations: dict[str, gettext.NullTranslations] = {}
_active: str = DEFAULT_LOCALE
_listeners: list[Callable[[str], None]] = []


def _compile_po(po_path: Path) -> gettext.GNUTranslations:
    """Compile a .po file in memory, for a checkout or install whose .mo files are missing or stale."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _load_domain(po_path: Path) -> gettext.GNUTranslations:
    mo_path = po_path.with_suffix(".mo")
    if mo_path.is_file() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        with mo_path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    return _compile_po(po_path)


def load_translations(locale: str) -> gettext.NullTranslations:
    """All catalogs of one locale chained together (one .po per service keeps merges apart)."""
    if locale in _translations:
        return _translations[locale]
    folder = CATALOG_DIR / locale / "LC_MESSAGES"
    chain: gettext.NullTranslations = gettext.NullTranslations()
    for po_path in sorted(folder.glob("*.po"), reverse=True):
        domain = _load_domain(po_path)
        domain.add_fallback(chain)
        chain = domain
    _translations[locale] = chain
    return chain


def set_locale(locale: str) -> None:
    """Make `locale` the language of every string translated from now on, and tell the listeners."""
    global _active
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}")
    load_translations(locale)
    changed = locale != _active
    _active = locale
    if changed:
        for listener in list(_listeners):
            listener(locale)


def get_locale() -> str:
    return _active


def on_locale_change(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call `listener` with each new locale; returns the function that stops it (or the app stays alive)."""
    _listeners.append(listener)

    def stop() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return stop


def _(message: str) -> str:
    """Translate a msgid into the active language."""
    return load_translations(_active).gettext(message)


class L:
    """A translatable text declared as data: `L("Back")` is looked up each time it is shown, in the language active
    then, so a label built at import time follows a language switch. Extracted like `_` (keyword `L`)."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self) -> str:
        return _(self.message)

    def __repr__(self) -> str:
        return f"L({self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, L) and other.message == self.message

    def __hash__(self) -> int:
        return hash(self.message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return load_translations(_active).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a msgid for extraction without translating it yet (translated later, at render time)."""
    return message


def localized(indonesian: str, english: str | None = None) -> str:
    """A text the API gives in Indonesian and, sometimes, in English: the active language when we have it."""
    if _active == "en" and english:
        return english
    return indonesian


def money(amount: int) -> str:
    """Rupiah for the active locale: `Rp1.150.500` in Indonesian, `Rp1,150,500` in English."""
    return "Rp" + number(amount)


def number(value: int | float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_active)


def long_date(value: date, locale: str | None = None) -> str:
    """`28 November 2026` / `November 28, 2026` (in the active language unless `locale` is given)."""
    from babel.dates import format_date

    return format_date(value, "long", locale=locale or _active)


def weekday_date(value: date) -> str:
    """`Sabtu, 28 November 2026`."""
    from babel.dates import format_date

    return f"{format_date(value, 'EEEE', locale=_active)}, {long_date(value)}"  # CLDR's full form pads the day
