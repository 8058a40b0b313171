"""Hostile files: every finding D, C, H and S of the attack report as one row.

A row lays out files (a sessions folder `D` holding learner `ana` with 3 logged answers, a
victim file beside it, a course, a home), runs one nelm command, and checks the exit status,
the message, and that every file it was not meant to change kept its bytes, its mode and its
kind (a link stays a link, a FIFO a FIFO). Rows that need two processes or a terminal carry
their own steps. The ids are those of `shared/findings/attack-2026-12.md`.
"""
import io
import json
import os
import pathlib
import re
import resource
import shutil
import signal
import stat
import subprocess
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

import pexpect
import pytest

from conftest import REPO, load_lesson
from test_session_schema import validate_answer_log, validate_session_file

LESSONS = REPO / "Lessons"
LESSON = load_lesson(1)
V1_FIXTURE = REPO / "Tests" / "ProgressTests" / "Fixtures" / "v1" / "ana.json"
# What a terminal obeys: C0 but newline, DEL, C1, bidirectional overrides and isolates.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b]0;owned\x07\u202eevil\x9b31m"
TIMEOUT = 30


def answer_script(count=1, start=0):
    """Lines that open lesson 1 and answer `count` questions from question `start`."""
    lines = "study 1\n" + "\n" * len(LESSON["pages"])
    for index in range(start, start + count):
        lines += " ".join(LESSON["questions"][index]["key"]) + "\n\n"
    return lines + "quit\n"


@pytest.fixture(scope="module")
def ana(tmp_path_factory):
    """The bytes of `ana.json` and `ana.answers.jsonl` after 3 answers, made by nelm itself."""
    from conftest import nelm_binary
    root = tmp_path_factory.mktemp("ana")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(root),
           "XDG_STATE_HOME": str(root / "state"), "XDG_CACHE_HOME": str(root / "cache"),
           "LANG": "C.UTF-8"}
    result = subprocess.run(
        [nelm_binary(), "--learner", "ana", "--lessons", str(LESSONS), "--sessions",
         str(root / "D")], input=answer_script(3).encode(), env=env, capture_output=True,
        timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr.decode()
    return {"session": (root / "D" / "ana.json").read_bytes(),
            "log": (root / "D" / "ana.answers.jsonl").read_bytes()}


class World:
    """The files of one row under a scratch folder, and the command that runs on them."""

    def __init__(self, root, ana, nelm_bin):
        self.root = root
        self.ana = ana
        self.nelm_bin = nelm_bin
        self.D = root / "D"
        self.home = root / "home"
        self.tmp = root / "tmp"
        for folder in (self.D, self.home, self.tmp):
            folder.mkdir(mode=0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.home),
            "XDG_STATE_HOME": str(root / "state"), "XDG_DATA_HOME": str(root / "data"),
            "XDG_CACHE_HOME": str(root / "cache"), "LANG": "C.UTF-8", "TERM": "xterm",
            "TMPDIR": str(self.tmp),
        }
        self.lessons = LESSONS
        (root / "victim").write_bytes(b"a file nelm must never touch\n")

    def write(self, name, data, mode=0o600):
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        os.chmod(path, mode)
        return path

    def ana_files(self):
        self.write("D/ana.json", self.ana["session"])
        self.write("D/ana.answers.jsonl", self.ana["log"])

    def session(self):
        return json.loads((self.D / "ana.json").read_bytes())

    def edit_session(self, change):
        data = json.loads(self.ana["session"])
        change(data)
        self.write("D/ana.json", json.dumps(data, indent=2, sort_keys=True) + "\n")

    def copy_course(self):
        shutil.copytree(LESSONS, self.root / "L")
        self.lessons = self.root / "L"
        return self.lessons

    def args(self, *extra):
        return ["--learner", "ana", "--lessons", str(self.lessons), "--sessions", str(self.D),
                *extra]

    def run(self, args, stdin=b"quit\n", umask=None, fsize=None, env=None, shell=None):
        def prepare():
            if umask is not None:
                os.umask(umask)
            if fsize is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        command = [self.nelm_bin, *args]
        if shell:
            command = ["sh", "-c", shell + ' && exec "$@"', "sh", *command]
        return subprocess.run(
            command, input=stdin if isinstance(stdin, bytes) else stdin.encode(),
            capture_output=True, env={**self.env, **(env or {})}, timeout=TIMEOUT,
            preexec_fn=prepare, cwd=self.root)

    def spawn(self, args, umask=None, env=None):
        """nelm on a pseudo-terminal."""
        old = os.umask(umask) if umask is not None else None
        try:
            return pexpect.spawn(self.nelm_bin, args, env={**self.env, **(env or {})},
                                 encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 100),
                                 cwd=str(self.root))
        finally:
            if old is not None:
                os.umask(old)


