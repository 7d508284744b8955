"""The offline copy's service worker, one mechanism for the public site and the kiosk: what it stores,
named by a hash of the stored files' content, so a new build is a new worker that replaces the copy.

The public site's lists come from the built pages: the pages `pages.stored_offline` chooses, and every
file they load (stylesheets, scripts, icons, the manifest, images such as the QR codes), read from their
markup, plus the data the site's scripts fetch.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from ..web.render import environment, script_json
from .pages import ICON, MANIFEST, SITE_WORKER, STORED_NOTE, StoredNote

OFFLINE_FOLDER = Path(__file__).resolve().parent
WORKER_TEMPLATE = "worker.js"

_TAG = re.compile(r"<(link|script|img)\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r"""\b(rel|href|src)\s*=\s*"([^"]*)\"""", re.I)
_LOADED_LINKS = frozenset({"stylesheet", "icon", "manifest", "apple-touch-icon"})
_FOREIGN = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)


@dataclass(frozen=True)
class WorkerPlan:
    """What one worker stores and how it treats what it was not told about."""

    name: str
    """Names its stores (`<name>-<build>`); a worker deletes only its own older stores."""
    required: Sequence[str]
    """Addresses, relative to the worker, stored before the worker takes over."""
    background: Sequence[str] = ()
    """Addresses stored after that, when a page asks (and the visitor's data allows it)."""
    visited: bool = False
    """Keep every page and file the visitor opens as well."""
    elsewhere: Sequence[str] = ()
    """Folders (relative to the worker) it leaves alone: another worker's, the web editor's."""
    offline_page: str | None = None
    """The page shown offline for an address that is not stored."""
    note: StoredNote | None = None


@cache
def _environment() -> Environment:
    return environment().overlay(loader=FileSystemLoader(OFFLINE_FOLDER))


def worker_script(plan: WorkerPlan, build: str) -> str:
    """The worker's script for one build (`build`: the stamp that names its store)."""
    note = plan.note or StoredNote("", "")
    return _environment().get_template(WORKER_TEMPLATE).render(
        name=script_json(plan.name), build=build, required=script_json(list(plan.required)),
        background=script_json(list(plan.background)), visited=script_json(plan.visited),
        elsewhere=script_json(list(plan.elsewhere)), offline_page=script_json(plan.offline_page),
        note=script_json({"hidden": note.hidden, "shown": note.shown}))


def build_stamp(contents: Iterable[bytes]) -> str:
    """A short hash of everything a worker stores: it changes whenever one stored file does."""
    digest = hashlib.sha256((OFFLINE_FOLDER / WORKER_TEMPLATE).read_bytes())
    for content in contents:
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:16]


def page_file(url: str) -> str:
    """The built file of a page URL: `organisasjoner/x/` -> `organisasjoner/x/index.html`."""
    return f"{url}index.html" if url.endswith("/") or not url else url


def page_key(url: str) -> str:
    """The address a worker at the site's root stores a page under: the front page is `./`."""
    return url or "./"


def loaded_files(page_url: str, html: str) -> list[str]:
    """The site's own files a page loads (stylesheets, scripts, icons, manifest, images), as site paths."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    found = []
    for tag, attributes in _TAG.findall(html):
        values = {name.lower(): value for name, value in _ATTRIBUTE.findall(attributes)}
        if tag.lower() == "link":
            if not _LOADED_LINKS & set(values.get("rel", "").lower().split()):
                continue
            address = values.get("href")
        else:
            address = values.get("src")
        if not address or _FOREIGN.match(address):
            continue
        path = posixpath.normpath(posixpath.join(folder, address.split("#", 1)[0]))
        if not path.startswith("../") and path not in found:
            found.append(path)
    return found


@dataclass(frozen=True)
class BuiltPage:
    url: str
    """The page's site-relative URL, as MkDocs gives it (`""`, `organisasjoner/x/`, `x.html`)."""
    src_path: str


def site_worker(stored: Sequence[BuiltPage], offline_page: BuiltPage, read: Callable[[str], bytes | None],
                *, data: Sequence[str] = (), elsewhere: Sequence[str] = (),
                left_out: Callable[[str], bool] = lambda path: False) -> tuple[str, WorkerPlan, int]:
    """The public site's worker: (its script, its plan, the bytes it stores in all).

    `stored` are the pages stored on the first visit; `read(path)` gives a built file's bytes, or None when
    the site has no such file; `data` are files the site's scripts fetch (stored when the site has them);
    `left_out(path)` says which of the files the pages load are not stored with them.
    """
    contents: dict[str, bytes] = {}

    def take(path: str) -> bool:
        if path not in contents and (content := read(path)) is not None:
            contents[path] = content
        return path in contents

    def with_files(pages: Sequence[BuiltPage]) -> list[str]:
        addresses: list[str] = []
        for page in pages:
            if not take(page_file(page.url)):
                continue
            addresses.append(page_key(page.url))
            html = contents[page_file(page.url)].decode("utf-8", errors="replace")
            addresses += [path for path in loaded_files(page.url, html) if not left_out(path) and take(path)]
        return list(dict.fromkeys(addresses))

    required = with_files([offline_page]) + [path for path in (MANIFEST, ICON, *data) if take(path)]
    required = list(dict.fromkeys(required))
    background = [address for address in with_files(stored) if address not in required]
    plan = WorkerPlan(name="torget-site", required=required, background=background, visited=True,
                      elsewhere=elsewhere, offline_page=page_key(offline_page.url), note=STORED_NOTE)
    stamp = build_stamp(part for path in sorted(contents) for part in (path.encode("utf-8"), contents[path]))
    return worker_script(plan, stamp), plan, sum(len(content) for content in contents.values())


__all__ = ["SITE_WORKER", "BuiltPage", "WorkerPlan", "build_stamp", "loaded_files", "site_worker", "worker_script"]
