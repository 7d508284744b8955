"""A strict Content-Security-Policy computed from the built pages, and what in a page would break it.

Every page may run scripts from the site itself and the inline scripts the theme writes into it,
allowed one by one by their SHA-256 (CSP level 2 hashes). Nothing may come from another host, and
nothing that a hash cannot allow may appear: an event-handler attribute (`onclick=`), a
`javascript:` address or a `style` attribute. The build stops on those, so a page that works on
the preview server cannot break behind the real one.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

# A comment or a script, whichever starts first: a script inside a comment never runs, and a `<!--` inside
# a script is script text. A `>` inside a quoted attribute value does not end the tag.
_SCRIPT = re.compile(r"""<!--.*?-->|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>(.*?)</script\s*>""", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_TAG = re.compile(r"<[a-zA-Z][^\s>/]*(?:\s[^>]*)?>")
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?\s*([^"'\s>]*)""", re.I)
_SRC = re.compile(r"""(?:^|\s)src\s*=\s*["']?\s*([^"'\s>]*)""", re.I)
_HANDLER = re.compile(r"""\s(on[a-z]+)\s*=""", re.I)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=""", re.I)
_JAVASCRIPT_URL = re.compile(r"""\s(?:href|src|action|formaction|data)\s*=\s*["']?\s*javascript:""", re.I)
_FOREIGN = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)

# Script types a browser runs (the HTML standard's JavaScript MIME types, and modules); any other
# type (JSON, JSON-LD) is a data block the policy does not govern.
_JAVASCRIPT_TYPES = frozenset({"", "module", "text/javascript", "application/javascript", "application/ecmascript",
                               "application/x-javascript", "text/ecmascript", "text/jscript", "text/livescript"})

HOSTS_NONE = "'none'"
SELF = "'self'"


def source_hash(text: str) -> str:
    """The CSP source expression for an inline block, hashed as a browser does (line breaks normalised)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass
class PageInlines:
    """The inline code a page carries and what in it a strict policy would block."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def page_inlines(html: str) -> PageInlines:
    """The inline scripts and `<style>` blocks of a page, and each thing no hash could allow."""
    found = PageInlines()
    scripts: list[re.Match[str]] = []

    def take_out(match: re.Match[str]) -> str:
        if match.group(0).startswith("<!--"):
            return match.group(0)  # taken out with the other comments below
        scripts.append(match)
        return ""

    # One pass over the page both finds the scripts and takes them out of the markup checked below.
    without_scripts = _SCRIPT.sub(take_out, html)
    for match in scripts:
        attributes, body = match.group(1), match.group(2)
        type_match = _TYPE.search(attributes)
        script_type = type_match.group(1).strip().lower() if type_match else ""
        if script_type not in _JAVASCRIPT_TYPES:
            continue
        src = _SRC.search(attributes)
        if src:
            if _FOREIGN.match(src.group(1)):
                found.problems.append(f"a script from another host ({src.group(1)})")
        else:
            found.scripts.append(body)
    found.styles = [match.group(1) for match in _STYLE.finditer(html)]
    markup = _COMMENT.sub("", _STYLE.sub("", without_scripts))
    found.problems += [problem for tag in _TAG.findall(markup) for problem in _tag_problems(tag)]
    return found


@lru_cache(maxsize=1 << 16)
def _tag_problems(tag: str) -> tuple[str, ...]:
    """What in one tag no hash could allow. Most tags (the theme's header, navigation and footer) are
    the same on every page, so each distinct tag is checked once, not once per page."""
    problems = []
    if handler := _HANDLER.search(tag):
        problems.append(f"an event-handler attribute {handler.group(1)}= ({_excerpt(tag)})")
    if _STYLE_ATTRIBUTE.search(tag):
        problems.append(f"a style attribute ({_excerpt(tag)}); use a class in a stylesheet")
    if _JAVASCRIPT_URL.search(tag):
        problems.append(f"a javascript: address ({_excerpt(tag)})")
    return tuple(problems)


