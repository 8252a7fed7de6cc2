"""The kiosk outbox: durable put, PII removal once sent, and the sender's retry / idempotency behaviour."""

from __future__ import annotations

import asyncio
import re
import shutil
import sqlite3
import tempfile
import threading
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
)

from gemilang_tui.api.errors import (
    ApiBadResponse,
    ApiConflict,
    ApiNotFound,
    ApiRejected,
    ApiUnavailable,
)
from gemilang_tui.outbox import (
    BACKOFF_CAP,
    PII_KEYS,
    Outbox,
    OutboxSender,
    OutboxSummary,
    backoff_delay,
    strip_personal_data,
)

T0 = 1_772_870_400.0  # 2026-03-07 08:00 UTC

NIK = "3603123456780001"
LAPOR = {
    "nik": NIK,
    "nama": "Siti Aminah",
    "telepon": "081234567890",
    "email": "siti@example.id",
    "tanggal_lahir": "1980-01-02",
    "alamat": "Kp. Bojong RT 01/02",
    "kategori": "jalan_rusak",
    "isi": "Jalan berlubang di depan SDN 1",
    "kode_kecamatan": "360301",
    "nama_desa": "Bojong",
    "lokasi": {"kode_desa": "3603012001", "pelapor_alamat": "Blok A", "Name": "x"},
    "lampiran": [{"saksi_nama": "Budi", "saksi_telepon": "0811111111", "keterangan": "foto"}],
}


class FakeClock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def fixed_backoff(attempts: int) -> float:
    return 2.0 ** (attempts - 1)  # 1, 2, 4, … (deterministic: no jitter)


def pii_keys_in(value: Any) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            lk = str(k).lower()
            if lk in PII_KEYS or lk.endswith(("_nik", "_nama", "_telepon", "_alamat")):
                found.append(k)
            found += pii_keys_in(v)
    elif isinstance(value, list):
        for v in value:
            found += pii_keys_in(v)
    return found


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def outbox(tmp_path: Path, clock: FakeClock) -> Outbox:
    return Outbox(tmp_path / "kiosk" / "outbox.sqlite3", clock=clock, backoff=fixed_backoff)


class FakePost:
    """Records every post; answers from a script of results/exceptions, then with a ticket number."""

    def __init__(self, *script: Any, delay: float = 0.0) -> None:
        self.script = list(script)
        self.delay = delay
        self.calls: list[tuple[str, dict[str, Any], str]] = []
        self.concurrent = 0
        self.max_concurrent = 0

    async def __call__(self, kind: str, payload: dict[str, Any], key: str) -> str:
        self.calls.append((kind, payload, key))
        self.concurrent += 1
        self.max_concurrent = max(self.max_concurrent, self.concurrent)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            if self.script:
                item = self.script.pop(0)
                if isinstance(item, BaseException):
                    raise item
                return item
            return f"{2611002 + len(self.calls)}"
        finally:
            self.concurrent -= 1


# ----------------------------------------------------------------------------------------------------------
# Outbox store
# ----------------------------------------------------------------------------------------------------------


