"""The foyer's prints as a print shop and a visitor meet them: the roll-up's trim and bleed boxes, embedded
fonts, nothing but background in the safe and cassette zones, a code that a phone reads from 1, 3 and 5 m at the
height a phone is held; a card per organisation whose code scans at a table's distance; every printed code a
short address that forwards to its page behind nginx; and the options and preflight that guard all of it."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pypdfium2
import pytest
from conftest import REAL_SITE_URL, Project, listed_organisation_files
from nginx_server import served
from PIL import Image, ImageFilter
from pypdf import PdfReader
from qr_images import POINTS_PER_MM, code_width_mm, decode_image, read_pdf
from test_cli import torget
from test_qr_build import SITE_URL, small_project

from site_plugins.printing.codes import printed_codes
from site_plugins.printing.colours import PrintColours, contrast, palette_colours
from site_plugins.printing.options import PrintOptions, print_option_problems
from site_plugins.printing.rollup import (
    Geometry,
    Layout,
    Placed,
    Rollup,
    laid_out,
    preflight,
    rollup_pdf,
)
from site_plugins.site import load_site
from site_plugins.web.qr import encode
from site_plugins.web.urls import SiteUrls

HOURS = ("Torget er bemannet onsdager kl. 11:00–14:00.", "Det er stengt i skoleferiene og på helligdager.")
DEFAULT = Geometry()
OFFSET_MM = 20  # 5 mm bleed and 15 mm for the crop marks
PHONE_FRAME = (1080, 1920)
"""A scanning app's preview frame from a phone held upright, in pixels."""
PHONE_FIELD_DEG = 70
"""A phone's main camera sees about 70° across the frame's long side."""


def rollup(site_url: str = REAL_SITE_URL, *, proof: bool = False, colours: PrintColours | None = None) -> Rollup:
    return Rollup("Pasient- og pårørendetorget",
                  ("Finn pasient- og brukerorganisasjoner for pasienter og pårørende – også når ingen er på vakt.",
                   "Skann koden med kameraet på mobilen."),
                  f"{site_url}r/rollup/", f"{site_url.removeprefix('https://').rstrip('/')}/r/rollup", HOURS,
                  footer="Lærings- og mestringssenteret, Nordlandssykehuset", proof=proof,
                  colours=colours or PrintColours())


@pytest.fixture(scope="module")
def rollup_file() -> bytes:
    content = rollup()
    return rollup_pdf(content, DEFAULT, encode(content.target))


def _mm(points: float) -> float:
    return float(points) / POINTS_PER_MM


