"""Hostile input through the pipe and through a pseudo-terminal.

Every row feeds one bad input in one place (the main prompt, a check question, a case step,
the algorithm walk). Whatever the input, nelm must not crash (exit status 0 or 1, never a
signal), an error must come with a short, clear message, nothing it prints may drive the
terminal (no escape sequence, no control character but newline, no bidirectional override),
and the session files must still validate afterwards.
"""
import re
import signal
import subprocess
import sys
import time

import pexpect
import pytest

from conftest import REPO
from test_session_schema import validate_answer_log, validate_session_file

sys.path.insert(0, str(REPO / "Tests" / "stress"))

from crashtest import load_lessons  # noqa: E402

LESSONS = str(REPO / "Lessons")
LESSON = load_lessons()[0]
QUESTION = LESSON["questions"][0]
CASE_ID = "ileal-single-metastasis"

# Where a row's input lands: the lines that get there first.
CONTEXTS = {
    "top": b"",
    "question": ("study 1\n" + "\n" * len(LESSON["pages"])).encode(),
    "case": f"case {CASE_ID}\n".encode(),
    "walk": b"algorithm\n",
}

ERROR = "error"  # exit status 1 and a message on standard error
OK = "ok"  # the line is harmless: the script goes on to `quit` and exits 0

MEGABYTE = 1_000_000
# Characters a terminal obeys: C0 but newline, DEL, C1, and bidirectional overrides/isolates.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# (id, context, input bytes, outcome, a pattern the message must match). The messages are the
# ones the README and `help` promise: an unknown command is named as such, an id that does not
# exist says what is missing, a bad option value says what it needs.
ROWS = [
    ("empty-lines", "top", b"\n\n\n", OK, None),
    ("spaces-only", "top", b"   \t  \n", OK, None),
    ("megabyte-line", "top", b"x" * MEGABYTE + b"\n", ERROR, r"too long"),
    ("megabyte-of-spaces", "top", b" " * MEGABYTE + b"\n", OK, None),
    ("megabyte-argument", "top", b"study " + b"9" * MEGABYTE + b"\n", ERROR, r"too long"),
    ("long-argument", "top", b"study " + b"a" * 900 + b"\n", ERROR, r"No lesson"),
    ("long-case-id", "top", b"case " + b"b" * 900 + b"\n", ERROR, r"No case"),
    ("invalid-utf8", "top", b"\xff\xfe\xc3\x28 study\n", ERROR, r"Unknown command"),
    ("overlong-utf8-slash", "top", b"study \xc0\xaf1\n", ERROR, r"No lesson"),
    ("nul-in-command", "top", b"stu\x00dy 1\n", ERROR, r"Unknown command"),
    ("nul-alone", "top", b"\x00\n", ERROR, r"Unknown command"),
    ("clear-screen", "top", b"\x1b[2J\n", ERROR, r"Unknown command"),
    ("osc52-clipboard", "top", b"\x1b]52;c;cm0gLXJmIH4=\x07\n", ERROR, r"Unknown command"),
    ("c1-csi", "top", "\u009b2J\n".encode(), ERROR, r"Unknown command"),
    ("lone-escape", "top", b"\x1b\n", ERROR, r"Unknown command"),
    ("backspace-and-del", "top", b"stu\x08\x7fdy\n", ERROR, r"Unknown command"),
    ("bell", "top", b"\x07\x07\x07\n", ERROR, r"Unknown command"),
    ("unknown-command", "top", b"frobnicate\n", ERROR, r"Unknown command 'frobnicate'"),
    ("typo", "top", b"studdy 1\n", ERROR, r"Did you mean `study`"),
    ("study-0", "top", b"study 0\n", ERROR, r"No lesson '0'"),
    ("study-999", "top", b"study 999\n", ERROR, r"No lesson '999'"),
    ("study-minus-1", "top", b"study -1\n", ERROR, r"No lesson '-1'"),
    ("study-1e9", "top", b"study 1e9\n", ERROR, r"No lesson '1e9'"),
    ("study-huge", "top", b"study 99999999999999999999999999\n", ERROR, r"No lesson"),
    ("study-three-args", "top", b"study 1 2 3\n", ERROR, r"study ID\|NUMBER"),
    ("study-page-out-of-range", "top", b"study 1 99\n", ERROR, r"has pages 1–"),
    ("unknown-lesson-id", "top", b"study no-such-lesson\n", ERROR, r"No lesson 'no-such"),
    ("seed-not-a-number", "top", b"case random --seed notanumber\n", ERROR, r"--seed"),
    ("seed-negative", "top", b"case random --seed -1\n", ERROR, r"--seed"),
    ("seed-missing", "top", b"case random --seed\n", ERROR, r"--seed"),
    ("seed-too-big", "top", b"case random --seed 99999999999999999999999\n", ERROR, r"--seed"),
    ("quiz-9999-cases", "top", b"quiz --cases 9999\n", ERROR, r"--cases"),
    ("quiz-0-cases", "top", b"quiz --cases 0\n", ERROR, r"--cases"),
    ("quiz-cases-word", "top", b"quiz --cases many\n", ERROR, r"--cases"),
    ("unknown-case", "top", b"case no-such-case\n", ERROR, r"No case 'no-such-case'"),
    ("random-seed-word", "top", b"case random:abc\n", ERROR, r"No case 'random:abc'"),
    ("random-seed-overflow", "top", b"case random:18446744073709551616\n", ERROR, r"No case"),
    ("random-bad-topic", "top", b"case random:1:no-such-topic\n", ERROR, r"No case"),
    ("help-1000-args", "top", b"help " + b" ".join(b"x%d" % i for i in range(1000)) + b"\n",
     ERROR, r"too long"),
    ("help-1000-commands", "top", b"help" + b" study" * 1000 + b"\n", ERROR, r"too long"),
    ("help-100-args", "top", b"help " + b" ".join(b"x%d" % i for i in range(100)) + b"\n",
     None, None),
    ("cyrillic-lookalike", "top", "ѕtudy 1\n".encode(), ERROR, r"Unknown command"),
    ("fullwidth-letters", "top", "ｓｔｕｄｙ 1\n".encode(), ERROR, r"Unknown command"),
    ("zero-width-space", "top", "stu\u200bdy 1\n".encode(), ERROR, r"Unknown command"),
    ("rtl-override-argument", "top", "study \u202e1\n".encode(), ERROR, r"No lesson"),
    ("rtl-override-command", "top", "\u202eyduts\n".encode(), ERROR, r"Unknown command"),
    ("carriage-return", "top", b"lessons\r\n", OK, None),
    ("lesson-command-outside", "top", b"hint\n", ERROR, r"inside a lesson"),
    ("answer-no-such-option", "question", b"z\n", ERROR, r"not an option"),
    ("answer-megabyte", "question", b"a" * MEGABYTE + b"\n", ERROR, r"too long"),
    ("answer-with-escape", "question", b"\x1b[2Ja\n", ERROR, None),
    ("answer-with-nul", "question", b"a\x00\n", ERROR, None),
    ("hint-100-times", "question", b"hint\n" * 100, OK, None),
    ("eof-in-question", "question", b"", "eof", None),
    ("case-no-such-option", "case", b"z\n", ERROR, r"not an option"),
    ("case-osc52", "case", b"\x1b]52;c;eA==\x07\n", ERROR, None),
    ("case-none-on-single", "case", b"none\n", ERROR, None),
    ("eof-in-case", "case", b"", "eof", None),
    ("walk-megabyte-number", "walk", b"9" * MEGABYTE + b"\n", ERROR, r"too long"),
    ("walk-escape", "walk", b"\x1b[2J\n", ERROR, None),
    ("walk-negative-age", "walk", b"-5\n", ERROR, None),
]


