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
        "Mazzaferro 2007",
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
    assert output == {
        "grade": "G2", "who2010": "NET G2",
        "t": "T2", "n": "N1", "m": "M1", "stage": "IV",
        "lmType": "II",
        "transplantEligible": False,
        "transplantFailures": ["primary not resected", "age over 55"],
        "rule": "D7",
        "best": "cytoreduction",
        "acceptable": ["tace", "sirt", "prrt", "ssa"],
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
    output = json.loads(solve("--json", str(FACTS / "transplant_candidate.json")).stdout)
    assert output["rule"] == "D8"
    assert output["best"] == "transplant"
    assert output["transplantEligible"] is True
    assert output["adjuncts"] == ["sstr_imaging"]


def test_no_liver_metastases_is_outside_the_algorithm():
    output = json.loads(solve("--json", str(FACTS / "no_liver.json")).stdout)
    assert output["rule"] is None and output["best"] is None and output["lmType"] is None
    assert output["stage"] == "I"
    assert output["transplantFailures"][0] == "no liver metastases"
    assert output["acceptable"] == output["contraindicated"] == output["adjuncts"] == []


def test_well_differentiated_g3_explains_the_later_classification():
    output = json.loads(solve("--json", str(FACTS / "net_g3.json")).stdout)
    assert output["rule"] == "D2" and output["who2010"] == "NEC"
    trace = "\n".join(output["trace"])
    for text in ["WHO 2010 calls", "WHO 2017/2019", "NET G3", "not the standard",
                 "multidisciplinary board"]:
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
