"""End-to-end tests of `nelm define`, `nelm search` and `nelm sources`, on the Swift tests'
glossary-valid fixture (two lessons, one case, five terms) and on the real course. Expected
values are worked out from the fixture's text."""
import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = REPO / "Tests" / "CourseTests" / "Fixtures" / "glossary-valid"
LESSONS = REPO / "Lessons"


def run(*args, env_extra=None, cwd=None):
    path = os.path.abspath(os.environ.get("NELM_BIN", str(REPO / ".build" / "debug" / "nelm")))
    if not os.access(path, os.X_OK):
        pytest.fail(f"{path} is not built; run `swift build` first")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    env.update(env_extra or {})
    return subprocess.run([path, *args], capture_output=True, text=True, timeout=60, env=env,
                          cwd=cwd)


def test_define_prints_the_entry():
    result = run("define", "nelm", "--lessons", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "NELM — neuroendocrine liver metastases\n"
        "Liver metastases of a neuroendocrine tumour.\n"
        "See also: LM\n"
        "Source: Frilling et al., HPB 2010 (abstract)\n")


@pytest.mark.parametrize("words,term", [
    (["ki67"], "Ki-67"), (["KI-67"], "Ki-67"), (["liver", "metastases"], "LM"),
    (["transplant"], "LT"),
])
def test_define_finds_by_spelling_and_expansion(words, term):
    result = run("define", *words, "--json", "--lessons", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["term"] == term


def test_define_names_other_expansion_matches():
    # "liver" is in four expansions: LM and LT (two words) before FLR and NELM (three).
    result = run("define", "liver", "--lessons", str(FIXTURE))
    assert result.stdout.splitlines()[0] == "LM — liver metastases"
    assert result.stdout.splitlines()[-1] == "Also matching: LT, FLR, NELM"


def test_define_without_a_term_lists_every_term_sorted():
    result = run("define", "--lessons", str(FIXTURE))
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        "FLR", "Ki-67", "LM", "LT", "NELM"]
    entries = json.loads(run("define", "--json", "--lessons", str(FIXTURE)).stdout)
    assert entries[4] == {
        "term": "NELM", "expansion": "neuroendocrine liver metastases",
        "definition": "Liver metastases of a neuroendocrine tumour.", "see": ["LM"],
        "source": "Frilling et al., HPB 2010 (abstract)"}
    assert entries[0]["source"] is None


def test_define_an_unknown_term_exits_1():
    result = run("define", "zzz", "--lessons", str(FIXTURE))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "nelm define: no term 'zzz'\n"


