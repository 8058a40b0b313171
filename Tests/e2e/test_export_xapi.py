"""`nelm export xapi`: a piped session's answers become xAPI statements that the PyPI
`tincan` library (Rustici's xAPI client) parses, with the actor, verb and success the log
holds."""
import json
import re
import subprocess
import tempfile
import time

import pytest
import yaml

from conftest import LESSONS, run_piped, shown_letter

tincan = pytest.importorskip(
    "tincan", reason="the PyPI package 'tincan' is not installed (Tests/e2e/requirements.txt)")

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


def lesson_one():
    """The lesson `study 1` opens (other YAML files in the folder, such as a glossary, have no
    order)."""
    found = [yaml.safe_load(path.read_text()) for path in sorted(LESSONS.glob("*.y*ml"))]
    return min((doc for doc in found if "order" in doc), key=lambda lesson: lesson["order"])


def study_lesson_one(nelm_bin, env, sessions, pause_after=None):
    """Studies lesson 1 to the end through a pipe, answering every other question wrongly.
    With `pause_after` N, the rest of the script is sent only once N answers are in the log,
    so the answers after it are logged at a later millisecond than those before."""
    lesson = lesson_one()
    lines = ["study 1"] + [""] * (len(lesson["pages"]) - 1) + ["next"]
    answers_sent = []
    for index, question in enumerate(lesson["questions"]):
        key = sorted(question["key"])
        wrong = [o["id"] for o in question["options"] if o["id"] not in key][:1]
        chosen = key if index % 2 == 0 else wrong
        lines.append(" ".join(sorted(shown_letter("ana", lesson, question, i) for i in chosen)))
        answers_sent.append(len(lines))
        if index < len(lesson["questions"]) - 1:
            lines.append("")
    lines.append("quit")
    args = [nelm_bin, "--learner", "ana", "--lessons", str(LESSONS), "--sessions", str(sessions)]
    if pause_after is None:
        result = run_piped(nelm_bin, env, "\n".join(lines) + "\n", *args[1:])
        assert result.returncode == 0, result.stderr.decode()
        return lesson
    split = answers_sent[pause_after - 1]
    log = sessions / "ana.answers.jsonl"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        shell = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=out, stderr=err, env=env)
        shell.stdin.write(("\n".join(lines[:split]) + "\n").encode())
        shell.stdin.flush()
        deadline = time.monotonic() + 30
        while not log.exists() or len(log.read_bytes().splitlines()) < pause_after:
            assert shell.poll() is None and time.monotonic() < deadline, "the answers never came"
            time.sleep(0.01)
        time.sleep(0.01)
        shell.stdin.write(("\n".join(lines[split:]) + "\n").encode())
        shell.stdin.close()
        assert shell.wait(timeout=30) == 0, (err.seek(0), err.read().decode())[1]
    return lesson


def duration_seconds(text):
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?", text)
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
        # xAPI keeps hundredths of a second.
        assert duration_seconds(raw["result"]["duration"]) == (answer["durationMs"] + 5) // 10 / 100
        assert raw["context"]["platform"] == "nelm 0.1"
        assert re.fullmatch(r"[0-9a-f]{40}",
                            raw["context"]["extensions"]["https://nelm.invalid/xapi/course-version"])
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


def test_statements_pass_ralphs_statement_model(nelm_bin, home, sessions):
    """Choice ids with blanks (`NET G1`) are encoded, a skipped step has no response, and every
    statement passes the xAPI model of ralph (PyPI `ralph-malph`), a real LRS."""
    models = pytest.importorskip("ralph.models.xapi.base.statements")
    shown = subprocess.run([nelm_bin, "case", "show", "random:5", "--json"],
                           capture_output=True, timeout=60)
    steps = json.loads(shown.stdout)["steps"]
    assert "NET G1" in [o["id"] for o in steps[0]["options"]]
    # Options are shuffled per learner: the first step is answered by its choice's own id.
    script = "case random:5\nNET G1\n\nskip\n" + "\nb\n" * (len(steps) - 2) + "\nquit\n"
    result = run_piped(nelm_bin, home, script, "--learner", "ana", "--lessons", str(LESSONS),
                       "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr.decode()
    out = subprocess.run(
        [nelm_bin, "export", "xapi", "-", "--learner", "ana", "--lessons", str(LESSONS),
         "--sessions", str(sessions)], capture_output=True, env=home, timeout=60)
    statements = json.loads(out.stdout)
    assert len(statements) == len(steps) + 1
    for statement in statements:
        models.BaseXapiStatement(**statement)
    first = statements[0]
    assert first["result"]["response"] == "NET%20G1"
    assert "NET%20G1" in [c["id"] for c in first["object"]["definition"]["choices"]]
    skipped = statements[1]
    assert skipped["result"]["extensions"]["https://nelm.invalid/xapi/skipped"] is True
    assert "response" not in skipped["result"]


def test_since_an_offset_or_a_date_exports_only_what_came_after(nelm_bin, home, sessions):
    # A piped shell can log several answers in one millisecond; --since DATE takes every
    # answer at or after the date, so the fourth answer is sent only once three are logged.
    study_lesson_one(nelm_bin, home, sessions, pause_after=3)
    args = ["--learner", "ana", "--lessons", str(LESSONS), "--sessions", str(sessions)]
    full = subprocess.run([nelm_bin, "export", "xapi", "-", *args], capture_output=True,
                          env=home, timeout=60)
    log = (sessions / "ana.answers.jsonl").read_bytes()
    assert full.stderr.decode().endswith(
        f"nelm export: the answer log ends at byte {len(log)}; next time pass --since {len(log)}\n")
    everything = json.loads(full.stdout)
    lines = log.splitlines(keepends=True)
    offset = sum(len(line) for line in lines[:3])
    later = json.loads(subprocess.run([nelm_bin, "export", "xapi", "-", "--since", str(offset),
                                       *args], capture_output=True, env=home, timeout=60).stdout)
    answered = [s for s in everything if s["verb"]["id"] == ANSWERED]
    assert [s["id"] for s in later if s["verb"]["id"] == ANSWERED] == \
        [s["id"] for s in answered[3:]]
    # The completion came after the third answer, so it is in the later part too.
    assert [s["verb"]["id"] for s in later].count(COMPLETED) == 1
    at = json.loads(lines[3])["at"]
    by_date = json.loads(subprocess.run([nelm_bin, "export", "xapi", "-", "--since", at, *args],
                                        capture_output=True, env=home, timeout=60).stdout)
    assert [s["id"] for s in by_date] == [s["id"] for s in later]
    nothing = subprocess.run([nelm_bin, "export", "xapi", "-", "--since", str(len(log)), *args],
                             capture_output=True, env=home, timeout=60)
    # No answer after the end; the completion at the last answer may come again (at least
    # once, with the same id and content, so a store keeps one).
    assert [s["verb"]["id"] for s in json.loads(nothing.stdout)] == [COMPLETED]
    bad = subprocess.run([nelm_bin, "export", "xapi", "-", "--since", "2026-02-30", *args],
                         capture_output=True, env=home, timeout=60)
    assert bad.returncode == 64 and b"--since takes a byte offset" in bad.stderr
