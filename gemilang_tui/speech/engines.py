"""Speech engines: eSpeak NG through its library (the `espeakng-loader` wheel ships it with its voices) or its program.

An engine turns normalised text into WAV bytes, and stops early when told the utterance is no longer wanted.
"""

from __future__ import annotations

import ctypes
import io
import shutil
import subprocess
import tempfile
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

VOICES = {"id": "id", "en": "en"}
WORDS_PER_MINUTE = 150  # a little slower than eSpeak's 175: older listeners, a noisy office
Cancelled = Callable[[], bool]

# eSpeak NG's API (speak_lib.h)
_SYNCHRONOUS = 2
_DONT_EXIT = 0x8000
_RATE, _VOLUME = 1, 2
_POSITION_CHARACTER = 1
_CHARS_UTF8 = 1
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class EngineMissing(RuntimeError):
    """No eSpeak NG here; the message says what was looked for."""


class Engine(Protocol):
    name: str

    def synthesize(self, text: str, locale: str, volume: int, cancelled: Cancelled) -> bytes | None:
        """WAV bytes for `text` in the voice of `locale`, or None when cancelled midway."""
        ...


def wav_bytes(samples: bytes, rate: int) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples)
    return buffer.getvalue()


def _amplitude(volume: int) -> int:
    """Our 0–100 to eSpeak's 0–200 amplitude (100 is eSpeak's normal loudness: our 50)."""
    return max(0, min(200, volume * 2))


class EspeakLibrary:
    """libespeak-ng through ctypes, with the voice data from the `espeakng-loader` wheel; one synthesis at a time."""

    name = "eSpeak NG (library)"
    _lock = threading.Lock()
    _shared: tuple[ctypes.CDLL, int] | None = None

    def __init__(self) -> None:
        self._lib, self._rate = self._load()
        self._chunks: list[bytes] = []
        self._cancelled: Cancelled = lambda: False
        self._callback = _CALLBACK(self._collect)  # kept alive as long as the engine

    @classmethod
    def _load(cls) -> tuple[ctypes.CDLL, int]:
        with cls._lock:
            if cls._shared is None:
                try:
                    import espeakng_loader
                except ImportError:
                    raise EngineMissing("the espeakng-loader package is not installed") from None
                try:
                    lib = ctypes.CDLL(espeakng_loader.get_library_path())
                    data = espeakng_loader.get_data_path()
                except (OSError, RuntimeError) as problem:
                    raise EngineMissing(f"libespeak-ng cannot be loaded: {problem}") from None
                lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
                lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
                lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
                lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
                lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                             ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
                rate = lib.espeak_Initialize(_SYNCHRONOUS, 0, data.encode(), _DONT_EXIT)
                if rate <= 0:
                    raise EngineMissing(f"eSpeak NG could not start with its data in {data}")
                cls._shared = (lib, rate)
            return cls._shared

    def _collect(self, samples, count: int, events) -> int:
        if self._cancelled():
            return 1  # eSpeak stops this synthesis
        if samples and count > 0:
            self._chunks.append(ctypes.string_at(samples, count * 2))
        return 0

    def synthesize(self, text: str, locale: str, volume: int, cancelled: Cancelled) -> bytes | None:
        with EspeakLibrary._lock:
            lib = self._lib
            self._chunks, self._cancelled = [], cancelled
            lib.espeak_SetSynthCallback(self._callback)
            if lib.espeak_SetVoiceByName(VOICES.get(locale, "id").encode()) != 0:
                raise EngineMissing(f"eSpeak NG has no voice for {locale!r}")
            lib.espeak_SetParameter(_RATE, WORDS_PER_MINUTE, 0)
            lib.espeak_SetParameter(_VOLUME, _amplitude(volume), 0)
            data = text.encode("utf-8")
            lib.espeak_Synth(data, len(data) + 1, 0, _POSITION_CHARACTER, 0, _CHARS_UTF8, None, None)
            chunks, self._chunks = self._chunks, []
        if cancelled():
            return None
        return wav_bytes(b"".join(chunks), self._rate)


class EspeakProgram:
    """The `espeak-ng` program, when installed: one process per utterance, killed when cancelled."""

    name = "eSpeak NG (program)"

    def __init__(self, program: str | None = None) -> None:
        found = program or shutil.which("espeak-ng") or shutil.which("espeak")
        if found is None:
            raise EngineMissing("no espeak-ng program on the PATH")
        self.program = found

    def synthesize(self, text: str, locale: str, volume: int, cancelled: Cancelled) -> bytes | None:
        with tempfile.TemporaryDirectory(prefix="gemilang-espeak-") as folder:
            out = Path(folder) / "utterance.wav"  # a file, not --stdout: its WAV header then holds the length
            command = [self.program, "-v", VOICES.get(locale, "id"), "-s", str(WORDS_PER_MINUTE),
                       "-a", str(_amplitude(volume)), "-w", str(out), "--stdin"]
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            assert process.stdin is not None
            process.stdin.write(text.encode("utf-8"))
            process.stdin.close()
            while process.poll() is None:
                if cancelled():
                    process.kill()
                time.sleep(0.01)
            if cancelled() or process.returncode != 0 or not out.is_file():
                return None
            return out.read_bytes()


class Silence:
    """No engine: a short silent WAV, so `file:DIR` still records what would have been said."""

    name = "silence"

    def synthesize(self, text: str, locale: str, volume: int, cancelled: Cancelled) -> bytes | None:
        return wav_bytes(b"\0\0" * 1600, 16000)


def open_espeak() -> Engine:
    """The library from the wheel first, then the program; `EngineMissing` names both when neither is here."""
    try:
        return EspeakLibrary()
    except EngineMissing as library_problem:
        try:
            return EspeakProgram()
        except EngineMissing as program_problem:
            raise EngineMissing(f"{library_problem}; {program_problem}") from None
