"""Speech for the kiosk: screen text made speakable in Indonesian or English, and spoken by eSpeak NG off the UI.

Nothing here imports Textual; the app registers `voice.Voice` as a listener of every `View` it shows. The voice
decides what is said and hands it to the speech worker, a process of its own (`worker.py`, through `link.py` and
the line protocol of `protocol.py`), which composes the words (`compose.py`, `normalise.py`, `numbers.py`),
synthesises (`engines.py`) and plays them (`output.py`): the kiosk stays light and outlives a crash of the engine.
"""
