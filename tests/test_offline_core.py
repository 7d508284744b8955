"""The offline copy's rules, asked of the core directly, and the one-stylesheet, one-script pages of a build."""

from __future__ import annotations

import re

import pytest
from conftest import Project

from site_plugins.i18n.language import use_language
from site_plugins.offline.pages import STORED_NOTE, left_out, page_offline_markup, stored_offline
from site_plugins.offline.worker import BuiltPage, loaded_files, site_worker
from site_plugins.web.theme_markup import one_stylesheet


@pytest.mark.parametrize(("source", "stored"), [
    ("index.md", True), ("organisasjoner/index.md", True), ("organisasjoner/melanomforeningen.md", True),
    ("tema/kreft.md", True), ("hjelpetelefoner.md", True), ("apningstider.md", True), ("likepersoner.md", True),
    # Another published language, in a folder of its own or beside the original.
    ("en/organisasjoner/melanomforeningen.md", True), ("en/index.md", True), ("organisasjoner/x.en.md", True),
    ("bli-frivillig.md", False), ("arrangementer/index.md", False), ("en/bli-frivillig.md", False),
    ("organisasjoner-gammel.md", False), ("uten-nett.md", False),
])
def test_the_pages_stored_on_a_first_visit(source: str, stored: bool):
    assert stored_offline(source) is stored


SHEETS = ("assets/stylesheets/main.12345678.min.css", "assets/stylesheets/palette.abcdef12.min.css",
          "assets/torget/torget.css")


def _head(prefix: str, sheets=SHEETS) -> str:
    return "<head>" + "\n".join(f'<link rel="stylesheet" href="{prefix}{sheet}">' for sheet in sheets) + "</head>"


def test_three_stylesheets_become_one_link_with_the_pages_prefix():
    html = one_stylesheet(_head("../../"), SHEETS, "assets/stylesheets/torget.0000aaaa.min.css")
    assert re.findall(r'<link rel="stylesheet" href="([^"]*)">', html) == ["../../assets/stylesheets/torget.0000aaaa.min.css"]


def test_a_page_that_does_not_link_every_sheet_is_left_as_it_is():
    for html in (_head("", SHEETS[:2]), _head("", SHEETS[::-1]), _head("") .replace('href="assets/torget', 'href="x/assets/torget')):
        assert one_stylesheet(html, SHEETS, "bundle.css") == html


def test_the_files_a_page_loads_are_its_own_stylesheets_scripts_icons_and_images():
    html = """<link rel="canonical" href="https://torget.example.no/organisasjoner/x/">
<link rel="icon" href="../../assets/images/favicon.png"><link rel="stylesheet" href="../../assets/s.css">
<link rel="manifest" href="../../manifest.webmanifest"><link rel="next" href="../y/">
<script src="../../assets/torget/torget.js" defer></script><script>inline()</script>
<img src="../../qr/organisasjoner/x.svg" alt=""><img src="data:image/png;base64,AA" alt="">
<img src="https://elsewhere.example/x.png" alt=""><img src="//cdn.example/x.png" alt="">"""
    assert loaded_files("organisasjoner/x/", html) == [
        "assets/images/favicon.png", "assets/s.css", "manifest.webmanifest", "assets/torget/torget.js",
        "qr/organisasjoner/x.svg"]


def _page(url: str, body: str = "") -> bytes:
    return f'<html><head><link rel="stylesheet" href="{"../" * url.count("/")}a.css"></head>{body}</html>'.encode()


