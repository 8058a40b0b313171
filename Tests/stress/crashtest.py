#!/usr/bin/env python3
"""Crash test: kill nelm at random moments and check that nothing saved is lost.

Each run starts nelm for one learner (a fresh one or one used before), feeds it a stream of
lines that studies lessons and answers their questions and the steps of clinical cases, and
ends it: at a random moment, or (every other run) a few milliseconds after an answer line
was written, so that many kills land while that answer is being saved. The runs take turns
over four ways to end it (`--methods`): SIGKILL, SIGTERM and SIGHUP to nelm on a pipe, and a
closed terminal (nelm on a pseudo-terminal whose master side is closed, as when a terminal
window is closed: the kernel hangs the terminal up and sends SIGHUP). The shell prints a `Saved.` line (or, for the last answer of a lesson or case,
`Lesson complete` / `Case complete`) only after the answer is durably saved; the test counts
those lines, read unbuffered from the pipe, up to the kill.

After each kill:
- the session file, if there is one, validates against the schema (it is replaced atomically);
- `nelm --learner X ... <<< quit` exits 0 (it cuts a torn log tail and recounts answers);
- then the session file and the answer log validate, `answerCount` equals the log's length;
- every answer acknowledged before the kill is in the log, in order, item and response.

Inputs are derived from the course itself: the lesson YAML (pages, questions, keys) and
`nelm case show ID --json` (steps, options, keys). A run's lines start from where the
session file says each lesson and case was left.

    python3 Tests/stress/crashtest.py --kills 240            # the full run (`make crashtest`)
    python3 Tests/stress/crashtest.py --kills 25 --seed 7    # what `make test` runs
    python3 Tests/stress/crashtest.py --kills 40 --methods SIGTERM,terminal

After SIGTERM, SIGHUP or a closed terminal nelm must end by that signal (or, for a terminal
it finds hung up first, with status 0 or 1), never with a crash.

Prints the figures: runs, kills by method, kills during a write, answers acknowledged, losses.
Exit status 1 when any check failed.
"""
import argparse
import fcntl
import json
import os
import pathlib
import pty
import random
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests" / "e2e"))

from conftest import option_order, shown_letter  # noqa: E402
from test_session_schema import validate_answer_log, validate_session_file  # noqa: E402

LESSONS = REPO / "Lessons"
# Lines the shell prints only after the answer before them is durably saved.
ACKS = ("Saved. [Enter]", "Lesson complete", "Case complete")
# The ways a run is ended, and the statuses each may end with.
METHODS = ("SIGKILL", "SIGTERM", "SIGHUP", "terminal")
EXPECTED = {
    "SIGKILL": {-signal.SIGKILL}, "SIGTERM": {-signal.SIGTERM}, "SIGHUP": {-signal.SIGHUP},
    # A hung-up terminal: SIGHUP, or nelm reads the end of input (0) or fails a write (1).
    "terminal": {-signal.SIGHUP, 0, 1},
}
# What a terminal shows besides text: escape sequences and carriage returns.
TERMINAL_NOISE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\r")


def default_binary():
    return os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm"))