def test_put_survives_reopening(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "outbox.sqlite3"
    entry = Outbox(path, clock=clock).put("lapor", LAPOR, assisted=True)

    again = Outbox(path, clock=clock).get(entry.local_ref)
    assert again == entry
    assert again is not None
    assert again.payload == LAPOR
    assert again.status == "pending" and again.assisted is True and again.attempts == 0
    assert re.fullmatch(r"K-[2-9A-HJKMNP-Z]{6}", entry.local_ref)
    assert uuid.UUID(entry.idempotency_key).version == 4
    assert entry.created_at.timestamp() == T0


def test_put_uses_wal_and_full_sync(outbox: Outbox) -> None:
    outbox.put("lapor", {"isi": "x"})
    conn = sqlite3.connect(outbox.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    with outbox._read() as conn:  # every connection the outbox opens
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_put_rejects_unserialisable_payload_and_stores_nothing(outbox: Outbox) -> None:
    with pytest.raises(TypeError):
        outbox.put("lapor", {"when": object()})
    with pytest.raises(ValueError):
        outbox.put("", {"isi": "x"})
    assert outbox.entries() == []


def test_local_refs_and_keys_are_unique_and_lookup_is_case_insensitive(outbox: Outbox) -> None:
    entries = [outbox.put("lapor", {"i": i}) for i in range(150)]
    assert len({e.local_ref for e in entries}) == 150
    assert len({e.idempotency_key for e in entries}) == 150
    e = entries[7]
    assert outbox.get(f"  {e.local_ref.lower()} ") == e
    assert outbox.get(e.id) == e
    assert outbox.get("K-NOPE00") is None  # O and 0 are never drawn


def test_summaries_carry_no_personal_data(outbox: Outbox) -> None:
    entry = outbox.put("lapor", LAPOR)
    assert NIK not in repr(entry)  # the payload is kept out of repr (logs)
    [summary] = outbox.entries()
    assert isinstance(summary, OutboxSummary)
    assert summary == entry.summary()
    assert NIK not in repr(summary) and "Siti" not in repr(summary)
    assert not hasattr(summary, "payload")
    assert outbox.entries("pending") == [summary]
    assert outbox.entries("sent") == []
    with pytest.raises(ValueError):
        outbox.entries("lost")  # type: ignore[arg-type]


def test_mark_sent_strips_personal_data_and_keeps_reference(outbox: Outbox, clock: FakeClock) -> None:
    entry = outbox.put("lapor", LAPOR)
    clock.advance(5)
    summary = outbox.mark_sent(entry.id, "2611003", {"nomor_tiket": "2611003", "nama": "Siti Aminah"})
    assert summary is not None and summary.status == "sent" and summary.official_ref == "2611003"

    sent = Outbox(outbox.path).get(entry.local_ref)
    assert sent is not None
    assert sent.status == "sent"
    assert sent.official_ref == "2611003"
    assert sent.sent_at is not None and sent.sent_at.timestamp() == T0 + 5
    assert sent.idempotency_key == entry.idempotency_key
    for key in ("nik", "nama", "telepon", "email", "tanggal_lahir", "alamat"):
        assert key not in sent.payload
    assert "pelapor_alamat" not in sent.payload["lokasi"] and "Name" not in sent.payload["lokasi"]
    assert sent.payload["lampiran"] == [{"keterangan": "foto"}]
    assert pii_keys_in(sent.payload) == [] and pii_keys_in(sent.response) == []
    # what is not personal stays
    assert sent.payload["kategori"] == "jalan_rusak"
    assert sent.payload["nama_desa"] == "Bojong"
    assert sent.payload["lokasi"]["kode_desa"] == "3603012001"
    assert sent.response == {"nomor_tiket": "2611003"}


def test_mark_sent_leaves_no_personal_data_in_the_files(outbox: Outbox) -> None:
    entry = outbox.put("lapor", LAPOR)
    outbox.mark_sent(entry.id, "2611003", {})
    blob = b"".join(
        p.read_bytes() for p in outbox.path.parent.iterdir() if p.name.startswith(outbox.path.name)
    )
    assert NIK.encode() not in blob
    assert b"Siti Aminah" not in blob
    assert b"jalan_rusak" in blob


def test_mark_sent_twice_is_a_no_op_and_unknown_ids_raise(outbox: Outbox) -> None:
    entry = outbox.put("lapor", LAPOR)
    assert outbox.mark_sent(entry.id, "1", {}) is not None
    assert outbox.mark_sent(entry.id, "2", {}) is None
    assert outbox.get(entry.id).official_ref == "1"  # type: ignore[union-attr]
    assert outbox.mark_attempt(entry.id, "late") is None  # never back to pending
    assert outbox.mark_failed(entry.id, "late") is None
    assert outbox.resend(entry.id) is None
    assert outbox.get(entry.id).status == "sent"  # type: ignore[union-attr]
    for method in (outbox.mark_attempt, outbox.mark_failed):
        with pytest.raises(KeyError):
            method(999, "x")
    with pytest.raises(KeyError):
        outbox.mark_sent(999, "x", {})
    with pytest.raises(KeyError):
        outbox.resend("K-NOPE22")


def test_mark_attempt_persists_backoff(outbox: Outbox, clock: FakeClock) -> None:
    entry = outbox.put("lapor", LAPOR)
    assert [e.id for e in outbox.due()] == [entry.id]
    s1 = outbox.mark_attempt(entry.id, "unreachable")
    assert s1 is not None and s1.attempts == 1 and s1.next_attempt_at == T0 + 1
    s2 = outbox.mark_attempt(entry.id, "busy")
    assert s2 is not None and s2.attempts == 2 and s2.next_attempt_at == T0 + 2
    assert s2.last_error == "busy" and s2.status == "pending"
    assert outbox.due() == []
    assert outbox.next_due_at() == T0 + 2
    clock.advance(2)
    assert [e.id for e in outbox.due()] == [entry.id]


def test_only_reason_codes_are_stored(outbox: Outbox) -> None:
    entry = outbox.put("lapor", LAPOR)
    s = outbox.mark_attempt(entry.id, f"NIK {NIK} / siti@example.id ditolak")
    assert s is not None and s.last_error == "other"


def test_a_clock_that_went_backwards_does_not_strand_entries(outbox: Outbox, clock: FakeClock) -> None:
    entry = outbox.put("lapor", LAPOR)
    outbox.mark_attempt(entry.id, "down", retry_in=BACKOFF_CAP)
    assert outbox.due() == []
    clock.advance(-3 * 3600)  # the kiosk booted without network time
    assert [e.id for e in outbox.due()] == [entry.id]


def test_backoff_is_full_jitter_exponential_capped() -> None:
    for attempts in range(1, 40):
        window = min(BACKOFF_CAP, 2.0 ** (attempts - 1))
        delays = [backoff_delay(attempts) for _ in range(30)]
        assert all(0.0 <= d <= window for d in delays)
    assert max(backoff_delay(30) for _ in range(200)) > 150  # jitter spreads over the whole capped window


def test_mark_failed_then_resend_keeps_the_key(outbox: Outbox) -> None:
    entry = outbox.put("lapor", LAPOR)
    outbox.mark_attempt(entry.id, "down")
    failed = outbox.mark_failed(entry.id, "refused")
    assert failed is not None and failed.status == "failed" and failed.last_error == "refused"
    assert outbox.pending() == [] and outbox.due() == []
    assert outbox.entries("failed") == [failed]

    again = outbox.resend(entry.local_ref.lower())
    assert again is not None and again.status == "pending" and again.attempts == 0
    got = outbox.get(entry.id)
    assert got is not None and got.idempotency_key == entry.idempotency_key and got.payload == LAPOR
    assert [e.id for e in outbox.due()] == [entry.id]


@given(
    st.recursive(
        st.none() | st.integers() | st.text(max_size=5),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    ["nik", "NAMA", "phone", "pelapor_nik", "x_alamat", "isi", "kode", "nama_desa", "a_nama"]
                ),
                children,
                max_size=4,
            )
        ),
        max_leaves=15,
    )
)
def test_strip_personal_data_removes_every_pii_key(value: Any) -> None:
    stripped = strip_personal_data(value)
    assert pii_keys_in(stripped) == []
    assert strip_personal_data(stripped) == stripped