def check_output(stdout, stderr):
    for name, stream in (("stdout", stdout), ("stderr", stderr)):
        text = stream.decode("utf-8", errors="replace")
        bad = UNSAFE.search(text)
        assert not bad, f"{name} holds {bad.group()!r} at {bad.start()}: {text[:300]!r}"
    assert b"Fatal error" not in stderr and b"Stack dump" not in stderr, stderr[-2000:]


def check_files(sessions, learner):
    path = sessions / f"{learner}.json"
    if path.exists():
        validate_session_file(path)
    log = sessions / f"{learner}.answers.jsonl"
    if log.exists():
        validate_answer_log(log)


@pytest.mark.parametrize("name,context,data,outcome,message", ROWS, ids=[r[0] for r in ROWS])
def test_piped_hostile_input(nelm_bin, home, sessions, name, context, data, outcome, message):
    script = CONTEXTS[context] + data + (b"" if outcome == "eof" else b"quit\n")
    started = time.monotonic()
    result = subprocess.run(
        [nelm_bin, "--learner", "eve", "--lessons", LESSONS, "--sessions", str(sessions)],
        input=script, capture_output=True, env=home, timeout=120)
    assert result.returncode in (0, 1), f"status {result.returncode}: {result.stderr[-2000:]}"
    assert time.monotonic() - started < 30, "nelm took too long over one line"
    check_output(result.stdout, result.stderr)
    errors = result.stderr.decode("utf-8", errors="replace")
    if outcome == ERROR:
        assert result.returncode == 1
        assert errors.strip(), "an error needs a message"
        assert len(errors) < 2000, f"the message is {len(errors)} characters long"
        if message:
            assert re.search(message, " ".join(errors.split())), errors
    elif outcome in (OK, "eof"):
        assert result.returncode == 0, errors
        assert "See you soon" in result.stderr.decode()  # piped, the farewell goes to stderr
    check_files(sessions, "eve")