def load_lessons():
    """The lessons in course order (other YAML files in the folder, like a glossary, skipped)."""
    lessons = []
    for path in sorted(LESSONS.glob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "pages" in data and "order" in data:
            lessons.append(data)
    return sorted(lessons, key=lambda lesson: lesson["order"])


class Course:
    """What the driver needs of the course: lessons with their steps, cases with their keys."""

    def __init__(self, binary, env):
        self.lessons = load_lessons()
        listing = subprocess.run(
            [binary, "case", "list", "--lessons", str(LESSONS)], capture_output=True, env=env,
            timeout=60, check=True).stdout.decode()
        ids = [line.split()[0] for line in listing.splitlines()
               if line and not line.startswith(" ")]
        self.cases = []
        for case_id in ids:
            shown = subprocess.run(
                [binary, "case", "show", case_id, "--json", "--lessons", str(LESSONS)],
                capture_output=True, env=env, timeout=60, check=True)
            self.cases.append(json.loads(shown.stdout))
        if not self.lessons or not self.cases:
            raise SystemExit("crashtest: no lessons or no cases found")


def letters(count):
    return [chr(ord("a") + index) for index in range(count)]


def lesson_lines(lesson, session, rng, learner):
    """Lines that study `lesson` from where `session` left it to its end.

    Yields (line, answer) pairs; answer is (item, response) for an answer line, else None.
    """
    pages, questions = lesson["pages"], lesson["questions"]
    progress = session.get("lessons", {}).get(lesson["id"])
    position = 0
    if progress and progress["position"] < len(pages) + len(questions):
        position = progress["position"]
    yield f"study {lesson['id']}", None
    for step in range(position, len(pages) + len(questions)):
        if step < len(pages):
            yield "", None
            continue
        question = questions[step - len(pages)]
        if rng.random() < 0.7:
            response = sorted(question["key"])
        else:
            response = [rng.choice([o["id"] for o in question["options"]])]
        # Options are shown shuffled per learner: type the letters this learner sees.
        typed = sorted(shown_letter(learner, lesson, question, i) for i in response)
        yield " ".join(typed), (f"{lesson['id']}/{question['id']}", response)
        if step < len(pages) + len(questions) - 1:
            yield "", None


def case_lines(case, session, rng, learner):
    """Lines that answer every step of `case` from where `session` left it."""
    progress = session.get("cases", {}).get(case["id"])
    position = 0
    if progress and not progress["completed"]:
        position = progress["position"]
    yield f"case {case['id']}", None
    steps = case["steps"]
    for index in range(position, len(steps)):
        step = steps[index]
        ids = [option["id"] for option in step["options"]]
        several = step["kind"] in ("adjuncts", "milan_failures")
        if rng.random() < 0.7 or (several and not step["key"]):
            chosen = list(step["key"]) if several else [step["key"][0]]
        else:
            chosen = [rng.choice(ids)]
        if several and not chosen:
            line, response = "none", []
        else:
            order = option_order(learner, f"case/{case['id']}/{step['id']}", len(ids))
            shown = [ids[i] for i in order]
            line = " ".join(sorted(letters(len(ids))[shown.index(choice)] for choice in chosen))
            response = sorted(chosen)
        yield line, (f"case/{case['id']}/{step['id']}", response)
        if index < len(steps) - 1:
            yield "", None


def plan(course, session, rng, learner):
    """A run's stream: a few lessons and cases in random order, each from where it was left."""
    units = [("lesson", lesson) for lesson in rng.sample(course.lessons, 2)]
    units += [("case", case) for case in rng.sample(course.cases, 2)]
    rng.shuffle(units)
    lines = []
    for kind, unit in units:
        lines += list(
            (lesson_lines if kind == "lesson" else case_lines)(unit, session, rng, learner))
    return lines


class Run:
    """One nelm process on a pipe: writes the plan, counts acknowledgements, gets killed."""

    def __init__(self, binary, env, args):
        self.process = subprocess.Popen(
            [binary, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=env, bufsize=0)
        self.acks = 0
        self.output = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.errors = []
        self.error_reader = threading.Thread(target=self._read_errors, daemon=True)
        self.error_reader.start()

    def _read(self):
        pending = b""
        while True:
            try:
                chunk = self.read_chunk()
            except OSError:  # EIO: the terminal was hung up
                chunk = b""
            if not chunk:
                break
            chunk = TERMINAL_NOISE.sub(b"", chunk)
            pending += chunk
            *lines, pending = pending.split(b"\n")
            with self.changed:
                for line in lines:
                    text = line.decode("utf-8", "replace")
                    self.output.append(text)
                    if text.startswith(ACKS):
                        self.acks += 1
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def read_chunk(self):
        return os.read(self.process.stdout.fileno(), 65536)

    def _read_errors(self):
        self.errors.append(self.process.stderr.read().decode("utf-8", "replace"))

    def end(self, method):
        """Ends the process the way `method` names."""
        self.process.send_signal(getattr(signal, method))

    def write(self, line):
        """Writes a line; False once the process is gone."""
        try:
            self.process.stdin.write(line.encode() + b"\n")
            return True
        except (BrokenPipeError, OSError):
            return False

    def wait_for_acks(self, count, timeout=20):
        deadline = time.monotonic() + timeout
        with self.changed:
            while self.acks < count and self.reader.is_alive():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.changed.wait(left)
            return self.acks >= count

    def finish(self):
        """Waits for the process and both readers; returns (status, acks, stdout, stderr)."""
        try:
            self.process.stdin.close()
        except OSError:
            pass
        status = self.process.wait(timeout=60)
        self.reader.join(timeout=60)
        self.error_reader.join(timeout=60)
        return status, self.acks, "\n".join(self.output), "".join(self.errors)


class TerminalRun(Run):
    """nelm on a pseudo-terminal, as a learner runs it: libedit, prompts, echo. Ending it by
    closing the master side hangs the terminal up, as closing a terminal window does."""

    def __init__(self, binary, env, args):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))

        def controlling_terminal():
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        self.process = subprocess.Popen(
            [binary, *args], stdin=slave, stdout=slave, stderr=slave,
            env={**env, "NO_COLOR": "1", "TERM": "xterm"}, start_new_session=True,
            preexec_fn=controlling_terminal)
        os.close(slave)
        self.acks = 0
        self.output = []
        self.errors = []
        self.changed = threading.Condition()
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def read_chunk(self):
        # A read blocked on the master would keep it open after close_terminal (a close does
        # not end a read in progress), and the terminal would never hang up: poll instead.
        while not self.closed:
            if select.select([self.master], [], [], 0.05)[0]:
                return os.read(self.master, 65536)
        return b""

    def write(self, line):
        if self.closed:
            return False
        try:
            os.write(self.master, line.encode() + b"\n")
            return True
        except OSError:
            return False

    def end(self, method):
        if method == "terminal":
            self.close_terminal()
        else:
            super().end(method)

    def close_terminal(self):
        if not self.closed:
            self.closed = True
            self.reader.join(timeout=10)
            os.close(self.master)

    def finish(self):
        status = self.process.wait(timeout=60)
        self.close_terminal()
        text = "\n".join(self.output)
        # On a terminal, errors come through the same stream.
        return status, self.acks, text, "\n".join(
            line for line in self.output if line.startswith("nelm:"))


