#!/usr/bin/env python3
"""Scheduling 100,000 reviews: `nelm schedule replay` against the PyPI `fsrs` package, like
for like.

Usage: python3 bench/fsrs_compare.py [--reviews N] [--runs R] [--nelm PATH]

Writes one seeded history of N reviews (one item, gaps from a minute to a day, so that the
dates stay within nelm's years) to a file, then runs, in turn, R times after one warm-up each:
  - nelm: `nelm schedule replay FILE --json`;
  - the package: `python3 bench/fsrs_replay.py FILE`, which does with `fsrs` what nelm's
    command does (reads and checks the same file, schedules every review with the same
    parameters, writes the same lines through one write).
Both are whole processes (start-up, reading, scheduling, writing to a file), timed from
here: wall time and CPU time (user + system, the kernel's accounting of the finished child).
Prints each one's median, minimum and maximum and the median of the ratios pair by pair,
then compares the two outputs line by line (every line, byte for byte) and fails on any
difference. For reference it also prints the scheduling alone, in process, for both.
The nelm binary is --nelm, else $NELM_BIN, else .build/release/nelm (build it with
`swift build -c release --product nelm`), else .build/debug/nelm.
"""
import argparse
import json
import os
import pathlib
import random
import resource
import statistics
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


def run(command, output):
    """(wall seconds, CPU seconds, stdout) of one whole process. Its standard output goes to
    the file `output`, not a pipe: read through a pipe here, 12 MB of lines cost this
    script's reading loop as much time as nelm's whole work."""
    with open(output, "wb") as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed ({result.returncode}): {result.stderr.decode()[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, pathlib.Path(output).read_bytes()


def package_in_process(reviews):
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    parsed = [(fsrs.Rating(r["rating"]),
               datetime.fromisoformat(r["at"].replace("Z", "+00:00"))) for r in reviews]
    card = fsrs.Card(card_id=1)
    start = time.perf_counter()
    for rating, at in parsed:
        card, _ = scheduler.review_card(card, rating, at)
    return time.perf_counter() - start


def nelm_in_process(binary, path):
    bench = pathlib.Path(binary).with_name("nelm-bench")
    if not os.access(bench, os.X_OK):
        return None
    out = subprocess.run([str(bench), "fsrs", str(path)], capture_output=True, text=True).stdout
    match = [line for line in out.splitlines() if "median" in line]
    return float(match[0].split("median")[1].split("ms")[0]) / 1000 if match else None


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


def spread(values, unit="s", digits=3):
    return (f"median {statistics.median(values):.{digits}f} {unit} "
            f"(min {min(values):.{digits}f}, max {max(values):.{digits}f})")


def differences(nelm_out, package_out):
    """How many lines differ, and the first few, side by side."""
    ours, theirs = nelm_out.split(b"\n"), package_out.split(b"\n")
    differing = [(i, a, b) for i, (a, b) in enumerate(zip(ours, theirs)) if a != b]
    if len(ours) != len(theirs):
        differing.append((min(len(ours), len(theirs)), b"<line counts differ>",
                          f"{len(ours)} against {len(theirs)}".encode()))
    return differing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--nelm")
    args = parser.parse_args()
    binary = nelm_binary(args.nelm)
    reviews = history(args.reviews)
    with tempfile.TemporaryDirectory() as scratch:
        path = pathlib.Path(scratch) / "history.json"
        path.write_text(json.dumps(reviews))
        nelm = [binary, "schedule", "replay", str(path), "--json"]
        package = [sys.executable, str(REPO / "bench/fsrs_replay.py"), str(path)]
        ours, theirs = pathlib.Path(scratch) / "nelm.out", pathlib.Path(scratch) / "fsrs.out"
        run(nelm, ours), run(package, theirs)
        pairs = [(run(nelm, ours), run(package, theirs)) for _ in range(args.runs)]
        in_process = (min(package_in_process(reviews) for _ in range(3)),
                      nelm_in_process(binary, path))
    print(f"reviews: {args.reviews:,}; {args.runs} runs of each whole process, in turn, "
          f"after one warm-up")
    for name, side in ((f"nelm schedule replay --json [{binary}]", 0),
                       (f"fsrs {fsrs_version()} (bench/fsrs_replay.py)", 1)):
        print(f"{name}\n  wall {spread([p[side][0] for p in pairs])}"
              f"\n  cpu  {spread([p[side][1] for p in pairs])}")
    for label, index in (("wall", 0), ("cpu", 1)):
        ratios = [p[1][index] / p[0][index] for p in pairs]
        print(f"package / nelm, {label}: {spread(ratios, 'x', 1)}")
    package_time, nelm_time = in_process
    print(f"scheduling alone, in process: fsrs {package_time:.3f} s (best of 3)"
          + (f", nelm {nelm_time:.4f} s (median), {package_time / nelm_time:.0f}x"
             if nelm_time else ""))
    differing = differences(pairs[-1][0][2], pairs[-1][1][2])
    lines = pairs[-1][0][2].count(b"\n")
    print(f"outputs: {lines:,} lines from nelm, "
          + ("identical, byte for byte" if not differing else f"{len(differing)} differ"))
    for index, ours, theirs in differing[:5]:
        print(f"  line {index + 1}:\n    nelm: {ours.decode()}\n    fsrs: {theirs.decode()}")
    if differing:
        sys.exit(1)


def fsrs_version():
    from importlib.metadata import version
    return version("fsrs")


if __name__ == "__main__":
    main()
