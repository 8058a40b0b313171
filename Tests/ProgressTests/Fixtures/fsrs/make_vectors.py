#!/usr/bin/env python3
"""Writes vectors.json: review histories scheduled by the PyPI `fsrs` package (6.x).

`FSRSVectorTests.swift` replays every history through nelm's `FSRSScheduler` and expects the
same stability and difficulty (to 1e-6), the same due date (to the millisecond), state and
step after each review. Run it again after upgrading `fsrs`; the seed keeps the output fixed:

    python3 -m pip install 'fsrs>=6,<7'
    python3 Tests/ProgressTests/Fixtures/fsrs/make_vectors.py

Histories are seeded random: 1-30 reviews each, random ratings, and gaps drawn from a mix
that covers what a learner does (minutes inside a study session, hours, days around the
due date, weeks and months of absence), plus gaps that straddle the one-day boundary where
the scheduler switches from short-term to long-term stability. Timestamps are UTC with
milliseconds, as nelm's session files keep them.
"""
import json
import math
import pathlib
import random
from datetime import datetime, timedelta, timezone

import fsrs

SEED = 20100612  # HPB 2010;12(6)
OUT = pathlib.Path(__file__).with_name("vectors.json")
STATES = {fsrs.State.Learning: "learning", fsrs.State.Review: "review",
          fsrs.State.Relearning: "relearning"}

# (name, scheduler settings beyond the package defaults, number of histories)
CONFIGS = [
    ("default", {}, 220),
    ("retention 0.8, 1-year cap, three learning steps",
     {"desired_retention": 0.8, "maximum_interval": 365,
      "learning_steps": [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30)],
      "relearning_steps": [timedelta(minutes=5), timedelta(minutes=20)]}, 30),
    ("retention 0.95, one learning step, no relearning steps",
     {"desired_retention": 0.95, "learning_steps": [timedelta(minutes=10)],
      "relearning_steps": []}, 30),
]


def iso(moment):
    assert moment.microsecond % 1000 == 0, moment
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def gap(rng, card):
    """Seconds until the next review: a realistic mix from minutes to months."""
    kind = rng.random()
    if kind < 0.25:  # within the study session
        seconds = rng.uniform(20, 3600)
    elif kind < 0.35:  # later the same day
        seconds = rng.uniform(3600, 20 * 3600)
    elif kind < 0.45:  # right around one day: the short-term / long-term boundary
        seconds = 86400 + rng.choice([-1, 0, 0.001, 1, rng.uniform(-600, 600)])
    elif kind < 0.75 and card.state == fsrs.State.Review:  # near the due date
        due = (card.due - card.last_review).total_seconds()
        seconds = due * rng.uniform(0.6, 1.4)
    else:  # days to months away, log-uniform
        seconds = math.exp(rng.uniform(math.log(86400), math.log(200 * 86400)))
    return timedelta(milliseconds=max(1, round(seconds * 1000)))


def history(rng, scheduler, card_id):
    start = datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(
        milliseconds=rng.randrange(0, 5 * 365 * 86400 * 1000))
    card = fsrs.Card(card_id=card_id, due=start)
    at = start
    reviews = []
    for index in range(rng.randint(1, 30)):
        if index > 0:
            at = at + gap(rng, card)
        rating = rng.choices([1, 2, 3, 4], weights=[20, 15, 50, 15])[0]
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), at)
        reviews.append({
            "rating": rating, "at": iso(at),
            "stability": card.stability, "difficulty": card.difficulty,
            "due": iso(card.due), "state": STATES[card.state], "step": card.step,
        })
    return reviews


def main():
    rng = random.Random(SEED)
    configs = []
    card_id = 1
    for name, settings, count in CONFIGS:
        scheduler = fsrs.Scheduler(enable_fuzzing=False, **settings)
        histories = []
        for _ in range(count):
            histories.append(history(rng, scheduler, card_id))
            card_id += 1
        configs.append({
            "name": name,
            "parameters": list(scheduler.parameters),
            "desiredRetention": scheduler.desired_retention,
            "learningSteps": [s.total_seconds() for s in scheduler.learning_steps],
            "relearningSteps": [s.total_seconds() for s in scheduler.relearning_steps],
            "maximumInterval": scheduler.maximum_interval,
            "histories": histories,
        })
    lines = ['{"generator": "make_vectors.py", "fsrs": %s, "seed": %d, "configs": [' % (
        json.dumps(fsrs_version()), SEED)]
    for c, config in enumerate(configs):
        head = {k: v for k, v in config.items() if k != "histories"}
        lines.append(json.dumps(head)[:-1] + ', "histories": [')
        for h, reviews in enumerate(config["histories"]):
            lines.append("  [" + ",\n   ".join(json.dumps(r) for r in reviews) + "]"
                         + ("," if h + 1 < len(config["histories"]) else ""))
        lines.append("]}" + ("," if c + 1 < len(configs) else ""))
    lines.append("]}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    total = sum(len(h) for c in configs for h in c["histories"])
    print(f"{OUT}: {sum(len(c['histories']) for c in configs)} histories, {total} reviews")


def fsrs_version():
    from importlib.metadata import version
    return version("fsrs")


if __name__ == "__main__":
    main()
