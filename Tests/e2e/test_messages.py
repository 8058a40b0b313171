"""The messages U1–U18 of the attack report: each says which file, what is wrong with it, and
what to do, and never what is not so ("No answers yet." over an unreadable log, "Not saved"
over a durable answer)."""
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time

import pexpect
import pytest

from conftest import REPO
from test_hostile_files import LESSON, LESSONS, World, answer_script, ana, log_line  # noqa: F401
from test_session_schema import validate_answer_log, validate_session_file

sys.path.insert(0, str(REPO / "Tests" / "stress"))

from crashtest import Run  # noqa: E402


@pytest.fixture
def world(tmp_path, ana, nelm_bin):  # noqa: F811
    return World(tmp_path, ana, nelm_bin)


def text(result):
    return (result.stdout + result.stderr).decode("utf-8", "replace")


def test_U1_a_number_out_of_range_is_named_not_called_invalid_json(world):
    world.write("D/ana.json", world.ana["session"].replace(b'"answerCount" : 3', b'"answerCount" : 1e400'))
    result = world.run(world.args())
    assert result.returncode == 1
    assert "answerCount: 1e400 is out of range" in text(result)
    assert "not valid JSON" not in text(result)


def test_U2_log_problems_name_the_log_and_its_true_line_number(world):
    world.ana_files()
    world.write("D/ana.answers.jsonl", world.ana["log"] + log_line(durationMs=-1))
    result = world.run(world.args())
    assert result.returncode == 1
    assert f"answer log {world.D}/ana.answers.jsonl cannot be read: line 4:" in text(result)
    assert "session file" not in text(result)


def test_U3_history_over_an_unreadable_log_says_so(world):
    world.ana_files()
    lines = world.ana["log"].splitlines(keepends=True)
    # The second line is in the part the session file has counted: open does not reread it.
    world.write("D/ana.answers.jsonl", lines[0] + b'{"not": "an answer"}' + b" " * (
        len(lines[1]) - 21) + b"\n" + lines[2])
    result = world.run(world.args(), stdin="history\nquit\n")
    assert "No answers yet." not in text(result)
    assert re.search(r"Cannot read your answers: answer log\s.*line 2", text(result), re.S), \
        text(result)
    assert result.returncode == 1


def read_only_folder(path):
    """A folder nelm cannot create files in: a read-only tmpfs as root, else mode 0500."""
    path.mkdir()
    if os.geteuid() == 0:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(path)],
                              capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot mount a read-only tmpfs here")
        return lambda: subprocess.run(["umount", "-l", str(path)], capture_output=True)
    os.chmod(path, 0o500)
    return lambda: os.chmod(path, 0o700)


def test_U4_a_read_only_sessions_folder_names_the_lock_and_the_need(world):
    folder = world.root / "ro"
    undo = read_only_folder(folder)
    try:
        result = world.run(["--learner", "ana", "--lessons", str(LESSONS), "--sessions",
                            str(folder)])
    finally:
        undo()
    assert result.returncode == 1
    assert re.search(r"cannot take the lock .*ro/ana\.lock: .*(Read-only|Permission).*nelm needs "
                     r"to create and write this file in the sessions folder", text(result)), \
        text(result)


def test_U5_a_sessions_path_under_a_file_names_the_file(world):
    result = world.run(["--learner", "ana", "--lessons", str(LESSONS), "--sessions",
                        str(world.root / "victim" / "sub")])
    assert result.returncode == 1
    assert f"cannot create the sessions folder {world.root}/victim/sub: {world.root}/victim is " \
        "not a folder" in text(result)
    assert "NSCocoaErrorDomain" not in text(result)


def test_U6_lint_says_what_a_fifo_or_a_folder_named_yaml_is(world):
    course = world.copy_course()
    os.mkfifo(course / "20-fifo.yaml")
    (course / "21-folder.yaml").mkdir()
    result = world.run(["lint", str(course)], stdin=b"")
    assert result.returncode == 1
    assert "20-fifo.yaml:1:1: it is a FIFO, not a file" in text(result)
    assert "21-folder.yaml:1:1: it is a folder, not a file" in text(result)
    assert "permission" not in text(result) and "error 256" not in text(result)


def test_U7_an_empty_folder_is_not_a_course(world):
    """Bad input (2 in the exit-status table): a folder that is no course."""
    (world.root / "empty").mkdir()
    lint = world.run(["lint", str(world.root / "empty")], stdin=b"")
    assert lint.returncode == 2 and "not a course folder" in text(lint)
    shell = world.run(["--learner", "ana", "--lessons", str(world.root / "empty"), "--sessions",
                       str(world.D)])
    assert shell.returncode == 2 and "not a course folder" in text(shell)


