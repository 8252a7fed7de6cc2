"""The outbox wiring: where it lives, the POST of each kind, the sender's news to the screens."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from gemilang_tui import sending
from gemilang_tui.api.client import GemilangApi
from gemilang_tui.api.errors import ApiBadResponse, ApiRejected
from gemilang_tui.api.submit_lapor import SUBMIT
from gemilang_tui.config import Settings
from gemilang_tui.flow import Context
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.session import Visit
from tests.conftest import TODAY
from tests.contract.test_submit_lapor import BODY


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    return Context(visit=Visit(), api=None, settings=Settings(today=TODAY, data_dir=tmp_path))  # type: ignore[arg-type]


def test_one_endpoint_per_kind():
    assert sending.submission_endpoint("lapor") is SUBMIT
    assert SUBMIT.method == "POST" and SUBMIT.path.startswith("/v1/lapor/")
    for kind in ("perahu", "../lapor", ""):
        with pytest.raises(ApiRejected):
            sending.submission_endpoint(kind)


def test_the_official_reference_is_the_answers_nomor():
    assert sending.official_ref_of({"nomor": " 2611007 "}) == "2611007"
    with pytest.raises(ApiBadResponse):
        sending.official_ref_of({"status": "ok"})


async def test_the_sender_posts_with_the_key_and_marks_sent(tmp_path: Path):
    settings = Settings(today=TODAY, data_dir=tmp_path)
    api = GemilangApi(settings, transport=httpx.ASGITransport(app=create_app(today=TODAY)))
    outbox = sending.open_outbox(settings)
    assert outbox.path == tmp_path / "outbox.sqlite3"
    good = outbox.put("lapor", BODY)
    unknown = outbox.put("perahu", {"x": 1})
    refused = outbox.put("lapor", {**BODY, "tanggal_kejadian": "2027-01-01"})
    news = []
    sender = sending.build_sender(outbox, api, on_change=news.append)
    try:
        await sender.run_once()
        # the same key again (a crash after the server answered): the same ticket, nothing new
        assert await sending.post_submission(api, "lapor", BODY, good.idempotency_key) == "2611007"
    finally:
        await api.aclose()
    assert outbox.summary(good.local_ref).status == "sent"
    assert outbox.summary(good.local_ref).official_ref == "2611007"
    assert outbox.get(good.local_ref).payload["pelapor"] == {}  # personal data gone once confirmed
    assert outbox.summary(unknown.local_ref).status == "failed"
    assert outbox.summary(refused.local_ref).status == "failed"
    assert outbox.summary(refused.local_ref).last_error == "incomplete"  # a plain reason, not the server's text
    assert {summary.local_ref for summary in news} == {good.local_ref, unknown.local_ref, refused.local_ref}


def test_listeners_hear_every_change_and_a_broken_one_is_ignored(ctx):
    heard = []
    submissions = ctx.submissions
    submissions.listeners.append(lambda summary: 1 / 0)
    submissions.listeners.append(heard.append)
    outbox = submissions.outbox
    entry = outbox.put("lapor", BODY)
    submissions.changed(entry.summary())
    submissions.changed()
    assert heard == [entry.summary(), None]
    assert submissions.status_of(entry.local_ref) == entry.summary()
    outbox.mark_sent(entry.id, "2611007")
    assert submissions.status_of(entry.local_ref).status == "pending"  # the sender's news is what counts
    submissions.statuses.clear()
    assert submissions.status_of(entry.local_ref).official_ref == "2611007"  # else the file


def test_the_kiosk_has_one_outbox_and_one_sender(ctx):
    sender = ctx.submissions.sender
    assert ctx.submissions is ctx.submissions and ctx.submissions.sender is sender
    assert sender.outbox is ctx.submissions.outbox
    assert sender.outbox.path == ctx.settings.data_dir / "outbox.sqlite3"