def read_session(path):
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def raw_after(path):
    return path.read_bytes() if path.exists() else b""


class Figures:
    def __init__(self):
        self.runs = self.kills = self.during_write = self.acknowledged = 0
        self.losses = self.failures = self.learners = self.torn = 0
        self.messages = []
        self.by_method = {method: 0 for method in METHODS}

    def fail(self, message):
        self.failures += 1
        self.messages.append(message)

    def summary(self):
        methods = ", ".join(f"{count} {method}" for method, count in self.by_method.items()
                            if count)
        return (f"crashtest: {self.runs} runs, {self.kills} kills ({methods}), "
                f"{self.during_write} during a write (between an answer line and its Saved. "
                f"line), {self.acknowledged} answers acknowledged, {self.torn} torn log tails "
                f"repaired, {self.learners} learners, {self.losses} losses, "
                f"{self.failures} failed checks")


def one_run(number, binary, env, sessions, course, rng, figures, learners, method="SIGKILL"):
    if not learners or rng.random() < 0.3:
        learners.append(f"crash{number}")
        figures.learners += 1
    learner = rng.choice(learners)
    session_path = sessions / f"{learner}.json"
    log_path = sessions / f"{learner}.answers.jsonl"
    args = ["--learner", learner, "--lessons", str(LESSONS), "--sessions", str(sessions)]
    before = validate_answer_log(log_path) if log_path.exists() else []
    lines = plan(course, read_session(session_path), rng, learner)
    answers = [answer for _, answer in lines if answer]

    run = (TerminalRun if method == "terminal" else Run)(binary, env, args)
    figures.runs += 1
    targeted = rng.random() < 0.5
    target = rng.randrange(len(answers)) if answers else 0
    kill_at = None if targeted else time.monotonic() + rng.uniform(0.0, 0.05 * len(lines))
    written = 0
    killed = False
    written_at_kill = 0

    def kill():
        nonlocal killed, written_at_kill
        written_at_kill = written
        run.end(method)
        killed = True

    for line, answer in lines:
        if kill_at is not None and time.monotonic() >= kill_at:
            kill()
            break
        if not run.write(line):
            break
        if answer is None:
            continue
        written += 1
        if targeted and written - 1 == target:
            # Half the time within half a millisecond: a fast (release) build acknowledges an
            # answer in well under a millisecond, and the kill should still land in the write.
            time.sleep(rng.uniform(0.0, 0.0005 if rng.random() < 0.5 else 0.006))
            kill()
            break
        if kill_at is not None:
            # Kill while waiting for the save when the moment comes.
            while not run.wait_for_acks(written, timeout=max(0.0, kill_at - time.monotonic())):
                if time.monotonic() >= kill_at:
                    kill()
                    break
                if run.process.poll() is not None:
                    break
            if killed:
                break
        elif not run.wait_for_acks(written):
            break
    if not killed:
        kill()
    status, acks, out, err = run.finish()
    figures.kills += 1
    figures.by_method[method] += 1
    # Everything the process printed before it died counts: it was saved first.
    figures.during_write += written_at_kill > acks
    figures.acknowledged += acks
    where = f"run {number} (learner {learner}, {method})"
    if status not in EXPECTED[method]:
        figures.fail(f"{where}: ended with status {status}:\n{err}\n{out[-2000:]}")
    if "Could not save" in err:
        figures.fail(f"{where}: a save failed: {err}")

    # The session file is replaced atomically: it is valid even straight after the kill.
    if session_path.exists():
        try:
            validate_session_file(session_path)
        except AssertionError as error:
            figures.fail(f"{where}: session file invalid right after the kill: {error}")
    raw = log_path.read_bytes() if log_path.exists() else b""
    if raw and not raw.endswith(b"\n"):
        figures.torn += 1
    reopened = subprocess.run(
        [binary, *args], input=b"quit\n", capture_output=True, env=env, timeout=60)
    if reopened.returncode != 0:
        figures.fail(f"{where}: reopening exited {reopened.returncode}: "
                     f"{reopened.stderr.decode(errors='replace')}")
        return
    if not session_path.exists() and not log_path.exists() and acks == 0:
        # A new learner ended before anything was saved: a session that never changed is
        # not written, and nothing was acknowledged.
        return
    try:
        data = validate_session_file(session_path)
        log = validate_answer_log(log_path) if log_path.exists() else []
    except AssertionError as error:
        figures.fail(f"{where}: {error}")
        return
    # Answers past `logBytes` were logged after the last save; every open counts them again.
    counted = log_path.read_bytes()[:data["logBytes"]].count(b"\n") if log else 0
    if data["answerCount"] != counted or data["logBytes"] > len(raw_after(log_path)):
        figures.fail(f"{where}: answerCount {data['answerCount']}, logBytes {data['logBytes']}, "
                     f"but {counted} answers in those bytes of the log")
    loose = [f"{entry.name} {entry.stat().st_mode & 0o777:o}" for entry in sessions.iterdir()
             if entry.stat().st_mode & 0o077]
    if loose:
        figures.fail(f"{where}: files readable by others: {loose}")
    if log[:len(before)] != before:
        figures.fail(f"{where}: answers logged before this run changed")
    new = [(a["item"], a["response"]) for a in log[len(before):]]
    lost = [answer for answer, got in zip(answers[:acks], new + [None] * acks) if answer != got]
    if lost:
        figures.losses += len(lost)
        figures.fail(f"{where}: {len(lost)} acknowledged answers missing or changed; "
                     f"expected {answers[:acks]}, log has {new}")
    if not acks <= len(new) <= written:
        figures.fail(f"{where}: {len(new)} new answers logged, {acks} acknowledged, "
                     f"{written} written")