def snapshot(root, skip=("cache",)):
    """Every entry under `root`: its kind, mode, and bytes or link target."""
    found = {}
    for folder, names, files in os.walk(root, followlinks=False):
        relative = pathlib.Path(folder).relative_to(root)
        if relative.parts and relative.parts[0] in skip:
            continue
        for name in names + files:
            path = pathlib.Path(folder) / name
            info = os.lstat(path)
            key = str(relative / name)
            if key.split("/")[0] in skip:
                continue
            if stat.S_ISLNK(info.st_mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                found[key] = ("file", stat.S_IMODE(info.st_mode), path.read_bytes())
            elif stat.S_ISDIR(info.st_mode):
                found[key] = ("dir", stat.S_IMODE(info.st_mode))
            else:
                found[key] = ("special", stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode))
    return found


@dataclass
class Row:
    """One finding: lay out, run, expect."""
    id: str
    setup: Callable[[World], None]
    exit: int
    message: Optional[str] = None
    args: Callable[[World], list] = lambda w: w.args()
    stdin: bytes = b"quit\n"
    # Files the command may change or create (fnmatch patterns, relative to the scratch root).
    changes: tuple = ()
    check: Optional[Callable[[World, subprocess.CompletedProcess], None]] = None
    run: Optional[Callable[[World], subprocess.CompletedProcess]] = None
    skip: tuple = ("cache",)


def unchanged_except(before, after, patterns):
    import fnmatch
    allowed = lambda key: any(fnmatch.fnmatch(key, p) for p in patterns)
    changed = sorted(k for k in set(before) | set(after)
                     if before.get(k) != after.get(k) and not allowed(k))
    return changed


# --- layouts -----------------------------------------------------------------------------

def v1_beside_a_log(w):
    """A version 1 file restored beside a log that already holds other answers, and an
    earlier backup."""
    w.write("D/ana.answers.jsonl", w.ana["log"])
    w.write("D/ana.json", V1_FIXTURE.read_bytes())
    w.write("D/ana.json.v1", b'{"an": "earlier backup"}\n')


def check_v1_beside_a_log(w, result):
    log = (w.D / "ana.answers.jsonl").read_bytes()
    assert log.startswith(w.ana["log"]), "a logged answer was rewritten"
    answers = validate_answer_log(w.D / "ana.answers.jsonl")
    items = [a["item"] for a in answers]
    assert len(answers) == 6 and "intro/carcinoid-syndrome" in items
    assert (w.D / "ana.json.v1.1").read_bytes() == V1_FIXTURE.read_bytes()
    data = validate_session_file(w.D / "ana.json")
    assert data["answerCount"] == 6 and data["logBytes"] == len(log)


def v1_already_migrated(w):
    """A v1 file whose answers the log already holds (a backup restored after migrating)."""
    migrated = w.root / "first"
    migrated.mkdir()
    shutil.copy(V1_FIXTURE, migrated / "ana.json")
    first = w.run(["--learner", "ana", "--lessons", str(LESSONS), "--sessions", str(migrated)])
    assert first.returncode == 0, first.stderr.decode()
    w.write("D/ana.answers.jsonl", (migrated / "ana.answers.jsonl").read_bytes() + w.ana["log"])
    w.write("D/ana.json", V1_FIXTURE.read_bytes())
    shutil.rmtree(migrated)


def check_v1_already_migrated(w, result):
    answers = validate_answer_log(w.D / "ana.answers.jsonl")
    assert len(answers) == 6, "answers the log held were logged twice"
    assert validate_session_file(w.D / "ana.json")["answerCount"] == 6


def v1_dated_9999(w):
    data = json.loads(V1_FIXTURE.read_bytes())
    data["answers"][2]["at"] = "9999-12-31T12:00:00.000Z"
    w.write("D/ana.json", json.dumps(data, indent=2))


def reopens(w, result):
    again = w.run(w.args(), stdin=answer_script(1))
    assert again.returncode == 0, again.stderr.decode()
    data = validate_session_file(w.D / "ana.json")
    assert data["answerCount"] == len(validate_answer_log(w.D / "ana.answers.jsonl"))


def lock_link(target):
    def setup(w):
        w.ana_files()
        os.symlink(target, w.D / "ana.lock")
    return setup


def export_args(target):
    return lambda w: ["export", "anki", str(w.root / target), "--lessons", str(LESSONS)]


def fifo_reader(path, sink):
    def read():
        with open(path, "rb") as handle:
            sink.append(handle.read())
    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def fifo_target(link):
    def setup(w):
        os.mkfifo(w.root / "pipe")
        if link:
            os.symlink("pipe", w.root / "out")
    return setup


def export_into_fifo(link):
    def run(w):
        received = []
        reader = fifo_reader(w.root / "pipe", received)
        result = w.run(export_args("out" if link else "pipe")(w), stdin=b"")
        reader.join(10)
        assert received and b"nelm" in received[0], "nothing came through the FIFO"
        return result
    return run


