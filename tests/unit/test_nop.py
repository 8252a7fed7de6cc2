import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.domain.nop import NopError, format_nop, parse_nop


def test_canonical_tapos_nop() -> None:
    nop = parse_nop("36.03.030.013.005-0117.0")
    assert nop.digits == "360303001300501170"
    assert (nop.kecamatan, nop.desa, nop.blok, nop.urut, nop.jenis) == ("030", "013", "005", "0117", "0")
    assert nop.formatted == "36.03.030.013.005-0117.0"


def test_canonical_cikupa_nop() -> None:
    nop = parse_nop("36.03.180.007.002-0033.0")
    assert (nop.kecamatan, nop.desa, nop.blok, nop.urut, nop.jenis) == ("180", "007", "002", "0033", "0")


def test_both_punctuations_in_the_wild() -> None:
    assert parse_nop("36.03.020.001.003-0045.0") == parse_nop("36.03.020.001.003.0045.0")


def test_well_formed_unknown_nop_is_accepted() -> None:
    assert format_nop(parse_nop("360302000100100010").digits) == "36.03.020.001.001-0001.0"


def _reason(text: str) -> tuple[str, dict[str, object]]:
    with pytest.raises(NopError) as info:
        parse_nop(text)
    return info.value.reason, info.value.params


def test_seventeen_digits() -> None:
    assert _reason("36030300130050117") == ("length", {"got": 17, "expected": 18})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("empty", {})),
        ("..--  ", ("empty", {})),
        ("abc", ("empty", {})),
        ("3603030013005011700", ("length", {"got": 19, "expected": 18})),
        ("36.71.030.013.005-0117.0", ("prefix", {"got": "3671", "expected": "3603"})),
    ],
)
def test_rejections(text: str, expected: tuple[str, dict[str, object]]) -> None:
    assert _reason(text) == expected


def test_format_nop_rejects_wrong_length() -> None:
    with pytest.raises(NopError) as info:
        format_nop("123")
    assert (info.value.reason, info.value.params) == ("length", {"got": 3, "expected": 18})


_nop_digits = st.from_regex(r"3603[0-9]{14}", fullmatch=True)
_separators = st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=3)


@given(_nop_digits, st.lists(_separators, min_size=19, max_size=19))
def test_parse_ignores_any_non_digit_separators(digits: str, seps: list[str]) -> None:
    typed = "".join(seps[i] + digits[i] for i in range(18)) + seps[18]
    assert parse_nop(typed).digits == digits


@given(_nop_digits)
def test_format_then_parse_roundtrips(digits: str) -> None:
    formatted = format_nop(digits)
    assert len(formatted) == 24
    assert parse_nop(formatted).digits == digits
    assert parse_nop(formatted).formatted == formatted


@given(st.text())
def test_random_text_raises_only_nop_error(text: str) -> None:
    try:
        nop = parse_nop(text)
    except NopError as err:
        assert err.reason in {"empty", "length", "prefix"}
    else:
        assert nop.digits.startswith("3603") and len(nop.digits) == 18
