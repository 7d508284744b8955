"""The kiosk as the build writes it: a standalone page, its data from the one model, its codes, the phone page."""

from __future__ import annotations

import base64
import json
import re

import pytest
from conftest import REPO, Project, listed_organisation_files
from kiosk_pages import expected_targets
from PIL import Image
from qr_images import decode_image

from site_plugins.directory.load import load_directory
from site_plugins.i18n.catalogues import load_catalogue
from site_plugins.i18n.language import install, use_language
from site_plugins.i18n.languages import SiteLanguages
from site_plugins.kiosk.data import KioskCodes, kiosk_data, kiosk_details, overlay
from site_plugins.kiosk.qr import packed_code
from site_plugins.kiosk.texts import SCRIPT_TEXTS, TEXTS
from site_plugins.web.cache import FileCache
from site_plugins.web.qr import QUIET_ZONE, encode
from site_plugins.web.text import fold
from site_plugins.web.urls import SiteUrls

SITE_URL = "https://torget.example.no/"


def kiosk_page_data(project: Project) -> dict:
    """The page's data, each organisation merged with its card from the file the kiosk fetches after it."""
    page = (project.site / "kiosk" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="kiosk-data">(.*?)</script>', page, re.DOTALL)
    data = json.loads(match.group(1))
    cards = json.loads((project.site / "kiosk" / data["details"]).read_text(encoding="utf-8"))
    data["organisations"] = [{**org, **cards["organisations"][org["slug"]]} for org in data["organisations"]]
    return data


def unpack(code: dict) -> list[list[bool]]:
    bits = base64.b64decode(code["m"])
    size = code["n"]
    return [[bool(bits[(r * size + c) // 8] & (0x80 >> ((r * size + c) % 8))) for c in range(size)] for r in range(size)]


@pytest.fixture(scope="module")
def directory():
    return load_directory(REPO / "organisations", REPO)


def test_packed_codes_hold_exactly_the_sites_qr_modules():
    for target in ("https://www.melanom.no", "mailto:likeperson@melanom.no", "tel:+4775570014"):
        modules = unpack(packed_code(target))
        framed = [[False] * (len(modules) + 2 * QUIET_ZONE)] * QUIET_ZONE
        framed = framed + [[False] * QUIET_ZONE + row + [False] * QUIET_ZONE for row in modules] + framed
        assert framed == [list(row) for row in encode(target)]
        image = Image.new("L", (len(framed), len(framed)))
        image.putdata([0 if dark else 255 for row in framed for dark in row])
        scanned = decode_image(image.resize((len(framed) * 8,) * 2, Image.Resampling.NEAREST))
        assert [code.text for code in scanned] == [target]


def test_contacts_are_text_and_a_code_never_a_link(directory):
    data = kiosk_data(directory, SiteUrls(SITE_URL), [], KioskCodes(FileCache(None)))
    cards = kiosk_details(directory, SiteUrls(SITE_URL), KioskCodes(FileCache(None)))
    contacts = [contact for org in cards["organisations"].values()
                for contact in [*org["contacts"], org["page"], *org.get("peer", {}).get("contacts", []),
                                *(c for chapter in org.get("chapters", []) for c in chapter["contacts"])]]
    assert contacts
    # A helpline also says when it answers («note»); nothing else rides along.
    assert all(set(contact) - {"note"} == {"kind", "label", "text", "qr"} for contact in contacts)
    assert any(contact.get("note") == "Åpen hele døgnet" for contact in contacts)
    assert all(contact["qr"] in cards["qr"] for contact in contacts)
    assert not any("://" in contact["text"] for contact in contacts)
    melanom = next(org for org in data["organisations"] if org["slug"] == "melanomforeningen")
    assert cards["organisations"]["melanomforeningen"]["page"]["qr"] == f"{SITE_URL}organisasjoner/melanomforeningen/"
    assert melanom["search"] == fold(melanom["search"]) and "foflekkreft" in melanom["search"]


def test_every_card_carries_a_code_for_each_of_its_organisations_addresses(directory):
    """Every organisation's card, not only the sample the browser taps through: its buttons' codes are exactly
    the addresses the organisation's file gives."""
    cards = kiosk_details(directory, SiteUrls(SITE_URL), KioskCodes(FileCache(None)))["organisations"]
    for org in directory.organisations:
        card = cards[org.slug]
        codes = {contact["qr"] for contact in [*card["contacts"], *card.get("peer", {}).get("contacts", []),
                                               *(c for chapter in card.get("chapters", []) for c in chapter["contacts"])]}
        assert codes == expected_targets(org), org.slug
        assert card["page"]["qr"] == f"{SITE_URL}organisasjoner/{org.slug}/"


def test_themes_list_their_organisations_in_a_to_aa_order(directory):
    data = kiosk_data(directory, SiteUrls(SITE_URL), [], KioskCodes(FileCache(None)))
    order = [org["slug"] for org in data["organisations"]]
    assert order == [org.slug for org in directory.organisations]
    for theme in data["themes"]:
        assert theme["organisations"] == sorted(theme["organisations"], key=order.index)
        assert theme["organisations"] == [org.slug for org in directory.in_category(directory.category(theme["name"]))]


def test_the_built_kiosk_is_standalone_and_loads_only_its_own_files(bundled_site: Project):
    page = (bundled_site.site / "kiosk" / "index.html").read_text(encoding="utf-8")
    assert "md-header" not in page and "md-sidebar" not in page and "md-search" not in page
    assert 'http-equiv="Content-Security-Policy"' in page
    references = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert references and all("//" not in ref for ref in references), references
    for ref in references:
        if not ref.startswith("data:"):
            assert (bundled_site.site / "kiosk" / ref.split("?")[0]).resolve().is_file(), ref
    data = kiosk_page_data(bundled_site)
    assert len(data["organisations"]) == len(listed_organisation_files(REPO / "organisations"))


def test_the_phone_page_lists_every_organisation_hidden_until_the_address_names_it(bundled_site: Project):
    page = bundled_site.page("kiosk/liste")
    items = re.findall(r'<li data-slug="([a-z0-9-]+)" hidden>\s*<a href="([^"]+)">', page)
    assert len(items) == len(listed_organisation_files(REPO / "organisations"))
    for slug, link in items:
        assert link == f"../../organisasjoner/{slug}/"
        assert (bundled_site.site / "organisasjoner" / slug / "index.html").is_file()
    # Not a search result for every organisation's name.
    index = json.loads((bundled_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("kiosk/")]


def test_text_from_the_sources_cannot_break_out_of_the_kiosk_data(bundled_project: Project):
    bundled_project.write("organisations/testforeningen.yaml", """\
name: Test </script><script>alert(1)</script>
description: "Beskrivelse med <b>tagger</b> & tegn."
categories: [Kreft]
email: post@test.no
""")
    result = bundled_project.build()
    assert result.returncode == 0, result.stderr
    page = (bundled_project.site / "kiosk" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    org = next(org for org in kiosk_page_data(bundled_project)["organisations"] if org["slug"] == "testforeningen")
    assert org["name"] == "Test </script><script>alert(1)</script>"
    assert org["contacts"] == [{"kind": "email", "label": "E-post", "text": "post@test.no", "qr": "mailto:post@test.no"}]
    # The build stamp follows the content, so a nightly reload happens only for a changed build.
    stamp = re.search(r'data-build="([0-9a-f]+)"', page).group(1)
    bundled_project.write("organisations/testforeningen.yaml", (bundled_project.organisations / "testforeningen.yaml")
                          .read_text(encoding="utf-8").replace("post@test.no", "hei@test.no"))
    assert bundled_project.build().returncode == 0
    changed = (bundled_project.site / "kiosk" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'data-build="([0-9a-f]+)"', changed).group(1) != stamp
    assert "hei@test.no" in (bundled_project.site / "kiosk" / "organisasjoner.json").read_text(encoding="utf-8")


def merged(base, change):
    """`change` laid over `base` as the kiosk's script lays a language file over the page's data (kiosk.js)."""
    if change is None or not isinstance(change, dict) or not isinstance(base, dict | list):
        return change
    result = list(base) if isinstance(base, list) else dict(base)
    for key, value in change.items():
        if isinstance(base, list):
            result[int(key)] = merged(base[int(key)], value)
        elif value is None:
            result.pop(key, None)
        else:
            result[key] = merged(base.get(key), value)
    return result


def test_a_language_file_turns_the_bokmal_data_and_cards_into_that_languages(directory):
    install("en", load_catalogue("en").translations)
    urls, codes = SiteUrls(SITE_URL), KioskCodes(FileCache(None))
    languages = SiteLanguages(("nb", "en"))
    own = kiosk_data(directory, urls, [], codes, languages=languages.codes)
    own_cards = kiosk_details(directory, urls, codes)
    with use_language("en"):
        english = kiosk_data(directory, languages.urls(urls, "en"), [], codes, languages=languages.codes,
                             saved_list_url=own["saved_list_url"])
        english_cards = kiosk_details(directory, languages.urls(urls, "en"), codes)
    change = overlay(own, english)
    assert merged(own, change) == english
    assert merged(own_cards, overlay(own_cards, english_cards)) == english_cards
    # Only what differs travels: the names, letters and slugs stay in the page.
    assert set(change["organisations"]["0"]) <= {"description", "search"}
    assert change["texts"]["welcome"] == "Welcome to the patient and relatives' desk"
    assert english["language"] == "en" and english["saved_list_url"] == own["saved_list_url"]
    breast = next(org for org in english["organisations"] if org["slug"] == "brystkreftforeningen")
    assert breast["description"].startswith("Brystkreftforeningen is a patient association")
    assert "cancer" in breast["search"].split()  # the theme's English name is a search word
    card = english_cards["organisations"]["brystkreftforeningen"]
    assert card["page"]["qr"] == f"{SITE_URL}en/organisasjoner/brystkreftforeningen/"
    assert card["page"]["qr"] in english_cards["qr"]
    assert [contact["label"] for contact in card["contacts"]] == ["Web site"]
    # Every interface text of the kiosk has its English.
    assert not [key for key, text in own["texts"].items() if english["texts"][key] == text and "{" not in text]


def test_every_text_the_kiosk_page_and_script_name_is_in_its_table():
    folder = REPO / "site_plugins" / "kiosk"
    page = (folder / "index.html").read_text(encoding="utf-8") + (folder / "status.html").read_text(encoding="utf-8")
    script = (folder / "kiosk.js").read_text(encoding="utf-8")
    in_page = set(re.findall(r'data-(?:text|label)="(\w+)"', page)) | set(re.findall(r"\{\{ texts\.(\w+) \}\}", page))
    in_script = set(re.findall(r'\bt\("(\w+)"', script)) | {"showing", "showing_all"}
    assert in_page and in_script
    assert in_page | in_script <= set(TEXTS)
    assert in_script <= SCRIPT_TEXTS
    # Not a Norwegian word is left in the page outside the table (the template's comments aside).
    visible = re.sub(r"<[^>]*>", " ", re.sub(r"\{([#%{]).*?[#%}]\}", " ", page, flags=re.DOTALL))
    assert not re.findall(r"[A-Za-zÆØÅæøå]{4,}", visible)
