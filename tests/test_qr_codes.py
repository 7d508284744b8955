"""QR codes as drawn: they scan back to the address, at level Q, with a white four-module quiet zone,
at the printed size they claim; and only an absolute site_url can anchor them."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from qr_images import decode_image, rasterise_svg

from site_plugins.web.qr import (
    QUIET_ZONE,
    encode,
    page_qr,
    png,
    short_address,
    site_url_problem,
    svg,
)
from site_plugins.web.urls import SiteUrls

ADDRESSES = [
    "https://torget.example.no/",
    "https://torget.example.no/organisasjoner/landsforeningen-for-parorende-innen-psykisk-helse/",
    "http://localhost:8000/arrangementer/parorendekafe/",
    "https://www.nlsh.no/torget/organisasjoner/a-larm/",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_png_and_svg_scan_back_to_the_address(address: str):
    modules = encode(address)
    from_png = decode_image(Image.open(io.BytesIO(png(modules, 40))))
    from_svg = decode_image(rasterise_svg(svg(modules, 40, "QR-kode")))
    assert [code.text for code in from_png] == [address]
    assert [code.text for code in from_svg] == [address]
    assert from_png[0].ec_level == "Q"


@pytest.mark.parametrize("address", ADDRESSES)
def test_quiet_zone_is_four_light_modules(address: str):
    modules = encode(address)
    size = len(modules)
    border = [modules[y][x] for y in range(size) for x in range(size)
              if min(x, y) < QUIET_ZONE or max(x, y) >= size - QUIET_ZONE]
    assert not any(border)
    # The finder pattern starts right inside the quiet zone.
    assert modules[QUIET_ZONE][QUIET_ZONE] and modules[size - QUIET_ZONE - 1][QUIET_ZONE]


def test_png_is_black_on_white_at_300_dpi_and_its_printed_width():
    image = Image.open(io.BytesIO(png(encode(ADDRESSES[0]), 200)))
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    # 20 cm at 300 dpi: 7.874 inches.
    assert image.size == (2362, 2362)
    assert {value for _, value in image.convert("L").getcolors()} == {0, 255}


def test_svg_is_vector_with_its_printed_width_in_millimetres():
    root = ET.fromstring(svg(encode(ADDRESSES[0]), 400, "QR-kode til forsiden"))
    assert root.get("width") == "400mm" and root.get("height") == "400mm"
    assert root.find("{http://www.w3.org/2000/svg}image") is None
    assert root.findtext("{http://www.w3.org/2000/svg}title") == "QR-kode til forsiden"


def test_svg_without_its_white_background_does_not_scan():
    """The check that makes the SVG test meaningful: the rasteriser's canvas is black."""
    data = svg(encode(ADDRESSES[0]), 40, "x").replace(b'fill="#fff"', b'fill="#000"')
    assert decode_image(rasterise_svg(data)) == []


def test_page_code_paths_and_target():
    code = page_qr("organisasjoner/melanomforeningen.md", SiteUrls("https://torget.example.no/"))
    assert code.page == "organisasjoner/melanomforeningen/"
    assert code.target == "https://torget.example.no/organisasjoner/melanomforeningen/"
    assert (code.svg, code.png) == ("qr/organisasjoner/melanomforeningen.svg", "qr/organisasjoner/melanomforeningen.png")
    assert page_qr("arrangementer/kafe.md", SiteUrls("https://www.nlsh.no/torget/")).target == "https://www.nlsh.no/torget/arrangementer/kafe/"
    assert page_qr("index.md", SiteUrls("https://torget.example.no/")).svg == "qr/forside.svg"


@pytest.mark.parametrize("site_url", ["", None, "/torget/", "torget.example.no", "ftp://torget.example.no/", "https:///torget/"])
def test_relative_or_missing_site_url_is_refused(site_url):
    problem = site_url_problem(site_url)
    assert problem is not None and "site_url" in problem and "https://" in problem


def test_absolute_site_url_is_accepted():
    assert site_url_problem("https://torget.example.no/") is None
    assert site_url_problem("http://127.0.0.1:8000/torget/") is None


def test_short_address_drops_only_the_scheme_and_final_slash():
    assert short_address("https://torget.example.no/") == "torget.example.no"
    assert short_address("https://www.nlsh.no/torget/") == "www.nlsh.no/torget"
