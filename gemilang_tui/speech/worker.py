"""The speech worker: its own process, started by the kiosk, so eSpeak NG, number words and normalising stay out of it.

    python -m gemilang_tui.speech.worker espeak|file:DIR

Reads `say`/`stop` lines on stdin (speech/protocol.py), speaks them with `Speaker`, writes `status` lines on stdout.
It ends when stdin ends (the kiosk closed the pipe or died) or when its parent is gone, stopping its player first.
A crash here costs the kiosk only its voice: the kiosk starts a new worker (speech/link.py).
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from gemilang_tui.speech.engines import Engine, EngineMissing, Silence, open_espeak
from gemilang_tui.speech.output import FileSink, Output, Player
from gemilang_tui.speech.protocol import Done, Message, Say, Status, Stop, decode, encode, read_lines
from gemilang_tui.speech.speaker import Speaker, Utterance

PARENT_CHECK_SECONDS = 0.5


def parts_for(mode: str) -> tuple[Engine, Output]:
    """The engine and the output of a `GEMILANG_SPEECH` mode: `espeak` plays aloud, `file:DIR` writes files."""
    if mode.startswith("file:"):
        try:
            engine: Engine = open_espeak()
        except EngineMissing:
            engine = Silence()
        return engine, FileSink(Path(mode[len("file:"):]))
    return open_espeak(), Player.find()


def serve(inbox: IO[bytes], outbox: IO[bytes], open_parts: Callable[[], tuple[Engine, Output]],
          parent: int | None = None) -> None:
    """Speak what `inbox` asks until it ends (or process `parent` is gone); report on `outbox`."""
    volume = 70
    sending = threading.Lock()

    def send(message: Message) -> None:
        with sending:
            try:
                outbox.write(encode(message))
                outbox.flush()
            except (OSError, ValueError):  # the kiosk is gone: stdin ends next
                pass

    def report(engine: Engine | None, problem: str) -> None:
        send(Status(getattr(engine, "name", "") if engine is not None else "", problem))

    speaker = Speaker(open_parts, lambda: volume, on_status=report,
                      on_said=lambda utterance: send(Done(utterance.ident)))
    if parent is not None:
        threading.Thread(target=_watch_parent, args=(parent, speaker), name="parent", daemon=True).start()
    from gemilang_tui.speech.compose import compose  # after the speaker started opening the engine: in parallel

    try:
        for line in read_lines(inbox):
            message = decode(line)
            if isinstance(message, Say):
                volume = message.volume
                utterance = Utterance(functools.partial(compose, message), message.locale, message.id)
                (speaker.say if message.now else speaker.say_after)(utterance)
            elif isinstance(message, Stop):
                speaker.stop()
    finally:
        speaker.close()


class ThreadChannel:
    """`serve` in a thread of this process, over pipes, as a `link.Channel`: for tests that hand it their own parts."""

    def __init__(self, open_parts: Callable[[], tuple[Engine, Output]]) -> None:
        to_worker, from_worker = os.pipe(), os.pipe()
        self.stdin: IO[bytes] | None = os.fdopen(to_worker[1], "wb")
        self.stdout: IO[bytes] | None = os.fdopen(from_worker[0], "rb")
        self._inbox, self._outbox = os.fdopen(to_worker[0], "rb"), os.fdopen(from_worker[1], "wb")
        self.pid = os.getpid()
        self._thread = threading.Thread(target=self._run, args=(open_parts,), name="speech-worker", daemon=True)
        self._thread.start()

    def _run(self, open_parts: Callable[[], tuple[Engine, Output]]) -> None:
        try:
            serve(self._inbox, self._outbox, open_parts)
        finally:
            self._outbox.close()
            self._inbox.close()

    def wait(self, timeout: float | None = None) -> int:
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise subprocess.TimeoutExpired("speech-worker", timeout or 0)
        return 0

    def kill(self) -> None:
        if self.stdin is not None:
            self.stdin.close()

    @classmethod
    def launcher(cls, parts: Callable[[str], tuple[Engine, Output]] = parts_for) -> Callable[[str], ThreadChannel]:
        """A `Voice.launch` that opens `parts(mode)` in a thread instead of a process."""
        return lambda mode: cls(functools.partial(parts, mode))


def _watch_parent(parent: int, speaker: Speaker) -> None:
    """Stdin ends when the kiosk dies, unless another process holds its pipe: then this ends the worker."""
    while os.getppid() == parent:
        threading.Event().wait(PARENT_CHECK_SECONDS)
    speaker.close()  # stops the player
    os._exit(0)


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "espeak"
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the kiosk's terminal is the kiosk's business
    # The protocol gets its own copy of stdout; fd 1 goes to stderr, so a library printing cannot corrupt it.
    protocol_out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    serve(sys.stdin.buffer, protocol_out, lambda: parts_for(mode), parent=os.getppid())
    os._exit(0)  # the speaking thread may sit in the C library: do not wait for it


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
