"""`nelm schedule replay`: the FSRS-6 scheduler against the PyPI `fsrs` package, live.

Each history is scheduled twice: by `fsrs.Scheduler(enable_fuzzing=False)` here and by the
built nelm; stability and difficulty must agree to 1e-6, due dates to the millisecond, and
the state exactly. Bad input must exit with status 2 and name the index of the review.
"""
import json
import random
import subprocess
from datetime import datetime, timedelta, timezone

import fsrs
import pytest

from test_session_schema import documented_example, session_problems

STATES = {fsrs.State.Learning: "learning", fsrs.State.Review: "review",
          fsrs.State.Relearning: "relearning"}


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def random_history(seed, length):
    """Ratings and UTC times with gaps from seconds to months, at millisecond precision."""
    rng = random.Random(seed)
    at = datetime(2021, 6, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(10**8))
    history = []
    for _ in range(length):
        history.append({"rating": rng.choice([1, 2, 3, 3, 3, 4]), "at": iso(at)})
        seconds = rng.choice([rng.uniform(10, 3600), rng.uniform(3600, 86400 * 1.5),
                              rng.uniform(86400, 86400 * 120)])
        at += timedelta(milliseconds=round(seconds * 1000))
    return history


def reference(history):
    """What the fsrs package says after each review of `history`."""
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1)
    out = []
    for review in history:
        at = datetime.fromisoformat(review["at"].replace("Z", "+00:00"))
        card, _ = scheduler.review_card(card, fsrs.Rating(review["rating"]), at)
        out.append({"stability": card.stability, "difficulty": card.difficulty,
                    "due": iso(card.due), "state": STATES[card.state]})
    return out


def replay(nelm_bin, home, history, *args):
    return subprocess.run([nelm_bin, "schedule", "replay", "-", *args],
                          input=json.dumps(history).encode(), capture_output=True, env=home,
                          timeout=60)


@pytest.mark.parametrize("seed", range(8))
def test_replay_agrees_with_the_fsrs_package(nelm_bin, home, seed):
    history = random_history(seed, 40)
    result = replay(nelm_bin, home, history, "--json")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == len(history)
    for index, (line, expected) in enumerate(zip(lines, reference(history))):
        got = json.loads(line)
        assert list(got) == ["stability", "difficulty", "due", "state"]
        assert got["stability"] == pytest.approx(expected["stability"], abs=1e-6), index
        assert got["difficulty"] == pytest.approx(expected["difficulty"], abs=1e-6), index
        assert (got["due"], got["state"]) == (expected["due"], expected["state"]), index


def package_line(card):
    """The package's state written as nelm writes a `--json` line: Python's `repr` of a float
    is the shortest form that reads back, as Swift's is."""
    return (f'{{"stability": {card.stability!r}, "difficulty": {card.difficulty!r}, '
            f'"due": "{iso(card.due)}", "state": "{STATES[card.state]}"}}')


@pytest.mark.parametrize("seed", range(3))
def test_replay_lines_are_the_package_lines_byte_for_byte(nelm_bin, home, tmp_path, seed):
    # 3,000 reviews: about 330 KB of lines, so the output is written in several pieces.
    history = random_history(100 + seed, 3000)
    path = tmp_path / "history.json"
    path.write_text(json.dumps(history))
    result = subprocess.run([nelm_bin, "schedule", "replay", str(path), "--json"],
                            capture_output=True, env=home, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1)
    expected = []
    for review in history:
        at = datetime.fromisoformat(review["at"].replace("Z", "+00:00"))
        card, _ = scheduler.review_card(card, fsrs.Rating(review["rating"]), at)
        expected.append(package_line(card))
    lines = result.stdout.decode().split("\n")
    assert lines[-1] == "" and len(lines) == len(history) + 1
    for index, (line, want) in enumerate(zip(lines, expected)):
        assert line == want, index


