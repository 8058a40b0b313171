"""Session files against Docs/session.schema.json, answer logs against answer.schema.json.

Other e2e tests import `validate_session_file(path)` and `validate_answer_log(path)` to check
the files the real binary writes. The tests here check the schema itself: it accepts the example in
Docs/session-format.md (which a Swift test pins byte for byte to the encoder), a fresh
session, and a file written by the built nelm, and it refuses broken files.
"""
import copy
import json
import os
import pathlib
import re
import subprocess

import pytest

from conftest import json_problems, validator

REPO = pathlib.Path(__file__).resolve().parents[2]
FORMAT_NOTE = REPO / "Docs" / "session-format.md"


def session_validator():
    """The Draft 2020-12 validator for session files, the answer schema resolvable by $id."""
    return validator("session")


def answer_validator():
    """The Draft 2020-12 validator for answer log lines."""
    return validator("answer")


def validate_answer_log(path):
    """Checks every line of an answer log; returns the answers, oldest first."""
    path = pathlib.Path(path)
    assert path.is_file(), f"{path}: no answer log"
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), f"{path}: the last line is incomplete"
    answers = []
    for number, line in enumerate(text.splitlines(), start=1):
        answer = json.loads(line)
        problems = [f"{'/'.join(map(str, e.path)) or '(line)'}: {e.message}"
                    for e in answer_validator().iter_errors(answer)]
        assert not problems, f"{path}:{number}: " + "; ".join(problems)
        answers.append(answer)
    return answers


def session_problems(data, file_name=None):
    """Every way `data` breaks the schema, as `where: what` lines; empty when valid."""
    problems = json_problems("session", data)
    if file_name is not None and isinstance(data, dict) and "learner" in data:
        stem = file_name[: -len(".json")] if file_name.endswith(".json") else file_name
        if data["learner"] != stem:
            problems.append(
                f"learner: {data['learner']!r} does not match the file name {file_name!r}")
    return problems


def validate_session_file(path):
    """Checks a session file against the schema and its name; returns the parsed JSON.

    Raises AssertionError listing every problem, so a failing e2e test says what is wrong.
    """
    path = pathlib.Path(path)
    assert path.is_file(), f"{path}: no session file"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise AssertionError(f"{path}: not valid JSON: {error}") from None
    problems = session_problems(data, path.name)
    assert not problems, f"{path} is not a valid session file:\n  " + "\n  ".join(problems)
    return data


def documented_example():
    """The first ```json block of Docs/session-format.md, as the encoder writes it."""
    match = re.search(r"```json\n(.*?\n)```", FORMAT_NOTE.read_text(encoding="utf-8"), re.S)
    assert match, f"{FORMAT_NOTE} has no ```json example"
    return match.group(1)


# A session as `SessionStore.open` starts it and the encoder writes it, by hand.
NEW_SESSION = """\
{
  "answerCount" : 0,
  "cases" : {

  },
  "created" : "2024-03-01T09:30:00.000Z",
  "days" : {

  },
  "items" : {

  },
  "learner" : "A.b_c-1",
  "lessons" : {

  },
  "logBytes" : 0,
  "schemaVersion" : 3,
  "settings" : {
    "color" : "auto"
  },
  "updated" : "2024-03-01T09:30:00.000Z"
}
"""


def documented_log():
    """The answer log shown after the session example in Docs/session-format.md."""
    match = re.search(r"Its answer log \(`ana\.answers\.jsonl`.*?\n```\n(.*?\n)```", FORMAT_NOTE.read_text(encoding="utf-8"), re.S)
    assert match, f"{FORMAT_NOTE} has no answer log example"
    return match.group(1)


def test_the_schema_is_a_valid_2020_12_schema():
    session_validator()


def test_the_documented_example_is_valid(tmp_path):
    path = tmp_path / "ana.json"
    path.write_text(documented_example(), encoding="utf-8")
    data = validate_session_file(path)
    assert sorted(data["items"]) == [
        "case/ileal-syndrome-debulking/best", "grading/ki67-g2", "intro/carcinoid-syndrome"]
    assert data["cases"]["ileal-syndrome-debulking"]["position"] == 4
    log = tmp_path / "ana.answers.jsonl"
    log.write_text(documented_log(), encoding="utf-8")
    answers = validate_answer_log(log)
    assert [a["item"] for a in answers] == [
        "intro/carcinoid-syndrome", "grading/ki67-g2", "case/ileal-syndrome-debulking/best"]
    assert answers[2]["outcome"] == "acceptable"
    assert data["answerCount"] == 3 and data["logBytes"] == len(documented_log().encode())


