"""A short crash test for `make test`: 25 kills at random moments (SIGKILL, SIGTERM, SIGHUP and
a closed terminal in turn), nothing saved is lost.

The full run (`make crashtest`, 200+ kills) and the checks themselves are in
`Tests/stress/crashtest.py`; this calls the same code with fewer kills. It also checks that
the files a crash repair writes (`.torn-*`) and a migration keeps (`.v1`) are private.
"""
import os
import shutil
import stat
import sys

from conftest import REPO, key_answer, run_piped
from test_session_schema import validate_answer_log, validate_session_file

sys.path.insert(0, str(REPO / "Tests" / "stress"))

import crashtest  # noqa: E402


def test_nothing_acknowledged_is_lost_across_25_kills(nelm_bin):
    figures = crashtest.crash_test(25, binary=nelm_bin, seed=20240301)
    print(figures.summary())
    assert figures.kills == 25
    assert figures.acknowledged > 0, "no answer was acknowledged: the driver is broken"
    assert figures.during_write > 0, "no kill landed during a write"
    assert figures.losses == 0, "\n".join(figures.messages)
    assert figures.failures == 0, "\n".join(figures.messages)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_torn_log_tail_is_cut_and_kept_aside_privately(nelm_bin, home, sessions):
    args = ["--learner", "ana", "--lessons", str(REPO / "Lessons"), "--sessions", str(sessions)]
    lesson = crashtest.load_lessons()[0]
    script = ("study 1\n" + "\n" * len(lesson["pages"])
              + key_answer("ana", lesson, lesson["questions"][0]) + "\nquit\n")
    first = run_piped(nelm_bin, home, script, *args)
    assert first.returncode == 0, first.stderr.decode()
    log = sessions / "ana.answers.jsonl"
    answers = validate_answer_log(log)
    assert len(answers) == 1
    # Half an answer, as a crash in the middle of an append would leave it.
    with open(log, "ab") as handle:
        handle.write(b'{"at":"2024-03-01T09:41:07.250Z","corr')
    second = run_piped(nelm_bin, home, "quit\n", *args)
    assert second.returncode == 0, second.stderr.decode()
    assert validate_answer_log(log) == answers
    torn = sorted(sessions.glob("ana.answers.jsonl.torn-*"))
    assert len(torn) == 1 and torn[0].read_bytes() == b'{"at":"2024-03-01T09:41:07.250Z","corr'
    for path in [log, sessions / "ana.json", torn[0]]:
        assert mode(path) == 0o600, f"{path.name} has mode {mode(path):o}"
    assert mode(sessions) == 0o700


def test_a_migrated_version_1_file_and_its_copy_are_private(nelm_bin, home, sessions):
    sessions.mkdir(mode=0o700)
    shutil.copy(REPO / "Tests" / "ProgressTests" / "Fixtures" / "v1" / "ana.json",
                sessions / "ana.json")
    os.chmod(sessions / "ana.json", 0o644)
    result = run_piped(nelm_bin, home, "quit\n", "--learner", "ana", "--lessons", str(REPO / "Lessons"),
                       "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr.decode()
    validate_session_file(sessions / "ana.json")
    assert len(validate_answer_log(sessions / "ana.answers.jsonl")) == 3
    for name in ["ana.json", "ana.json.v1", "ana.answers.jsonl"]:
        assert mode(sessions / name) == 0o600, f"{name} has mode {mode(sessions / name):o}"
