"""The terminal the screens are drawn on, as the kiosk reads it: whatever bytes arrive, the kiosk keeps running and
keeps seeing its keys.

Textual's own input (textual 8.x, `drivers/linux_driver.py` and `_xterm_parser.py`) trusts the terminal: it ends
the app on one invalid UTF-8 byte (a keymap in meta mode, a barcode scanner, serial noise) and on a kitty key
report whose fields it does not expect (Alt+`[` then `:u` typed within the escape delay, or a key-release report),
and it believes any in-band resize report (`ESC [ 48 ; 1 ; 1 ; 0 ; 0 t` typed makes the screen 1×1: blank until a
real resize, which never comes on a Linux console) and any paste start (`ESC [ 200 ~` typed: every later key goes
into a paste that never ends). At a kiosk the keyboard is the public's, so everything it sends is untrusted input.

The rule here: the kiosk takes keys, and the reports it asked for. Invalid UTF-8 is dropped; a key report with
fields that are not numbers or not characters is dropped; a key release (never asked for) is dropped; in-band
resize reports, mouse reports and pastes are never asked for (the kiosk reads its size from SIGWINCH, has no mouse
and nothing to paste into), so they are dropped. Each kind is logged once, by kind only: what was typed may be
personal. Anything Textual's parser still raises on is logged and the parser is started afresh, so the keyboard
is never lost. The upstream report: docs/upstream-textual-input.md.
"""

from __future__ import annotations

import logging
import os
import re
import selectors
from codecs import getincrementaldecoder
from collections.abc import Callable, Generator, Iterable

from textual import events, messages
from textual._parser import Peek1, Read1, TokenCallback
from textual._xterm_parser import XTermParser, _re_extended_key
from textual.drivers.linux_driver import LinuxDriver
from textual.keys import Keys
from textual.message import Message

log = logging.getLogger(__name__)

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
_NUMBER = re.compile(r"[0-9]*")  # a field of a key report: ASCII digits only (`\d` would take any script's digits)
_KITTY_EVENTS = ("", "1", "2", "3")  # event type of a kitty key report: press, repeat, release (asked by flag 2)
_KITTY_RELEASE = "3"
_REPLACEMENT = "\ufffd"
_MOUSE = "a mouse report (the kiosk has no mouse)"


