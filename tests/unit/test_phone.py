import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.domain.phone import PhoneError, mask_phone, parse_phone


@pytest.mark.parametrize(
    "typed",
    [
        "081234567890",
        "+6281234567890",
        "6281234567890",
        "81234567890",
        "+62 812-3456-7890",
        "0812.3456.7890",
        "(0812) 34567890",
    ],
)
def test_canonical_phone_in_every_accepted_form(typed: str) -> None:
    assert parse_phone(typed) == "081234567890"


def test_length_bounds() -> None:
    assert parse_phone("0812345678") == "0812345678"
    assert parse_phone("0812345678901") == "0812345678901"


def _reason(text: str) -> tuple[str, dict[str, object]]:
    with pytest.raises(PhoneError) as info:
        parse_phone(text)
    return info.value.reason, info.value.params


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("empty", {})),
        ("  -  ", ("empty", {})),
        ("0215551234", ("not_mobile", {})),
        ("+12025550123", ("not_mobile", {})),
        ("0812abc34567", ("not_mobile", {})),
        ("+", ("not_mobile", {})),
        ("081234567", ("length", {"got": 9, "min": 10, "max": 13})),
        ("08123456789012", ("length", {"got": 14, "min": 10, "max": 13})),
        ("+62812", ("length", {"got": 4, "min": 10, "max": 13})),
    ],
)
def test_rejections(text: str, expected: tuple[str, dict[str, object]]) -> None:
    assert _reason(text) == expected


def test_mask_canonical() -> None:
    assert mask_phone("081234567890") == "0812****7890"


_local = st.from_regex(r"08[0-9]{8,11}", fullmatch=True)


@given(_local)
def test_all_input_forms_normalise_to_the_same_number(local: str) -> None:
    rest = local[1:]
    assert {parse_phone(local), parse_phone("+62" + rest), parse_phone("62" + rest), parse_phone(rest)} == {
        local
    }


@given(_local)
def test_mask_never_reveals_the_middle(local: str) -> None:
    masked = mask_phone(local)
    assert masked[:4] == local[:4] and masked[-4:] == local[-4:]
    assert set(masked[4:-4]) == {"*"}
    assert len(masked) == len(local)


@given(st.text())
def test_random_text_raises_only_phone_error(text: str) -> None:
    try:
        phone = parse_phone(text)
    except PhoneError as err:
        assert err.reason in {"empty", "not_mobile", "length"}
    else:
        assert phone.startswith("08") and 10 <= len(phone) <= 13 and phone.isdigit()
