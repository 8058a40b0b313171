"""Shared fixtures for the end-to-end tests: they drive the built nelm binary."""
import os
import pathlib
import subprocess
import unicodedata

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
        if path.stem in ("glossary", "references"):
            continue
        lessons.append(yaml.safe_load(path.read_text()))
    lessons.sort(key=lambda lesson: lesson["order"])
    return lessons[number - 1]


def option_order(learner, item, count):
    """The order in which `learner` sees the `count` options of `item` (an item id such as
    `grading-and-staging/q3`): nelm's shuffle (FNV-1a of learner NUL item, then SplitMix64
    draws for a Fisher-Yates shuffle), rebuilt here so that the shuffle is reproducible from the
    learner's name and the item alone."""
    mask = (1 << 64) - 1
    state = 0xCBF29CE484222325
    for byte in (learner + "\0" + item).encode():
        state = ((state ^ byte) * 0x100000001B3) & mask
    order = list(range(count))
    for index in range(count - 1, 0, -1):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        z ^= z >> 31
        other = z % (index + 1)
        order[index], order[other] = order[other], order[index]
    return order


def shown_letter(learner, lesson, question, option_id):
    """The letter under which `learner` sees option `option_id` of `question` of `lesson`
    (true/false questions are not shuffled)."""
    ids = [option["id"] for option in question["options"]]
    if question["kind"] == "truefalse":
        return option_id
    order = option_order(learner, f"{lesson['id']}/{question['id']}", len(ids))
    return "abcdefghijklmnopqrstuvwxyz"[[ids[i] for i in order].index(option_id)]


def key_answer(learner, lesson, question):
    """What `learner` types to answer `question` of `lesson` right: its key's shown letters."""
    key = question["key"] if isinstance(question["key"], list) else [question["key"]]
    return " ".join(sorted(shown_letter(learner, lesson, question, k) for k in key))


# ---------------------------------------------------------------------------------------------
# Every JSON nelm writes, checked against its schema in Docs/, after every command a test runs.
#
# `validate_json(schema, data)` checks one value against `Docs/<schema>.schema.json`, with the
# other schemas resolvable by their `$id` (the session schema refers to the answer schema) and
# a format checker that rejects impossible dates (30 February). `validate_learner_files(dir)`
# checks every session file, answer-log line and sync state in a sessions folder.
#
# The autouse fixture `every_nelm_run_is_checked` wraps `subprocess.run` and pexpect's
# `expect`: after each run of the nelm binary (and each prompt a pty test waits for), it checks
# the learner files of the sessions folder that run used, and the `--json` output it printed.
# ---------------------------------------------------------------------------------------------
import functools  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402

import jsonschema  # noqa: E402
import referencing  # noqa: E402

DOCS = REPO / "Docs"
SCHEMA_BASE = "https://nelm.invalid/schema/"


