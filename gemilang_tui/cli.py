"""`gemilang-tui`: the kiosk (default), `mock-api` (the mock over HTTP), `outbox` (pending submissions),
`hash-pin` (the attendant's PIN), `print-test` (a test page on the receipt printer), `status` (health for operators)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()


def _common(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument("--config", type=Path, default=default,
                        help="TOML settings file (default: the user config folder)")
    parser.add_argument("--today", default=default, help="pin today's date, ISO (GEMILANG_TODAY)")
    parser.add_argument("--fixtures", default=default,
                        help="folder of fixture JSON files for the mock (GEMILANG_FIXTURES)")
    parser.add_argument("--data-dir", default=default,
                        help="where the outbox and offline copies live (GEMILANG_DATA_DIR)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gemilang-tui", description="Tangerang Gemilang kiosk")
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    _common(parser)
    parser.add_argument("--api-url", help="API base URL; without it the embedded mock is used (GEMILANG_API_URL)")
    parser.add_argument("--locale", help="id or en (GEMILANG_LOCALE)")
    parser.add_argument("--dev", action="store_true", default=None, help="developer mode: Ctrl+Q quits")
    parser.add_argument("--speech", help="espeak, none or file:DIR (GEMILANG_SPEECH)")
    parser.add_argument("--speech-volume", help="0 to 100 (GEMILANG_SPEECH_VOLUME)")
    parser.add_argument("--printer", help="receipt printer: usb:VID:PID, network:HOST[:PORT], serial:DEV, file:PATH "
                                          "or none (GEMILANG_PRINTER)")
    parser.add_argument("--printer-width", help="receipt paper width in mm: 58 or 80 (GEMILANG_PRINTER_WIDTH)")
    commands = parser.add_subparsers(dest="command")
    mock = commands.add_parser("mock-api", help="serve the mock API over HTTP")
    _common(mock, argparse.SUPPRESS)  # `--config X mock-api` keeps X: a subcommand's default would reset it
    mock.add_argument("--host", default="127.0.0.1")
    mock.add_argument("--port", type=int, default=8765)
    mock.add_argument("--database", type=Path, help="SQLite file for submissions (default: in the data dir)")
    mock.add_argument("--faults", "--mock-faults", dest="mock_faults", metavar="PLAN",
                      help="fault plan, e.g. 'latency=2s, error=503@0.3, seed=7' (GEMILANG_MOCK_FAULTS)")
    outbox = commands.add_parser("outbox", help="list pending, failed and sent submissions; resend failed ones")
    _common(outbox, argparse.SUPPRESS)
    outbox.add_argument("--api-url", default=argparse.SUPPRESS, help="API base URL (GEMILANG_API_URL)")
    outbox.add_argument("--resend", metavar="REF", help="put a failed submission back in the queue")
    outbox.add_argument("--send", action="store_true", help="send what is pending now, then exit")
    commands.add_parser("hash-pin", help="read an attendant PIN from the terminal and print its hash")
    test_page = commands.add_parser("print-test", help="print a test page on the receipt printer, then exit")
    _common(test_page)
    test_page.add_argument("--printer", help="receipt printer (GEMILANG_PRINTER)")
    test_page.add_argument("--printer-width", help="58 or 80 (GEMILANG_PRINTER_WIDTH)")
    status = commands.add_parser("status", help="the kiosk's health: version, config, API, outbox, printer, speech")
    _common(status, argparse.SUPPRESS)
    status.add_argument("--json", action="store_true", help="one JSON object, for programs")
    return parser


class _Version(argparse.Action):
    """`--version`, read from the package metadata only when asked (importlib.metadata is not free at start-up)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from gemilang_tui.version import version

        print(f"gemilang-tui {version()}")
        parser.exit()


def _flags(args: argparse.Namespace) -> dict[str, object]:
    names = ("api_url", "locale", "today", "fixtures", "data_dir", "dev", "speech", "speech_volume", "printer",
             "printer_width", "mock_faults")
    return {name: getattr(args, name, None) for name in names}


def main(argv: list[str] | None = None) -> int:
    from gemilang_tui.config import SettingError, load_settings

    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(flags=_flags(args), config_path=getattr(args, "config", None))
    except SettingError as problem:
        print(f"gemilang-tui: {problem}", file=sys.stderr)
        return 2
    if args.command == "mock-api":
        return _serve_mock(settings, args)
    if args.command == "hash-pin":
        return _hash_pin()
    if args.command == "print-test":
        return _print_test(settings)
    if args.command == "status":
        from gemilang_tui.status_cli import run as run_status

        return run_status(settings, args)
    if args.command == "outbox":
        from gemilang_tui.outbox_cli import run as run_outbox

        return run_outbox(settings, args)
    return _run_kiosk(settings)


def _hash_pin() -> int:
    from getpass import getpass

    from gemilang_tui.attendant import hash_pin

    pin = getpass("Attendant PIN (digits): ")
    if not pin.isdigit() or len(pin) < 4 or pin != getpass("Again: "):
        print("gemilang-tui: the PIN must be at least 4 digits, typed the same twice.", file=sys.stderr)
        return 2
    print(f"GEMILANG_ATTENDANT_PIN_HASH='{hash_pin(pin)}'")
    return 0