def crash_test(kills, binary=None, seed=None, sessions=None, progress=False, methods=METHODS):
    """Runs `kills` killed runs, taking the `methods` in turn; returns the Figures."""
    binary = binary or default_binary()
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="nelm-crash-") as scratch:
        scratch = pathlib.Path(scratch)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(scratch),
            "XDG_STATE_HOME": str(scratch / "state"), "XDG_DATA_HOME": str(scratch / "data"),
            "LANG": "C.UTF-8",
        }
        sessions = pathlib.Path(sessions) if sessions else scratch / "sessions"
        course = Course(binary, env)
        figures = Figures()
        learners = []
        for number in range(1, kills + 1):
            method = methods[(number - 1) % len(methods)]
            one_run(number, binary, env, sessions, course, rng, figures, learners, method)
            if progress and number % 25 == 0:
                print(f"  … {figures.summary()}", flush=True)
        return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=240)
    parser.add_argument("--methods", default=",".join(METHODS),
                        help=f"how runs end, taken in turn (default: {','.join(METHODS)})")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--bin", default=default_binary())
    parser.add_argument("--sessions", default=None,
                        help="where to keep the session files (default: a temporary folder)")
    options = parser.parse_args()
    seed = options.seed if options.seed is not None else random.randrange(1 << 30)
    print(f"crashtest: {options.bin}, seed {seed}", flush=True)
    started = time.monotonic()
    methods = tuple(options.methods.split(","))
    unknown = [method for method in methods if method not in METHODS]
    if unknown:
        parser.error(f"unknown methods {unknown}; choose from {','.join(METHODS)}")
    figures = crash_test(options.kills, options.bin, seed, options.sessions, progress=True,
                         methods=methods)
    print(figures.summary())
    print(f"crashtest: {time.monotonic() - started:.0f} s")
    for message in figures.messages[:20]:
        print("FAIL", message, file=sys.stderr)
    return 1 if figures.failures else 0


if __name__ == "__main__":
    sys.exit(main())
