"""The composition root: every page and file of the site, each output handed only the inputs it needs."""

from __future__ import annotations

from collections.abc import Iterator

from .directory.pages import directory_pages
from .events.pages import event_files, organisation_events
from .hours.pages import hours_files
from .hours.text import describe_rule
from .kiosk.page import kiosk_files
from .printing.catalogue import catalogue_files
from .site import Site
from .web.assets import asset_files
from .web.cache import FileCache
from .web.clock import oslo_date
from .web.output import GeneratedFile


def site_files(site: Site, site_url: str) -> Iterator[GeneratedFile]:
    """Every page and file the plugin adds to the build."""
    now = site.hours.now
    today = oslo_date(now)
    cache = FileCache(site.prints.cache_folder)
    yield from asset_files()
    yield from directory_pages(site.directory, site_url, events_of=lambda slug: organisation_events(site.events, slug, today))
    yield from event_files(site.events, site.directory, site_url, today, now)
    yield from hours_files(site.hours, site.closed_days, site_url)
    yield from kiosk_files(site.directory, site.events, site.hours, site_url, cache)
    # The usual week and when the desk is closed; a third sentence would point to the web page's list of changes.
    week = tuple(describe_rule(site.hours.rule, site.closed_days)[:2])
    yield from catalogue_files(site.prints, site_url, hours=week, directory=site.directory, events=site.events, today=today)
