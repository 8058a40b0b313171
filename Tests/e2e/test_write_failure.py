"""Saving fails in the middle of a session: the shell warns, keeps going, and saves what it
owes as soon as it can; a script learns of the failure from the exit status at the end.

The failure is made two ways: the answer log's name taken by a directory (works anywhere),
and a 64 KiB tmpfs filled to the last byte (needs root to mount; skipped otherwise).
"""
import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import REPO
from test_session_schema import validate_answer_log, validate_session_file

sys.path.insert(0, str(REPO / "Tests" / "stress"))

from crashtest import Run, load_lessons  # noqa: E402

LESSON = load_lessons()[0]
WARNING = "nelm: Could not save your progress: "


def answer_line(index):
    return " ".join(LESSON["questions"][index]["key"])


def wait_for_output(run, text, after, timeout=20):
    """Waits until a line printed after the first `after` lines holds `text`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with run.changed:
            if any(text in line for line in run.output[after:]):
                return
            run.changed.wait(0.1)
    raise AssertionError(f"{text!r} never came; got {run.output[-10:]}")


def session_with_a_failure(nelm_bin, env, sessions, break_saving, repair):
    """Answers three questions; the second one's save fails. Returns (status, stderr)."""
    run = Run(nelm_bin, env, ["--learner", "ana", "--lessons", str(REPO / "Lessons"),
                              "--sessions", str(sessions)])
    run.write("study 1" + "\n" * len(LESSON["pages"]))
    run.write(answer_line(0))
    assert run.wait_for_acks(1), run.output[-5:]
    break_saving()
    run.write("")
    printed = len(run.output)
    run.write(answer_line(1))
    # The shell never claims a save it could not make: either nothing was saved, or the
    # answer reached the log but the session file (the learner's place) did not.
    wait_for_output(run, "(see the warning above).", after=printed)
    assert run.acks == 1, run.output[-5:]
    printed = len(run.output)
    run.write("lessons")  # the shell keeps working after the warning
    wait_for_output(run, LESSON["title"], after=printed)
    repair()
    run.write("study 1")
    run.write(answer_line(2))
    assert run.wait_for_acks(2), run.output[-5:]
    run.write("quit")
    status, _, out, err = run.finish()
    assert "See you soon" in err  # piped, the farewell goes to stderr
    return status, err


def check_all_three_saved(sessions):
    answers = validate_answer_log(sessions / "ana.answers.jsonl")
    ids = [f"{LESSON['id']}/{q['id']}" for q in LESSON["questions"][:3]]
    assert [a["item"] for a in answers] == ids
    data = validate_session_file(sessions / "ana.json")
    assert data["answerCount"] == 3


def test_a_log_turned_into_a_directory_mid_session(nelm_bin, home, sessions):
    log = sessions / "ana.answers.jsonl"
    aside = sessions / "kept-aside"

    def break_saving():
        log.rename(aside)
        log.mkdir()

    def repair():
        log.rmdir()
        aside.rename(log)

    status, err = session_with_a_failure(nelm_bin, home, sessions, break_saving, repair)
    assert status == 1, "a script must learn that a save failed"
    assert f"{WARNING}{log} is a folder, not a regular file" in err, err
    # Each later prompt tries again (here `lessons`, while the answer waits), then succeeds.
    assert err.count(WARNING) == 2, err
    check_all_three_saved(sessions)


def can_mount_tmpfs(path):
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs",
                           str(path)], capture_output=True)
    return done.returncode == 0


def test_a_full_disk_mid_session(nelm_bin, home, tmp_path):
    sessions = tmp_path / "tiny"
    if not can_mount_tmpfs(sessions):
        pytest.skip("mounting a tmpfs needs root")
    filler = sessions / "filler"
    try:
        def break_saving():
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                for size in (4096, 512, 1):
                    while True:
                        try:
                            os.write(fd, b"." * size)
                        except OSError:
                            break
            finally:
                os.close(fd)

        args = ["--learner", "ana", "--lessons", str(REPO / "Lessons"), "--sessions",
                str(sessions)]
        run = Run(nelm_bin, home, args)
        run.write("study 1" + "\n" * len(LESSON["pages"]))
        run.write(answer_line(0))
        assert run.wait_for_acks(1), run.output[-5:]
        break_saving()
        run.write("")
        # An answer needs no new space in the session file, only its line in the log's last
        # page: it is saved, and said so, on a disk too full for anything else.
        run.write(answer_line(1))
        assert run.wait_for_acks(2), run.output[-5:]
        # Leaving writes the checkpoint, which no longer fits: nothing is lost, and nelm
        # says so rather than "Not saved".
        run.write("quit")
        status, _, out, err = run.finish()
        assert status == 1
        assert WARNING in err and "No space left on device" in err, err
        assert "Saved in the answer log; the session file was not updated" in " ".join(
            err.split()), err
        filler.unlink()
        again = subprocess.run([nelm_bin, *args], input=b"quit\n", capture_output=True,
                               env=home, timeout=60)
        assert again.returncode == 0, again.stderr.decode()
        answers = validate_answer_log(sessions / "ana.answers.jsonl")
        assert [a["item"] for a in answers] == [
            f"{LESSON['id']}/{q['id']}" for q in LESSON["questions"][:2]]
        data = validate_session_file(sessions / "ana.json")
        assert data["answerCount"] == 2
        assert data["lessons"][LESSON["id"]]["position"] == len(LESSON["pages"]) + 2
    finally:
        subprocess.run(["umount", "-l", str(sessions)], capture_output=True)
