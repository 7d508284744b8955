"""What visitors are told about the facts' standing: unchecked entries (once per list) and memberships as a sentence."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from conftest import REPO, Project

from site_plugins.directory.load import Directory, load_directory
from site_plugins.directory.model import Category, Organisation
from site_plugins.directory.pages import organisation_page
from site_plugins.directory.provenance import affiliation_segments, review_notice
from site_plugins.kiosk.data import kiosk_data
from site_plugins.web.cache import FileCache
from site_plugins.web.urls import SiteUrls

CANCER = Category(name="Kreft", description="For alle som er berørt av kreft.")
NOTICE = "ikke kontrollert med organisasjon"


def _org(slug: str, **fields) -> Organisation:
    data = {"slug": slug, "name": slug.title(), "description": "En forening.", "categories": ["Kreft"], **fields}
    return Organisation.model_validate(data, context={"categories": {"Kreft": CANCER}})


def test_review_notice_counts_the_unchecked_entries_of_a_list():
    checked, unchecked = _org("a", reviewed=dt.date(2026, 11, 1)), _org("b")
    assert review_notice([checked]) is None and review_notice([]) is None
    assert review_notice([unchecked]) == ("Opplysningene her er hentet fra offentlige kilder og er ikke kontrollert "
                                          "med organisasjonen ennå.")
    assert "med organisasjonene ennå" in review_notice([unchecked, _org("c")])
    assert review_notice([checked, unchecked]).startswith("Opplysningene om 1 av de 2 organisasjonene her er ikke kontrollert")


def test_memberships_read_as_a_sentence_with_ffo_spelled_out_and_linked():
    ffo = _org("ffo", name="Funksjonshemmedes Fellesorganisasjon", short_name="FFO")
    cancer = _org("kreftforeningen", name="Kreftforeningen")
    member = _org("bkf", name="Blærekreftforeningen", umbrella=["FFO", "Kreftforeningen samarbeidspartner"])
    directory = Directory((member, ffo, cancer), (CANCER,))
    segments = affiliation_segments(member, directory)
    assert "".join(text for text, _ in segments) == ("Blærekreftforeningen er medlem av Funksjonshemmedes Fellesorganisasjon "
                                                     "(FFO) og samarbeider med Kreftforeningen.")
    assert [body.slug for _, body in segments if body] == ["ffo", "kreftforeningen"]
    lone = _org("x", name="Xforeningen", short_name="XF", umbrella=["SAFO", "Pårørendealliansen"])
    assert "".join(text for text, _ in affiliation_segments(lone, Directory((lone,), (CANCER,)))) == (
        "XF er medlem av SAFO og Pårørendealliansen.")
    generated = organisation_page(directory, member, SiteUrls("https://torget.example.no/"))
    page = generated.html or str(generated.content)
    assert "Tilknyttet" not in page and "samarbeidspartner" not in page
    assert re.search(r'<a href="../ffo/">Funksjonshemmedes Fellesorganisasjon \(FFO\)</a>', page)
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["memberOf"] == [{"@type": "Organization", "name": "Funksjonshemmedes Fellesorganisasjon"}]


def test_kiosk_lists_say_once_that_entries_are_unchecked():
    directory = load_directory(REPO / "organisations", REPO)
    data = kiosk_data(directory, SiteUrls("https://torget.example.no/"), [], FileCache(None))
    assert data["review_notice"] == review_notice(directory.organisations)
    for theme in data["themes"]:
        members = [org for org in directory.organisations if org.slug in theme["organisations"]]
        assert theme["review_notice"] == review_notice(members)
    assert all(NOTICE not in org["description"] for org in data["organisations"])


@pytest.mark.parametrize("url", ["organisasjoner/", "tema/", "tema/kreft/", "likepersoner/"])
def test_listing_pages_say_once_that_entries_are_unchecked(bundled_site: Project, url: str):
    directory = load_directory(bundled_site.organisations, bundled_site.root)
    text = html.unescape(bundled_site.page(url))
    listed = directory.organisations if url != "likepersoner/" else [org for org in directory.organisations if org.peer_support]
    if url == "tema/kreft/":
        listed = directory.in_category(directory.category("Kreft"))
    assert text.count(NOTICE) == (1 if any(org.reviewed is None for org in listed) else 0), url


def test_an_unchecked_organisation_page_says_so(bundled_site: Project):
    directory = load_directory(bundled_site.organisations, bundled_site.root)
    for org in directory.organisations[:10]:
        page = html.unescape(bundled_site.page(f"organisasjoner/{org.slug}/"))
        assert ("Opplysningene er ikke kontrollert med organisasjonen ennå." in page) == (org.reviewed is None)
