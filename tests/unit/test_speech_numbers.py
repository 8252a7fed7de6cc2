"""Number words for speech: known values, and only letters and single spaces for every number."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.speech.numbers import cardinal, decimal, digits, ordinal, year

WORDS = re.compile(r"[a-z]+( [a-z]+)*")


@pytest.mark.parametrize(("value", "words"), [
    (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (21, "dua puluh satu"),
    (100, "seratus"), (115, "seratus lima belas"), (1000, "seribu"), (2026, "dua ribu dua puluh enam"),
    (15_000, "lima belas ribu"), (1_150_500, "satu juta seratus lima puluh ribu lima ratus"),
    (380_000_000, "tiga ratus delapan puluh juta"), (10**12, "satu triliun"),
])
def test_indonesian_cardinals(value, words):
    assert cardinal(value, "id") == words


@pytest.mark.parametrize(("value", "words"), [
    (0, "zero"), (21, "twenty one"), (1_150_500, "one million one hundred and fifty thousand five hundred"),
])
def test_english_cardinals_have_no_hyphens_or_commas(value, words):
    assert cardinal(value, "en") == words


def test_digits_years_ordinals_and_decimals():
    assert digits("112") == "satu satu dua"
    assert digits("0812", "en") == "zero eight one two"
    assert year(2026, "en") == "twenty twenty six" and year(2026, "id") == "dua ribu dua puluh enam"
    assert ordinal(7, "en") == "seventh" and ordinal(3, "id") == "ketiga" and ordinal(1, "id") == "pertama"
    assert decimal(2, "5") == "dua koma lima" and decimal(2, "05", "en") == "two point zero five"


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["id", "en"]))
def test_every_number_up_to_a_trillion_is_letters_and_spaces(value, locale):
    assert WORDS.fullmatch(cardinal(value, locale))


@given(st.text(alphabet="0123456789", min_size=1, max_size=20), st.sampled_from(["id", "en"]))
def test_digit_by_digit_says_one_word_per_digit(text, locale):
    words = digits(text, locale).split()
    assert len(words) == len(text) and WORDS.fullmatch(" ".join(words))
