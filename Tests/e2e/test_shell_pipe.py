"""The shell driven through a pipe, as scripts use it: no prompts, no colour, exit 1 on the
first error, and every answer in the session file."""
import json
import os
import subprocess
import time

from conftest import load_lesson, run_piped, shown_letter
from test_session_schema import validate_answer_log, validate_session_file


def wrong_choice(question):
    """An option id that is not the key (for single and true/false questions)."""
    return next(o["id"] for o in question["options"] if o["id"] not in question["key"])


def test_a_piped_script_studies_a_lesson_and_every_answer_is_saved(nelm_bin, home, sessions):
    lesson = load_lesson(1)
    questions = lesson["questions"]
    lines = ["lessons", "study 1"] + [""] * (len(lesson["pages"]) - 1) + ["next"]
    expected = []
    for index, question in enumerate(questions):
        # Every third answer is deliberately wrong; multiple-answer ones drop a key.
        right = index % 3 != 2
        if right:
            response = sorted(question["key"])
        elif question["kind"] == "multiple" and len(question["key"]) > 1:
            response = sorted(question["key"])[1:]
        elif question["kind"] == "multiple":
            response = sorted(question["key"] + [wrong_choice(question)])
        else:
            response = [wrong_choice(question)]
        expected.append((f"{lesson['id']}/{question['id']}", response, right))
        # Options are shown shuffled per learner: type the letters "ana" sees.
        lines.append(" ".join(sorted(shown_letter("ana", lesson, question, i) for i in response)))
        if index < len(questions) - 1:
            lines.append("")
    lines += ["lessons", "quit"]
    result = run_piped(nelm_bin, home, "\n".join(lines) + "\n",
                       "--learner", "ana", "--lessons", "Lessons", "--sessions", str(sessions))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "\x1b[" not in out, "no colour when stdout is not a terminal"
    assert "nelm>" not in out and "answer>" not in out, "no prompts on a pipe"
    verdicts = [l for l in out.splitlines() if l == "Correct." or l.startswith("Not quite")]
    assert verdicts == ["Correct." if right else verdicts[i] for i, (_, _, right) in
                        enumerate(expected)]
    assert all(v.startswith("Not quite") for v, (_, _, r) in zip(verdicts, expected) if not r)
    assert "Lesson complete" in out
    assert "██████████ 100%" in out

    path = sessions / "ana.json"
    validate_session_file(path)
    data = json.loads(path.read_text())
    assert data["learner"] == "ana"
    assert data["lessons"][lesson["id"]]["completed"] is True
    answers = validate_answer_log(sessions / "ana.answers.jsonl")
    got = [(a["item"], a["response"], a["correct"]) for a in answers]
    assert got == expected
    assert all(a["durationMs"] >= 0 and a["hintsUsed"] == 0 for a in answers)
    assert data["answerCount"] == len(expected)
    for item, response, right in expected:
        assert data["items"][item]["last"]["response"] == response
        assert data["items"][item]["correctCount"] == (1 if right else 0)


def test_study_resumes_where_the_learner_left_off(nelm_bin, home, sessions):
    lesson = load_lesson(1)
    args = ["--learner", "bo", "--lessons", "Lessons", "--sessions", str(sessions)]
    first = run_piped(nelm_bin, home, "study 1\n\n\nquit\n", *args)
    assert first.returncode == 0, first.stderr.decode()
    second = run_piped(nelm_bin, home, "study\nquit\n", *args)
    assert second.returncode == 0, second.stderr.decode()
    third_page = lesson["pages"][2]["title"]
    assert f"{third_page} (page 3/{len(lesson['pages'])})" in second.stdout.decode()


