"""The nginx server block in deploy/ in front of a fresh build: compression, caching, types,
security headers, the 404 page, and every page type running in Chromium without a CSP violation."""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli
import pytest
from conftest import REPO, Project, assert_built
from nginx_server import fetch, nginx_or_skip, served
from search_pages import open_site_search, site_search

from site_plugins.publish.compress import COMPRESS_FROM_BYTES

CSP_FILE = ".deploy/nginx-csp.conf"
NGINX_CONF = REPO / "deploy/nginx/torget.conf"


@pytest.fixture(scope="session")
def served_copy(bundled_site: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled build, plus files of the types the site may carry but does not yet."""
    site = tmp_path_factory.mktemp("nginx") / "site"
    shutil.copytree(bundled_site.site, site)
    (site / "probe.webmanifest").write_text('{"name": "Torget"}', encoding="utf-8")
    (site / "probe.yml").write_text("name: Torget\n", encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def nginx_installed() -> None:
    """Skips (fails in CI) before anything is built when nginx is missing."""
    nginx_or_skip()


@pytest.fixture(scope="session")
def nginx(nginx_installed: None, served_copy: Path) -> Iterator[str]:
    yield from served(served_copy)


def _one(site: Path, pattern: str) -> str:
    """The site path of the one file matching a glob (Material's names carry a content hash)."""
    [found] = [p for p in site.glob(pattern) if p.suffix not in (".gz", ".br")]
    return found.relative_to(site).as_posix()


def _policy_of_build(site: Path, area: str = "default") -> str:
    """The policy the build wrote for the site's pages (`default`) or for a path prefix such as `"~^/admin/"`."""
    match = re.search(rf'^    {re.escape(area)} "([^"]+)";$', (site / CSP_FILE).read_text(), re.M)
    assert match, f"{CSP_FILE} holds no Content-Security-Policy for {area}"
    return match.group(1)


TEXT_FILES = {  # kind: glob of one file of that kind
    "HTML page": "organisasjoner/index.html",
    "CSS (Material)": "assets/stylesheets/main.*.min.css",
    "CSS (Torget)": "assets/torget/torget.css",
    "JS (Material)": "assets/javascripts/bundle.*.min.js",
    "JS (Torget)": "assets/torget/directory.js",
    "JSON (search index)": "search/search_index.json",
    "JSON (opening hours)": "assets/torget/hours.json",
}


@pytest.mark.parametrize("kind", TEXT_FILES)
def test_text_is_sent_precompressed_to_whoever_accepts_it(nginx: str, served_copy: Path, kind: str):
    path = _one(served_copy, TEXT_FILES[kind])
    original = (served_copy / path).read_bytes()
    url_path = path.removesuffix("index.html")
    for encoding, suffix, decompress in (("gzip", ".gz", gzip.decompress), ("br", ".br", brotli.decompress)):
        response = fetch(nginx, url_path, f"{encoding}, deflate")
        assert response.status == 200, (kind, encoding)
        assert response.header("Content-Encoding") == encoding, (kind, response.headers)
        # The build's file, sent as is: its length, not a chunked on-the-fly compression.
        assert int(response.header("Content-Length")) == (served_copy / (path + suffix)).stat().st_size
        assert decompress(response.body) == original
        assert "Accept-Encoding" in response.header("Vary")
    plain = fetch(nginx, url_path)
    assert plain.header("Content-Encoding") == "" and plain.body == original


def test_text_files_without_copies_are_still_sent_compressed(nginx: str, served_copy: Path):
    # The build writes no copies of a file under COMPRESS_FROM_BYTES, such as an organisation's empty
    # shift feed, nor of a QR code; nginx compresses them on the fly from gzip_min_length up, for
    # Brotli's browsers too.
    [gzip_min_length] = re.findall(r"^\s*gzip_min_length (\d+);", NGINX_CONF.read_text(), re.M)
    assert int(gzip_min_length) <= COMPRESS_FROM_BYTES
    feed = next(p for p in sorted((served_copy / "ledige-vakter").glob("*.ics"))
                if int(gzip_min_length) <= p.stat().st_size < COMPRESS_FROM_BYTES)
    code = next(p for p in sorted((served_copy / "qr" / "organisasjoner").glob("*.svg")))
    assert code.stat().st_size >= COMPRESS_FROM_BYTES
    for file in (feed, code):
        assert not file.with_name(file.name + ".gz").exists() and not file.with_name(file.name + ".br").exists()
        for accepted in ("gzip", "br, gzip"):
            response = fetch(nginx, file.relative_to(served_copy).as_posix(), accepted)
            assert response.header("Content-Encoding") == "gzip", (file.name, accepted, response.headers)
            assert gzip.decompress(response.body) == file.read_bytes()


def test_fingerprinted_assets_are_immutable_and_the_rest_is_cached_briefly(nginx: str, served_copy: Path):
    for pattern in ("assets/javascripts/bundle.*.min.js", "assets/stylesheets/main.*.min.css",
                    "assets/javascripts/workers/search.*.min.js"):
        assert fetch(nginx, _one(served_copy, pattern)).header("Cache-Control") == \
            "public, max-age=31536000, immutable", pattern
    qr = next(p for p in (served_copy / "qr").rglob("*.png")).relative_to(served_copy).as_posix()
    for path in ("", "organisasjoner/", "apningstider/", "arrangementer/alle.ics", "assets/torget/hours.json",
                 "search/search_index.json", "sitemap.xml", qr):
        assert fetch(nginx, path).header("Cache-Control") == "public, max-age=300", path
    # Names that stay the same across builds are revalidated on every use.
    for path in ("assets/torget/torget.css", "assets/torget/opening_status.js", "kiosk/kiosk.js"):
        assert fetch(nginx, path).header("Cache-Control") == "no-cache", path


@pytest.mark.parametrize(("path", "content_type"), [
    ("arrangementer/alle.ics", "text/calendar; charset=utf-8"),
    ("probe.webmanifest", "application/manifest+json; charset=utf-8"),
    ("probe.yml", "text/yaml; charset=utf-8"),
    ("search/search_index.json", "application/json; charset=utf-8"),
    ("assets/torget/directory.js", "application/javascript; charset=utf-8"),
    ("", "text/html; charset=utf-8"),
])
def test_types(nginx: str, path: str, content_type: str):
    response = fetch(nginx, path)
    assert response.status == 200 and response.header("Content-Type") == content_type


def test_security_headers_on_pages_files_and_errors(nginx: str, served_copy: Path):
    policy = _policy_of_build(served_copy)
    for path in ("", "kiosk/", "assets/torget/directory.js", "finnes-ikke/"):
        response = fetch(nginx, path)
        assert response.header("Content-Security-Policy") == policy, path
        assert response.header("X-Content-Type-Options") == "nosniff"
        assert response.header("Referrer-Policy") == "no-referrer"
        permissions = response.header("Permissions-Policy")
        assert all(f"{feature}=()" in permissions for feature in ("camera", "microphone", "geolocation"))
        assert response.header("Strict-Transport-Security") == "", "HSTS over plain HTTP"
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["frame-ancestors"] == "'none'"
    assert directives["worker-src"] == "'self'"
    scripts = directives["script-src"].split()
    assert scripts[0] == "'self'" and scripts[1:] and all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", s) for s in scripts[1:])
    assert "unsafe" not in policy and "http" not in policy and "*" not in policy


def test_missing_pages_get_the_sites_404_page_and_deploy_files_stay_private(nginx: str, served_copy: Path):
    missing = fetch(nginx, "finnes-ikke/", "gzip")
    assert missing.status == 404
    assert gzip.decompress(missing.body) == (served_copy / "404.html").read_bytes()
    assert fetch(nginx, CSP_FILE).status == 404
    for folder_without_page in ("qr/", "assets/javascripts/"):  # nginx would say 403 Forbidden
        answer = fetch(nginx, folder_without_page, "gzip")
        assert answer.status == 404 and gzip.decompress(answer.body) == (served_copy / "404.html").read_bytes()
    folder = fetch(nginx, "organisasjoner")
    assert folder.status == 301 and folder.header("Location") == "/organisasjoner/"
    assert fetch(nginx, "404.html").status == 404


# --- In Chromium -------------------------------------------------------------------------

_RECORD_VIOLATIONS = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event =>
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` (${event.sourceFile}:${event.lineNumber})`));"""


def _page_types(site: Path) -> dict[str, str]:
    def first(pattern: str) -> str:
        return min(site.glob(pattern)).parent.relative_to(site).as_posix() + "/"

    return {"home": "", "directory": "organisasjoner/", "organisation": first("organisasjoner/*/index.html"),
            "theme": first("tema/*/index.html"), "hours": "apningstider/", "event": "arrangementer/verdensdager/diabetesdagen/",
            "kiosk": "kiosk/", "printable pages": "plakater/", "404": "finnes-ikke/"}


def _open(browser, url: str):
    context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo")
    context.add_init_script(script=_RECORD_VIOLATIONS)
    tab = context.new_page()
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text))
    tab.on("pageerror", lambda error: console.append(f"page error: {error}"))
    tab.goto(url, wait_until="networkidle")
    return context, tab, console


def _violations(tab, console: list[str]) -> list[str]:
    return tab.evaluate("window.__cspViolations") + [
        text for text in console if "Content Security Policy" in text or text.startswith("page error")]


@pytest.mark.browser
def test_every_page_type_runs_without_a_csp_violation(browser, nginx: str, served_copy: Path):
    found = {}
    for kind, path in _page_types(served_copy).items():
        context, tab, console = _open(browser, nginx + path)
        try:
            assert tab.evaluate("document.documentElement.lang") == "nb", kind
            if problems := _violations(tab, console):
                found[f"{kind} ({path})"] = problems
        finally:
            context.close()
    assert not found, f"pages that broke the Content-Security-Policy: {found}"


@pytest.mark.browser
def test_search_worker_and_instant_navigation_run_under_the_policy(browser, nginx: str):
    context, tab, console = _open(browser, nginx)
    try:
        # The worker ran lunr and loaded the index, and answered the whole query, not a prefix of it.
        open_site_search(tab, nginx)
        assert site_search(tab, "kreft")
        result = tab.locator(".md-search-result__item > a").first
        target = urlsplit(urljoin(tab.url, result.get_attribute("href"))).path
        assert target.startswith("/organisasjoner/"), target
        # An instant navigation: Material swaps the page and re-creates its inline scripts.
        result.click()
        tab.wait_for_url(lambda url: urlsplit(url).path == target)
        tab.wait_for_load_state("networkidle")
        assert _violations(tab, console) == []
        # The policy is in force: a script the build did not hash is blocked and reported.
        tab.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                     " document.body.append(s); }")
        # A function, not an expression: Playwright would poll an expression with eval(), itself a violation.
        tab.wait_for_function("() => window.__cspViolations.length > 0")
        assert tab.evaluate("window.__ran") is None
        assert [text.split(" (")[0] for text in tab.evaluate("window.__cspViolations")] == [
            "script-src-elem blocked inline"]
    finally:
        context.close()


EDITOR_OPTIONS = """      editor:
        backend: gitlab
        repo: lms/torget
        base_url: https://gitlab.example.no
        app_id: torget-editor
        assets: {assets}
