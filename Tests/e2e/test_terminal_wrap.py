"""One-shot outputs wrap to the terminal's width (COLUMNS, else the terminal's size) when
standard output is a terminal, and reach a pipe as whole lines."""
import os
import subprocess

import pexpect
import pytest

from conftest import LESSONS, REPO

FACTS = next((REPO / "Tests" / "e2e" / "facts").glob("*.json"))
CASE = sorted((LESSONS / "cases").glob("*.yaml"))[0].read_text().split("\n")[0].split(": ")[1]
COMMANDS = [
    ["define", "NELM"], ["define"], ["search", "transplant", "--limit", "3"], ["sources"],
    ["case", "list"], ["case", "show", CASE], ["solve", str(FACTS)],
]


def on_terminal(nelm_bin, env, args, columns):
    """The output of nelm on a pseudo-terminal `columns` wide."""
    child = pexpect.spawn(nelm_bin, [*args, "--lessons", str(LESSONS)] if args[0] != "solve"
                          else args, env=env, encoding="utf-8", dimensions=(40, columns),
                          timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before.replace("\r\n", "\n")


def piped(nelm_bin, env, args):
    result = subprocess.run([nelm_bin, *args, "--lessons", str(LESSONS)] if args[0] != "solve"
                            else [nelm_bin, *args], capture_output=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_terminal_gets_lines_no_wider_than_itself_with_every_word_whole(nelm_bin, home, args):
    env = {k: v for k, v in home.items() if k != "COLUMNS"}
    whole = piped(nelm_bin, env, args)
    wrapped = on_terminal(nelm_bin, env, args, columns=60)
    # A word longer than the line (a URL) may stand alone; nothing else passes the edge.
    assert all(len(line) <= 60 or " " not in line.strip() for line in wrapped.splitlines())
    assert wrapped.split() == whole.split()
    if any(len(line) > 60 for line in whole.splitlines()):
        assert wrapped != whole


def test_a_continued_line_keeps_its_indent(nelm_bin, home):
    env = {k: v for k, v in home.items() if k != "COLUMNS"}
    wrapped = on_terminal(nelm_bin, env, ["search", "transplant", "--limit", "1"], columns=50)
    lines = [line for line in wrapped.splitlines() if line]
    # The location (one line or more), then the snippet, indented, over several lines.
    snippet = next(index for index, line in enumerate(lines) if line.startswith("  "))
    assert not lines[0].startswith(" ")
    assert len(lines) - snippet > 1 and all(line.startswith("  ") for line in lines[snippet:])


def test_columns_sets_the_width_on_a_terminal_and_a_pipe_is_never_wrapped(nelm_bin, home):
    env = dict(home, COLUMNS="44")
    wrapped = on_terminal(nelm_bin, env, ["define", "NELM"], columns=120)
    assert max(len(line) for line in wrapped.splitlines()) <= 44
    whole = piped(nelm_bin, env, ["define", "NELM"])
    assert max(len(line) for line in whole.splitlines()) > 44
