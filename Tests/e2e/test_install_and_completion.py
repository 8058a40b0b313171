"""`make install` puts the binary, the course, the man page and the bash, zsh and fish
completions under PREFIX; each shell, given the installed script the way it loads one,
completes nelm's values (files, folders, learners, case ids, glossary terms, lesson ids) by
calling back into nelm, which reads and writes nothing it should not."""
import os
import re
import shutil
import subprocess
import time

import pexpect
import pytest

from conftest import LESSONS, REPO, nelm_binary

FACTS_DIR = REPO / "Tests" / "e2e" / "facts"


@pytest.fixture(scope="module")
def prefix(tmp_path_factory):
    """The install steps of `make install`, on the binary under test (its build is the one the
    man page generator reads)."""
    prefix = tmp_path_factory.mktemp("prefix")
    binary = nelm_binary()
    configuration = "release" if "/release/" in binary else "debug"
    result = subprocess.run(
        ["make", "--no-print-directory", "install-files", f"PREFIX={prefix}",
         f"NELM_INSTALL_BIN={binary}", f"MANUAL_CONFIGURATION={configuration}"],
        cwd=REPO, capture_output=True, timeout=600)
    assert result.returncode == 0, result.stdout.decode()[-3000:] + result.stderr.decode()[-3000:]
    return prefix


INSTALLED = [
    "bin/nelm", "share/man/man1/nelm.1", "share/bash-completion/completions/nelm",
    "share/zsh/site-functions/_nelm", "share/fish/vendor_completions.d/nelm.fish",
    "share/nelm/anki-package", "share/nelm/Lessons/README.md", "share/nelm/Lessons/glossary.yaml",
    "share/nelm/Lessons/references.yaml", "libexec/nelm/nelm-http",
]


