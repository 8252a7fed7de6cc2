"""The mock server's idempotency store: replay, 422 on another body, 409 in flight, takeover, counters."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gemilang_tui.mockapi.submissions import (
    IdempotencyInFlight,
    IdempotencyMismatch,
    SubmissionStore,
    canonical_hash,
)

T0 = 1_772_870_400.0  # 2026-03-07 08:00 UTC (15:00 WIB)
BODY = {"kategori": "jalan_rusak", "isi": "Jalan berlubang", "lokasi": {"kode_desa": "3603012001"}}


class FakeClock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> Iterator[SubmissionStore]:
    path = None if request.param == "memory" else tmp_path / "mock" / "submissions.sqlite3"
    s = SubmissionStore(path, clock=clock)
    yield s
    s.close()


def key() -> str:
    return str(uuid.uuid4())


def test_new_then_replay_returns_the_original_result(store: SubmissionStore) -> None:
    k = key()
    assert store.begin("lapor", k, BODY) == ("new", None)
    result = {"nomor_tiket": "2611002", "status": "Diterima"}
    assert store.complete(k, result) == result
    # the same body with its keys in another order is the same request
    reordered = {"lokasi": {"kode_desa": "3603012001"}, "isi": "Jalan berlubang", "kategori": "jalan_rusak"}
    assert store.begin("lapor", k, reordered) == ("replay", result)
    assert store.begin("lapor", k, BODY) == ("replay", result)
    assert store.result(k) == result
    assert store.count() == 1 and store.count("lapor") == 1 and store.count("ppid") == 0


def test_same_key_other_body_is_422(store: SubmissionStore) -> None:
    k = key()
    store.begin("lapor", k, BODY)
    store.complete(k, {"nomor_tiket": "2611002"})
    with pytest.raises(IdempotencyMismatch) as info:
        store.begin("lapor", k, {**BODY, "isi": "Lampu jalan mati"})
    assert info.value.status_code == 422 and info.value.key == k
    with pytest.raises(IdempotencyMismatch):
        store.begin("ppid", k, BODY)  # same body, another kind of submission


def test_other_body_while_in_flight_is_422_not_409(store: SubmissionStore) -> None:
    k = key()
    store.begin("lapor", k, BODY)
    with pytest.raises(IdempotencyMismatch):
        store.begin("lapor", k, {"isi": "lain"})


def test_same_key_in_flight_is_409(store: SubmissionStore, clock: FakeClock) -> None:
    k = key()
    assert store.begin("lapor", k, BODY) == ("new", None)
    clock.now += 29
    with pytest.raises(IdempotencyInFlight) as info:
        store.begin("lapor", k, BODY)
    assert info.value.status_code == 409
    assert store.count() == 0  # in-flight reservations are not submissions


def test_stale_reservation_is_taken_over(store: SubmissionStore, clock: FakeClock) -> None:
    k = key()
    store.begin("lapor", k, BODY)  # …and the handler crashed
    clock.now += 30
    assert store.begin("lapor", k, BODY) == ("new", None)  # taken over
    with pytest.raises(IdempotencyInFlight):  # the takeover is a fresh reservation
        store.begin("lapor", k, BODY)
    assert store.complete(k, {"nomor_tiket": "2611003"}) == {"nomor_tiket": "2611003"}
    # the slow original finishing later does not change what stands for the key
    assert store.complete(k, {"nomor_tiket": "2611002"}) == {"nomor_tiket": "2611003"}
    assert store.begin("lapor", k, BODY) == ("replay", {"nomor_tiket": "2611003"})
    assert store.count() == 1


def test_takeover_delay_is_configurable(tmp_path: Path, clock: FakeClock) -> None:
    with SubmissionStore(None, takeover_after=5, clock=clock) as s:
        k = key()
        s.begin("lapor", k, BODY)
        clock.now += 5
        assert s.begin("lapor", k, BODY) == ("new", None)


def test_abort_frees_the_key(store: SubmissionStore) -> None:
    k = key()
    store.begin("lapor", k, BODY)
    store.abort(k)
    assert store.begin("lapor", k, BODY) == ("new", None)
    store.complete(k, {"nomor_tiket": "1"})
    store.abort(k)  # a completed key is never dropped
    assert store.begin("lapor", k, BODY) == ("replay", {"nomor_tiket": "1"})


def test_complete_unknown_key_raises(store: SubmissionStore) -> None:
    with pytest.raises(KeyError):
        store.complete(key(), {"x": 1})
    with pytest.raises(ValueError):
        store.begin("lapor", "", BODY)


def test_counters(store: SubmissionStore) -> None:
    assert store.next_number("lapor") == "2611002"
    assert store.next_number("lapor") == "2611003"
    assert store.next_number("ppid") == "PPID-2026-0043"
    assert store.next_number("ppid") == "PPID-2026-0044"
    assert store.next_number("lapor") == "2611004"
    assert store.next_number("sipinter", "REG/{year}/{n:05d}", start=120) == "REG/2026/00120"
    assert store.next_number("sipinter", "REG/{year}/{n:05d}") == "REG/2026/00121"
    assert store.next_number("other") == "1"


def test_yearly_numbers_restart_and_the_year_is_taken_in_wib(clock: FakeClock) -> None:
    clock.now = 1_767_200_399.0  # 2025-12-31 23:59:59 WIB
    with SubmissionStore(None, clock=clock) as s:
        assert s.next_number("ppid") == "PPID-2025-0043"
        assert s.next_number("ppid") == "PPID-2025-0044"
        assert s.next_number("lapor") == "2611002"
        clock.now += 1  # 2026-01-01 00:00 WIB (still 2025 in UTC)
        assert s.next_number("ppid") == "PPID-2026-0043"
        assert s.next_number("ppid", start=1) == "PPID-2026-0044"  # start only seeds a new counter
        assert s.next_number("lapor") == "2611003"  # no {year}: one running counter


def test_file_store_persists_and_is_shared(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "submissions.sqlite3"
    a = SubmissionStore(path, clock=clock)
    b = SubmissionStore(path, clock=clock)  # e.g. another worker process
    k = key()
    a.begin("lapor", k, BODY)
    with pytest.raises(IdempotencyInFlight):
        b.begin("lapor", k, BODY)
    a.complete(k, {"nomor_tiket": a.next_number("lapor")})
    assert b.begin("lapor", k, BODY) == ("replay", {"nomor_tiket": "2611002"})
    assert b.next_number("lapor") == "2611003"
    a.close()
    b.close()
    with SubmissionStore(path, clock=clock) as c:
        assert c.count("lapor") == 1
        assert c.next_number("lapor") == "2611004"


def test_in_memory_store_is_safe_across_threads(clock: FakeClock) -> None:
    with SubmissionStore(None, clock=clock) as s:
        k = key()
        outcomes: list[str] = []
        numbers: list[str] = []
        lock = threading.Lock()
        barrier = threading.Barrier(8)

        def worker() -> None:
            barrier.wait()
            try:
                state, _ = s.begin("lapor", k, BODY)
            except IdempotencyInFlight:
                state = "409"
            n = [s.next_number("lapor") for _ in range(25)]
            with lock:
                outcomes.append(state)
                numbers.extend(n)

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert sorted(outcomes) == ["409"] * 7 + ["new"]
        assert sorted(numbers) == [str(n) for n in range(2611002, 2611002 + 200)]


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=4), c, max_size=3),
    max_leaves=10,
)


@settings(max_examples=60, deadline=None)
@given(body=st.dictionaries(st.text(max_size=5), _json, max_size=5), other=st.dictionaries(st.text(), _json))
def test_replay_iff_same_canonical_body(body: dict[str, Any], other: dict[str, Any]) -> None:
    with SubmissionStore(None) as s:
        k = key()
        s.begin("lapor", k, body)
        s.complete(k, {"nomor_tiket": "2611002"})
        shuffled = dict(reversed(list(body.items())))
        assert s.begin("lapor", k, shuffled) == ("replay", {"nomor_tiket": "2611002"})
        if canonical_hash("lapor", other) == canonical_hash("lapor", body):
            assert s.begin("lapor", k, other)[0] == "replay"
        else:
            with pytest.raises(IdempotencyMismatch):
                s.begin("lapor", k, other)


def test_a_key_reserved_by_a_process_that_is_gone_is_taken_over_at_once(tmp_path):
    import subprocess
    import sys

    from gemilang_tui.mockapi.submissions import IdempotencyInFlight, SubmissionStore

    path = tmp_path / "store.sqlite3"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with SubmissionStore(path) as store:
        assert store.begin("lapor", "kunci-1", {"a": 1}) == ("new", None)
        with pytest.raises(IdempotencyInFlight):  # this process still holds it
            store.begin("lapor", "kunci-1", {"a": 1})
        store._conn.execute("UPDATE submissions SET owner_pid = ?", (gone.pid,))  # as a killed server left it
        assert store.begin("lapor", "kunci-1", {"a": 1}) == ("new", None)
        assert store.complete("kunci-1", {"nomor": "2611002"}) == {"nomor": "2611002"}


@pytest.mark.parametrize(("raw", "delay"), [("0.05", 0.05), ("60", 60.0), ("inf", 0.0), ("nan", 0.0), ("-1", 0.0),
                                            ("1e300", 0.0), ("lama", 0.0)])
def test_the_submit_delay_hook_is_bounded(monkeypatch, raw, delay):
    from gemilang_tui.mockapi.idempotent import DELAY_VARIABLE, _delay_from_environment

    monkeypatch.setenv(DELAY_VARIABLE, raw)
    assert _delay_from_environment() == delay