def test_a_file_argument_and_the_human_table(nelm_bin, home, tmp_path):
    history = [{"rating": 3, "at": "2024-03-01T09:00:00Z"},
               {"rating": 3, "at": "2024-03-01T09:10:00Z"},
               {"rating": 1, "at": "2024-03-04T09:00:00Z"}]
    path = tmp_path / "history.json"
    path.write_text(json.dumps(history))
    result = subprocess.run([nelm_bin, "schedule", "replay", str(path)], capture_output=True,
                            env=home, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert lines[0].split() == ["#", "rating", "at", "state", "step", "stability",
                                "difficulty", "next", "in", "due"]
    assert [line.split()[1] for line in lines[1:]] == ["good", "good", "again"]
    assert [line.split()[3] for line in lines[1:]] == ["learning", "review", "relearning"]
    # Good then Good 10 minutes later graduates for round(2.3065) = 2 days.
    assert lines[2].endswith("2 d  2024-03-03T09:10:00.000Z")
    assert lines[3].endswith("10 min  2024-03-04T09:10:00.000Z")


BAD = [
    ("not json", b"[{", ["<stdin>: not valid JSON"]),
    ("not an array", b'{"rating": 3}', ["<stdin>: expected a JSON array"]),
    ("rating out of range", b'[{"rating": 5, "at": "2024-03-01T09:00:00Z"}]',
     ["<stdin>: [0].rating: 5 is not a rating"]),
    ("bad date", b'[{"rating": 3, "at": "2024-03-01T09:00:00Z"}, {"rating": 3, "at": "soon"}]',
     ["<stdin>: [1].at: 'soon' is not an ISO-8601 date"]),
    ("backwards", b'[{"rating": 3, "at": "2024-03-02T09:00:00Z"},'
                  b' {"rating": 3, "at": "2024-03-01T09:00:00Z"}]',
     ["<stdin>: [1].at: 2024-03-01T09:00:00.000Z is before the review before it"]),
    ("every problem", b'[{"rating": 0}, {"at": "2024-03-01T09:00:00Z"}]',
     ["<stdin>: [0].rating: 0", "<stdin>: [0].at: missing", "<stdin>: [1].rating: missing"]),
]


@pytest.mark.parametrize("data,expected", [(d, e) for _, d, e in BAD], ids=[n for n, _, _ in BAD])
def test_bad_input_names_the_index_and_exits_2(nelm_bin, home, data, expected):
    result = subprocess.run([nelm_bin, "schedule", "replay", "-"], input=data,
                            capture_output=True, env=home, timeout=60)
    assert result.returncode == 2
    assert result.stdout == b""
    errors = result.stderr.decode().splitlines()
    assert len(errors) == len(expected), errors
    for line, prefix in zip(errors, expected):
        assert line.startswith(prefix), line


def test_a_missing_file_exits_2(nelm_bin, home, tmp_path):
    result = subprocess.run([nelm_bin, "schedule", "replay", str(tmp_path / "none.json")],
                            capture_output=True, env=home, timeout=60)
    assert result.returncode == 2
    assert "no such file" in result.stderr.decode()


# The review state in session files (Docs/session.schema.json): the documented example has
# one, and the schema refuses states the scheduler could not work from.
REVIEW_ITEM = "intro/carcinoid-syndrome"
BAD_REVIEWS = [
    ("unknown phase", {"phase": "later"}, "is not one of"),
    ("difficulty above 10", {"difficulty": 11}, "11 is greater than the maximum of 10"),
    ("zero stability", {"stability": 0}, "0 is less than or equal to the minimum of 0"),
    ("negative step", {"step": -1}, "-1 is less than the minimum of 0"),
    ("learning without a step", {"step": None}, "'step' is a required property"),
    ("review without stability", {"phase": "review", "step": None, "stability": None},
     "'stability' is a required property"),
    ("unknown key", {"ease": 2.5}, "Additional properties"),
    ("due without milliseconds", {"due": "2024-02-28T18:25:02Z"}, "does not match"),
]


def test_the_documented_review_state_is_valid():
    data = json.loads(documented_example())
    review = data["items"][REVIEW_ITEM]["review"]
    assert review["phase"] == "learning" and review["step"] == 1
    assert session_problems(data) == []


@pytest.mark.parametrize("edit,expected", [(e, x) for _, e, x in BAD_REVIEWS],
                         ids=[n for n, _, _ in BAD_REVIEWS])
def test_the_schema_refuses_bad_review_states(edit, expected):
    data = json.loads(documented_example())
    review = data["items"][REVIEW_ITEM]["review"]
    for key, value in edit.items():
        if value is None:
            review.pop(key, None)
        else:
            review[key] = value
    problems = session_problems(data)
    assert any(f"items/{REVIEW_ITEM}/review" in p and expected in p for p in problems), problems
