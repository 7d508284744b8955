"""The directory as a visitor reads it in the built HTML."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml
from conftest import REPO, Project, copy_bundled_project, listed_organisation_files
from small_project import small_project


def _names_in_order(page: str) -> list[str]:
    return [html.unescape(name) for name in re.findall(r'<li data-search="[^"]*" data-categories="[^"]*"[^>]*>\s*<a href="[^"]+">([^<]+)</a>', page)]


def test_directory_lists_every_organisation_from_a_to_aa(bundled_site: Project):
    page = bundled_site.page("organisasjoner")
    names = _names_in_order(page)
    sources = listed_organisation_files(REPO / "organisations")
    assert len(names) == len(sources) >= 60
    letters = re.findall(r'<h2 id="bokstav-([a-z]+)"[^>]*>', page)
    assert letters == sorted(letters, key=lambda a: {"ae": "{1", "oe": "{2", "aa": "{3"}.get(a, a))
    # Links in the A–Å bar point only at letters that have a heading.
    assert set(re.findall(r'<a href="#(bokstav-[a-z]+)">', page)) == {f"bokstav-{a}" for a in letters}


def test_filter_data_is_folded_and_the_form_needs_javascript(bundled_site: Project):
    page = bundled_site.page("organisasjoner")
    # Laid out from the first paint (nothing moves when the script starts), hidden where scripts cannot run.
    assert re.search(r'<form class="torget-filter"[^>]*role="search">', page)
    stylesheet = (bundled_site.site / "assets/torget/torget.css").read_text(encoding="utf-8")
    assert re.search(r"@media \(scripting: none\) \{\s*\.torget-filter,", stylesheet)
    search_texts = re.findall(r'data-search="([^"]*)"', page)
    assert all(text == text.lower() and "å" not in text and "ø" not in text for text in search_texts)
    assert any("parorende" in text for text in search_texts)


def test_organisation_page_shows_contact_peer_support_and_themes(bundled_site: Project):
    source = yaml.safe_load((REPO / "organisations" / "melanomforeningen.yaml").read_text(encoding="utf-8"))
    page = bundled_site.page("organisasjoner/melanomforeningen")
    # The heading is out of the site search (data-search-exclude): the page's title already names it there.
    assert f"<h1 data-search-exclude>{source['name']}</h1>" in page
    assert 'href="mailto:likeperson@melanom.no"' in page
    assert "Snakk med en likeperson" in page
    assert '<a href="../../tema/kreft/">Kreft</a>' in page
    assert "ikke kontrollert med organisasjonen" in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["@type"] == "Organization" and ld["name"] == source["name"]
    assert ld["mainEntityOfPage"] == "https://torget.example.no/organisasjoner/melanomforeningen/"


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory, shared_cache) -> Project:
    """The bundled project with two entries an editor might write, built once for the tests that read them."""
    project = copy_bundled_project(tmp_path_factory.mktemp("edited"), cache=shared_cache)
    project.write("organisations/testforeningen.yaml", """\
name: Testforeningen
description: En forening for testing.
categories: [Kreft]
phone: "75 57 00 14"
reviewed: 2026-01-05
peer_support:
  phone: "+46 8 123 456 78"
local_chapters:
  - name: Nordland fylkeslag
    region: Bodø
    email: nordland@test.no
""")
    project.write("organisations/skummel.yaml", """\
name: "<script>alert(1)</script> & Co"
description: "Tekst med <b>tagger</b> og </script>."
categories: [Kreft]
""")
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def test_phone_numbers_become_tel_links(edited_site: Project):
    page = edited_site.page("organisasjoner/testforeningen")
    assert 'href="tel:+4775570014"><span>Telefon</span> 75 57 00 14</a>' in page
    assert 'href="tel:+4681234567 8"' not in page and 'href="tel:+46812345678"' in page
    assert "Nordland fylkeslag</strong> (Bodø)" in page and 'href="mailto:nordland@test.no"' in page
    assert "Sist kontrollert med organisasjonen 5. januar 2026." in page


def test_editor_text_is_escaped_everywhere(edited_site: Project):
    page = edited_site.page("organisasjoner/skummel")
    assert "<script>alert(1)" not in page and "<b>tagger" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "</script>" not in ld and json.loads(ld)["description"].endswith("</script>.")


def test_category_pages_list_their_organisations(bundled_site: Project):
    categories = yaml.safe_load((REPO / "organisations" / "_categories.yaml").read_text(encoding="utf-8"))
    themes = bundled_site.page("tema")
    for category in categories:
        assert html.escape(category["name"]) in themes
    kreft = bundled_site.page("tema/kreft")
    members = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in listed_organisation_files(REPO / "organisations")]
    expected = sorted(m["name"] for m in members if "Kreft" in m["categories"])
    listed = [html.unescape(n) for n in re.findall(r'<li>\s*<a href="../../organisasjoner/[^"]+/">([^<]+)</a>', kreft)]
    assert sorted(n.split(" (")[0] for n in listed) == sorted(n for n in expected)


def test_navigation_does_not_grow_with_the_directory(bundled_site: Project):
    page = bundled_site.page("om-torget")
    assert page.count("organisasjoner/") < 10


def test_no_font_or_script_from_another_host(bundled_site: Project):
    for path in bundled_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        assert not re.search(r'<(script|img)[^>]+src="(https?:)?//', text), path
        assert not re.search(r'<link(?![^>]*rel="canonical")[^>]+href="(https?:)?//', text), path


def test_a_link_to_a_heading_on_an_organisation_page_is_checked_like_any_other(tmp_path, shared_cache):
    # The organisation pages are built from the core's HTML, not Markdown; MkDocs still knows their headings,
    # so a strict build accepts a link to one that exists and names a link to one that does not.
    project = small_project(tmp_path, "validation: {anchors: warn}\n").share_cache(shared_cache)
    project.write("docs/lenker.md", "# Lenker\n\n[Kontakt](organisasjoner/melanomforeningen.md#kontakt)\n\n"
                                    "[Borte](organisasjoner/melanomforeningen.md#finnes-ikke)\n")
    result = project.build("--strict")
    assert result.returncode != 0
    assert "'organisasjoner/melanomforeningen.md#finnes-ikke'" in result.stderr
    assert "#kontakt" not in result.stderr
