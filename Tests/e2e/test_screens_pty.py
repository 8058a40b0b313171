"""Screens on a real pseudo-terminal: the width read at every screen (a resize mid-question),
tables at 60 and 120 columns, long output through the pager (straight through a pipe), and
no engine id on any screen a learner reads."""
import re

import pexpect
import pytest

from conftest import run_piped

TIMEOUT = 20
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r")
# What a learner never types and must never read (as Tests/TutorTests/LeakedIdentifiers.swift):
# snake_case values, camelCase fact names, dotted fact paths, rule codes opening a line.
IDS = re.compile(
    r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b(?:onSSA|fitForSurgery|stableMonths|sizeCm|involvementPercent)\b"
    r"|\b(?:pathology|primary|liver)\.[a-z][A-Za-z0-9]*\b|(?:^|•)\s*[DNS][0-9]+[a-z]?:", re.M)


def plain(text):
    return ANSI.sub("", text)


@pytest.fixture
def shell(nelm_bin, home, sessions):
    def start(columns=100, env=None):
        args = ["--learner", "ana", "--lessons", "Lessons", "--sessions", str(sessions)]
        merged = dict(home, NO_COLOR="1", PAGER="cat")
        merged.update(env or {})
        return pexpect.spawn(nelm_bin, args, env=merged, encoding="utf-8", timeout=TIMEOUT,
                             dimensions=(40, columns))
    return start


def screen(child, command, until="nelm> "):
    """Sends `command` and returns what nelm printed up to the next prompt, plain."""
    child.sendline(command)
    child.expect(until)
    return plain(child.before)


def lines_of(text):
    return [line for line in text.split("\n")[1:] if line.strip()]


@pytest.mark.parametrize("columns", [60, 120])
def test_lessons_and_progress_fit_the_terminal(shell, columns):
    child = shell(columns)
    child.expect("nelm> ")
    for command in ["lessons", "progress"]:
        shown = lines_of(screen(child, command))
        assert shown and all(len(line) <= columns for line in shown), shown
    lessons = screen(child, "lessons")
    title = "Clinical picture: syndromes, heart and biomarkers"
    assert (title in lessons) == (columns == 120)
    if columns == 60:
        assert re.search(r"Clinical picture: synd\S*…", lessons), lessons
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_a_resize_mid_question_lays_out_the_feedback_for_the_new_width(shell):
    child = shell(120)
    child.expect("nelm> ")
    opened = screen(child, "case jejunal-bone-metastases-prrt", until="answer> ")
    assert any(len(line) > 60 for line in lines_of(opened))
    child.setwinsize(40, 60)  # SIGWINCH while the question waits
    feedback = screen(child, "a", until="nelm 1> |case> |> ")
    shown = lines_of(feedback)
    assert len(shown) > 3 and all(len(line) <= 60 for line in shown), shown
    child.sendcontrol("c")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_long_output_goes_through_the_pager_on_a_terminal(shell, tmp_path):
    paged = tmp_path / "paged.txt"
    child = shell(env={"PAGER": f"cat >> {paged}"})
    child.expect("nelm> ")
    for command in ["help", "glossary", "sources", "case list", "history"]:
        shown = screen(child, command)
        assert "Commands:" not in shown and "DOTATOC" not in shown
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    text = paged.read_text()
    for expected in ["Commands:", "DOTATOC", "references, each with the items that cite it",
                     "`case ID` opens one", "No answers yet."]:
        if expected != "No answers yet.":
            assert expected in text


