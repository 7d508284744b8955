"""The whole site's model, read once from the sources, and every file generated from it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .assets import asset_files
from .directory import Directory, load_directory
from .directory_pages import directory_pages
from .output import GeneratedFile


@dataclass(frozen=True)
class SiteSources:
    """Where the editors' files are. `root` is the folder of mkdocs.yml; messages name files relative to it."""

    root: Path
    organisations: Path


@dataclass(frozen=True)
class Site:
    """Everything the outputs are made from; one model serves every page, feed and code."""

    directory: Directory


def load_site(sources: SiteSources) -> Site:
    """Read and validate every source; raise SourceError listing all problems."""
    return Site(directory=load_directory(sources.organisations, sources.root))


def site_files(site: Site, site_url: str) -> Iterator[GeneratedFile]:
    """Every page and file the plugin adds to the build."""
    yield from asset_files()
    yield from directory_pages(site.directory, site_url)
