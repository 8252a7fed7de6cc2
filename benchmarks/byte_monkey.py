"""A byte-level monkey: random bytes and escape sequences written to the kiosk's own pseudo-terminal (not through
Pilot, which sends key events and never meets the terminal parser), then the home key, which must draw Menu Utama.

    .venv/bin/python benchmarks/byte_monkey.py --bytes 500000 [--seed 7]

What it writes: keys the kiosk uses, random bytes, CSI with sub-parameters, kitty CSI-u reports (press, repeat,
release, alternates, text), SGR and X10 mouse reports, OSC and DCS fragments, bracketed pastes (some never
closed), invalid UTF-8, in-band resize reports and mode reports, focus reports, and control keys (Ctrl+A, Ctrl+C,
Ctrl+Q, Ctrl+Z). Some sequences are split by a pause longer than the escape delay. tests/functional/
test_byte_monkey.py runs 20,000 bytes of it in the suite.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project's root on the path, as for the other benchmarks
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.terminal import Terminal

MENU = "Layanan apa yang Anda perlukan"
MENU_IN_ENGLISH = "Which service do you need"  # the monkey may have chosen English on the welcome screen
WELCOME = "Selamat datang"
HOME_KEY = b"\x1b[H"
ESCAPE_DELAY_SECONDS = 0.1  # Textual's ESCDELAY default: a pause longer than this ends a sequence
BATCH_BYTES = 256
IDLE_WINDOW_SECONDS = 0.1
IDLE_EVERY_BYTES = 1024  # let the kiosk work through what it was sent every kilobyte


def kiosk_env(data_dir: Path) -> dict[str, str]:
    """The kiosk on the embedded mock, in an 80×24 xterm, with no speech or printer (as the other pty tests)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GEMILANG_")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="24", GEMILANG_TODAY="2026-11-28", GEMILANG_CONFIG="",
               GEMILANG_DATA_DIR=str(data_dir), GEMILANG_SPEECH="none", GEMILANG_PRINTER="none")
    return env


def _number(rng: random.Random) -> str:
    return str(rng.choice([0, 1, 2, 3, 9, 13, 27, 48, 97, 127, 200, 201, 2048, 57399, 55296, 1114112,
                           rng.randrange(10**6), rng.randrange(10**20)]))


def _params(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(5)):
        sub = ":".join(_number(rng) if rng.random() < 0.8 else "" for _ in range(rng.randrange(1, 4)))
        parts.append(sub)
    return ";".join(parts)


def _csi(rng: random.Random) -> bytes:
    prefix = rng.choice(["", "", "?", ">", "<", "="])
    return f"\x1b[{prefix}{_params(rng)}{rng.choice('u~ABCDEFHPQRSmMtyhlRnc$')}".encode()


def _kitty(rng: random.Random) -> bytes:
    code = rng.choice(["97", "49", "47", "13", "27", "57399", "57424", "", _number(rng)])
    if rng.random() < 0.3:
        code += ":" + _number(rng)
    modifiers = rng.choice(["", "1", "2", "5", _number(rng)])
    event = rng.choice(["", ":1", ":2", ":3", ":3", ":9", "::"])
    text = rng.choice(["", "", ";97", ";" + _number(rng), ";97:98", ";:"])
    return f"\x1b[{code};{modifiers}{event}{text}u".encode()


