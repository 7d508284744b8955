"""The desk's information pages: volunteering, organisations, peer supporters, respite model, about, accessibility."""

from __future__ import annotations

import re
from html import unescape

from conftest import REPO, Project

from site_plugins.directory.load import Directory, load_directory
from site_plugins.directory.model import Category, Organisation
from site_plugins.directory.peer_support import (
    PEER_SUPPORT_MARKER,
    expand_peer_support_marker,
)
from site_plugins.web.urls import SiteUrls

URLS = SiteUrls("https://torget.example.no/")
CANCER = Category(name="Kreft", description="For alle som er berørt av kreft.")
RELATIVES = Category(name="Pårørende", description="For pårørende.")
INFO_PAGES = {
    "bli-frivillig/": "Bli frivillig på torget",
    "for-organisasjonene/": "For organisasjonene",
    "likepersoner/": "Likepersoner",
    "avlastning-for-parorende/": "Avlastning for pårørende",
    "om-torget/": "Om torget",
    "tilgjengelighetserklaering/": "Tilgjengelighetserklæring",
}


def _organisation(slug: str, **fields) -> Organisation:
    data = {"slug": slug, "name": slug.title(), "description": "En forening.", "categories": ["Kreft"], **fields}
    return Organisation.model_validate(data, context={"categories": {"Kreft": CANCER, "Pårørende": RELATIVES}})


def _directory(*organisations: Organisation) -> Directory:
    return Directory(organisations, (CANCER, RELATIVES))


def test_marker_becomes_list_of_organisations_with_peer_supporters_grouped_by_theme():
    directory = _directory(
        _organisation("alfa", peer_support={"phone": "75 12 34 56", "url": "https://alfa.example.no/likeperson"}),
        _organisation("beta"),
        _organisation("gamma", short_name="G&F", categories=["Kreft", "Pårørende"],
                      peer_support={"email": "likeperson@gamma.example.no", "description": "Samtaler <på> telefon."}),
        _organisation("delta", categories=["Pårørende"], peer_support={"description": "Sorggrupper."}),
        _organisation("epsilon", categories=["Kreft"], peer_support={"kind": "groups", "description": "Treff."}),
    )
    markdown = f"# Likepersoner\n\n{PEER_SUPPORT_MARKER}\n"
    html = expand_peer_support_marker(markdown, "likepersoner.md", directory, URLS)
    assert PEER_SUPPORT_MARKER not in html
    groups = re.findall(r'<h4 id="likepersoner-([a-z-]+)"[^>]*>', html)
    assert groups == ["kreft", "parorende"]  # in the vocabulary's order; themes without peer supporters are left out
    names = re.findall(r'<a class="torget-peer-list__name" href="([^"]+)">([^<]+)</a>', html)
    assert names == [("../organisasjoner/alfa/#likeperson", "Alfa"), ("../organisasjoner/gamma/#likeperson", "Gamma (G&amp;F)"),
                     ("../organisasjoner/gamma/#likeperson", "Gamma (G&amp;F)"), ("../organisasjoner/delta/#likeperson", "Delta"),
                     # Groups and meeting places come after, in a section of their own, and are not counted.
                     ("../organisasjoner/epsilon/#grupper", "Epsilon")]
    assert 'href="tel:+4775123456"' in html and 'href="mailto:likeperson@gamma.example.no"' in html
    assert "3 organisasjoner har likepersoner du kan snakke med én og én" in html
    assert html.index('id="grupper-og-moteplasser"') < html.index("organisasjoner/epsilon/")
    assert "\n\n<p class=\"torget-review-notice\" data-search-exclude>" in html  # a block of its own, so Markdown leaves it alone
    # No entry is checked with its organisation, and the list says so once.
    assert html.count("ikke kontrollert med organisasjonene ennå") == 1


def test_links_are_relative_to_the_page_holding_the_marker():
    directory = _directory(_organisation("alfa", peer_support={"email": "a@alfa.example.no"}))
    html = expand_peer_support_marker(PEER_SUPPORT_MARKER, "om/likepersoner.md", directory, URLS)
    assert 'href="../../organisasjoner/alfa/#likeperson"' in html
    files = SiteUrls(URLS.site_url, directory_urls=False)  # use_directory_urls: false
    html = expand_peer_support_marker(PEER_SUPPORT_MARKER, "om/likepersoner.md", directory, files)
    assert 'href="../organisasjoner/alfa.html#likeperson"' in html


def test_without_peer_supporters_the_list_says_so():
    html = expand_peer_support_marker(PEER_SUPPORT_MARKER, "likepersoner.md", _directory(_organisation("beta")), URLS)
    assert "Ingen organisasjoner" in html and "<ul" not in html


def test_pages_without_the_marker_are_untouched():
    markdown = "# Om torget\n\n<!-- en vanlig kommentar -->\n"
    assert expand_peer_support_marker(markdown, "om-torget.md", _directory(), URLS) is markdown


def test_peer_support_page_lists_every_organisation_with_peer_supporters(bundled_site: Project):
    directory = load_directory(REPO / "organisations", REPO)
    one_to_one = [org for org in directory.organisations if org.peer_support and org.peer_support.kind == "likeperson"]
    others = [org for org in directory.organisations if org.peer_support and org.peer_support.kind != "likeperson"]
    anchors = {"groups": "grupper", "companion": "folgetjeneste"}
    expected = [(f"../organisasjoner/{org.slug}/#likeperson", org.display_name)
                for category in directory.categories for org in directory.in_category(category) if org in one_to_one]
    expected += [(f"../organisasjoner/{org.slug}/#{anchors[org.peer_support.kind]}", org.display_name) for org in others]
    html = bundled_site.page("likepersoner/")
    found = [(link, unescape(name)) for link, name in re.findall(r'<a class="torget-peer-list__name" href="([^"]+)">([^<]+)</a>', html)]
    assert found == expected
    assert {org for _, org in found} == {org.display_name for org in directory.organisations if org.peer_support}
    assert "medisinske" in html and "juridiske" in html  # what a peer supporter does not do
    assert "torget:likepersoner" not in html


def test_information_pages_are_built_and_in_the_navigation(bundled_site: Project):
    navigation = bundled_site.page("om-torget/").split('data-md-component="navigation"', 1)[-1]
    for url, heading in INFO_PAGES.items():
        html = bundled_site.page(url)
        assert re.search(rf"<h1[^>]*>{heading}", html), url
        assert f'href="../{url}"' in navigation or url == "om-torget/", f"{url} is not in the navigation"


def test_front_page_has_big_links_to_directory_helplines_events_and_volunteering(bundled_site: Project):
    html = bundled_site.page("")
    entrances = html.split('class="torget-entrances"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'<a href="([^"]+)"', entrances) == ["organisasjoner/", "hjelpetelefoner/", "arrangementer/", "bli-frivillig/"]


def test_accessibility_statement_points_to_uustatus(bundled_site: Project):
    html = bundled_site.page("tilgjengelighetserklaering/")
    assert 'href="https://uustatus.no/"' in html
    assert "ikke publisert" in html  # honest about the statement's status
