"""The real course, counted: `nelm lint --json Lessons` must be clean and the course the size
the project promises. The per-lesson checks read the YAML directly, so they do not trust the
binary's own counting."""
import json
import os
import pathlib
import subprocess

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
LESSONS = REPO / "Lessons"
GLOSSARY_NAMES = {"glossary.yaml", "glossary.yml"}
# The references file sits beside the lessons but is not a lesson either.
NOT_LESSONS = GLOSSARY_NAMES | {"references.yaml", "references.yml"}


def nelm():
    path = os.path.abspath(os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm")))
    if not os.access(path, os.X_OK):
        pytest.fail(f"{path} is not built; run `swift build` first")
    return path


@pytest.fixture(scope="module")
def counts():
    result = subprocess.run([nelm(), "lint", "--json", str(LESSONS)], capture_output=True,
                            text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    report = json.loads(result.stdout)
    report["exit"] = result.returncode
    return report


def lessons():
    return [yaml.safe_load(path.read_text()) for path in sorted(LESSONS.glob("*.y*ml"))
            if path.name not in NOT_LESSONS]


def cases():
    return [yaml.safe_load(path.read_text()) for path in sorted((LESSONS / "cases").glob("*.y*ml"))]


def test_the_course_lints_clean(counts):
    assert counts["problems"] == [], "\n".join(
        f"{p['file']}:{p['line']}:{p['column']}: {p['message']}" for p in counts["problems"])
    assert counts["exit"] == 0


def test_the_json_has_every_count(counts):
    assert list(counts) == ["lessons", "pages", "questions", "cases", "sources", "glossary",
                            "keyPositions", "trueFalse", "toolMentions", "problems", "exit"]
    assert all(isinstance(counts[key], int) for key in list(counts)[:6])


def test_the_key_spread_is_counted_from_the_files(counts):
    """lint's key positions and true/false split agree with a count made here from the YAML."""
    positions, true_false = {}, {"true": 0, "false": 0}
    for lesson in lessons():
        for question in lesson["questions"]:
            key = question["key"] if isinstance(question["key"], list) else [question["key"]]
            if question["kind"] == "single":
                letter = "abcdefgh"[[o["id"] for o in question["options"]].index(key[0])]
                positions[letter] = positions.get(letter, 0) + 1
            elif question["kind"] == "truefalse":
                true_false["true" if key[0] == "a" else "false"] += 1
    # lint lists every position up to the last one used, zeros included.
    last = "abcdefgh".index(max(positions)) if positions else -1
    assert counts["keyPositions"]["lessons"] == {
        letter: positions.get(letter, 0) for letter in "abcdefgh"[:last + 1]}
    assert counts["trueFalse"] == true_false
    assert sum(counts["keyPositions"]["cases"].values()) == sum(
        1 for case in cases() for stage in case["stages"] for step in stage["steps"]
        if step["kind"] in ("treatment", "next_step")
        or (step["kind"] == "what_if" and step.get("ask") in ("treatment", "next_step")))


def test_twelve_lessons_and_at_least_150_questions(counts):
    assert counts["lessons"] == 12
    assert counts["questions"] >= 150
    assert counts["pages"] == sum(len(lesson["pages"]) for lesson in lessons())
    assert counts["questions"] == sum(len(lesson["questions"]) for lesson in lessons())


@pytest.mark.parametrize("lesson", lessons(), ids=lambda lesson: lesson["id"])
def test_every_lesson_has_4_to_8_pages_and_10_questions(lesson):
    assert 4 <= len(lesson["pages"]) <= 8, f"{lesson['id']}: {len(lesson['pages'])} pages"
    assert len(lesson["questions"]) >= 10, f"{lesson['id']}: {len(lesson['questions'])} questions"


def test_enough_cases(counts):
    assert counts["cases"] >= 40, f"only {counts['cases']} cases; the course promises 40"
    assert counts["cases"] == len(cases())


def test_every_page_question_and_case_names_a_source():
    missing = []
    for lesson in lessons():
        for number, page in enumerate(lesson["pages"], 1):
            if not str(page.get("source") or "").strip():
                missing.append(f"{lesson['id']} page {number}")
        for question in lesson["questions"]:
            if not str(question.get("source") or "").strip():
                missing.append(f"question {question['id']}")
    for case in cases():
        if not str(case.get("source") or "").strip():
            missing.append(f"case {case['id']}")
    assert missing == []


def test_every_glossary_see_names_a_term(counts):
    terms = yaml.safe_load((LESSONS / "glossary.yaml").read_text())["terms"]
    names = {term["term"] for term in terms}
    dangling = [(term["term"], see) for term in terms for see in term.get("see", [])
                if see not in names]
    assert dangling == []
    assert counts["glossary"] == len(terms)
    assert len(names) == len(terms)


def test_the_sources_count_matches_nelm_sources(counts):
    result = subprocess.run([nelm(), "sources", "--json", "--lessons", str(LESSONS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == counts["sources"] > 0


@pytest.fixture(scope="module")
def authored_steps():
    """Every step of every authored case as `nelm case show --json` keys it, with its case id."""
    steps = []
    for path in sorted((LESSONS / "cases").glob("*.y*ml")):
        case_id = yaml.safe_load(path.read_text())["id"]
        shown = subprocess.run([nelm(), "case", "show", case_id, "--json", "--lessons",
                                str(LESSONS)], capture_output=True, text=True, timeout=60)
        assert shown.returncode == 0, shown.stderr
        steps += [(case_id, step) for step in json.loads(shown.stdout)["steps"]]
    return steps


# The rules of ALGORITHM.md v3, tried in this order; `D8` is transplantation first, and D8/N
# (transplant-eligible, but branch N first) is counted with the branches.
V3_RULES = ["D2a", "D1", "D2", "D3", "D2b", "D4", "D5", "D6", "D7", "D8", "D9"]
V3_BRANCHES = ["N0", "N1", "N2", "N3", "S0", "S1", "S2", "S3", "S4", "D8/N"]


def test_every_step_kind_is_asked(authored_steps):
    kinds = {step["kind"] for _, step in authored_steps}
    assert kinds >= {"grade", "who2010", "t", "stage", "lm_type", "transplant_eligible",
                     "milan_failures", "next_step", "treatment", "adjuncts"}


def test_every_v3_rule_is_in_two_cases_and_every_branch_in_one(authored_steps):
    """Issue 15: every rule of v3 in at least two authored cases, every branch in one."""
    rules, branches = {}, {}
    for case_id, step in authored_steps:
        rule = step.get("rule")
        if step["kind"] not in ("treatment", "next_step") or not rule:
            continue
        head, _, branch = rule.partition("/")
        rules.setdefault(head if head != "D8" or not branch else "D8/N", set()).add(case_id)
        if branch:
            branches.setdefault(branch, set()).add(case_id)
        if head == "D8" and branch:
            branches.setdefault("D8/N", set()).add(case_id)
    thin = {rule: sorted(rules.get(rule, ())) for rule in V3_RULES if len(rules.get(rule, ())) < 2}
    missing = [branch for branch in V3_BRANCHES if not branches.get(branch)]
    assert not thin and not missing, (
        f"rules in fewer than two cases: {thin}; branches in no case: {missing}")