# ----------------------------------------------------------------------------------------------------------
# Sender
# ----------------------------------------------------------------------------------------------------------


async def test_sender_posts_and_marks_sent(outbox: Outbox) -> None:
    changes: list[OutboxSummary] = []
    entry = outbox.put("lapor", LAPOR)
    post = FakePost("2611003")
    sender = OutboxSender(outbox, post, on_change=changes.append)

    changed = await sender.run_once()

    assert post.calls == [("lapor", LAPOR, entry.idempotency_key)]
    assert [c.status for c in changed] == ["sent"] and changes == changed
    sent = outbox.get(entry.local_ref)
    assert sent is not None and sent.official_ref == "2611003" and pii_keys_in(sent.payload) == []
    assert await sender.run_once() == []  # nothing more to send
    assert len(post.calls) == 1


async def test_sender_retries_with_the_same_key_after_backoff(outbox: Outbox, clock: FakeClock) -> None:
    entry = outbox.put("lapor", LAPOR)
    post = FakePost(ApiUnavailable("timeout"), ApiUnavailable("503"), "2611003")
    sender = OutboxSender(outbox, post)

    [s1] = await sender.run_once()
    assert s1.status == "pending" and s1.attempts == 1 and s1.next_attempt_at == T0 + 1
    assert s1.last_error == "unreachable"
    assert await sender.run_once() == []  # not due yet: no post
    assert len(post.calls) == 1

    clock.advance(1)
    [s2] = await sender.run_once()
    assert s2.attempts == 2 and s2.next_attempt_at == T0 + 1 + 2
    clock.advance(1)
    assert await sender.run_once() == []
    clock.advance(1)
    [s3] = await sender.run_once()
    assert s3.status == "sent" and s3.official_ref == "2611003"
    assert {key for _, _, key in post.calls} == {entry.idempotency_key}
    assert len(post.calls) == 3


