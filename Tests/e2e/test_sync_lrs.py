"""`nelm sync` against a real Learning Record Store started here: ralph (PyPI `ralph-malph`) on
its file backend (see ralph_server.py for the one switch made to it and why).

The store must end with every statement exactly once and refuse none, across answers given
between syncs, a course edit between syncs, and syncs cut short by a store that fails (500),
dies mid-way (after storing a batch, before answering) or asks to slow down (429)."""
import hashlib
import json
import os
import shutil
import subprocess

import pytest

from conftest import LESSONS, run_piped

ralph_models = pytest.importorskip(
    "ralph.models.xapi.base.statements",
    reason="the PyPI package 'ralph-malph[lrs]' is not installed (Tests/e2e/requirements.txt)")
from lrs import RalphLRS  # noqa: E402  (needs ralph)

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
VERSION_KEY = "https://nelm.invalid/xapi/course-version"


@pytest.fixture
def course(tmp_path):
    """A copy of the course that a test may edit."""
    folder = tmp_path / "Lessons"
    shutil.copytree(LESSONS, folder)
    return folder


@pytest.fixture
def lrs(tmp_path):
    store = RalphLRS(tmp_path / "lrs")
    yield store
    store.stop()


def lesson_one_script(course, wrong_every=2):
    """Studies lesson 1 to its end, answering some questions wrongly and flagging one."""
    import yaml
    found = [yaml.safe_load(p.read_text()) for p in sorted(course.glob("*.yaml"))]
    lesson = min((d for d in found if "order" in d), key=lambda d: d["order"])
    lines = ["study 1"] + [""] * (len(lesson["pages"]) - 1) + ["next"]
    for index, question in enumerate(lesson["questions"]):
        key = sorted(question["key"])
        wrong = [o["id"] for o in question["options"] if o["id"] not in key][:1]
        lines.append(" ".join(wrong if index % wrong_every == 1 else key))
        if index == 0:
            lines.append("flag")
        lines.append("")
    return lines + ["quit"], lesson


def case_script(nelm_bin, seed, letter):
    """Answers every step of generated case `seed` with `letter`."""
    shown = subprocess.run([nelm_bin, "case", "show", f"random:{seed}", "--json"],
                           capture_output=True, timeout=60)
    steps = len(json.loads(shown.stdout)["steps"])
    return [f"case random:{seed}"] + [letter, ""] * steps + ["quit"]


def nelm(nelm_bin, env, *args, extra_env=None, timeout=120):
    return subprocess.run([nelm_bin, *args], capture_output=True,
                          env={**env, **(extra_env or {})}, timeout=timeout)


def sync(nelm_bin, env, lrs, course, sessions, *more, learner="ana"):
    return nelm(nelm_bin, env, "sync", "--lrs", lrs.url, "--learner", learner,
                "--lessons", str(course), "--sessions", str(sessions), *more, extra_env=lrs.env())


