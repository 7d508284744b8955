"""The `translations:` option checked, with each language's catalogue and completeness (build and `torget check`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..events.load import translated_events
from ..site import Site, SiteSources
from ..sources.config_location import option_location
from ..sources.problems import Problem, SourceError, display_path
from .catalogues import LoadedCatalogue, language_problem, load_catalogue
from .completeness import LanguageReport, language_report
from .language import SOURCE_LANGUAGE


@dataclass(frozen=True)
class Translation:
    """One language besides bokmål: its code, its page folder and its checked catalogue."""

    code: str
    pages: Path
    folder: str
    """`pages` as written in mkdocs.yml, for messages."""
    catalogue: LoadedCatalogue


def load_translations(translations: dict[str, str], sources: SiteSources) -> list[Translation]:
    """Check `translations:` (codes, folders) and read each catalogue; raise SourceError naming file and line."""
    config = sources.hours_sources.config_file
    config_name = display_path(config, sources.root) if config else "mkdocs.yml"
    where = option_location(config, config_name, "translations")
    problems: list[Problem] = []
    found = []
    for code, folder in translations.items():
        code = str(code)
        if code == SOURCE_LANGUAGE:
            problems.append(where.at(code).problem("bokmål is the site's own language (docs/); list only the others"))
            continue
        if problem := language_problem(code):
            problems.append(where.at(code).problem(problem))
            continue
        if not isinstance(folder, str) or not (sources.root / folder).is_dir():
            problems.append(where.at(code).problem(
                f"{folder!r} is not a folder beside mkdocs.yml; give the folder of the {code} pages, e.g. docs-{code}"))
            continue
        try:
            catalogue = load_catalogue(code, sources.root)
        except SourceError as error:
            problems += error.problems
            continue
        found.append(Translation(code, sources.root / folder, folder, catalogue))
    if problems:
        raise SourceError(problems)
    return found


def language_reports(translations: list[Translation], site: Site, sources: SiteSources) -> list[LanguageReport]:
    """What each language lacks (see `completeness`)."""
    organisations = display_path(sources.organisations, sources.root)
    drafts = {draft.src_path for draft in site.drafts}
    return [language_report(t.code, t.folder, t.catalogue, sources.docs_folder, t.pages, site.directory, drafts,
                            organisations) for t in translations]


def translated_site(site: Site, translations: list[Translation], sources: SiteSources) -> Site:
    """`site` with the events' words in each language, from the language's event pages (see
    `events.load.translated_events`); raise SourceError naming the page and field that differs."""
    problems: list[Problem] = []
    events, every = site.events, site.all_events
    for t in translations:
        try:
            every = translated_events(every, t.code, t.pages, sources.root, site.directory)
        except SourceError as error:
            problems += error.problems
    if problems:
        raise SourceError(problems)
    shown = {event.src_path for event in events}
    return replace(site, all_events=every, events=type(events)(tuple(e for e in every if e.src_path in shown)))
