"""The checkers behind the quality gates, run over every HTML page of a built site.

The gates (tests/test_quality_*.py) hold every page type the site builds, present and
future, to the same rules: accessible (axe-core), valid (Nu Html Checker), private (no
request to another host) and whole (every internal link and anchor resolves).
The npm tools live in tests/node_modules, pinned by tests/package-lock.json.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import missing_tool, npm_installed
from page_shapes import pages_covering_every_part

TESTS = Path(__file__).resolve().parent


NODE_MODULES = TESTS / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# WCAG 2.0 and 2.1, levels A and AA: what Norwegian regulations ask of public web sites.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")




def node_tools() -> Path:
    """tests/node_modules, installed with `npm ci` when missing or older than the lock file."""
    return npm_installed(TESTS, timeout=600)


def built_pages(site: Path) -> list[str]:
    """Every HTML file of a built site, as sorted paths relative to it (`organisasjoner/index.html`)."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def forwarding_pages(site: Path, pages: list[str]) -> set[str]:
    """The pages that only forward to another address (a former organisation address, by meta refresh)."""
    return {page for page in pages if 'http-equiv="refresh"' in (site / page).read_text(encoding="utf-8")}


def site_url_of(project_root: Path) -> str:
    """The `site_url` in a project's mkdocs.yml: links to it are links into the site itself."""
    match = re.search(r"^site_url:\s*(\S+)", (project_root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert match, "mkdocs.yml has no site_url"
    return match.group(1).rstrip("/") + "/"


# --- In the browser: axe-core and the requests a page makes -------------------------------


@dataclass
class PageAudit:
    """What one page did in Chromium: its axe-core violations and the requests it made to other hosts."""

    page: str
    violations: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


_AXE_START = """tags => { window.torgetAxe = axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(result => result.violations.map(v =>
    `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map(n => n.target.join(" ")).slice(0, 5).join(" | ")}`)); }"""


def audit_pages(browser, base_url: str, pages: list[str], at_once: int = 3) -> list[PageAudit]:
    """Open each page in its own browser context; run axe-core and record requests to other hosts.

    Requests to other hosts are aborted, so the check needs no network and leaks nothing. axe-core
    runs in up to `at_once` pages at the same time (each page has its own renderer process): it is
    started in each, then its results are collected.
    """
    node_tools()
    axe = AXE_SCRIPT.read_text(encoding="utf-8")
    audits = []
    for first in range(0, len(pages), at_once):
        running = []
        try:
            for page in pages[first:first + at_once]:
                audit = PageAudit(page)
                context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo")
                running.append((audit, context))
                context.add_init_script(script=axe)
                context.route("**/*", _local_only(base_url, audit.foreign_requests))
                tab = context.new_page()
                tab.goto(base_url + page, wait_until="load")
                tab.evaluate(_AXE_START, list(AXE_TAGS))
            for audit, context in running:
                audit.violations = context.pages[0].evaluate("() => window.torgetAxe")
                audits.append(audit)
        finally:
            for _, context in running:
                context.close()
    return audits


def _local_only(base_url: str, foreign: list[str]):
    """A route handler that lets requests to `base_url` through, and records and aborts all others."""

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(base_url):
            request_route.continue_()
        else:
            foreign.append(url)
            request_route.abort()

    return route


_site_audits: dict[tuple[str, tuple[str, ...]], list[PageAudit]] = {}


def site_audits(browser, base_url: str, site: Path) -> list[PageAudit]:
    """`audit_pages` over the few pages of `site` that hold every part of every page (see page_shapes.py),
    done once per test session and shared by the gates.

    Forwarding pages leave for their target as soon as they load, so Chromium cannot audit them; they
    load nothing and are checked by the Nu Html Checker, the link check and the redirect browser test.
    """
    pages = built_pages(site)
    forwarding = forwarding_pages(site, pages)
    key = (base_url, tuple(pages_covering_every_part(site, [page for page in pages if page not in forwarding])))
    if key not in _site_audits:
        _site_audits[key] = audit_pages(browser, base_url, list(key[1]))
    return _site_audits[key]


# --- The Nu Html Checker ----------------------------------------------------------------


@dataclass(frozen=True)
class HtmlError:
    page: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}\n    {self.extract.strip()}"


def check_html(site: Path, pages: list[str]) -> list[HtmlError]:
    """Errors the Nu Html Checker finds in `pages`, checked in one run of vnu.jar."""
    java = shutil.which("java")
    if java is None:
        missing_tool("Java")
    node_tools()
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--exit-zero-always",
                             *pages], cwd=site, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"vnu.jar failed:\n{result.stderr}"
    errors = []
    for message in json.loads(result.stderr)["messages"]:
        url = message.get("url", "")
        page = url.removeprefix("file:").removeprefix(site.resolve().as_posix() + "/") if url else "?"
        errors.append(HtmlError(page, message.get("lastLine"), message["message"], message.get("extract", "")))
    return errors


# --- Links, anchors and references to other hosts in the built files ------------------------

