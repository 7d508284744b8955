"""The composition root: every page and file of the site, each output handed only the inputs it needs."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .directory.helplines import line_schedules
from .directory.pages import directory_pages
from .editor.collections import EditorOptions, editor_config, editor_sources
from .editor.files import EDITOR_FOLDER, HANDBOOK, editor_files
from .events.pages import event_files, organisation_events
from .hours.pages import HOURS_JSON, hours_files
from .hours.text import describe_rule
from .i18n.languages import BOKMAL_ONLY, SiteLanguages
from .kiosk.data import KIOSK_FOLDER_URL
from .kiosk.page import kiosk_files
from .offline.pages import left_out, offline_page
from .offline.worker import BuiltPage, WorkerPlan, site_worker
from .printing.catalogue import PAGE_CODE_MM, catalogue_files, rollup_warnings
from .printing.drawn import code_files
from .readiness.proof import prints_are_proofs
from .shifts.feeds import shift_feed_files
from .shifts.pages import SHIFTS_JSON, organisation_shifts, shift_files
from .site import Site, SiteSources
from .web.assets import asset_files
from .web.cache import FileCache
from .web.clock import oslo_date
from .web.output import GeneratedFile
from .web.qr import page_qr
from .web.urls import SiteUrls, organisation_path

ENGLISH_LINE = "In English: scan the code and choose English at the top."
"""The roll-up's and A4 poster's one line for English readers, printed once the English site is published (the
printed code's page offers English in its language switch, at the top of its content)."""



def site_files(site: Site, urls: SiteUrls, *, every_output: bool = True,
               languages: SiteLanguages = BOKMAL_ONLY) -> Iterator[GeneratedFile]:
    """Every page and file the plugin adds to the build; `urls` holds the site's address and URL style.

    Renders in the language `i18n.language.use_language` set. `every_output` false (another language's site)
    leaves out `bokmal_only_files`."""
    now = site.hours.now
    today = oslo_date(now)
    yield from asset_files()
    yield from directory_pages(
        site.directory,
        urls,
        events_of=lambda slug: organisation_events(site.events, slug, today),
        shifts_of=lambda slug: organisation_shifts(site.shifts, slug, urls),
        corrections_email=site.corrections_email,
    )
    yield from event_files(site.events, site.directory, urls, today, now)
    yield from hours_files(site.hours, site.closed_days, urls, line_schedules(site.directory, now))
    yield from shift_files(site.shifts, site.directory, urls)
    yield from shift_feed_files(site.shifts, site.directory, urls, now)
    if every_output:
        yield from bokmal_only_files(site, urls, languages)


def bokmal_only_files(site: Site, urls: SiteUrls, languages: SiteLanguages = BOKMAL_ONLY) -> Iterator[GeneratedFile]:
    """What only the bokmål site has (its pages have no counterpart in another language): the kiosk, which
    switches between `languages` itself, the print files (with `ENGLISH_LINE` when English is published) and
    their staff page, and the offline page."""
    today = oslo_date(site.hours.now)
    cache = FileCache(site.prints.cache_folder)
    yield from kiosk_files(site.directory, site.events, site.hours, urls, cache, languages)
    yield from catalogue_files(site.prints, urls, hours=desk_week(site), directory=site.directory, events=site.events,
                               today=today, proof=prints_are_proofs(urls.site_url),
                               english=ENGLISH_LINE if "en" in languages.codes else "")
    yield offline_page(urls)


def page_code_files(site: Site, urls: SiteUrls) -> Iterator[GeneratedFile]:
    """Another language's own QR codes of its organisation and event pages (the «take it with you» box): each
    encodes that language's page. The bokmål site's are drawn with its print files (`bokmal_only_files`)."""
    cache = FileCache(site.prints.cache_folder)
    proof = prints_are_proofs(urls.site_url)
    for src_path in (*(organisation_path(org) for org in site.directory.organisations),
                     *(event.src_path for event in site.events)):
        yield from code_files(cache, page_qr(src_path, urls), PAGE_CODE_MM, proof=proof)


def desk_week(site: Site) -> tuple[str, ...]:
    """The usual week and when the desk is closed, as the prints say it; a third sentence would point to the web
    page's list of changes."""
    return tuple(describe_rule(site.hours.rule, site.closed_days)[:2])


def print_warnings(site: Site, urls: SiteUrls, *, english: bool = False) -> list[str]:
    """The preflight of the prints: what in the roll-up breaks a rule for the foyer (build and `torget check`)."""
    return rollup_warnings(site.prints, desk_week(site), urls, english=ENGLISH_LINE if english else "")


def offline_worker(stored: Sequence[BuiltPage], offline: BuiltPage,
                   read: Callable[[str], bytes | None]) -> tuple[str, WorkerPlan, int]:
    """The public site's service worker, from the built pages: `stored` (chosen by `offline.pages.stored_offline`)
    with the files they load, the data the opening-hours and shift scripts fetch, and the offline page. It
    leaves the kiosk (which has its own, made by the same mechanism) and the web editor alone, and the pages'
    own QR codes out (`offline.pages.left_out`)."""
    return site_worker(stored, offline, read, data=(HOURS_JSON, SHIFTS_JSON),
                       elsewhere=(KIOSK_FOLDER_URL, f"{EDITOR_FOLDER}/"), left_out=left_out)


def editor_config_for(site: Site, sources: SiteSources, options: EditorOptions, site_url: str) -> dict[str, Any]:
    """The web editor's config: collections over the editors' files, themes from the site's vocabulary."""
    files = editor_sources(sources.root, sources.organisations, sources.docs_folder,
                           sources.hours_sources.school_holidays, [event.src_path for event in site.all_events])
    return editor_config(options, files, [category.name for category in site.directory.categories], site_url,
                         [umbrella.name for umbrella in site.directory.umbrellas], sources.languages)


def editor_site_files(site: Site, sources: SiteSources, options: EditorOptions, site_url: str, site_name: str,
                      node_modules: Path) -> Iterator[GeneratedFile]:
    """The web editor at /admin/: its page, its config and the scripts it loads, all from the site itself, and the
    editors' handbook (`handbook/redaktorhandbok.md` beside mkdocs.yml) when the project has one."""
    handbook = sources.root / HANDBOOK
    yield from editor_files(editor_config_for(site, sources, options, site_url), node_modules, site_name,
                            handbook if handbook.is_file() else None)
