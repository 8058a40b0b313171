"""Line editing on a real pseudo-terminal: Tab completion, history across runs, Ctrl-C and
Ctrl-D, UTF-8 editing, and the name asked once."""
import json

import pexpect
import pytest

from conftest import key_answer, load_lesson
from test_session_schema import validate_answer_log

TIMEOUT = 15


def spawn(nelm_bin, env, *args):
    child = pexpect.spawn(nelm_bin, list(args), env=env, encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(40, 100))
    return child


@pytest.fixture
def shell(nelm_bin, home, sessions):
    def start(learner="ana", extra=()):
        args = ["--lessons", "Lessons", "--sessions", str(sessions), *extra]
        if learner:
            args = ["--learner", learner, *args]
        child = spawn(nelm_bin, home, *args)
        return child
    return start


def test_tab_completes_commands_and_lesson_numbers(shell):
    # libedit redraws with cursor moves, so the proof of a completion is what Enter runs.
    child = shell()
    child.expect("nelm> ")
    child.send("les\t\r")
    child.expect("NETs and their liver metastases")
    child.expect("nelm> ")
    child.send("help stu\t\r")
    child.expect("Open a lesson where you left it")
    child.expect("nelm> ")
    child.send("study \t")  # several choices: they are listed in columns, down then across
    child.expect(r"nets-and-liver-metastases +\S.*\r\ngrading-and-staging +\S")
    child.expect(r"decision-algorithm +4 +8 +12")
    child.send("nets\t\r")
    child.expect(r"\(page 1/")
    child.sendcontrol("d")
    child.expect("See you soon, ana.")
    child.expect(pexpect.EOF)


def test_history_is_recalled_within_and_across_runs(shell, home):
    child = shell()
    child.expect("nelm> ")
    child.send("help study\r")
    child.expect("nelm> ")
    child.send("\x1b[A")  # Up: the previous line comes back for editing
    child.expect("help study")
    child.send("\r")
    child.expect("Open a lesson")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)

    again = shell()
    again.expect("nelm> ")
    again.send("\x1b[A\r")
    again.expect("Open a lesson")
    again.sendcontrol("d")
    again.expect(pexpect.EOF)
    history = (home["XDG_STATE_HOME"] + "/nelm/history")
    assert "help" in open(history, encoding="utf-8").read()


def test_ctrl_c_cancels_a_question_and_keeps_the_answers(shell, sessions):
    lesson = load_lesson(1)
    question = lesson["questions"][0]
    child = shell()
    child.expect("nelm> ")
    child.send("study 1\r")
    for _ in lesson["pages"]:
        child.expect("nelm 1> ")
        child.send("\r")
    child.expect("answer> ")
    child.send(key_answer("ana", lesson, question) + "\r")
    child.expect("Correct.")
    child.send("\r")
    child.expect("answer> ")
    # Each key waits for the screen, as a person does: the terminal raises SIGINT as soon as
    # Ctrl-C is typed, before the shell has read the text before it, and two SIGINTs that
    # arrive together are one.
    child.send("half-typed")
    child.expect("half-typed")
    child.sendcontrol("c")  # text on the line: Ctrl-C clears it, the question stays
    child.expect_exact("\x1b[K")  # the line editor has erased the text
    child.sendcontrol("c")  # an empty line: Ctrl-C leaves the lesson
    child.expect("Cancelled")
    child.expect("nelm> ")
    child.send("lessons\r")  # the cancelled line is gone, the shell still works
    child.expect("NETs and their liver metastases")
    child.expect("nelm> ")
    child.send("stray")
    child.expect("stray")
    child.sendcontrol("c")  # at the main prompt Ctrl-C only clears the line
    child.send("lessons\r")  # so this line is `lessons`, not `straylessons`
    child.expect("NETs and their liver metastases")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect("See you soon")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    answers = validate_answer_log(sessions / "ana.answers.jsonl")
    assert [a["correct"] for a in answers] == [True]


