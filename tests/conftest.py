"""Shared fixtures: projects and real site builds in temporary folders, and headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# Flags a closed network needs: no background fetches from Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@dataclass
class Project:
    """A site project in a temporary folder, laid out like the repository."""

    root: Path

    @property
    def organisations(self) -> Path:
        return self.root / "organisations"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def build(self, *args: str, tool: str = "mkdocs") -> subprocess.CompletedProcess[str]:
        """Run `<tool> build` as an editor would; returns the finished process."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        return subprocess.run([sys.executable, "-m", tool, "build", *args], cwd=self.root,
                              capture_output=True, text=True, env=env, timeout=600)

    def page(self, url: str) -> str:
        """The built HTML of the page at a site-relative URL such as `organisasjoner/x/`."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


# The two warnings the bundled project gives on purpose until LMS confirms it: a placeholder site_url
# (proof prints) and a school calendar marked `verified: false`. Any other warning fails a test build.
PUBLICATION_WARNINGS = ("is a placeholder (", "verified: the school holidays are not confirmed")
# A host that is not reserved for examples, for tests of what a real address changes; not the site's address.
REAL_SITE_URL = "https://torget.nlsh.no/"


def unexpected_warnings(result: subprocess.CompletedProcess[str], allowed: tuple[str, ...] = PUBLICATION_WARNINGS) -> list[str]:
    """The WARNING lines of a build other than the `allowed` ones."""
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    return [line for line in warnings if not any(text in line for text in allowed)]


def assert_built(result: subprocess.CompletedProcess[str], allowed: tuple[str, ...] = PUBLICATION_WARNINGS) -> None:
    """The build succeeded with no warning but the `allowed` ones: `--strict`, less the publication warnings."""
    assert result.returncode == 0, result.stderr
    unexpected = unexpected_warnings(result, allowed)
    assert not unexpected, "\n".join(unexpected)


def make_publishable(project: Project, site_url: str = REAL_SITE_URL) -> None:
    """Give the project a real `site_url` and a confirmed school calendar, as LMS does before publishing."""
    config = project.root / "mkdocs.yml"
    text, count = re.subn(r"(?m)^site_url:.*$", f"site_url: {site_url}", config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")
    calendar = project.organisations / "_school_holidays.yaml"
    text, count = re.subn(r"(?m)^verified: false$", "verified: true", calendar.read_text(encoding="utf-8"))
    assert count == 1
    calendar.write_text(text, encoding="utf-8")


def copy_bundled_project(target: Path) -> Project:
    """A copy of the repository's own site sources (mkdocs.yml, docs/, organisations/)."""
    for name in ("docs", "organisations"):
        shutil.copytree(REPO / name, target / name)
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, target / name)
    return Project(target)


@pytest.fixture
def bundled_project(tmp_path: Path) -> Project:
    return copy_bundled_project(tmp_path)


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The bundled site as it is, built once for every test that only reads it."""
    project = copy_bundled_project(tmp_path_factory.mktemp("bundled"))
    assert_built(project.build())
    return project


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """`folder` served over http on localhost; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_server(bundled_site: Project) -> Iterator[str]:
    """The bundled site served on localhost; yields its base URL."""
    with serve_folder(bundled_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through Playwright. Skips on a laptop without it, never in CI."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it")
        pytest.skip("Chromium is not installed (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh browser page with Norwegian locale and Oslo time; fails the test on a script error."""
    context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f"script errors on the page: {errors}"
