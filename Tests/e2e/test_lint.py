"""End-to-end tests of `nelm lint`: the built binary on lesson folders made for each test."""
import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
NELM = os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm"))

GOOD_LESSON = """\
id: intro
title: Introduction
order: 1
summary: Where the liver metastases come from.
objectives:
  - Say where they come from.
source: Frilling et al., HPB 2010
pages:
  - title: Origins
    text: Most come from the small bowel or the pancreas.
    source: Frilling et al., HPB 2010
questions:
  - id: origin
    kind: truefalse
    stem: Most come from the small bowel or the pancreas.
    options:
      - id: a
        text: True
        explanation: That is what the review says.
      - id: b
        text: False
        explanation: It would be false for the lung.
    key: a
    explanation: Small bowel and pancreas are the usual primaries.
    source: Frilling et al., HPB 2010
    tags: []
    difficulty: 1
"""


def lint(*args, cwd, env_extra=None):
    if not os.access(NELM, os.X_OK):
        pytest.fail(f"{NELM} is not built; run `swift build` first")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    env.update(env_extra or {})
    return subprocess.run(
        [NELM, "lint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text)


def test_good_folder_exits_0_with_a_summary(tmp_path):
    write(tmp_path / "course", "01-intro.yaml", GOOD_LESSON)
    result = lint("course", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == "course: 1 lesson, 1 question, no problems\n"


def test_broken_folder_prints_each_problem_and_exits_1(tmp_path):
    folder = tmp_path / "course"
    # Line 3 column 8 is the value of `order`; line 9 column 5 the misspelt page key.
    write(folder, "01-intro.yaml", GOOD_LESSON.replace("order: 1", "order: one").replace(
        "  - title: Origins", "  - titel: Origins\n    title: Origins"))
    # The same lesson again, without the extra line: its id and its question id are used twice.
    write(folder, "02-again.yml", GOOD_LESSON.replace("order: 1", "order: 2"))
    result = lint("course/", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "course/01-intro.yaml:3:8: 'order' must be an integer",
        "course/01-intro.yaml:9:5: unknown key 'titel' in page; "
        "expected one of: title, text, source, cloze",
        "course/02-again.yml:1:5: lesson id 'intro' is already used at course/01-intro.yaml:1:5",
        "course/02-again.yml:13:9: question id 'origin' is already used at "
        "course/01-intro.yaml:14:9",
    ]
    assert result.stderr == "4 errors in 2 files\n"


def test_yaml_syntax_error_has_the_parser_position(tmp_path):
    write(tmp_path / "course", "01-intro.yaml", GOOD_LESSON.replace(
        "title: Introduction", "title: Introduction: a colon"))
    result = lint("course", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "course/01-intro.yaml:2:20: invalid YAML: mapping values are not allowed in this context\n"
    )


def test_folder_defaults_to_nelm_lessons_then_lessons(tmp_path):
    write(tmp_path / "Lessons", "01-intro.yaml", GOOD_LESSON)
    write(tmp_path / "elsewhere", "01-intro.yaml", GOOD_LESSON.replace("order: 1", "order: x"))
    assert lint(cwd=tmp_path).stderr == "Lessons: 1 lesson, 1 question, no problems\n"
    result = lint(cwd=tmp_path, env_extra={"NELM_LESSONS": "elsewhere"})
    assert result.returncode == 1
    assert result.stdout == "elsewhere/01-intro.yaml:3:8: 'order' must be an integer\n"


def test_missing_folder_is_bad_input_with_a_message(tmp_path):
    result = lint("no-such-folder", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "nelm lint: no-such-folder: no such directory\n"


def test_the_course_in_the_repo_lints_clean():
    result = lint("Lessons", cwd=REPO)
    assert result.returncode == 0, result.stdout
    assert result.stderr.endswith("no problems\n")


def lesson_with_checks(checks, order=1, lesson_id="intro"):
    """GOOD_LESSON's header with the given questions (each a YAML block) instead of its own."""
    head = GOOD_LESSON.split("questions:\n")[0].replace("order: 1", f"order: {order}")
    head = head.replace("id: intro", f"id: {lesson_id}")
    return head + "questions:\n" + "".join(checks)


def single_check(qid, key, stem="Which grade has Ki-67 12 %?"):
    options = "".join(
        f"      - id: {letter}\n        text: G{n}\n        explanation: Why G{n}.\n"
        for n, letter in enumerate("abcd", start=1))
    return (f"  - id: {qid}\n    kind: single\n    stem: {stem}\n    options:\n{options}"
            f"    key: {key}\n    explanation: Ki-67 3-20 % is G2.\n"
            "    source: Frilling A et al., HPB 2010\n    tags: []\n    difficulty: 1\n")


def test_keys_piled_on_one_letter_fail_the_lint_and_json_counts_them(tmp_path):
    keys = "aaaaabbccd"  # 5 of 10 at "a": over 40 %
    write(tmp_path / "course", "01-intro.yaml",
          lesson_with_checks([single_check(f"q{i}", k) for i, k in enumerate(keys)]))
    result = lint("course", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "course: 5 of 10 single-answer lesson checks have their key at option a (at most 40 %): "
        "move some keys to other positions\n")
    assert result.stderr == "1 error in the course as a whole\n"
    report = json.loads(lint("--json", "course", cwd=tmp_path).stdout)
    assert report["keyPositions"] == {"lessons": {"a": 5, "b": 2, "c": 2, "d": 1}, "cases": {}}
    assert report["trueFalse"] == {"true": 0, "false": 0}
    assert report["toolMentions"] == 0
    # Moving one key from "a" to "d" brings it within bounds.
    write(tmp_path / "course", "01-intro.yaml",
          lesson_with_checks([single_check(f"q{i}", k) for i, k in enumerate("aaaadbbccd")]))
    assert lint("course", cwd=tmp_path).returncode == 0


def test_a_check_about_the_tool_is_reported_at_its_id(tmp_path):
    write(tmp_path / "course", "01-intro.yaml", lesson_with_checks([
        single_check("clinical", "b"),
        single_check("tool", "c", stem="Which rule (D7 or D8) does the engine apply?"),
    ]))
    result = lint("course", cwd=tmp_path)
    assert result.returncode == 1
    line = next(n for n, text in enumerate(
        (tmp_path / "course" / "01-intro.yaml").read_text().splitlines(), start=1)
        if text == "  - id: tool")
    assert result.stdout == (
        f"course/01-intro.yaml:{line}:9: question 'tool' examines the tool, not the medicine "
        "(“D7”, “D8”, “engine”): ask it in clinical words\n")
    assert result.stderr == "1 error in 1 file\n"


REFERENCES = """\
references:
  - cite: Frilling A et al., HPB 2010
    full: Frilling A, Sotiropoulos GC, Li J, Kornasiewicz O, Plöckinger U. Multimodal management of neuroendocrine liver metastases. HPB (Oxford) 2010;12:361-379.
    link: https://pubmed.ncbi.nlm.nih.gov/20662787/
"""


def test_a_references_file_gives_every_paper_one_spelling(tmp_path):
    course = tmp_path / "course"
    write(course, "references.yaml", REFERENCES)
    # GOOD_LESSON cites "Frilling et al., HPB 2010" (no initial) three times.
    write(course, "01-intro.yaml", GOOD_LESSON)
    result = lint("course", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "course/01-intro.yaml:7:9: 'Frilling et al., HPB 2010' is not in the references file: "
        "name a paper by its 'cite' there, optionally followed by a locator in parentheses; "
        "did you mean 'Frilling A et al., HPB 2010'?")
    # … and the listed paper is cited by no source.
    assert result.stderr == "4 errors in 2 files\n"
    # Written as listed, with or without a locator, it lints clean and is listed once.
    lesson = GOOD_LESSON.replace("source: Frilling et al., HPB 2010",
                                 "source: Frilling A et al., HPB 2010 (abstract)", 1)
    write(course, "01-intro.yaml", lesson.replace("Frilling et al.", "Frilling A et al."))
    assert lint("course", cwd=tmp_path).returncode == 0
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    listed = subprocess.run([NELM, "sources", "--lessons", "course"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert listed.stdout.splitlines() == [
        "Frilling A et al., HPB 2010",
        "  Frilling A, Sotiropoulos GC, Li J, Kornasiewicz O, Plöckinger U. Multimodal "
        "management of neuroendocrine liver metastases. HPB (Oxford) 2010;12:361-379.",
        "  https://pubmed.ncbi.nlm.nih.gov/20662787/",
        "  cited by lesson intro, intro page 1, question origin",
    ]
