"""What a person who cannot read hears while filing a LAPOR! complaint by number keys alone, kept as a readable
transcript (transcripts/lapor.txt) and compared whole: a change to what the kiosk says shows in review.

After each key the walk waits until the screen has been heard whole (as a listener would before the next key), then
writes down the last whole reading of the screen, one sentence a line. Regenerate after an intended change with
`UPDATE_TRANSCRIPTS=1 pytest tests/functional/test_lapor_transcript.py` and read the difference.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from gemilang_tui.speech.normalise import sentence
from tests.conftest import kiosk, press, type_text
from tests.functional.test_lapor import NIK, PHONE, sender_running
from tests.functional.test_speech_crawl import expected, recorded  # noqa: F401 - `recorded` is a fixture

TRANSCRIPT = Path(__file__).parent / "transcripts" / "lapor.txt"
HEARD_SECONDS = 10.0


def sentences(spoken: str) -> list[str]:
    """One sentence a line (spoken text has no abbreviations left: every full stop ends a sentence)."""
    return re.split(r"(?<=[.?!])\s+", spoken)


async def heard_whole(app, pilot, recorder, since: int, done=lambda view: True) -> list[str]:
    """The last reading of the whole screen since `since` utterances and what was said after it (a line learnt once
    the screen was laid out), once together they hold everything the screen shows."""
    deadline = time.monotonic() + HEARD_SECONDS
    while True:
        view = app.last_view
        if view is not None and not app.screen.loading and done(view):
            title = sentence(view.title)
            texts = recorder.texts[since:]
            starts = [index for index, text in enumerate(texts) if text.startswith(title)]
            heard = texts[starts[-1]:] if starts else []
            if heard and all(any(piece in text for text in heard) for piece in expected(view)):
                return [line for text in heard for line in sentences(text)]
        assert time.monotonic() < deadline, (f"{view and view.title!r} never heard whole: {recorder.texts[since:]}"
                                             f" {expected(view)}")
        await pilot.pause(0.02)


def number_of(app, label: str) -> str:
    """The key of the option whose label holds `label`, as a person who hears "Tekan enam untuk …" presses it."""
    return next(str(option.number) for option in app.last_view.options if label in option.label)


async def test_a_lapor_complaint_by_ear(recorded):  # noqa: F811
    settings, recorder = recorded
    lines = ["# What the kiosk says while a LAPOR! complaint is filed by number keys alone.",
             "# [the keys pressed], then what is heard, one sentence a line.", ""]

    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)

        async def step(*keys: str, typed: str = "", done=lambda view: True) -> None:
            if typed:
                await type_text(pilot, typed)
            since = len(recorder)
            await press(pilot, *keys)
            spoken = await heard_whole(app, pilot, recorder, since, done)
            shown = " ".join(["ketik " + typed] if typed else []) + (" lalu " if typed else "") + " ".join(keys)
            lines.extend([f"[{shown}]", *spoken, ""])

        lines.extend(["[kiosk starts]", *await heard_whole(app, pilot, recorder, 0), ""])
        await step("1")  # Bahasa Indonesia
        await step(number_of(app, "Lapor masalah dan informasi"))
        await step(number_of(app, "SP4N LAPOR!"))
        await step(number_of(app, "Pengaduan"))
        await step("1")  # Infrastruktur
        await step("2")  # Lampu jalan mati
        await step("1")  # Di sini: the kiosk's own desa
        await step("2")  # kemarin
        await step("2")  # no details
        await step("1")  # name shown, report open
        await step("enter", typed=NIK)
        await step("1")  # the phone is optional: 1 types it
        await step("enter", typed=PHONE)
        app.api.mock_app.state.faults.mode = "down"  # the receipt as first heard: saved on the kiosk, not yet sent
        await step("1", done=lambda view: "Tersimpan" in view.as_text())
        app.api.mock_app.state.faults.mode = ""
        since = len(recorder)
        app.ctx.submissions.sender.wake()
        deadline = time.monotonic() + HEARD_SECONDS
        while not any("Nomor tiket" in text for text in recorder.texts[since:]):  # what changed, said when it does
            assert time.monotonic() < deadline, f"the ticket number was never said: {recorder.texts[since:]}"
            await pilot.pause(0.02)
        lines.extend(["[the report is sent while the receipt is shown]",
                      *(line for text in recorder.texts[since:] for line in sentences(text)), ""])

    # the kiosk's own code while a report waits is drawn at random: the transcript names it
    transcript = re.sub(r"(selama menunggu: ka, )[^.]*", r"\1<kode acak>", "\n".join(lines)).rstrip() + "\n"
    if os.environ.get("UPDATE_TRANSCRIPTS") or not TRANSCRIPT.exists():
        TRANSCRIPT.parent.mkdir(exist_ok=True)
        TRANSCRIPT.write_text(transcript, encoding="utf-8")
    assert transcript == TRANSCRIPT.read_text(encoding="utf-8")
