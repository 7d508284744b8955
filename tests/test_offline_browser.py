"""The offline copy in Chromium, behind the production nginx set-up: after one visit to the front page the
directory, every organisation, the helplines and the hours open without a network; a new build replaces the
copy on the next online visit; Save-Data keeps only the pages opened; no page breaks the policy."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Project, assert_built, copy_bundled_project
from nginx_server import served

pytestmark = pytest.mark.browser

ORGANISATION = "melanomforeningen"
CHANGED_DESCRIPTION = "Melanomforeningen har en ny beskrivelse fra det andre bygget."

_RECORD_VIOLATIONS = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event =>
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`));"""

# How many addresses this origin's site store holds, and under which build's name.
_STORE = """async () => {
  const name = (await caches.keys()).find((key) => key.startsWith("torget-site-"));
  if (!name) return null;
  const cache = await caches.open(name);
  return { name, addresses: (await cache.keys()).map((request) => request.url) };
}"""


def _worker_lists(site: Path) -> tuple[str, list[str], list[str]]:
    """The build stamp and the two lists the build wrote into sw.js."""
    script = (site / "sw.js").read_text(encoding="utf-8")
    stamp = re.search(r"const STORE = `\$\{NAME\}-([0-9a-f]+)`", script)
    lists = [json.loads(re.search(rf"const {name} = (\[.*?\])\.map", script).group(1)) for name in ("REQUIRED", "BACKGROUND")]
    assert stamp, "sw.js names no build"
    return stamp.group(1), lists[0], lists[1]


class Deployment:
    """The bundled project, built and copied into the folder nginx serves, as an rsync deploy does."""

    def __init__(self, project: Project, folder: Path):
        self.project, self.folder = project, folder

    def deploy(self) -> tuple[str, list[str], list[str]]:
        assert_built(self.project.build())
        shutil.rmtree(self.folder, ignore_errors=True)
        shutil.copytree(self.project.site, self.folder)
        return _worker_lists(self.folder)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory, shared_cache: Path) -> Deployment:
    project = copy_bundled_project(tmp_path_factory.mktemp("offline"), cache=shared_cache)
    return Deployment(project, tmp_path_factory.mktemp("served") / "torget")


@pytest.fixture(scope="module")
def nginx(deployment: Deployment) -> Iterator[str]:
    deployment.deploy()
    yield from served(deployment.folder)


def _context(browser, *, save_data: bool = False):
    context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo", service_workers="allow")
    context.add_init_script(script=_RECORD_VIOLATIONS)
    if save_data:  # what a phone with data saving on tells the page
        context.add_init_script(script="Object.defineProperty(Navigator.prototype, 'connection', "
                                       "{ get: () => ({ saveData: true, effectiveType: '4g' }) });")
    return context


def _store_holds(tab, addresses: list[str], base: str, *, other_than: str | None = None) -> None:
    """Wait until this build's store holds every address (relative to the site's root); the page polls the
    store (Playwright's wait_for_function does not await an asynchronous condition)."""
    wanted = [base + ("" if address == "./" else address) for address in addresses]
    missing = tab.evaluate(f"""async ([wanted, otherThan]) => {{
        const deadline = Date.now() + 120000;
        for (;;) {{
            const store = await ({_STORE})();
            const held = new Set(store && store.name !== otherThan ? store.addresses : []);
            const missing = wanted.filter((address) => !held.has(address));
            if (!missing.length || Date.now() > deadline) return missing;
            await new Promise((resolve) => setTimeout(resolve, 250));
        }}
    }}""", [wanted, other_than])
    assert not missing, f"not stored within two minutes: {missing[:5]} ({len(missing)} in all)"


def _open(tab, url: str) -> None:
    tab.goto(url, wait_until="load")
    assert tab.evaluate("window.__cspViolations") == [], url


def _shows_stored_copy(tab) -> str:
    note = tab.locator("[data-torget-stored]")
    assert note.is_visible(), "the page does not say it is a stored copy"
    assert re.fullmatch(r"Du er uten nett og ser en kopi\. Lagret \d{1,2}\. [a-zø]+\.", note.inner_text()), note.inner_text()
    return tab.locator("article.md-content__inner").inner_text()


