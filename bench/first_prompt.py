"""Time from starting nelm on a pseudo-terminal to its first prompt, course loaded, beside
the same measurement of a shell that prints a prompt at once (the harness's own floor).

Usage: python3 bench/first_prompt.py BINARY [RUNS]
"""
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time


def time_to_prompt(argv, env, prompt=b"nelm> "):
    """Milliseconds from spawn to `prompt` on a fresh pty; then ends the child with Ctrl-D."""
    leader, follower = os.openpty()
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower, env=env,
                             start_new_session=True)
    seen = b""
    while prompt not in seen:
        ready, _, _ = select.select([leader], [], [], 10)
        if not ready:
            raise SystemExit(f"no prompt from {argv[0]}: {seen[-200:]!r}")
        seen += os.read(leader, 65536)
    elapsed = (time.perf_counter() - start) * 1000
    os.write(leader, b"\x04")
    child.wait(timeout=10)
    os.close(follower)
    os.close(leader)
    return elapsed


def line(label, samples):
    print(f"{label:44} median {statistics.median(samples):8.3f} ms"
          f"   min {min(samples):8.3f}   max {max(samples):8.3f}   (n={len(samples)})")


def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, HOME=scratch, XDG_STATE_HOME=scratch + "/state", TERM="xterm")
        nelm = [binary, "--learner", "bench", "--lessons", "Lessons", "--sessions", scratch + "/s"]
        floor = ["/bin/sh", "-c", "printf 'nelm> '; read x"]
        nelm_samples, floor_samples = [], []
        for run in range(runs + 1):
            n, f = time_to_prompt(nelm, env), time_to_prompt(floor, env)
            if run > 0:  # the first run warms the file cache
                nelm_samples.append(n)
                floor_samples.append(f)
    line("start → first prompt on a pty (nelm)", nelm_samples)
    line("start → first prompt on a pty (sh, floor)", floor_samples)


if __name__ == "__main__":
    main()
