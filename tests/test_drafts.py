"""Drafts: `draft: true` keeps a page out of `mkdocs build` and every output made from it; the preview
(`mkdocs serve`) and a staging build (`drafts: true`) show it with a banner.

The bundled project's own drafts (the café, MØTEPLASS, a world-day marking) are checked in the built
bundled site; a small project checks what the bundled one cannot: a draft in the navigation, the
INFO line under `--strict`, and the staging option.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REAL_SITE_URL, Project, assert_built
from test_events_site import BUILT_AT, build_at, make_events_project
from test_serve import _fetch, serving

from site_plugins.readiness.drafts import BANNER_TEXT, load_drafts
from site_plugins.site import SiteSources, load_site
from site_plugins.sources.problems import SourceError

DRAFT_EVENT = """---
draft: true
event:
  title: Utkast til kafé
  start: 2026-12-01 12:00
  end: "14:00"
  location: Foajeen
  organiser: mental-helse
  recurrence: {frequency: weekly}
---
# Utkast til kafé

Forslag, ikke avtalt.
"""
PUBLISHED_EVENT = """---
event:
  title: Åpent møte
  start: 2026-12-02 18:00
  end: "19:00"
  location: Foajeen
  organiser: mental-helse
---
# Åpent møte
"""
DRAFT_PAGE = "---\ntitle: Nytt tilbud\ndraft: yes\n---\n# Nytt tilbud\n\nIkke klart ennå.\n"


def bundled_drafts(project: Project) -> list[str]:
    """The bundled docs/ pages marked `draft: true`, as paths under docs/."""
    return sorted(path.relative_to(project.docs).as_posix() for path in project.docs.rglob("*.md")
                  if re.search(r"(?m)^draft: true$", path.read_text(encoding="utf-8")))


def url_of(src_path: str) -> str:
    return src_path.removesuffix(".md") + "/"


def draft_project(root: Path, options: str = "") -> Project:
    """An events project, publishable (real host, confirmed calendar), with a draft event and a draft info page
    that the navigation lists."""
    project = make_events_project(root, {"arrangementer/utkast.md": DRAFT_EVENT, "arrangementer/mote.md": PUBLISHED_EVENT})
    project.write("docs/nytt-tilbud.md", DRAFT_PAGE)
    calendar = project.organisations / "_school_holidays.yaml"
    calendar.write_text("verified: true\n" + calendar.read_text(encoding="utf-8"), encoding="utf-8")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("https://torget.example.no/", REAL_SITE_URL)
    text = text.replace("  - torget\n", "  - torget" + (f":\n{options}" if options else "") + "\n")
    config.write_text(text + "nav:\n  - Forside: index.md\n  - Nytt tilbud: nytt-tilbud.md\n", encoding="utf-8")
    return project


# --- The core -------------------------------------------------------------------------------------


def test_drafts_are_found_with_their_titles(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "kafe.md").write_text(DRAFT_EVENT, encoding="utf-8")
    (docs / "side.md").write_text(DRAFT_PAGE, encoding="utf-8")
    (docs / "ferdig.md").write_text("---\ndraft: false\n---\n# Ferdig\n", encoding="utf-8")
    (docs / "vanlig.md").write_text("# Vanlig side\n\ndraft: true står i teksten, ikke i front matter.\n", encoding="utf-8")
    drafts = load_drafts(docs, tmp_path)
    assert [(draft.src_path, draft.title) for draft in drafts] == [("a/kafe.md", "Utkast til kafé"), ("side.md", "Nytt tilbud")]
    assert "side.md" in drafts and "ferdig.md" not in drafts
    assert drafts.summary() == "2 draft pages: a/kafe.md, side.md"


@pytest.mark.parametrize("value", ['"true"', "kanskje", "1", "[true]"])
def test_a_draft_flag_that_is_no_yes_or_no_names_file_line_and_field(tmp_path: Path, value: str):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "side.md").write_text(f"---\ntitle: Side\n\ndraft: {value}\n---\n# Side\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_drafts(docs, tmp_path)
    [problem] = error.value.problems
    assert str(problem).startswith("docs/side.md:4: draft: expected true or false")


def test_the_site_model_leaves_draft_events_out_unless_drafts_are_shown(tmp_path: Path):
    project = draft_project(tmp_path)
    sources = SiteSources(root=project.root, organisations=project.organisations,
                          now=BUILT_AT, docs=project.docs)
    published = load_site(sources)
    assert [event.src_path for event in published.events] == ["arrangementer/mote.md"]
    assert [draft.src_path for draft in published.drafts] == ["arrangementer/utkast.md", "nytt-tilbud.md"]
    shown = load_site(SiteSources(root=project.root, organisations=project.organisations, now=BUILT_AT,
                                  docs=project.docs, show_drafts=True))
    assert [event.src_path for event in shown.events] == ["arrangementer/mote.md", "arrangementer/utkast.md"]


# --- The bundled site -----------------------------------------------------------------------------


def test_no_bundled_draft_reaches_the_built_site(bundled_site: Project):
    drafts = bundled_drafts(bundled_site)
    assert {"arrangementer/parorendekafe.md", "arrangementer/moteplass.md"} <= set(drafts)
    site = bundled_site.site
    search = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    searched = {entry["location"].split("#")[0] for entry in search["docs"]}
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    kiosk = (site / "kiosk" / "index.html").read_text(encoding="utf-8")
    overview = bundled_site.page("arrangementer/")
    prints = bundled_site.page("plakater/")
    feeds = "".join(path.read_text(encoding="utf-8") for path in site.rglob("*.ics"))
    for src_path in drafts:
        url, stem = url_of(src_path), src_path.removesuffix(".md")
        assert not (site / url).exists(), f"{src_path} was published"
        assert not (site / f"{stem}.ics").exists() and f"{stem.replace('/', '-')}@" not in feeds
        assert url not in searched and url not in sitemap
        assert f"{stem}/" not in kiosk and f"{stem}/" not in overview and f"{stem}/" not in prints
        assert not list(site.glob(f"utskrift/{stem}*")) and not list(site.glob(f"qr/{stem}*"))
    # What the drafts' texts say is nowhere on the site either.
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "(forslag)" not in text and BANNER_TEXT not in text, path


def test_serve_shows_a_bundled_draft_with_its_banner(bundled_project: Project):
    drafts = bundled_drafts(bundled_project)
    with serving(bundled_project.root) as server:  # its first build done
        page = _fetch(f"{server.base}{url_of(drafts[0])}")
        overview = _fetch(f"{server.base}arrangementer/")
    output = server.output
    assert page is not None, output
    assert f"<strong>{BANNER_TEXT}.</strong>" in page
    assert re.search(r'class="torget-draft-banner" role="note"', page)
    assert overview is not None and url_of(drafts[0]).removeprefix("arrangementer/") in overview
    assert "Traceback" not in output


# --- A small project ------------------------------------------------------------------------------


def test_a_draft_in_the_navigation_is_left_out_and_strict_still_passes(tmp_path: Path):
    project = draft_project(tmp_path)
    result = build_at(project, BUILT_AT, "--strict")
    assert result.returncode == 0, result.stderr
    assert "INFO    -  torget: left out 2 draft pages: arrangementer/utkast.md, nytt-tilbud.md" in result.stderr
    assert not (project.site / "nytt-tilbud").exists() and not (project.site / "arrangementer" / "utkast").exists()
    assert "Nytt tilbud" not in project.page("")  # not in the navigation either
    assert (project.site / "arrangementer" / "mote" / "index.html").is_file()
    feed = (project.site / "arrangementer" / "alle.ics").read_text(encoding="utf-8")
    assert "Åpent møte" in feed and "Utkast til kafé" not in feed
    organisation = project.page("organisasjoner/mental-helse/")
    assert "Åpent møte" in organisation and "Utkast til kafé" not in organisation


def test_a_staging_build_publishes_the_drafts_with_their_banner(tmp_path: Path):
    project = draft_project(tmp_path, options="      drafts: true")
    result = build_at(project, BUILT_AT, "--strict")
    assert result.returncode == 0, result.stderr
    assert "left out" not in result.stderr
    for url in ("nytt-tilbud/", "arrangementer/utkast/"):
        assert f"<strong>{BANNER_TEXT}.</strong>" in project.page(url), url
    assert "Utkast til kafé" in (project.site / "arrangementer" / "alle.ics").read_text(encoding="utf-8")
    assert BANNER_TEXT not in project.page("arrangementer/mote/")
    assert_built(result)
