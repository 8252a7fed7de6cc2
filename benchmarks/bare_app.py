"""The yardstick: a bare Textual app that paints one line and pushes a plain screen on "1"."""

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static


class Plain(Screen):
    def compose(self):
        yield Static("Second screen")


class Bare(App):
    def compose(self):
        yield Static("Bare app ready")

    def on_key(self, event) -> None:
        if event.character == "1":
            self.push_screen(Plain())


if __name__ == "__main__":
    Bare().run()
