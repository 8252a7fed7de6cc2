"""An operator's update, end to end: a release tagged in git builds a wheelhouse (deploy/wheelhouse.sh build), a
kiosk installs it with no package index into a fresh venv, runs `--version` and `status --json`, takes the next
release, and rolls back. Slow (it builds every dependency's wheel once; pip's cache makes later runs quicker):
marked `slow`, kept in the suite."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "wheelhouse.sh"
GIT = shutil.which("git")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(GIT is None, reason="git is not installed")]


def _run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _git(source: Path, *args: str) -> None:
    _run("git", "-c", "user.name=Operator", "-c", "user.email=operator@example.invalid", "-c", "commit.gpgsign=false",
         "-c", "tag.gpgsign=false", *args, cwd=source)


def _source_tree(into: Path) -> Path:
    """This checkout's files (as git sees them, uncommitted ones too) in a repository of its own: tags made for
    the test never touch the project's."""
    listed = _run("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT).split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file() and not name.startswith("tests/snapshots/"):
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, into / name)
    _git(into, "init", "--quiet")
    _git(into, "add", "-A")
    _git(into, "commit", "--quiet", "-m", "release")
    return into


def _offline_env(**extra: str) -> dict[str, str]:
    """No index and no find-links from this machine's pip settings: only what the wheelhouse holds."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("PIP_", "GEMILANG_"))}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PYTHON": sys.executable, **extra}


def test_a_tagged_release_installs_from_a_wheelhouse_with_no_index_and_rolls_back(tmp_path):
    source = _source_tree(tmp_path / "src")
    _git(source, "tag", "v9.1.0")
    wheelhouse = tmp_path / "wheelhouse"
    _run("sh", SCRIPT, "build", source, wheelhouse, env={**os.environ, "PYTHON": sys.executable})
    assert (wheelhouse / "VERSION.txt").read_text().strip() == "gemilang-tui==9.1.0"

    prefix = tmp_path / "opt"
    offline = _offline_env(PREFIX=str(prefix))
    _run("sh", SCRIPT, "install", wheelhouse, env=offline)
    kiosk = prefix / "venv" / "bin" / "gemilang-tui"
    assert _run(kiosk, "--version", env=offline).strip() == "gemilang-tui 9.1.0"
    data = tmp_path / "data"
    health = json.loads(_run(kiosk, "status", "--json", "--data-dir", data, env=offline))
    assert health["version"] == "9.1.0" and health["kiosk"]["running"] is False
    assert health["outbox"] == {"waiting": 0, "failed": 0, "sent": 0, "oldest_waiting_seconds": 0}

    # The next release, between tags: a commit after v9.1.0 carries its commit in the version; then v9.2.0.
    (source / "CHANGES.txt").write_text("9.2.0\n")
    _git(source, "add", "-A")
    _git(source, "commit", "--quiet", "-m", "next")
    between = tmp_path / "between"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", between, source)
    [dev_wheel] = between.glob("gemilang_tui-*.whl")
    commit = _run("git", "rev-parse", "--short", "HEAD", cwd=source).strip()
    assert dev_wheel.name.startswith("gemilang_tui-9.1.1.dev1+g") and commit[:7] in dev_wheel.name
    _git(source, "tag", "v9.2.0")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", wheelhouse, source)
    _run("sh", SCRIPT, "install", wheelhouse, env=offline)
    assert _run(kiosk, "--version", env=offline).strip() == "gemilang-tui 9.2.0"
    assert _run("sh", SCRIPT, "current", env=offline).strip() == "9.2.0"

    assert "rolled back to gemilang-tui 9.1.0" in _run("sh", SCRIPT, "rollback", env=offline)
    assert _run(kiosk, "--version", env=offline).strip() == "gemilang-tui 9.1.0"
    assert sorted(path.name for path in (prefix / "releases").iterdir()) == ["9.1.0", "9.2.0"]

    # A tree without .git (an export, a tarball): it still builds, with a version that is plainly no release.
    shutil.rmtree(source / ".git")
    exported = tmp_path / "exported"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", exported, source)
    assert [path.name.split("-")[1] for path in exported.glob("gemilang_tui-*.whl")] == ["0.0.0"]