def test_search_lists_places_and_snippets_best_first():
    # Page 1 says "tricuspid" three times, question chd-valve twice.
    result = run("search", "tricuspid", "--lessons", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "lesson 1, page 1 “Carcinoid heart disease”"
    assert lines[1].startswith("  ") and "tricuspid" in lines[1]
    assert lines[2] == "question chd-valve (lesson 1)"
    assert len(lines) == 4


def test_search_json_and_limit():
    result = run("search", "Plöckinger", "kloppel", "--json", "--lessons", str(FIXTURE))
    hits = json.loads(result.stdout)
    assert [(h["kind"], h["lesson"], h["lessonId"], h["page"]) for h in hits] == [
        ("page", 2, "imaging", 1)]
    assert hits[0]["snippet"] == "Klöppel and Plöckinger describe somatostatin receptor imaging."
    limited = json.loads(run("search", "tricuspid", "--json", "--limit", "1",
                             "--lessons", str(FIXTURE)).stdout)
    assert [(h["kind"], h["page"]) for h in limited] == [("page", 1)]
    case = json.loads(run("search", "bilioenteric", "--json", "--lessons", str(FIXTURE)).stdout)
    assert [(h["kind"], h["case"], h["stage"]) for h in case] == [
        ("case", "pancreas-progression", 3)]


def test_search_with_nothing_found_exits_1():
    result = run("search", "tricuspid", "transplant", "--lessons", str(FIXTURE))
    assert result.returncode == 1
    assert result.stderr == "nelm search: nothing found for 'tricuspid transplant'\n"
    assert run("search", "x", "--limit", "0", "--lessons", str(FIXTURE)).returncode != 0


def test_sources_lists_each_reference_with_its_citations():
    result = run("sources", "--lessons", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Frilling et al., HPB 2010",
        "  cited by lesson liver, lesson imaging, imaging page 1, case pancreas-progression",
        "Frilling et al., HPB 2010 (abstract)",
        "  cited by glossary NELM",
    ]
    entries = json.loads(run("sources", "--json", "--lessons", str(FIXTURE)).stdout)
    assert [entry["reference"] for entry in entries] == [
        "Frilling et al., HPB 2010",
        "Frilling et al., HPB 2010 (abstract)",
        "Frilling et al., HPB 2010, Figure 3 (reconstructed)",
        "Mazzaferro V et al., J Hepatol 2007",
        "Mazzaferro V et al., J Hepatol 2007 (Milan criteria; as summarised)",
        "Mazzaferro V et al., J Hepatol 2007;47:460",
        "Pęczkowska M et al., Kardiol Pol 2022",
        "Tex Heart Inst J 2019 review",
    ]
    assert entries[-1]["citedBy"] == ["liver page 1", "question chd-valve"]


@pytest.mark.parametrize("how", ["before", "after", "equals", "env"])
def test_the_course_folder_is_found_every_way(how):
    args = {"before": ["--lessons", str(FIXTURE), "define", "LT"],
            "after": ["define", "LT", "--lessons", str(FIXTURE)],
            "equals": ["define", "LT", f"--lessons={FIXTURE}"],
            "env": ["define", "LT"]}[how]
    result = run(*args, env_extra={"NELM_LESSONS": str(FIXTURE)} if how == "env" else None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("LT — liver transplantation\n")


def test_a_course_that_does_not_load_is_bad_input(tmp_path):
    (tmp_path / "glossary.yaml").write_text("terms:\n  - term: LM\n")
    result = run("search", "liver", "--lessons", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path}/glossary.yaml:2:5: missing key 'expansion' in term 'LM'" in result.stderr
    assert result.stderr.endswith(f"`nelm lint {tmp_path}` checks it\n")


def test_the_shell_reports_a_course_that_does_not_load_as_search_does(tmp_path):
    """One course resolution: the same diagnostics and the same hint, only the command named
    differently."""
    course = tmp_path / "course"
    course.mkdir()
    (course / "glossary.yaml").write_text("terms:\n  - term: LM\n")
    env = {"HOME": str(tmp_path)}
    search = run("search", "liver", "--lessons", str(course), env_extra=env)
    shell = run("--learner", "ana", "--lessons", str(course), "--sessions",
                str(tmp_path / "sessions"), env_extra=env)
    assert (search.returncode, shell.returncode) == (2, 2)
    assert shell.stderr == search.stderr.replace("nelm search: ", "nelm: ")
    assert shell.stderr.endswith(f"`nelm lint {course}` checks it\n")


def test_lint_json_on_the_fixture():
    result = run("lint", "--json", str(FIXTURE))
    assert result.returncode == 0
    assert json.loads(result.stdout) == {
        "lessons": 2, "pages": 3, "questions": 2, "cases": 1, "sources": 8, "glossary": 5,
        "keyPositions": {"lessons": {"a": 1}, "cases": {"a": 1, "b": 0, "c": 0, "d": 2, "e": 0, "f": 1}},
        "trueFalse": {"true": 1, "false": 0}, "toolMentions": 0, "problems": []}
    assert result.stderr == ""


def test_lint_json_reports_problems_and_exits_1(tmp_path):
    (tmp_path / "glossary.yaml").write_text(
        "terms:\n  - term: LM\n    expansion: liver metastases\n    definition: D.\n"
        "    see: [NELM]\n")
    result = run("lint", "--json", str(tmp_path))
    assert result.returncode == 1
    assert json.loads(result.stdout)["problems"] == [{
        "file": f"{tmp_path}/glossary.yaml", "line": 5, "column": 11,
        "message": "'see' names 'NELM', which is no term"}]


def test_the_real_course_answers():
    define = run("define", "prrt", "--lessons", str(LESSONS))
    assert define.stdout.startswith("PRRT — peptide receptor radionuclide therapy\n")
    search = run("search", "carcinoid", "heart", "--json", "--lessons", str(LESSONS))
    hits = json.loads(search.stdout)
    assert any(h["kind"] == "page" and h["lessonId"] == "clinical-picture" for h in hits)
    assert all("carcinoid" in h["snippet"].lower() for h in hits[:5])