def _mouse(rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        return f"\x1b[<{_number(rng)};{rng.randrange(-3, 200)};{rng.randrange(-3, 60)}{rng.choice('Mm')}".encode()
    return b"\x1b[M" + bytes(rng.randrange(32, 256) for _ in range(3))


def _osc_dcs(rng: random.Random) -> bytes:
    body = "".join(rng.choice("0123456789;:abcXYZ ?") for _ in range(rng.randrange(12)))
    start = rng.choice(["\x1b]", "\x1b]0;", "\x1b]52;c;", "\x1bP", "\x1bP+q", "\x1b_", "\x1b^"])
    end = rng.choice(["\x07", "\x1b\\", "", ""])  # a fragment, often never ended
    return (start + body + end).encode()


def _paste(rng: random.Random) -> bytes:
    text = "".join(rng.choice("0123456789/-*.+\r abc\x1b") for _ in range(rng.randrange(20)))
    end = "\x1b[201~" if rng.random() < 0.6 else ""
    return ("\x1b[200~" + text + end).encode()


def _invalid_utf8(rng: random.Random) -> bytes:
    return rng.choice([b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80", b"\xf8\x88"])


def _resize(rng: random.Random) -> bytes:
    if rng.random() < 0.3:
        return f"\x1b[?{rng.choice(['2048', '2026', '1004'])};{rng.randrange(5)}$y".encode()
    return f"\x1b[48;{_number(rng)};{_number(rng)};{_number(rng)};{_number(rng)}t".encode()


def _keys(rng: random.Random) -> bytes:
    return "".join(rng.choice("0123456789012345-/*.+\r\x7f") for _ in range(rng.randrange(1, 6))).encode()


def _text(rng: random.Random) -> bytes:
    return "".join(rng.choice("aZ é中😀\t\x1bOP\x1b[A\x1b[5~") for _ in range(rng.randrange(1, 5))).encode()


def _control(rng: random.Random) -> bytes:
    return bytes([rng.choice([0, 1, 3, 4, 17, 19, 26, 28, 27, 127])])


def _random_bytes(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12)))


PIECES: list[tuple[Callable[[random.Random], bytes], int]] = [
    (_keys, 20), (_random_bytes, 10), (_csi, 12), (_kitty, 12), (_mouse, 6), (_osc_dcs, 6), (_paste, 5),
    (_invalid_utf8, 6), (_resize, 6), (_text, 6), (_control, 4),
    (lambda rng: rng.choice([b"\x1b[I", b"\x1b[O"]), 2),
]


def pieces(seed: int) -> Iterator[bytes]:
    """An endless, reproducible stream of pieces; b"" marks a pause longer than the escape delay."""
    rng = random.Random(seed)
    makers, weights = zip(*PIECES, strict=True)
    while True:
        piece = rng.choices(makers, weights)[0](rng)
        if rng.random() < 0.03 and len(piece) > 1:  # a sequence split by a pause: what a slow typist sends
            cut = rng.randrange(1, len(piece))
            yield piece[:cut]
            yield b""
            piece = piece[cut:]
        yield piece


def start_kiosk(data_dir: Path) -> Terminal:
    terminal = Terminal([sys.executable, "-P", "-m", "gemilang_tui.cli"], kiosk_env(data_dir))
    terminal.wait(WELCOME, terminal.started, timeout=60)
    terminal.drain(1.0)  # the embedded mock starts while a citizen reads the welcome
    terminal.press("1", MENU)
    return terminal


def exit_status(terminal: Terminal) -> int | None:
    """The kiosk's exit status if it has ended, else None."""
    pid, status = os.waitpid(terminal.pid, os.WNOHANG)
    return os.waitstatus_to_exitcode(status) if pid else None


def shown(terminal: Terminal) -> str:
    return "\n".join(line.rstrip() for line in terminal.screen.display)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def idle(terminal: Terminal, limit: float = 60.0) -> None:
    """Read what the kiosk draws until it has worked through the keys it was sent (its CPU time stands still for
    two windows in a row; it draws only once it is idle, so its output says nothing), at most `limit` seconds.

    The monkey types far faster than anyone: without this the keys it queues (no key is lost) would take the
    kiosk minutes to work through after the last one, on a busy machine more.
    """
    end = time.perf_counter() + limit
    still, before = 0, _cpu_seconds(terminal.pid)
    while still < 2 and time.perf_counter() < end:
        terminal.drain(IDLE_WINDOW_SECONDS)
        now = _cpu_seconds(terminal.pid)
        still = still + 1 if now - before <= 0.011 else 0  # one clock tick: the idle clock's own work
        before = now


def run(terminal: Terminal, total: int, seed: int, progress: Callable[[int], None] | None = None,
        idle_every: int = IDLE_EVERY_BYTES) -> int:
    """Write `total` bytes of the monkey's stream to the kiosk's terminal; fail at once if the kiosk ends."""
    written, idle_at, batch = 0, 0, bytearray()
    stream = pieces(seed)
    while written < total:
        piece = next(stream)[: total - written]
        if piece:
            batch += piece
            written += len(piece)
        if not piece or len(batch) >= BATCH_BYTES or written >= total:
            os.write(terminal.fd, bytes(batch))
            batch.clear()
            if written - idle_at >= idle_every:
                idle(terminal)
                idle_at = written
            elif piece:
                terminal.drain(0.005)  # read what it drew: a kiosk whose output is not read would block
            else:
                terminal.drain(ESCAPE_DELAY_SECONDS * 1.5)  # the sequence cut here ends
            status = exit_status(terminal)
            if status is not None:
                raise AssertionError(f"the kiosk ended (status {status}) after {written} bytes:\n{shown(terminal)}")
            if progress is not None:
                progress(written)
    return written


def wait_for_any(terminal: Terminal, markers: tuple[str, ...], timeout: float = 30.0) -> str:
    """The first of `markers` the screen shows within `timeout` seconds (above the key legend)."""
    deadline = time.perf_counter() + timeout
    cpu = _cpu_seconds(terminal.pid)
    while time.perf_counter() < deadline:
        for marker in markers:
            if terminal.shows(marker):
                return marker
        terminal._read(0.01)
    busy = _cpu_seconds(terminal.pid) - cpu  # a kiosk still working through queued keys, or one that ignored the key
    raise AssertionError(f"none of {markers} appeared within {timeout} s (the kiosk used {busy:.1f} s of CPU "
                         f"meanwhile); the terminal showed:\n{shown(terminal)}")


def answers_home(terminal: Terminal) -> None:
    """After the monkey: the home key draws Menu Utama, and Menu Utama still answers (4, then `/` on the next)."""
    terminal.drain(ESCAPE_DELAY_SECONDS * 2)  # a sequence left open ends after the escape delay
    idle(terminal)
    os.write(terminal.fd, HOME_KEY)
    menu = wait_for_any(terminal, (MENU, MENU_IN_ENGLISH))
    idle(terminal)
    os.write(terminal.fd, b"4")
    wait_for_any(terminal, ("Kuliner", "culinary"))  # Tempat wisata, drawn from the embedded mock's answer
    idle(terminal)
    terminal.press("/", menu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bytes", type=int, default=500_000, help="how many bytes to write (default 500,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--idle-every", type=int, default=IDLE_EVERY_BYTES, metavar="BYTES",
                        help="let the kiosk work through its keys after this many bytes (default 1,024; more is "
                             "faster: keys typed while a screen loads are then refused, not each worked through)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        terminal = start_kiosk(Path(folder) / "data")
        started = time.perf_counter()
        try:
            shown_at = [0]

            def progress(written: int) -> None:
                if written - shown_at[0] >= 50_000:
                    shown_at[0] = written
                    print(f"{written:>9,} bytes, {time.perf_counter() - started:6.0f} s", flush=True)

            written = run(terminal, args.bytes, args.seed, progress, args.idle_every)
            answers_home(terminal)
            log = (Path(folder) / "data" / "kiosk.log").read_text(encoding="utf-8", errors="replace")
        finally:
            terminal.close()
    took = time.perf_counter() - started
    print(f"{written:,} bytes (seed {args.seed}, idle every {args.idle_every:,}) in {took:.0f} s: "
          "the kiosk never ended and the home key drew Menu Utama.")
    print("Dropped, as logged once per kind:")
    for line in log.splitlines():
        if "terminal input" in line:
            print("  " + line.split("terminal input: ", 1)[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
