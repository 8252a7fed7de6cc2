"""The voice's logic without a terminal: what is said when, cut off by keys, files written, a missing engine.

The worker runs in a thread here (`ThreadChannel`), over the same pipes and protocol, so a test hands it its parts.
"""

from __future__ import annotations

import io
import threading
import time
import wave

from gemilang_tui.flow import Option, Prompt, View
from gemilang_tui.speech.engines import EngineMissing, EspeakLibrary, Silence
from gemilang_tui.speech.output import FileSink
from gemilang_tui.speech.speaker import Speaker, Utterance
from gemilang_tui.speech.voice import Voice
from gemilang_tui.speech.worker import ThreadChannel
from tests.waits import wait_until


class Recorder:
    """An output that keeps what it was given; `hold` makes playing last until released or killed."""

    def __init__(self, hold: bool = False) -> None:
        self.played: list[str] = []
        self.hold = hold
        self.killed = threading.Event()

    def play(self, wav, text, cancelled):
        self.played.append(text)
        while self.hold and not cancelled():
            time.sleep(0.01)

    def kill(self):
        self.killed.set()


def voice_with(output: Recorder, monkeypatch) -> Voice:
    monkeypatch.setattr(Voice, "launch", staticmethod(ThreadChannel.launcher(lambda mode: (Silence(), output))))
    voice = Voice("espeak", 70)
    assert voice.wait_ready()
    return voice


MENU = View(title="Menu Utama", question="Tekan nomornya.", options=[Option("Siaga Darurat", number=5)])


def test_a_new_screen_is_said_and_the_same_view_again_is_not(monkeypatch):
    output = Recorder()
    voice = voice_with(output, monkeypatch)
    screen = object.__new__(type("Screen", (), {}))
    voice.show(screen, MENU)
    wait_until(lambda: output.played, "something was played")
    again = View(title="Menu Utama", question="Tekan nomornya.", options=[Option("Siaga Darurat", number=5)])
    voice.show(screen, again)
    time.sleep(0.1)  # a re-render (a highlight move) gives an equal view
    assert output.played == ["Menu Utama. Tekan nomornya. Tekan lima untuk Siaga Darurat."]


def test_a_new_screen_cuts_the_old_speech_off_and_a_key_silences(monkeypatch):
    output = Recorder(hold=True)
    voice = voice_with(output, monkeypatch)
    first, second = type("A", (), {})(), type("B", (), {})()
    voice.show(first, MENU)
    wait_until(lambda: len(output.played) == 1, "one utterance was played")
    voice.show(second, View(title="Siaga Darurat", body=["Telepon 112."]))
    wait_until(lambda: len(output.played) == 2, "two utterances were played")
    assert output.played[1] == "Siaga Darurat. Telepon satu satu dua."
    output.killed.clear()
    voice.stop()
    wait_until(output.killed.is_set, "the player was stopped")
    voice.close()


def test_typing_echoes_each_key_and_a_pin_stays_silent(monkeypatch):
    output = Recorder()
    voice = voice_with(output, monkeypatch)
    screen = type("S", (), {})()
    for count, value in enumerate(("", "3", "36", "3"), start=1):
        voice.show(screen, View(title="NIK", question="Ketik NIK.", prompt=Prompt("NIK", value)))
        wait_until(lambda count=count: len(output.played) == count, f"{count} utterances were played")
    assert output.played[1:] == ["tiga", "enam", "dihapus"]
    pin = type("P", (), {})()
    voice.show(pin, View(title="PIN", question="Ketik PIN.", prompt=Prompt("PIN", "", masked=True)))
    voice.show(pin, View(title="PIN", question="Ketik PIN.", prompt=Prompt("PIN", "4", masked=True)))
    time.sleep(0.1)
    assert "empat" not in output.played


