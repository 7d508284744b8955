"""Stylesheets and scripts the plugin ships with every site.

The pages load one script and one stylesheet, so the first screen waits for one request of each kind:
the site's scripts are concatenated into `SCRIPT_BUNDLE` (deferred), and Material's stylesheets and
Torget's into one fingerprinted sheet (`stylesheet_bundle`), which `web/theme_markup.py` links in place
of the three. The single files stay in the site too: the kiosk and the search worker load some of them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from importlib.resources import files

from ..i18n.language import current
from .output import GeneratedFile
from .text import LETTER_FOLDS, SEARCH_ENDINGS

ASSET_FOLDER = "assets/torget"
STYLESHEETS = (f"{ASSET_FOLDER}/torget.css",)
SEARCH_RULE = f"{ASSET_FOLDER}/search_rule.js"
"""The one search rule of the directory filter, the kiosk and the site search's worker."""
# on_page.js first: the others start through it.
SCRIPTS = (
    f"{ASSET_FOLDER}/on_page.js",
    f"{ASSET_FOLDER}/search_on_demand.js",
    SEARCH_RULE,
    f"{ASSET_FOLDER}/directory.js",
    f"{ASSET_FOLDER}/opening_status.js",
    f"{ASSET_FOLDER}/shift_today.js",
    f"{ASSET_FOLDER}/saved_list.js",
    f"{ASSET_FOLDER}/print_links.js",
    f"{ASSET_FOLDER}/search_suggestions.js",
    f"{ASSET_FOLDER}/offline.js",
)
SCRIPT_BUNDLE = f"{ASSET_FOLDER}/torget.js"
"""`SCRIPTS` in their order in one file, the one script the pages load beside Material's bundle, and before it
(web/theme_markup.py). It sits in
the same folder as the single scripts, so what they find next to themselves (hours.json) is found next to it."""
WORKERS = (f"{ASSET_FOLDER}/search_worker.js",)
"""Copied beside the scripts, loaded by the browser as a worker rather than by the pages."""
STYLESHEET_FOLDER = "assets/stylesheets"
"""Material's stylesheets' folder; the one sheet is written there, so the theme's relative addresses hold."""
_SOURCE_MAP = re.compile(rb"/\*# sourceMappingURL=[^*]*\*/\s*")


def asset_files() -> Iterator[GeneratedFile]:
    singles = []
    for site_path in (*STYLESHEETS, *SCRIPTS, *WORKERS):
        name = site_path.removeprefix(f"{ASSET_FOLDER}/")
        content = files("site_plugins").joinpath("assets", name).read_bytes()
        if site_path == SEARCH_RULE:  # the letter folds and the endings live once, in Python
            content = (content
                       .replace(b"/*LETTER_FOLDS*/{}", json.dumps(LETTER_FOLDS, ensure_ascii=False).encode("utf-8"))
                       .replace(b"/*SEARCH_ENDINGS*/{}", json.dumps(SEARCH_ENDINGS).encode("utf-8"))
                       .replace(b'/*LANGUAGE*/"nb"', json.dumps(current()).encode("utf-8")))
        singles.append(GeneratedFile(site_path, content))
    yield from singles
    scripts = {file.path: file.data for file in singles}
    # Each script is a complete statement list; `;` guards against one that ends without it.
    yield GeneratedFile(SCRIPT_BUNDLE, b"\n;\n".join(scripts[path] for path in SCRIPTS))


def stylesheet_bundle(theme_sheets: Iterable[bytes]) -> GeneratedFile:
    """Material's stylesheets (in the order its pages link them) and Torget's, as one file named by its content."""
    own = [file.data for file in asset_files() if file.path in STYLESHEETS]
    content = b"\n".join(_SOURCE_MAP.sub(b"", sheet).rstrip() for sheet in (*theme_sheets, *own)) + b"\n"
    digest = hashlib.sha256(content).hexdigest()[:8]
    # Named like Material's own files (x.<hash>.min.css), which the server lets browsers keep for a year.
    return GeneratedFile(f"{STYLESHEET_FOLDER}/torget.{digest}.min.css", content)