"""


@pytest.mark.browser
def test_the_web_editor_runs_under_a_policy_of_its_own(browser, nginx_installed: None, bundled_project: Project):
    """Decap CMS needs inline styles, `new Function` and its git host; the site's pages still do not."""
    from editor_tools import editor_tools

    assets = editor_tools()
    config = bundled_project.root / "mkdocs.yml"
    text, count = re.subn(r"      editor:\n(?:        .*\n)+", EDITOR_OPTIONS.format(assets=assets),
                          config.read_text(encoding="utf-8"))
    assert count == 1, "mkdocs.yml has no editor: block to replace"
    config.write_text(text, encoding="utf-8")
    assert_built(bundled_project.build())
    site = bundled_project.site
    editor, pages = _policy_of_build(site, '"~^/admin/"'), _policy_of_build(site)
    assert "'unsafe-eval'" in editor and "connect-src 'self' https://gitlab.example.no;" in editor
    assert "unsafe" not in pages and "gitlab" not in pages
    for url in served(site):
        context, tab, console = _open(browser, url + "admin/")
        try:
            tab.get_by_role("button", name=re.compile("GitLab")).wait_for(timeout=60_000)  # its login screen
            assert _violations(tab, console) == []
            assert fetch(url, "admin/").header("Content-Security-Policy") == editor
            assert fetch(url, "").header("Content-Security-Policy") == pages
        finally:
            context.close()
