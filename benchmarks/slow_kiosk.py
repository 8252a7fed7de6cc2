"""The kiosk on an embedded mock that answers every /v1/ request after 2 s (bench only: a slow network)."""

import sys

from gemilang_tui import cli
from gemilang_tui.mockapi import app as mock

DELAY_SECONDS = 2.0
_create_app = mock.create_app


def slow_create_app(*args, **kwargs):
    app = _create_app(*args, **kwargs)
    app.state.faults = mock.Faults(mode="slow", delay=DELAY_SECONDS)
    return app


mock.create_app = slow_create_app

if __name__ == "__main__":
    sys.exit(cli.main())