def test_every_file_is_installed_and_the_binary_finds_its_course(prefix, tmp_path):
    for path in INSTALLED:
        assert (prefix / path).is_file() and (prefix / path).stat().st_size > 0, path
    assert os.access(prefix / "bin/nelm", os.X_OK)
    lessons = sorted(p.name for p in LESSONS.glob("*.yaml"))
    assert sorted(p.name for p in (prefix / "share/nelm/Lessons").glob("*.yaml")) == lessons
    # From another folder, with no NELM_LESSONS: the course installed beside the binary.
    result = subprocess.run([str(prefix / "bin/nelm"), "case", "list"], cwd=tmp_path,
                            capture_output=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
                            timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert len(result.stdout.decode().splitlines()) == 2 * len(list((LESSONS / "cases").glob("*.yaml")))
    # The installed nelm finds its sync helper in ../libexec/nelm (no LRS listens on port 9:
    # it fails later, for want of progress, not of the helper).
    result = subprocess.run(
        [str(prefix / "bin/nelm"), "sync", "--lrs", "http://127.0.0.1:9/xAPI/", "--learner", "x",
         "--sessions", str(tmp_path / "s")], cwd=tmp_path, capture_output=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, timeout=60)
    assert "nelm-http" not in result.stderr.decode(), result.stderr.decode()


@pytest.mark.skipif(shutil.which("man") is None, reason="no man on this machine")
def test_the_man_page_renders_with_the_shell_commands_and_the_exit_statuses(prefix, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C", "MANWIDTH": "200", "HOME": str(tmp_path)}
    result = subprocess.run(["man", "--warnings", "-l", str(prefix / "share/man/man1/nelm.1")],
                            capture_output=True, env=env, timeout=60)
    assert result.returncode == 0
    assert result.stderr.decode() == ""  # no groff or mdoc warning
    page = re.sub(r".\x08", "", result.stdout.decode())
    headings = [line for line in page.splitlines() if re.fullmatch(r"[A-Z][A-Z ]+", line)]
    assert headings == ["NAME", "SYNOPSIS", "DESCRIPTION", "SHELL COMMANDS", "ENVIRONMENT",
                        "FILES", "EXIT STATUS"]
    for subcommand in ["lint", "solve", "case", "export", "define", "search", "sources",
                       "schedule"]:
        assert re.search(rf"^\s+{subcommand}\b", page, re.M), subcommand
    # Every command the shell's own `help` lists, with how it is typed.
    shell_help = subprocess.run(
        [nelm_binary(), "--learner", "man", "--lessons", str(LESSONS),
         "--sessions", str(tmp_path / "sessions")],
        input=b"help\nquit\n", capture_output=True, env=env, timeout=60).stdout.decode()
    usages = re.findall(r"^  (\S.*?)\s{2,}", shell_help, re.M)
    assert len(usages) > 15
    for usage in usages:
        assert usage in page, usage
    status = page[page.index("\nEXIT STATUS"):]
    assert re.findall(r"^\s+(\d+)\s", status, re.M) == ["0", "1", "2", "64"]
    assert "--manual-sections" not in page


# --- Completion, in each shell as it loads an installed script. -----------------------------

@pytest.fixture(scope="module")
def world(prefix, tmp_path_factory):
    """An environment where `nelm` is the installed one; a sessions folder with two learners;
    a cache folder that a completion must not create."""
    root = tmp_path_factory.mktemp("world")
    sessions = root / "sessions"
    sessions.mkdir()
    for name in ("ana", "bob"):
        (sessions / f"{name}.json").write_text("{}")
    (root / "home").mkdir()
    env = {
        "PATH": f"{prefix / 'bin'}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(root / "home"), "XDG_CACHE_HOME": str(root / "cache"),
        "XDG_STATE_HOME": str(root / "state"), "XDG_DATA_HOME": str(root / "data"),
        "LANG": "C.UTF-8", "TERM": "dumb", "PS1": "PROMPT> ",
    }
    return {"env": env, "sessions": sessions, "root": root, "prefix": prefix}


def unique_prefix(words, word):
    """The shortest start of `word` that no other of `words` shares."""
    for length in range(1, len(word) + 1):
        if [w for w in words if w.startswith(word[:length])] == [word]:
            return word[:length]
    return word


def completions(world):
    """(the line typed before Tab, the word Tab must complete it to)."""
    case_ids = [path.read_text().split("\n")[0].split(": ")[1]
                for path in sorted((LESSONS / "cases").glob("*.yaml"))]
    case = case_ids[0]
    facts = sorted(path.name for path in FACTS_DIR.glob("*.json"))
    sessions = world["sessions"]
    return [
        (f"nelm case show {unique_prefix(case_ids, case)}", case),
        ("nelm case show random:42:tra", "random:42:transplant"),
        (f"nelm --sessions {sessions} --learner b", "bob"),
        (f"nelm export xapi - --sessions {sessions} --learner a", "ana"),
        ("nelm define Ki-", "Ki-67"),
        ("nelm export anki out.txt --lesson grading-a", "grading-and-staging"),
        (f"nelm solve {FACTS_DIR}/{unique_prefix(facts, facts[0])}", f"{FACTS_DIR}/{facts[0]}"),
        (f"nelm --lessons {REPO}/Less", f"{REPO}/Lessons/"),
    ]


def interactive(world, command, setup):
    shell = pexpect.spawn(command[0], command[1:], env=world["env"], encoding="utf-8",
                          dimensions=(50, 250), timeout=20)
    shell.sendline(setup)
    shell.expect("READY")
    shell.expect("PROMPT> ")
    return shell


def complete_line(shell, line):
    """The line after Tab: typed, completed, then echoed back with a marker to read it."""
    shell.send(line + "\t")
    time.sleep(0.7)
    shell.send("\x01echo \x05QQEND\r")
    shell.expect(r"\r\n(.*)QQEND\r\n")
    completed = shell.match.group(1)
    shell.expect("PROMPT> ")
    return completed


def check_no_side_effects(world):
    assert not (world["root"] / "cache").exists(), "a completion wrote the course cache"
    assert sorted(p.name for p in world["sessions"].iterdir()) == ["ana.json", "bob.json"]


def test_bash_completes_values(world):
    script = world["prefix"] / "share/bash-completion/completions/nelm"
    shell = interactive(world, ["bash", "--norc", "--noprofile", "-i"],
                        f"source {script}; bind 'set show-all-if-ambiguous on'; echo READY")
    try:
        for line, word in completions(world):
            assert complete_line(shell, line).split()[-1] == word, line
    finally:
        shell.close(force=True)
    check_no_side_effects(world)


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completes_values(world):
    functions = world["prefix"] / "share/zsh/site-functions"
    shell = interactive(
        world, ["zsh", "-f", "-i"],
        f"PS1='PROMPT> '; fpath=({functions} $fpath); autoload -U compinit; compinit -u -D; "
        "unsetopt beep; echo READY")
    try:
        for line, word in completions(world):
            # zsh takes the slash off a folder when the line goes on.
            assert complete_line(shell, line).split()[-1] == word.rstrip("/"), line
    finally:
        shell.close(force=True)
    check_no_side_effects(world)


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_values(world):
    script = world["prefix"] / "share/fish/vendor_completions.d/nelm.fish"
    for line, word in completions(world):
        start = line.rsplit(" ", 1)[1]
        result = subprocess.run(["fish", "-i", "-c", f"source {script}; complete -C '{line}'"],
                                capture_output=True, env=world["env"], timeout=60)
        candidates = [c.split("\t")[0] for c in result.stdout.decode().splitlines()]
        assert word in candidates or word.rstrip("/") + "/" in candidates, (line, candidates,
                                                                           result.stderr)
        assert all(c.startswith(start) for c in candidates), (line, candidates)
    check_no_side_effects(world)


def test_a_callback_answers_quickly(world):
    started = time.monotonic()
    for _ in range(5):
        result = subprocess.run(
            ["nelm", "---completion", "case", "show", "--", "positional@0", "3", "0",
             "nelm", "case", "show", ""], capture_output=True, env=world["env"], timeout=60)
        assert result.returncode == 0
    assert (time.monotonic() - started) / 5 < 0.5
    check_no_side_effects(world)
