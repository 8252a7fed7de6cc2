"""Speech for the kiosk: screen text made speakable in Indonesian or English, and spoken by eSpeak NG off the UI.

Nothing here imports Textual; the app registers `voice.Voice` as a listener of every `View` it shows.
"""
