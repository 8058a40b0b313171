"""Time from starting a program on a pseudo-terminal to its first `nelm> ` prompt.

Usage: python3 bench/first_prompt.py RUNS LABEL -- COMMAND [ARG ...]
Prints one line: the label, then the median, min and max in milliseconds. The first run is
not counted (it warms the file cache).
"""
import os
import select
import statistics
import subprocess
import sys
import time


def time_to_prompt(argv, env, prompt=b"nelm> "):
    """Milliseconds from spawn to `prompt` on a fresh pty; then ends the child with Ctrl-D."""
    leader, follower = os.openpty()
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower, env=env,
                             start_new_session=True)
    seen = b""
    while prompt not in seen:
        ready, _, _ = select.select([leader], [], [], 20)
        if not ready:
            raise SystemExit(f"no prompt from {argv[0]}: {seen[-300:]!r}")
        seen += os.read(leader, 65536)
    elapsed = (time.perf_counter() - start) * 1000
    os.write(leader, b"\x04")
    try:
        child.wait(timeout=20)
    finally:
        os.close(follower)
        os.close(leader)
    return elapsed


def main():
    runs, label = int(sys.argv[1]), sys.argv[2]
    argv = sys.argv[sys.argv.index("--") + 1:]
    env = dict(os.environ, TERM="xterm")
    samples = [time_to_prompt(argv, env) for _ in range(runs + 1)][1:]
    print(f"{label:52} median {statistics.median(samples):8.2f} ms"
          f"   min {min(samples):8.2f}   max {max(samples):8.2f}   (n={len(samples)})")


if __name__ == "__main__":
    main()