def test_an_interrupt_in_a_piped_question_or_case_loses_nothing(nelm_bin, home, sessions):
    """SIGINT (what Ctrl-C sends) while a script waits in a question, then in a case."""
    process = subprocess.Popen(
        [nelm_bin, "--learner", "ivy", "--lessons", LESSONS, "--sessions", str(sessions)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=home)
    process.stdin.write(CONTEXTS["question"] + " ".join(QUESTION["key"]).encode() + b"\n\n")
    process.stdin.flush()
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    time.sleep(0.3)
    process.stdin.write(CONTEXTS["case"])
    process.stdin.flush()
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    time.sleep(0.3)
    out, err = process.communicate(b"lessons\nquit\n", timeout=60)
    assert process.returncode in (0, 1), err
    check_output(out, err)
    answers = validate_answer_log(sessions / "ivy.answers.jsonl")
    assert [a["item"] for a in answers] == [f"{LESSON['id']}/{QUESTION['id']}"]
    check_files(sessions, "ivy")


# The same kind of input typed on a terminal, where errors do not end the session: after
# each, the shell must still answer `lessons` and leave cleanly with Ctrl-D.
PTY_ROWS = [
    ("empty-lines", "top", "\r\r\r"),
    ("long-line", "top", "x" * 5000 + "\r"),
    ("invalid-utf8", "top", b"\xff\xfe\xc3\x28\r"),
    ("clear-screen", "top", "help \x1b[2J\r"),
    ("osc52-clipboard", "top", "\x1b]52;c;cm0gLXJmIH4=\x07\r"),
    ("study-999", "top", "study 999\r"),
    ("seed-not-a-number", "top", "case random --seed notanumber\r"),
    ("rtl-override", "top", "study \u202e1\r"),
    ("cyrillic-lookalike", "top", "ѕtudy 1\r"),
    ("help-1000-args", "top", "help " + " ".join(f"x{i}" for i in range(1000)) + "\r"),
    ("answer-no-such-option", "question", "z\r"),
    ("ctrl-c-in-question", "question", "\x03"),
    ("ctrl-c-in-case", "case", "\x03"),
]


@pytest.mark.parametrize("name,context,keys", PTY_ROWS, ids=[r[0] for r in PTY_ROWS])
def test_hostile_input_on_a_terminal(nelm_bin, home, sessions, name, context, keys):
    child = pexpect.spawn(
        nelm_bin, ["--learner", "eve", "--lessons", LESSONS, "--sessions", str(sessions)],
        env=home, timeout=30, dimensions=(40, 100))
    seen = []
    child.expect("nelm> ")
    seen.append(child.before)
    if context == "question":
        child.send("study 1\r")
        for _ in LESSON["pages"]:
            child.expect("nelm 1> ")
            child.send("\r")
        child.expect("answer> ")
    elif context == "case":
        child.send(f"case {CASE_ID}\r")
        child.expect("answer> ")
    seen.append(child.before)
    child.send(keys if isinstance(keys, bytes) else keys.encode())
    child.expect(["nelm> ", "answer> "])
    # The first line is libedit echoing what was typed; nelm's reply follows it.
    seen.append(child.before.partition(b"\r\n")[2])
    if "ctrl-c" in name:
        assert b"Cancelled" in child.before
    child.sendcontrol("c")  # back to the main prompt wherever the input left us
    child.expect("nelm> ")
    child.send("lessons\r")
    child.expect(LESSON["title"].encode())
    child.expect("nelm> ")
    seen.append(child.before)
    child.sendcontrol("d")
    child.expect("See you soon")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and child.signalstatus is None
    printed = b"".join(seen)
    # libedit rings the bell for a key it has no binding for, and echoes what is typed; nelm
    # itself prints neither.
    for sequence in (b"\x1b[2J", b"\x1b]52", "\u202e".encode()):
        assert sequence not in printed, f"{sequence!r} reached the terminal"
    check_files(sessions, "eve")


def test_a_hostile_lesson_file_cannot_drive_the_terminal(nelm_bin, home, sessions, tmp_path):
    """Diagnostics quote the file's own text: `nelm lint` and the shell's start-up error must
    show its escape sequences harmlessly, with the file, line and column still there."""
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (lessons / "01-evil.yaml").write_text(
        'id: "evil\\e]52;c;cm0gLXJmIH4=\\a"\n"bad\\e[2Jkey\\u202e": 1\n', encoding="utf-8")
    lint = subprocess.run([nelm_bin, "lint", str(lessons)], capture_output=True, env=home,
                          timeout=60)
    shell = subprocess.run(
        [nelm_bin, "--learner", "eve", "--lessons", str(lessons), "--sessions", str(sessions)],
        input=b"quit\n", capture_output=True, env=home, timeout=60)
    # lint reports the problems it finds (1); to the shell the course is bad input (2).
    for result, status in ((lint, 1), (shell, 2)):
        assert result.returncode == status
        check_output(result.stdout, result.stderr)
        assert "01-evil.yaml:2:1: unknown key 'bad" in result.stdout.decode() + \
            result.stderr.decode()


def test_a_second_shell_on_a_terminal_is_refused(nelm_bin, home, sessions):
    args = ["--learner", "gus", "--lessons", LESSONS, "--sessions", str(sessions)]
    first = pexpect.spawn(nelm_bin, args, env=home, timeout=30, dimensions=(40, 100))
    first.expect("nelm> ")
    second = pexpect.spawn(nelm_bin, args, env=home, timeout=30, dimensions=(40, 100))
    second.expect("another nelm is using learner 'gus'")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 1
    first.send("lessons\r")
    first.expect(LESSON["title"])
    first.sendcontrol("d")
    first.expect(pexpect.EOF)
    first.close()
    assert first.exitstatus == 0


@pytest.mark.parametrize("args,stdin", [
    (["solve", "-"], '{"age": 50, "primary": {"site": "\\u001b]52;c;eA==\\u0007ileum"}, '
                     '"nodes": "N1\\u001b[2J", "x\\u202e": 1}'),
    (["case", "show", "evil\x1b[2J\u202e"], ""),
], ids=["solve-facts", "case-id"])
def test_subcommand_errors_show_control_characters_harmlessly(nelm_bin, home, args, stdin):
    result = subprocess.run([nelm_bin, *args, "--lessons", LESSONS], input=stdin.encode(),
                            capture_output=True, env=home, timeout=60)
    assert result.returncode in (1, 2), result.stderr  # 2: `solve`'s status for bad facts
    check_output(result.stdout, result.stderr)
    assert "\\u{1b}" in result.stderr.decode()
