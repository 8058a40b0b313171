"""Writes a generated course of at least N check questions for load benchmarks: copies of
the real lessons (and cases) with every id made unique, so the loader and the linter do all
their checks on a course of that size.

Usage: python3 bench/make_course.py N OUT_DIR
"""
import pathlib
import re
import sys

import yaml

REPO = pathlib.Path(__file__).resolve().parents[1]


def main():
    target, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    (out / "cases").mkdir(parents=True, exist_ok=True)
    lessons = [p for p in sorted((REPO / "Lessons").glob("*.yaml")) if p.stem != "glossary"]
    questions, copy, order = 0, 0, 1
    while questions < target:
        copy += 1
        for path in lessons:
            text = path.read_text()
            count = len(yaml.safe_load(text)["questions"])
            # Lesson id, question ids (indented `- id:`) and order made unique for this copy.
            text = re.sub(r"^id: (\S+)", rf"id: \1-c{copy}", text, count=1, flags=re.M)
            text = re.sub(r"^(\s+- id: )([a-z0-9-]{3,})$", rf"\1\2-c{copy}", text, flags=re.M)
            text = re.sub(r"^order: \d+", f"order: {order}", text, count=1, flags=re.M)
            (out / f"{copy:03d}-{path.name}").write_text(text)
            questions += count
            order += 1
    for path in sorted((REPO / "Lessons" / "cases").glob("*.yaml")):
        (out / "cases" / path.name).write_text(path.read_text())
    print(f"{questions} questions in {copy * len(lessons)} lessons written to {out}")


if __name__ == "__main__":
    main()
