"""Stylesheets and scripts the plugin ships with every site."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

from .output import GeneratedFile

ASSET_FOLDER = "assets/torget"
STYLESHEETS = (f"{ASSET_FOLDER}/torget.css",)
SCRIPTS = (f"{ASSET_FOLDER}/directory.js", f"{ASSET_FOLDER}/opening_status.js",
           f"{ASSET_FOLDER}/shift_today.js", f"{ASSET_FOLDER}/saved_list.js",
           f"{ASSET_FOLDER}/print_links.js")


def asset_files() -> Iterator[GeneratedFile]:
    for site_path in (*STYLESHEETS, *SCRIPTS):
        name = site_path.removeprefix(f"{ASSET_FOLDER}/")
        yield GeneratedFile(site_path, files("site_plugins").joinpath("assets", name).read_bytes())