def test_a_new_session_is_valid(tmp_path):
    path = tmp_path / "A.b_c-1.json"
    path.write_text(NEW_SESSION, encoding="utf-8")
    validate_session_file(path)


def _set(path, value):
    def edit(data):
        *parents, last = path
        for key in parents:
            data = data[key]
        if value is _DELETE:
            del data[last]
        else:
            data[last] = value
    return edit


_DELETE = object()

BROKEN = [
    ("unknown key", _set(["nickname"], "Ana"), "(top level): Additional properties"),
    ("missing items", _set(["items"], _DELETE), "'items' is a required property"),
    ("newer version", _set(["schemaVersion"], 4), "schemaVersion: 3 was expected"),
    ("date without milliseconds", _set(["created"], "2024-02-28T18:02:10Z"), "created: '2024-"),
    ("before 1900", _set(["created"], "1899-12-31T23:59:59.999Z"), "created: '1899-"),
    ("local time", _set(["updated"], "2024-03-01T10:41:07.250+01:00"), "updated: '2024-"),
    ("bad name", _set(["learner"], "ana/../x"), "learner: 'ana/../x' does not match"),
    ("hidden name", _set(["learner"], ".ana"), "learner: '.ana' does not match"),
    ("unknown colour", _set(["settings", "color"], "blue"), "settings/color: 'blue' is not one of"),
    ("negative position", _set(["lessons", "grading", "position"], -1),
     "lessons/grading/position: -1"),
    ("string duration", _set(["items", "grading/ki67-g2", "last", "durationMs"], "14s"),
     "items/grading/ki67-g2/last/durationMs: '14s'"),
    ("negative hints", _set(["items", "grading/ki67-g2", "last", "hintsUsed"], -1),
     "items/grading/ki67-g2/last/hintsUsed: -1"),
    ("duplicate response", _set(["items", "intro/carcinoid-syndrome", "last", "response"],
                                ["a", "a"]), "items/intro/carcinoid-syndrome/last/response"),
    ("extra answer key", _set(["items", "grading/ki67-g2", "last", "score"], 1),
     "items/grading/ki67-g2/last: Additional properties"),
    ("unknown outcome", _set(["cases", "ileal-syndrome-debulking", "outcomes", "best"], "meh"),
     "cases/ileal-syndrome-debulking/outcomes/best: 'meh' is not one of"),
    ("another learner", _set(["learner"], "bob"), "does not match the file name 'ana.json'"),
    ("30 February", _set(["created"], "2024-02-30T10:00:00.000Z"),
     "created: '2024-02-30T10:00:00.000Z' is not a 'date-time'"),
    ("31 April in an answer", _set(["items", "grading/ki67-g2", "last", "at"],
                                   "2024-04-31T10:00:00.000Z"), "last/at: '2024-04-31"),
    ("correct and skipped", _set(["items", "intro/carcinoid-syndrome", "last", "skipped"], True),
     "items/intro/carcinoid-syndrome/last/correct: False was expected"),
    ("flag not true", _set(["items", "grading/ki67-g2", "flagged"], "yes"),
     "items/grading/ki67-g2/flagged: True was expected"),
]


@pytest.mark.parametrize(
    "edit,expected", [(e, x) for _, e, x in BROKEN], ids=[n for n, _, _ in BROKEN])
def test_broken_files_are_refused_with_where_and_what(tmp_path, edit, expected):
    data = copy.deepcopy(json.loads(documented_example()))
    edit(data)
    path = tmp_path / "ana.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(AssertionError) as failure:
        validate_session_file(path)
    assert expected in str(failure.value)


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "ana.json"
    path.write_text('{"schemaVersion": 1,', encoding="utf-8")
    with pytest.raises(AssertionError, match="not valid JSON"):
        validate_session_file(path)


def test_a_session_written_by_the_built_nelm_is_valid(tmp_path):
    """Runs the real encoder through the binary when it is built (skipped otherwise)."""
    binary = os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm"))
    if not os.access(binary, os.X_OK):
        pytest.skip(f"{binary} is not built")
    sessions = tmp_path / "sessions"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
           "XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8"}
    subprocess.run([binary, "--learner", "ana", "--lessons", str(REPO / "Lessons"),
                    "--sessions", str(sessions)],
                   input=b"study 1\n\nquit\n", capture_output=True, env=env, timeout=30)
    path = sessions / "ana.json"
    if not path.exists():
        pytest.skip("this nelm wrote no session file for a short study")
    validate_session_file(path)


def test_a_flagged_item_is_valid(tmp_path):
    data = json.loads(documented_example())
    data["items"]["grading/ki67-g2"]["flagged"] = True
    path = tmp_path / "ana.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    validate_session_file(path)
