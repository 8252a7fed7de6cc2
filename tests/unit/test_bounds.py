"""Bounds on untrusted answers: whatever JSON comes, what the models see is small, and a body too big is not read."""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gemilang_tui.api.bounds import (
    MAX_BODY,
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_STRING,
    AnswerOutOfBounds,
    bounded,
    read_bounded,
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=8) | st.dictionaries(st.text(max_size=8), inner, max_size=6),
    max_leaves=40,
)


def _within(data, depth: int = 0) -> bool:
    if isinstance(data, str):
        return len(data) <= MAX_STRING
    if isinstance(data, list):
        keys = [json.dumps(item, sort_keys=True) for item in data if isinstance(item, (dict, list))]
        return len(data) <= MAX_ITEMS and len(keys) == len(set(keys)) and all(_within(i, depth + 1) for i in data)
    if isinstance(data, dict):
        return all(_within(k) and _within(v, depth + 1) for k, v in data.items())
    return True


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_any_json_comes_out_within_bounds_and_stays_so(data):
    once = bounded(data)
    assert _within(once)
    assert bounded(once) == once


def test_a_long_list_is_cut_duplicates_dropped_and_a_long_string_cut():
    items = [{"id": n % 300} for n in range(100_000)]
    out = bounded({"items": items, "judul": "x" * 1_000_000})
    assert len(out["items"]) == MAX_ITEMS and out["items"][:2] == [{"id": 0}, {"id": 1}]
    assert len(out["judul"]) == MAX_STRING and out["judul"].endswith("…")
    assert bounded([{"a": 1}, {"a": 1}, {"a": 2}, 5, 5]) == [{"a": 1}, {"a": 2}, 5, 5]


def test_nesting_too_deep_is_refused():
    deep: list = []
    for _ in range(MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(AnswerOutOfBounds):
        bounded(deep)


async def _read(body: bytes, headers: dict | None = None) -> bytes:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers=headers))
    async with httpx.AsyncClient(transport=transport) as client:
        async with client.stream("GET", "http://api/v1/x") as response:
            return await read_bounded(response)


async def test_a_body_over_the_limit_is_refused_and_one_under_is_read():
    assert await _read(b"[1, 2]") == b"[1, 2]"
    with pytest.raises(AnswerOutOfBounds):
        await _read(b"x" * (MAX_BODY + 1))
    with pytest.raises(AnswerOutOfBounds):
        await _read(b"[]", {"Content-Length": str(MAX_BODY * 10)})
