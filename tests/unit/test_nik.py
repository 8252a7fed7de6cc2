from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.domain.nik import NikError, mask_nik, parse_nik

TODAY = date(2026, 11, 28)


def test_canonical_nik_is_a_woman_from_kelapa_dua_born_1971() -> None:
    nik = parse_nik("3603284508710003", today=TODAY)
    assert nik.digits == "3603284508710003"
    assert (nik.province, nik.regency, nik.district) == ("36", "03", "28")
    assert nik.birth_date == date(1971, 8, 5)
    assert nik.sex == "F"
    assert nik.is_tangerang is True
    assert nik.masked == "3603********0003"


@pytest.mark.parametrize(
    "typed", ["3603 2845 0871 0003", "3603.2845.0871.0003", "3603-284508-710003", " 3603284508710003\n"]
)
def test_separators_are_stripped(typed: str) -> None:
    assert parse_nik(typed, today=TODAY).digits == "3603284508710003"


def test_man_and_other_area_are_accepted() -> None:
    nik = parse_nik("3171011708450001", today=TODAY)
    assert nik.sex == "M"
    assert nik.birth_date == date(1945, 8, 17)
    assert nik.is_tangerang is False


def test_unknown_kecamatan_code_is_accepted() -> None:
    assert parse_nik("3603990101900001", today=TODAY).district == "99"


def test_two_digit_year_picks_latest_century_not_in_the_future() -> None:
    assert parse_nik("3603280101100001", today=TODAY).birth_date == date(2010, 1, 1)
    assert parse_nik("3603280101300001", today=TODAY).birth_date == date(1930, 1, 1)
    # Born later this year would be in the future, so it is the previous century.
    assert parse_nik("3603282012260001", today=TODAY).birth_date == date(1926, 12, 20)
    assert parse_nik("3603281511260001", today=TODAY).birth_date == date(2026, 11, 15)


def _reason(text: str) -> tuple[str, dict[str, object]]:
    with pytest.raises(NikError) as info:
        parse_nik(text, today=TODAY)
    return info.value.reason, info.value.params


def test_fifteen_digits_names_sixteen() -> None:
    assert _reason("360328450871000") == ("length", {"got": 15, "expected": 16})


def test_month_thirteen() -> None:
    assert _reason("3603281513710003") == ("month", {"month": 13})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("empty", {})),
        (" - . ", ("empty", {})),
        ("36032845O8710003", ("not_digits", {})),
        ("٣603284508710003", ("not_digits", {})),
        ("36032845087100031", ("length", {"got": 17, "expected": 16})),
        ("3603280100710003", ("month", {"month": 0})),
        ("3603280008710003", ("day", {"day": 0})),
        ("3603283508710003", ("day", {"day": 35})),
        ("3603284008710003", ("day", {"day": 40})),
        ("3603287208710003", ("day", {"day": 72})),
        ("3603283102710003", ("date", {"year": 1971, "month": 2, "day": 31})),
        ("3603287102710003", ("date", {"year": 1971, "month": 2, "day": 31})),
        ("3603282902710003", ("date", {"year": 1971, "month": 2, "day": 29})),
    ],
)
def test_rejections(text: str, expected: tuple[str, dict[str, object]]) -> None:
    assert _reason(text) == expected


def test_leap_day_accepted() -> None:
    assert parse_nik("3603286902720003", today=TODAY).birth_date == date(1972, 2, 29)


def test_error_is_a_value_error_without_user_text() -> None:
    with pytest.raises(ValueError) as info:
        parse_nik("12", today=TODAY)
    assert isinstance(info.value, NikError)
    assert info.value.reason == "length"


@given(st.text())
def test_random_text_raises_only_nik_error(text: str) -> None:
    try:
        nik = parse_nik(text, today=TODAY)
    except NikError as err:
        assert err.reason in {"empty", "not_digits", "length", "month", "day", "date"}
    else:
        assert len(nik.digits) == 16 and nik.digits.isascii() and nik.digits.isdigit()


@given(
    st.from_regex(r"[0-9]{6}", fullmatch=True),
    st.dates(min_value=date(1927, 1, 1), max_value=TODAY),
    st.sampled_from(["F", "M"]),
    st.from_regex(r"[0-9]{4}", fullmatch=True),
)
def test_encoded_birth_date_and_sex_roundtrip(area: str, born: date, sex: str, serial: str) -> None:
    day = born.day + (40 if sex == "F" else 0)
    digits = f"{area}{day:02d}{born.month:02d}{born.year % 100:02d}{serial}"
    nik = parse_nik(digits, today=TODAY)
    assert nik.birth_date == born
    assert nik.sex == sex
    assert nik.district == area[4:6]


@given(st.from_regex(r"[0-9]{16}", fullmatch=True))
def test_mask_never_reveals_the_middle(digits: str) -> None:
    masked = mask_nik(digits)
    assert masked == digits[:4] + "********" + digits[-4:]
    assert len(masked) == 16


@given(st.from_regex(r"[0-9]{0,8}", fullmatch=True))
def test_mask_of_short_input_hides_everything(digits: str) -> None:
    assert mask_nik(digits) == "*" * len(digits)
