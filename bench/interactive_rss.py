"""Peak resident memory of an interactive session on a pseudo-terminal.

The scenario of issue 11: study a lesson (its pages, then its first questions), `lessons`,
`progress`, `case random`, `search`, `glossary`, then Ctrl-D. Reads the child's own VmHWM
from /proc just before it leaves (pagers are separate processes: PAGER=cat keeps the text in
nelm's output without counting another program).

Usage: python3 bench/interactive_rss.py RUNS LABEL -- COMMAND [ARG ...]
Prints one line: the label, then the median, min and max peak in MiB.
"""
import os
import statistics
import sys

import pexpect

PROMPT = r"(nelm( \d+)?|answer|case)> "


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise SystemExit("no VmHWM")


def session(argv, env):
    child = pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8", timeout=30,
                          dimensions=(40, 100))
    child.expect(PROMPT)
    child.sendline("study 1")
    for _ in range(14):  # the pages (Enter), then the first questions (answered "a")
        child.expect(PROMPT)
        child.sendline("a" if child.match.group(1) == "answer" else "")
    for command in ("lessons", "progress", "case random --seed 3", "skip", "skip",
                    "search somatostatin", "glossary"):
        child.expect(PROMPT)
        child.sendline(command)
    child.expect(PROMPT)
    peak = peak_kib(child.pid)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    return peak / 1024


def main():
    runs, label = int(sys.argv[1]), sys.argv[2]
    argv = sys.argv[sys.argv.index("--") + 1:]
    env = dict(os.environ, TERM="xterm", PAGER="cat")
    samples = [session(argv, env) for _ in range(runs)]
    print(f"{label:52} median {statistics.median(samples):6.1f} MiB"
          f"   min {min(samples):6.1f}   max {max(samples):6.1f}   (n={len(samples)})")


if __name__ == "__main__":
    main()
