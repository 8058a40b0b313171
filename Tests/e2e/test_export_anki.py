"""`nelm export anki` in a real Anki collection (the PyPI `anki` package, the same Rust code
as the desktop app): nelm's note types arrive through the package `scripts/anki-package`
builds; the text export then fills them, one note per check question, cloze sentence and
authored case step, in decks named by lesson id, with hierarchical tags; re-importing adds
nothing, and an edited note is updated in place with its review state kept."""
import json
import pathlib
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import LESSONS, REPO

anki_collection = pytest.importorskip(
    "anki.collection", reason="the PyPI package 'anki' is not installed (Tests/e2e/requirements.txt)")
from anki.import_export_pb2 import CsvMetadata  # noqa: E402

PACKAGER = REPO / "scripts" / "anki-package"
CLOZE_LESSON = pathlib.Path(__file__).parent / "fixtures" / "cloze-course" / "01-grading.yaml"
FIELDS = ["Question", "Options", "Answer", "Explanation", "Source", "Lesson"]


def lessons(folder=LESSONS):
    """The lesson files (other YAML files in the folder, such as a glossary, have no order)."""
    found = [yaml.safe_load(path.read_text()) for path in sorted(folder.glob("*.y*ml"))]
    return sorted((doc for doc in found if "order" in doc), key=lambda lesson: lesson["order"])


def cases(folder=LESSONS):
    return [yaml.safe_load(path.read_text()) for path in sorted((folder / "cases").glob("*.y*ml"))]


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


def expected_fields(lesson, question):
    """The six fields of a question's note, as the export's spec words them."""
    def option(o):
        return f"{escape(o['id'])}) {escape(one_line(o['text']))}"
    stem = escape(one_line(question["stem"]))
    if question["kind"] == "multiple":
        stem += "<br><i>Choose every right option.</i>"
    key = [option(o) for o in question["options"] if o["id"] in question["key"]]
    explanation = "<br>".join(f"{option(o)}: {escape(one_line(o['explanation']))}"
                              for o in question["options"])
    explanation += "<br><br>" + "<br><br>".join(escape(p) for p in paragraphs(question["explanation"]))
    return {
        "Question": stem, "Options": "<br>".join(option(o) for o in question["options"]),
        "Answer": "; ".join(key), "Explanation": explanation,
        "Source": escape(one_line(question["source"])), "Lesson": escape(one_line(lesson["title"])),
    }


