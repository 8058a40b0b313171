"""Peak resident memory of an interactive session on a pseudo-terminal.

The scenario of issue 11: study a lesson (its pages, then its first questions), `lessons`,
`progress`, `case random`, `search`, `glossary`, then Ctrl-D. Reads the child's own VmHWM
from /proc just before it leaves (pagers are separate processes: PAGER=cat keeps the text in
nelm's output without counting another program).

The program is run from a fresh copy of its file. The file-backed part of the peak (most of
it: the binary's code) depends on how much of that file is in the page cache, since the
kernel maps the cached pages around each page a fault touches: the same binary measured
1.9-2.4 MiB apart depending on its file's history. A freshly written copy is wholly cached,
as a binary is just after `make install`: the highest figure, and the same for every binary
compared.

Usage: python3 bench/interactive_rss.py RUNS LABEL -- COMMAND [ARG ...]
Prints one line: the label, then the median, min and max peak in MiB.
"""
import os
import shutil
import statistics
import sys
import tempfile

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
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, os.path.basename(argv[0]))
        shutil.copy2(shutil.which(argv[0]) or argv[0], copy)
        samples = [session([copy] + argv[1:], env) for _ in range(runs)]
    print(f"{label:52} median {statistics.median(samples):6.1f} MiB"
          f"   min {min(samples):6.1f}   max {max(samples):6.1f}   (n={len(samples)})")


if __name__ == "__main__":
    main()
