"""Stylesheets and scripts the plugin ships with every site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files

from .output import GeneratedFile
from .text import LETTER_FOLDS

ASSET_FOLDER = "assets/torget"
STYLESHEETS = (f"{ASSET_FOLDER}/torget.css",)
SEARCH_RULE = f"{ASSET_FOLDER}/search_rule.js"
"""The one search rule of the directory filter, the kiosk and the site search's worker."""
# on_page.js first: the others start through it.
SCRIPTS = (
    f"{ASSET_FOLDER}/on_page.js",
    SEARCH_RULE,
    f"{ASSET_FOLDER}/directory.js",
    f"{ASSET_FOLDER}/opening_status.js",
    f"{ASSET_FOLDER}/shift_today.js",
    f"{ASSET_FOLDER}/saved_list.js",
    f"{ASSET_FOLDER}/print_links.js",
    f"{ASSET_FOLDER}/search_suggestions.js",
)
WORKERS = (f"{ASSET_FOLDER}/search_worker.js",)
"""Copied beside the scripts, loaded by the browser as a worker rather than by the pages."""


def asset_files() -> Iterator[GeneratedFile]:
    for site_path in (*STYLESHEETS, *SCRIPTS, *WORKERS):
        name = site_path.removeprefix(f"{ASSET_FOLDER}/")
        content = files("site_plugins").joinpath("assets", name).read_bytes()
        if site_path == SEARCH_RULE:  # the letter folds live once, in Python
            content = content.replace(
                b"/*LETTER_FOLDS*/{}", json.dumps(LETTER_FOLDS, ensure_ascii=False).encode("utf-8")
            )
        yield GeneratedFile(site_path, content)