@functools.cache
def _schemas():
    """Every schema of Docs/, by file name, each checked as Draft 2020-12 with one $id base."""
    found = {}
    for path in sorted(DOCS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"] == SCHEMA_BASE + path.name, f"{path.name}: $id {schema['$id']}"
        found[path.name] = schema
    return found


@functools.cache
def _format_checker():
    checker = jsonschema.FormatChecker()
    # Without rfc3339-validator, jsonschema silently skips date-time: refuse to run without it.
    assert "date-time" in checker.checkers, "pip install rfc3339-validator (requirements.txt)"
    assert not checker.conforms("2024-02-30T10:00:00.000Z", "date-time")
    return checker


@functools.cache
def validator(name):
    """The validator of Docs/<name>.schema.json, the other schemas resolvable by $id."""
    registry = referencing.Registry().with_resources(
        (schema["$id"], referencing.Resource.from_contents(schema))
        for schema in _schemas().values())
    return jsonschema.Draft202012Validator(
        _schemas()[f"{name}.schema.json"], registry=registry, format_checker=_format_checker())


def json_problems(name, data):
    """Every way `data` breaks Docs/<name>.schema.json, as `where: what`; empty when valid."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top level)'}: {e.message}"
            for e in sorted(validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))]


def validate_json(name, data, what="output"):
    """Asserts that `data` is valid against Docs/<name>.schema.json; returns it."""
    problems = json_problems(name, data)
    assert not problems, f"{what} is not valid against {name}.schema.json:\n  " + "\n  ".join(problems)
    return data


def file_stem(learner):
    """The name of a learner's files (Progress LearnerName.fileStem): the name itself when it
    is 1-64 ASCII letters, digits, '-', '_', '.' not starting with '.'; else the name in ASCII
    (accents dropped, spaces as '-'), then '-' and 8 hex digits of its FNV-1a checksum."""
    if re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}", learner):
        return learner
    folded = "".join(c for c in unicodedata.normalize("NFKD", learner)
                     if not unicodedata.combining(c))
    ascii_name = ""
    for char in folded:
        if re.fullmatch(r"[A-Za-z0-9_.-]", char):
            ascii_name += char
        elif char == " " and not ascii_name.endswith("-"):
            ascii_name += "-"
    base = ascii_name.lstrip(".-")[:40] or "learner"
    checksum = 0x811C9DC5
    for byte in learner.encode():
        checksum = ((checksum ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{base}-{checksum:08x}"


LEARNER_FILE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\.json$")


def learner_files(directory):
    """The files of a sessions folder nelm writes, by path: (mtime, size) of each."""
    directory = pathlib.Path(directory)
    if not directory.is_dir():
        return {}
    found = {}
    for path in directory.iterdir():
        name = path.name
        if path.is_file() and (name.endswith(".answers.jsonl") or name.endswith(".sync")
                               or LEARNER_FILE.match(name)):
            info = path.stat()
            found[path] = (info.st_mtime_ns, info.st_size)
    return found


def validate_learner_file(path, torn_tail_allowed=False):
    """Checks a session file, an answer log or a sync state.

    A log's last line may lack its newline only when `torn_tail_allowed` (after a kill: the
    next open cuts it off); every complete line must be a valid answer."""
    path = pathlib.Path(path)
    name = path.name
    if name.endswith(".answers.jsonl"):
        text = path.read_text(encoding="utf-8")
        if not torn_tail_allowed:
            assert text == "" or text.endswith("\n"), f"{path}: the last line is incomplete"
        for number, line in enumerate(text.split("\n")[:-1], start=1):
            validate_json("answer", json.loads(line), f"{path}:{number}")
    elif name.endswith(".sync"):
        validate_json("sync-state", json.loads(path.read_text(encoding="utf-8")), str(path))
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        validate_json("session", data, str(path))
        assert file_stem(data["learner"]) == name[: -len(".json")], \
            f"{path}: learner {data['learner']!r}"


def validate_learner_files(directory, torn_tail_allowed=False, only_changed_since=None):
    """Checks every session file, answer log and sync state in a sessions folder, or only
    those new or changed since the snapshot `only_changed_since` (of `learner_files`)."""
    for path, stamp in sorted(learner_files(directory).items()):
        if only_changed_since is not None and only_changed_since.get(path) == stamp:
            continue
        validate_learner_file(path, torn_tail_allowed)


# The schema of each command's --json output, by the words that name the command.
JSON_OUTPUTS = {
    ("progress",): "progress", ("case", "list"): "case-list", ("case", "show"): "case-show",
    ("lint",): "lint", ("sources",): "sources", ("search",): "search",
    ("schedule", "replay"): "schedule-replay", ("define",): "glossary", ("solve",): "solve-output",
}


def _sessions_of(args, env):
    """The sessions folder a nelm run used, as nelm finds it."""
    for index, arg in enumerate(args):
        if arg == "--sessions" and index + 1 < len(args):
            return pathlib.Path(args[index + 1])
        if arg.startswith("--sessions="):
            return pathlib.Path(arg.split("=", 1)[1])
    env = env if env is not None else os.environ
    if env.get("NELM_SESSIONS"):
        return pathlib.Path(env["NELM_SESSIONS"])
    data = env.get("XDG_DATA_HOME") or (env.get("HOME", "") + "/.local/share")
    return pathlib.Path(data) / "nelm" / "sessions"


def check_nelm_run(args, env, stdout=None, returncode=0, torn_tail_allowed=False, before=None,
                   foreign=False):
    """What every nelm run is checked for: the learner files it wrote (all of them, or those
    new or changed since the snapshot `before`: files a test planted are not nelm's), and its
    --json output. With `foreign`, the test planted learner files a newer nelm would write,
    which nelm keeps as they are: they are not held to this nelm's schemas."""
    args = [str(a) for a in args]
    if not foreign:
        validate_learner_files(_sessions_of(args, env), torn_tail_allowed or returncode < 0, before)
    words = [a for a in args[1:] if not a.startswith("-")]
    if "--json" not in args or stdout is None or returncode != 0:
        return
    text = stdout.decode() if isinstance(stdout, bytes) else stdout
    for command, schema in JSON_OUTPUTS.items():
        if tuple(words[: len(command)]) == command:
            if schema == "schedule-replay":
                for line in text.splitlines():
                    validate_json(schema, json.loads(line), f"nelm {' '.join(command)} line")
            else:
                validate_json(schema, json.loads(text), f"nelm {' '.join(command)} --json")


# ---------------------------------------------------------------------------------------------
# No identifier a learner did not type (issue 12), on every screen a test captures.
#
# Checked: what the shell prints (nelm with no subcommand, or `shell`), on a pipe (stdout and
# stderr) and on a pty (everything up to each prompt a test waits for), and the human output of
# the learner's own subcommands (`progress`, `define`, `search`, `sources`). What the learner
# typed (the piped script, the keys sent to the pty, the command line) may come back: an error
# quoting an unknown command, or an answer written back, is theirs.
# Not checked, because they are for other programs or for case authors, who write the ids:
# `--json` outputs (ids are their contract, pinned by the schemas), `solve` (shows the rule
# that decided, for authors), `case list`/`case show` (the ids an author types and cites),
# `lint` (quotes the file), `export` (files for Anki, an LRS or the learner's own notes: the
# Markdown one is checked by its own tests), `schedule` and `sync`, and `--help`/`--version`.
# ---------------------------------------------------------------------------------------------
from identifiers import leaks as _leaks  # noqa: E402

LEARNER_SUBCOMMANDS = {(), ("shell",), ("progress",), ("define",), ("search",), ("sources",)}
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>()][0-9A-Za-z]?|\x1b\][^\x07]*\x07|\r")