def test_end_of_input_saves_the_last_answer(nelm_bin, home, sessions):
    lesson = load_lesson(1)
    question = lesson["questions"][0]
    script = "study 1\n" + "\n" * len(lesson["pages"]) + " ".join(question["key"]) + "\n"
    result = run_piped(nelm_bin, home, script,
                       "--learner", "cy", "--lessons", "Lessons", "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr.decode()
    assert "See you soon, cy." in result.stderr.decode()
    answers = validate_answer_log(sessions / "cy.answers.jsonl")
    assert [a["item"] for a in answers] == [f"{lesson['id']}/{question['id']}"]


def test_the_first_error_stops_a_script_with_status_1(nelm_bin, home, sessions):
    result = run_piped(nelm_bin, home, "lessons\nlesons\nlessons\n",
                       "--learner", "di", "--lessons", "Lessons", "--sessions", str(sessions))
    assert result.returncode == 1
    assert "Unknown command 'lesons'. Did you mean `lessons`?" in result.stderr.decode()
    assert result.stdout.decode().count("NETs and their liver metastases") == 1


def test_an_option_that_does_not_exist_is_an_error(nelm_bin, home, sessions):
    lesson = load_lesson(1)
    script = "study 1\n" + "\n" * len(lesson["pages"]) + "z\n"
    result = run_piped(nelm_bin, home, script,
                       "--learner", "ed", "--lessons", "Lessons", "--sessions", str(sessions))
    assert result.returncode == 1
    assert "'z' is not an option here" in result.stderr.decode()


def test_bad_learner_names_are_refused(nelm_bin, home, sessions):
    for name in ["a\u202eb", "   ", "a\x01b", "x" * 65]:
        result = run_piped(nelm_bin, home, "quit\n",
                           "--learner", name, "--lessons", "Lessons", "--sessions", str(sessions))
        assert result.returncode == 64, name
        assert "is not allowed" in result.stderr.decode(), name
    assert not sessions.exists() or not any(sessions.iterdir())


def test_a_name_that_looks_like_a_path_is_only_a_name(nelm_bin, home, sessions):
    # Any display name is allowed; its files get a derived, safe name inside the folder.
    for name in ["../evil", ".hidden", "a/b"]:
        result = run_piped(nelm_bin, home, "study 1\nquit\n", "--learner", name,
                           "--lessons", "Lessons", "--sessions", str(sessions))
        assert result.returncode == 0, result.stderr
        assert f"See you soon, {name}." in result.stderr.decode()
    assert not (sessions.parent / "evil.json").exists()
    names = [path.name for path in sessions.iterdir()]
    assert names and all(not n.startswith(".") and "/" not in n for n in names), names


def test_without_a_learner_a_script_is_told_how_to_name_one(nelm_bin, home, sessions):
    result = run_piped(nelm_bin, home, "quit\n", "--lessons", "Lessons",
                       "--sessions", str(sessions))
    assert result.returncode == 64
    assert "--learner NAME" in result.stderr.decode()


def test_the_environment_names_learner_and_folders(nelm_bin, home, sessions):
    env = dict(home, NELM_LEARNER="fay", NELM_SESSIONS=str(sessions), NELM_LESSONS="Lessons")
    result = run_piped(nelm_bin, env, "study 1\nquit\n")
    assert result.returncode == 0, result.stderr.decode()
    assert (sessions / "fay.json").exists()


def test_a_second_shell_on_the_same_learner_is_refused(nelm_bin, home, sessions):
    args = [nelm_bin, "--learner", "gus", "--lessons", "Lessons", "--sessions", str(sessions)]
    first = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=home)
    try:
        first.stdin.write(b"study 1\n")
        first.stdin.flush()
        deadline = time.time() + 10
        while not (sessions / "gus.json").exists() and time.time() < deadline:
            time.sleep(0.05)
        second = run_piped(nelm_bin, home, "study 1\n\nquit\n", *args[1:])
        assert second.returncode == 1
        assert "another nelm" in second.stderr.decode()
    finally:
        out, _ = first.communicate(b"\nquit\n", timeout=10)
    assert first.returncode == 0
    data = json.loads((sessions / "gus.json").read_text())
    assert data["lessons"]["nets-and-liver-metastases"]["position"] == 1