def test_utf8_input_is_edited_by_character(shell):
    child = shell()
    child.expect("nelm> ")
    # Type "hé≥µ", move left over "≥µ", delete "é" with Backspace: "h≥µ" remains.
    child.send("help hé≥µ")
    child.send("\x1b[D\x1b[D\x7f")
    child.send("\r")
    child.expect("Unknown command 'h≥µ'")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_the_name_is_asked_once_and_remembered(shell, sessions):
    child = shell(learner=None)
    child.expect("Your name: ")
    child.send("   \r")  # any display name is allowed ("Sam Resident"), but not none
    child.expect("is not allowed")
    child.expect("Your name: ")
    child.send("kim\r")
    child.expect("Welcome, kim.")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)

    again = shell(learner=None)
    again.expect("nelm> ")
    assert "Your name" not in again.before and "kim" in again.before
    again.sendcontrol("d")
    again.expect(pexpect.EOF)


def test_a_corrupt_file_is_set_aside_only_when_the_learner_agrees(shell, sessions):
    sessions.mkdir()
    path = sessions / "ana.json"
    path.write_text("not json")
    child = shell()
    child.expect("ana.json")
    child.expect(r"\[y/N\] ")
    child.send("n\r")
    child.expect(pexpect.EOF)
    assert path.read_text() == "not json"

    child = shell()
    child.expect(r"\[y/N\] ")
    child.send("y\r")
    child.expect("kept as")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    kept = [p for p in sessions.iterdir() if p.name.startswith("ana.json.corrupt-")]
    assert len(kept) == 1 and kept[0].read_text() == "not json"


def test_colour_is_used_on_a_terminal_unless_no_color(nelm_bin, home, sessions):
    args = ["--learner", "lu", "--lessons", "Lessons", "--sessions", str(sessions)]
    child = spawn(nelm_bin, home, *args)
    child.expect("nelm> ")
    child.send("lessons\r")
    child.expect("nelm> ")
    assert "\x1b[" in child.before
    child.sendcontrol("d")
    child.expect(pexpect.EOF)

    plain = spawn(nelm_bin, dict(home, NO_COLOR="1"), *args)
    plain.expect("nelm> ")
    plain.send("lessons\r")
    plain.expect("nelm> ")
    assert "\x1b[3" not in plain.before and "\x1b[1m" not in plain.before
    plain.sendcontrol("d")
    plain.expect(pexpect.EOF)


def _add_reviews(path, dues, **change):
    """Gives the first questions of lesson 1 review states due at `dues`, written as nelm
    writes them (so opening reads them without the decoder); `change` edits the first."""
    data = json.loads(path.read_text())
    lesson = load_lesson(1)
    ids = [f"{lesson['id']}/{question['id']}" for question in lesson["questions"]]
    for item, due in zip(ids, dues):
        data["items"][item] = {
            "attempts": 1, "correctCount": 1,
            "review": {"difficulty": 5.0, "due": due, "lapses": 0,
                       "lastReview": "2024-01-01T00:00:00.000Z", "phase": "review",
                       "reps": 1, "stability": 3.0}}
    data["items"][ids[0]]["review"].update(change)
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    return ids


def _first_run(shell):
    child = shell()
    child.expect("nelm> ")
    child.send("study 1\r")
    child.expect("nelm 1> ")
    child.send("\r")
    child.expect("nelm 1> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_the_greeting_counts_the_items_due(shell, sessions):
    _first_run(shell)
    past, future = "2024-01-02T00:00:00.000Z", "2999-01-01T00:00:00.000Z"
    _add_reviews(sessions / "ana.json", [past, future, past, past, future])
    child = shell()
    child.expect("Welcome back, ana")
    child.expect(r"3 items are due for review")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_a_bad_item_in_a_tidy_file_is_refused_before_the_prompt(shell, sessions):
    _first_run(shell)
    path = sessions / "ana.json"
    ids = _add_reviews(path, ["2024-01-02T00:00:00.000Z"] * 2, difficulty=11.0)
    before = path.read_bytes()
    child = shell()
    child.expect(f"items.{ids[0]}.review.difficulty: 11.0 is outside 1-10")
    child.expect(r"\[y/N\] ")
    child.send("n\r")
    child.expect("Nothing changed")
    child.expect(pexpect.EOF)
    assert path.read_bytes() == before
