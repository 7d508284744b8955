"""Every class of bad input in the editors' files is reported with file, line and field, all at once."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from site_plugins.directory.load import load_directory
from site_plugins.sources.problems import SourceError

CATEGORIES = """\
- name: Kreft
  description: For dem som har eller har hatt kreft.
- name: Pårørende
  description: For pårørende og etterlatte.
"""

GOOD = """\
name: Melanomforeningen
description: Forening for personer med føflekkreft og deres pårørende.
categories: [Kreft]
"""


def _folder(tmp_path: Path, files: dict[str, str | bytes], categories: str = CATEGORIES) -> Path:
    folder = tmp_path / "organisations"
    folder.mkdir()
    (folder / "_categories.yaml").write_text(categories, encoding="utf-8")
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


def _problems(tmp_path: Path, files: dict[str, str | bytes], **kwargs) -> list[str]:
    folder = _folder(tmp_path, files, **kwargs)
    with pytest.raises(SourceError) as caught:
        load_directory(folder, tmp_path)
    return [str(problem) for problem in caught.value.problems]


def test_good_files_load_in_norwegian_alphabetical_order(tmp_path):
    files = {
        "melanomforeningen.yaml": GOOD,
        "aarskog.yaml": "name: Åsgårdforeningen\ndescription: Tekst.\ncategories: [Kreft]\n",
        "oyeforeningen.yaml": "name: Øyeforeningen\ndescription: Tekst.\ncategories: [Kreft]\n",
        "zebra.yaml": "name: Zebraforeningen\ndescription: Tekst.\ncategories: [Pårørende]\n",
        "aeble.yaml": "name: Ærlig talt\ndescription: Tekst.\ncategories: [Kreft]\n",
        "abc.yaml": "name: ADHD Norge\ndescription: Tekst.\ncategories: [Kreft]\n",
    }
    directory = load_directory(_folder(tmp_path, files), tmp_path)
    assert [org.name for org in directory.organisations] == [
        "ADHD Norge", "Melanomforeningen", "Zebraforeningen", "Ærlig talt", "Øyeforeningen", "Åsgårdforeningen"]
    assert directory.organisation("zebra").categories == ["Pårørende"]


@pytest.mark.parametrize(("content", "expected"), [
    pytest.param("description: Tekst.\ncategories: [Kreft]\n", "x.yaml:1: name: is required but missing", id="missing"),
    pytest.param(GOOD + "websit: https://melanom.no\n", "x.yaml:4: websit: is not a known field; did you mean 'website'?",
                 id="unknown-field"),
    pytest.param(GOOD + "short_name: no\n", 'x.yaml:4: short_name: expected text, but YAML reads no as the yes/no value false; '
                 'put the value in quotes: "no"', id="yaml-1.1-no"),
    pytest.param(GOOD + "phone: 75570014\n", 'put the value in quotes: "75570014"', id="unquoted-number"),
    pytest.param(GOOD + "address: 10:30\n", 'x.yaml:4: address: expected text, but YAML reads 10:30 as the number 630',
                 id="sexagesimal"),
    pytest.param(GOOD.replace("Forening for", "x" * 300), "x.yaml:2: description: is 345 characters long; at most 300",
                 id="too-long"),
    pytest.param(GOOD.replace("[Kreft]", "[Kraft]"), "x.yaml:3: categories[1]: 'Kraft' is not a known category. Did you mean 'Kreft'?",
                 id="unknown-category"),
    pytest.param(GOOD.replace("[Kreft]", "[]"), "x.yaml:3: categories: needs at least 1 entry", id="no-category"),
    pytest.param(GOOD.replace("[Kreft]", "[Kreft, Kreft]"), "categories: a category is listed twice", id="repeated-category"),
    pytest.param(GOOD + "name: Igjen\n", "x.yaml:4: name: appears twice (first on line 1)", id="duplicate-key"),
    pytest.param(GOOD + "email: post(at)melanom.no\n", "x.yaml:4: email: 'post(at)melanom.no' is not an e-mail address",
                 id="email"),
    pytest.param(GOOD + "phone: '123'\n", "x.yaml:4: phone: '123' is not a phone number", id="phone"),
    pytest.param(GOOD + "website: javascript:alert(1)\n", "x.yaml:4: website: 'javascript:alert(1)' is not a web address",
                 id="website-scheme"),
    pytest.param(GOOD + "peer_support:\n  url: melanom.no/likeperson\n",
                 "x.yaml:5: peer_support.url: 'melanom.no/likeperson' is not a web address", id="peer-support-url"),
    pytest.param(GOOD + "local_chapters:\n  - name: Bodø\n  - region: Nordland\n",
                 "x.yaml:6: local_chapters[2].name: is required but missing", id="chapter-name"),
    pytest.param(GOOD + "at_torget: ja\n", "x.yaml:4: at_torget: expected true or false, not the text 'ja'", id="bool"),
    pytest.param(GOOD + "reviewed: 2025-02-30\n", "x.yaml:4: reviewed: '2025-02-30' is not a real date", id="impossible-date"),
    pytest.param(GOOD + "reviewed: 2025-02-03 10:00:00\n", "reviewed: write a date without a time", id="datetime"),
    pytest.param(GOOD + "reviewed: '3. mars 2025'\n", "reviewed: '3. mars 2025' is not a date; write it like 2025-03-01",
                 id="date-text"),
    pytest.param(GOOD + "description: ''\n", "appears twice", id="duplicate-description"),
    pytest.param(GOOD + "keywords: &k [a]\nslug_words: *k\n", "x.yaml:5: slug_words: anchors and aliases", id="alias"),
    pytest.param(GOOD + "address: !!python/object:os.system x\n", "x.yaml:4: address: the YAML tag", id="python-tag"),
    pytest.param(GOOD + "keywords: [a, b\n", "x.yaml:5: YAML syntax error", id="syntax"),
    pytest.param(GOOD + "\tkeywords: [a]\n", "x.yaml:4: YAML syntax error", id="tab"),
    pytest.param("", "x.yaml:1: the file is empty", id="empty"),
    pytest.param("- name: A\n", "x.yaml:1: the top level must be fields", id="top-level-list"),
    pytest.param(GOOD + "slug: annen\n", "x.yaml:4: slug: is taken from the file name; remove this field", id="slug-field"),
    pytest.param(b"name: Foreningen\ndescription: \xe6rlig\ncategories: [Kreft]\n", "x.yaml:2: the file is not UTF-8",
                 id="not-utf8"),
    pytest.param(GOOD + "address: \x07\n", "x.yaml:4: the file holds a character YAML does not allow", id="control-char"),
])
def test_bad_input_is_reported_with_line_and_field(tmp_path, content, expected):
    problems = _problems(tmp_path, {"x.yaml": content})
    assert any(expected in problem for problem in problems), problems


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    problems = _problems(tmp_path, {
        "a.yaml": GOOD.replace("[Kreft]", "[Kraft]"),
        "b.yaml": "name: B\n",
        "c.yaml": GOOD.replace("Melanomforeningen", "Foreningen C") + "websit: x\n",
    })
    assert [p.split(":")[0] for p in problems] == ["organisations/a.yaml", "organisations/b.yaml",
                                                   "organisations/b.yaml", "organisations/c.yaml"]


def test_value_yaml_cannot_read_is_not_also_reported_as_missing(tmp_path):
    problems = _problems(tmp_path, {"x.yaml": GOOD + "reviewed: 2025-13-01\n"})
    assert len(problems) == 1 and "not a real date" in problems[0]


@pytest.mark.parametrize(("name", "expected"), [
    ("Melanom.yaml", "rename it, e.g. to melanom.yaml"),
    ("pårørende.yaml", "rename it, e.g. to parorende.yaml"),
    ("melanom.yml", "end in .yaml"),
])
def test_file_names_must_be_page_addresses(tmp_path, name, expected):
    problems = _problems(tmp_path, {name: GOOD})
    assert any(problem.startswith(f"organisations/{name}: ") and expected in problem for problem in problems), problems


def test_two_files_for_one_organisation(tmp_path):
    other = GOOD.replace("Melanomforeningen", "MELANOMFORENINGEN")
    problems = _problems(tmp_path, {"melanom.yaml": GOOD, "melanomforeningen.yaml": other})
    assert problems == ["organisations/melanomforeningen.yaml:1: name: 'MELANOMFORENINGEN' is also the name in "
                        "organisations/melanom.yaml; each organisation has one file"]


@pytest.mark.parametrize(("categories", "expected"), [
    ("- name: Kreft\n  description: A.\n- name: Kreft\n  description: B.\n", "_categories.yaml:3: name: 'Kreft' is listed twice"),
    ("- name: Kreft\n- Pårørende\n", "_categories.yaml:1: description: is required but missing"),
    ("name: Kreft\n", "_categories.yaml:1: the top level must be a list of entries"),
])
def test_bad_category_list(tmp_path, categories, expected):
    problems = _problems(tmp_path, {"x.yaml": GOOD}, categories=categories)
    assert any(expected in problem for problem in problems), problems


def test_helper_files_and_schema_are_not_organisations(tmp_path):
    folder = _folder(tmp_path, {"x.yaml": GOOD, "_notes.yaml": "- anything\n", "organisation.schema.json": "{}"})
    assert [org.slug for org in load_directory(folder, tmp_path).organisations] == ["x"]


def test_stale_entries(tmp_path):
    files = {
        "a.yaml": GOOD.replace("Melanomforeningen", "A") + "reviewed: 2025-11-22\n",
        "b.yaml": GOOD.replace("Melanomforeningen", "B") + "reviewed: 2025-11-23\n",
        "c.yaml": GOOD.replace("Melanomforeningen", "C"),
    }
    directory = load_directory(_folder(tmp_path, files), tmp_path)
    assert [org.slug for org in directory.stale(dt.date(2026, 11, 23))] == ["a", "c"]
