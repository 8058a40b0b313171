"""`nelm export anki`: the file imports into a real Anki collection (the PyPI `anki` package,
the same Rust importer as the desktop app), one note per check question and authored case
step, and importing a newer export updates the notes instead of adding copies."""
import os
import pathlib
import subprocess

import pytest
import yaml

from conftest import LESSONS

anki_collection = pytest.importorskip(
    "anki.collection", reason="the PyPI package 'anki' is not installed (Tests/e2e/requirements.txt)")
from anki.import_export_pb2 import CsvMetadata  # noqa: E402


def lessons():
    """The lesson files (other YAML files in the folder, such as a glossary, have no order)."""
    found = [yaml.safe_load(path.read_text()) for path in sorted(LESSONS.glob("*.y*ml"))]
    return sorted((doc for doc in found if "order" in doc), key=lambda lesson: lesson["order"])


def cases():
    return [yaml.safe_load(path.read_text()) for path in sorted((LESSONS / "cases").glob("*.y*ml"))]


def one_line(text):
    """Authored text on one line: lines within a paragraph and paragraphs joined by a space."""
    return " ".join(line.strip() for line in str(text).splitlines() if line.strip())


def paragraphs(text):
    chunks, current = [], []
    for line in str(text).splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            chunks.append(" ".join(current))
            current = []
    if current:
        chunks.append(" ".join(current))
    return chunks


def escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def expected_note(lesson, question):
    """Front and back as the export's spec words them."""
    def option(o):
        return f"{escape(o['id'])}) {escape(one_line(o['text']))}"
    front = f"<b>{escape(one_line(question['stem']))}</b><br><br>"
    front += "<br>".join(option(o) for o in question["options"])
    if question["kind"] == "multiple":
        front += "<br><br><i>Choose every right option.</i>"
    key = [option(o) for o in question["options"] if o["id"] in question["key"]]
    back = f"<b>Answer: {'; '.join(key)}</b><br><br>"
    back += "<br>".join(f"{option(o)}: {escape(one_line(o['explanation']))}"
                        for o in question["options"])
    back += "<br><br>" + "<br><br>".join(escape(p) for p in paragraphs(question["explanation"]))
    back += "<br><br>Source: " + escape(one_line(question["source"]))
    tags = sorted({"nelm", lesson["id"], *question.get("tags", [])})
    return front, back, tags


def export(nelm_bin, env, path):
    result = subprocess.run([nelm_bin, "export", "anki", str(path), "--lessons", str(LESSONS)],
                            capture_output=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return result


def import_file(col, path):
    metadata = col.get_csv_metadata(str(path), None)
    metadata.dupe_resolution = CsvMetadata.DupeResolution.UPDATE
    return col.import_csv(anki_collection.ImportCsvRequest(path=str(path), metadata=metadata)).log


def note_by_guid(col, guid):
    note_id = col.db.scalar("select id from notes where guid = ?", guid)
    assert note_id, f"no note with GUID {guid}"
    return col.get_note(note_id)


def test_the_export_imports_into_anki_and_a_second_import_updates(nelm_bin, home, tmp_path):
    path = tmp_path / "nelm.txt"
    result = export(nelm_bin, home, path)
    all_lessons = lessons()
    question_count = sum(len(lesson.get("questions", [])) for lesson in all_lessons)
    step_count = sum(len(stage.get("steps", [])) for case in cases() for stage in case["stages"])
    assert result.stdout.decode() == f"Wrote {question_count + step_count} notes to {path}.\n"

    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        log = import_file(col, path)
        assert len(log.new) == question_count + step_count
        assert col.note_count() == question_count + step_count

        for lesson in all_lessons[:2]:
            for question in lesson["questions"][:3]:
                note = note_by_guid(col, f"nelm:{lesson['id']}/{question['id']}")
                front, back, tags = expected_note(lesson, question)
                assert note["Front"] == front
                assert note["Back"] == back
                assert sorted(note.tags) == tags
                assert col.decks.name(note.cards()[0].did) == f"nelm::{lesson['title']}"

        case = cases()[0]
        step = case["stages"][0]["steps"][0]
        note = note_by_guid(col, f"nelm:case/{case['id']}/{step['id']}")
        assert note["Front"].startswith(f"<b>{escape(case['title'])}</b><br><br>"
                                        f"<b>{escape(case['stages'][0]['title'])}</b><br>")
        assert "<br><br>Why:<br>• " in note["Back"]
        assert escape(paragraphs(step["points"])[0]) in note["Back"]
        assert sorted(note.tags) == sorted({"nelm", "case", case["id"], *case["tags"]})
        assert col.decks.name(note.cards()[0].did) == f"nelm::Cases::{case['title']}"

        # The same file again: every note is found by its GUID, nothing is added.
        again = import_file(col, path)
        assert len(again.new) == 0
        assert col.note_count() == question_count + step_count

        # A newer export where one question's explanation changed: that note is updated in
        # place, still under its GUID.
        lesson, question = all_lessons[0], all_lessons[0]["questions"][0]
        guid = f"nelm:{lesson['id']}/{question['id']}"
        lines = path.read_text().splitlines()
        changed = [line.replace("Source: ", "Source (revised): ", 1) if line.startswith(guid + "\t")
                   else line for line in lines]
        assert changed != lines
        newer = tmp_path / "nelm-newer.txt"
        newer.write_text("\n".join(changed) + "\n")
        updated = import_file(col, newer)
        assert len(updated.new) == 0 and len(updated.updated) == 1
        assert col.note_count() == question_count + step_count
        assert "Source (revised): " in note_by_guid(col, guid)["Back"]
    finally:
        col.close()


def test_export_to_standard_output_has_the_anki_headers(nelm_bin, home):
    result = subprocess.run([nelm_bin, "export", "anki", "-", "--lessons", str(LESSONS)],
                            capture_output=True, env=home, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().split("\n")
    assert lines[:7] == [
        "#separator:tab", "#html:true", "#notetype:Basic", "#columns:GUID\tFront\tBack\tDeck\tTags",
        "#guid column:1", "#deck column:4", "#tags column:5",
    ]
    assert lines[-1] == ""
    rows = lines[7:-1]
    assert all(len(row.split("\t")) == 5 for row in rows)
    assert all(row.startswith("nelm:") for row in rows)