def export(nelm_bin, env, path, lessons_folder=LESSONS, *extra):
    result = subprocess.run(
        [nelm_bin, "export", "anki", str(path), "--lessons", str(lessons_folder), *extra],
        capture_output=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return result


def package(nelm_bin, env, path, lessons_folder, *extra):
    result = subprocess.run(
        [sys.executable, str(PACKAGER), str(path), "--nelm", nelm_bin,
         "--lessons", str(lessons_folder), *extra],
        capture_output=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    return result


def import_text(col, path):
    metadata = col.get_csv_metadata(str(path), None)
    metadata.dupe_resolution = CsvMetadata.DupeResolution.UPDATE
    return col.import_csv(anki_collection.ImportCsvRequest(path=str(path), metadata=metadata)).log


def import_package(col, path):
    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(path), options=anki_collection.ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def note_by_guid(col, guid):
    note_id = col.db.scalar("select id from notes where guid = ?", guid)
    assert note_id, f"no note with GUID {guid}"
    return col.get_note(note_id)


def deck_of(col, note):
    return col.decks.name(note.cards()[0].did)


@pytest.fixture
def cloze_course(tmp_path):
    """The fixture lesson with its cloze sentences, and the first real case."""
    folder = tmp_path / "cloze-course"
    (folder / "cases").mkdir(parents=True)
    shutil.copy(CLOZE_LESSON, folder)
    shutil.copy(sorted((LESSONS / "cases").glob("*.yaml"))[0], folder / "cases")
    return folder


def test_the_package_brings_the_note_types_and_the_text_import_updates_in_place(
        nelm_bin, home, tmp_path, cloze_course):
    apkg, text = tmp_path / "nelm.apkg", tmp_path / "nelm.txt"
    assert package(nelm_bin, home, apkg, cloze_course).stdout.decode().startswith("Wrote ")
    export(nelm_bin, home, text, cloze_course)
    lesson, case = lessons(cloze_course)[0], cases(cloze_course)[0]
    steps = [step for stage in case["stages"] for step in stage["steps"]]
    sentences = lesson["pages"][0]["cloze"]
    total = len(lesson["questions"]) + len(sentences) + len(steps)

    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        assert len(import_package(col, apkg).new) == total
        question_type = col.models.by_name("nelm")
        cloze_type = col.models.by_name("nelm cloze")
        assert [f["name"] for f in question_type["flds"]] == FIELDS
        assert [f["name"] for f in cloze_type["flds"]] == ["Text", "Page", "Source", "Lesson"]
        assert "text-align: left" in question_type["css"]
        assert cloze_type["type"] == 1  # Anki's cloze kind

        question = lesson["questions"][0]
        note = note_by_guid(col, f"nelm:{lesson['id']}/{question['id']}")
        assert dict(note.items()) == expected_fields(lesson, question)
        assert deck_of(col, note) == f"nelm::{lesson['id']}"
        version = [tag for tag in note.tags if tag.startswith("nelm::v")]
        assert len(version) == 1 and len(version[0]) == len("nelm::v") + 8
        assert sorted(note.tags) == sorted([f"nelm::lesson::{lesson['id']}", *version,
                                            *(f"nelm::topic::{t}" for t in question["tags"])])

        # A cloze sentence: one card per number it hides; the back shows its page.
        cloze = note_by_guid(col, f"nelm:{lesson['id']}/page-1/cloze-1")
        assert cloze["Text"] == escape(sentences[0])
        assert len(cloze.cards()) == sentences[0].count("{{c")
        assert "[...]" in cloze.cards()[0].question() and "3–20 %" not in cloze.cards()[0].question()
        assert "3–20 %" in cloze.cards()[0].answer()
        assert cloze["Page"].startswith(f"<b>{escape(lesson['pages'][0]['title'])}</b><br>")
        assert deck_of(col, cloze) == f"nelm::{lesson['id']}"

        # A later case step shows the story so far: every stage up to its own.
        last = steps[-1]
        step_note = note_by_guid(col, f"nelm:case/{case['id']}/{last['id']}")
        for stage in case["stages"]:
            assert f'<div class="nelm-stage-title">{escape(stage["title"])}</div>' in step_note["Question"]
        assert step_note["Explanation"].startswith("Why:<br>• ")
        assert step_note["Lesson"] == escape(case["title"])
        assert deck_of(col, step_note) == "nelm::cases"
        assert f"nelm::case::{case['id']}" in step_note.tags
        assert {f"nelm::topic::{t}" for t in case["tags"]} <= set(step_note.tags)

        # Review the question's card, then import the same file: every note is found by its
        # GUID, nothing is added.
        card = note.cards()[0]
        card.start_timer()
        col.sched.answerCard(card, 3)
        card.load()
        assert card.reps == 1
        state = (card.type, card.queue, card.due, card.ivl, card.reps)
        again = import_text(col, text)
        assert len(again.new) == 0
        assert col.note_count() == total

        # A newer export where the question changed: that note is updated in place, under its
        # GUID, and its card keeps its review state.
        edited = cloze_course / "01-grading.yaml"
        edited.write_text(edited.read_text().replace(
            "What is its grade?", "What grade does it have?"))
        newer = tmp_path / "nelm-newer.txt"
        export(nelm_bin, home, newer, cloze_course)
        updated = import_text(col, newer)
        assert len(updated.new) == 0 and len(updated.updated) >= 1
        note = note_by_guid(col, f"nelm:{lesson['id']}/{question['id']}")
        assert note["Question"].endswith("What grade does it have?")
        card = note.cards()[0]
        assert (card.type, card.queue, card.due, card.ivl, card.reps) == state
        assert col.note_count() == total
    finally:
        col.close()


def test_the_whole_course_imports_and_a_second_import_adds_nothing(nelm_bin, home, tmp_path):
    apkg, text = tmp_path / "nelm.apkg", tmp_path / "nelm.txt"
    package(nelm_bin, home, apkg, LESSONS)
    result = export(nelm_bin, home, text)
    all_lessons = lessons()
    questions = sum(len(lesson.get("questions", [])) for lesson in all_lessons)
    clozes = sum(len(page.get("cloze", [])) for lesson in all_lessons for page in lesson["pages"])
    steps = sum(len(stage.get("steps", [])) for case in cases() for stage in case["stages"])
    assert result.stdout.decode() == f"Wrote {questions + clozes + steps} notes to {text}.\n"

    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        assert len(import_package(col, apkg).new) == questions + clozes + steps
        for lesson in all_lessons[:3]:
            question = lesson["questions"][0]
            note = note_by_guid(col, f"nelm:{lesson['id']}/{question['id']}")
            assert dict(note.items()) == expected_fields(lesson, question)
            assert deck_of(col, note) == f"nelm::{lesson['id']}"
        log = import_text(col, text)
        assert len(log.new) == 0 and len(log.missing_notetype) == 0
        assert col.note_count() == questions + clozes + steps
        decks = {name for name in (d.name for d in col.decks.all_names_and_ids())
                 if name.startswith("nelm::")}
        assert decks == {f"nelm::{lesson['id']}" for lesson in all_lessons} | {"nelm::cases"}
    finally:
        col.close()


def test_a_collection_without_the_cloze_type_gets_it_from_a_cloze_only_package(
        nelm_bin, home, tmp_path, cloze_course):
    """A deck first packaged from a course without cloze sentences lacks 'nelm cloze'; Anki
    skips those rows and says so, and a package of only the cloze notes adds the note type
    without a second copy of 'nelm'."""
    (cloze_course / "01-grading.yaml").write_text(
        "\n".join(line for line in CLOZE_LESSON.read_text().splitlines()
                  if "{{c" not in line and "cloze:" not in line) + "\n")
    first, text = tmp_path / "first.apkg", tmp_path / "nelm.txt"
    package(nelm_bin, home, first, cloze_course)
    shutil.copy(CLOZE_LESSON, cloze_course / "01-grading.yaml")
    export(nelm_bin, home, text, cloze_course)
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        import_package(col, first)
        assert col.models.by_name("nelm cloze") is None
        assert len(import_text(col, text).missing_notetype) == 2

        clozes = tmp_path / "cloze.apkg"
        package(nelm_bin, home, clozes, cloze_course, "--only-note-type", "nelm cloze")
        assert len(import_package(col, clozes).new) == 2
        names = sorted(m.name for m in col.models.all_names_and_ids() if m.name.startswith("nelm"))
        assert names == ["nelm", "nelm cloze"]
        log = import_text(col, text)
        assert len(log.new) == 0 and len(log.missing_notetype) == 0
    finally:
        col.close()


def test_the_note_types_are_json_and_the_text_has_the_anki_headers(nelm_bin, home):
    result = subprocess.run([nelm_bin, "export", "anki", "-", "--note-types"],
                            capture_output=True, env=home, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    types = json.loads(result.stdout)
    assert [(t["name"], t["kind"], t["fields"]) for t in types] == [
        ("nelm", "standard", FIELDS), ("nelm cloze", "cloze", ["Text", "Page", "Source", "Lesson"])]

    result = subprocess.run([nelm_bin, "export", "anki", "-", "--lessons", str(LESSONS)],
                            capture_output=True, env=home, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().split("\n")
    assert lines[:7] == [
        "#separator:tab", "#html:true",
        "#columns:GUID\tNote type\tDeck\tTags\tQuestion (Text)\tOptions (Page)\t"
        "Answer (Source)\tExplanation (Lesson)\tSource\tLesson",
        "#guid column:1", "#notetype column:2", "#deck column:3", "#tags column:4",
    ]
    assert lines[-1] == ""
    rows = lines[7:-1]
    assert all(len(row.split("\t")) == 10 for row in rows)
    assert all(row.startswith("nelm:") for row in rows)
