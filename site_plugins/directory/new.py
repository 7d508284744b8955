"""The commented starting file `torget new` writes for an editor."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .schema import SCHEMA_FILE


def new_organisation_text(
    name: str, category_names: Iterable[str], address: str, umbrella_names: Iterable[str] = ()
) -> str:
    """A file that fails `torget check` until the editor fills in the required fields; `address` is its page's."""
    themes = "\n".join(f"#   - {category}" for category in category_names)
    umbrellas = ", ".join(umbrella_names) or "none listed yet"
    return f"""\
# yaml-language-server: $schema=./{SCHEMA_FILE}
# New organisation: the page will be {address}
# Fill in the fields, delete the lines you do not need, then run `torget check`.
# Put text with a colon (:) or that looks like a number, a date or yes/no in "quotes".

name: {json.dumps(name, ensure_ascii=False)}
# short_name: ""           # abbreviation, if the organisation uses one

# One or two plain sentences (at most 300 characters) on who the organisation is for.
description: ""

# One or more themes, written exactly as here:
{themes}
categories: []

# Diagnoses and everyday words a visitor might search for.
keywords: []
# Common English names of the diagnoses, for visitors who search in English (not shown on the page).
# keywords_en: []

# website: https://
# email: post@example.no
# phone: "12 34 56 78"     # the office; a helpline goes under helplines
# address: ""              # postal address
# visiting_address: ""     # where the office is, for visitors
# membership_url: https://

# helplines:               # named lines anyone can ring; shown first on the page
#   - name: ""
#     phone: "800 12 345"
#     hours: ""            # e.g. Hverdager 10–15
#     answered_by: ""      # e.g. Frivillige som selv er pårørende
#     description: ""      # who the line is for

# peer_support:             # likepersoner: a way to reach them, a description, or both
#   email: ""
#   phone: ""
#   url: https://
#   description: ""

# local_chapters:
#   - name: ""
#     region: ""
#     website: https://

at_torget: false            # true when the organisation sends volunteers to the desk
# umbrella: FFO             # one of: {umbrellas}

# Where the facts come from: the page's url:, its title:, or both.
sources: []
#   - url: https://
#     title: ""

# former_slugs: [old-name]  # earlier file names; their addresses forward to this page

# The day you last checked the entry with the organisation (YYYY-MM-DD).
# reviewed: 2026-01-31
"""
