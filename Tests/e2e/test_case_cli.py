"""End-to-end tests of `nelm case list/show`: the built binary on a course made for each test.

The expected keys are worked out by hand from shared/clinical/ALGORITHM.md, not copied from
the binary's output; each is explained beside it.
"""
import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
NELM = os.path.abspath(os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm")))

CASE_ID = "rectal-two-stage"
CASE = """\
id: rectal-two-stage
title: A rectal NET with bilobar metastases
tags: [treatment, transplant]
source: Frilling et al., HPB 2010, Figure 3 (reconstructed)
facts:
  age: 58
  primary: {site: rectum, sizeCm: 1.2, status: in_situ}
  nodes: N1
  pathology: {differentiation: well, ki67: 2, mitoses: 3}
  liver: {pattern: dominant_with_satellites, involvementPercent: 30, resectability: two_stage}
  extrahepatic: resectable
  sstr: positive
  syndrome: false
  progressive: false
  fitForSurgery: true
stages:
  - title: Work-up
    text: A 58-year-old man has liver metastases in both lobes and one lung nodule.
    steps:
      - id: grade
        kind: grade
      - id: best
        kind: treatment
        options: [resection, cytoreduction, transplant, tace]
      - id: extras
        kind: adjuncts
      - id: milan
        kind: milan_failures
  - title: Progression
    text: A year later, on lanreotide, the lung disease has spread and the liver can no longer be cleared.
    update:
      extrahepatic: unresectable
      progressive: true
      onSSA: true
      liver: {resectability: none}
    steps:
      - id: now
        kind: treatment
        options: [prrt, ssa, chemo_stz, tace, resection]
      - id: if-syndrome
        kind: what_if
        change: {syndrome: true}
        ask: treatment
        options: [prrt, ssa, tace, sirt, interferon]
"""

EXPECTED = {
    # Ki-67 2 → G1, 3 mitoses → G2; the higher grade wins.
    "grade": {"kind": "grade", "key": ["G2"], "acceptable": [], "rule": "D6"},
    # G2, extrahepatic disease resectable, fit, all LM removable in two stages: D6.
    "best": {"kind": "treatment", "key": ["resection"], "acceptable": [], "rule": "D6"},
    # No syndrome; primary in situ with resection; resectable extrahepatic disease; two stages;
    # SSTR positive with an operation: long-term SSA likely, so a cholecystectomy.
    "extras": {
        "kind": "adjuncts",
        "key": ["primary_resection", "rehd", "two_stage_pve", "cholecystectomy"],
        "acceptable": [],
        "rule": "D6",
    },
    # Rectum is not portal-drained, primary in place, stable time unknown, 58 > 55, and
    # extrahepatic disease present.
    "milan": {
        "kind": "milan_failures",
        "key": [
            "not_portal_drained",
            "primary_not_resected",
            "stable_under_6_months",
            "age_over_55",
            "extrahepatic_disease",
        ],
        "acceptable": [],
        "rule": "D6",
    },
    # Unresectable extrahepatic disease: D4, systemic first; progression on an SSA, SSTR
    # positive: S2, PRRT (NETTER-1); a rectal primary has no chemotherapy alternative.
    "now": {"kind": "treatment", "key": ["prrt"], "acceptable": [], "rule": "D4/S2"},
    # A syndrome that persists on the SSA is refractory: TACE and SIRT become acceptable for
    # symptom control (interferon only when not progressive).
    "if-syndrome": {
        "kind": "treatment",
        "key": ["prrt"],
        "acceptable": ["tace", "sirt"],
        "rule": "D4/S2",
    },
}


def run(*args, env_extra=None, cwd=None):
    if not os.access(NELM, os.X_OK):
        pytest.fail(f"{NELM} is not built; run `swift build` first")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    env.update(env_extra or {})
    return subprocess.run(
        [NELM, *args], capture_output=True, text=True, timeout=60, env=env, cwd=cwd
    )


@pytest.fixture
def course(tmp_path):
    folder = tmp_path / "course"
    (folder / "cases").mkdir(parents=True)
    (folder / "cases" / f"{CASE_ID}.yaml").write_text(CASE)
    return folder


def test_list_json(course):
    result = run("case", "list", "--json", "--lessons", str(course))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {
            "id": CASE_ID,
            "title": "A rectal NET with bilobar metastases",
            "tags": ["treatment", "transplant"],
            "stepKinds": ["grade", "treatment", "adjuncts", "milan_failures", "treatment", "what_if"],
        }
    ]