def test_a_corrupt_session_file_is_kept_and_reported(nelm_bin, home, sessions):
    sessions.mkdir()
    path = sessions / "hal.json"
    path.write_bytes(b'{"schemaVersion": 1, "learner": "hal", "answers": [')
    before = path.read_bytes()
    result = run_piped(nelm_bin, home, "lessons\nquit\n",
                       "--learner", "hal", "--lessons", "Lessons", "--sessions", str(sessions))
    assert result.returncode == 1
    assert "hal.json" in result.stderr.decode()
    assert path.read_bytes() == before


def test_a_broken_course_is_reported_with_file_and_line(nelm_bin, home, sessions, tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    (course / "bad.yaml").write_text("id: x\ntitle: [unclosed\n")
    result = run_piped(nelm_bin, home, "quit\n",
                       "--learner", "ivy", "--lessons", str(course), "--sessions", str(sessions))
    assert result.returncode == 2
    assert "bad.yaml:" in result.stderr.decode()


def test_help_describes_the_options(nelm_bin, home):
    result = subprocess.run([nelm_bin, "--help"], capture_output=True, env=home, timeout=10)
    out = result.stdout.decode()
    assert result.returncode == 0
    for option in ["--learner", "--lessons", "--sessions", "lint", "solve"]:
        assert option in out
    assert "not clinical decision support" in out


def test_install_puts_binary_and_course_where_nelm_finds_them(nelm_bin, home, tmp_path):
    prefix = tmp_path / "prefix"
    (prefix / "bin").mkdir(parents=True)
    (prefix / "share" / "nelm" / "Lessons" / "cases").mkdir(parents=True)
    os.symlink(nelm_bin, prefix / "bin" / "nelm")
    # As `make install` does: the lessons and the cases, which the references file also covers
    # (a reference cited only by a case is still cited).
    course = load_lesson.__globals__["LESSONS"]
    for path in [*course.glob("*.yaml"), *(course / "cases").glob("*.yaml")]:
        (prefix / "share" / "nelm" / "Lessons" / path.relative_to(course)).write_bytes(
            path.read_bytes())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run([str(prefix / "bin" / "nelm"), "--learner", "jo"],
                            input=b"lessons\nquit\n", capture_output=True, env=home,
                            cwd=elsewhere, timeout=30)
    assert result.returncode == 0, result.stderr.decode()
    assert "NETs and their liver metastases" in result.stdout.decode()


def test_the_algorithm_walk_ends_with_the_engine_result(nelm_bin, home, sessions):
    # A 61-year-old with a pancreatic NET G2 in place, a syndrome, and debulkable
    # dominant-with-satellites metastases: ALGORITHM.md gives D7 (CRR ± RFA). The facts come
    # in v3's order (contraindications and the syndrome before histology), and the SSA is
    # asked last because it changes the alternatives to CRR.
    answers = ["61", "pancreas", "in_situ", "N1", "none", "yes", "well", "12", "1", "none",
               "positive", "no", "8", "yes", "dominant_with_satellites", "30", "debulkable",
               "no"]
    script = "algorithm\n" + "\n".join(answers) + "\nquit\n"
    result = run_piped(nelm_bin, home, script, "--learner", "wal", "--lessons", "Lessons",
                       "--sessions", str(sessions))
    out = " ".join(result.stdout.decode().split())  # wrapping does not matter here
    assert result.returncode == 0, result.stderr.decode()
    assert "reconstruction of the review's Figure 3" in out
    assert "Already on a somatostatin analogue" in out
    assert "Decision: cytoreductive resection (CRR) ± RFA" in out
    assert "rule: D7" not in out and "(its branches as under D5)" not in out
    assert "age over 55 (relative)" in out


def test_a_bad_fact_in_the_walk_stops_a_script(nelm_bin, home, sessions):
    result = run_piped(nelm_bin, home, "algorithm\nold\n", "--learner", "wal2",
                       "--lessons", "Lessons", "--sessions", str(sessions))
    assert result.returncode == 1
    assert "Give a whole number 0–120." in result.stderr.decode()