async def test_default_backoff_is_jittered_within_the_window(tmp_path: Path, clock: FakeClock) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3", clock=clock)  # real backoff_delay
    entries = [outbox.put("lapor", {"i": i}) for i in range(20)]
    # a 500 is that request's trouble, not an outage: the round goes on through all twenty
    await OutboxSender(outbox, FakePost(*[ApiUnavailable("bug", status=500)] * 20)).run_once()
    waits = [outbox.get(e.id).next_attempt_at - T0 for e in entries]  # type: ignore[union-attr]
    assert all(0 <= w <= 1.0 for w in waits)
    assert len(set(waits)) > 1


@pytest.mark.parametrize(
    "error",
    [
        ApiConflict(409, "masih diproses"),
        ApiBadResponse("not json"),
        ConnectionResetError("reset"),
        OSError("network unreachable"),
        RuntimeError("bug in the client"),
    ],
)
async def test_retryable_errors_keep_the_entry_pending(outbox: Outbox, error: Exception) -> None:
    outbox.put("lapor", LAPOR)
    [s] = await OutboxSender(outbox, FakePost(error)).run_once()
    assert s.status == "pending" and s.attempts == 1 and s.last_error


async def test_empty_reference_is_a_bad_response(outbox: Outbox) -> None:
    outbox.put("lapor", LAPOR)
    [s] = await OutboxSender(outbox, FakePost("")).run_once()
    assert s.status == "pending" and s.last_error == "bad_answer"


async def test_a_hanging_post_times_out_and_is_retried(outbox: Outbox) -> None:
    outbox.put("lapor", LAPOR)
    [s] = await OutboxSender(outbox, FakePost(delay=5), post_timeout=0.05).run_once()
    assert s.status == "pending" and s.last_error == "unreachable"


async def test_rejection_marks_failed_with_a_plain_reason(outbox: Outbox, clock: FakeClock) -> None:
    changes: list[OutboxSummary] = []
    entry = outbox.put("lapor", LAPOR)
    post = FakePost(ApiRejected(422, "NIK tidak valid"))
    sender = OutboxSender(outbox, post, on_change=changes.append)

    [s] = await sender.run_once()
    assert s.status == "failed" and s.last_error == "incomplete"  # never the server's own text
    assert changes == [s]
    clock.advance(3600)
    assert await sender.run_once() == []  # a refused entry is never retried on its own
    assert len(post.calls) == 1
    assert outbox.get(entry.id).payload == LAPOR  # type: ignore[union-attr]  # kept for the attendant

    resent = sender.resend(entry.local_ref)
    assert resent is not None and resent.status == "pending"
    [s2] = await sender.run_once()
    assert s2.status == "sent"
    assert [key for _, _, key in post.calls] == [entry.idempotency_key] * 2


