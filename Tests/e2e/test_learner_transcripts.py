"""What a learner sees on a real terminal at 60 and 120 columns: a whole lesson answered from
its key (letters as this learner sees them), `reveal`, a whole case with `story` and `repeat`,
and a timed quiz whose prompt counts down."""
import re

import pexpect
import pytest

from conftest import key_answer, load_lesson

TIMEOUT = 20
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def words(text):
    """The screen's text without colours, cursor moves or wrapping."""
    return " ".join(ANSI.sub("", text).replace("\r", " ").split())


@pytest.fixture(params=[60, 120], ids=["60-columns", "120-columns"])
def shell(request, nelm_bin, home, sessions):
    columns = request.param

    def start(learner):
        args = ["--learner", learner, "--lessons", "Lessons", "--sessions", str(sessions)]
        child = pexpect.spawn(nelm_bin, args, env=home, encoding="utf-8", timeout=TIMEOUT,
                              dimensions=(30, columns))
        child.expect("nelm> ")
        return child
    return start


def leave(child):
    child.sendcontrol("c")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_a_whole_lesson_answered_right_then_reveal(shell):
    lesson = load_lesson(1)
    child = shell("ines")
    child.send("study 1\r")
    for _ in lesson["pages"]:
        child.expect("nelm 1> ")
        child.send("\r")
    questions = lesson["questions"]
    for index, question in enumerate(questions[:-1]):
        child.expect("answer> ")
        child.send(key_answer("ines", lesson, question) + "\r")
        child.expect(r"Correct\.")
        child.expect(r"Saved\.")
        child.send("\r")
    child.expect("answer> ")
    child.send("reveal\r")  # the last one: the key is shown, explained, not counted known
    child.expect("Lesson complete")
    child.expect("nelm> ")
    screen = words(child.before)
    assert f"{len(questions) - 1}/{len(questions)} questions right" in screen
    assert "Not yet right:" in screen and "`review incorrect`" in screen
    child.send("review incorrect\r")
    child.expect("answer> ")
    assert "Review: 1 item answered wrongly last time." in words(child.before)
    leave(child)


def test_a_whole_case_with_story_and_repeat(shell):
    child = shell("cal")
    child.send("case ileal-single-metastasis\r")
    child.expect("answer> ")
    first = words(child.before)
    assert "Step 1/" in first
    child.send("reveal\r")
    child.expect(r"Counted as not known yet")
    child.send("\r")
    child.expect("answer> ")
    child.send("story\r")
    child.expect("answer> ")
    story = words(child.before)
    assert "Step 2/" in story
    child.send("repeat\r")
    child.expect("answer> ")
    assert "Step 2/" in words(child.before)
    while True:
        child.send("reveal\r")
        index = child.expect([r"Case complete", r"\[Enter\] next"])
        if index == 0:
            break
        child.send("\r")
        child.expect("answer> ")
    child.expect("nelm> ")
    assert "steps right" in words(child.before)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_a_timed_quiz_counts_down_and_says_case_n_of_m(shell):
    child = shell("tim")
    child.send("quiz --cases 2 --timed\r")
    child.expect(r"answer \((\d+) s left\)> ")
    assert 50 <= int(child.match.group(1)) <= 60
    screen = words(child.before)
    assert "case 1 of 2" in screen and "60 s a step" in screen
    child.send("reveal\r")
    child.expect(r"\[Enter\] next")
    child.send("\r")
    child.expect(r"answer \(\d+ s left\)> ")
    assert "case 1 of 2" in words(child.before)
    child.sendcontrol("c")  # pauses the quiz
    child.expect("nelm> ")
    child.send("quiz --cases 3\r")  # another quiz: asked first
    child.expect("You have a quiz paused")
    child.send("no\r")
    child.expect("Your paused quiz is kept")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