# Attributes that make the browser fetch something (a link only when its `rel` says so).
_FETCHING = {"script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
             "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "embed": ("src",),
             "object": ("data",), "input": ("src",)}
_FETCHING_RELS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "prefetch",
                  "preconnect", "dns-prefetch", "manifest"}
_CSS_URL = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)|url\(\s*["']?([^"')]+)""")


def _is_foreign(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip(), re.I))


def foreign_references_in_css(css: str) -> list[str]:
    """Addresses on another host that a stylesheet imports or loads (fonts, images)."""
    found = [next(group for group in match.groups() if group) for match in _CSS_URL.finditer(css)]
    return [url for url in found if _is_foreign(url)]


class _PageParser(HTMLParser):
    """Collects a page's ids, its links, and what it would fetch from other hosts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.foreign: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag in ("a", "area", "link") and "href" in values:
            self.links.append(values["href"])
        for name in _FETCHING.get(tag, ()):
            if name in values:
                urls = [part.split()[0] for part in values[name].split(",") if part.strip()] if name == "srcset" else [values[name]]
                self.links += urls
                self.foreign += [url for url in urls if _is_foreign(url)]
        if tag == "link" and _FETCHING_RELS & set(values.get("rel", "").lower().split()) and _is_foreign(values.get("href", "")):
            self.foreign.append(values["href"])
        if "style" in values:
            self.foreign += foreign_references_in_css(values["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.foreign += foreign_references_in_css(data)


def parse_page(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def foreign_references(site: Path, pages: list[str]) -> list[str]:
    """`page: url` for every font, script, stylesheet or image a built page or stylesheet would fetch from another host."""
    found = [f"{page}: {url}" for page in pages for url in parse_page(site / page).foreign]
    for css in sorted(site.rglob("*.css")):
        found += [f"{css.relative_to(site).as_posix()}: {url}"
                  for url in foreign_references_in_css(css.read_text(encoding="utf-8", errors="replace"))]
    return found


def broken_links(site: Path, pages: list[str], site_url: str) -> list[str]:
    """`page: link (why)` for every internal link or anchor that does not resolve to a file and an id."""
    parsed = {page: parse_page(site / page) for page in pages}
    # Resolve as a browser would on the published site, so `/x/` and `{site_url}x/` links count too.
    site_path = urlsplit(site_url).path or "/"
    base = "http://site.invalid" + site_path
    problems = []
    for page, parser in parsed.items():
        for link in parser.links:
            href = link.strip()
            if href.startswith(site_url):
                href = base + href.removeprefix(site_url)
            target = urlsplit(urljoin(base + page, href))
            if target.scheme not in ("http", "https") or target.netloc != "site.invalid":
                continue  # mail, phone, data and other hosts' addresses are not the site's to resolve
            if not target.path.startswith(site_path):
                problems.append(f"{page}: {link} (outside the site)")
                continue
            path = unquote(target.path.removeprefix(site_path))
            file = site / path
            if path == "" or path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                problems.append(f"{page}: {link} (no file {file.relative_to(site).as_posix()})")
                continue
            anchor = unquote(target.fragment)
            if anchor and file.suffix == ".html":
                key = file.relative_to(site).as_posix()
                ids = parsed[key].ids if key in parsed else parse_page(file).ids
                if anchor not in ids:
                    problems.append(f"{page}: {link} (no id {anchor!r} in {key})")
    return problems


# --- Words of the trade: what visitors must never read ------------------------------------

TOOL_WORDS = (
    "mkdocs", "material", "properdocs", "axe", "axe-core", "vnu", "nu html checker", "site_url", "docs_dir",
    "yaml", "python", "plugin", "chromium", "playwright", "pytest", "jinja", "lunr", "pydantic", "fpdf", "fpdf2",
    "zxing", "pypdfium2", "github", "front matter", "markdown", "json", "npm", "torget check",
)
"""Names of the tools, files and settings behind the site, matched as whole words in any letter case."""
_TOOL_WORD = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in TOOL_WORDS) + r")(?![\w-])", re.I)
# Attributes a visitor sees or hears read aloud.
_SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "value", "content")
_HIDDEN_TAGS = {"script", "style", "template"}


class _TextParser(HTMLParser):
    """Collects what a visitor can read or hear on a page: its text, and the attributes shown or read aloud."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        values = dict(attrs)
        # <meta content> is read by search engines and link previews; other metadata is not shown.
        shown = [name for name in _SHOWN_ATTRIBUTES if name != "content" or (tag == "meta" and values.get("name") in
                                                                            ("description", "author"))]
        self.parts += [values[name] or "" for name in shown if values.get(name)]

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def tool_words(site: Path, pages: list[str]) -> list[str]:
    """`page: word («context»)` for every tool, file or setting name a visitor could read on a built page."""
    found = []
    for page in pages:
        text = visible_text((site / page).read_text(encoding="utf-8"))
        for match in _TOOL_WORD.finditer(text):
            context = text[max(0, match.start() - 40):match.end() + 40]
            found.append(f"{page}: {match.group(1)} («{context}»)")
    return found
