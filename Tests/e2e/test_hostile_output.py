"""Hostile output: standard output closed, on /dev/full, a pipe whose reader left, a full
pipe nobody reads, standard error closed. nelm never crashes on a write: it saves first, then
ends with status 1 (141 for EPIPE, as shells expect from a pipe closed by its reader), and
no answer it took is lost."""
import os
import select
import signal
import subprocess
import time

import pytest

from test_hostile_files import LESSON, LESSONS, World, answer_script, ana  # noqa: F401
from test_session_schema import validate_answer_log, validate_session_file

CRASH = (132, 133, 134, 139, -4, -5, -6, -11)


@pytest.fixture
def world(tmp_path, ana, nelm_bin):  # noqa: F811
    world = World(tmp_path, ana, nelm_bin)
    world.ana_files()
    return world


def run_with(world, args, stdin, stdout=None, stderr=subprocess.PIPE, prepare=None):
    process = subprocess.run([world.nelm_bin, *args], input=stdin.encode(), stdout=stdout,
                             stderr=stderr, env=world.env, timeout=60, preexec_fn=prepare)
    return process


def close(fd):
    return lambda: os.close(fd)


def answers_logged(world, count):
    """The log holds `count` answers, and the session file, a checkpoint, counts those of the
    log's first `logBytes` bytes (the next open applies the others)."""
    log = world.D / "ana.answers.jsonl"
    answers = validate_answer_log(log)
    assert len(answers) == count, [a["item"] for a in answers]
    data = validate_session_file(world.D / "ana.json")
    assert data["logBytes"] <= log.stat().st_size
    assert data["answerCount"] == log.read_bytes()[:data["logBytes"]].count(b"\n")


def four_answers_logged(world):
    answers_logged(world, 4)


@pytest.mark.parametrize("how", ["closed", "dev-full"])
def test_a_shell_whose_output_fails_ends_with_1_and_changes_nothing(world, how):
    """The first reply cannot be written: nelm ends there, with its files as they were."""
    stdout = subprocess.DEVNULL
    prepare = None
    if how == "closed":
        prepare = close(1)
    else:
        stdout = open("/dev/full", "wb")
    result = run_with(world, world.args(), answer_script(1, start=3), stdout=stdout,
                      prepare=prepare)
    assert result.returncode == 1, result.stderr.decode()
    assert b"cannot write to standard output" in result.stderr
    assert b"Fatal error" not in result.stderr
    answers_logged(world, 3)
    assert (world.D / "ana.answers.jsonl").read_bytes() == world.ana["log"]
    # A closed standard output must not have become one of nelm's files.
    assert not (world.D / "ana.lock").exists() or (world.D / "ana.lock").stat().st_size < 32


def test_a_reader_that_leaves_ends_nelm_with_141_after_saving(world):
    """The reader goes away while nelm takes an answer: the answer is saved first, then the
    write of its feedback fails with EPIPE and nelm ends with 141."""
    process = subprocess.Popen([world.nelm_bin, *world.args()], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=world.env)
    process.stdin.write(("study 1\n" + "\n" * len(LESSON["pages"])).encode())
    process.stdin.flush()
    # Read until nelm has said all it has to say and waits for the answer.
    printed = b""
    while select.select([process.stdout], [], [], 1.5)[0]:
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            break
        printed += chunk
    assert printed, "nelm printed nothing"
    process.stdout.close()
    process.stdin.write((" ".join(LESSON["questions"][3]["key"]) + "\n\nquit\n").encode())
    process.stdin.close()
    process.wait(timeout=30)
    assert process.returncode == 141, process.stderr.read().decode()
    assert process.stderr.read() == b""
    four_answers_logged(world)


def test_a_full_pipe_never_read_blocks_but_loses_nothing(world):
    """A reader that never reads: nelm waits on the write, as any program would; the answer
    it took before is saved, and SIGTERM ends it at once."""
    read, write = os.pipe()
    script = answer_script(1, start=3).replace("quit\n", "sources\n" * 40 + "quit\n")
    process = subprocess.Popen([world.nelm_bin, *world.args()], stdin=subprocess.PIPE,
                               stdout=write, stderr=subprocess.PIPE, env=world.env)
    os.close(write)
    process.stdin.write(script.encode())
    process.stdin.close()
    time.sleep(3)
    assert process.poll() is None, "nelm should be waiting on the full pipe"
    four_answers_logged(world)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=10)
    os.close(read)
    assert process.returncode == -signal.SIGTERM
    reopened = run_with(world, world.args(), "quit\n", stdout=subprocess.PIPE)
    assert reopened.returncode == 0, reopened.stderr.decode()
    four_answers_logged(world)


def test_stderr_closed_and_an_error_exits_1_without_a_crash(world):
    result = run_with(world, world.args(), "no-such-command\n", stdout=subprocess.PIPE,
                      stderr=None, prepare=close(2))
    assert result.returncode == 1


def test_stdout_and_stderr_closed_together_end_with_1(world):
    result = run_with(world, world.args(), answer_script(1, start=3), stdout=subprocess.DEVNULL,
                      stderr=None, prepare=lambda: (os.close(1), os.close(2)))
    assert result.returncode == 1
    answers_logged(world, 3)
    assert not list(world.D.glob("*.tmp-*"))


COMMANDS = [
    ["sources", "--lessons", str(LESSONS)], ["case", "list", "--lessons", str(LESSONS)],
    ["define", "--lessons", str(LESSONS)], ["export", "anki", "-", "--lessons", str(LESSONS)],
    ["lint", "--json", str(LESSONS)], ["schedule", "replay", "-"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_a_command_whose_output_fails_exits_1(world, args):
    stdin = '[{"rating": 3, "at": "2024-01-01T00:00:00Z"}]' if args[0] == "schedule" else ""
    for prepare, stdout in ((close(1), subprocess.DEVNULL), (None, open("/dev/full", "wb"))):
        result = run_with(world, args, stdin, stdout=stdout, prepare=prepare)
        assert result.returncode == 1, (args, result.returncode, result.stderr.decode()[-500:])
        assert result.returncode not in CRASH
        assert b"cannot write to standard output" in result.stderr
