"""The site in more than one language: a language per build under /<code>/, the switch between a page and its
counterpart, hreflang and `lang`, translated organisation texts with their bokmål fallback, and the rule that
an incomplete language is left out of the public build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import Project, assert_built
from small_project import SCHOOL_HOLIDAYS, SITE_URL

from site_plugins.i18n.catalogues import TEMPLATE

CATEGORIES = """\
- name: Kreft
  description: For personer som har eller har hatt kreft.
  translations:
    en: {name: Cancer, description: For people who have or have had cancer.}
    nn: {name: Kreft, description: For personar som har eller har hatt kreft.}
"""
ORGANISATION = """\
name: Melanomforeningen
description: Foreningen for alle som er berørt av føflekkreft.
categories: [Kreft]
helplines:
  - name: Melanomtelefonen
    phone: "22 22 22 22"
    answered_by: Frivillige.
    translations:
      en: {answered_by: Volunteers.}
      nn: {answered_by: Frivillige.}
translations:
  en:
    description: The association for everyone affected by melanoma.
  nn:
    description: Foreininga for alle som er råka av føflekkreft.
"""


def language_project(root: Path, languages: str = "en: docs-en", extra: str = "") -> Project:
    """A site with one theme and one organisation, translated into English (and nynorsk), and a front page each."""
    project = Project(root)
    project.write("mkdocs.yml", f"site_name: Test\nsite_url: {SITE_URL}\n"
                                "theme: {name: material, language: nb, font: false}\n"
                                f"plugins:\n  - search\n  - torget:\n      translations: {{{languages}}}\n{extra}")
    nynorsk = "nn:" in languages or "nn:" in extra

    def only_configured(text: str) -> str:  # a translation into a language the site lacks is an error
        return text if nynorsk else "\n".join(line for line in text.splitlines() if "nn:" not in line
                                              and "Foreininga" not in line) + "\n"

    project.write("organisations/_categories.yaml", only_configured(CATEGORIES))
    project.write("organisations/_school_holidays.yaml", SCHOOL_HOLIDAYS)
    project.write("organisations/melanomforeningen.yaml", only_configured(ORGANISATION))
    project.write("docs/index.md", "# Forside\n\n[Organisasjonene](organisasjoner/index.md)\n")
    project.write("docs-en/index.md", "# Front page\n\n[The organisations](organisasjoner/index.md)\n")
    project.write("docs-nn/index.md", "# Framside\n\n[Organisasjonane](organisasjoner/index.md)\n")
    return project


def catalogue(translate: int | None = None) -> str:
    """A nynorsk catalogue of every message in the template (the first `translate` of them translated as they are)."""
    with TEMPLATE.open("rb") as handle:
        ids = [message.id for message in read_po(handle) if message.id]
    count = len(ids) if translate is None else translate

    def entry(index: int, text: str | tuple[str, str]) -> str:
        if isinstance(text, tuple):  # a plural message: its singular and plural, each translated as it is
            one, many = (_po(part) if index < count else "" for part in text)
            return (f'msgid "{_po(text[0])}"\nmsgid_plural "{_po(text[1])}"\nmsgstr[0] "{one}"\n'
                    f'msgstr[1] "{many}"\n')
        return f'msgid "{_po(text)}"\nmsgstr "{_po(text) if index < count else ""}"\n'

    entries = [entry(index, text) for index, text in enumerate(ids)]
    return 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "\n".join(entries)


def _po(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def html_lang(page: str) -> str:
    match = re.search(r'<html\b[^>]*\blang="([^"]+)"', page)
    assert match
    return match.group(1)


def switch_links(page: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="torget-language"[^>]*>(.*?)</nav>', page, re.S)
    assert nav, "no language switch on the page"
    return re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav.group(1))


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory: pytest.TempPathFactory, shared_cache: Path) -> Project:
    project = language_project(tmp_path_factory.mktemp("languages")).share_cache(shared_cache)
    assert_built(project.build(), allowed=("site_url", "school holidays"))
    return project


@pytest.mark.parametrize("url", ["", "organisasjoner/", "organisasjoner/melanomforeningen/", "tema/", "tema/kreft/",
                                 "hjelpetelefoner/", "apningstider/"])
def test_the_switch_leads_to_the_counterpart_both_ways(two_languages: Project, url: str) -> None:
    norwegian, english = two_languages.page(url), two_languages.page(f"en/{url}")
    assert html_lang(norwegian) == "nb" and html_lang(english) == "en"
    [(to_english, lang)] = switch_links(norwegian)
    assert lang == "en"
    assert (two_languages.site / url / to_english / "index.html").resolve() == (
        two_languages.site / "en" / url / "index.html").resolve()
    [(to_norwegian, lang)] = switch_links(english)
    assert lang == "nb"
    assert (two_languages.site / "en" / url / to_norwegian / "index.html").resolve() == (
        two_languages.site / url / "index.html").resolve()
    for page in (norwegian, english):
        # No head alternates: Material fetches sitemap.xml beside each one; the sitemaps carry them instead.
        assert '<link rel="alternate" hreflang' not in page


def test_english_pages_read_english_texts(two_languages: Project) -> None:
    page = two_languages.page("en/organisasjoner/melanomforeningen/")
    assert "The association for everyone affected by melanoma." in page
    assert "Foreningen for alle" not in page
    assert ">Cancer</a>" in page and ">Contact</h2>" in page and "Volunteers." in page
    # A text without a translation (here the helpline's name) is shown in bokmål, marked as bokmål.
    assert '<span lang="nb">Melanomtelefonen</span>' in page
    assert page.split('<article class="md-content__inner')[1].count('<span lang="nb">') == 1
    assert "<h1>Front page</h1>" in two_languages.page("en/").replace(' id="front-page"', "")


def test_english_dates_and_search_in_english(two_languages: Project) -> None:
    hours = two_languages.page("en/apningstider/")
    assert re.search(r"(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} (December|January)", hours), hours[:0]
    assert re.search(r"(mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. (desember|januar)",
                     two_languages.page("apningstider/"))
    index = (two_languages.site / "en" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["en"]' in index.replace(" ", "")
    assert "melanoma" in index


def test_sitemaps_list_both_languages(two_languages: Project) -> None:
    for sitemap in (two_languages.site / "sitemap.xml", two_languages.site / "en" / "sitemap.xml"):
        text = sitemap.read_text(encoding="utf-8")
        assert f'hreflang="en" href="{SITE_URL}en/organisasjoner/melanomforeningen/"' in text
        assert f'hreflang="nb" href="{SITE_URL}organisasjoner/melanomforeningen/"' in text


def test_an_incomplete_language_is_left_out_until_complete(tmp_path: Path, shared_cache: Path) -> None:
    project = language_project(tmp_path, "en: docs-en, nn: docs-nn").share_cache(shared_cache)
    project.write("locale/nn/LC_MESSAGES/torget.po", catalogue(translate=3))
    result = project.build()
    assert_built(result, allowed=("site_url", "school holidays"))
    assert (project.site / "en" / "index.html").is_file()
    assert not (project.site / "nn").exists()
    assert "left out the nn site" in result.stderr
    assert 'hreflang="nn"' not in project.page("")
    from site_plugins.cli import main

    check = _run_check(project, main)
    assert "language nn (docs-nn): incomplete" in check
    assert "interface strings not translated" in check
    assert "language en (docs-en): complete: published" in check

    project.write("locale/nn/LC_MESSAGES/torget.po", catalogue())
    assert_built(project.build(), allowed=("site_url", "school holidays"))
    assert html_lang(project.page("nn/organisasjoner/melanomforeningen/")) == "nn"
    assert "Foreininga for alle" in project.page("nn/organisasjoner/melanomforeningen/")
    assert [lang for _, lang in switch_links(project.page(""))] == ["en", "nn"]


def test_a_draft_build_shows_an_incomplete_language_with_bokmal_pages(tmp_path: Path, shared_cache: Path) -> None:
    project = language_project(tmp_path).share_cache(shared_cache)
    project.write("docs/om.md", "# Om torget\n\nTekst.\n")
    project.write("organisations/mental-helse.yaml", "name: Mental Helse\ndescription: For alle.\ncategories: [Kreft]\n")
    project.write("mkdocs.yml", project.root.joinpath("mkdocs.yml").read_text().replace(
        "translations:", "drafts: true\n      translations:"))
    assert_built(project.build(), allowed=("site_url", "school holidays"))
    page = project.page("en/om/")
    assert '<div lang="nb">' in page and "Tekst." in page
    # A text without a translation is shown in bokmål, marked so a screen reader reads it as bokmål.
    assert '<span lang="nb">For alle.</span>' in project.page("en/organisasjoner/mental-helse/")
    assert '<span lang="nb">For alle.</span>' in project.page("en/organisasjoner/")


def _run_check(project: Project, main) -> str:
    import contextlib
    import io
    import os

    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(project.root)
    try:
        with contextlib.redirect_stdout(out):
            main(["check"])
    finally:
        os.chdir(cwd)
    return out.getvalue()


# Bad input: file:line: what is wrong, from the build's first step, never a traceback.

def test_a_broken_catalogue_names_file_and_line(tmp_path: Path) -> None:
    project = language_project(tmp_path, "en: docs-en, nn: docs-nn")
    project.write("locale/nn/LC_MESSAGES/torget.po", 'msgid ""\nmsgstr ""\n\nmsgid "Kontakt"\nmsgstr "Kontakt"\nKontakt\n')
    assert ("locale/nn/LC_MESSAGES/torget.po:6: the catalogue cannot be read: Unknown or misformatted keyword"
            in project.problems())


def test_a_lost_placeholder_names_file_and_line(tmp_path: Path) -> None:
    project = language_project(tmp_path, "en: docs-en, nn: docs-nn")
    project.write("locale/nn/LC_MESSAGES/torget.po", 'msgid ""\nmsgstr ""\n\n'
                  'msgid "Sist kontrollert med organisasjonen %(date)s."\nmsgstr "Sist kontrollert."\n')
    assert "locale/nn/LC_MESSAGES/torget.po:4: the translation of 'Sist kontrollert med organisasjonen " \
           "%(date)s.' lacks {date}; keep every placeholder as it is" in project.problems()


def test_an_unknown_language_code(tmp_path: Path) -> None:
    project = language_project(tmp_path, "xx: docs-en")
    assert re.search(r"mkdocs\.yml:\d+: plugins\.torget\.translations\.xx: 'xx' is not a language code",
                     project.problems())


def test_a_translation_into_a_language_the_site_lacks(tmp_path: Path) -> None:
    project = language_project(tmp_path, extra="# nn: listed here only, so the fixture keeps the nn texts\n")
    assert ("organisations/_categories.yaml:5: translations.nn: 'nn' is not a language of the site; the languages "
            "besides bokmål are: en" in project.problems())
    project.write("organisations/_categories.yaml", CATEGORIES.replace("    nn:", "    #"))
    assert ("organisations/melanomforeningen.yaml:14: translations.nn: 'nn' is not a language of the site"
            in project.problems())
