"""Cases and quizzes driven through a pipe, answered from the engine's own key as `nelm case
show --json` prints it; every step must be saved with its outcome."""
import json
import subprocess

from conftest import option_order, run_piped
from test_session_schema import validate_answer_log, validate_session_file

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def show(nelm_bin, env, case_id):
    result = subprocess.run([nelm_bin, "case", "show", case_id, "--json", "--lessons", "Lessons"],
                            capture_output=True, env=env, timeout=30)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def letters(step, ids, learner, case_id):
    """What `learner` types to choose `ids` at `step`: the choices are shuffled per learner and
    step (see conftest.option_order)."""
    authored = [option["id"] for option in step["options"]]
    order = option_order(learner, f"case/{case_id}/{step['id']}", len(authored))
    shown = [authored[i] for i in order]
    return " ".join(sorted(LETTERS[shown.index(i)] for i in ids)) or "none"


def wrong_choice(step):
    """One option that is neither the key nor an accepted alternative."""
    for option in step["options"]:
        if option["id"] not in step["key"] + step.get("acceptable", []):
            return [option["id"]]
    return []


def test_a_case_answered_from_its_key_is_all_right_and_saved(nelm_bin, home, sessions):
    case = show(nelm_bin, home, "rectal-primary-transplant")
    lines = ["case rectal-primary-transplant"]
    expected = []
    for index, step in enumerate(case["steps"]):
        # Step 2 is answered wrongly on purpose, the rest from the engine's key.
        ids = wrong_choice(step) if index == 1 and wrong_choice(step) else step["key"]
        outcome = "wrong" if ids != step["key"] else "correct"
        if step["kind"] in ("milan_failures", "adjuncts") and ids == step["key"]:
            outcome = "correct"
        expected.append((f"case/{case['id']}/{step['id']}", sorted(ids), outcome))
        lines += [letters(step, ids, "cal", case["id"]), ""]
    result = run_piped(nelm_bin, home, "\n".join(lines) + "\nquit\n", "--learner", "cal",
                       "--lessons", "Lessons", "--sessions", str(sessions))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "Case complete" in out
    answers = validate_answer_log(sessions / "cal.answers.jsonl")
    assert [(a["item"], a["response"], a["outcome"]) for a in answers] == expected
    data = validate_session_file(sessions / "cal.json")
    progress = data["cases"][case["id"]]
    assert progress["completed"] is True
    assert progress["position"] == len(case["steps"])


def test_an_accepted_alternative_is_recorded_as_acceptable(nelm_bin, home, sessions):
    case = show(nelm_bin, home, "rectal-primary-transplant")
    step = next(s for s in case["steps"] if s["acceptable"])
    index = case["steps"].index(step)
    lines = (["case rectal-primary-transplant"] + ["skip", ""] * index
             + [letters(step, step["acceptable"][:1], "acc", case["id"])])
    result = run_piped(nelm_bin, home, "\n".join(lines) + "\nquit\n", "--learner", "acc",
                       "--lessons", "Lessons", "--sessions", str(sessions))
    assert result.returncode == 0, result.stderr.decode()
    assert "Acceptable:" in result.stdout.decode()
    answers = validate_answer_log(sessions / "acc.answers.jsonl")
    assert answers[-1]["outcome"] == "acceptable" and answers[-1]["correct"] is True


def test_a_case_left_halfway_resumes_at_the_next_unanswered_step(nelm_bin, home, sessions):
    case = show(nelm_bin, home, "ileal-single-metastasis")
    first = case["steps"][0]
    args = ["--learner", "res", "--lessons", "Lessons", "--sessions", str(sessions)]
    # End of input in the middle of the case (as Ctrl-D would) after one answer.
    answer = letters(first, first["key"], "res", case["id"])
    result = run_piped(nelm_bin, home, f"case {case['id']}\n{answer}\n", *args)
    assert result.returncode == 0, result.stderr.decode()
    again = run_piped(nelm_bin, home, "case\nquit\n", *args)
    out = again.stdout.decode()
    assert f"Resuming at step 2 of {len(case['steps'])}; the story so far:" in out
    assert f"Step 2/{len(case['steps'])}" in out


def test_a_quiz_runs_its_cases_and_ends_with_a_summary(nelm_bin, home, sessions):
    args = ["--learner", "qz", "--lessons", "Lessons", "--sessions", str(sessions)]
    # A new learner's quiz takes the authored cases on the topic first, in id order.
    listed = subprocess.run([nelm_bin, "case", "list", "--json", "--lessons", "Lessons"],
                            capture_output=True, env=home, timeout=30)
    on_topic = sorted(c["id"] for c in json.loads(listed.stdout) if "transplant" in c["tags"])[:2]
    steps = sum(len(show(nelm_bin, home, case_id)["steps"]) for case_id in on_topic)
    # Every step skipped: the summary must count them all as not right.
    # `skip` shows the answer; Enter goes on.
    script = "quiz --cases 2 --topic transplant\n" + "skip\n\n" * steps + "quit\n"
    result = run_piped(nelm_bin, home, script, *args)
    out = " ".join(result.stdout.decode().split())  # wrapping does not matter here
    assert result.returncode == 0, result.stderr.decode()
    assert "Quiz: 2 cases on transplant." in out
    assert "Quiz summary" in out
    assert f"Score: 0/{steps} steps right" in out
    assert "Revisit: " + ", ".join(f"`case {c}`" for c in on_topic) in out
    data = validate_session_file(sessions / "qz.json")
    assert "quiz" not in data
    answers = validate_answer_log(sessions / "qz.answers.jsonl")
    assert answers and all(a["outcome"] == "skipped" for a in answers)


def test_a_quiz_left_halfway_resumes(nelm_bin, home, sessions):
    args = ["--learner", "qr", "--lessons", "Lessons", "--sessions", str(sessions)]
    first = run_piped(nelm_bin, home, "quiz --cases 2\nskip\n", *args)
    assert first.returncode == 0, first.stderr.decode()
    data = validate_session_file(sessions / "qr.json")
    assert len(data["quiz"]["cases"]) == 2
    again = run_piped(nelm_bin, home, "quiz\nquit\n", *args)
    assert "Resuming your quiz: case 1 of 2." in again.stdout.decode()
    assert "Resuming at step 2" in again.stdout.decode()


def test_generated_cases_are_the_same_for_the_same_seed(nelm_bin, home, sessions):
    a = show(nelm_bin, home, "random:7")
    b = show(nelm_bin, home, "random:7")
    assert a == b and a["steps"]
    args = ["--learner", "gen", "--lessons", "Lessons", "--sessions", str(sessions)]
    lines = ["case random --seed 7"]
    for step in a["steps"]:
        lines += [letters(step, step["key"], "gen", a["id"]), ""]
    result = run_piped(nelm_bin, home, "\n".join(lines) + "\nquit\n", *args)
    assert result.returncode == 0, result.stderr.decode()
    answers = validate_answer_log(sessions / "gen.answers.jsonl")
    assert [a["outcome"] for a in answers] == ["correct"] * len(a["steps"])
