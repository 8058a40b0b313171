"""The Python copy of nelm's option shuffle (conftest `option_order`) against the shared
fixture that ShuffledOptionsTests also checks the Swift shuffle against."""
import json
import pathlib

from conftest import option_order

FIXTURE = pathlib.Path(__file__).parent / "fixtures" / "option-order.json"


def test_the_python_shuffle_gives_the_pinned_orders():
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["rows"]
    assert len(rows) >= 30
    for row in rows:
        assert option_order(row["learner"], row["item"], row["count"]) == row["order"], row
