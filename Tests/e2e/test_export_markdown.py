"""`nelm export markdown`: the recap of a piped session names each question right or wrong,
gives the key, explanation and source of the missed ones, and the outcome of a case step."""
import pathlib
import shutil
import subprocess

import pytest
import yaml

from conftest import LESSONS, key_answer, run_piped, shown_letter


def lesson_one():
    """The lesson `study 1` opens (other YAML files in the folder have no order)."""
    found = [yaml.safe_load(path.read_text()) for path in sorted(LESSONS.glob("*.y*ml"))]
    return min((doc for doc in found if "order" in doc), key=lambda lesson: lesson["order"])


def first_case():
    path = sorted((LESSONS / "cases").glob("*.y*ml"))[0]
    return yaml.safe_load(path.read_text())


def one_line(text):
    return " ".join(line.strip() for line in str(text).splitlines() if line.strip())


def test_the_recap_of_a_piped_session(nelm_bin, home, sessions, tmp_path):
    lesson, case = lesson_one(), first_case()
    questions = lesson["questions"][:3]
    lines = ["study 1"] + [""] * (len(lesson["pages"]) - 1) + ["next"]
    wrong = questions[1]
    wrong_choice = next(o["id"] for o in wrong["options"] if o["id"] not in wrong["key"])
    lines += [key_answer("ana", lesson, questions[0]), "",
              shown_letter("ana", lesson, wrong, wrong_choice), "", "skip"]
    lines += ["menu", f"case {case['id']}", "skip", "quit"]
    result = run_piped(nelm_bin, home, "\n".join(lines) + "\n", "--learner", "ana",
                       "--lessons", str(LESSONS), "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr.decode()

    out = tmp_path / "ana.md"
    export = subprocess.run(
        [nelm_bin, "export", "markdown", str(out), "--learner", "ana", "--lessons", str(LESSONS),
         "--sessions", str(sessions)], capture_output=True, env=home, timeout=60)
    assert export.returncode == 0, export.stderr.decode()
    assert export.stdout.decode() == f"Wrote the recap of ana to {out}.\n"
    text = out.read_text()
    assert text.startswith("# nelm recap: ana\n\n> nelm is a teaching tool built on Frilling et al."
                           ", HPB 2010. It is not clinical decision\n> support:")
    assert f"## Lesson: {lesson['title']}\n\nIn progress; 1 of 3 answered questions right.\n" in text
    assert f"- **Right.** {one_line(questions[0]['stem'])}\n" in text

    def option(question, option_id):
        text = next(o["text"] for o in question["options"] if o["id"] == option_id)
        return one_line(text)  # words only: the learner saw the options in an order of their own

    key = "; ".join(option(wrong, i) for i in sorted(wrong["key"]))
    assert (f"- **Wrong.** {one_line(wrong['stem'])}\n"
            f"  - You answered: {option(wrong, wrong_choice)}\n"
            f"  - Answer: {key}\n"
            f"  - Why: {one_line(wrong['explanation'])}\n"
            f"  - Source: {one_line(wrong['source'])}\n") in text
    assert f"- **Skipped.** {one_line(questions[2]['stem'])}\n" in text
    assert f"## Case: {case['title']}\n\nIn progress: step 2 of " in text
    assert "- **Skipped.** Step 1: " in text
    assert text.endswith("\n") and not text.endswith("\n\n\n")


RECAPS = pathlib.Path(__file__).parent / "fixtures" / "recap"


@pytest.mark.parametrize("learner", ["eva", "mixed"])
def test_a_recap_with_generated_cases_is_unchanged(nelm_bin, home, tmp_path, learner):
    """Recaps pinned byte for byte, as nelm wrote them before the export streamed (5 Dec).
    `eva`: a piped shell's generated cases (one completed, so only in the log; three in the
    session file), then lines added by hand: a step its case does not have, a case id that
    generates nothing, a case started again, and a run of a case with no answer of its own.
    `mixed`: `nelm-bench make-learner DIR mixed 250 Lessons 30`. Both follow the course and the
    case generator: after a change to either, write the goldens again with the same export."""
    folder = tmp_path / learner
    shutil.copytree(RECAPS / learner, folder)
    golden = (RECAPS / f"{learner}.md").read_bytes()
    base = ["--learner", learner, "--lessons", str(LESSONS), "--sessions", str(folder)]
    out = tmp_path / "recap.md"
    written = subprocess.run([nelm_bin, "export", "markdown", str(out), *base],
                             capture_output=True, env=home, timeout=60)
    assert written.returncode == 0, written.stderr.decode()
    assert out.read_bytes() == golden
    piped = subprocess.run([nelm_bin, "export", "markdown", "-", *base],
                           capture_output=True, env=home, timeout=60)
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stdout == golden
