"""Generated links follow MkDocs's `use_directory_urls`: with `false`, every link, QR target, feed and
kiosk address names an `.html` file that exists in the built site."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re

import pytest
from conftest import Project, assert_built
from link_check import broken_site_addresses
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from quality import broken_links, built_pages
from small_project import MKDOCS_YML, SITE_URL, event_page, small_project

from site_plugins.web.urls import SiteUrls, _relative_path, page_url, relative_url

BUILT_AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def file_url_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    # Material's search plugin too, whose index the build gives the organisations' keywords.
    project = small_project(tmp_path_factory.mktemp("file-urls"), "  - search\nuse_directory_urls: false\n")
    project.write("docs/likepersoner.md", "# Likepersoner\n\n<!-- torget:likepersoner -->\n")
    project.write("docs/bli-frivillig.md", "# Bli frivillig\n")
    project.write("docs/arrangementer/kafe.md", event_page())
    # A renamed organisation: its former address must forward in this URL style too.
    renamed = project.organisations / "mental-helse.yaml"
    renamed.write_text(renamed.read_text(encoding="utf-8") + "former_slugs: [mental-helse-norge]\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(BUILT_AT.timestamp())))
        result = project.build()
    assert_built(result)
    return project


def test_every_link_in_the_built_pages_names_a_file(file_url_site: Project):
    site = file_url_site.site
    assert (site / "organisasjoner" / "melanomforeningen.html").is_file()
    assert not (site / "organisasjoner" / "melanomforeningen").exists()
    assert broken_links(site, built_pages(site), SITE_URL) == []


def test_generated_links_name_html_files(file_url_site: Project):
    org = (file_url_site.site / "organisasjoner" / "melanomforeningen.html").read_text(encoding="utf-8")
    assert 'href="index.html">Alle organisasjoner</a>' in org
    assert re.search(r'href="\.\./tema/[a-z-]+\.html"', org)
    assert 'href="../arrangementer/kafe.html"' in org
    peer = (file_url_site.site / "likepersoner.html").read_text(encoding="utf-8")
    assert 'href="organisasjoner/melanomforeningen.html#likeperson"' in peer


def test_qr_targets_feeds_json_ld_and_kiosk_addresses_name_existing_files(file_url_site: Project):
    site = file_url_site.site
    assert broken_site_addresses(site, SITE_URL) == []
    kiosk = (site / "kiosk" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kiosk-data">(.*?)</script>', kiosk, re.S).group(1))
    assert data["saved_list_url"] == f"{SITE_URL}kiosk/liste/index.html"
    cards = json.loads((site / "kiosk" / "organisasjoner.json").read_text(encoding="utf-8"))  # the cards' codes
    assert f"{SITE_URL}organisasjoner/melanomforeningen.html" in cards["qr"]
    assert cards["organisations"]["melanomforeningen"]["page"]["qr"] == f"{SITE_URL}organisasjoner/melanomforeningen.html"
    prints = (site / "plakater" / "index.html").read_text(encoding="utf-8")
    assert f"{SITE_URL}organisasjoner/index.html" in prints  # the roll-up's code
    feed = (site / "arrangementer" / "kafe.ics").read_text(encoding="utf-8")
    assert f"URL:{SITE_URL}arrangementer/kafe.html" in feed.replace("\n ", "")


def test_links_follow_the_url_style_material_s_offline_plugin_sets_after_torget(tmp_path):
    project = small_project(tmp_path, "")
    project.write("mkdocs.yml", MKDOCS_YML + "  - offline\n")  # listed after torget
    config = load_config(str(project.root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(Files([]), config=config)
    assert files.get_file_from_path("organisasjoner/melanomforeningen.md") is not None
    # The page's body is the HTML the core rendered, which the plugin hands MkDocs in place of Markdown.
    body = config.plugins["torget"].rendered["organisasjoner/melanomforeningen.md"].html
    assert 'href="index.html">Alle organisasjoner</a>' in body


def test_the_bundled_site_s_codes_feeds_and_json_ld_name_existing_pages(bundled_site: Project):
    assert broken_site_addresses(bundled_site.site, SITE_URL) == []


@pytest.mark.parametrize(("src_path", "directory_urls", "expected"), [
    ("index.md", True, ""), ("index.md", False, "index.html"),
    ("organisasjoner/index.md", True, "organisasjoner/"), ("organisasjoner/index.md", False, "organisasjoner/index.html"),
    ("organisasjoner/x.md", True, "organisasjoner/x/"), ("organisasjoner/x.md", False, "organisasjoner/x.html"),
])
def test_one_rule_from_source_path_to_url(src_path, directory_urls, expected):
    assert page_url(src_path, directory_urls) == expected


def test_links_between_pages_in_both_styles():
    folders, files = SiteUrls(SITE_URL), SiteUrls(SITE_URL, directory_urls=False)
    assert folders.link("organisasjoner/x.md", "tema/y.md") == "../../tema/y/"
    assert files.link("organisasjoner/x.md", "tema/y.md") == "../tema/y.html"
    assert folders.link("index.md", "organisasjoner/index.md") == "organisasjoner/"
    assert files.link("organisasjoner/index.md", "index.md") == "../index.html"
    assert files.file_link("arrangementer/index.md", "arrangementer/alle.ics") == "alle.ics"
    assert relative_url("a/", "a/") == "./"
    assert files.absolute("organisasjoner/x.md") == f"{SITE_URL}organisasjoner/x.html"


RELATIVE_PATHS = [".", "a", "a/", "a/b", "a/b/", "a/b/c.html", "a/./b/", "a//b", "b/a", "a/../b", "qr/a/b.svg",
                  "..", "../a", "a/../../b", "/a/b", "/", "...", "..a/b"]


@pytest.mark.parametrize("start", RELATIVE_PATHS)
def test_links_are_what_posixpath_relpath_makes(start):
    # Computed without relpath, which asks the operating system for the working folder twice a call.
    for path in RELATIVE_PATHS:
        assert _relative_path(path, start) == posixpath.relpath(path, start), (path, start)


def test_address_checker_finds_addresses_that_name_no_file(tmp_path):
    """The check can fail: a QR target or feed URL that names no built page is reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(f'<script>{{"qr": "{SITE_URL}a/", "x": "{SITE_URL}b.html"}}</script>',
                                               encoding="utf-8")
    (tmp_path / "alle.ics").write_text(f"URL:{SITE_URL}a/\r\nURL:{SITE_URL}arrangement\r\n er/kafe/\r\n", encoding="utf-8")
    assert broken_site_addresses(tmp_path, SITE_URL) == [
        f"a/index.html: {SITE_URL}b.html",
        f"alle.ics: {SITE_URL}arrangementer/kafe/",
    ]


def test_search_index_gives_the_organisation_pages_their_keywords_at_their_html_address(file_url_site: Project):
    index = json.loads((file_url_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    page = next(doc for doc in index["docs"] if doc["location"] == "organisasjoner/melanomforeningen.html")
    assert page.get("keywords")


def test_former_addresses_and_the_helplines_page_follow_the_url_style(file_url_site: Project):
    site = file_url_site.site
    forward = (site / "organisasjoner" / "mental-helse-norge.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=mental-helse.html">' in forward
    assert f'<link rel="canonical" href="{SITE_URL}organisasjoner/mental-helse.html">' in forward
    assert not (site / "organisasjoner" / "mental-helse-norge").exists()
    helplines = (site / "hjelpetelefoner.html").read_text(encoding="utf-8")
    assert 'href="organisasjoner/mental-helse.html">Mental Helse</a>' in helplines and 'href="tel:116123"' in helplines
