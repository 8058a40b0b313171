#!/usr/bin/env python3
"""Writes the seed corpora of Fuzz/corpus/<target>/ from the real course and session files.

Seeds are kept small (libFuzzer runs with -max_len=4096): a lesson is cut to its first page
and first questions, every case file is kept whole. Run it again after the formats change:

    python3 Fuzz/make-corpus.py [path/to/nelm]
"""
import hashlib
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

REPO = pathlib.Path(__file__).resolve().parents[1]
CORPUS = REPO / "Fuzz" / "corpus"


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(REPO / ".build" / "debug" / "nelm")
    shutil.rmtree(CORPUS, ignore_errors=True)
    lessons = []
    for path in sorted((REPO / "Lessons").glob("*.yaml")):
        lesson = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(lesson, dict) or "pages" not in lesson:
            continue
        lessons.append(lesson)
        small = dict(lesson, pages=lesson["pages"][:1], questions=lesson["questions"][:2])
        put("lesson-file", yaml.safe_dump(small, allow_unicode=True, sort_keys=False))
    for path in sorted((REPO / "Lessons" / "cases").glob("*.yaml")):
        put("case-file", path.read_bytes())
        case_id = yaml.safe_load(path.read_text(encoding="utf-8"))["id"]
        shown = subprocess.run([binary, "case", "show", case_id, "--json", "--lessons",
                                str(REPO / "Lessons")], capture_output=True, check=True)
        case = json.loads(shown.stdout)
        put("case-facts", json.dumps(case["facts"], indent=1))
        for step in case["steps"][:2]:
            put("case-facts", json.dumps(step["facts"]))
        letters = " ".join("abcdef"[i] for i in range(min(2, len(case["steps"][0]["options"]))))
        put("shell-commands", f"case {case_id}\n{letters.split()[0]}\n\nskip\nmenu\nquit\n")
    for path in sorted((REPO / "Tests" / "e2e" / "facts").glob("*.json")):
        put("case-facts", path.read_bytes())

    note = (REPO / "Docs" / "session-format.md").read_text(encoding="utf-8")
    put("session-file", re.search(r"```json\n(.*?\n)```", note, re.S).group(1))
    put("answer-log", re.search(r"Its answer log .*?\n```\n(.*?\n)```", note, re.S).group(1))
    for path in sorted((REPO / "Tests" / "ProgressTests" / "Fixtures").rglob("*.json")):
        if path.stat().st_size <= 16_384:
            put("session-file", path.read_bytes())
    # A learner's folder for the migration target: a session file, a NUL, the log.
    version1 = (REPO / "Tests" / "ProgressTests" / "Fixtures" / "v1" / "ana.json").read_bytes()
    documented_log = re.search(r"Its answer log .*?\n```\n(.*?\n)```", note, re.S).group(1)
    put("migration", version1 + b"\0")
    put("migration", version1 + b"\0" + documented_log.encode())
    put("migration", version1 + b"\0" + documented_log.encode()[:300])
    put("migration", re.search(r"```json\n(.*?\n)```", note, re.S).group(1).encode() + b"\0"
        + documented_log.encode() + b'{"at":"2024-03-01T09:5')
    # A session and a log as the shell writes them: a lesson's first answers and a case.
    with tempfile.TemporaryDirectory() as scratch:
        script = f"study 1\n{chr(10) * len(lessons[0]['pages'])}a\n\nb\n\ncase random --seed 3\na\n"
        subprocess.run([binary, "--learner", "ana", "--lessons", str(REPO / "Lessons"),
                        "--sessions", scratch], input=script.encode(), capture_output=True)
        for name, target in (("ana.json", "session-file"), ("ana.answers.jsonl", "answer-log")):
            if (pathlib.Path(scratch) / name).exists():
                put(target, (pathlib.Path(scratch) / name).read_bytes())

    commands = [
        "help\nlessons\nhelp study\nquit\n",
        "study 1\n\n\n\nback\nhint\nmenu\nstudy\n\nquit\n",
        "study 2\n" + "\n" * 8 + "a\n\nb c\n\nskip\n^C\nlessons\n",
        "case random --seed 7\na\n\nb\n\nnone\n\n^C\ncase\n",
        "case random --seed 12 --topic transplant\nc\n\nskip\nmenu\n",
        "quiz --cases 2\na\n\nb\n\nmenu\nquiz\n^C\n",
        "algorithm\n54\nileum\n\n\n\n\n\n\n\n\n\n\n\nmenu\n",
        "case list\ncase nosuch\nstudy 99\nfrob\n",
    ]
    for script in commands:
        put("shell-commands", script)
    for lesson in lessons[:3]:
        keys = "\n\n".join(" ".join(q["key"]) for q in lesson["questions"][:3])
        put("shell-commands", f"study {lesson['id']}\n" + "\n" * len(lesson["pages"]) + keys)
    print(f"seed corpora written to {CORPUS}")


if __name__ == "__main__":
    main()
