"""The bundled site in English: every page type under /en/ reads English (dates, interface texts, event names,
calendar feeds, the 404 page), and an English event page cannot change the bokmål page's dates."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import Project

from site_plugins.i18n.catalogues import TEMPLATE

ENGLISH_PAGES = ["", "organisasjoner/", "organisasjoner/kreftforeningen/", "tema/", "tema/kreft/", "apningstider/",
                 "hjelpetelefoner/", "likepersoner/", "arrangementer/", "arrangementer/verdensdager/kreftdagen/",
                 "ledige-vakter/", "bli-frivillig/", "for-organisasjonene/", "avlastning-for-parorende/", "om-torget/",
                 "tilgjengelighetserklaering/"]
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _EnglishText(HTMLParser):
    """The text of <main> outside elements marked in another language (lang="nb"), scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tags = [tag for tag, _ in self.stack]
        langs = [lang for _, lang in self.stack if lang]
        if "main" in tags and not {"script", "style"} & set(tags) and (not langs or langs[-1] == "en"):
            self.parts.append(data)


def english_text(page: str) -> str:
    parser = _EnglishText()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


def interface_texts() -> list[str]:
    """The catalogue's bokmål texts long enough to be recognised, split at their placeholders and markup."""
    with TEMPLATE.open("rb") as handle:
        ids = [message.id[0] if isinstance(message.id, tuple) else message.id for message in read_po(handle)
               if message.id]
    pieces = [piece.strip() for text in ids for piece in re.split(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>", str(text))]
    # The desk's own name stays as written in English text, after its English description.
    return sorted({piece for piece in pieces if len(piece) >= 14} - {"Pasient- og pårørendetorget"})


def organisation_names(project: Project) -> list[str]:
    return [match.group(1).strip().strip('"') for path in sorted(project.organisations.glob("[!_]*.yaml"))
            if (match := re.search(r"(?m)^name: (.+)$", path.read_text(encoding="utf-8")))]


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_every_english_page_type_reads_english(bundled_site: Project, url: str) -> None:
    page = bundled_site.page(f"en/{url}")
    assert re.search(r'<html [^>]*lang="en"', page)
    text = english_text(page)
    assert text, url
    for name in organisation_names(bundled_site):  # names stay as written: «Nasjonal støttegruppe etter 22. juli»
        text = text.replace(name, "")
    left = [piece for piece in interface_texts() if piece in text]
    assert not left, f"en/{url} shows bokmål interface text outside lang=\"nb\": {left}"
    assert not re.search(r"\b\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november"
                         r"|desember)\b", text), f"en/{url} has a bokmål date"
    assert not re.search(r"\b(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b", text, re.I), url


def test_english_dates_events_and_feeds(bundled_site: Project) -> None:
    hours = english_text(bundled_site.page("en/apningstider/"))
    assert re.search(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ 20\d\d", hours)
    assert "Opening hours" in hours and "Closed or other hours" in hours
    events = english_text(bundled_site.page("en/arrangementer/"))
    assert "World Cancer Day" in events and "Verdens kreftdag" not in events
    world_day = bundled_site.page("en/arrangementer/verdensdager/kreftdagen/")
    assert "<title>World Cancer Day" in world_day and "Every year on 4 February" in english_text(world_day)
    feed = (bundled_site.site / "en" / "arrangementer" / "verdensdager" / "kreftdagen.ics").read_text(encoding="utf-8")
    assert "SUMMARY:World Cancer Day" in feed and "X-WR-CALNAME:Patient and relatives' desk: World Cancer Day" in feed
    norwegian = (bundled_site.site / "arrangementer" / "verdensdager" / "kreftdagen.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Verdens kreftdag" in norwegian
    shifts = (bundled_site.site / "en" / "ledige-vakter" / "vakter.ics").read_text(encoding="utf-8")
    assert "X-WR-CALNAME:Patient and relatives' desk: shifts" in shifts
    status = json.loads((bundled_site.site / "en" / "assets" / "torget" / "hours.json").read_text(encoding="utf-8"))
    assert all(item["open"].startswith("Open now") and item["closed"].startswith("Closed")
               for item in status["intervals"])
    missing = bundled_site.site / "en" / "404.html"
    assert "Page not found" in missing.read_text(encoding="utf-8")
    assert "Fant ikke siden" in (bundled_site.site / "404.html").read_text(encoding="utf-8")


def test_an_english_event_page_cannot_change_the_dates(bundled_project: Project) -> None:
    page = Path(bundled_project.root) / "docs-en" / "arrangementer" / "verdensdager" / "kreftdagen.md"
    page.write_text(page.read_text(encoding="utf-8").replace("start: 2026-02-04", "start: 2026-02-05"),
                    encoding="utf-8")
    result = bundled_project.build()
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs-en/arrangementer/verdensdager/kreftdagen.md:6: event.start: differs from" in output, output
    assert "Traceback" not in output
