"""The search's data, without a browser: synonyms and English keywords from the editors' files,
the terms each organisation is found by, the index's keyword field and the worker's address."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from site_plugins.directory.load import load_directory
from site_plugins.search.index import (
    KEYWORDS_FIELD,
    SEARCH_WORKER,
    add_keywords,
    use_search_worker,
)
from site_plugins.search.terms import index_keywords, phrase_terms, search_text
from site_plugins.sources.problems import SourceError

CATEGORIES = """\
- name: Diabetes og stoffskifte
  description: For dem som har diabetes eller sykdom i stoffskiftet.
- name: Kreft
  description: For dem som har eller har hatt kreft.
"""
DIABETES = """\
name: Diabetesforbundet
description: For alle som har diabetes.
categories: [Diabetes og stoffskifte]
keywords: [type 1-diabetes, blodsukker]
keywords_en: [diabetes, blood sugar]
"""
MELANOM = """\
name: Melanomforeningen
description: For dem som har hatt føflekkreft.
categories: [Kreft]
keywords: [føflekkreft]
"""


def _load(tmp_path: Path, synonyms: str | None, **organisations: str):
    folder = tmp_path / "organisations"
    folder.mkdir()
    (folder / "_categories.yaml").write_text(CATEGORIES, encoding="utf-8")
    if synonyms is not None:
        (folder / "_synonyms.yaml").write_text(textwrap.dedent(synonyms), encoding="utf-8")
    for slug, text in {"diabetesforbundet": DIABETES, "melanomforeningen": MELANOM, **organisations}.items():
        (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
    return load_directory(folder, tmp_path)


def _problems(tmp_path: Path, synonyms: str, **organisations: str) -> list[str]:
    with pytest.raises(SourceError) as caught:
        _load(tmp_path, synonyms, **organisations)
    return [str(problem) for problem in caught.value.problems]


def test_synonyms_reach_every_organisation_that_uses_the_directory_word(tmp_path):
    directory = _load(tmp_path, "diabetes: [sukkersyke, sukkersjuke]\nhudkreft: føflekker\nkreft: cancer\n")
    diabetes, melanom = directory.organisations
    assert "sukkersyke sukkersjuke" in search_text(diabetes, directory.synonyms)
    # The theme's name counts ("Kreft"), and so does the start of a longer word ("føflekkreft" is not "hudkreft").
    assert "cancer" in search_text(melanom, directory.synonyms)
    assert "foflekker" not in search_text(melanom, directory.synonyms)
    # ... which makes `hudkreft` a word no organisation uses: a warning, not a stop.
    [warning] = directory.warnings
    assert warning.startswith("organisations/_synonyms.yaml:2: hudkreft: no organisation's name")


def test_without_a_synonyms_file_there_are_no_synonyms(tmp_path):
    directory = _load(tmp_path, None)
    assert directory.synonyms.entries == () and directory.warnings == ()


def test_bad_synonyms_are_reported_with_file_line_and_field(tmp_path):
    problems = _problems(tmp_path, """\
        diabetes:
          - sukkersyke
          - no
        kreft: [Kreft]
        melanom: [sukkersyke]
        blodsukker: []
        """)
    assert problems == [
        "organisations/_synonyms.yaml:3: diabetes[2]: expected a word as text, not False; put it in quotes: \"no\"",
        "organisations/_synonyms.yaml:4: kreft[1]: 'Kreft' is the directory's word itself; list only other words",
        "organisations/_synonyms.yaml:5: melanom[1]: 'sukkersyke' is already listed under 'diabetes'; list each word once",
        "organisations/_synonyms.yaml:6: blodsukker: expected the words visitors use, as text or a list, e.g. `diabetes: [sukkersyke]`",
    ]


def test_a_synonyms_file_that_is_not_a_mapping_is_reported(tmp_path):
    assert _problems(tmp_path, "- diabetes\n") == [
        "organisations/_synonyms.yaml:1: the top level must be fields (`name: …`)"]


def test_english_keywords_are_validated_like_keywords(tmp_path):
    bad = DIABETES.replace("keywords_en: [diabetes, blood sugar]", "keywords_en: [diabetes, '']")
    problems = _problems(tmp_path, "", diabetesforbundet=bad)
    assert problems == ["organisations/diabetesforbundet.yaml:5: keywords_en[2]: must not be empty"]


def test_phrase_terms_pair_neighbouring_words_of_four_letters_or_more():
    assert phrase_terms(["pårørende til rusavhengige", "type 1-diabetes", "kols"]) == [
        "parorende_rusavhengige", "type_diabetes"]


def test_the_index_keywords_hold_both_languages_synonyms_and_phrases(tmp_path):
    directory = _load(tmp_path, "diabetes: sukkersyke\n")
    keywords = index_keywords(directory.organisations[0], directory.synonyms)
    assert keywords.split(" ")[:4] == ["type", "1-diabetes", "blodsukker", "diabetes"]
    assert "blood sugar" in keywords and "sukkersyke" in keywords and "blood_sugar" in keywords


def test_add_keywords_fills_the_field_of_organisation_pages_only():
    index = {"config": {"fields": {"title": {"boost": 1000}}},
             "docs": [{"location": "organisasjoner/x/", "title": "X", "text": ""},
                      {"location": "organisasjoner/x/#kontakt", "title": "Kontakt", "text": ""},
                      {"location": "om-torget/", "title": "Om", "text": ""}]}
    add_keywords(index, {"organisasjoner/x/": "stroke slag"})
    assert index["config"]["fields"][KEYWORDS_FIELD] == {"boost": 1000.0}
    assert [doc.get(KEYWORDS_FIELD) for doc in index["docs"]] == ["stroke slag", None, None]


PAGE = ('<html><head></head><body><script id="__config" type="application/json">'
        '{"base":"%s","features":[],"search":"%s","tags":null}</script></body></html>')


@pytest.mark.parametrize(("base", "material"), [
    (".", "assets/javascripts/workers/search.a7633da7.min.js"),
    ("../..", "../../assets/javascripts/workers/search.a7633da7.min.js"),
])
def test_pages_name_our_worker_and_tell_it_where_materials_is(base, material):
    html = use_search_worker(PAGE % (base, material))
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    assert config["search"] == f"{base}/{SEARCH_WORKER}?material=assets/javascripts/workers/search.a7633da7.min.js"
    assert config["base"] == base and config["tags"] is None
    assert use_search_worker(html) == html  # applied once only


def test_a_page_without_materials_config_is_left_alone():
    assert use_search_worker("<html><body>kiosk</body></html>") == "<html><body>kiosk</body></html>"


def test_the_built_site_indexes_english_keywords_without_showing_them(bundled_site):
    index = json.loads((bundled_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"][KEYWORDS_FIELD]["boost"] >= index["config"]["fields"]["title"]["boost"]
    [lhl] = [doc for doc in index["docs"] if doc["location"] == "organisasjoner/landsforeningen-for-hjerte-og-lungesyke/"]
    assert "stroke" in lhl[KEYWORDS_FIELD]
    page = bundled_site.page("organisasjoner/landsforeningen-for-hjerte-og-lungesyke/")
    assert "stroke" not in page.lower()
    worker = re.search(r'"search":"([^"]+)"', page).group(1)
    assert worker.startswith("../../assets/torget/search_worker.js?material=")
    assert (bundled_site.site / worker.split("?material=")[1]).is_file()
    assert (bundled_site.site / SEARCH_WORKER).is_file()


def test_the_lists_of_organisations_are_not_indexed_again(bundled_site):
    """An organisation's words are indexed on its own page; the A–Å list, the theme pages and the peer-support
    list, which repeat its name and description, are searchable by their own headings and lead only."""
    index = json.loads((bundled_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "organisasjoner/melanomforeningen/" in {doc["location"] for doc in index["docs"]}
    lists = [doc for doc in index["docs"] if doc["location"].startswith(("organisasjoner/#", "tema/", "likepersoner/"))]
    assert lists, "the directory, theme and peer-support pages are still in the index"
    assert not [doc["location"] for doc in lists if "Melanomforeningen" in doc["title"] + doc["text"]]
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("organisasjoner/#bokstav-")]
