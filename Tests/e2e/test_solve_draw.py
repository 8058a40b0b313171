"""`nelm solve FILE --draw`: the report, then Figure 3 (reconstructed) with the path of the
facts, through a pipe (no escape codes, ASCII under the C locale) and on a terminal (colour)."""
import re

import pexpect
import pytest

from conftest import REPO, run_piped

FACTS = REPO / "Tests" / "e2e" / "facts"
EXAMPLE = FACTS / "review_example.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
RULE_ID = re.compile(r"\s{2,}(D\d[ab]?(?:/[NS]\d?)?)$")


def tree_of(out):
    """The drawing: from its title to the end."""
    start = out.index("Figure 3 (reconstructed)")
    return out[start:].splitlines()


def marked(lines, marker):
    """The rule ids of the node lines whose connector is followed by `marker` and a space."""
    ids = []
    for line in lines:
        match = RULE_ID.search(line)
        node = re.search(r"(├─ |└─ |\|- |`- )(.)(.)", line)
        if match and node and node.group(2) == marker and node.group(3) == " ":
            ids.append(match.group(1))
    return ids


def solve_draw(nelm_bin, env, *args, stdin=""):
    return run_piped(nelm_bin, env, stdin, "solve", *args)


def test_a_pipe_gets_the_report_then_the_tree_with_the_path_to_d7(nelm_bin, home):
    result = solve_draw(nelm_bin, home, str(EXAMPLE), "--draw")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "\x1b" not in out
    # The usual report comes first, unchanged.
    plain = solve_draw(nelm_bin, home, str(EXAMPLE)).stdout.decode()
    assert out.startswith(plain)
    lines = tree_of(out)
    assert marked(lines, "▶") == ["D7"]
    assert marked(lines, "✗") == ["D2a", "D1", "D2", "D3", "D2b", "D4", "D5", "D6"]
    assert any("for these facts: cytoreductive resection (CRR)" in line for line in lines)
    # 80 columns through a pipe, unless COLUMNS says otherwise.
    assert max(len(line) for line in lines) <= 80
    narrow = solve_draw(nelm_bin, dict(home, COLUMNS="60"), str(EXAMPLE), "--draw")
    assert max(len(line) for line in tree_of(narrow.stdout.decode())) <= 60


def test_standard_input_draws_the_same_tree(nelm_bin, home):
    from_file = solve_draw(nelm_bin, home, str(EXAMPLE), "--draw")
    from_stdin = solve_draw(nelm_bin, home, "-", "--draw", stdin=EXAMPLE.read_text())
    assert from_stdin.returncode == 0, from_stdin.stderr.decode()
    assert from_stdin.stdout == from_file.stdout


@pytest.mark.parametrize("locale", [{"LANG": "C"}, {"LANG": "C.UTF-8", "LC_ALL": "POSIX"}, {}])
def test_the_c_locale_gets_an_ascii_tree(nelm_bin, home, locale):
    env = {key: value for key, value in home.items() if key != "LANG"}
    env.update(locale)
    result = solve_draw(nelm_bin, env, str(EXAMPLE), "--draw")
    assert result.returncode == 0, result.stderr.decode()
    lines = tree_of(result.stdout.decode())
    assert all(line.isascii() for line in lines)
    assert any(line.startswith("|- ") for line in lines)
    assert any(line.startswith("`- ") for line in lines)
    assert marked(lines, ">") == ["D7"]
    assert marked(lines, "x") == ["D2a", "D1", "D2", "D3", "D2b", "D4", "D5", "D6"]


def test_a_branch_under_a_rule_is_lit_with_its_rule(nelm_bin, home):
    result = solve_draw(nelm_bin, home, str(FACTS / "refractory_syndrome.json"), "--draw")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    rule = re.search(r"^  rule: (\S+)$", out, re.MULTILINE).group(1)
    lines = tree_of(out)
    decided = marked(lines, "▶")
    assert "/" in rule and decided == [rule.split("/")[0], rule]


def test_facts_without_liver_metastases_draw_the_tree_without_a_path(nelm_bin, home):
    result = solve_draw(nelm_bin, home, str(FACTS / "no_liver.json"), "--draw")
    assert result.returncode == 0, result.stderr.decode()
    lines = tree_of(result.stdout.decode())
    assert "outside the algorithm" in " ".join(lines)
    assert marked(lines, "▶") == [] and marked(lines, "✗") == []
    assert len([line for line in lines if RULE_ID.search(line)]) > 20


def test_json_and_draw_together_are_a_usage_error(nelm_bin, home):
    result = solve_draw(nelm_bin, home, str(EXAMPLE), "--json", "--draw")
    assert result.returncode == 64
    assert result.stdout == b""
    assert "--draw" in result.stderr.decode() and "--json" in result.stderr.decode()


def test_bad_facts_draw_nothing(nelm_bin, home):
    result = solve_draw(nelm_bin, home, "-", "--draw", stdin='{"age": 1.5}')
    assert result.returncode == 2
    assert b"Figure 3" not in result.stdout


def on_terminal(nelm_bin, env, columns):
    child = pexpect.spawn(nelm_bin, ["solve", str(EXAMPLE), "--draw"], env=env,
                          encoding="utf-8", dimensions=(50, columns), timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before.replace("\r\n", "\n")


@pytest.mark.parametrize("columns", [60, 120])
def test_a_terminal_gets_colour_and_its_own_width(nelm_bin, home, columns):
    env = {key: value for key, value in home.items() if key != "COLUMNS"}
    env["TERM"] = "xterm"
    out = on_terminal(nelm_bin, env, columns)
    lines = tree_of(out)
    decided = next(line for line in lines if ANSI.sub("", line).endswith("D7"))
    assert "\x1b[1;32m▶ " in decided
    plain = [ANSI.sub("", line) for line in lines]
    assert max(len(line) for line in plain) <= columns
    assert marked(plain, "▶") == ["D7"]
    if columns == 120:
        # Wide enough for most labels on one line, so the tree is shorter than at 60.
        assert len(plain) < len(tree_of(ANSI.sub("", on_terminal(nelm_bin, env, 60))))


def test_no_color_on_a_terminal_draws_without_escape_codes(nelm_bin, home):
    env = dict(home, TERM="xterm", NO_COLOR="1")
    out = on_terminal(nelm_bin, env, 100)
    assert "\x1b[" not in out
    assert marked(tree_of(out), "▶") == ["D7"]