def test_U8_an_answer_in_the_log_is_not_called_not_saved(world):
    world.ana_files()
    run = Run(world.nelm_bin, world.env, world.args())
    run.write("study 1" + "\n" * len(LESSON["pages"]))
    run.write(" ".join(LESSON["questions"][3]["key"]))
    assert run.wait_for_acks(1), run.output[-5:]
    # The session file's temporary name taken by a folder: its save fails, the log's does not.
    blocker = world.D / f".ana.json.tmp-{run.process.pid}"
    blocker.mkdir()
    run.write("")
    # An answer is one line of the log, with the place it moved: saved in full.
    run.write(" ".join(LESSON["questions"][4]["key"]))
    assert run.wait_for_acks(2), run.output[-5:]
    # Leaving writes the session file, which fails: everything is in the log, and nelm says so.
    run.write("")
    run.write("quit")
    status, acks, out, err = run.finish()
    blocker.rmdir()
    assert "Saved in the answer log; the session file was not updated (see the warning above)." \
        in " ".join(err.split())
    assert "Not saved" not in out + err
    assert len(validate_answer_log(world.D / "ana.answers.jsonl")) == 5
    again = world.run(world.args(), stdin=b"quit\n")
    assert again.returncode == 0, text(again)
    assert validate_session_file(world.D / "ana.json")["answerCount"] == 5


def test_U9_ctrl_backslash_ends_nelm_quietly_and_frees_the_learner(world):
    world.ana_files()
    child = world.spawn(world.args())
    child.expect("nelm> ")
    child.sendcontrol("\\")
    child.expect(pexpect.EOF)
    child.close()
    assert "crashed" not in child.before.lower()
    assert child.exitstatus == 131 or child.signalstatus == signal.SIGQUIT
    again = world.run(world.args())
    assert again.returncode == 0, text(again)


def test_U11_schedule_replay_names_what_it_cannot_read(world):
    far = json.dumps([{"rating": 4, "at": "9999-12-30T00:00:00Z"}])
    result = world.run(["schedule", "replay", "-", "--json"], stdin=far)
    assert result.returncode == 0 and '"due": "9999-12-31T23:59:59.999Z"' in text(result)
    result = world.run(["schedule", "replay", "-"],
                       stdin=b'[{"rating": 1e400, "at": "\xff"}]')
    assert result.returncode == 2
    assert "rating: a number out of range is not a rating" in text(result)
    assert "at: text that is not valid UTF-8" in text(result)
    assert "an array or object" not in text(result)


def test_U12_a_huge_age_in_a_case_is_out_of_range_not_a_string(world):
    course = world.copy_course()
    case = course / "cases" / "01-ileal-single-metastasis.yaml"
    case.write_text(case.read_text().replace("  age: 54\n", "  age: 99999999999999999999\n", 1))
    result = world.run(["lint", str(course)], stdin=b"")
    assert result.returncode == 1
    assert "age: 1e+20 is out of range" in text(result)
    assert "a string" not in text(result)


def test_U13_a_nul_in_a_command_is_shown(world):
    world.ana_files()
    result = world.run(world.args(), stdin=b"stu\x00dy 1\n")
    assert result.returncode == 1
    assert "Unknown command 'stu\\u{0}dy'" in text(result)


def test_U14_after_sigterm_the_terminal_echoes_again(world):
    world.ana_files()
    command = " ".join([world.nelm_bin, *world.args()]) + "; stty -a"
    child = pexpect.spawn("sh", ["-c", command], env=world.env, encoding="utf-8", timeout=30,
                          dimensions=(40, 100))
    child.expect("nelm> ")
    children = open(f"/proc/{child.pid}/task/{child.pid}/children").read().split()
    os.kill(int(children[0]), signal.SIGTERM)
    child.expect(r"speed .*?\n(.*)", timeout=20)
    modes = child.after + child.read()
    assert re.search(r"(?<!-)\becho\b", modes) and re.search(r"(?<!-)\bicanon\b", modes), modes


def test_U15_a_quiz_naming_a_removed_case_says_how_to_start_anew(world):
    def change(data):
        data["quiz"] = {"cases": ["a-case-since-removed"], "started": data["created"],
                        "timed": False}
    world.edit_session(change)
    world.write("D/ana.answers.jsonl", world.ana["log"])
    result = world.run(world.args(), stdin="quiz\n")
    assert result.returncode == 1
    assert "a-case-since-removed" in text(result) and "quiz --cases 5" in text(result)
    started = world.run(world.args(), stdin="quiz --cases 1\nquit\n")
    assert started.returncode == 0, text(started)


def test_U17_a_huge_bad_value_is_not_echoed_in_full(world):
    facts = json.dumps({"age": "x" * 10_000_000})
    result = world.run(["solve", "-"], stdin=facts)
    assert result.returncode == 2
    assert max(len(line) for line in result.stderr.splitlines()) < 1000
    assert b"more characters" in result.stderr


def test_U18_a_key_written_twice_is_refused_with_its_name(world):
    world.write("D/ana.json", world.ana["session"].replace(
        b'"answerCount" : 3', b'"answerCount" : 3, "answerCount" : 5'))
    world.write("D/ana.answers.jsonl", world.ana["log"])
    result = world.run(world.args())
    assert result.returncode == 1
    assert "key 'answerCount' appears twice in the top level" in text(result)