async def test_not_found_is_retried(outbox: Outbox) -> None:
    outbox.put("lapor", LAPOR)
    [s] = await OutboxSender(outbox, FakePost(ApiNotFound("layanan tidak ada"))).run_once()
    assert s.status == "pending" and s.last_error == "not_available"  # the endpoint may come


async def test_pending_entries_of_a_previous_run_are_resumed(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "outbox.sqlite3"
    first = Outbox(path, clock=clock, backoff=fixed_backoff)
    a = first.put("lapor", LAPOR)
    b = first.put("ppid", {"nik": NIK, "rincian_informasi": "APBD 2025"})
    first.mark_attempt(b.id, "down", retry_in=60)  # the crash happened during a backoff
    del first  # "power cut"

    second = Outbox(path, clock=clock, backoff=fixed_backoff)
    post = FakePost()
    sender = OutboxSender(second, post)
    [sa] = await sender.run_once()
    assert sa.id == a.id and sa.status == "sent"
    assert [c[2] for c in post.calls] == [a.idempotency_key]  # b's persisted next_attempt_at is honoured
    clock.advance(60)
    [sb] = await sender.run_once()
    assert sb.id == b.id and sb.status == "sent"
    assert post.calls[-1] == ("ppid", {"nik": NIK, "rincian_informasi": "APBD 2025"}, b.idempotency_key)


async def test_concurrent_rounds_never_double_send(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, clock=clock)
    entries = [outbox.put("lapor", {"i": i, "nik": NIK}) for i in range(5)]
    post = FakePost(delay=0.02)
    one = OutboxSender(outbox, post)
    two = OutboxSender(Outbox(path, clock=clock), post)  # another sender object, another Outbox object

    await asyncio.gather(one.run_once(), two.run_once(), one.run_once())

    assert Counter(key for _, _, key in post.calls) == {e.idempotency_key: 1 for e in entries}
    assert [s.status for s in outbox.entries()] == ["sent"] * 5


def test_senders_in_two_threads_never_double_send(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    entries = [Outbox(path).put("lapor", {"i": i}) for i in range(6)]
    calls: list[str] = []
    lock = threading.Lock()

    async def post(kind: str, payload: dict[str, Any], key: str) -> str:
        with lock:
            calls.append(key)
        await asyncio.sleep(0.02)
        return "2611003"

    barrier = threading.Barrier(3)

    def worker() -> None:
        sender = OutboxSender(Outbox(path), post)
        barrier.wait()
        asyncio.run(sender.run_once())

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert Counter(calls) == {e.idempotency_key: 1 for e in entries}


async def test_run_forever_sends_a_fresh_put_at_once_and_stops(outbox: Outbox) -> None:
    post = FakePost()
    sent = asyncio.Event()
    changes: list[OutboxSummary] = []

    def on_change(s: OutboxSummary) -> None:
        changes.append(s)
        if s.status == "sent":
            sent.set()

    sender = OutboxSender(outbox, post, on_change=on_change, poll_interval=3600)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run_forever(stop))
    await asyncio.sleep(0.05)  # idle: waiting for the (hour-long) poll
    entry = await sender.submit("lapor", LAPOR)
    await asyncio.wait_for(sent.wait(), 2)
    assert [c.status for c in changes] == ["pending", "sent"]  # "Tersimpan" then "Terkirim"
    assert changes[-1].local_ref == entry.local_ref
    stop.set()
    await asyncio.wait_for(task, 2)


async def test_wake_from_another_thread(outbox: Outbox) -> None:
    post = FakePost()
    sender = OutboxSender(outbox, post, poll_interval=3600)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run_forever(stop))
    await asyncio.sleep(0.05)
    entry = await asyncio.to_thread(outbox.put, "lapor", LAPOR)
    await asyncio.to_thread(sender.wake)
    for _ in range(200):
        if outbox.get(entry.id).status == "sent":  # type: ignore[union-attr]
            break
        await asyncio.sleep(0.01)
    assert outbox.get(entry.id).status == "sent"  # type: ignore[union-attr]
    stop.set()
    await asyncio.wait_for(task, 2)


