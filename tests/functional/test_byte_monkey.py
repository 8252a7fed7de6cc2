"""Whatever bytes reach the kiosk's terminal, the kiosk keeps running and answers the home key.

The monkey of test_monkey.py sends key events through Pilot, so it never meets the terminal parser; this one
writes bytes to the kiosk's own pseudo-terminal (benchmarks/byte_monkey.py: random bytes, CSI with sub-parameters,
kitty key reports with releases, mouse reports, OSC/DCS fragments, pastes, invalid UTF-8, in-band resizes). Seeded,
so a failure can be replayed: `benchmarks/byte_monkey.py --bytes 20000 --seed N`. The long run (500,000 bytes)
is the benchmark's; its result is in the README.
"""

from __future__ import annotations

import pytest

from benchmarks import byte_monkey

SUITE_BYTES = 20_000


@pytest.fixture
def kiosk_terminal(tmp_path):
    terminal = byte_monkey.start_kiosk(tmp_path / "data")
    try:
        yield terminal
    finally:
        terminal.close()


@pytest.mark.parametrize("seed", [7])
def test_no_bytes_end_the_kiosk_and_the_home_key_then_draws_menu_utama(kiosk_terminal, tmp_path, seed):
    assert byte_monkey.run(kiosk_terminal, SUITE_BYTES, seed) == SUITE_BYTES
    byte_monkey.answers_home(kiosk_terminal)
    assert byte_monkey.exit_status(kiosk_terminal) is None
    log = (tmp_path / "data" / "kiosk.log").read_text(encoding="utf-8")
    assert "parser was restarted" not in log, log  # nothing reached Textual's parser that it could not read
    for kind in ("invalid UTF-8", "a malformed key report", "a key release report", "an in-band resize report",
                 "a paste start", "a mouse report"):
        assert f"dropped {kind}" in log
        assert log.count(f"dropped {kind}") == 1  # once per kind, the kiosk runs all day
