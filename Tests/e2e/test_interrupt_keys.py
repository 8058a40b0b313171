"""Ctrl-C on a terminal as every other shell has it: with text on the line it clears the line
only; on an empty line it leaves the screen (the lesson, case or quiz) for the main prompt.
And Ctrl-C followed at once by Ctrl-D always ends nelm (a race once left it waiting)."""
import pexpect
import pytest

from conftest import load_lesson

TIMEOUT = 15


@pytest.fixture
def shell(nelm_bin, home, sessions):
    def start(learner="ana", columns=100):
        args = ["--learner", learner, "--lessons", "Lessons", "--sessions", str(sessions)]
        return pexpect.spawn(nelm_bin, args, env=home, encoding="utf-8", timeout=TIMEOUT,
                             dimensions=(40, columns))
    return start


def open_question(child):
    lesson = load_lesson(1)
    child.expect("nelm> ")
    child.send("study 1\r")
    for _ in lesson["pages"]:
        child.expect("nelm 1> ")
        child.send("\r")
    child.expect("answer> ")


def test_ctrl_c_with_text_clears_the_line_and_stays_at_the_question(shell):
    child = shell()
    open_question(child)
    child.send("half-typed")
    child.expect("half-typed")
    child.sendcontrol("c")
    child.send("reveal\r")  # the half-typed text is gone: this line is `reveal` alone
    child.expect("The answer is")
    child.expect("nelm 1> ")
    child.sendcontrol("c")  # an empty line: Ctrl-C leaves the lesson
    child.expect("Cancelled")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect("See you soon")
    child.expect(pexpect.EOF)


def test_up_arrow_recalls_commands_not_answers(shell):
    child = shell()
    open_question(child)
    child.send("b\r")
    child.expect("nelm 1> ")
    child.sendcontrol("c")
    child.expect("nelm> ")
    child.send("\x1b[A")  # Up: the last command, not the answer `b`
    child.send("\r")
    child.expect(r"\(page 1/|Check 1/|answer> ")
    child.sendcontrol("c")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("where", ["main", "question"])
def test_ctrl_c_then_ctrl_d_always_ends_nelm(shell, where):
    # Sent as one write, as a hurried learner's two keys arrive: 30 rounds catch the race.
    for round in range(30):
        child = shell(learner=f"hurried{round}")  # each from page 1 of a fresh session
        if where == "question":
            open_question(child)
        else:
            child.expect("nelm> ")
        child.send("\x03\x04")
        index = child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=5)
        assert index == 0, "nelm kept waiting after Ctrl-C, Ctrl-D"
        child.close()
