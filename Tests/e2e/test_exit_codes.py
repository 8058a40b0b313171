"""Every command ends with the status its kind of outcome has in the table of `nelm --help`
(0 success, 1 failure, 2 bad input, 64 usage): the same kind of error gives the same status
whichever command meets it."""
import re
import subprocess

import pytest

from conftest import LESSONS, REPO

SUCCESS, FAILURE, BAD_INPUT, USAGE = 0, 1, 2, 64
FACTS = next((REPO / "Tests" / "e2e" / "facts").glob("*.json"))


@pytest.fixture
def places(tmp_path):
    """Files and folders of every kind: missing, a folder for a file, invalid, broken."""
    broken = tmp_path / "broken-course"
    broken.mkdir()
    (broken / "glossary.yaml").write_text("terms:\n  - term: LM\n")
    (tmp_path / "not-json.json").write_text("{ this is not json")
    (tmp_path / "history.json").write_text('[{"rating": 3, "at": "2026-01-01T00:00:00Z"}]')
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    return {
        "missing": str(tmp_path / "no-such-file.json"), "folder": str(tmp_path),
        "invalid": str(tmp_path / "not-json.json"), "broken": str(broken),
        "nowhere": str(tmp_path / "no-such-folder"), "lessons": str(LESSONS),
        "facts": str(FACTS), "history": str(tmp_path / "history.json"),
        "sessions": str(sessions), "unwritable": str(tmp_path / "no-such-folder" / "out.txt"),
    }


# (what is wrong, the command line with {placeholders}, standard input, the status)
CASES = [
    # A file named on the command line.
    ("solve: no such file", "solve {missing}", None, BAD_INPUT),
    ("solve: a folder", "solve {folder}", None, BAD_INPUT),
    ("solve: not JSON", "solve {invalid}", None, BAD_INPUT),
    ("solve: good facts", "solve {facts}", None, SUCCESS),
    ("replay: no such file", "schedule replay {missing}", None, BAD_INPUT),
    ("replay: a folder", "schedule replay {folder}", None, BAD_INPUT),
    ("replay: not JSON", "schedule replay {invalid}", None, BAD_INPUT),
    ("replay: good history", "schedule replay {history}", None, SUCCESS),
    # The course folder, missing or broken, in every command that reads it.
    ("lint: no such folder", "lint {nowhere}", None, BAD_INPUT),
    ("lint: a file", "lint {facts}", None, BAD_INPUT),
    ("lint: problems found", "lint {broken}", None, FAILURE),
    ("lint: clean", "lint {lessons}", None, SUCCESS),
    ("case list: no such folder", "case list --lessons {nowhere}", None, BAD_INPUT),
    ("case list: broken course", "case list --lessons {broken}", None, BAD_INPUT),
    ("case show: no such folder", "case show x --lessons {nowhere}", None, BAD_INPUT),
    ("define: no such folder", "define LM --lessons {nowhere}", None, BAD_INPUT),
    ("define: broken course", "define LM --lessons {broken}", None, BAD_INPUT),
    ("search: no such folder", "search liver --lessons {nowhere}", None, BAD_INPUT),
    ("sources: no such folder", "sources --lessons {nowhere}", None, BAD_INPUT),
    ("sources: broken course", "sources --lessons {broken}", None, BAD_INPUT),
    ("export anki: no such folder", "export anki - --lessons {nowhere}", None, BAD_INPUT),
    ("export anki: broken course", "export anki - --lessons {broken}", None, BAD_INPUT),
    ("export xapi: no such folder",
     "export xapi - --learner ana --sessions {sessions} --lessons {nowhere}", None, BAD_INPUT),
    ("shell: no such folder", "--learner ana --sessions {sessions} --lessons {nowhere}",
     "quit\n", BAD_INPUT),
    ("shell: broken course", "--learner ana --sessions {sessions} --lessons {broken}",
     "quit\n", BAD_INPUT),
    # Something named that the course or the sessions folder does not have.
    ("case show: no such case", "case show no-such-case --lessons {lessons}", None, BAD_INPUT),
    ("export anki: no such lesson", "export anki - --lesson nope --lessons {lessons}", None,
     BAD_INPUT),
    ("export xapi: learner without progress",
     "export xapi - --learner nobody --sessions {sessions} --lessons {lessons}", None,
     BAD_INPUT),
    ("export markdown: learner without progress",
     "export markdown - --learner nobody --sessions {sessions} --lessons {lessons}", None,
     BAD_INPUT),
    # Ran, but found nothing or could not finish.
    ("define: no such term", "define zzzz --lessons {lessons}", None, FAILURE),
    ("search: nothing found", "search zzzzqqq --lessons {lessons}", None, FAILURE),
    ("export anki: cannot write", "export anki {unwritable} --lessons {lessons}", None, FAILURE),
    ("shell: a piped command fails", "--learner ana --sessions {sessions} --lessons {lessons}",
     "lesons\n", FAILURE),
    ("shell: a piped session", "--learner ana --sessions {sessions} --lessons {lessons}",
     "lessons\nquit\n", SUCCESS),
    # The command line itself.
    ("solve: no argument", "solve", None, USAGE),
    ("solve: unknown option", "solve {facts} --nope", None, USAGE),
    ("lint: unknown option", "lint --nope", None, USAGE),
    ("unknown subcommand", "nope-command x", None, USAGE),
    ("search: --limit 0", "search liver --limit 0 --lessons {lessons}", None, USAGE),
    ("case show: random:x", "case show random:x", None, USAGE),
    ("case show: unknown topic", "case show random:1:nope", None, USAGE),
    ("case show: random:1:transplant", "case show random:1:transplant", None, SUCCESS),
    ("export xapi: no learner", "export xapi - --sessions {sessions} --lessons {lessons}", None,
     USAGE),
    # Any display name is allowed ("Sam Resident"); one that would reorder the terminal is not.
    ("export xapi: learner name with a direction override",
     "export xapi - --learner 'a\u202eb' --sessions {sessions} --lessons {lessons}", None, USAGE),
    ("shell: learner name with a direction override",
     "--learner 'a\u202eb' --sessions {sessions} --lessons {lessons}", "quit\n", USAGE),
    ("shell: no learner through a pipe", "--sessions {sessions} --lessons {lessons}", "quit\n",
     USAGE),
]


