"""QR codes in a built site: every emitted image scans to the page it belongs to, pages show their code,
the staff page lists every file, a new site_url changes every code, and a warm build reuses the cache."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from io import BytesIO
from pathlib import Path

import pytest
from conftest import REPO, Project, copy_bundled_project, copy_organisations, listed_organisation_files
from PIL import Image
from qr_images import decode_image, decode_png, decode_svg

SITE_URL = "https://torget.example.no/"
COMPRESSED = (".gz", ".br")


def code_files(site: Path) -> list[Path]:
    return sorted(path for path in (site / "qr").rglob("*") if path.suffix in (".svg", ".png"))


def decoded(path: Path) -> str:
    codes = decode_svg(path) if path.suffix == ".svg" else decode_png(path)
    assert len(codes) == 1, f"{path} does not scan"
    return codes[0].text


def expected_target(site: Path, code: Path, site_url: str) -> str:
    """The address a code must open: the page whose address its path repeats; the roll-up's opens the directory."""
    stem = code.relative_to(site / "qr").with_suffix("").as_posix()
    if stem == "rollup":  # the roll-up's own short address, which forwards to the directory
        return f"{site_url}r/rollup/"
    if stem == "forside":
        return site_url
    assert (site / stem / "index.html").is_file(), f"{code} belongs to no page"
    return f"{site_url}{stem}/"


