import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.domain.reference import (
    AK1,
    DNR,
    IZM,
    LM,
    PPID,
    SPT,
    ReferenceFormat,
    ReferenceNumberError,
    digits_of,
    format_reference,
    normalise_reference,
    parse_ticket,
)


@pytest.mark.parametrize(
    "typed",
    ["SPT-2026-000123", "spt 2026 000123", "2026000123", "SPT2026000123", " Spt/2026/000123 ", "2026-000123"],
)
def test_canonical_spt_in_every_accepted_form(typed: str) -> None:
    assert normalise_reference(typed, SPT) == "SPT-2026-000123"


def test_canonical_ppid_and_lm() -> None:
    assert normalise_reference("20260042", PPID) == "PPID-2026-0042"
    assert normalise_reference("ppid-2026-0042", PPID) == "PPID-2026-0042"
    assert normalise_reference("202600077", LM) == "LM-2026-00077"
    assert normalise_reference("LM-2026-00077", LM) == "LM-2026-00077"


def test_format_reference_pads_the_serial() -> None:
    assert format_reference(SPT, 2026, 123) == "SPT-2026-000123"
    assert format_reference(PPID, 2026, 42) == "PPID-2026-0042"
    assert format_reference(LM, 2026, 77) == "LM-2026-00077"


def _reason(text: str, fmt: ReferenceFormat) -> tuple[str, dict[str, object]]:
    with pytest.raises(ReferenceNumberError) as info:
        normalise_reference(text, fmt)
    return info.value.reason, info.value.params


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("", SPT, ("empty", {})),
        (" - ", SPT, ("empty", {})),
        ("SPT", SPT, ("length", {"got": 0, "expected": 10})),
        ("2026123", SPT, ("length", {"got": 7, "expected": 10})),
        ("SPT-2026-0001234", SPT, ("length", {"got": 11, "expected": 10})),
        ("PPID-2026-0042", SPT, ("prefix", {"got": "PPID", "expected": "SPT"})),
        ("lm 2026 00077", PPID, ("prefix", {"got": "LM", "expected": "PPID"})),
        ("SPT-2026-00O123", SPT, ("not_digits", {})),
    ],
)
def test_rejections(text: str, fmt: ReferenceFormat, expected: tuple[str, dict[str, object]]) -> None:
    assert _reason(text, fmt) == expected


@pytest.mark.parametrize("typed", ["2611001", "#2611001", " 2611 001 "])
def test_canonical_lapor_ticket(typed: str) -> None:
    assert parse_ticket(typed) == "2611001"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("empty", {})),
        ("#", ("empty", {})),
        ("261100", ("length", {"got": 6, "expected": 7})),
        ("26110011", ("length", {"got": 8, "expected": 7})),
        ("26I1001", ("not_digits", {})),
    ],
)
def test_ticket_rejections(text: str, expected: tuple[str, dict[str, object]]) -> None:
    with pytest.raises(ReferenceNumberError) as info:
        parse_ticket(text)
    assert (info.value.reason, info.value.params) == expected


_formats = st.sampled_from([SPT, PPID, LM, IZM, DNR])


@given(_formats, st.integers(min_value=2000, max_value=2099), st.data())
def test_format_then_normalise_roundtrips_with_or_without_prefix(
    fmt: ReferenceFormat, year: int, data: st.DataObject
) -> None:
    serial = data.draw(st.integers(min_value=0, max_value=10**fmt.serial_digits - 1))
    canonical = format_reference(fmt, year, serial)
    digits_only = canonical.replace("-", "")[len(fmt.prefix) :]
    assert normalise_reference(canonical, fmt) == canonical
    assert normalise_reference(canonical.lower().replace("-", " "), fmt) == canonical
    assert normalise_reference(digits_only, fmt) == canonical


@given(st.text(), _formats)
def test_random_text_raises_only_reference_error(text: str, fmt: ReferenceFormat) -> None:
    try:
        result = normalise_reference(text, fmt)
    except ReferenceNumberError as err:
        assert err.reason in {"empty", "length", "prefix", "not_digits"}
    else:
        assert result.startswith(fmt.prefix + "-") and len(result) == len(fmt.prefix) + 2 + fmt.digit_count


@given(st.text())
def test_random_text_ticket_raises_only_reference_error(text: str) -> None:
    try:
        ticket = parse_ticket(text)
    except ReferenceNumberError as err:
        assert err.reason in {"empty", "length", "not_digits"}
    else:
        assert len(ticket) == 7 and ticket.isascii() and ticket.isdigit()


@pytest.mark.parametrize(("fmt", "official"), [
    (PPID, "PPID-2026-0042"), (LM, "LM-2026-00077"), (SPT, "SPT-2026-000123"),
    (IZM, "IZM4-2026-00001"), (DNR, "DNR5-2026-00012"), (AK1, "AK1-2026-00001"),
])
def test_the_digits_of_every_official_number_are_accepted(fmt: ReferenceFormat, official: str) -> None:
    typed = digits_of(official)
    assert len(typed) == fmt.digit_count
    assert normalise_reference(typed, fmt) == official
    assert normalise_reference(official, fmt) == official  # typed on a keyboard


def test_a_prefix_with_a_digit_is_typed_with_it() -> None:
    assert digits_of("AK1-2026-00001") == "1202600001"
    assert normalise_reference("1202600001", AK1) == "AK1-2026-00001"
    assert normalise_reference("ak1 2026 00001", AK1) == "AK1-2026-00001"
    assert normalise_reference("2026-00001", AK1) == "AK1-2026-00001"  # without the prefix, on a keyboard
    with pytest.raises(ReferenceNumberError) as wrong:
        normalise_reference("2202600001", AK1)
    assert wrong.value.reason == "prefix"
    with pytest.raises(ReferenceNumberError) as short:
        normalise_reference("12026001", AK1)
    assert short.value.reason == "length" and short.value.params == {"got": 8, "expected": 10}