async def test_run_forever_retries_until_sent_and_survives_listener_bugs(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3", backoff=lambda n: 0.01)
    entry = outbox.put("lapor", LAPOR)
    post = FakePost(ApiUnavailable("down"), OSError("no route"), ApiConflict(409, "busy"))

    def broken_listener(s: OutboxSummary) -> None:
        raise RuntimeError("UI bug")

    sender = OutboxSender(outbox, post, on_change=broken_listener, poll_interval=5, min_sleep=0.01)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run_forever(stop))
    for _ in range(300):
        if outbox.get(entry.id).status == "sent":  # type: ignore[union-attr]
            break
        await asyncio.sleep(0.01)
    stop.set()
    await asyncio.wait_for(task, 2)
    got = outbox.get(entry.id)
    assert got is not None and got.status == "sent" and got.attempts == 3
    assert [c[2] for c in post.calls] == [entry.idempotency_key] * 4


def test_mark_sent_many_writes_together_and_skips_what_is_gone(outbox: Outbox) -> None:
    a, b, c = (outbox.put("lapor", LAPOR) for _ in range(3))
    outbox.mark_sent(b.id, "2611001")
    assert outbox.mark_sent_many([(a.id, "2611002"), (b.id, "2611009"), (999, "2611003"), (c.id, "2611004")]) == [
        outbox.summary(a.id), None, None, outbox.summary(c.id)]
    assert [(s.status, s.official_ref) for s in outbox.entries()] == [
        ("sent", "2611002"), ("sent", "2611001"), ("sent", "2611004")]
    assert all(pii_keys_in(outbox.get(e.id).payload) == [] for e in (a, c))  # type: ignore[union-attr]


async def test_while_the_service_is_away_a_round_is_one_request(outbox: Outbox) -> None:
    for i in range(10):
        outbox.put("lapor", {"i": i})
    sender = OutboxSender(outbox, FakePost(ApiUnavailable("down"), ApiUnavailable("503", status=503)))
    await sender.run_once()
    await sender.run_once()
    assert len(sender._post.calls) == 2 and sender.outages == 2  # type: ignore[attr-defined]
    assert [s.attempts for s in outbox.entries()] == [1, 1] + [0] * 8  # the others were not even tried


async def test_when_the_service_answers_again_the_queue_drains_without_waiting(tmp_path: Path) -> None:
    """Retries planned a minute ahead during the outage go at once, in the same round, a few at a time."""
    outbox = Outbox(tmp_path / "o.sqlite3", backoff=lambda attempts: 60.0)
    entries = [outbox.put("lapor", {"i": i}) for i in range(60)]
    post = FakePost(*[ApiUnavailable("down")] * 3, delay=0.005)
    sender = OutboxSender(outbox, post, poll_interval=30, min_sleep=0.01, probe_cap=0.02)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run_forever(stop))
    await until_sent(outbox, len(entries), seconds=45)  # the three probed during the outage would wait 60 s
    stop.set()
    await asyncio.wait_for(task, 30)
    assert [s.status for s in outbox.entries()] == ["sent"] * 60
    answered = Counter(key for _, _, key in post.calls[3:])
    assert answered == {e.idempotency_key: 1 for e in entries}  # each answered once: exactly once
    assert post.max_concurrent > 1 and sender.outages == 0


async def until_sent(outbox: Outbox, count: int, seconds: float) -> None:
    for _ in range(int(seconds / 0.01)):
        if len(outbox.entries("sent")) == count:
            return
        await asyncio.sleep(0.01)


# ----------------------------------------------------------------------------------------------------------
# Random interleavings keep the invariants
# ----------------------------------------------------------------------------------------------------------