def test_a_countdown_is_said_after_what_is_being_said(monkeypatch):
    output = Recorder(hold=True)
    voice = voice_with(output, monkeypatch)
    screen = type("S", (), {})()
    warning = View(title="Masih di sana?", body=["Tekan tombol apa saja.", "Dalam 30 detik semua dihapus."])
    voice.show(screen, warning)
    wait_until(lambda: len(output.played) == 1, "one utterance was played")
    for seconds in (29, 28):
        voice.show(screen, View(title="Masih di sana?", body=["Tekan tombol apa saja.",
                                                               f"Dalam {seconds} detik semua dihapus."]))
    time.sleep(0.1)
    assert len(output.played) == 1  # not cut off by the tick
    output.hold = False
    wait_until(lambda: len(output.played) == 2, "two utterances were played")
    assert output.played[1] == "Dalam dua puluh delapan detik semua dihapus."


def test_repeat_says_the_screen_again(monkeypatch):
    output = Recorder()
    voice = voice_with(output, monkeypatch)
    voice.show(type("S", (), {})(), MENU)
    wait_until(lambda: len(output.played) == 1, "one utterance was played")
    voice.repeat(MENU)
    wait_until(lambda: len(output.played) == 2, "two utterances were played")
    assert output.played[0] == output.played[1]


def test_a_missing_engine_leaves_the_voice_silent_with_a_reason(monkeypatch):
    def missing(mode):
        raise EngineMissing("no espeak-ng program on the PATH")

    monkeypatch.setattr(Voice, "launch", staticmethod(ThreadChannel.launcher(missing)))
    voice = Voice("espeak", 70)
    assert voice.wait_ready()
    voice.show(type("S", (), {})(), MENU)  # does not raise, says nothing
    assert voice.status() == ("missing", "no espeak-ng program on the PATH")
    assert Voice("none").status() == ("off", "")


def test_a_failing_player_is_reported_and_the_kiosk_goes_on(monkeypatch):
    class Broken(Recorder):
        def play(self, wav, text, cancelled):
            raise RuntimeError("aplay: no soundcards found")

    voice = voice_with(Broken(), monkeypatch)
    voice.show(type("S", (), {})(), MENU)
    wait_until(lambda: voice.status()[0] == "failing", "the voice reports it is failing")
    assert "no soundcards" in voice.status()[1]


def test_file_sink_numbers_utterances_and_keeps_the_exact_text(tmp_path):
    speaker = Speaker(lambda: (Silence(), FileSink(tmp_path)), lambda: 70)
    for text in ("Satu.", "Dua."):
        speaker.say_after(Utterance(lambda text=text: text, "id"))
        wait_until(lambda: not speaker.speaking(), "the speaker fell quiet")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["0001.txt", "0001.wav", "0002.txt", "0002.wav"]
    assert (tmp_path / "0002.txt").read_text(encoding="utf-8") == "Dua.\n"
    assert FileSink(tmp_path)._next == 3  # a new kiosk run goes on numbering


def test_espeak_ng_speaks_indonesian_and_english_from_the_wheel():
    engine = EspeakLibrary()
    for locale, text in (("id", "Dalam keadaan darurat, telepon satu satu dua."), ("en", "Press one for help.")):
        wav = engine.synthesize(text, locale, 50, lambda: False)
        with wave.open(io.BytesIO(wav)) as sound:
            seconds = sound.getnframes() / sound.getframerate()
        assert 0.8 < seconds < 10, (locale, seconds)
    calls = iter(range(1000))
    assert engine.synthesize("Satu dua tiga. " * 40, "id", 50, lambda: next(calls) > 2) is None  # cut off


def test_the_espeak_ng_program_when_installed(tmp_path):
    import shutil

    import pytest

    from gemilang_tui.speech.engines import EspeakProgram

    if not shutil.which("espeak-ng"):
        pytest.skip("the espeak-ng program is not installed (the wheel's library is the default engine)")
    wav = EspeakProgram().synthesize("Tekan satu untuk Siaga Darurat.", "id", 50, lambda: False)
    with wave.open(io.BytesIO(wav)) as sound:
        assert sound.getnframes() / sound.getframerate() > 0.8