class DropLog:
    """Says once per kind that input was dropped: the kiosk runs all day, and a noisy line must not fill its log."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, kind: str) -> None:
        if kind not in self.seen:
            self.seen.add(kind)
            log.warning("terminal input: dropped %s (logged once per kind; the bytes are not logged)", kind)


def _is_character(code: int) -> bool:
    return code < 0x110000 and not 0xD800 <= code <= 0xDFFF  # a surrogate cannot be drawn or encoded


class KeyboardDecoder:
    """Bytes from the terminal as text: a byte that is not UTF-8 is dropped (and said once), never raised on."""

    def __init__(self, dropped: Callable[[str], None]) -> None:
        self._decode = getincrementaldecoder("utf-8")(errors="replace").decode  # a split character waits
        self.dropped = dropped

    def __call__(self, data: bytes, final: bool = False) -> str:
        text = self._decode(data, final=final)
        if _REPLACEMENT in text:
            self.dropped("invalid UTF-8")
            text = text.replace(_REPLACEMENT, "")
        return text


class KioskInputParser(XTermParser):
    """Textual's terminal parser, with what the kiosk did not ask for dropped and malformed key reports refused."""

    def __init__(self, *, mouse: bool = False, dropped: Callable[[str], None] | None = None) -> None:
        self.mouse = mouse
        self.dropped = dropped or DropLog()
        self._recent = ""  # the last characters fed, to see a paste start split over two reads
        super().__init__()

    def feed(self, data: str) -> Iterable[Message]:
        return super().feed(self._close_pastes(data))

    def _close_pastes(self, data: str) -> str:
        """A paste start is followed at once by its end: the kiosk never asks for pastes (KioskDriver), so a typed
        one would otherwise hold every later key in a paste that never ends. (The parser keeps its paste state
        inside its generator, out of reach: feeding the end is the narrowest way to close it.)"""
        seen = self._recent + data
        self._recent = seen[-(len(PASTE_START) - 1):]  # a start cannot overlap itself: this tail is enough
        if PASTE_START not in seen:
            return data
        kept = len(seen) - len(data)
        out, start = [], 0
        for at in (match.end() - kept for match in re.finditer(re.escape(PASTE_START), seen)):
            out.append(data[start:at] + PASTE_END)
            start = at
        out.append(data[start:])
        self.dropped("a paste start (the kiosk does not take pastes)")
        return "".join(out)

    def parse(self, token_callback: TokenCallback) -> Generator[Read1 | Peek1, str, None]:
        def deliver(token: Message) -> None:
            kind = self._unasked(token)
            if kind is None:
                token_callback(token)
            elif kind:
                self.dropped(kind)

        return super().parse(deliver)

    def _unasked(self, token: Message) -> str | None:
        """What kind of report the kiosk did not ask for `token` is ("" to drop it unsaid), or None to deliver it."""
        if isinstance(token, events.Resize):  # the parser makes these from in-band reports only
            return "an in-band resize report (the kiosk reads its size from SIGWINCH)"
        if isinstance(token, messages.InBandWindowResize):
            return "an in-band resize mode report (the kiosk did not ask)"
        if isinstance(token, events.Paste):  # the empty one that closes a paste start (`_close_pastes`)
            return "a paste (the kiosk does not take pastes)" if token.text else ""
        if isinstance(token, events.MouseEvent) and not self.mouse:
            return _MOUSE
        return None

    def parse_mouse_code(self, code: str) -> Message | None:
        # Without a mouse nothing is computed: a typed in-band resize to 0×0 before a mouse report would divide by 0.
        if self.mouse:
            return super().parse_mouse_code(code)
        self.dropped(_MOUSE)
        return None

    def _parse_extended_key(self, sequence: str) -> list[events.Key] | None:
        """A kitty key report (`CSI code[:alternates] ; modifiers[:event] ; text u`, or `~` and the letter keys)
        whose every field is a number and every code a character; else it is dropped (an ignored key)."""
        if (match := _re_extended_key.fullmatch(sequence)) is None:
            return None
        codes, end = match.groups(default="")
        fields = codes.split(";")
        key_field, modifier_field, text_field, *_ = fields + ["", "", ""]
        code, *alternates = key_field.split(":")
        modifiers, _, event = modifier_field.partition(":")
        texts = text_field.split(":") if text_field else []
        numbers = [code, *alternates, modifiers, event, *texts]
        if (not all(_NUMBER.fullmatch(part) for part in numbers) or event not in _KITTY_EVENTS
                or (end == "u" and not code)):  # Textual would read a missing code as 1: Ctrl+A
            self.dropped("a malformed key report")
            return [events.Key(Keys.Ignore, sequence)]
        if not all(_is_character(int(part)) for part in (code, *texts) if part):
            self.dropped("a key report naming no character")
            return [events.Key(Keys.Ignore, sequence)]
        if event == _KITTY_RELEASE:
            self.dropped("a key release report (the kiosk did not ask for key events)")
            return [events.Key(Keys.Ignore, sequence)]
        # What Textual reads, without the sub-fields it cannot: alternate keys and a press or repeat event.
        plain = ";".join([code, modifiers, text_field][: len(fields)])
        return super()._parse_extended_key(f"\x1b[{plain}{end}")


class KioskDriver(LinuxDriver):
    """Textual's Linux driver reading through KioskInputParser: invalid UTF-8 dropped, no parser error ends the
    kiosk, and no in-band resizes or pastes asked of the terminal."""

    def _query_in_band_window_resize(self) -> None:
        """Not asked: a kiosk's size comes from SIGWINCH (a Linux console has no in-band resize)."""

    def _enable_bracketed_paste(self) -> None:
        """Not asked: nothing at the kiosk takes a paste; text pasted on a desktop terminal arrives as keys."""

    def run_input_thread(self) -> None:
        """Textual's input loop (LinuxDriver.run_input_thread, textual 8.2) with the kiosk's parser and decoder."""
        dropped = DropLog()
        new_parser = lambda: KioskInputParser(mouse=self._mouse, dropped=dropped)  # noqa: E731
        parser = new_parser()
        decode = KeyboardDecoder(dropped)
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)

        def deliver(read: Callable[[], Iterable[Message]]) -> None:
            nonlocal parser
            try:
                for message in read():
                    self.process_message(message)
            except Exception as error:  # noqa: BLE001 - whatever the parser did not foresee: keep the keyboard
                dropped(f"input the terminal parser failed on ({type(error).__name__}); the parser was restarted")
                parser = new_parser()

        def process(ready: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            for _key, mask in ready:
                if mask & selectors.EVENT_READ:
                    data = os.read(self.fileno, 1024 * 4)
                    if not data:
                        break  # stdin was piped and has ended
                    text = decode(data, final=final)
                    if text:
                        deliver(lambda text=text: parser.feed(text))
            deliver(lambda: parser.tick())

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
