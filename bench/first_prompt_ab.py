"""Time to the first prompt of several builds, one start-up of each in turn.

Usage: python3 bench/first_prompt_ab.py RUNS LEARNER LESSONS SESSIONS BINARY ...
A BINARY whose file name contains "floor" is run without arguments (bench/floor.swift);
every other one as `BINARY --learner LEARNER --lessons LESSONS --sessions SESSIONS`, with a
course cache of its own (builds may differ in the cache's format). Taking turns one start-up
at a time, not in blocks, spreads the machine's busy moments over every build alike. The
first round is not counted (it warms the caches). Prints, for each binary, the median, the
first quartile and the minimum in milliseconds.
"""
import os
import statistics
import sys
import tempfile

from first_prompt import time_to_prompt


def main():
    runs, learner, lessons, sessions = int(sys.argv[1]), *sys.argv[2:5]
    binaries = sys.argv[5:]
    samples = {binary: [] for binary in binaries}
    with tempfile.TemporaryDirectory() as caches:
        for round_ in range(runs + 1):
            for index, binary in enumerate(binaries):
                env = dict(os.environ, TERM="xterm",
                           XDG_CACHE_HOME=os.path.join(caches, str(index)))
                argv = [binary]
                if "floor" not in os.path.basename(binary):
                    argv += ["--learner", learner, "--lessons", os.path.abspath(lessons),
                             "--sessions", sessions]
                elapsed = time_to_prompt(argv, env)
                if round_:
                    samples[binary].append(elapsed)
    for binary in binaries:
        times = sorted(samples[binary])
        print(f"{binary:40} {learner:10} median {statistics.median(times):6.2f}"
              f"   q1 {times[len(times) // 4]:6.2f}   min {times[0]:6.2f} ms   (n={len(times)})")


if __name__ == "__main__":
    main()
