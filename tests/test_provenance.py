"""What visitors are told about the facts' standing: unchecked entries (once per list) and memberships as a sentence."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from conftest import REPO, Project

from site_plugins.directory.load import Directory, load_directory
from site_plugins.directory.model import Category, Organisation, Umbrella
from site_plugins.directory.pages import organisation_page
from site_plugins.directory.provenance import review_notice
from site_plugins.kiosk.data import KioskCodes, kiosk_data
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


def test_memberships_read_as_a_sentence_and_a_partnership_is_not_a_membership():
    umbrellas = {
        "FFO": Umbrella(name="FFO", title="Funksjonshemmedes Fellesorganisasjon (FFO)", relation="er medlem av",
                        label="Medlem av FFO", organisation="ffo"),
        "Kreftforeningen samarbeidspartner": Umbrella(
            name="Kreftforeningen samarbeidspartner", title="Kreftforeningen",
            relation="er en av pasientforeningene som samarbeider med", label="Samarbeider med Kreftforeningen"),
    }
    ffo = _org("ffo", name="Funksjonshemmedes Fellesorganisasjon", short_name="FFO")
    member = Organisation.model_validate(
        {"slug": "bkf", "name": "Blærekreftforeningen", "description": "En forening.", "categories": ["Kreft"],
         "umbrella": ["FFO", "Kreftforeningen samarbeidspartner"]},
        context={"categories": {"Kreft": CANCER}, "umbrellas": umbrellas})
    directory = Directory((member, ffo), (CANCER,), tuple(umbrellas.values()))
    generated = organisation_page(directory, member, SiteUrls("https://torget.example.no/"))
    page = generated.html or str(generated.content)
    sentence = re.sub(r"<[^>]+>", "", re.search(r'<p class="torget-umbrella">(.*?)</p>', page, re.S).group(1))
    assert sentence == ("Blærekreftforeningen er medlem av Funksjonshemmedes Fellesorganisasjon (FFO) og er en av "
                        "pasientforeningene som samarbeider med Kreftforeningen.")
    assert '<a href="../ffo/">Funksjonshemmedes Fellesorganisasjon (FFO)</a>' in page
    assert "samarbeidspartner" not in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    # The partnership is told in the sentence, but schema.org's memberOf claims only the membership.
    assert ld["memberOf"] == [{"@type": "Organization", "name": "Funksjonshemmedes Fellesorganisasjon (FFO)"}]


def test_kiosk_lists_say_once_that_entries_are_unchecked():
    directory = load_directory(REPO / "organisations", REPO)
    data = kiosk_data(directory, SiteUrls("https://torget.example.no/"), [], KioskCodes(FileCache(None)))
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