def device(name, minor):
    def setup(w):
        try:
            os.mknod(w.root / name, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
        except OSError:
            pytest.skip("cannot make a device node here")
    return setup


def check_tmp_clean(w, result):
    assert list(w.tmp.iterdir()) == [], f"left in TMPDIR: {list(w.tmp.iterdir())}"


def regular_export_keeps_mode(w):
    w.write("out.txt", b"old\n", mode=0o640)


def check_export_replaced(w, result):
    assert (w.root / "out.txt").read_bytes().startswith(b"#separator:tab")
    assert stat.S_IMODE(os.stat(w.root / "out.txt").st_mode) == 0o640
    check_tmp_clean(w, result)


def check_new_export_private(w, result):
    assert stat.S_IMODE(os.stat(w.root / "new.txt").st_mode) == 0o600
    check_tmp_clean(w, result)


def log_line(**change):
    answer = {"at": "2024-03-01T09:41:07.250Z", "correct": True, "durationMs": 1200,
              "hintsUsed": 0, "item": "nets-and-liver-metastases/x", "response": ["a"],
              "skipped": False}
    answer.update(change)
    return json.dumps(answer, separators=(",", ":"), sort_keys=True).encode() + b"\n"


def uncounted_line(line):
    """A fourth answer logged after the session file was saved (as after a crash)."""
    def setup(w):
        w.ana_files()
        w.write("D/ana.answers.jsonl", w.ana["log"] + line)
    return setup


def torn_log_through_link(w):
    w.write("D/ana.json", w.ana["session"])
    w.write("victim", w.ana["log"] + b'{"at":"2024-03-01T09:4')
    os.symlink("../victim", w.D / "ana.answers.jsonl")


def unknown_keys(w):
    def change(data):
        data["futureTopLevel"] = {"list": [1, 2.5, "s", None, True], "n": 12345678901}
        data["settings"]["theme"] = "dark"
        first = sorted(data["items"])[0]
        data["items"][first]["note"] = "keep me"
        data["items"][first]["last"]["device"] = "phone"
        data["items"][first]["review"]["fuzz"] = 0.5
        data["lessons"]["nets-and-liver-metastases"]["bookmark"] = [3]
    w.edit_session(change)
    w.write("D/ana.answers.jsonl", w.ana["log"])


def check_unknown_keys(w, result):
    data = w.session()
    assert data["futureTopLevel"] == {"list": [1, 2.5, "s", None, True], "n": 12345678901}
    assert data["settings"]["theme"] == "dark"
    first = sorted(data["items"])[0]
    assert data["items"][first]["note"] == "keep me"
    assert data["items"][first]["last"]["device"] == "phone"
    assert data["items"][first]["review"]["fuzz"] == 0.5
    assert data["lessons"]["nets-and-liver-metastases"]["bookmark"] == [3]
    assert data["answerCount"] == 4


def session_edit(change):
    def setup(w):
        w.edit_session(change)
        w.write("D/ana.answers.jsonl", w.ana["log"])
    return setup


def set_path(*path, value):
    def change(data):
        for key in path[:-1]:
            data = data[key] if not callable(key) else key(data)
        data[path[-1]] = value
    return change


def first_item(data):
    return data["items"][sorted(data["items"])[0]]


def hard_link_at_temporary(w):
    w.ana_files()


def huge_counts(w):
    big = 2**63 - 2

    def change(data):
        data["answerCount"] = big
        for record in data["items"].values():
            record["attempts"] = big
            record["correctCount"] = big
            record["review"]["reps"] = big
            record["review"]["lapses"] = big
    w.edit_session(change)
    w.write("D/ana.answers.jsonl", w.ana["log"])


def check_huge_counts(w, result):
    data = validate_session_file(w.D / "ana.json")
    assert data["answerCount"] >= 4


BILLION_LAUGHS = """
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def laughing_case(where):
    def setup(w):
        course = w.copy_course()
        case = course / "cases" / "01-ileal-single-metastasis.yaml"
        text = case.read_text()
        bomb = "\n".join("    " + line for line in BILLION_LAUGHS.strip().splitlines())
        if where == "facts":
            text = text.replace("facts:\n", "facts:\n  extra:\n" + bomb + "\n", 1)
        else:
            text = text.replace("    steps:\n", "    update:\n      extra:\n"
                                + "\n".join("  " + l for l in bomb.splitlines())
                                + "\n    steps:\n", 1)
        case.write_text(text)
    return setup


def limited_memory():
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def lint_bomb(w):
    return subprocess.run([w.nelm_bin, "lint", str(w.lessons)], capture_output=True,
                          env=w.env, timeout=60, preexec_fn=limited_memory)


def fifo_at(name):
    def setup(w):
        w.ana_files()
        os.unlink(w.D / name)
        os.mkfifo(w.D / name)
    return setup


def big_session(w):
    w.write("D/ana.json", b"{" + b" " * (70 << 20) + b"}")


def peak_memory_kib(pid):
    """The peak resident memory of a running process since its exec (VmHWM)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def endless_stdin(w):
    """64 MB on standard input without a newline: memory stays bounded."""
    process = subprocess.Popen([w.nelm_bin, *w.args()], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=w.env)
    outputs = {}

    def drain(name, stream):
        outputs[name] = stream.read()
    readers = [threading.Thread(target=drain, args=("out", process.stdout), daemon=True),
               threading.Thread(target=drain, args=("err", process.stderr), daemon=True)]
    for reader in readers:
        reader.start()
    chunk = b"x" * (1 << 20)
    for _ in range(64):
        process.stdin.write(chunk)
    process.stdin.flush()
    # All but a pipe's worth has been read by now; the line is still open.
    peak = peak_memory_kib(process.pid)
    process.stdin.close()
    process.wait(timeout=60)
    for reader in readers:
        reader.join(10)
    assert peak < 60_000, f"peak RSS {peak} KiB for 64 MB of input"
    return subprocess.CompletedProcess(process.args, process.returncode, outputs.get("out", b""),
                                       outputs.get("err", b""))


def hostile_course(w):
    course = w.copy_course()
    lesson = course / "01-nets-and-liver-metastases.yaml"
    text = lesson.read_text()
    escaped = json.dumps(HOSTILE)
    text = text.replace("title: NETs and their liver metastases",
                        "title: " + json.dumps("NETs " + HOSTILE), 1)
    text = re.sub(r"(?m)^source: (.*)$", lambda m: "source: " + json.dumps(
        m.group(1) + "; Evil A et al., J Bad 2024 " + HOSTILE), text, count=1)
    lesson.write_text(text)
    case = course / "cases" / "01-ileal-single-metastasis.yaml"
    text = case.read_text().replace(
        "title: Colicky pain, an ileal mass and one liver lesion",
        "title: " + json.dumps("Colicky pain " + HOSTILE), 1)
    case.write_text(text)
    assert escaped


def no_unsafe_output(w, result):
    for stream in (result.stdout, result.stderr):
        text = stream.decode("utf-8", "replace").replace("\t", " ")
        assert not UNSAFE.search(text), repr(UNSAFE.search(text).group())


def check_stdout_has(text):
    def check(w, result):
        no_unsafe_output(w, result)
        assert text in result.stdout.decode()
    return check


def escape_in_file_name(w):
    course = w.copy_course()
    (course / ("bad\x1b]0;owned\x07name.yaml")).write_text("id: [\n")


def link_to_secret(w):
    course = w.copy_course()
    # A line that would read as a key: lint quoted it ("unknown key …") before it refused links.
    w.write("secret.txt", "hunter2-secret: yes\n")
    os.symlink(w.root / "secret.txt", course / "13-secret.yaml")


def check_secret_not_quoted(w, result):
    text = (result.stdout + result.stderr).decode()
    assert "hunter2" not in text
    assert "13-secret.yaml:1:1: it is a symbolic link out of the course folder" in text


def stale_cache(w):
    """A same-size edit whose modification time is put back must still be seen."""
    course = w.copy_course()
    first = w.run(["sources", "--lessons", str(course)], stdin=b"")
    assert first.returncode == 0 and b"Yao JC" in first.stdout
    lesson = course / "01-nets-and-liver-metastases.yaml"
    info = os.stat(lesson)
    lesson.write_bytes(lesson.read_bytes().replace(b"Yao JC", b"Yxo JC"))
    os.utime(lesson, ns=(info.st_atime_ns, info.st_mtime_ns))


def check_private_cache(w, result):
    cache = w.root / "cache" / "nelm"
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700
    for entry in cache.iterdir():
        assert stat.S_IMODE(os.stat(entry).st_mode) == 0o600, entry.name


def check_not_created(*names):
    def check(w, result):
        for name in names:
            assert not (w.root / name).exists(), f"{name} was created"
    return check


# --- the table ---------------------------------------------------------------------------

ROWS = [
    # D1: migration keeps the log and every backup.
    Row("D1-v1-beside-a-log", v1_beside_a_log, 0,
        changes=("D/ana.json", "D/ana.answers.jsonl", "D/ana.json.v1.1", "D/ana.lock"),
        check=check_v1_beside_a_log),
    Row("D1-v1-already-in-the-log", v1_already_migrated, 0,
        changes=("D/ana.json", "D/ana.json.v1", "D/ana.lock"), check=check_v1_already_migrated),
    Row("D1-v1-answer-dated-9999", v1_dated_9999, 0,
        changes=("D/*",), check=reopens),
    # D2: the lock is never opened through a link.
    Row("D2-lock-linked-to-the-session", lock_link("ana.json"), 1,
        r"ana\.lock is a symbolic link"),
    Row("D2-lock-linked-to-a-victim", lock_link("../victim"), 1, r"ana\.lock is a symbolic link"),
    Row("D2-lock-dangling-link", lock_link("../created-by-nelm"), 1,
        r"ana\.lock is a symbolic link", check=check_not_created("created-by-nelm")),
    # D3: export writes into what is there, refuses a folder, keeps modes.
    Row("D3-export-into-a-fifo", fifo_target(False), 0, run=export_into_fifo(False),
        check=check_tmp_clean),
    Row("D3-export-through-a-link-to-a-fifo", fifo_target(True), 0, run=export_into_fifo(True),
        check=check_tmp_clean),
    Row("D3-export-through-a-link-to-standard-output",
        lambda w: os.symlink("/proc/self/fd/1", w.root / "out"), 0, args=export_args("out"),
        stdin=b"", check=check_stdout_has("#separator:tab")),
    Row("D3-export-into-a-null-device", device("null", 3), 0, args=export_args("null"),
        stdin=b"", check=check_tmp_clean),
    Row("D3-export-into-a-full-device", device("full", 7), 1,
        r"cannot write .*full: No space left on device", args=export_args("full"), stdin=b""),
    Row("D3-export-over-a-read-only-file",
        lambda w: w.write("out.txt", b"keep\n", mode=0o444), 1, r"out\.txt is read-only",
        args=export_args("out.txt"), stdin=b""),
    Row("D3-export-onto-a-folder", lambda w: (w.root / "out").mkdir(), 1,
        r"out is a folder", args=export_args("out"), stdin=b""),
    Row("D3-export-keeps-the-mode-it-replaces", regular_export_keeps_mode, 0,
        args=export_args("out.txt"), stdin=b"", changes=("out.txt",),
        check=check_export_replaced),
    Row("D3-export-new-file-private", lambda w: None, 0, args=export_args("new.txt"),
        stdin=b"", changes=("new.txt",), check=check_new_export_private),
    # D4: the torn-tail repair never follows a link.
    Row("D4-torn-log-through-a-link", torn_log_through_link, 1,
        r"ana\.answers\.jsonl is a symbolic link"),
    # D6: a file from a newer nelm is refused and never offered for setting aside.
    Row("D6-newer-schema", session_edit(set_path("schemaVersion", value=4)), 1,
        r"newer nelm.*schemaVersion 4"),
    # D8: log lines are validated as strictly as the session file.
    Row("D8-negative-duration-in-the-log", uncounted_line(log_line(durationMs=-5)), 1,
        r"answer log .*ana\.answers\.jsonl.*line 4: durationMs is -5"),
    Row("D8-negative-hints-in-the-log", uncounted_line(log_line(hintsUsed=-1)), 1,
        r"line 4: hintsUsed is -1"),
    Row("D8-unknown-outcome-in-the-log", uncounted_line(log_line(outcome="great")), 1,
        r"line 4: outcome"),
    # D9: an answer dated 9999 opens and saves, now and after.
    Row("D9-answer-dated-9999", uncounted_line(log_line(at="9999-12-31T23:00:00.000Z")), 0,
        changes=("D/*",), check=reopens),
    # D10: keys a newer nelm added survive a save.
    Row("D10-unknown-keys-survive", unknown_keys, 0, stdin=answer_script(1, start=3).encode(),
        changes=("D/ana.json", "D/ana.answers.jsonl", "D/ana.lock"), check=check_unknown_keys),
    # D11: impossible dates are refused, not moved to another day.
    Row("D11-february-30th",
        session_edit(set_path("updated", value="2024-02-30T10:00:00.000Z")), 1,
        r"updated: '2024-02-30T10:00:00.000Z' is not"),
    Row("D11-hour-25", session_edit(set_path("created", value="2024-02-03T25:61:61.000Z")), 1,
        r"created: '2024-02-03T25:61:61.000Z' is not"),
    Row("D11-impossible-date-in-the-log",
        uncounted_line(log_line(at="2023-02-29T10:00:00.000Z")), 1, r"line 4: .*2023-02-29"),
    # D12: a link planted at the temporary file's name is not written through.
    Row("D12-hard-link-at-the-temporary-file", hard_link_at_temporary, 0,
        args=lambda w: w.args(), stdin=answer_script(1, start=3).encode(),
        changes=("D/ana.json", "D/ana.answers.jsonl", "D/ana.lock", "D/.ana.json.tmp-*"),
        run=lambda w: w.run(w.args(), stdin=answer_script(1, start=3),
                            shell=f'ln "{w.root}/victim" "{w.D}/.ana.json.tmp-$$"')),
    # D14: a linked or read-only session file is refused, not replaced.
    Row("D14-session-file-is-a-link",
        lambda w: (w.write("elsewhere.json", w.ana["session"]),
                   os.symlink("../elsewhere.json", w.D / "ana.json"),
                   w.write("D/ana.answers.jsonl", w.ana["log"])), 1,
        r"ana\.json is a symbolic link"),
    Row("D14-read-only-session-file",
        lambda w: (w.ana_files(), os.chmod(w.D / "ana.json", 0o444)), 1,
        r"ana\.json is read-only"),
    Row("D14-read-only-answer-log",
        lambda w: (w.ana_files(), os.chmod(w.D / "ana.answers.jsonl", 0o400)), 1,
        r"ana\.answers\.jsonl is read-only"),
    # C1: huge counters open with a message and never trap.
    Row("C1-counts-near-int-max", huge_counts, 0, r"answerCount",
        stdin=answer_script(1, start=3).encode(),
        changes=("D/ana.json", "D/ana.answers.jsonl", "D/ana.lock"), check=check_huge_counts),
    # C3: a file size limit is a write error with a message, not a silent kill.
    Row("C3-file-size-limit", lambda w: None, 1, r"File too large",
        run=lambda w: w.run(w.args(), stdin=answer_script(1), fsize=0),
        changes=("D", "D/*")),
    # H1: aliases in case files expand under a limit.
    Row("H1-billion-laughs-in-facts", laughing_case("facts"), 1, r"alias", run=lint_bomb,
        skip=("cache", "L")),
    Row("H1-billion-laughs-in-an-update", laughing_case("update"), 1, r"alias", run=lint_bomb,
        skip=("cache", "L")),
    # H2: a FIFO in place of a file is refused at once.
    Row("H2-fifo-session-file", fifo_at("ana.json"), 1, r"ana\.json is a FIFO"),
    Row("H2-fifo-answer-log", fifo_at("ana.answers.jsonl"), 1, r"ana\.answers\.jsonl is a FIFO"),
    Row("H2-fifo-session-file-read-by-export", fifo_at("ana.json"), 1, r"ana\.json is a FIFO",
        args=lambda w: ["export", "markdown", "-", "--learner", "ana", "--sessions", str(w.D),
                        "--lessons", str(LESSONS)], stdin=b""),
    # H3: reads are bounded.
    Row("H3-session-file-linked-to-dev-zero",
        lambda w: os.symlink("/dev/zero", w.D / "ana.json"), 1, r"ana\.json is a symbolic link"),
    Row("H3-session-file-of-70-MB", big_session, 1, r"ana\.json .*larger than"),
    Row("H3-endless-line-on-stdin", lambda w: w.ana_files(), 1, r"too long", run=endless_stdin,
        changes=("D/ana.lock",)),
    # S1: course text printed on the command line is made printable.
    Row("S1-sources", hostile_course, 0, args=lambda w: ["sources", "--lessons", str(w.lessons)],
        stdin=b"", check=check_stdout_has("Evil A et al."), skip=("cache", "L")),
    Row("S1-case-list", hostile_course, 0,
        args=lambda w: ["case", "list", "--lessons", str(w.lessons)], stdin=b"",
        check=check_stdout_has("Colicky pain"), skip=("cache", "L")),
    Row("S1-case-show", hostile_course, 0,
        args=lambda w: ["case", "show", "ileal-single-metastasis", "--lessons", str(w.lessons)],
        stdin=b"", check=check_stdout_has("Colicky pain"), skip=("cache", "L")),
    Row("S1-case-show-json", hostile_course, 0,
        args=lambda w: ["case", "show", "ileal-single-metastasis", "--json", "--lessons",
                        str(w.lessons)],
        stdin=b"", check=check_stdout_has("Colicky pain"), skip=("cache", "L")),
    Row("S1-export-anki-to-stdout", hostile_course, 0,
        args=lambda w: ["export", "anki", "-", "--lessons", str(w.lessons)], stdin=b"",
        check=check_stdout_has("NETs"), skip=("cache", "L")),
    # S2: warnings and messages quote hostile text escaped.
    Row("S2-corrupt-date-quoted",
        session_edit(set_path("updated", value="\x1b]0;owned\x07\u202e2024")), 1, r"updated",
        check=no_unsafe_output),
    Row("S2-lessons-path-with-escapes", lambda w: None, 2, r"lessons|course|folder|directory",
        args=lambda w: ["--learner", "ana", "--lessons", str(w.root / "L\x1b[2J\x9b1m"),
                        "--sessions", str(w.D)], check=no_unsafe_output),
    Row("S2-lint-file-name-with-escapes", escape_in_file_name, 1, r"bad",
        args=lambda w: ["lint", str(w.lessons)], stdin=b"", check=no_unsafe_output,
        skip=("cache", "L")),
    # S4: the course cache is private and keyed by content.
    Row("S4-cache-private-under-umask-000", lambda w: None, 0,
        run=lambda w: w.run(["sources", "--lessons", str(LESSONS)], stdin=b"", umask=0),
        check=check_private_cache),
    Row("S4-same-size-edit-with-mtime-restored", stale_cache, 0,
        args=lambda w: ["sources", "--lessons", str(w.lessons)], stdin=b"",
        check=check_stdout_has("Yxo JC"), skip=("cache", "L")),
    # S5: lint does not follow a link out of the course, nor quote its target.
    Row("S5-lint-link-to-a-secret", link_to_secret, 1, r"13-secret\.yaml",
        args=lambda w: ["lint", str(w.lessons)], stdin=b"", check=check_secret_not_quoted,
        skip=("cache", "L")),
    # S6: relative XDG and NELM paths are ignored; empty options are errors; HOME is not made.
    Row("S6-relative-xdg-state-home", lambda w: w.ana_files(), 0,
        r"XDG_STATE_HOME.*relative.*ignored",
        run=lambda w: w.run(w.args(), env={"XDG_STATE_HOME": "rel-state"}),
        changes=("D/ana.lock",), check=check_not_created("rel-state")),
    Row("S6-relative-nelm-sessions", lambda w: None, 0, r"NELM_SESSIONS.*relative.*ignored",
        run=lambda w: w.run(["--learner", "ana", "--lessons", str(LESSONS)],
                            env={"NELM_SESSIONS": "rel-sessions"}),
        changes=("data", "data/*", "data/*/*", "data/*/*/*"),
        check=check_not_created("rel-sessions")),
    Row("S6-empty-sessions-option", lambda w: None, 64, r"--sessions",
        args=lambda w: ["--learner", "ana", "--lessons", str(LESSONS), "--sessions", ""],
        check=check_not_created("ana.json", "ana.lock")),
    Row("S6-missing-home-is-not-created", lambda w: None, 0,
        run=lambda w: w.run(["--learner", "ana", "--lessons", str(LESSONS), "--sessions",
                             str(w.D)], env={"HOME": str(w.root / "nohome"),
                                             "XDG_STATE_HOME": "", "XDG_CACHE_HOME": ""}),
        changes=("D/*",), check=check_not_created("nohome")),
    # S7: a refused name is quoted escaped; exports are private.
    Row("S7-learner-name-with-rlo", lambda w: None, 64, r"\\u\{202e\}",
        args=lambda w: ["--learner", "ana\u202eevil", "--lessons", str(LESSONS), "--sessions",
                        str(w.D)], check=no_unsafe_output),
    Row("S7-export-private-under-umask-000", lambda w: None, 0,
        run=lambda w: w.run(export_args("new.txt")(w), stdin=b"", umask=0),
        changes=("new.txt",), check=check_new_export_private),
]


# Rows that plant a newer nelm's files: the schema checks of conftest do not apply to them.
FOREIGN_ROWS = {"D6-newer-schema", "D10-unknown-keys-survive"}


@pytest.mark.parametrize("row", [
    pytest.param(row, id=row.id, marks=[pytest.mark.foreign_files] if row.id in FOREIGN_ROWS else [])
    for row in ROWS])
def test_hostile_file(row, tmp_path, ana, nelm_bin):
    world = World(tmp_path, ana, nelm_bin)
    row.setup(world)
    before = snapshot(tmp_path, row.skip)
    started = time.monotonic()
    result = row.run(world) if row.run else world.run(row.args(world), stdin=row.stdin)
    elapsed = time.monotonic() - started
    output = (result.stdout + result.stderr).decode("utf-8", "replace")
    assert result.returncode == row.exit, f"exit {result.returncode}:\n{output[-3000:]}"
    if row.message:
        assert re.search(row.message, output, re.S), output[-3000:]
    assert elapsed < 25, f"took {elapsed:.1f} s"
    changed = unchanged_except(before, snapshot(tmp_path, row.skip), row.changes)
    assert not changed, f"changed: {changed}\n{output[-2000:]}"
    if row.check:
        row.check(world, result)


# --- rows that need a terminal or two processes ------------------------------------------

def test_D5_a_corrupt_log_sets_aside_the_log_not_the_session_file(tmp_path, ana, nelm_bin):
    world = World(tmp_path, ana, nelm_bin)
    uncounted_line(b"this is not an answer\n")(world)
    session_before = (world.D / "ana.json").read_bytes()
    child = world.spawn(world.args())
    child.expect(r"answer log .*ana\.answers\.jsonl.*line 4")
    # The prompt names the broken file; the line editor may wrap it (" \r") on a long path.
    child.expect(r"Keep [\s\S]*? aside")
    assert "ana.answers.jsonl" in child.after.replace(" \r", "").replace("\r", "")
    child.sendline("y")
    child.expect("nelm> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    aside = list(world.D.glob("ana.answers.jsonl.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == ana["log"] + b"this is not an answer\n"
    data = validate_session_file(world.D / "ana.json")
    assert data["lessons"] == json.loads(session_before)["lessons"]
    assert not list(world.D.glob("ana.json.corrupt-*")), "the healthy session file was moved"


@pytest.mark.foreign_files
def test_D6_a_newer_file_is_not_offered_for_setting_aside(tmp_path, ana, nelm_bin):
    world = World(tmp_path, ana, nelm_bin)
    session_edit(set_path("schemaVersion", value=4))(world)
    # On a terminal the history folder is made: that is all that may change.
    before = snapshot(tmp_path, skip=("cache", "state"))
    child = world.spawn(world.args())
    child.expect(r"newer nelm")
    index = child.expect([r"aside", pexpect.EOF])
    child.close()
    assert index == 1 and child.exitstatus == 1
    assert snapshot(tmp_path, skip=("cache", "state")) == before


def test_D7_a_lock_deleted_under_a_running_shell_loses_no_answer(tmp_path, ana, nelm_bin):
    """Shell A runs; ana.lock is deleted; shell B opens. Whatever each shell acknowledges with
    `Saved.` is in the final files."""
    import sys
    sys.path.insert(0, str(REPO / "Tests" / "stress"))
    from crashtest import Run
    world = World(tmp_path, ana, nelm_bin)
    world.ana_files()
    first = Run(nelm_bin, world.env, world.args())
    first.write("study 1" + "\n" * len(LESSON["pages"]))
    first.write(" ".join(LESSON["questions"][3]["key"]))
    assert first.wait_for_acks(1), first.output[-5:]
    os.unlink(world.D / "ana.lock")
    second = Run(nelm_bin, world.env, world.args())
    second.write("study 1")
    second.write(" ".join(LESSON["questions"][4]["key"]))
    second_acked = second.wait_for_acks(1, timeout=10)
    first.write("")
    first.write(" ".join(LESSON["questions"][4]["key"]))
    first.write("")
    first.write(" ".join(LESSON["questions"][5]["key"]))
    time.sleep(1)
    first.write("quit")
    second.write("quit")
    _, first_acks, _, first_err = first.finish()
    _, second_acks, _, _ = second.finish()
    assert first_acks == 1 or not second_acked, "both shells saved after the lock was deleted"
    assert "lock" in first_err
    reopened = world.run(world.args())
    assert reopened.returncode == 0, reopened.stderr.decode()
    data = validate_session_file(world.D / "ana.json")
    answers = validate_answer_log(world.D / "ana.answers.jsonl")
    assert data["answerCount"] == len(answers) == 3 + first_acks + second_acks
    for answer in answers:
        assert answer["item"] in data["items"], f"{answer['item']} lost from the items"


def test_D13_two_torn_tails_in_one_second_keep_both(tmp_path, ana, nelm_bin):
    world = World(tmp_path, ana, nelm_bin)
    world.ana_files()
    for tail in (b'{"at":"2024-03-01T09:4', b'{"item":"second torn'):
        with open(world.D / "ana.answers.jsonl", "ab") as handle:
            handle.write(tail)
        result = world.run(world.args())
        assert result.returncode == 0, result.stderr.decode()
    torn = sorted(path.read_bytes() for path in world.D.glob("ana.answers.jsonl.torn-*"))
    assert torn == sorted([b'{"at":"2024-03-01T09:4', b'{"item":"second torn'])


def test_H2_fifo_history_and_editrc_do_not_hang_the_terminal(tmp_path, ana, nelm_bin):
    world = World(tmp_path, ana, nelm_bin)
    world.ana_files()
    state = tmp_path / "state" / "nelm"
    state.mkdir(parents=True, mode=0o700)
    os.mkfifo(state / "history")
    os.mkfifo(world.home / ".editrc")
    child = world.spawn(world.args())
    child.expect(r"history.* is a FIFO")
    child.expect("nelm> ")
    child.sendline("lessons")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    assert stat.S_ISFIFO(os.lstat(state / "history").st_mode)
    assert stat.S_ISFIFO(os.lstat(world.home / ".editrc").st_mode)


def test_S2_tab_completion_candidates_are_printable(tmp_path, ana, nelm_bin):
    world = World(tmp_path, ana, nelm_bin)
    world.ana_files()
    course = world.copy_course()
    glossary = course / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace(
        "  - term: AJCC", "  - term: " + json.dumps("AJ\x1b]0;owned\x07X") + "\n"
        "    expansion: hostile\n    definition: hostile\n    source: Evil A et al., J Bad 2024\n"
        "\n  - term: AJCC", 1))
    child = world.spawn(world.args())
    transcript = io.StringIO()
    child.logfile_read = transcript
    child.expect("nelm> ")
    # Typed, echoed, then Tab: typeahead of the Tab itself is another test's subject.
    child.send("define AJ")
    child.expect("define AJ")
    child.send("\t")
    child.expect("AJCC")  # both candidates are listed
    # The line still holds `define AJ`: finish it. (Ctrl-C right after a listing, then Ctrl-D
    # at once, sometimes leaves nelm waiting: a race in the line editor older than this test.)
    child.send("CC\r")
    child.expect("American Joint Committee on Cancer")
    child.expect("nelm> ")
    child.send("quit\r")
    child.expect(pexpect.EOF)
    assert "AJX" in transcript.getvalue()
    assert "\x1b]0;owned" not in transcript.getvalue()


def test_S3_history_link_is_not_written_through_and_state_is_private(tmp_path, ana, nelm_bin):
    world = World(tmp_path, ana, nelm_bin)
    world.ana_files()
    state = tmp_path / "state" / "nelm"
    state.mkdir(parents=True)
    os.symlink(tmp_path / "victim", state / "history")
    child = world.spawn(["--lessons", str(LESSONS), "--sessions", str(world.D)], umask=0)
    child.expect(r"history.* is a symbolic link")
    child.expect("Your name: ")
    child.sendline("ana")
    child.expect("nelm> ")
    child.sendline("lessons")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    assert (tmp_path / "victim").read_bytes() == b"a file nelm must never touch\n"
    assert os.path.islink(state / "history")
    assert stat.S_IMODE(os.stat(state / "learner").st_mode) == 0o600


def test_S3_state_folder_is_private_under_umask_000(tmp_path, ana, nelm_bin):
    world = World(tmp_path, ana, nelm_bin)
    world.ana_files()
    child = world.spawn(["--lessons", str(LESSONS), "--sessions", str(world.D)], umask=0)
    child.expect("Your name: ")
    child.sendline("ana")
    child.expect("nelm> ")
    child.sendline("lessons")
    child.expect("nelm> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    state = tmp_path / "state" / "nelm"
    assert stat.S_IMODE(os.stat(state).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(state / "learner").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(state / "history").st_mode) == 0o600