def set_site_url(project: Project, site_url: str) -> None:
    config = project.root / "mkdocs.yml"
    text, count = re.subn(r"(?m)^site_url:.*$", f"site_url: {site_url}", config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")


def small_project(root: Path, site_url: str | None = SITE_URL, options: str = "") -> Project:
    """Two organisations and a front page: enough for the plugin's options and errors."""
    project = Project(root)
    copy_organisations(("_categories.yaml", "_school_holidays.yaml", "melanomforeningen.yaml", "mental-helse.yaml"),
                       project.organisations)
    project.write("docs/index.md", "# Forside\n")
    url_line = f"site_url: {site_url}\n" if site_url is not None else ""
    project.write("mkdocs.yml", f"site_name: Pasient- og pårørendetorget\n{url_line}"
                                "theme:\n  name: material\n  language: nb\n  font: false\n"
                                f"plugins:\n  - torget:\n      organisations: organisations\n{options}")
    return project


def test_every_code_scans_to_its_page(bundled_site: Project):
    codes = code_files(bundled_site.site)
    organisations = [path.stem for path in listed_organisation_files(bundled_site.root / "organisations")]
    for slug in organisations:
        assert bundled_site.site / "qr" / "organisasjoner" / f"{slug}.svg" in codes
        assert bundled_site.site / "qr" / "organisasjoner" / f"{slug}.png" in codes
    assert bundled_site.site / "qr" / "rollup.svg" in codes and bundled_site.site / "qr" / "rollup.png" in codes
    for code in codes:
        assert decoded(code) == expected_target(bundled_site.site, code, SITE_URL), code


def test_organisation_page_shows_its_own_code(bundled_site: Project):
    url = "organisasjoner/melanomforeningen/"
    html = bundled_site.page(url)
    section = html[html.index('class="torget-take-away"'):]
    assert "Ta med på mobilen" in section
    source = re.search(r'<img src="([^"]+)"', section).group(1)
    image = bundled_site.site / posixpath.normpath(posixpath.join(url, source))
    assert decoded(image) == SITE_URL + url


def test_staff_page_lists_every_print_file_with_size_and_target(bundled_site: Project):
    html = bundled_site.page("plakater/")
    assert "Plakater og QR-koder" in html
    # The .gz and .br copies beside a file are for the web server (publish/compress.py), not for the staff.
    emitted = [path.relative_to(bundled_site.site).as_posix()
               for folder in ("qr", "utskrift") for path in (bundled_site.site / folder).rglob("*")
               if path.is_file() and path.suffix not in COMPRESSED]
    assert any("rollup" in path and path.endswith(".pdf") for path in emitted)
    for path in emitted:
        assert f'href="../{path}"' in html, f"{path} is not listed"
    assert "85 × 200 cm" in html and "A4, 21 × 29,7 cm" in html
    assert f'href="{SITE_URL}organisasjoner/melanomforeningen/"' in html
    # Staff reach it by its address; visitors meet it neither in the menu nor in search.
    assert "Plakater og QR-koder" not in bundled_site.page("")
    index = json.loads((bundled_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("plakater/")]
    assert [doc for doc in index["docs"] if doc["location"].startswith("organisasjoner/melanomforeningen/")]


def test_a_new_site_url_changes_every_code(bundled_site: Project, tmp_path: Path):
    moved = copy_bundled_project(tmp_path)
    new_url = "https://www.nlsh.no/torget/"
    set_site_url(moved, new_url)
    result = moved.build()
    assert result.returncode == 0, result.stderr
    codes = code_files(moved.site)
    assert [c.relative_to(moved.site) for c in codes] == [c.relative_to(bundled_site.site) for c in code_files(bundled_site.site)]
    for code in codes:
        assert decoded(code) == expected_target(moved.site, code, new_url)
        assert code.read_bytes() != (bundled_site.site / code.relative_to(moved.site)).read_bytes()
    assert "www.nlsh.no/torget" in moved.page("plakater/")


def test_warm_build_reuses_every_cached_file(tmp_path: Path):
    project = small_project(tmp_path)
    assert project.build().returncode == 0
    cache = project.root / ".cache" / "torget"

    def snapshot() -> dict[str, int]:
        return {path.relative_to(cache).as_posix(): path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}

    first = snapshot()
    emitted = {path: path.read_bytes() for path in code_files(project.site) + sorted((project.site / "utskrift").rglob("*.pdf"))}
    # Two organisations: SVG and PNG each and a card each, the roll-up's SVG and PNG, the roll-up, its sheet for
    # the print shop and the desk poster (and the web server's compressed copies of the larger ones), and one
    # .json file that holds the QR modules of every address the kiosk shows.
    assert len([key for key in first if not key.endswith((".json", *COMPRESSED))]) == 2 * 3 + 2 + 3
    [kiosk_codes] = [key for key in first if key.endswith(".json")]
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert snapshot() == first, "a cached file was drawn again"
    assert {path: path.read_bytes() for path in emitted} == emitted

    copy_organisations(("a-larm.yaml",), project.organisations)
    assert project.build().returncode == 0
    after = snapshot()
    assert {key: after[key] for key in first if key != kiosk_codes} == {k: v for k, v in first.items() if k != kiosk_codes}
    added = sorted(Path(key).suffix for key in after.keys() - first.keys() if not key.endswith(COMPRESSED))
    assert added == [".pdf", ".png", ".svg"], "only the new organisation's card and code are drawn"
    # The kiosk's codes stay in their one file, now with the new organisation's addresses.
    codes = json.loads((cache / kiosk_codes).read_text(encoding="utf-8"))
    assert "https://a-larm.no" in codes and after[kiosk_codes] != first[kiosk_codes]


def test_cache_is_kept_beside_mkdocs_yml_and_outside_the_site(tmp_path: Path):
    project = small_project(tmp_path)
    assert project.build().returncode == 0
    assert any((project.root / ".cache" / "torget").rglob("*.pdf"))
    assert not list(project.docs.rglob("*.png"))
    problems = small_project(tmp_path / "inside", options="      cache_dir: docs/.qr\n").problems()
    assert "cache_dir" in problems and "docs_dir" in problems


@pytest.mark.parametrize("site_url", ["/torget/", "ftp://torget.example.no/", None])
def test_relative_or_missing_site_url_stops_the_build(tmp_path: Path, site_url: str | None):
    assert "site_url" in small_project(tmp_path, site_url=site_url).problems()


@pytest.mark.browser
def test_organisation_code_scans_from_the_screen(browser, site_server: str):
    context = browser.new_context(locale="nb-NO", device_scale_factor=2)
    tab = context.new_page()
    url = "organisasjoner/mental-helse/"
    tab.goto(site_server + url)
    image = tab.locator(".torget-take-away img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    codes = decode_image(Image.open(BytesIO(image.screenshot())))
    context.close()
    assert [code.text for code in codes] == [SITE_URL + url]