def test_one_visit_stores_the_pages_for_offline_use_and_a_new_build_replaces_them(browser, nginx: str,
                                                                                   deployment: Deployment):
    stamp, required, background = _worker_lists(deployment.folder)
    assert {"./", "organisasjoner/", f"organisasjoner/{ORGANISATION}/", "hjelpetelefoner/", "apningstider/",
            "tema/", "likepersoner/"} <= set(background)
    assert not any("qr/" in address for address in background)  # the pages' own codes are not for the phone
    assert "uten-nett/" in required and not any(address.startswith(("kiosk/", "arrangementer/")) for address in background)
    context = _context(browser)
    tab = context.new_page()
    try:
        _open(tab, nginx)
        _store_holds(tab, required + background, nginx)
        assert tab.evaluate(_STORE)["name"] == f"torget-site-{stamp}"
        tab.wait_for_function("() => navigator.serviceWorker.controller !== null")

        context.set_offline(True)
        _open(tab, nginx + f"organisasjoner/{ORGANISATION}/")  # never opened online
        assert tab.locator("h1").inner_text() == "Melanomforeningen"
        assert CHANGED_DESCRIPTION not in _shows_stored_copy(tab)
        _open(tab, nginx + "organisasjoner/")
        assert "Melanomforeningen" in _shows_stored_copy(tab)
        _open(tab, nginx + "hjelpetelefoner/")
        assert "113" in _shows_stored_copy(tab)
        _open(tab, nginx + "apningstider/")
        assert "onsdag" in _shows_stored_copy(tab).lower()
        # The search was never opened online, so the copy lacks its index: the search says it needs a network
        # and links the directory, whose own filter works offline.
        tab.locator(".md-search__input").click()
        help_line = tab.locator("[data-torget-search-offline]")
        help_line.wait_for()
        assert help_line.inner_text() == "Søket virker ikke uten nett. Se alle organisasjonene fra A til Å"
        assert help_line.locator("a").get_attribute("href") == nginx + "organisasjoner/"
        tab.keyboard.press("Escape")
        # A page the copy does not hold: the offline page says so and links what it holds.
        _open(tab, nginx + "bli-frivillig/")
        assert tab.locator("h1").inner_text() == "Uten nett"
        assert tab.get_by_role("link", name="Hjelpetelefoner").count() >= 1

        # A new build with one changed description: one online visit replaces the whole copy.
        context.set_offline(False)
        organisation = deployment.project.organisations / f"{ORGANISATION}.yaml"
        text = organisation.read_text(encoding="utf-8")
        changed = re.sub(r"(?m)^description:.*(?:\n[ ]+.*)*", f"description: {CHANGED_DESCRIPTION}", text, count=1)
        assert changed != text
        organisation.write_text(changed, encoding="utf-8")
        new_stamp, new_required, new_background = deployment.deploy()
        assert new_stamp != stamp
        _open(tab, nginx)
        _store_holds(tab, new_required + new_background, nginx, other_than=f"torget-site-{stamp}")
        assert tab.evaluate("caches.keys()") == [f"torget-site-{new_stamp}"], "an older build's copy survived"

        context.set_offline(True)
        _open(tab, nginx + f"organisasjoner/{ORGANISATION}/")
        assert CHANGED_DESCRIPTION in _shows_stored_copy(tab)
    finally:
        context.close()


def test_with_save_data_only_the_pages_opened_are_stored(browser, nginx: str, deployment: Deployment):
    _stamp, required, _background = _worker_lists(deployment.folder)
    context = _context(browser, save_data=True)
    tab = context.new_page()
    try:
        _open(tab, nginx)
        tab.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        _open(tab, nginx + "organisasjoner/")  # opened with the worker in charge: kept
        _store_holds(tab, [*required, "organisasjoner/"], nginx)
        held = tab.evaluate(_STORE)["addresses"]
        assert not [address for address in held if "/organisasjoner/" in address and not address.endswith("/organisasjoner/")]

        context.set_offline(True)
        _open(tab, nginx + "organisasjoner/")
        _shows_stored_copy(tab)
        _open(tab, nginx + f"organisasjoner/{ORGANISATION}/")
        assert tab.locator("h1").inner_text() == "Uten nett"
    finally:
        context.close()


def test_the_preview_server_registers_no_worker(browser, bundled_project: Project):
    """`mkdocs serve` writes no sw.js and its pages name none, so an editor's preview is never a stored copy."""
    from test_serve import _fetch, serving

    context = _context(browser)
    with serving(bundled_project.root) as server:
        url = server.base
        try:
            assert _fetch(url + "sw.js") is None
            tab = context.new_page()
            _open(tab, url)
            assert tab.evaluate("document.documentElement.getAttribute('data-torget-worker')") is None
            assert tab.locator('link[rel="manifest"]').count() == 1
            assert tab.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
        finally:
            context.close()
