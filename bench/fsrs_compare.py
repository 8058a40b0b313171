#!/usr/bin/env python3
"""Scheduling 100,000 reviews: the PyPI `fsrs` package against `nelm schedule replay`.

Usage: python3 bench/fsrs_compare.py [--reviews N] [--runs R] [--nelm PATH]

Writes one seeded history of N reviews (one item, gaps from a minute to a day, so that the
dates stay within nelm's years), then times
  - the package: `Scheduler(enable_fuzzing=False).review_card` over the history, in process
    (dates parsed beforehand, so only the scheduling is timed);
  - nelm: `nelm schedule replay FILE --json`, the whole process (start-up, JSON parsing,
    scheduling, printing a line per review).
Prints the best of R runs for each, and the ratio; checks that both end in the same state.
The nelm binary is --nelm, else $NELM_BIN, else .build/release/nelm (build it with
`swift build -c release --product nelm`), else .build/debug/nelm.
"""
import argparse
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

import fsrs

REPO = pathlib.Path(__file__).resolve().parents[1]


def history(count, seed=2010):
    rng = random.Random(seed)
    at = datetime(2000, 1, 1, tzinfo=timezone.utc)
    reviews = []
    for _ in range(count):
        reviews.append({"rating": rng.choice([1, 2, 3, 3, 3, 4]),
                        "at": at.strftime("%Y-%m-%dT%H:%M:%S.")
                        + f"{at.microsecond // 1000:03d}Z"})
        at += timedelta(milliseconds=rng.randrange(60_000, 86_400_000))
    return reviews


def time_package(reviews):
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    parsed = [(fsrs.Rating(r["rating"]),
               datetime.fromisoformat(r["at"].replace("Z", "+00:00"))) for r in reviews]
    card = fsrs.Card(card_id=1)
    start = time.perf_counter()
    for rating, at in parsed:
        card, _ = scheduler.review_card(card, rating, at)
    return time.perf_counter() - start, card


def time_nelm(binary, path):
    start = time.perf_counter()
    result = subprocess.run([binary, "schedule", "replay", str(path), "--json"],
                            capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{binary} failed ({result.returncode}): {result.stderr.decode()[:500]}")
    return elapsed, result.stdout


def nelm_binary(option):
    if option:
        if not os.access(option, os.X_OK):
            sys.exit(f"{option} is not an executable")
        return option
    for candidate in (os.environ.get("NELM_BIN"), REPO / ".build/release/nelm",
                      REPO / ".build/debug/nelm"):
        if candidate and os.access(candidate, os.X_OK):
            return str(candidate)
    sys.exit("no nelm binary: swift build -c release --product nelm")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--nelm")
    args = parser.parse_args()
    binary = nelm_binary(args.nelm)
    reviews = history(args.reviews)
    with tempfile.TemporaryDirectory() as scratch:
        path = pathlib.Path(scratch) / "history.json"
        path.write_text(json.dumps(reviews))
        package = min((time_package(reviews) for _ in range(args.runs)), key=lambda r: r[0])
        nelm = min((time_nelm(binary, path) for _ in range(args.runs)), key=lambda r: r[0])
        bench = pathlib.Path(binary).with_name("nelm-bench")
        in_process = None
        if os.access(bench, os.X_OK):
            out = subprocess.run([str(bench), "fsrs", str(path)], capture_output=True,
                                 text=True).stdout
            match = [line for line in out.splitlines() if "median" in line]
            if match:
                in_process = float(match[0].split("median")[1].split("ms")[0]) / 1000
    last = json.loads(nelm[1].decode().splitlines()[-1])
    card = package[1]
    agree = (abs(last["stability"] - card.stability) <= 1e-6
             and abs(last["difficulty"] - card.difficulty) <= 1e-6
             and last["due"].replace("Z", "") == card.due.isoformat(timespec="milliseconds")[:-6])
    print(f"reviews: {args.reviews:,}, best of {args.runs} runs")
    print(f"fsrs {fsrs_version()} (Python, in process): {package[0]:8.3f} s"
          f"  ({package[0] / args.reviews * 1e6:.2f} µs a review)")
    print(f"nelm schedule replay (whole process):  {nelm[0]:8.3f} s"
          f"  ({nelm[0] / args.reviews * 1e6:.2f} µs a review)  [{binary}]")
    print(f"ratio (fsrs / nelm, whole process): {package[0] / nelm[0]:.1f}x")
    if in_process:
        print(f"nelm scheduling alone (in process, median): {in_process:8.3f} s"
              f"  ({in_process / args.reviews * 1e6:.2f} µs a review)")
        print(f"ratio (fsrs / nelm, scheduling alone): {package[0] / in_process:.1f}x")
    print(f"final states agree: {'yes' if agree else 'NO'}")
    if not agree:
        sys.exit(1)


def fsrs_version():
    from importlib.metadata import version
    return version("fsrs")


if __name__ == "__main__":
    main()