def split(command_line, places):
    """The arguments of a command line: words, or a quoted one with spaces."""
    return [word.strip("'").format(**places)
            for word in re.findall(r"'[^']*'|\S+", command_line)]


@pytest.mark.parametrize("what,command_line,stdin,status", CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_outcome_has_its_status(nelm_bin, home, places, what, command_line, stdin,
                                             status):
    result = subprocess.run([nelm_bin, *split(command_line, places)],
                            input=(stdin or "").encode(), capture_output=True, env=home,
                            timeout=60)
    assert result.returncode == status, result.stderr.decode()
    if status != SUCCESS:
        assert result.stderr.strip(), f"{what}: an error needs a message"


def test_help_documents_the_table(nelm_bin, home):
    help_text = subprocess.run([nelm_bin, "--help"], capture_output=True, env=home,
                               timeout=60).stdout.decode()
    table = help_text[help_text.index("Exit status"):help_text.index("USAGE:")]
    assert [int(line.split()[0]) for line in table.splitlines()[1:] if line.strip()] == [
        SUCCESS, FAILURE, BAD_INPUT, USAGE]


def test_the_readme_documents_the_same_table(nelm_bin, home):
    help_text = subprocess.run([nelm_bin, "--help"], capture_output=True, env=home,
                               timeout=60).stdout.decode()
    readme = (REPO / "README.md").read_text()
    for status in (SUCCESS, FAILURE, BAD_INPUT, USAGE):
        summary = re.search(rf"^\s+{status}\s+(\w[\w ]*)", help_text, re.M).group(1).strip()
        assert re.search(rf"^\| `{status}` \| {summary}", readme, re.M), (status, summary)