def _shows_learner_screens(args):
    args = [str(a) for a in args]
    if any(flag in args for flag in ("--json", "--help", "-h", "--version")):
        return False
    words = []
    for index, arg in enumerate(args[1:], start=1):
        if arg.startswith("-"):
            continue
        if args[index - 1] in ("--learner", "--lessons", "--sessions"):
            continue
        words.append(arg)
    return tuple(words[:1]) in LEARNER_SUBCOMMANDS


def _text(value):
    if value is None or not isinstance(value, (str, bytes)):
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def check_screen(args, text, typed=""):
    """Asserts that `text`, a screen nelm showed for the command line `args`, holds no id the
    learner did not type (`typed`, and the command line itself, are theirs)."""
    if not _shows_learner_screens(args) or "--json" in _text(typed):
        return  # a shell's `progress --json` prints the JSON: its ids are the contract
    found = _leaks(ANSI.sub("", _text(text)), nelm_binary(),
                   _text(typed) + " " + " ".join(str(a) for a in args))
    assert not found, f"nelm {' '.join(map(str, args[1:]))} showed ids a learner never typed: " \
        f"{sorted(set(found))}"


def _is_nelm(argv0):
    return os.path.basename(str(argv0)) == "nelm"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "torn_log: the test itself leaves half a line at the end of an answer log")
    config.addinivalue_line(
        "markers", "foreign_files: the test plants a newer nelm's learner files (a newer "
        "schemaVersion, keys this nelm does not know), which nelm keeps or refuses untouched")


@pytest.fixture(autouse=True)
def every_nelm_run_is_checked(monkeypatch, tmp_path, request):
    """Checks learner files and --json output after every nelm run of the test (see above),
    and once more at the end for processes the test started itself (Popen)."""
    real_run = subprocess.run
    torn = request.node.get_closest_marker("torn_log") is not None
    foreign = request.node.get_closest_marker("foreign_files") is not None

    planted = set()

    def run(args, *rest, **kwargs):
        if not (isinstance(args, (list, tuple)) and args and _is_nelm(args[0])):
            return real_run(args, *rest, **kwargs)
        folder = _sessions_of([str(a) for a in args], kwargs.get("env"))
        before = learner_files(folder)
        result = real_run(args, *rest, **kwargs)
        after = learner_files(folder)
        planted.update(path for path, stamp in before.items() if after.get(path) == stamp)
        planted.difference_update(path for path, stamp in after.items() if before.get(path) != stamp)
        stdout = result.stdout if kwargs.get("capture_output") or kwargs.get("stdout") else None
        check_nelm_run(args, kwargs.get("env"), stdout, result.returncode, torn, before, foreign)
        check_screen(args, _text(result.stdout) + "\n" + _text(result.stderr),
                     kwargs.get("input"))
        return result

    monkeypatch.setattr(subprocess, "run", run)
    try:
        import pexpect
    except ImportError:
        pexpect = None
    if pexpect is not None:
        real_expect = pexpect.spawn.expect
        real_send = pexpect.spawn.send

        def send(self, text):
            # What the learner typed, to tell an id they typed from one nelm showed.
            self._nelm_typed = getattr(self, "_nelm_typed", "") + _text(text)
            return real_send(self, text)

        def expect(self, *args, **kwargs):
            index = real_expect(self, *args, **kwargs)
            if _is_nelm(self.command):
                check_nelm_run(self.args, getattr(self, "env", None),
                               returncode=0 if self.isalive() else -1, foreign=foreign)
                after = self.after if isinstance(self.after, (str, bytes)) else ""
                check_screen(self.args, _text(self.before) + _text(after),
                             getattr(self, "_nelm_typed", ""))
            return index

        monkeypatch.setattr(pexpect.spawn, "send", send)
        monkeypatch.setattr(pexpect.spawn, "expect", expect)
    yield
    # What processes the test started itself (Popen) left: every learner file under the
    # test's folder that nelm may have written (not one a test planted and nelm left alone).
    if foreign:
        return
    for folder in {path.parent for path in tmp_path.rglob("*.answers.jsonl")}:
        for path in learner_files(folder):
            if path not in planted:
                validate_learner_file(path, torn_tail_allowed=True)
