"""Print files as a print shop receives them: real page size, embedded fonts, the text and address,
and a code PDFium draws large enough to scan from a few metres."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import REAL_SITE_URL, Project, assert_built
from mkdocs.config import load_config
from PIL import Image
from qr_images import code_width_mm, decode_image, decode_png, read_pdf
from test_events_site import BUILT_AT, EVENTS, build_at, make_events_project
from test_qr_build import SITE_URL, small_project

from site_plugins.hours.text import describe_rule
from site_plugins.plugin import sources_from
from site_plugins.printing.posters import LayoutError, Poster, Sheet, poster_pdf
from site_plugins.readiness.proof import PROOF_WORD, placeholder_host
from site_plugins.site import load_site
from site_plugins.web.qr import PROOF_GRAY, encode


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def staffed_hours(project: Project) -> list[str]:
    """The desk's hours as the site describes them, from the project's own mkdocs.yml."""
    config = load_config(str(project.root / "mkdocs.yml"))
    site = load_site(sources_from(config, config.plugins["torget"].config))
    return describe_rule(site.hours.rule, site.closed_days)


def test_rollup_is_85_by_200_cm_with_text_address_hours_and_a_large_code(bundled_site: Project):
    rollups = list((bundled_site.site / "utskrift").glob("rollup-*.pdf"))
    assert sorted(path.name for path in rollups) == ["rollup-85x200-til-trykkeriet.pdf", "rollup-85x200.pdf"]
    data = (bundled_site.site / "utskrift" / "rollup-85x200.pdf").read_bytes()
    page = read_pdf(data)
    assert page.pages == 1
    # The page is the finished size plus 5 mm of bleed and 15 mm for the crop marks on every side.
    assert (page.width_mm, page.height_mm) == (pytest.approx(890, abs=0.5), pytest.approx(2040, abs=0.5))
    text = words(page.text)
    assert "Pasient- og pårørendetorget" in text
    assert "Skann koden" in text
    assert "torget.example.no/r/rollup" in text
    assert words(staffed_hours(bundled_site)[0]) in text
    codes = decode_image(page.image)
    assert [code.text for code in codes] == [SITE_URL + "r/rollup/"]
    # The bundled site_url is a placeholder: the roll-up is a proof, and says so in its text.
    assert PROOF_WORD in text
    width = code_width_mm(codes[0], page.pixels_per_mm)
    assert width >= 200
    assert width == pytest.approx(400, abs=6)  # the default rollup_qr_cm
    # Fonts travel inside the file; nothing relies on the print shop's fonts.
    assert b"/FontFile2" in data and b"/Helvetica" not in data


def test_desk_poster_is_a4_and_scans(bundled_site: Project):
    page = read_pdf((bundled_site.site / "utskrift" / "plakat-disken-a4.pdf").read_bytes(), pixels_per_mm=6)
    assert (page.width_mm, page.height_mm) == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))
    assert "torget.example.no/r/plakat" in words(page.text)
    codes = decode_image(page.image)
    assert [code.text for code in codes] == [SITE_URL + "r/plakat/"]
    assert code_width_mm(codes[0], page.pixels_per_mm) == pytest.approx(100, abs=2)


def test_rollup_size_code_width_and_address_come_from_mkdocs_yml(tmp_path: Path):
    options = ("      rollup_width_cm: 100\n      rollup_height_cm: 250\n      rollup_qr_cm: 30\n"
               "      short_address: torget.no\n")
    project = small_project(tmp_path, options=options)
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (project.site / "utskrift").glob("*rollup*")) == [
        "rollup-100x250-til-trykkeriet.pdf", "rollup-100x250.pdf"]
    page = read_pdf((project.site / "utskrift" / "rollup-100x250.pdf").read_bytes())
    assert (page.width_mm, page.height_mm) == (pytest.approx(1040, abs=0.5), pytest.approx(2540, abs=0.5))
    assert "torget.no/r/rollup" in words(page.text)
    codes = decode_image(page.image)
    assert [code.text for code in codes] == [SITE_URL + "r/rollup/"]
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


def test_each_coming_event_at_the_desk_has_an_a4_poster_that_opens_its_page(tmp_path: Path):
    project = make_events_project(tmp_path, {name: EVENTS[name] for name in
                                             ("arrangementer/kafe.md", "arrangementer/foredrag.md", "arrangementer/verdensdag.md")})
    assert_built(build_at(project, BUILT_AT))
    posters = sorted((project.site / "utskrift" / "arrangementer").rglob("*.pdf"))
    # The lecture is over, and a world day is a date rather than an event at the desk: neither has a poster.
    assert [poster.name for poster in posters] == ["kafe-a4.pdf"]
    for poster in posters:
        url = poster.relative_to(project.site / "utskrift").as_posix().removesuffix("-a4.pdf") + "/"
        title = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", project.page(url), re.S).group(1))
        page = read_pdf(poster.read_bytes(), pixels_per_mm=6)
        assert (page.width_mm, page.height_mm) == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))
        assert words(title) in words(page.text) and PROOF_WORD in page.text
        assert [code.text for code in decode_image(page.image)] == [SITE_URL + "r/arrangement-" + url.removeprefix("arrangementer/").rstrip("/").replace("/", "-") + "/"]


def _confirmed_calendar(project: Project) -> Project:
    calendar = project.organisations / "_school_holidays.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("verified: false", "verified: true"), encoding="utf-8")
    return project


def test_a_real_host_prints_no_proof_mark_and_a_placeholder_warns_once(tmp_path: Path):
    real = _confirmed_calendar(small_project(tmp_path / "real", site_url=REAL_SITE_URL))
    result = real.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "PRØVETRYKK" not in result.stderr
    for name in ("rollup-85x200.pdf", "plakat-disken-a4.pdf"):
        page = read_pdf((real.site / "utskrift" / name).read_bytes(), pixels_per_mm=2)
        assert PROOF_WORD not in page.text and "torget.nlsh.no" in words(page.text)
        assert len(decode_image(page.image)) == 1, name
    assert PROOF_WORD.encode() not in (real.site / "qr" / "rollup.svg").read_bytes()
    assert "prøvetrykk" not in real.page("plakater/").lower()

    proof = _confirmed_calendar(small_project(tmp_path / "proof"))
    result = proof.build()
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("WARNING")] == [
        "WARNING -  torget: site_url https://torget.example.no/ is a placeholder (torget.example.no is reserved for "
        "examples and tests), so every print file is marked «PRØVETRYKK» and its QR codes lead nowhere; set site_url in "
        "mkdocs.yml to the site's public address before anything is printed"]
    for name in ("rollup-85x200.pdf", "plakat-disken-a4.pdf"):
        page = read_pdf((proof.site / "utskrift" / name).read_bytes(), pixels_per_mm=2)
        assert PROOF_WORD in page.text, name
        assert len(decode_image(page.image)) == 1, name
    # The code files for print carry the mark too, under the modules, and still scan.
    assert f">{PROOF_WORD}</text>".encode() in (proof.site / "qr" / "rollup.svg").read_bytes()
    with Image.open(proof.site / "qr" / "rollup.png") as image:
        assert image.mode == "L" and PROOF_GRAY in {value for _, value in image.getcolors(maxcolors=256)}
    assert [code.text for code in decode_png(proof.site / "qr" / "rollup.png")] == [SITE_URL + "r/rollup/"]
    assert "Dette er prøvetrykk." in proof.page("plakater/")


@pytest.mark.parametrize(("site_url", "host"), [
    ("https://torget.example.no/", "torget.example.no"), ("https://example.com/", "example.com"),
    ("https://www.example.org/torget/", "www.example.org"), ("http://torget.test/", "torget.test"),
    ("https://a.b.example/", "a.b.example"), ("https://x.invalid/", "x.invalid"), ("http://localhost:8000/", "localhost"),
    ("http://127.0.0.1:8000/", "127.0.0.1"), ("http://[::1]:8000/", "::1"), ("https://TORGET.Example.NO./", "torget.example.no"),
])
def test_reserved_hosts_are_placeholders(site_url: str, host: str):
    assert placeholder_host(site_url) == host


@pytest.mark.parametrize("site_url", ["https://torget.nlsh.no/", "https://example.no/", "https://notexample.com/",
                                      "https://example.com.no/", "https://testing.no/", "http://10.0.0.5/"])
def test_real_hosts_are_not_placeholders(site_url: str):
    assert placeholder_host(site_url) is None


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