def test_the_rollup_has_trim_and_bleed_boxes_and_embeds_every_font(rollup_file: bytes):
    page = PdfReader(io.BytesIO(rollup_file)).pages[0]
    trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
    assert (_mm(trim.width), _mm(trim.height)) == (pytest.approx(850, abs=0.1), pytest.approx(2000, abs=0.1))
    assert (_mm(bleed.width), _mm(bleed.height)) == (pytest.approx(860, abs=0.1), pytest.approx(2010, abs=0.1))
    assert _mm(trim.left) - _mm(bleed.left) == pytest.approx(5, abs=0.1)
    assert _mm(bleed.left) - _mm(media.left) == pytest.approx(15, abs=0.1)  # room for the crop marks
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for name in fonts:
        font = fonts[name].get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
            else font["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), f"{font['/BaseFont']} is not embedded"


def _render(data: bytes, pixels_per_mm: float) -> Image.Image:
    document = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        return document[0].render(scale=pixels_per_mm / POINTS_PER_MM).to_pil().convert("RGB")
    finally:
        document.close()


def _only_background(image: Image.Image, box: tuple[float, float, float, float]) -> list[int]:
    """Rows of `box` (pixels) that are not one flat colour: the bands are horizontal, so text or a code breaks a row."""
    region = image.crop(tuple(round(value) for value in box))
    pixels = region.load()
    return [y for y in range(region.height)
            if len({pixels[x, y] for x in range(region.width)}) > 1]


@pytest.mark.parametrize("proof", [False, True])
def test_nothing_but_background_in_the_safe_margin_and_the_cassette_zone(proof: bool):
    content = rollup(proof=proof)
    scale = 2.0
    image = _render(rollup_pdf(content, DEFAULT, encode(content.target)), scale)

    def box(left: float, top: float, right: float, bottom: float) -> tuple[float, float, float, float]:
        return tuple((OFFSET_MM + value) * scale for value in (left, top, right, bottom))

    zones = {
        "top margin": box(0, 0, 850, 30),
        "cassette zone": box(0, 1900, 850, 2000),
        "bleed": box(-5, -5, 855, 0),
    }
    for name, zone in zones.items():
        assert not _only_background(image, zone), f"something is printed in the {name}"
    for y in range(round((OFFSET_MM + 30) * scale), round((OFFSET_MM + 1900) * scale)):
        left = {image.getpixel((x, y)) for x in range(round(OFFSET_MM * scale), round((OFFSET_MM + 30) * scale))}
        right = {image.getpixel((x, y)) for x in range(round((OFFSET_MM + 820) * scale), round((OFFSET_MM + 850) * scale))}
        assert len(left) == 1 and left == right, f"something is printed in the side margins {y / scale - OFFSET_MM:.0f} mm down"
    # The band's colour reaches past the trim into the bleed, the print shop's margin for cutting.
    assert image.getpixel((round((OFFSET_MM - 3) * scale), round((OFFSET_MM + 10) * scale))) == PrintColours().band


def test_the_code_is_large_short_and_at_the_height_a_phone_is_held(rollup_file: bytes):
    scale = 1.0
    page = read_pdf(rollup_file, pixels_per_mm=scale)
    assert "torget.nlsh.no/r/rollup" in page.text
    [code] = decode_image(page.image)
    assert code.text == "https://torget.nlsh.no/r/rollup/"
    assert code_width_mm(code, scale) == pytest.approx(400, abs=8)
    assert code_width_mm(code, scale) >= 250
    above_floor = (OFFSET_MM + 2000) - _code_centre(rollup_file, scale)
    assert 1000 <= above_floor <= 1700
    # The opening hours are under the code.
    assert page.text.index("torget.nlsh.no/r/rollup") < page.text.index("onsdager")


def _code_centre(data: bytes, scale: float) -> float:
    """The code's centre, in mm from the top of the PDF's page, as zxing-cpp finds it."""
    import zxingcpp

    [found] = zxingcpp.read_barcodes(_render(data, scale).convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    corners = (found.position.top_left, found.position.top_right, found.position.bottom_left,
               found.position.bottom_right)
    return sum(corner.y for corner in corners) / 4 / scale


def phone_view(data: bytes, distance_mm: float, aim_mm: tuple[float, float] | None = None) -> Image.Image:
    """What a phone's scanning app gets `distance_mm` from the print: the page at the camera's resolution at that
    distance, in an upright preview frame aimed at `aim_mm` (the page's centre by default), on a grey wall,
    softened by the lens and a steady hand and saved as a JPEG."""
    field_mm = 2 * distance_mm * math.tan(math.radians(PHONE_FIELD_DEG / 2))
    scale = PHONE_FRAME[1] / field_mm
    page = _render(data, scale)
    aim = aim_mm or (page.width / scale / 2, page.height / scale / 2)
    frame = Image.new("RGB", PHONE_FRAME, (128, 128, 128))
    frame.paste(page, (round(PHONE_FRAME[0] / 2 - aim[0] * scale), round(PHONE_FRAME[1] / 2 - aim[1] * scale)))
    frame = frame.filter(ImageFilter.GaussianBlur(radius=1.0))
    out = io.BytesIO()
    frame.save(out, format="JPEG", quality=75)
    return Image.open(io.BytesIO(out.getvalue()))


@pytest.mark.parametrize("metres", [1, 3, 5])
def test_a_phone_reads_the_rollup_from_across_the_foyer(rollup_file: bytes, metres: int):
    centre_down = _code_centre(rollup_file, 1.0)
    view = phone_view(rollup_file, metres * 1000, aim_mm=(OFFSET_MM + 425, centre_down))
    assert [code.text for code in decode_image(view)] == ["https://torget.nlsh.no/r/rollup/"]


def test_every_organisation_has_a_card_whose_code_scans_at_a_tables_distance(bundled_site: Project):
    organisations = sorted(path.stem for path in listed_organisation_files(bundled_site.organisations))
    cards = bundled_site.site / "utskrift" / "kort"
    assert sorted(path.name for path in cards.glob("*.pdf")) == [f"{slug}-a6.pdf" for slug in organisations]
    for slug in organisations:
        data = (cards / f"{slug}-a6.pdf").read_bytes()
        page = read_pdf(data, pixels_per_mm=1)
        assert (page.width_mm, page.height_mm) == (pytest.approx(105, abs=0.5), pytest.approx(148, abs=0.5))
        text = " ".join(page.text.split())
        assert f"torget.example.no/r/kort-{slug}" in text and "onsdager" in text
        assert [code.text for code in decode_image(phone_view(data, 300))] == [f"{SITE_URL}r/kort-{slug}/"], slug


@pytest.fixture(scope="module")
def nginx(bundled_site: Project):
    yield from served(bundled_site.site)


@pytest.mark.browser
def test_every_short_address_forwards_to_its_page_behind_nginx(bundled_site: Project, nginx: str, page):
    config_sources = bundled_site.sources()
    site = load_site(config_sources)
    codes = printed_codes(site.directory, site.events, SiteUrls(SITE_URL))
    names = {code.address for code in codes}
    assert {"/r/rollup/", "/r/plakat/", "/r/kort-melanomforeningen/", "/r/kort-prolar/"} <= names
    assert next(code.target for code in codes if code.address == "/r/kort-prolar/") == "/organisasjoner/prolar-nett/"
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    # Only the pages matter here, not their scripts, styles and images.
    page.route("**/*", lambda route: route.continue_() if route.request.resource_type == "document" else route.abort())
    for code in codes:
        page.goto(nginx + code.address.lstrip("/"))
        page.wait_for_url(nginx + code.target.lstrip("/"))
    assert not violations


@pytest.mark.browser
def test_a_short_address_forwards_on_a_plain_static_host(site_server: str, page):
    page.goto(site_server + "r/rollup/")
    page.wait_for_url(site_server + "organisasjoner/")
    assert page.locator("h1").first.is_visible()


def test_preflight_names_what_breaks_a_rule_for_the_foyer():
    content = rollup()
    assert preflight(content, DEFAULT, laid_out(content, DEFAULT)) == []
    small = Geometry(qr_mm=220)
    assert any("at least 25 cm" in warning for warning in preflight(content, small, laid_out(content, small)))
    short = Geometry(height_mm=900, qr_mm=250)
    assert any("above the floor" in warning for warning in preflight(content, short, laid_out(content, short)))
    faint = rollup(colours=PrintColours.from_band((0xFB, 0xC0, 0x2D)))  # Material's yellow
    assert any("contrasts" in warning and "WCAG AA" in warning
               for warning in preflight(faint, DEFAULT, laid_out(faint, DEFAULT)))
    stray = Layout(placed=[Placed("text", "Skann koden", 10, 500, 200, 30)])
    assert any("«Skann koden» reaches into the safe margin" in warning for warning in preflight(content, DEFAULT, stray))


def test_the_colours_come_from_the_sites_palette_and_meet_wcag_aa():
    indigo = palette_colours("indigo")
    assert indigo.band == (0x30, 0x3F, 0xA1) and contrast(indigo.on_band, indigo.band) >= 4.5
    assert palette_colours("teal").band == (0x00, 0x7A, 0x6C)
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)


def _png(path: Path, width: int, height: int) -> Path:
    Image.new("RGB", (width, height), (200, 30, 30)).save(path)
    return path


@pytest.mark.parametrize(("setting", "message"), [
    ({"logo": "missing.png"}, "logo: missing.png does not exist"),
    ({"logo": "not-an-image.png"}, "logo: not-an-image.png is not a PNG or JPEG image"),
    ({"logo": "small.png"}, "logo: small.png is 400 pixels wide, 48 dpi at its printed width of 21.25 cm; a print "
                            "needs at least 150 dpi, 1255 pixels"),
    ({"safe_margin_cm": 20, "rollup_qr_cm": 50}, "safe_margin_cm 20 and cassette_cm 10: a 50 cm code does not fit"),
    ({"rollup_height_cm": 60, "cassette_cm": 40}, "safe_margin_cm 3 and cassette_cm 40: a 40 cm code does not fit in the 79 × 17 cm"),
    ({"bleed_mm": 30}, "bleed_mm is 30; give the bleed in millimetres, 0 (none) to 20"),
])
def test_bad_print_options_are_named(tmp_path: Path, setting: dict, message: str):
    _png(tmp_path / "small.png", 400, 100)
    (tmp_path / "not-an-image.png").write_text("artwork", encoding="utf-8")
    values = {**setting}
    if "logo" in values:
        values["logo_option"] = values["logo"]
        values["logo"] = tmp_path / values["logo"]
    problems = print_option_problems(PrintOptions(**values), tmp_path / "docs", tmp_path / "site")
    assert len(problems) == 1 and problems[0].startswith(f"torget: {message}"), problems


def test_a_logo_of_print_quality_is_printed_in_the_live_area(tmp_path: Path):
    logo = _png(tmp_path / "logo.png", 1300, 300)
    options = PrintOptions(logo=logo)
    assert print_option_problems(options, tmp_path / "docs", tmp_path / "site") == []
    from site_plugins.printing.rollup import read_logo

    content = Rollup(**{**rollup().__dict__, "logo": read_logo(logo)})
    placed = laid_out(content, DEFAULT)
    [image] = [item for item in placed.placed if item.kind == "logo"]
    assert image.width == pytest.approx(212.5) and preflight(content, DEFAULT, placed) == []
    page = PdfReader(io.BytesIO(rollup_pdf(content, DEFAULT, encode(content.target)))).pages[0]
    assert len(page.images) == 1


def test_the_build_and_check_stop_on_a_missing_logo_and_warn_about_a_faint_palette(tmp_path: Path):
    missing = small_project(tmp_path / "missing", options="      logo: artwork/logo.png\n")
    assert "torget: logo: artwork/logo.png does not exist" in missing.problems()
    result = torget(missing, "check")
    assert result.returncode == 1 and "logo: artwork/logo.png does not exist" in result.stderr
    assert "Traceback" not in result.stderr

    faint = small_project(tmp_path / "faint")
    config = faint.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  font: false\n", "  font: false\n  palette:\n    primary: yellow\n"), encoding="utf-8")
    result = torget(faint, "check")
    assert result.returncode == 0, result.stderr
    assert "warning: torget: the roll-up: the text «torget.example.no/r/rollup» contrasts" in result.stdout


def test_without_bleed_the_page_is_the_finished_size_without_crop_marks():
    content = rollup()
    data = rollup_pdf(content, Geometry(bleed_mm=0), encode(content.target))
    page = PdfReader(io.BytesIO(data)).pages[0]
    for box in (page.trimbox, page.bleedbox):
        assert [float(value) for value in box] == pytest.approx([float(value) for value in page.mediabox], abs=0.01)
    assert (_mm(page.trimbox.width), _mm(page.trimbox.height)) == (pytest.approx(850, abs=0.1), pytest.approx(2000, abs=0.1))
    with_bleed = _render(rollup_pdf(content, DEFAULT, encode(content.target)), 2.0)
    # The crop marks: dark hairlines in the slug outside the bleed, in line with the trim's left edge.
    column = [with_bleed.getpixel((round(OFFSET_MM * 2), y)) for y in range(0, round((OFFSET_MM - 5) * 2))]
    assert min(sum(pixel) for pixel in column) < 3 * 160
