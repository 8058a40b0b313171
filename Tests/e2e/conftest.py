"""Shared fixtures for the end-to-end tests: they drive the built nelm binary."""
import os
import pathlib
import subprocess

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
LESSONS = REPO / "Lessons"


def nelm_binary() -> str:
    return os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm"))


@pytest.fixture
def nelm_bin():
    path = nelm_binary()
    if not os.access(path, os.X_OK):
        pytest.fail(f"{path} is not built; run `swift build` first")
    return path


@pytest.fixture
def home(tmp_path):
    """A clean HOME and XDG folders, so no test sees the developer's files."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
        "TERM": "xterm",
    }
    (tmp_path / "home").mkdir()
    return env


@pytest.fixture
def sessions(tmp_path):
    path = tmp_path / "sessions"
    return path


def run_piped(nelm_bin, env, script, *args, timeout=30):
    """Runs nelm with `script` on a pipe as standard input."""
    return subprocess.run(
        [nelm_bin, *args],
        input=script.encode(),
        capture_output=True,
        env=env,
        timeout=timeout,
    )


def load_lesson(number):
    """The lesson that `study NUMBER` opens, read straight from the YAML files."""
    lessons = []
    for path in sorted(LESSONS.glob("*.y*ml")):
        if path.stem == "glossary":
            continue
        lessons.append(yaml.safe_load(path.read_text()))
    lessons.sort(key=lambda lesson: lesson["order"])
    return lessons[number - 1]