def test_list_reads_nelm_lessons(course):
    result = run("case", "list", env_extra={"NELM_LESSONS": str(course)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{CASE_ID}  A rectal NET with bilobar metastases\n")


def test_show_json_facts_are_the_final_facts(course):
    result = run("case", "show", CASE_ID, "--json", "--lessons", str(course))
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    facts = shown["facts"]
    # Unknown optional values (extent, stableMonths) and the absent id are left out.
    assert list(facts) == [
        "age", "primary", "nodes", "pathology", "liver", "extrahepatic", "sstr", "syndrome",
        "progressive", "fitForSurgery", "onSSA", "contraindications",
    ]
    assert facts["primary"] == {"site": "rectum", "sizeCm": 1.2, "status": "in_situ"}
    assert facts["pathology"] == {"differentiation": "well", "ki67": 2, "mitoses": 3}
    # The update merged into the liver mapping key by key.
    assert facts["liver"] == {
        "pattern": "dominant_with_satellites", "involvementPercent": 30, "resectability": "none",
    }
    assert facts["extrahepatic"] == "unresectable"
    assert facts["progressive"] is True
    assert facts["onSSA"] is True
    assert facts["contraindications"] == []


def test_show_json_steps_carry_the_engines_key(course):
    shown = json.loads(run("case", "show", CASE_ID, "--json", "--lessons", str(course)).stdout)
    steps = {step["id"]: step for step in shown["steps"]}
    assert list(steps) == list(EXPECTED)
    for step_id, expected in EXPECTED.items():
        step = steps[step_id]
        for key, value in expected.items():
            assert step[key] == value, (step_id, key)
    assert [step["stage"] for step in shown["steps"]] == ["Work-up"] * 4 + ["Progression"] * 2
    assert [option["id"] for option in steps["best"]["options"]] == [
        "resection", "cytoreduction", "transplant", "tace",
    ]
    assert steps["grade"]["options"] == [
        {"id": "G1", "label": "G1"}, {"id": "G2", "label": "G2"}, {"id": "G3", "label": "G3"},
    ]
    # Adjuncts offered without options: every adjunct of ALGORITHM.md section 3.
    assert len(steps["extras"]["options"]) == 9
    assert steps["if-syndrome"]["whatIf"] == "a hormonal syndrome"
    assert steps["if-syndrome"]["facts"]["syndrome"] is True
    assert "whatIf" not in steps["now"]
    assert steps["now"]["facts"]["syndrome"] is False
    assert steps["best"]["facts"]["liver"]["resectability"] == "two_stage"


def test_step_facts_solve_to_the_same_rule(course, tmp_path):
    shown = json.loads(run("case", "show", CASE_ID, "--json", "--lessons", str(course)).stdout)
    for step in shown["steps"]:
        facts_file = tmp_path / f"{step['id']}.json"
        facts_file.write_text(json.dumps(step["facts"]))
        solved = run("solve", "--json", str(facts_file))
        assert solved.returncode == 0, solved.stderr
        assert json.loads(solved.stdout)["rule"] == step["rule"], step["id"]


def test_show_human_form(course):
    result = run("case", "show", CASE_ID, "--lessons", str(course))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"A rectal NET with bilobar metastases ({CASE_ID})"
    assert "Stage 1: Work-up" in lines
    assert "Stage 2: Progression" in lines
    assert "    key: prrt (rule D4/S2)" in lines
    assert "  if-syndrome — what if a hormonal syndrome: treatment" in lines


def test_unknown_id_is_bad_input_and_says_how_to_list(course):
    result = run("case", "show", "no-such-case", "--lessons", str(course))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "no case 'no-such-case'" in result.stderr
    assert "nelm case list" in result.stderr


def test_a_course_that_does_not_load_is_bad_input_with_its_problems(course):
    (course / "cases" / f"{CASE_ID}.yaml").write_text(CASE.replace("kind: grade", "kind: gradee"))
    result = run("case", "list", "--lessons", str(course))
    assert result.returncode == 2
    assert f"cases/{CASE_ID}.yaml:21:15: unknown kind 'gradee'" in result.stderr


def test_random_case_has_facts_and_steps(tmp_path):
    result = run("case", "show", "random:1", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert isinstance(shown, dict)
    assert "facts" in shown and "steps" in shown
    assert isinstance(shown["steps"], list)
