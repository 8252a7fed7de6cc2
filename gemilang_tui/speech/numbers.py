"""Number words for speech, in Indonesian and English: amounts, digits one by one, years and ordinals.

Pure functions over num2words; every result holds letters and single spaces only (no commas, no hyphens).
"""

from __future__ import annotations

import re

DIGIT_WORDS = {
    "id": ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
}
_NOT_A_LETTER = re.compile(r"[^a-z]+")


def _lang(locale: str) -> str:
    return "en" if locale == "en" else "id"


def _clean(words: str) -> str:
    """num2words writes 'twenty-one' and 'one million, one hundred': speech wants words and spaces."""
    return " ".join(_NOT_A_LETTER.sub(" ", words.lower()).split())


def cardinal(value: int, locale: str = "id") -> str:
    """1150500 → 'satu juta seratus lima puluh ribu lima ratus'."""
    from num2words import num2words

    if value < 0:
        return ("minus " if locale == "en" else "minus ") + cardinal(-value, locale)
    return _clean(num2words(value, lang=_lang(locale)))


def digits(text: str, locale: str = "id") -> str:
    """'0812' → 'nol delapan satu dua': each digit alone; anything but a digit is left out."""
    words = DIGIT_WORDS[_lang(locale)]
    return " ".join(words[int(char)] for char in text if char.isdigit())


def year(value: int, locale: str = "id") -> str:
    """2026 → 'dua ribu dua puluh enam' / 'twenty twenty six'."""
    if _lang(locale) == "en" and 1100 <= value <= 2999:
        from num2words import num2words

        return _clean(num2words(value, lang="en", to="year"))
    return cardinal(value, locale)


def ordinal(value: int, locale: str = "id") -> str:
    """7 → 'seventh' / 'ketujuh' (Indonesian says 'pertama' for the first)."""
    if _lang(locale) == "en":
        from num2words import num2words

        return _clean(num2words(value, lang="en", to="ordinal"))
    return "pertama" if value == 1 else "ke" + cardinal(value, "id")


def decimal(whole: int, fraction: str, locale: str = "id") -> str:
    """2,5 → 'dua koma lima'; 2.05 → 'two point zero five' (the fraction is read digit by digit)."""
    point = "point" if _lang(locale) == "en" else "koma"
    return f"{cardinal(whole, locale)} {point} {digits(fraction, locale)}"