def test_the_worker_is_named_by_what_it_stores_and_skips_what_the_build_lacks():
    files = {"index.html": _page(""), "organisasjoner/x/index.html": _page("organisasjoner/x/"), "a.css": b"p{}",
             "uten-nett/index.html": _page("uten-nett/"), "manifest.webmanifest": b"{}"}
    stored = [BuiltPage("", "index.md"), BuiltPage("organisasjoner/x/", "organisasjoner/x.md"),
              BuiltPage("organisasjoner/gone/", "organisasjoner/gone.md")]
    script, plan, size = site_worker(stored, BuiltPage("uten-nett/", "uten-nett.md"), files.get,
                                     data=("assets/torget/hours.json",), elsewhere=("kiosk/",))
    assert list(plan.required) == ["uten-nett/", "a.css", "manifest.webmanifest"]
    assert list(plan.background) == ["./", "organisasjoner/x/"]
    assert size == sum(len(content) for content in files.values())
    assert "data-torget-stored hidden" in script and '"kiosk/"' in script
    files["organisasjoner/x/index.html"] = _page("organisasjoner/x/", "changed")
    changed, _plan, _size = site_worker(stored, BuiltPage("uten-nett/", "uten-nett.md"), files.get)
    stamp = re.compile(r"const STORE = `\$\{NAME\}-([0-9a-f]{16})`")
    assert stamp.search(script).group(1) != stamp.search(changed).group(1)


@pytest.mark.parametrize(("path", "out"), [
    ("qr/organisasjoner/x.svg", True), ("en/qr/organisasjoner/x.svg", True),
    ("assets/torget/torget.js", False), ("en/assets/images/favicon.png", False), ("organisasjoner/qr/", False),
])
def test_the_pages_own_qr_codes_stay_out_of_the_copy(path: str, out: bool):
    assert left_out(path) is out


def test_a_file_left_out_is_not_stored_with_its_page():
    files = {"organisasjoner/x/index.html": _page("organisasjoner/x/", '<img src="../../qr/organisasjoner/x.svg">'),
             "a.css": b"p{}", "qr/organisasjoner/x.svg": b"<svg/>", "uten-nett/index.html": _page("uten-nett/")}
    pages = [BuiltPage("organisasjoner/x/", "organisasjoner/x.md")]
    _script, plan, _size = site_worker(pages, BuiltPage("uten-nett/", "uten-nett.md"), files.get, left_out=left_out)
    assert list(plan.background) == ["organisasjoner/x/"] and "qr/organisasjoner/x.svg" not in plan.required
    _script, kept, _size = site_worker(pages, BuiltPage("uten-nett/", "uten-nett.md"), files.get)
    assert "qr/organisasjoner/x.svg" in kept.background


def test_pages_name_the_worker_only_when_it_is_written():
    page = '<html lang="nb"><head></head><body><article class="md-content__inner md-typeset"><h1>x</h1></article></body></html>'
    built = page_offline_markup(page, "organisasjoner/x/", worker=True, theme_colour="#4051b5")
    assert '<html data-torget-worker="../../sw.js" lang="nb">' in built
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in built and STORED_NOTE.hidden in built
    assert 'data-note="Du er uten nett og ser en kopi. Lagret {day}." data-locale="nb"></p>' in built
    with use_language("en"):  # the note is in the page's language (its words come from the catalogue)
        english = page_offline_markup(page, "organisasjoner/x/", worker=True, theme_colour="#4051b5")
    assert 'data-locale="en"' in english
    assert "torget-worker" not in page_offline_markup(page, "", worker=False, theme_colour="#4051b5")


def test_every_page_waits_for_one_stylesheet_and_two_scripts(bundled_site: Project):
    for path in ("", "organisasjoner/", "organisasjoner/melanomforeningen/", "hjelpetelefoner/", "apningstider/"):
        html = bundled_site.page(path)
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]*)">', html)
        scripts = re.findall(r'<script src="([^"]*)"', html)
        assert len(sheets) == 1 and re.search(r"assets/stylesheets/torget\.[0-9a-f]{8}\.min\.css$", sheets[0]), path
        # the site's script first: it holds back the search index Material's would fetch at once
        assert len(scripts) == 2 and re.search(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$", scripts[1]), path
        assert scripts[0].endswith("assets/torget/torget.js"), (path, scripts)
        assert all(f'src="{script}" defer' in html for script in scripts), path
    sheet = next((bundled_site.site / "assets/stylesheets").glob("torget.*.min.css")).read_text(encoding="utf-8")
    own = (bundled_site.site / "assets/torget/torget.css").read_text(encoding="utf-8").strip()
    assert own in sheet and "sourceMappingURL" not in sheet
