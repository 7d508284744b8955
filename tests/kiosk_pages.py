"""Helpers for the kiosk's browser tests: a touch screen in both orientations, and reading its QR codes."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import BROWSED_AT, assert_built, built_once, copy_bundled_project, run_folder, serve_folder
from PIL import Image
from qr_images import decode_image, rasterise_svg

from site_plugins.directory.contact import tel_uri

OSLO = ZoneInfo("Europe/Oslo")
SITE_URL = "https://torget.example.no/"  # the bundled mkdocs.yml's site_url
# A weekday morning in Oslo, with the desk closed: what a visitor before opening time meets.
MONDAY_MORNING = dt.datetime(2026, 11, 23, 9, 30, tzinfo=OSLO)
SCREENS = {
    "landscape": {"width": 1920, "height": 1080},
    "portrait": {"width": 1080, "height": 1920},
}


@dataclass
class Kiosk:
    """One kiosk tab on a touch screen, with what it printed to the console, the script errors it raised and
    what it asked of the network. Everything is kept until the test ends, when the fixture checks it."""

    page: object
    base: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    expected_console_errors: set[str] = field(default_factory=set)

    def expect_console_error(self, text: str) -> None:
        """A console error the test provokes on purpose (Chromium logs a refused request itself). Only this
        exact text is let through; a script error (an exception) never is."""
        self.expected_console_errors.add(text)

    def unexpected_errors(self) -> list[str]:
        return self.page_errors + [text for text in self.console_errors if text not in self.expected_console_errors]

    @property
    def url(self) -> str:
        return self.base + "kiosk/"

    def open(self, query: str = "") -> None:
        self.page.goto(self.url + query)
        self.page.wait_for_load_state("networkidle")

    @property
    def screen(self) -> str:
        return self.page.locator("body").get_attribute("data-screen")

    def tap(self, selector: str) -> None:
        self.page.locator(selector).first.tap()

    def list_count(self) -> int:
        return int(self.page.locator("[data-list-count]").inner_text())


def touch_context(browser, viewport: dict[str, int], **options):
    return browser.new_context(viewport=viewport, has_touch=True, is_mobile=False, locale="nb-NO",
                               timezone_id="Europe/Oslo", **options)


# Events at the desk for the kiosk's event screens. The bundled events are drafts (their time, place and
# host are not agreed), so a published site has none; these stand in for agreed ones.
DESK_EVENTS = {
    "arrangementer/temamote.md": """---
event:
  title: Temamøte for pårørende
  start: 2026-11-24 12:00
  end: "14:00"
  location: Foajeen
  organiser: mental-helse
  recurrence: {frequency: weekly, until: 2027-01-26}
---
# Temamøte for pårørende
""",
    "arrangementer/informasjonsmote.md": """---
event:
  title: Informasjonsmøte
  start: 2026-12-02 18:00
  end: "19:00"
  location: Auditoriet
  host: Lærings- og mestringssenteret
---
# Informasjonsmøte
""",
}


@pytest.fixture(scope="session")
def events_site_server(tmp_path_factory: pytest.TempPathFactory, shared_cache) -> Iterator[str]:
    """The bundled site with DESK_EVENTS added, built once for the run (the test processes share it) and
    served on localhost; yields its base URL."""
    def build(root: Path) -> None:
        project = copy_bundled_project(root, cache=shared_cache)
        for path, text in DESK_EVENTS.items():
            project.write(f"docs/{path}", text)
        assert_built(project.build())

    root = built_once(run_folder(tmp_path_factory) / "kiosk-events", build)
    with serve_folder(root / "site") as url:
        yield url


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def kiosk(request, browser, site_server) -> Iterator[Kiosk]:
    """The kiosk of the bundled site on a touch screen, landscape and portrait, its clock started at
    BROWSED_AT (a test may install another); fails on any console error or script error."""
    yield from _kiosk(browser, SCREENS[request.param], site_server)


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def kiosk_with_events(request, browser, events_site_server) -> Iterator[Kiosk]:
    """As `kiosk`, on the bundled site with DESK_EVENTS at the desk."""
    yield from _kiosk(browser, SCREENS[request.param], events_site_server)


def _kiosk(browser, viewport: dict[str, int], base: str) -> Iterator[Kiosk]:
    # Without the kiosk's service worker: Playwright's routing cannot see what a worker fetches, and the
    # tests that stand in for the server need it to. tests/test_kiosk_offline.py tests the worker.
    context = touch_context(browser, viewport, service_workers="block")
    page = context.new_page()
    page.clock.install(time=BROWSED_AT)
    tab = Kiosk(page, base)
    page.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    page.on("pageerror", lambda error: tab.page_errors.append(str(error)))
    page.on("request", lambda req: tab.requests.append(req.url))
    yield tab
    context.close()
    assert not tab.unexpected_errors(), f"console and script errors: {tab.unexpected_errors()}"


def decode_element(locator) -> list[str]:
    """The texts of the QR codes in a screenshot of an element, as a phone camera would read them."""
    image = Image.open(io.BytesIO(locator.screenshot()))
    return [code.text for code in decode_image(image)]


def decode_svg_element(locator) -> list[str]:
    """The texts of the QR code an inline <svg> draws, rasterised from its markup."""
    markup = locator.evaluate("svg => new XMLSerializer().serializeToString(svg)")
    return [code.text for code in decode_image(rasterise_svg(markup.encode("utf-8")))]


SMALL_TARGETS = """() => {
  const selector = "button, a[href], input, select, textarea, [role=button], [tabindex]:not([tabindex='-1'])";
  return [...document.querySelectorAll(selector)].filter(node => {
    const box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && node.checkVisibility();
  }).filter(node => {
    const box = node.getBoundingClientRect();
    return box.width < 48 || box.height < 48;
  }).map(node => {
    const box = node.getBoundingClientRect();
    return `${node.tagName} "${node.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
  });
}"""


def expected_targets(org) -> set[str]:
    """The addresses a visitor should carry away from an organisation's contact buttons, read off the model."""
    targets = {org.website, org.membership_url, org.email and f"mailto:{org.email}", org.phone and tel_uri(org.phone)}
    targets |= {tel_uri(line.phone) for line in org.helplines}
    if peer := org.peer_support:
        targets |= {peer.url, peer.email and f"mailto:{peer.email}", peer.phone and tel_uri(peer.phone)}
    for chapter in org.local_chapters:
        targets |= {chapter.website, chapter.email and f"mailto:{chapter.email}", chapter.phone and tel_uri(chapter.phone)}
    return {target for target in targets if target}


def contact_layout(org) -> tuple:
    """Which contact buttons an organisation's card has and where: two cards of one layout differ only in text."""
    def present(*values: object) -> tuple[bool, ...]:
        return tuple(bool(value) for value in values)

    peer = org.peer_support
    return (present(org.website, org.membership_url, org.email, org.phone), len(org.helplines),
            peer is not None and present(peer.url, peer.email, peer.phone),
            tuple(present(chapter.website, chapter.email, chapter.phone) for chapter in org.local_chapters))


def one_per_contact_layout(directory) -> list:
    """The first organisation (A–Å) of every contact layout the directory holds."""
    chosen: dict[tuple, object] = {}
    for org in directory.organisations:
        chosen.setdefault(contact_layout(org), org)
    return list(chosen.values())