def export_all(nelm_bin, env, course, sessions, learner="ana"):
    result = nelm(nelm_bin, env, "export", "xapi", "-", "--learner", learner,
                  "--lessons", str(course), "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def study(nelm_bin, env, course, sessions, lines, learner="ana"):
    result = run_piped(nelm_bin, env, "\n".join(lines) + "\n", "--learner", learner,
                       "--lessons", str(course), "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    return result


def log_lines(sessions, learner="ana"):
    return (sessions / f"{learner}.answers.jsonl").read_text().splitlines()


def assert_each_exactly_once(lrs, expected_ids):
    """The store's file holds each expected statement once and nothing else; the API agrees;
    every statement passes ralph's own statement model."""
    stored = lrs.stored_lines()
    ids = [s["id"] for s in stored]
    assert len(ids) == len(set(ids)), "a statement was stored twice"
    assert set(ids) == set(expected_ids)
    served = lrs.statements()
    assert sorted(s["id"] for s in served) == sorted(expected_ids)
    for statement in served:
        clean = {k: v for k, v in statement.items() if k not in ("stored", "authority")}
        ralph_models.BaseXapiStatement(**clean)
    return served


def test_two_syncs_with_answers_and_a_course_edit_between(nelm_bin, home, sessions, course, lrs):
    lrs.start()
    lines, lesson = lesson_one_script(course)
    study(nelm_bin, home, course, sessions, lines + [])
    study(nelm_bin, home, course, sessions,
          case_script(nelm_bin, 7, "a"))
    first_log = log_lines(sessions)

    first = sync(nelm_bin, home, lrs, course, sessions, "--batch-size", "5")
    assert first.returncode == 0, first.stderr.decode()
    # Piped, the sync prints nothing but the note that the identity is local.
    assert first.stdout == b""
    assert "known to this machine only" in first.stderr.decode()
    exported = export_all(nelm_bin, home, course, sessions)
    served = assert_each_exactly_once(lrs, [s["id"] for s in exported])
    answered = [s for s in served if s["verb"]["id"] == ANSWERED]
    assert len(answered) == len(first_log)
    assert len([s for s in served if s["verb"]["id"] == COMPLETED]) >= 1
    state = json.loads((sessions / "ana.sync").read_text())
    assert state["stores"][lrs.url]["offset"] == (sessions / "ana.answers.jsonl").stat().st_size
    assert "pending" not in state["stores"][lrs.url]

    # The course is edited: a question's text changes, so its definition changes.
    path = next(p for p in course.glob("*.yaml") if "order" in p.read_text()[:400]
                and lesson["id"] in p.read_text()[:200])
    question = lesson["questions"][0]
    text = path.read_text()
    assert question["stem"][:30] in text
    path.write_text(text.replace(question["stem"][:30], "EDITED " + question["stem"][:30], 1))
    # Lesson 1 is read again (no new completion) and more is answered, its first question again.
    study(nelm_bin, home, course, sessions, ["study 1", "menu", "quit"])
    again, _ = lesson_one_script(course, wrong_every=3)
    study(nelm_bin, home, course, sessions, again)
    study(nelm_bin, home, course, sessions, case_script(nelm_bin, 8, "b"))
    second_log = log_lines(sessions)
    assert len(second_log) > len(first_log)

    second = sync(nelm_bin, home, lrs, course, sessions, "--batch-size", "5")
    assert second.returncode == 0, second.stderr.decode()
    exported = export_all(nelm_bin, home, course, sessions)
    served = assert_each_exactly_once(lrs, [s["id"] for s in exported])
    assert len([s for s in served if s["verb"]["id"] == ANSWERED]) == len(second_log)
    completions = [s for s in served if s["verb"]["id"] == COMPLETED]
    lesson_completions = [s for s in completions if "/lessons/" in s["object"]["id"]]
    assert len(lesson_completions) == 1, "reopening a completed lesson added a completion"
    # Nothing was refused: every statement request was answered 200 (or 204 for none new).
    assert set(lrs.statuses()) <= {200, 204}, lrs.statuses()
    # Statements keep what they said when stored; the new ones name the edited course.
    versions = {s["context"]["extensions"][VERSION_KEY] for s in served}
    assert len(versions) == 2
    edited = [s for s in served if s["object"]["id"].endswith(f"/{lesson['id']}/{question['id']}")]
    assert len(edited) == 2
    names = sorted(s["object"]["definition"]["name"]["en-US"] for s in edited)
    assert names[0].startswith("EDITED ") and not names[1].startswith("EDITED ")
    # The attempts tell the two answers to the same question apart.
    assert sorted(s["context"]["extensions"]["https://nelm.invalid/xapi/attempt"]
                  for s in edited) == [1, 2]

    # A third sync with nothing new sends nothing.
    third = sync(nelm_bin, home, lrs, course, sessions)
    assert third.returncode == 0, third.stderr.decode()
    assert len(lrs.stored_lines()) == len(served)


def test_a_sync_cut_short_by_a_failing_store_resumes_without_duplicates(
        nelm_bin, home, sessions, course, lrs):
    lines, _ = lesson_one_script(course)
    study(nelm_bin, home, course, sessions, lines)
    lrs.start(fault="500-after:2")
    cut = sync(nelm_bin, home, lrs, course, sessions, "--batch-size", "4", "--attempts", "2")
    assert cut.returncode == 1
    assert "did not take the statements after 2 attempts (HTTP 500)" in cut.stderr.decode()
    state = json.loads((sessions / "ana.sync").read_text())["stores"][lrs.url]
    assert 0 < state["offset"] < (sessions / "ana.answers.jsonl").stat().st_size
    assert len(lrs.stored_lines()) == 8
    lrs.stop()

    lrs.start()
    resumed = sync(nelm_bin, home, lrs, course, sessions, "--batch-size", "4")
    assert resumed.returncode == 0, resumed.stderr.decode()
    exported = export_all(nelm_bin, home, course, sessions)
    assert_each_exactly_once(lrs, [s["id"] for s in exported])


def test_a_store_that_dies_after_storing_a_batch_gets_the_same_batch_again(
        nelm_bin, home, sessions, course, lrs):
    lines, lesson = lesson_one_script(course)
    study(nelm_bin, home, course, sessions, lines)
    lrs.start(fault="crash-after:1")
    cut = sync(nelm_bin, home, lrs, course, sessions, "--batch-size", "3", "--attempts", "2")
    assert cut.returncode == 1
    lrs.wait_for_exit()
    state = json.loads((sessions / "ana.sync").read_text())["stores"][lrs.url]
    # The second batch is in the store, but nelm never heard so: it is still pending.
    assert state["pending"]["count"] == 3 and len(lrs.stored_lines()) == 6
    # Even after a course edit, the pending batch goes again as it was: the store has it.
    path = next(p for p in course.glob("*.yaml") if lesson["id"] in p.read_text()[:200])
    path.write_text(path.read_text().replace("title: ", "title: Edited ", 1))

    lrs.start()
    resumed = sync(nelm_bin, home, lrs, course, sessions, "--batch-size", "3")
    assert resumed.returncode == 0, resumed.stderr.decode()
    exported = export_all(nelm_bin, home, course, sessions)
    assert_each_exactly_once(lrs, [s["id"] for s in exported])
    assert 409 not in lrs.statuses()


def test_a_store_asking_to_slow_down_is_tried_again(nelm_bin, home, sessions, course, lrs):
    lines, _ = lesson_one_script(course)
    study(nelm_bin, home, course, sessions, lines)
    lrs.start(fault="429-first:2")
    result = sync(nelm_bin, home, lrs, course, sessions, "--batch-size", "50")
    assert result.returncode == 0, result.stderr.decode()
    assert lrs.statuses().count(429) == 2
    assert_each_exactly_once(lrs, [s["id"] for s in export_all(nelm_bin, home, course, sessions)])


def test_credentials_come_from_the_environment_or_a_private_config_file(
        nelm_bin, home, sessions, course, lrs, tmp_path):
    study(nelm_bin, home, course, sessions, ["study 1", "", "quit"])
    study(nelm_bin, home, course, sessions, case_script(nelm_bin, 3, "a"))
    lrs.start()
    args = ["sync", "--learner", "ana", "--lessons", str(course), "--sessions", str(sessions)]
    wrong = nelm(nelm_bin, home, *args, "--lrs", lrs.url,
                 extra_env={"NELM_LRS_USER": "nelm-sync", "NELM_LRS_PASSWORD": "nope"})
    assert wrong.returncode == 1
    assert "refused the credentials (HTTP 401)" in wrong.stderr.decode()

    config = tmp_path / "config.json"
    config.write_text(json.dumps({"lrs": {"url": lrs.url, "user": lrs.env()["NELM_LRS_USER"],
                                          "password": lrs.env()["NELM_LRS_PASSWORD"]},
                                  "actor": {"homePage": "https://sso.example-hospital.org"}}))
    os.chmod(config, 0o644)
    refused = nelm(nelm_bin, home, *args, extra_env={"NELM_CONFIG": str(config)})
    assert refused.returncode == 1
    assert f"{config} holds LRS credentials but others can read it (mode 644)" in \
        refused.stderr.decode()
    assert lrs.stored_lines() == []

    os.chmod(config, 0o600)
    done = nelm(nelm_bin, home, *args, extra_env={"NELM_CONFIG": str(config)})
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""  # an institution's identity: no note about a local one
    served = lrs.statements()
    assert served and all(s["actor"]["account"] == {
        "homePage": "https://sso.example-hospital.org", "name": "ana"} for s in served)


def test_an_email_identity_is_sent_as_its_sha1(nelm_bin, home, sessions, course):
    study(nelm_bin, home, course, sessions, case_script(nelm_bin, 3, "a"))
    result = nelm(nelm_bin, home, "export", "xapi", "-", "--learner", "ana", "--lessons",
                  str(course), "--sessions", str(sessions), "--actor-email", "Ana@Example.org")
    assert result.returncode == 0, result.stderr.decode()
    statements = json.loads(result.stdout)
    digest = hashlib.sha1(b"mailto:ana@example.org").hexdigest()
    assert statements and all(s["actor"] == {"objectType": "Agent", "mbox_sha1sum": digest}
                              for s in statements)
    assert b"Ana@Example.org" not in result.stdout and b"ana@example.org" not in result.stdout
    # The same events under another identity are other statements.
    local = export_all(nelm_bin, home, course, sessions)
    assert {s["id"] for s in local}.isdisjoint({s["id"] for s in statements})
