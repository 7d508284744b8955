"""Print files as a print shop receives them: real page size, embedded fonts, the text and address,
and a code PDFium draws large enough to scan from a few metres."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import Project
from mkdocs.config import load_config
from qr_images import code_width_mm, decode_image, read_pdf
from test_qr_build import SITE_URL, small_project

from site_plugins.hours.text import describe_rule
from site_plugins.plugin import sources_from
from site_plugins.printing.posters import LayoutError, Poster, Sheet, poster_pdf
from site_plugins.site import load_site
from site_plugins.web.qr import encode


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def staffed_hours(project: Project) -> list[str]:
    """The desk's hours as the site describes them, from the project's own mkdocs.yml."""
    config = load_config(str(project.root / "mkdocs.yml"))
    site = load_site(sources_from(config, config.plugins["torget"].config))
    return describe_rule(site.hours.rule, site.closed_days)


def test_rollup_is_85_by_200_cm_with_text_address_hours_and_a_large_code(bundled_site: Project):
    rollups = list((bundled_site.site / "utskrift").glob("*rollup*.pdf"))
    assert len(rollups) == 1
    data = rollups[0].read_bytes()
    page = read_pdf(data)
    assert page.pages == 1
    assert (page.width_mm, page.height_mm) == (pytest.approx(850, abs=0.5), pytest.approx(2000, abs=0.5))
    text = words(page.text)
    assert "Pasient- og pårørendetorget" in text
    assert "Skann koden" in text
    assert "torget.example.no/organisasjoner" in text
    assert words(staffed_hours(bundled_site)[0]) in text
    codes = decode_image(page.image)
    assert [code.text for code in codes] == [SITE_URL + "organisasjoner/"]
    width = code_width_mm(codes[0], page.pixels_per_mm)
    assert width >= 200
    assert width == pytest.approx(400, abs=6)  # the default rollup_qr_cm
    # Fonts travel inside the file; nothing relies on the print shop's fonts.
    assert b"/FontFile2" in data and b"/Helvetica" not in data


def test_desk_poster_is_a4_and_scans(bundled_site: Project):
    page = read_pdf((bundled_site.site / "utskrift" / "plakat-disken-a4.pdf").read_bytes(), pixels_per_mm=6)
    assert (page.width_mm, page.height_mm) == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))
    assert "torget.example.no" in words(page.text)
    codes = decode_image(page.image)
    assert [code.text for code in codes] == [SITE_URL]
    assert code_width_mm(codes[0], page.pixels_per_mm) == pytest.approx(100, abs=2)


def test_rollup_size_code_width_and_address_come_from_mkdocs_yml(tmp_path: Path):
    options = ("      rollup_width_cm: 100\n      rollup_height_cm: 250\n      rollup_qr_cm: 30\n"
               "      short_address: torget.no\n")
    project = small_project(tmp_path, options=options)
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert [path.name for path in (project.site / "utskrift").glob("*rollup*")] == ["rollup-100x250.pdf"]
    page = read_pdf((project.site / "utskrift" / "rollup-100x250.pdf").read_bytes())
    assert (page.width_mm, page.height_mm) == (pytest.approx(1000, abs=0.5), pytest.approx(2500, abs=0.5))
    assert "torget.no" in words(page.text)
    codes = decode_image(page.image)
    assert [code.text for code in codes] == [SITE_URL + "organisasjoner/"]
    assert code_width_mm(codes[0], page.pixels_per_mm) == pytest.approx(300, abs=5)


@pytest.mark.parametrize(("options", "named"), [
    ("      rollup_qr_cm: 12\n", "rollup_qr_cm"),
    ("      rollup_width_cm: 85\n      rollup_qr_cm: 80\n", "rollup_qr_cm"),
    ("      rollup_height_cm: 900\n", "rollup_height_cm"),
    ("      rollup_width_cm: '85'\n", "rollup_width_cm"),
])
def test_impossible_rollup_options_stop_the_build(tmp_path: Path, options: str, named: str):
    assert named in small_project(tmp_path, options=options).problems()


def test_a_code_too_large_for_the_sheet_is_a_layout_error():
    poster = Poster("Overskrift", ("Én linje.",), SITE_URL, "torget.example.no", ("Onsdager.",))
    with pytest.raises(LayoutError, match="do not fit"):
        poster_pdf(poster, Sheet(210, 297, 280), encode(SITE_URL))


def test_each_coming_event_has_an_a4_poster_that_opens_its_page(bundled_site: Project):
    posters = sorted((bundled_site.site / "utskrift" / "arrangementer").rglob("*.pdf"))
    assert posters, "the bundled site has events"
    for poster in posters:
        url = poster.relative_to(bundled_site.site / "utskrift").as_posix().removesuffix("-a4.pdf") + "/"
        title = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", bundled_site.page(url), re.S).group(1))
        page = read_pdf(poster.read_bytes(), pixels_per_mm=6)
        assert (page.width_mm, page.height_mm) == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))
        assert words(title) in words(page.text)
        assert [code.text for code in decode_image(page.image)] == [SITE_URL + url]


def test_long_text_is_set_smaller_and_the_code_keeps_its_size():
    long_text = ("Et treff for pårørende med kaffe, samtale og et faglig innslag om rettigheter, "
                 "avlastning og hjelp fra kommunen. ") * 3
    poster = Poster("Kafé for pårørende og etterlatte i foajeen på sykehuset", (long_text.strip(),), SITE_URL,
                    "torget.example.no/arrangementer/parorendekafe", ("Annenhver tirsdag kl. 12:00–14:00", "Foajeen"))
    page = read_pdf(poster_pdf(poster, Sheet(210, 297, 100), encode(SITE_URL)), pixels_per_mm=6)
    assert words(long_text) in words(page.text)
    codes = decode_image(page.image)
    assert [code.text for code in codes] == [SITE_URL]
    assert code_width_mm(codes[0], page.pixels_per_mm) == pytest.approx(100, abs=2)
