"""The kiosk's end of the speech worker: starts it in the background, feeds it, restarts it when it dies.

Nothing here blocks the UI thread: `send` only queues a line; a writer thread delivers it and a supervisor thread
starts the worker, reads its status lines and, when it dies, starts another after a pause that doubles each time.
After `MAX_RESTARTS` deaths in a row the voice goes quiet and one line is logged; nothing personal is ever logged.
The `say` a worker died with (not reported `done`) is given once to the next one: the screen shown is still said,
and a text that kills the engine every time costs two deaths, not all of them.
"""

from __future__ import annotations

import logging
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Protocol

from gemilang_tui.speech.protocol import Done, Message, Say, Status, Stop, decode, encode, read_lines

log = logging.getLogger("gemilang_tui.speech")

MAX_RESTARTS = 3
FIRST_PAUSE = 0.5  # seconds before the first restart; doubled for each further one
STEADY_SECONDS = 60.0  # a worker that lived this long died of something new: the count of deaths starts again
CLOSE_SECONDS = 1.0


class Channel(Protocol):
    """A running worker as the link sees it: `subprocess.Popen` is one; tests run `worker.serve` in a thread."""

    stdin: IO[bytes] | None
    stdout: IO[bytes] | None
    pid: int

    def wait(self, timeout: float | None = None) -> int: ...
    def kill(self) -> None: ...


Launch = Callable[[str], Channel]


def launch_process(mode: str) -> Channel:
    """`python -m gemilang_tui.speech.worker MODE`, finding this very package, its stderr thrown away."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (root, env.get("PYTHONPATH"))))
    return subprocess.Popen([sys.executable, "-m", "gemilang_tui.speech.worker", mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, close_fds=True)


class Link:
    def __init__(self, mode: str, on_status: Callable[[Status], None], launch: Launch = launch_process) -> None:
        self.mode = mode
        self._on_status = on_status
        self._launch = launch
        self._outbox: queue.SimpleQueue[Message | None] = queue.SimpleQueue()
        self._in_flight: Say | None = None  # the last `say` written and not yet reported done
        self._resent = -1
        self._logged = False
        self._channel: Channel | None = None
        self._up = threading.Condition()
        self._closed = threading.Event()
        self.gave_up = False
        self.deaths = 0
        self.started = 0  # workers started so far
        threading.Thread(target=self._supervise, name="gemilang-speech-link", daemon=True).start()
        threading.Thread(target=self._write, name="gemilang-speech-send", daemon=True).start()

    @property
    def pid(self) -> int | None:
        channel = self._channel
        return channel.pid if channel is not None else None

    def send(self, message: Message) -> None:
        """Queue a line for the worker; never blocks."""
        if not self.gave_up and not self._closed.is_set():
            self._outbox.put(message)

    def close(self) -> None:
        """The kiosk is leaving: end the worker's input (it exits), and kill it if it has not within a second."""
        self._closed.set()
        self._outbox.put(None)
        with self._up:
            channel = self._channel
            self._up.notify_all()
        if channel is not None:
            self._end(channel)

    @staticmethod
    def _end(channel: Channel) -> None:
        try:
            if channel.stdin is not None:
                channel.stdin.close()
        except OSError:
            pass
        try:
            channel.wait(CLOSE_SECONDS)
        except subprocess.TimeoutExpired:
            channel.kill()
            channel.wait()

    # -- the supervisor thread: start, read, restart ---------------------------------------------------------

    def _supervise(self) -> None:
        while not self._closed.is_set():
            born = time.monotonic()
            try:
                channel = self._launch(self.mode)
            except OSError as problem:
                log.warning("the speech worker cannot start: %s", problem.strerror or type(problem).__name__)
                code: int | str = "not started"
            else:
                self.started += 1
                with self._up:
                    self._resend(channel)
                    self._channel = channel
                    self._up.notify_all()
                    closed_meanwhile = self._closed.is_set()  # else `close` sees this channel and ends it
                if closed_meanwhile:
                    self._end(channel)
                    return
                if channel.stdout is not None:
                    for line in read_lines(channel.stdout):
                        message = decode(line)
                        if isinstance(message, Status):
                            if message.problem and not self._logged:  # the engine's or player's words, once
                                self._logged = True
                                log.warning("speech is %s: %s", "failing" if message.engine else "off",
                                            message.problem)
                            self._on_status(message)
                        elif isinstance(message, Done):
                            with self._up:
                                if self._in_flight is not None and self._in_flight.id <= message.id:
                                    self._in_flight = None
                code = channel.wait()
                with self._up:
                    self._channel = None
            if self._closed.is_set():
                return
            self.deaths = 1 if time.monotonic() - born > STEADY_SECONDS else self.deaths + 1
            if self.deaths > MAX_RESTARTS:
                log.warning("speech is off: its worker stopped %d times (last exit %s); restart the kiosk to retry",
                            self.deaths, code)
                self._on_status(Status("", f"the speech worker stopped {self.deaths} times"))
                self.gave_up = True  # after the status: whoever sees it given up also sees why
                self._outbox.put(None)
                return
            log.info("the speech worker stopped (exit %s); starting it again", code)
            if self._closed.wait(FIRST_PAUSE * 2 ** (self.deaths - 1)):
                return

    def _resend(self, channel: Channel) -> None:
        """The `say` the last worker died with, once, to the new one (the writer waits: it has no channel yet)."""
        say, self._in_flight = self._in_flight, None
        if say is None or say.id == self._resent:
            return
        self._resent = say.id
        if self._deliver(channel, say):
            self._in_flight = say

    @staticmethod
    def _deliver(channel: Channel, message: Message) -> bool:
        line = encode(message)
        try:  # to the descriptor, not through the file's buffer: `close` must never wait for this thread
            fd = channel.stdin.fileno() if channel.stdin is not None else -1
            while line:
                line = line[os.write(fd, line):]
        except (OSError, ValueError):  # it died (the supervisor restarts it) or was closed: this line is lost
            return False
        return True

    # -- the writer thread: one line at a time to whichever worker is up -----------------------------------------

    def _write(self) -> None:
        while True:
            message = self._outbox.get()
            if message is None or self.gave_up:
                return
            with self._up:
                while self._channel is None and not self._closed.is_set() and not self.gave_up:
                    self._up.wait(0.5)
                channel = self._channel
                if channel is None:
                    return
                if isinstance(message, Say):  # before it is written: its `done` may come back at once
                    self._in_flight = message
                elif isinstance(message, Stop):
                    self._in_flight = None
            self._deliver(channel, message)
