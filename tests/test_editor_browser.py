"""`make edit` end to end: an editor creates and changes files through the web form, and the build shows it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import LOCALHOST_SITES, Project, assert_built, copy_bundled_project, missing_tool, run_port
from editor_tools import EDITOR, editor_tools

pytestmark = pytest.mark.browser

DRAFT_EVENT = """\
---
description: Et treff som ennå ikke er bekreftet.
draft: true
event:
  title: Testtreff
  start: 2026-12-08 12:00
  end: "14:00"
  location: Foajeen
  host: Lærings- og mestringssenteret
---

# Testtreff

Tekst.
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"editor/edit.sh stopped: {process.stdout.read() if process.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture
def editing(tmp_path: Path, shared_cache: Path) -> Iterator[tuple[Project, str]]:
    """`editor/edit.sh` (what `make edit` runs) on a copy of the bundled project; stopped at the end."""
    if shutil.which("node") is None:
        missing_tool("Node.js")
    editor_tools()
    # The session's drawn codes and posters: the editor's test is not about drawing.
    project = copy_bundled_project(tmp_path / "project", cache=shared_cache)
    project.write("docs/arrangementer/testtreff.md", DRAFT_EVENT)
    # The site on a port the run keeps for `mkdocs serve` (edit.sh runs it), whose codes may be drawn already.
    with run_port(LOCALHOST_SITES) as site_port:
        api_port = _free_port()
        env = {**os.environ, "TORGET_PYTHON": sys.executable, "NO_MKDOCS_2_WARNING": "1"}
        process = subprocess.Popen([str(EDITOR / "edit.sh"), str(project.root), str(site_port), str(api_port)],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   start_new_session=True)
        try:
            _wait_for(f"http://127.0.0.1:{site_port}/admin/config.yml", process)
            yield project, f"http://127.0.0.1:{site_port}/admin/"
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        # Stopping it stops both servers.
        for port in (site_port, api_port):
            with socket.socket() as sock:
                assert sock.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still answers after edit.sh stopped"


NAVIGATION = 120_000
"""How long a page may take to load: the preview server answers once it has rebuilt the site after a save, which
takes as long as a build of every language on a busy machine. A safety net, not a wait: the test goes on at load."""


def _open(page, url: str) -> None:
    """Open an entry afresh: Decap keeps the last entry's form when only the address's fragment changes."""
    page.goto("about:blank")
    page.goto(url, timeout=NAVIGATION)


def _publish(page, path: Path) -> str:
    """Publish the open entry and wait until the local server has written `path`; its new text."""
    before = path.read_text(encoding="utf-8") if path.exists() else None
    page.get_by_role("button", name="Publiser").first.click()
    page.get_by_text("Publiser nå").click()
    deadline = time.monotonic() + 120  # a wait for the file, not a time the save must beat; long for a busy machine
    while time.monotonic() < deadline:
        if path.exists() and (text := path.read_text(encoding="utf-8")) != before:
            return text
        page.wait_for_timeout(200)
    page.screenshot(path=str(path.parent / "publish-failed.png"))
    raise AssertionError(f"the editor did not save {path}")


def test_an_editor_creates_edits_and_confirms_through_the_form(editing, browser):
    from playwright.sync_api import expect

    project, admin = editing
    requests: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(admin, timeout=NAVIGATION)
        page.get_by_role("button", name="Logg inn").click()
        page.get_by_text("Organisasjoner").first.wait_for()

        # A new organisation.
        page.goto(admin + "#/collections/organisations/new", timeout=NAVIGATION)
        page.locator("[id^=name-field]").first.fill("Foreningen for testing")
        page.locator("[id^=description-field]").first.fill("For alle som vil prøve noe nytt.")
        page.locator("[id^=categories-field]").click()
        page.keyboard.type("Kreft")
        page.keyboard.press("Enter")
        page.locator("[id^=phone-field]").first.fill("75 57 00 14")
        _publish(page, project.organisations / "foreningen-for-testing.yaml")

        # Another organisation's description and review date.
        _open(page, admin + "#/collections/organisations/entries/ivareta")
        expect(page.locator("[id^=name-field]").first).to_have_value("Ivareta – pårørende berørt av rus", timeout=120_000)
        page.locator("[id^=description-field]").first.fill("Ivareta er for pårørende og etterlatte som er berørt av en annens rusbruk.")
        page.locator("[id^=reviewed-field]").fill("2026-11-29")
        _publish(page, project.organisations / "ivareta.yaml")

        # A draft event confirmed.
        _open(page, admin + "#/collections/events-arrangementer/entries/testtreff")
        expect(page.locator("[id^=title-field]").first).to_have_value("Testtreff", timeout=120_000)
        page.locator("[id^=draft-field]").click()
        _publish(page, project.docs / "arrangementer" / "testtreff.md")
    finally:
        context.close()

    assert not [url for url in requests if not url.startswith("http://127.0.0.1")], "the editor loaded another host"
    created = yaml.safe_load((project.organisations / "foreningen-for-testing.yaml").read_text(encoding="utf-8"))
    assert created == {"name": "Foreningen for testing", "description": "For alle som vil prøve noe nytt.",
                       "categories": ["Kreft"], "phone": "75 57 00 14", "at_torget": False}
    ivareta = yaml.safe_load((project.organisations / "ivareta.yaml").read_text(encoding="utf-8"))
    assert ivareta["description"].startswith("Ivareta er for pårørende og etterlatte")
    assert str(ivareta["reviewed"]) == "2026-11-29"
    event = (project.docs / "arrangementer" / "testtreff.md").read_text(encoding="utf-8")
    assert "draft: false" in event and "Testtreff" in event

    check = subprocess.run([sys.executable, "-m", "site_plugins.cli", "check"], cwd=project.root,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    built = project.build()
    assert_built(built)
    assert "Foreningen for testing" in project.page("organisasjoner/foreningen-for-testing/")
    assert "Ivareta er for pårørende og etterlatte" in project.page("organisasjoner/ivareta/")
    assert "Testtreff" in project.page("arrangementer/testtreff/")
