"""The engine's and the course's identifiers, and a check that a screen shows none of them.

Issue 12: a learner reads no identifier they did not type. The identifiers are read from where
they are defined, not typed out here: option and adjunct ids and rule codes from
Docs/solve-output.schema.json, fact keys and fact values from Docs/case-facts.schema.json,
step kinds and option ids of every authored case and of generated ones from
`nelm case show --json` (an option shown as its own label, `G1`, `III`, `yes`, is its clinical
word).

Many ids are also plain words (`resection`, `grade`, `well`, `none`, `primary`): shown, they
read as English and no check can tell them apart, so they are not looked for. An id counts as
a word when it is lowercase letters only and the course's own prose (pages, questions, case
stories, glossary) uses it as a word; `tace`, `sstr`, `ki67`, `who2010`, `lm_type`, `onSSA`,
`pathology.mitoses` are never written so in prose, and are looked for, case and all (`TACE`
and `SSA` are the clinical words). Node categories `N0`/`N1` and rule branches `N0`..`S4` share
their spelling, so a branch code is looked for only where the engine writes one: after a rule
(`D5/N2`) or opening a trace line (`N2: `, `N1, `); a rule code `D1`..`D9` anywhere.
"""
import functools
import json
import pathlib
import re
import subprocess

import yaml

# The real `run`, taken before the e2e fixture wraps it: reading ids is not a learner run.
_RUN = subprocess.run

REPO = pathlib.Path(__file__).resolve().parents[2]
LESSONS = REPO / "Lessons"
DOCS = REPO / "Docs"
TOPICS = ("grading", "staging", "transplant", "treatment")

# Keys of the YAML files whose values are ids or data, not prose.
DATA_KEYS = {"id", "kind", "options", "key", "ask", "change", "facts", "update", "tags",
             "order", "acceptable", "answer", "accept", "source", "sources"}


def _schema(name):
    return json.loads((DOCS / f"{name}.schema.json").read_text(encoding="utf-8"))


def _fact_names(node, prefix, keys, paths, values):
    """Walks a case-facts schema node: its property names, dotted paths and enum values."""
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            node = _schema("case-facts")["$defs"][node["$ref"].split("/")[-1]] | node
        for name, sub in node.get("properties", {}).items():
            if name == "id":  # the facts' free name, not a fact
                continue
            keys.add(name)
            if prefix:
                paths.add(f"{prefix}.{name}")
            _fact_names(sub, name if not prefix else prefix, keys, paths, values)
        values.update(v for v in node.get("enum", []) if isinstance(v, str))
        for word in ("items", "then", "else", "if"):
            _fact_names(node.get(word), prefix, keys, paths, values)
        for word in ("allOf", "anyOf", "oneOf"):
            for sub in node.get(word, []):
                _fact_names(sub, prefix, keys, paths, values)


def _walk_yaml(node, in_data, prose):
    """Gathers the prose of a YAML file: every string not under a key of ids or data."""
    if isinstance(node, dict):
        for name, sub in node.items():
            _walk_yaml(sub, in_data or name in DATA_KEYS, prose)
    elif isinstance(node, list):
        for sub in node:
            _walk_yaml(sub, in_data, prose)
    elif isinstance(node, str) and not in_data:
        prose.append(node)


@functools.cache
def prose_words():
    """The words of the course's prose: pages, questions, case stories, glossary."""
    prose = []
    for path in sorted(LESSONS.rglob("*.y*ml")):
        _walk_yaml(yaml.safe_load(path.read_text(encoding="utf-8")), False, prose)
    return frozenset(re.findall(r"[A-Za-z0-9_]+", "\n".join(prose)))


def _case_steps(nelm_bin):
    """The steps of every authored case and of generated ones on every topic, as
    `nelm case show --json` gives them."""
    listed = _RUN([nelm_bin, "case", "list", "--json", "--lessons", str(LESSONS)],
                            capture_output=True, timeout=60, check=True)
    names = [item["id"] for item in json.loads(listed.stdout)]
    names += [f"random:{seed}" + (f":{topic}" if topic else "")
              for seed in range(1, 6) for topic in (None,) + TOPICS]
    steps = []
    for name in names:
        shown = _RUN([nelm_bin, "case", "show", name, "--json", "--lessons",
                                str(LESSONS)], capture_output=True, timeout=60, check=True)
        steps.extend(json.loads(shown.stdout)["steps"])
    return steps