def _print_test(settings) -> int:
    """For the installer: does the printer in the settings print, and is the paper width right?"""
    from gemilang_tui.printing import print_test_page

    if settings.printer is None:
        print("gemilang-tui: no printer is set (GEMILANG_PRINTER or --printer).", file=sys.stderr)
        return 2
    outcome = print_test_page(settings)
    reason = f" ({outcome.reason})" if outcome.reason else ""
    print(f"{settings.printer} ({settings.printer_width} mm): {outcome.status}{reason}")
    return 0 if outcome.ok else 1


FIXTURES_STAMP = "fixtures-checked.json"


def _check_fixtures(settings) -> str | None:
    """A tester's fixture set is checked before the kiosk starts, so a bad file is named, not a traceback.

    A set checked before and unchanged since (same files, sizes and times, same kiosk code, same pinned day) is not
    checked again: validating 10,000 articles would hold the first paint back for a second at every start.
    """
    if settings.fixtures is None:
        return None
    if not settings.fixtures.is_dir():
        return f"GEMILANG_FIXTURES={settings.fixtures}: not a folder"
    stamp_path = settings.data_dir / FIXTURES_STAMP
    stamp = _fixtures_stamp(settings)
    try:
        if stamp is not None and stamp_path.read_text(encoding="utf-8") == stamp:
            return None
    except (OSError, UnicodeDecodeError):
        pass
    from gemilang_tui.mockapi.app import create_app
    from gemilang_tui.mockapi.fixtures import FixtureError

    try:
        create_app(fixtures=settings.fixtures, today=settings.today)
    except FixtureError as problem:
        return str(problem)
    if stamp is not None:
        from gemilang_tui.storage import write_private

        try:
            write_private(stamp_path, stamp)
        except OSError:
            pass  # checked again at the next start
    return None


def _fixtures_stamp(settings) -> str | None:
    """What the check of a fixture set depends on: its files (name, size, time changed), the code of the mock's
    routes and models, and the pinned day; None when a file cannot be looked at (then the set is checked)."""
    import json

    import gemilang_tui

    code = Path(gemilang_tui.__file__).parent
    try:
        files = sorted(settings.fixtures.resolve().iterdir())
        sources = sorted((*code.glob("mockapi/**/*.py"), *code.glob("api/*.py")))
        seen = {str(path): [path.stat().st_size, path.stat().st_mtime_ns] for path in (*files, *sources)}
    except OSError:
        return None
    return json.dumps({"folder": str(settings.fixtures.resolve()), "today": str(settings.today), "files": seen})


def _run_kiosk(settings) -> int:
    problem = _check_fixtures(settings)
    if problem:
        print(f"gemilang-tui: fixture error: {problem}", file=sys.stderr)
        return 2
    _one_malloc_arena()
    from gemilang_tui.app import GemilangApp

    app = GemilangApp(settings)
    app.run(mouse=False)
    # Only the attendant (or --dev) closes the kiosk on purpose; any other end is a crash, and a supervisor
    # (systemd Restart=always) must see it as one.
    return app.return_code if app.return_code is not None else 1


def _one_malloc_arena() -> None:
    """Every thread allocates from glibc's one main arena (what MALLOC_ARENA_MAX=1 does), set before any thread.

    The embedded mock's worker threads each got an arena of their own, and memory freed in one could not serve
    another: 0.7 MiB of the kiosk's peak (0.4 once ctypes itself is counted). The threads seldom allocate at once,
    so sharing costs no time. Without glibc (musl, macOS) there is nothing to set.
    """
    import ctypes

    m_arena_max = -8  # malloc.h
    try:
        ctypes.CDLL(None).mallopt(m_arena_max, 1)
    except (OSError, AttributeError):
        pass


def _serve_mock(settings, args: argparse.Namespace) -> int:
    import uvicorn

    from gemilang_tui.mockapi.app import create_app
    from gemilang_tui.mockapi.fixtures import FixtureError

    if settings.fixtures is not None and not settings.fixtures.is_dir():
        print(f"gemilang-tui: GEMILANG_FIXTURES={settings.fixtures}: not a folder", file=sys.stderr)
        return 2
    from gemilang_tui.mockapi.submissions import STORE_FILE
    from gemilang_tui.storage import private_file

    database = args.database or settings.data_dir / STORE_FILE
    try:
        private_file(database)  # the mock keeps what was submitted: personal data
    except OSError as problem:
        print(f"gemilang-tui: {database}: cannot be written ({problem.strerror})", file=sys.stderr)
        return 2
    try:
        app = create_app(fixtures=settings.fixtures, today=settings.today, database=database)
    except FixtureError as problem:
        print(f"gemilang-tui: fixture error: {problem}", file=sys.stderr)
        return 2
    if settings.mock_faults is not None:
        from gemilang_tui.mockapi.faults import faulty

        app = faulty(app, settings.mock_faults)
        print(f"Fault plan: {settings.mock_faults}")
    print(f"Mock API on http://{args.host}:{args.port} (contract: /openapi.json, submissions: {database})")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
