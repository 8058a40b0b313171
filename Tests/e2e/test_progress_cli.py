"""`nelm progress [--json]` for scripts: the shell's dashboard without the shell, read without
the learner's lock, consistent while a shell writes; and `progress --json` through a pipe is
JSON alone on stdout (the farewell goes to stderr)."""
import json
import subprocess
import time

import pytest

from conftest import LESSONS, load_lesson, run_piped, validate_json


def args(sessions, learner="ana"):
    return ["--learner", learner, "--lessons", str(LESSONS), "--sessions", str(sessions)]


def progress(nelm_bin, env, sessions, *more, learner="ana"):
    return subprocess.run([nelm_bin, "progress", *more, *args(sessions, learner)],
                          capture_output=True, env=env, timeout=60)


def lesson_one_answers():
    lesson = load_lesson(1)
    lines = ["study 1"] + [""] * (len(lesson["pages"]) - 1) + ["next"]
    for question in lesson["questions"][:3]:
        lines += [" ".join(sorted(question["key"])), ""]
    return lines


def test_the_subcommand_prints_what_the_shell_prints(nelm_bin, home, sessions):
    run_piped(nelm_bin, home, "\n".join(lesson_one_answers() + ["flag", "quit"]) + "\n",
              *args(sessions))
    piped = run_piped(nelm_bin, home, "progress --json\n", *args(sessions))
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stderr.decode() == "Saved. See you soon, ana.\n"
    from_shell = json.loads(piped.stdout)  # stdout is the JSON and nothing else
    alone = progress(nelm_bin, home, sessions, "--json")
    assert alone.returncode == 0, alone.stderr.decode()
    assert json.loads(alone.stdout) == from_shell
    validate_json("progress", from_shell)
    assert from_shell["answers"] == 3 and from_shell["learner"] == "ana"
    text = progress(nelm_bin, home, sessions)
    assert text.returncode == 0
    assert "Progress · ana" in text.stdout.decode() and "\x1b[" not in text.stdout.decode()


def test_it_reads_a_learner_whose_shell_is_open(nelm_bin, home, sessions):
    shell = subprocess.Popen([nelm_bin, *args(sessions)], stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=home)
    try:
        shell.stdin.write(("\n".join(lesson_one_answers()) + "\n").encode())
        shell.stdin.flush()
        log = sessions / "ana.answers.jsonl"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (
                not log.exists() or len(log.read_text().splitlines()) < 3):
            time.sleep(0.05)
        # The shell holds the lock and its stdin is still open: progress reads all the same.
        seen = progress(nelm_bin, home, sessions, "--json")
        assert seen.returncode == 0, seen.stderr.decode()
        assert json.loads(seen.stdout)["answers"] == 3
        shell.stdin.write(b"quit\n")
        shell.stdin.close()
        assert shell.wait(timeout=30) == 0
    finally:
        if shell.poll() is None:
            shell.kill()
            shell.wait()


@pytest.mark.torn_log
def test_a_line_being_appended_and_an_answer_the_session_has_not_counted(
        nelm_bin, home, sessions):
    run_piped(nelm_bin, home, "\n".join(lesson_one_answers() + ["quit"]) + "\n", *args(sessions))
    log = sessions / "ana.answers.jsonl"
    lines = log.read_text().splitlines(keepends=True)
    before = json.loads(progress(nelm_bin, home, sessions, "--json").stdout)
    # A shell that logged an answer but has not saved its session file yet, and is halfway
    # through writing the next line.
    extra = json.loads(lines[0])
    extra["at"] = extra["at"][:-4] + "999Z"
    torn = json.dumps(extra)[:40]
    with log.open("a") as out:
        out.write(json.dumps(extra, sort_keys=True, separators=(",", ":")) + "\n" + torn)
    size = log.stat().st_size
    after = progress(nelm_bin, home, sessions, "--json")
    assert after.returncode == 0, after.stderr.decode()
    assert json.loads(after.stdout)["answers"] == before["answers"] + 1
    assert log.stat().st_size == size, "progress must not repair the log: the shell owns it"
    # Finish the torn line as the shell would, so the end-of-test check sees whole lines.
    log.write_text("".join(lines) + json.dumps(extra, sort_keys=True, separators=(",", ":"))
                   + "\n")


def test_a_learner_without_progress_is_bad_input(nelm_bin, home, sessions):
    result = progress(nelm_bin, home, sessions, "--json", learner="nobody")
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == (
        f"nelm progress: no progress for learner 'nobody' in {sessions}; "
        "check --learner and --sessions\n")


def test_the_days_are_the_learners_days(nelm_bin, home, sessions):
    """The last of the 30 days is today where the learner is, not today in UTC: answers are
    counted in the day of the learner's calendar when they are given."""
    import datetime
    import zoneinfo
    for zone in ["Asia/Tokyo", "Pacific/Kiritimati", "America/Los_Angeles"]:
        folder = sessions / zone.replace("/", "-")
        run_piped(nelm_bin, {**home, "TZ": zone},
                  "\n".join(lesson_one_answers() + ["quit"]) + "\n", *args(folder))
        result = progress(nelm_bin, {**home, "TZ": zone}, folder, "--json")
        today = datetime.datetime.now(zoneinfo.ZoneInfo(zone)).date()
        days = json.loads(result.stdout)["days"]
        assert days[-1]["date"] == today.isoformat(), zone
        assert days[-1]["answers"] == 3, zone
