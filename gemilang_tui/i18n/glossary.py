"""Official words a citizen may not know, and their plain words: shown together wherever such a word must appear.

A screen that shows a term also shows its plain words (`notes(...)` adds the missing ones as one short paragraph);
tests/functional/test_plain_words.py walks every screen and fails when a term stands there unexplained.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from gemilang_tui.i18n import N_, _


@dataclass(frozen=True)
class Term:
    """A term as the screen spells it, how to find it in a text, and its plain words (an English msgid)."""

    term: str
    pattern: str
    plain_msgid: str

    def found_in(self, text: str) -> bool:
        return re.search(self.pattern, text) is not None

    @property
    def plain(self) -> str:
        return _(self.plain_msgid)

    def explained_in(self, text: str) -> bool:
        return " ".join(self.plain.split()).casefold() in " ".join(text.split()).casefold()


TERMS: tuple[Term, ...] = (
    Term("NPOP", r"\bNPOP\b", N_("the price of the land and building that is taxed")),
    Term("NPOPTKP", r"\bNPOPTKP\b", N_("the part of the price that is not taxed")),
    Term("NJOP", r"\bNJOP\b", N_("the value of the land and building on the SPPT PBB")),
    Term("PPAT", r"\bPPAT\b", N_("the official who makes land deeds, usually a notary")),
    Term("SSPD", r"\bSSPD\b", N_("the form for paying a regional tax")),
    Term("WB", r"\bWB\b", N_("whole blood")),
    Term("PRC", r"\bPRC\b", N_("red blood cells")),
    Term("TC", r"\bTC\b", N_("platelets")),
    Term("FFP", r"\bFFP\b", N_("blood plasma")),
    Term("Didisposisi", r"(?i)\bdidisposisi\b", N_("passed on to the office in charge")),
    Term("berkala", r"(?i)\binformasi berkala\b", N_("published regularly")),
    Term("serta-merta", r"(?i)\bserta[- ]merta\b", N_("announced at once")),
    Term("Peruntukan", r"(?i)\bperuntukan\b", N_("for the burials of which religion")),
    Term("Retribusi", r"(?i)\bretribusi\b", N_("a fee paid to the regional government")),
    Term("PBJT", r"\bPBJT\b", N_("a tax on certain goods and services")),
    Term("MBLB", r"\bMBLB\b", N_("sand, fill soil and stone")),
    Term("SKTM", r"\bSKTM\b", N_("a letter saying you cannot afford it")),
)


def terms_in(*texts: str) -> list[Term]:
    """The terms that appear in these texts, in the glossary's order."""
    joined = "\n".join(texts)
    return [term for term in TERMS if term.found_in(joined)]


def explain(term: str) -> str:
    """`NPOPTKP: bagian harga yang tidak dikenai pajak`."""
    found = next(entry for entry in TERMS if entry.term == term)
    return f"{found.term}: {found.plain}"


def with_plain(word: str) -> str:
    """A word that is a term, with its plain words after it: `Didisposisi (diteruskan ke dinas yang menangani)`."""
    found = next((term for term in TERMS if re.fullmatch(term.pattern, word)), None)
    return f"{word} ({found.plain})" if found is not None else word


def notes(*texts: str) -> list[str]:
    """The plain words of the terms in these texts that they do not explain yet: one paragraph, or nothing."""
    joined = "\n".join(texts)
    missing = [term for term in terms_in(joined) if not term.explained_in(joined)]
    if not missing:
        return []
    return ["\n".join([_("What the words mean:"), *(f"• {term.term}: {term.plain}" for term in missing)])]


def with_notes(body: Iterable[str], *more: str) -> list[str]:
    """The body, with the plain words of its terms (and of `more`, shown elsewhere on the screen) after it."""
    lines = list(body)
    return lines + notes(*lines, *more)