@functools.cache
def identifiers(nelm_bin):
    """Every id of the engine and the course, from the schemas, case files and generated cases."""
    solve = _schema("solve-output")
    found = set(solve["$defs"]["option"]["enum"])
    found |= set(solve["properties"]["adjuncts"]["items"]["enum"])
    rules = {code for rule in solve["properties"]["rule"]["enum"] if rule
             for code in rule.split("/")}
    keys, paths, values = set(), set(), set()
    _fact_names(_schema("case-facts"), "", keys, paths, values)
    found |= keys | paths | values
    # `what_if` is a kind of the files only: loaded, a step carries the kind it asks.
    for path in sorted((LESSONS / "cases").glob("*.y*ml")):
        for stage in yaml.safe_load(path.read_text(encoding="utf-8")).get("stages", []):
            found.update(step["kind"] for step in stage.get("steps", []))
    shown_as_itself = set()
    for step in _case_steps(nelm_bin):
        found.add(step["kind"])
        for option in step["options"]:
            found.add(option["id"])
            if option["label"] == option["id"]:
                shown_as_itself.add(option["id"])
    return frozenset(found - shown_as_itself), frozenset(rules)


def is_word(identifier):
    """Whether `identifier` reads as a word when shown: lowercase letters the prose uses as a
    word, a single letter (`t`, as in "don't"), or clinical notation in capitals and digits
    (`N0`, `NX`; `onSSA` is camelCase)."""
    if len(identifier) == 1:
        return True
    if re.fullmatch(r"[a-z]+", identifier):
        return identifier in prose_words()
    return re.fullmatch(r"[A-Z][A-Z0-9]*", identifier) is not None


@functools.cache
def leak_pattern(nelm_bin):
    """One regular expression that finds any id a learner must not read."""
    found, rules = identifiers(nelm_bin)
    looked_for = sorted((i for i in found if not is_word(i)), key=len, reverse=True)
    decisions = sorted((r for r in rules if r.startswith("D")), key=len, reverse=True)
    branches = sorted((r for r in rules if not r.startswith("D")), key=len, reverse=True)
    ids = "|".join(map(re.escape, looked_for))
    codes = "|".join(map(re.escape, decisions))
    after = "|".join(map(re.escape, branches))
    # An id inside a name joined by '-' or '/' (`tace-fiore-tae-vs-tace`, a question's id, or
    # `case sigmoid-primary-tace`) is part of that name, which the learner types to open it.
    return re.compile(
        rf"(?<![A-Za-z0-9_./-])(?:{ids})(?![A-Za-z0-9_/-]|\.[A-Za-z])"
        rf"|(?<![A-Za-z0-9_])(?:{codes})(?![A-Za-z0-9_])"
        rf"|(?m:^|•)[ \t]*(?:Rule[ \t]+)?(?:{after})[:,]")


@functools.cache
def _names():
    """How `sources` and `search` name a lesson, question or case: by the id the learner types
    to open it (`study prrt`, `case ileal-lung-fibrosis-tace`), which may spell an option's id."""
    lessons = [yaml.safe_load(path.read_text(encoding="utf-8"))["id"]
               for path in sorted(LESSONS.glob("[0-9]*.y*ml"))]
    return re.compile(r"\b(?:lesson|question|case) [A-Za-z0-9_-]+"
                      rf"|(?<![A-Za-z0-9_-])(?:{'|'.join(map(re.escape, lessons))}) page [0-9]+")


def leaks(text, nelm_bin, typed=""):
    """The ids in `text` a learner did not type (those in `typed` are theirs to see again)."""
    mine = set(re.findall(r"[A-Za-z0-9_.]+", typed))
    text = _names().sub(" ", text)
    return [m.group(0) for m in leak_pattern(nelm_bin).finditer(text)
            if m.group(0).strip(" \t•:,") not in mine and m.group(0).strip(" \t•") not in mine]
