"""A small site project written from scratch: two organisations, a school calendar, an event page."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Project, copy_organisations

SITE_URL = "https://torget.example.no/"
MKDOCS_YML = f"site_name: Test\nsite_url: {SITE_URL}\ntheme: {{name: material, language: nb, font: false}}\nplugins:\n  - torget\n"
SCHOOL_HOLIDAYS = """\
holidays:
  - {reason: juleferie, first_day: 2026-12-19, last_day: 2027-01-03}
  - {reason: sommerferie, first_day: 2027-06-19, last_day: 2027-08-17}
"""
ORGANISATIONS = ("_categories.yaml", "melanomforeningen.yaml", "mental-helse.yaml")


def event_page(description: str = "Et treff for pårørende.") -> str:
    """A fortnightly café arranged by Melanomforeningen; line 3 is its description."""
    return f"""---
title: Kafé
description: {description}
event:
  title: Kafé for pårørende
  start: 2026-12-01 12:00
  end: "14:00"
  location: Foajeen
  organiser: melanomforeningen
  recurrence: {{frequency: weekly, interval: 2}}
---
# Kafé for pårørende
"""


def small_project(root: Path, mkdocs_extra: str = "") -> Project:
    """The project in `root`; `mkdocs_extra` is appended to mkdocs.yml (e.g. `use_directory_urls: false`)."""
    project = Project(root)
    copy_organisations(ORGANISATIONS, project.organisations)
    project.write("organisations/_school_holidays.yaml", SCHOOL_HOLIDAYS)
    project.write("mkdocs.yml", MKDOCS_YML + mkdocs_extra)
    project.write("docs/index.md", "# Forside\n\n[Organisasjonene](organisasjoner/index.md)\n")
    return project
