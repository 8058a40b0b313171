"""End-to-end tests of `nelm solve`: the built binary on case-facts files and standard input."""
import json
import os
import pathlib
import subprocess

import jsonschema
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
NELM = os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm"))
FACTS = pathlib.Path(__file__).resolve().parent / "facts"
OUTPUT_SCHEMA = json.loads((REPO / "Docs" / "solve-output.schema.json").read_text())
FACTS_SCHEMA = json.loads((REPO / "Docs" / "case-facts.schema.json").read_text())
EXAMPLE = FACTS / "review_example.json"


def solve(*args, stdin=None):
    if not os.access(NELM, os.X_OK):
        pytest.fail(f"{NELM} is not built; run `swift build` first")
    return subprocess.run(
        [NELM, "solve", *args],
        input=stdin.encode() if stdin is not None else None,
        capture_output=True,
        timeout=30,
    )


def example_facts():
    return json.loads(EXAMPLE.read_text())


def test_file_prints_findings_decision_adjuncts_trace_and_notice():
    result = solve(str(EXAMPLE))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    for text in [
        "grade: G2",
        "stage: IV",
        "rule: D7",
        "cytoreductive resection (CRR) ± RFA",
        "perioperative octreotide",
        "Trace",
        "Mazzaferro V et al., J Hepatol 2007",
        "not clinical decision support",
    ]:
        assert text in out
    assert result.stderr == b""


def test_stdin_json_is_the_contract_example():
    result = solve("--json", "-", stdin=EXAMPLE.read_text())
    assert result.returncode == 0, result.stderr.decode()
    output = json.loads(result.stdout)
    jsonschema.validate(output, OUTPUT_SCHEMA)
    assert list(output) == list(OUTPUT_SCHEMA["required"])
    trace = output.pop("trace")
    assert trace and all(isinstance(line, str) for line in trace)
    # The example object of ALGORITHM.md section 5, key for key.
    assert output == {
        "grade": "G2", "who2010": "NET G2",
        "t": "T3", "n": "N1", "m": "M1", "stage": "IV",
        "lmType": "II",
        "transplantEligible": False,
        "transplantFailures": ["primary not resected", "stable disease under 6 months",
                               "age over 55"],
        "rule": "D7",
        "best": "cytoreduction",
        "acceptable": ["ssa", "tace", "prrt"],
        "contraindicated": [],
        "adjuncts": [
            "ssa", "perioperative_octreotide", "echocardiography", "primary_resection",
            "cholecystectomy",
        ],
    }


@pytest.mark.parametrize("path", sorted(FACTS.glob("*.json")), ids=lambda p: p.name)
def test_every_example_file_is_valid_and_solves_to_the_output_schema(path):
    jsonschema.validate(json.loads(path.read_text()), FACTS_SCHEMA)
    result = solve("--json", str(path))
    assert result.returncode == 0, result.stderr.decode()
    jsonschema.validate(json.loads(result.stdout), OUTPUT_SCHEMA)


def test_transplant_candidate():
    # Ileal primary, Ki-67 4 %, every Milan criterion met: D8; branch N0's options (an SSA,
    # receptor-positive, or watchful waiting) stay acceptable.
    output = json.loads(solve("--json", str(FACTS / "transplant_candidate.json")).stdout)
    assert output["rule"] == "D8"
    assert output["best"] == "transplant"
    assert output["acceptable"] == ["ssa", "surveillance"]
    assert output["transplantEligible"] is True
    assert output["adjuncts"] == ["sstr_imaging"]


def test_pancreatic_transplant_candidate_goes_to_branch_n_first():
    # Eligible, but a pancreatic primary (Le Treut 2008): D8/N. The syndrome persists on an
    # SSA and a bilioenteric anastomosis bars TACE: N3, PRRT (receptor-positive); SIRT and
    # transplantation acceptable, SIRT with antibiotic prophylaxis; no echocardiography for a
    # pancreatic syndrome.
    output = json.loads(
        solve("--json", str(FACTS / "pancreatic_transplant_candidate.json")).stdout)
    assert output["transplantEligible"] is True
    assert output["rule"] == "D8/N3"
    assert output["best"] == "prrt"
    assert output["acceptable"] == ["sirt", "transplant"]
    assert output["contraindicated"] == ["tace"]
    assert output["adjuncts"] == ["ssa", "antibiotic_prophylaxis"]


def test_refractory_syndrome_on_an_ssa_with_bone_metastases():
    # Unresectable extrahepatic disease: D4. Receptor-positive, on an SSA: S2, PRRT; a
    # refractory syndrome that does not progress: interferon, TACE and SIRT acceptable.
    output = json.loads(solve("--json", str(FACTS / "refractory_syndrome.json")).stdout)
    assert output["rule"] == "D4/S2"
    assert output["best"] == "prrt"
    assert output["acceptable"] == ["interferon", "tace", "sirt"]
    assert output["contraindicated"] == ["resection", "transplant"]
    assert output["adjuncts"] == ["ssa", "echocardiography"]


@pytest.mark.parametrize("value,rule,best", [("missing", "D4/S1", "ssa"), (False, "D4/S1", "ssa"),
                                             (True, "D4/S2", "prrt")])
def test_on_ssa_missing_false_and_true(tmp_path, value, rule, best):
    # Not yet on an SSA (missing or false): S1, the SSA first; on one: S2, PRRT.
    facts = json.loads((FACTS / "refractory_syndrome.json").read_text())
    if value == "missing":
        del facts["onSSA"]
    else:
        facts["onSSA"] = value
    path = tmp_path / "case.json"
    path.write_text(json.dumps(facts))
    output = json.loads(solve("--json", str(path)).stdout)
    assert (output["rule"], output["best"]) == (rule, best)


