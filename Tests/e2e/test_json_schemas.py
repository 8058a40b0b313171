"""Every `--json` output has a schema in Docs/, and the check that conftest runs after every
nelm command really refuses what breaks one."""
import copy
import json
import subprocess

import pytest

from conftest import JSON_OUTPUTS, LESSONS, check_nelm_run, json_problems, run_piped, validator

COMMANDS = {
    "progress": ["progress", "--json", "--learner", "ana"],
    "case-list": ["case", "list", "--json"],
    "case-show": ["case", "show", "random:5", "--json"],
    "lint": ["lint", str(LESSONS), "--json"],
    "sources": ["sources", "--json"],
    "search": ["search", "transplant", "--json"],
    "glossary": ["define", "--json"],
}


def test_every_json_output_has_a_schema_and_this_test_runs_it():
    assert set(COMMANDS) | {"schedule-replay", "solve-output"} == set(JSON_OUTPUTS.values())
    for name in JSON_OUTPUTS.values():
        validator(name)


@pytest.mark.parametrize("schema", sorted(COMMANDS))
def test_the_output_is_valid_and_a_broken_one_is_refused(nelm_bin, home, sessions, schema):
    run_piped(nelm_bin, home, "study 1\n\nquit\n", "--learner", "ana", "--lessons", str(LESSONS),
              "--sessions", str(sessions))
    args = [nelm_bin, *COMMANDS[schema], "--lessons", str(LESSONS), "--sessions", str(sessions)]
    result = subprocess.run(args, capture_output=True, env=home, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert json_problems(schema, data) == []
    broken = copy.deepcopy(data)
    if isinstance(broken, list):
        broken[0]["unexpected"] = 1
    else:
        broken["unexpected"] = 1
    with pytest.raises(AssertionError, match=f"not valid against {schema}.schema.json"):
        check_nelm_run(args, home, json.dumps(broken).encode())


def test_impossible_dates_are_refused():
    assert json_problems("schedule-replay", {
        "stability": 1.0, "difficulty": 5.0, "due": "2026-02-30T10:00:00.000Z",
        "state": "review"})
    day = {"date": "2026-02-29", "answers": 0, "right": 0}
    assert json_problems("progress", {"learner": "ana", "answers": 0, "streakDays": 0,
                                      "lessons": [], "topics": [], "stepKinds": [],
                                      "days": [day] * 30, "weakest": [],
                                      "due": {"today": 0, "week": 0}})