def test_the_default_pager_is_less_and_q_comes_back_to_the_prompt(nelm_bin, home, sessions):
    env = {k: v for k, v in home.items() if k != "PAGER"}
    child = pexpect.spawn(nelm_bin, ["--learner", "ana", "--lessons", "Lessons", "--sessions",
                                     str(sessions)], env=env, encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(20, 100))
    child.expect("nelm> ")
    child.sendline("sources")  # far longer than 20 rows: less waits for a key
    child.expect(":|\\(END\\)")
    child.send("q")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_a_pipe_gets_long_output_straight_even_with_a_pager_set(nelm_bin, home, sessions,
                                                                 tmp_path):
    paged = tmp_path / "paged.txt"
    env = dict(home, PAGER=f"cat >> {paged}")
    result = run_piped(nelm_bin, env, "help\nglossary\n", "--learner", "ana", "--lessons",
                       "Lessons", "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr
    assert "Commands:" in result.stdout.decode() and "DOTATOC" in result.stdout.decode()
    assert not paged.exists()


def test_no_engine_id_on_any_screen_of_a_session(shell):
    """An authored case with a what-if, a generated case, a quiz, a review of the wrong answers,
    the walk, progress and history: every screen is read for ids."""
    child = shell(100)
    child.expect("nelm> ")
    transcript = ""
    for command in ["case jejunal-bone-metastases-prrt", "case random --seed 7", "quiz --cases 2",
                    "review incorrect"]:
        transcript += screen(child, command, until="answer> ")
        for _ in range(30):
            child.sendline("a")
            index = child.expect(["answer> ", "nelm> ", r"\[Enter\]"])
            transcript += plain(child.before)
            if index == 1:
                break
            if index == 2:
                child.sendline("")
                if child.expect(["answer> ", "nelm> "]) == 1:
                    transcript += plain(child.before)
                    break
                transcript += plain(child.before)
    transcript += screen(child, "algorithm", until="algorithm> ")
    for answer in ["", "", "in situ", "", "portal vein thrombosis"] + [""] * 14:
        child.sendline(answer)
        if child.expect(["algorithm> ", "nelm> "]) == 1:
            transcript += plain(child.before)
            break
        transcript += plain(child.before)
    for command in ["progress", "history 40", "lessons"]:
        transcript += screen(child, command)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    # What the learner typed is echoed; the rest is nelm's.
    leaks = [match.group(0) for match in IDS.finditer(transcript)]
    assert "What if:" in transcript
    assert leaks == [], leaks


@pytest.mark.parametrize("name", ["José", "Sam Resident"])
def test_a_real_name_is_welcomed_and_its_files_have_a_safe_name(shell, sessions, name):
    child = shell(env={})
    child.kill(9)
    child = pexpect.spawn(child.command, ["--lessons", "Lessons", "--sessions", str(sessions)],
                          env=child.env, encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 100))
    child.expect("Your name: ")
    child.sendline(name)
    child.expect(f"Welcome, {name}.")
    child.expect("nelm> ")
    child.sendline("study 1")  # a place in a lesson: the session file is written
    child.expect("nelm 1> ")
    child.sendcontrol("d")
    child.expect(f"See you soon, {name}.")
    child.expect(pexpect.EOF)
    files = [path.name for path in sessions.iterdir()]
    assert any(f.endswith(".json") for f in files), files
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", f) and not f.startswith(".") for f in files)


@pytest.mark.parametrize("columns", [60, 120])
def test_a_whole_lesson_fits_the_terminal_and_shows_no_engine_id(shell, columns):
    child = shell(columns)
    child.expect("nelm> ")
    transcript = screen(child, "study 2", until="nelm 2> |answer> ")
    for _ in range(80):
        child.sendline("a" if child.after == "answer> " else "")
        index = child.expect(["nelm 2> ", "answer> ", "nelm> "])
        transcript += plain(child.before)
        if index == 2:
            break
    assert "Lesson complete" in transcript
    shown = lines_of(transcript)
    # A word longer than the line (a link) may stand alone; nothing else passes the edge.
    assert all(len(line) <= columns or " " not in line.strip() for line in shown), \
        [line for line in shown if len(line) > columns]
    assert [m.group(0) for m in IDS.finditer(transcript)] == []
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