def test_the_human_form_names_new_options_in_words():
    facts = json.loads((FACTS / "refractory_syndrome.json").read_text())
    facts.update(sstr="negative", onSSA=False, syndrome=False, progressive=True,
                 contraindications=["bilioenteric_anastomosis"])
    facts["pathology"]["ki67"] = 18
    del facts["stableMonths"]
    result = solve("-", stdin=json.dumps(facts))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    # D4/S4: receptor-negative, Ki-67 18 % > 15 %.
    assert "rule: D4/S4" in out
    assert "best: temozolomide- or 5-FU-based chemotherapy [chemo_tem]" in out
    assert "interferon-α [interferon]" in out
    candidate = solve(str(FACTS / "pancreatic_transplant_candidate.json")).stdout.decode()
    assert ("antibiotic prophylaxis for SIRT after a bilioenteric anastomosis "
            "[antibiotic_prophylaxis]") in candidate


def test_no_liver_metastases_is_outside_the_algorithm():
    output = json.loads(solve("--json", str(FACTS / "no_liver.json")).stdout)
    assert output["rule"] is None and output["best"] is None and output["lmType"] is None
    assert output["stage"] == "I"
    assert output["transplantFailures"][0] == "no liver metastases"
    assert output["acceptable"] == output["contraindicated"] == output["adjuncts"] == []


def test_well_differentiated_g3_explains_the_later_classification():
    # Ki-67 28 %, well differentiated, completely resectable, fit, no extrahepatic disease:
    # D2b, resection; PRRT (receptor-positive), temozolomide (rectum) and platinum acceptable;
    # no transplantation, and no TACE bar added by D2b.
    output = json.loads(solve("--json", str(FACTS / "net_g3.json")).stdout)
    assert output["rule"] == "D2b" and output["who2010"] == "NEC"
    assert output["best"] == "resection"
    assert output["acceptable"] == ["prrt", "chemo_tem", "chemo_platinum"]
    assert output["contraindicated"] == ["transplant"]
    trace = "\n".join(output["trace"])
    for text in ["WHO 2010 calls", "the era's treatment", "WHO 2017/2019", "NET G3",
                 "not the standard", "10 % vs 37 %", "Raj N et al., Pancreas 2017",
                 "multidisciplinary board", "Ki-67 28 %"]:
        assert text in trace


def edited(changes):
    facts = example_facts()
    for key, value in changes.items():
        target = facts
        *parents, last = key.split(".")
        for parent in parents:
            target = target[parent]
        if value is REMOVE:
            del target[last]
        else:
            target[last] = value
    return facts


REMOVE = object()

BAD = [
    ("unknown key", {"colour": "red"}, ["colour"]),
    ("unknown nested key", {"primary.colour": "red"}, ["primary.colour"]),
    ("missing key", {"sstr": REMOVE}, ["sstr"]),
    ("wrong type", {"syndrome": 1}, ["syndrome"]),
    ("boolean for integer", {"age": True}, ["age"]),
    ("fractional age", {"age": 40.5}, ["age"]),
    ("out of range", {"pathology.ki67": 101}, ["pathology.ki67"]),
    ("unknown value", {"nodes": "N2"}, ["nodes"]),
    ("extent of another site", {"primary.extent": "confined"}, ["primary.extent"]),
    ("extent on a site without one",
     {"primary.site": "colon"}, ["primary.extent"]),
    ("unknown site, known status",
     {"primary": {"site": "unknown", "status": "resected"}}, ["primary.status"]),
    ("disseminated and resectable",
     {"liver.pattern": "disseminated", "liver.resectability": "two_stage"},
     ["liver.resectability"]),
    ("progressive yet stable", {"progressive": True, "stableMonths": 6}, ["stableMonths"]),
    ("onSSA not a boolean", {"onSSA": 1}, ["onSSA"]),
    ("onSSA null", {"onSSA": None}, ["onSSA"]),
    ("onSSA misspelt", {"onSsa": True}, ["onSsa"]),
    ("duplicate contraindication",
     {"contraindications": ["liver_failure", "liver_failure"]}, ["contraindications[1]"]),
    ("several at once", {"age": -3, "sstr": "maybe", "fitForSurgery": "yes"},
     ["age", "sstr", "fitForSurgery"]),
]


@pytest.mark.parametrize("name,changes,paths", BAD, ids=[row[0] for row in BAD])
def test_bad_facts_exit_2_naming_every_key_path(tmp_path, name, changes, paths):
    facts = edited(changes)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(facts, FACTS_SCHEMA)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(facts))
    result = solve(str(path))
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == len(paths), lines
    for key_path in paths:
        assert any(line.startswith(f"{path}: {key_path}: ") for line in lines), lines


def test_bad_facts_on_stdin_are_labelled_stdin():
    facts = edited({"age": "forty"})
    result = solve("--json", "-", stdin=json.dumps(facts))
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().startswith("<stdin>: age: must be a whole number")


def test_invalid_json_exits_2(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"age": 40,')
    result = solve(str(path))
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"{path}: (root): not valid JSON")


def test_missing_file_exits_2_with_a_clear_message(tmp_path):
    path = tmp_path / "nowhere.json"
    result = solve(str(path))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"{path}: no such file"
