"""`nelm export xapi`: a piped session's answers become xAPI statements that the PyPI
`tincan` library (Rustici's xAPI client) parses, with the actor, verb and success the log
holds."""
import json
import re
import subprocess

import pytest
import yaml

from conftest import LESSONS, run_piped

tincan = pytest.importorskip(
    "tincan", reason="the PyPI package 'tincan' is not installed (Tests/e2e/requirements.txt)")

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


def lesson_one():
    """The lesson `study 1` opens (other YAML files in the folder, such as a glossary, have no
    order)."""
    found = [yaml.safe_load(path.read_text()) for path in sorted(LESSONS.glob("*.y*ml"))]
    return min((doc for doc in found if "order" in doc), key=lambda lesson: lesson["order"])


def study_lesson_one(nelm_bin, env, sessions):
    """Studies lesson 1 to the end through a pipe, answering every other question wrongly."""
    lesson = lesson_one()
    lines = ["study 1"] + [""] * (len(lesson["pages"]) - 1) + ["next"]
    for index, question in enumerate(lesson["questions"]):
        key = sorted(question["key"])
        wrong = [o["id"] for o in question["options"] if o["id"] not in key][:1]
        lines.append(" ".join(key if index % 2 == 0 else wrong))
        if index < len(lesson["questions"]) - 1:
            lines.append("")
    lines.append("quit")
    result = run_piped(nelm_bin, env, "\n".join(lines) + "\n", "--learner", "ana",
                       "--lessons", str(LESSONS), "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr.decode()
    return lesson


def duration_seconds(text):
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?", text)
    assert match and text != "PT", text
    hours, minutes, seconds = (float(group or 0) for group in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def test_every_answer_becomes_a_statement_tincan_reads(nelm_bin, home, sessions, tmp_path):
    lesson = study_lesson_one(nelm_bin, home, sessions)
    out = tmp_path / "ana.xapi.json"
    result = subprocess.run(
        [nelm_bin, "export", "xapi", str(out), "--learner", "ana", "--lessons", str(LESSONS),
         "--sessions", str(sessions)], capture_output=True, env=home, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    statements = json.loads(out.read_text())
    log = [json.loads(line) for line in (sessions / "ana.answers.jsonl").read_text().splitlines()]
    assert len(log) == len(lesson["questions"])
    assert result.stdout.decode() == f"Wrote {len(log) + 1} statements to {out}.\n"

    answered = [s for s in statements if s["verb"]["id"] == ANSWERED]
    completed = [s for s in statements if s["verb"]["id"] == COMPLETED]
    assert len(answered) == len(log) and len(completed) == 1
    assert len({s["id"] for s in statements}) == len(statements)
    for raw, answer in zip(answered, log):
        statement = tincan.Statement(raw)
        assert str(statement.id) == raw["id"]
        assert statement.actor.account.home_page == "https://nelm.invalid"
        assert statement.actor.account.name == "ana"
        assert statement.verb.id == ANSWERED
        assert statement.verb.display["en-US"] == "answered"
        assert statement.object.id == f"https://nelm.invalid/items/{answer['item']}"
        definition = statement.object.definition
        assert definition.type == "http://adlnet.gov/expapi/activities/cmi.interaction"
        assert definition.interaction_type == "choice"
        question = next(q for q in lesson["questions"]
                        if f"{lesson['id']}/{q['id']}" == answer["item"])
        assert list(definition.correct_responses_pattern) == ["[,]".join(sorted(question["key"]))]
        assert [c.id for c in definition.choices] == [o["id"] for o in question["options"]]
        assert statement.result.success == answer["correct"]
        assert statement.result.response == "[,]".join(answer["response"])
        assert duration_seconds(raw["result"]["duration"]) == answer["durationMs"] / 1000
        assert raw["timestamp"] == answer["at"]

    done = tincan.Statement(completed[0])
    assert done.object.id == f"https://nelm.invalid/lessons/{lesson['id']}"
    assert done.actor.account.name == "ana"

    # Exporting again gives the same statements, ids included.
    again = subprocess.run(
        [nelm_bin, "export", "xapi", "-", "--learner", "ana", "--lessons", str(LESSONS),
         "--sessions", str(sessions)], capture_output=True, env=home, timeout=60)
    assert json.loads(again.stdout) == json.loads(out.read_text())


def test_a_learner_without_progress_is_bad_input(nelm_bin, home, sessions):
    result = subprocess.run(
        [nelm_bin, "export", "xapi", "-", "--learner", "nobody", "--lessons", str(LESSONS),
         "--sessions", str(sessions)], capture_output=True, env=home, timeout=60)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == (
        f"nelm export: no progress for learner 'nobody' in {sessions}; "
        "check --learner and --sessions\n")
