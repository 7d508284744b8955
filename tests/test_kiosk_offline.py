"""The kiosk after its first use: with the server gone, it still starts and shows every card and code."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from conftest import Project, _QuietHandler
from kiosk_pages import SCREENS, decode_svg_element, touch_context

pytestmark = pytest.mark.browser


def test_the_kiosk_works_offline_after_its_first_use(browser, bundled_site: Project):
    # A server of its own, closed halfway: connections are then refused, as on a kiosk whose network is down.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(bundled_site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = touch_context(browser, SCREENS["landscape"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/kiosk/")
        page.wait_for_load_state("networkidle")
        # The service worker takes over once it has stored the page, its files and every card.
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    finally:
        server.shutdown()
        server.server_close()
    page.reload()
    page.wait_for_load_state("load")
    # The status is written once hours.json has come from the kiosk's copy: wait for it, not for the load.
    page.wait_for_function("() => document.querySelector('[data-torget-status]').textContent.trim() !== ''")
    assert page.locator("[data-torget-status]").first.inner_text().startswith(("Åpent", "Stengt"))
    page.locator("[data-view=home] [data-action=themes]").tap()
    page.locator("[data-theme=kreft]").tap()
    page.locator("[data-view=theme] [data-slug=melanomforeningen]").tap()
    assert page.locator("[data-page-qr] svg").count() == 1
    page.locator("[data-card] .contact").first.tap()
    dialog = page.locator("[data-qr-dialog]")
    assert decode_svg_element(dialog.locator("svg")) == [dialog.get_attribute("data-target")]
    context.close()
    assert not errors, errors
