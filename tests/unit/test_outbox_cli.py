"""`gemilang-tui outbox`: list without personal data, resend a failed one, send what is pending."""

from __future__ import annotations

import argparse
import socket
from dataclasses import replace
from pathlib import Path

import pytest

from gemilang_tui.config import Settings
from gemilang_tui.outbox import Outbox
from gemilang_tui.outbox_cli import run
from tests.conftest import TODAY
from tests.contract.test_submit_lapor import BODY


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(today=TODAY, data_dir=tmp_path, locale="id")


def args(**given) -> argparse.Namespace:
    return argparse.Namespace(**{"resend": None, "send": False, "api_url": None, **given})


def test_an_empty_outbox(settings, capsys):
    assert run(settings, args()) == 0
    out = capsys.readouterr().out
    assert f"Kiriman di {settings.data_dir / 'outbox.sqlite3'}" in out and "Belum ada kiriman." in out


def test_the_list_shows_no_personal_data(settings, capsys):
    outbox = Outbox(settings.data_dir / "outbox.sqlite3")
    pending = outbox.put("lapor", {**BODY, "nama": "Siti Aminah"})
    sent = outbox.put("lapor", BODY)
    outbox.mark_sent(sent.id, "2611007")
    failed = outbox.put("lapor", BODY)
    outbox.mark_failed(failed.id, "NIK 3603284508710003 ditolak")
    assert run(settings, args()) == 0
    out = capsys.readouterr().out
    for secret in ("3603284508710003", "081234567890", "Siti", "Tapos"):
        assert secret not in out
    assert "Kode" in out and "Nomor resmi" in out and "Percobaan" in out and "Kesalahan terakhir" in out
    assert pending.local_ref in out and "2611007" in out and "masalah lain" in out and "ditolak" not in out
    assert "1 tertunda, 1 gagal, 1 terkirim" in out


def test_resend_puts_a_failed_one_back(settings, capsys):
    outbox = Outbox(settings.data_dir / "outbox.sqlite3")
    failed = outbox.put("lapor", BODY)
    outbox.mark_failed(failed.id, "ditolak")
    assert run(settings, args(resend=failed.local_ref.lower())) == 0
    assert outbox.summary(failed.local_ref).status == "pending"
    assert "masuk antrean lagi" in capsys.readouterr().out
    assert run(settings, args(resend="K-TIDAKADA")) == 1
    assert "Tidak ada kiriman dengan kode K-TIDAKADA." in capsys.readouterr().out
    outbox.mark_sent(failed.id, "2611007")
    assert run(settings, args(resend=failed.local_ref)) == 1


def test_send_needs_a_real_service(settings, capsys):
    assert run(settings, args(send=True)) == 2
    assert "--send memerlukan alamat layanan" in capsys.readouterr().out


def test_send_when_the_service_is_unreachable_keeps_it_pending(settings, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    outbox = Outbox(settings.data_dir / "outbox.sqlite3")
    entry = outbox.put("lapor", BODY)
    outbox.mark_attempt(entry.id, "earlier failure", retry_in=300)  # not due: --send sends it anyway
    assert run(replace(settings, api_url=f"http://127.0.0.1:{port}"), args(send=True)) == 1
    out = capsys.readouterr().out
    assert f"{entry.local_ref} belum terkirim" in out and "1 masih tertunda" in out
    assert outbox.summary(entry.local_ref).attempts == 1