_payloads = st.fixed_dictionaries(
    {"isi": st.text(max_size=8), "nik": st.from_regex(r"\A36\d{14}\Z")},
    optional={
        "nama": st.text(max_size=8),
        "pelapor": st.fixed_dictionaries({"telepon": st.just("0812"), "kode": st.just("1")}),
        "saksi": st.lists(st.fixed_dictionaries({"saksi_nama": st.just("B"), "peran": st.just("x")})),
    },
)


class OutboxMachine(RuleBasedStateMachine):
    entries = Bundle("entries")

    @initialize()
    def open(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="outbox-")
        self.clock = FakeClock()
        self.outbox = Outbox(Path(self.dir) / "o.sqlite3", clock=self.clock)
        self.model: dict[int, str] = {}  # id → expected status
        self.keys: dict[int, str] = {}

    def teardown(self) -> None:
        shutil.rmtree(getattr(self, "dir", ""), ignore_errors=True)

    @rule(target=entries, payload=_payloads, assisted=st.booleans())
    def put(self, payload: dict[str, Any], assisted: bool) -> int:
        e = self.outbox.put("lapor", payload, assisted=assisted)
        self.model[e.id] = "pending"
        self.keys[e.id] = e.idempotency_key
        return e.id

    @rule(id=entries, ref=st.text(alphabet="0123456789", min_size=1, max_size=7))
    def mark_sent(self, id: int, ref: str) -> None:
        changed = self.outbox.mark_sent(id, ref, {"nomor": ref, "nama": "x"})
        assert (changed is None) == (self.model[id] == "sent")
        self.model[id] = "sent"

    @rule(id=entries, error=st.text(max_size=20))
    def mark_attempt(self, id: int, error: str) -> None:
        changed = self.outbox.mark_attempt(id, error)
        assert (changed is None) == (self.model[id] != "pending")

    @rule(id=entries)
    def mark_failed(self, id: int) -> None:
        changed = self.outbox.mark_failed(id, "ditolak")
        if self.model[id] == "pending":
            assert changed is not None and changed.status == "failed"
            self.model[id] = "failed"
        else:
            assert changed is None

    @rule(id=entries)
    def resend(self, id: int) -> None:
        changed = self.outbox.resend(id)
        if self.model[id] == "sent":
            assert changed is None
        else:
            assert changed is not None and changed.status == "pending"
            self.model[id] = "pending"

    @rule(seconds=st.floats(min_value=0, max_value=600))
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @rule()
    def reopen(self) -> None:
        self.outbox = Outbox(self.outbox.path, clock=self.clock)

    @rule(id=consumes(entries))
    def forget_handle(self, id: int) -> None:
        """Drop a handle from the bundle (the entry stays): exercises fewer, older ids."""

    @invariant()
    def statuses_match_the_model_and_are_exclusive(self) -> None:
        if not hasattr(self, "outbox"):
            return
        summaries = self.outbox.entries()
        assert {s.id: s.status for s in summaries} == self.model
        by_status = {st_: {s.id for s in self.outbox.entries(st_)} for st_ in ("pending", "sent", "failed")}
        assert not (by_status["pending"] & by_status["sent"])
        assert not (by_status["pending"] & by_status["failed"])
        assert not (by_status["sent"] & by_status["failed"])
        assert {e.id for e in self.outbox.pending()} == by_status["pending"]
        assert {e.id for e in self.outbox.due()} <= by_status["pending"]

    @invariant()
    def sent_entries_hold_no_personal_data(self) -> None:
        if not hasattr(self, "outbox"):
            return
        for id, status in self.model.items():
            e = self.outbox.get(id)
            assert e is not None and e.idempotency_key == self.keys[id]
            if status == "sent":
                assert e.official_ref and e.sent_at is not None
                assert pii_keys_in(e.payload) == [] and pii_keys_in(e.response) == []
            else:
                assert e.official_ref is None and "nik" in e.payload


OutboxMachine.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestOutboxInterleavings = OutboxMachine.TestCase