@dataclass
class SitePolicy:
    """The hashes every page of a site needs, gathered page by page, and the problems found."""

    script_hashes: set[str] = field(default_factory=set)
    style_hashes: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def add_page(self, name: str, html: str) -> None:
        inlines = page_inlines(html)
        self.script_hashes.update(source_hash(script) for script in inlines.scripts)
        self.style_hashes.update(source_hash(style) for style in inlines.styles)
        self.problems += [f"{name}: {problem}" for problem in inlines.problems]

    def header_value(self) -> str:
        return content_security_policy(self.script_hashes, self.style_hashes)


def content_security_policy(script_hashes: Iterable[str] = (), style_hashes: Iterable[str] = ()) -> str:
    """The policy: the site's own files, the listed inline blocks, and nothing from another host.

    `data:` images are the theme's icons inside its stylesheet; `worker-src` is the search worker;
    `frame-ancestors 'none'` keeps the site out of other sites' frames (clickjacking).
    """
    directives = [
        ("default-src", [HOSTS_NONE]),
        ("script-src", [SELF, *sorted(script_hashes)]),
        ("style-src", [SELF, *sorted(style_hashes)]),
        ("img-src", [SELF, "data:"]),
        ("font-src", [SELF]),
        ("connect-src", [SELF]),
        ("worker-src", [SELF]),
        ("manifest-src", [SELF]),
        ("base-uri", [SELF]),
        ("form-action", [SELF]),
        ("frame-ancestors", [HOSTS_NONE]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def editor_policy(script_hashes: Iterable[str], hosts: Iterable[str]) -> str:
    """The policy of the web editor's pages (Decap CMS), which cannot run under the site's.

    Decap styles itself with inline <style> (emotion) and compiles its config schema with
    `new Function` (ajv), and it talks to the git host (`hosts`: API, OAuth token, images).
    It still runs no inline script but the hashed ones and loads no script from another host.
    """
    hosts = sorted(set(hosts))
    directives = [
        ("default-src", [HOSTS_NONE]),
        ("script-src", [SELF, "'unsafe-eval'", *sorted(script_hashes)]),
        ("style-src", [SELF, "'unsafe-inline'"]),
        ("img-src", [SELF, "data:", "blob:", *hosts]),
        ("font-src", [SELF, "data:"]),
        ("connect-src", [SELF, *hosts]),
        ("worker-src", [SELF, "blob:"]),
        ("manifest-src", [SELF]),
        ("base-uri", [SELF]),
        ("form-action", [SELF, *hosts]),
        ("frame-ancestors", [HOSTS_NONE]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def nginx_include(policy: str, exceptions: Iterable[tuple[str, str]] = ()) -> str:
    """An nginx `map` from the request path to the Content-Security-Policy: `policy` for every page,
    and for each (path prefix, policy) in `exceptions` that one. Publishing copies it to
    /etc/nginx/torget/csp.conf, included at http level before the server block in
    deploy/nginx/torget.conf, which sends `$torget_content_security_policy`. It accepts this form
    only (deploy/server/torget-apply-policy): keep the two in step."""
    lines = ["# Written by the site build (the torget plugin). Do not edit: every build writes it anew.",
             "# The Content-Security-Policy of this build: the site's own files plus the SHA-256 of each",
             "# inline script the theme writes into the pages. deploy/publish checks it and gives it to nginx.",
             "map $uri $torget_content_security_policy {",
             f'    default "{_checked(policy)}";']
    lines += [f'    "~^{re.escape(prefix)}" "{_checked(other)}";' for prefix, other in exceptions]
    return "\n".join([*lines, "}", ""])


def _checked(policy: str) -> str:
    """A policy as an nginx string: no quote, backslash, line break, brace or `$` (a variable in nginx)."""
    assert not any(character in policy for character in '"\\\n{}$'), policy
    return policy
