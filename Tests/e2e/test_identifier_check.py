"""The check that no screen shows an id a learner did not type (conftest `check_screen`) can
fail: it finds each kind of id on a screen that shows one, and leaves clinical words alone."""
import pytest

from conftest import check_screen, nelm_binary
from identifiers import identifiers, leaks

SHELL = ["nelm", "--learner", "ana"]


def test_the_ids_are_read_from_the_schemas_the_cases_and_the_engine():
    found, rules = identifiers(nelm_binary())
    for expected in ["sstr_imaging", "perioperative_octreotide", "lm_type", "who2010", "onSSA",
                     "pathology.mitoses", "what_if", "not_portal_drained", "in_situ"]:
        assert expected in found
    assert {"D2a", "D7", "N2", "S4"} <= rules


@pytest.mark.parametrize("screen", [
    "What if: pathology.mitoses 8?", "contraindications: portal_vein_thrombosis",
    "  • adjunct perioperative_octreotide", "Decision\n  rule: D7", "Rule D5/N2: TACE",
    "  N2: TACE not barred", "N1, the alternatives: an SSA", "Topic    prrt   50 %",
    "stableMonths 0", "kind: lm_type", "(its branches as under D5)", "who2010",
])
def test_a_screen_with_an_id_fails_the_check(screen):
    assert leaks(screen, nelm_binary())
    with pytest.raises(AssertionError, match="showed ids a learner never typed"):
        check_screen(SHELL, screen)


@pytest.mark.parametrize("screen", [
    "N1 nodes, T2, G2; Ki-67 6 % (ENETS 2007)", "PRRT or TACE; an SSA first", "Stage IIIa",
    "cited by lesson prrt, prrt page 3, question tace-sirt-after-prrt-safety",
    "case sigmoid-primary-tace, stage 2", "curative hepatic resection ± RFA", "NET G2",
    "Is the primary still in place? (in situ | resected)", "Regional lymph nodes (N0 | N1 | NX)",
])
def test_clinical_words_and_names_pass(screen):
    assert leaks(screen, nelm_binary()) == []
    check_screen(SHELL, screen)


def test_an_id_the_learner_typed_may_come_back():
    check_screen(SHELL, "Unknown command 'sstr_imaging'.", typed="sstr_imaging\n")
    with pytest.raises(AssertionError):
        check_screen(SHELL, "Unknown command 'sstr_imaging'.", typed="prrt\n")


def test_outputs_for_other_programs_and_authors_are_not_checked():
    for args in (["nelm", "solve", "facts.json"], ["nelm", "case", "show", "x"],
                 ["nelm", "progress", "--json"], ["nelm", "lint"]):
        check_screen(args, "rule: D7 [sstr_imaging]")
    with pytest.raises(AssertionError):
        check_screen(["nelm", "progress"], "prrt  50 %")
