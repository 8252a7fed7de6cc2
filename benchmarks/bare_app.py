"""The yardstick: a bare Textual app that paints one line, pushes a plain screen on "1" and pops it on "-"."""

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static


class Plain(Screen):
    def compose(self):
        yield Static("Second screen")

    def on_key(self, event) -> None:
        if event.character == "-":
            self.app.pop_screen()


class Bare(App):
    def compose(self):
        yield Static("Bare app ready")

    def on_key(self, event) -> None:
        if event.character == "1":
            self.push_screen(Plain())


if __name__ == "__main__":
    Bare().run()
