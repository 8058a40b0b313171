#!/usr/bin/env python3
"""`nelm schedule replay FILE --json`, written with the PyPI `fsrs` package: the other side of
the like-for-like comparison in `bench/fsrs_compare.py`.

Usage: python3 bench/fsrs_replay.py FILE|-

It does what nelm's command does, as a whole process: reads the JSON review history (an array
of {"rating": 1-4, "at": "YYYY-MM-DDTHH:MM:SS[.f…]Z"}, oldest first, one item starting new),
checks it as strictly (every problem named by its index, exit status 2), schedules every
review with `fsrs.Scheduler(enable_fuzzing=False)` (the package's defaults are nelm's: FSRS-6
weights, retention 0.9, steps 1 and 10 min, relearning 10 min), and writes one line a review
in nelm's format, `{"stability": S, "difficulty": D, "due": "…Z", "state": "learning"}`,
through one buffered write. Python's `repr` of a float is the shortest form that reads back,
as Swift's `description` is, so the two outputs can be compared byte for byte.
"""
import json
import re
import sys
from datetime import datetime, timedelta, timezone

import fsrs

# nelm's strict form (`Timestamp.date(from:)`): UTC only, a fraction of 1 to 9 digits.
DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z")
STATES = {fsrs.State.Learning: "learning", fsrs.State.Review: "review",
          fsrs.State.Relearning: "relearning"}
LARGEST = 64 << 20


def parse_date(text):
    """The date `text` names, rounded to the millisecond as nelm rounds it; None otherwise."""
    match = DATE.fullmatch(text) if isinstance(text, str) else None
    if not match:
        return None
    year, month, day, hour, minute, second, fraction = match.groups()
    if not 1900 <= int(year) <= 9999:
        return None
    if fraction is None or len(fraction) == 3:
        # nelm's own form, nothing to round: the fast reader of the standard library.
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return None
    nanoseconds = int((fraction or "0").ljust(9, "0"))
    milliseconds = (nanoseconds + 500_000) // 1_000_000
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute),
                          int(second), tzinfo=timezone.utc)
        return moment + timedelta(milliseconds=milliseconds) if milliseconds else moment
    except (ValueError, OverflowError):
        return None


def stamp(moment):
    """`moment` (UTC) as nelm writes dates, `2024-03-01T09:41:07.250Z`."""
    return moment.isoformat(timespec="milliseconds")[:-6] + "Z"


def read(path):
    stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    with stream:
        data = stream.read(LARGEST + 1)
    if len(data) > LARGEST:
        fail([f"the input is larger than {LARGEST} bytes"])
    try:
        entries = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        fail([f"not valid JSON: {error}"])
    if not isinstance(entries, list):
        fail(["expected a JSON array of reviews"])
    return entries


def check(entries):
    """The reviews as (rating, date), and every problem named by its index."""
    reviews, problems, previous = [], [], None
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(f"[{index}]: not an object")
            continue
        rating, at = entry.get("rating"), entry.get("at")
        if "rating" not in entry:
            problems.append(f"[{index}].rating: missing")
            rating = None
        elif type(rating) is not int or not 1 <= rating <= 4:
            problems.append(f"[{index}].rating: {json.dumps(rating)} is not a rating")
            rating = None
        if "at" not in entry:
            problems.append(f"[{index}].at: missing")
            continue
        moment = parse_date(at)
        if moment is None:
            problems.append(f"[{index}].at: {json.dumps(at)} is not an ISO-8601 date")
            continue
        if previous is not None and moment < previous:
            problems.append(f"[{index}].at: {stamp(moment)} is before the review before it")
        previous = moment
        if rating is not None:
            reviews.append((fsrs.Rating(rating), moment))
    return reviews, problems


def fail(problems):
    label = sys.argv[1] if sys.argv[1] != "-" else "<stdin>"
    sys.stderr.write("".join(f"{label}: {problem}\n" for problem in problems))
    sys.exit(2)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    reviews, problems = check(read(sys.argv[1]))
    if problems:
        fail(problems)
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1)
    lines = []
    for rating, moment in reviews:
        card, _ = scheduler.review_card(card, rating, moment)
        lines.append(f'{{"stability": {card.stability!r}, "difficulty": {card.difficulty!r}, '
                     f'"due": "{stamp(card.due)}", "state": "{STATES[card.state]}"}}\n')
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main()
