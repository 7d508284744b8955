"""The editors' commands behind `torget` (see `cli.py`): `check` validates and reports what stands between
the project and publication, `new` starts a file, `schema` writes the JSON Schema, `editor-config` prints the
web editor's config, `stats` counts visits per printed code in the web server's logs, `review-round` writes
the yearly round of messages that ask the organisations to confirm their entries.

Every problem ends in a message and exit status 1, never a traceback: problems in the editors' files
as `file:line: field: what is wrong`, problems with mkdocs.yml as MkDocs words them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .directory.categories import CATEGORIES_FILE, UMBRELLAS_FILE, load_categories, load_umbrellas
from .directory.load import SLUG
from .options import OptionsError, read_project
from .shifts.check import shift_warnings
from .site import SiteSources, load_site
from .sources.problems import SourceError, display_path
from .web.clock import oslo_date
from .web.text import slugify
from .web.urls import SiteUrls, organisation_page

if TYPE_CHECKING:
    from .config import TorgetConfig
    from .readiness.report import PublicationReport

FAILED = 1


def run(args: argparse.Namespace) -> int:
    """Run the command `args` names (parsed by `cli.py`); returns the exit status."""
    handlers: dict[str, Callable[[Project, argparse.Namespace], int]] = {
        "check": _check,
        "new": _new,
        "schema": _schema,
        "editor-config": _editor_config,
        "stats": _stats,
        "review-round": _review_round,
    }
    try:
        return handlers[args.command](_project(Path(args.config_file)), args)
    except (OptionsError, OSError) as error:
        print(f"torget: cannot read {args.config_file}: {error}", file=sys.stderr)
    except SourceError as error:
        print(error.report(), file=sys.stderr)
    return FAILED


@dataclass(frozen=True)
class Project:
    """What the commands need from mkdocs.yml: where the sources are, the plugin's options, the site's addresses.

    Read without loading every plugin mkdocs.yml lists (see `options.read_project`), so `check` answers quickly.
    """

    options: TorgetConfig
    sources: SiteSources
    urls: SiteUrls
    option_warnings: tuple[str, ...] = ()
    """MkDocs's warnings about the plugin's options, e.g. a misspelt name that would be ignored."""

    def relative(self, slug: str) -> str:
        return display_path(self.sources.organisations / f"{slug}.yaml", self.sources.root)

    @property
    def categories_file(self) -> tuple[Path, str]:
        path = self.sources.organisations / CATEGORIES_FILE
        return path, display_path(path, self.sources.root)

    @property
    def umbrellas_file(self) -> tuple[Path, str]:
        path = self.sources.organisations / UMBRELLAS_FILE
        return path, display_path(path, self.sources.root)


def _project(config_file: Path) -> Project:
    return Project(*read_project(config_file))


def _check(project: Project, args: argparse.Namespace) -> int:
    """Errors exit 1; with --publish, so do the blockers of publication. Everything else is reported."""
    from .build import print_warnings
    from .i18n.setup import language_reports, load_translations, translated_site
    from .printing.event_posters import event_poster_problems  # drawing: only `check` needs it
    from .printing.options import print_option_problems
    from .readiness.report import publication_report

    translations = load_translations(project.options.translations, project.sources)
    sources = project.sources
    if option_problems := print_option_problems(sources.prints, sources.docs_folder, sources.root / "site"):
        for problem in option_problems:  # as the build words them, naming the option in mkdocs.yml
            print(problem, file=sys.stderr)
        return FAILED
    site = translated_site(load_site(project.sources), translations, sources)
    today = oslo_date(site.hours.now)
    # An event's text must also fit on its poster, which only drawing it tells.
    if problems := event_poster_problems(site.prints, project.urls, site.directory, site.events, today):
        raise SourceError(problems)
    reports = language_reports(translations, site, project.sources)
    english = any(report.code == "en" and report.complete for report in reports)
    for warning in (*project.option_warnings, *site.hours.warnings, *site.directory.warnings,
                    *print_warnings(site, project.urls, english=english)):
        print(f"warning: {warning}")
    directory = site.directory
    stale = directory.stale(today)
    # Entries never checked are counted in the report below; those checked long ago are named here.
    for org in stale:
        if org.reviewed is not None:
            print(f"warning: {project.relative(org.slug)}: last checked {org.reviewed.isoformat()}; "
                  "confirm the entry with the organisation")
    for org in directory.organisations:
        if not org.sources:
            print(f"warning: {project.relative(org.slug)}: no `sources:`; list the pages the facts come from")
    short = shift_warnings(site.shifts, today)
    for warning in short:
        print(f"warning: {warning}")
    lacking = f"; {len(short)} staffed days in the next four weeks lack an organisation." if short else "."
    print(
        f"OK: {len(directory.organisations)} organisations in {len(directory.categories)} themes; "
        f"{len(stale)} due for review{lacking}"
    )
    # Per language: the interface strings, pages and organisation texts it lacks; an incomplete one is not published.
    for language_report in reports:
        for line in language_report.lines():
            print(line)
    docs = display_path(project.sources.docs_folder.resolve(), project.sources.root)
    from .review.round import round_progress

    progress = round_progress(project.sources.organisations, project.sources.root, directory)
    report = publication_report(site, project.urls.site_url, docs, today, review_round=progress)
    return _publication(report, publish=args.publish)


def _publication(report: PublicationReport, *, publish: bool) -> int:
    """Print the report; with `publish`, fail (on stderr) while something stands in the way of publication."""
    print("\nPublication report:")
    for line in report.lines():
        print(f"  {line}")
    blockers = report.blockers()
    if not blockers:
        print("Ready to publish.")
        return 0
    if not publish:
        print("Not ready to publish yet (`torget check --publish` fails until these are done):")
        for blocker in blockers:
            print(f"  - {blocker}")
        return 0
    print("torget check --publish: not ready to publish:", file=sys.stderr)
    for blocker in blockers:
        print(f"  - {blocker}", file=sys.stderr)
    return FAILED


def _new(project: Project, args: argparse.Namespace) -> int:
    slug = args.slug or slugify(args.name)
    if not SLUG.fullmatch(slug):
        print(f"torget: {slug!r} cannot be a file name; use lower-case a-z, digits and single hyphens", file=sys.stderr)
        return FAILED
    path = project.sources.organisations / f"{slug}.yaml"
    if path.exists():
        print(
            f"torget: {project.relative(slug)} already exists and was left as it is; "
            "edit it, or choose another file name with --slug",
            file=sys.stderr,
        )
        return FAILED
    from .directory.new import new_organisation_text  # not needed by `check`, which should answer at once

    categories = load_categories(*project.categories_file)
    address = project.urls.absolute(organisation_page(slug))
    umbrellas = load_umbrellas(*project.umbrellas_file)
    path.write_text(new_organisation_text(args.name, categories, address, umbrellas), encoding="utf-8")
    print(f"Wrote {project.relative(slug)}; its page will be {address}. Fill in the fields, then run `torget check`.")
    return 0


def _schema(project: Project, args: argparse.Namespace) -> int:
    from .directory.schema import schema_text  # pydantic's schema generator: only this command needs it

    text = schema_text(load_categories(*project.categories_file), load_umbrellas(*project.umbrellas_file))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _editor_config(project: Project, args: argparse.Namespace) -> int:
    """The config the editor would get; with the editor off, the one `make edit` (the local backend) uses."""
    # The build's modules: only this command needs them.
    from .build import editor_config_for
    from .editor.collections import EditorOptions
    from .editor.files import config_text
    from .plugin import editor_options_from

    site = load_site(project.sources)
    options = editor_options_from(project.options) or EditorOptions()
    sys.stdout.write(config_text(editor_config_for(site, project.sources, options, project.urls.site_url)))
    return 0




def _outside_docs(project: Project, out: Path) -> str | None:
    """Why `out` may not receive LMS's own files: inside the docs folder they would be published."""
    docs = project.sources.docs_folder.resolve()
    if out.resolve().is_relative_to(docs):
        return (f"torget: {out} is inside the docs folder ({display_path(docs, project.sources.root)}), so it would "
                "be published with the site; choose a folder outside it, e.g. --out tall/")
    return None


def _stats(project: Project, args: argparse.Namespace) -> int:
    """Count visits per printed code and week; nothing is written unless some code was visited."""
    from urllib.parse import urlsplit

    from .printing.codes import printed_codes
    from .stats.logs import LogError, read_logs
    from .stats.report import write_report
    from .stats.visits import NoVisits, count_visits

    out = Path(args.out)
    if problem := _outside_docs(project, out):
        print(problem, file=sys.stderr)
        return FAILED
    site = load_site(project.sources)
    codes = printed_codes(site.directory, site.events, project.urls)
    pages = {"/" + project.urls.page(organisation_page(org.slug)): org.display_name
             for org in site.directory.organisations}
    try:
        reading = read_logs(Path(log) for log in args.logs)
        figures = count_visits(reading, codes, site_path=urlsplit(project.urls.site_url).path or "/",
                               organisation_pages=pages)
    except LogError as error:
        print(f"torget stats: {error}", file=sys.stderr)
        return FAILED
    except NoVisits as error:
        print(f"torget stats: {error}; nothing was written. Are these the logs of "
              f"{project.urls.site_url}, and of a period when the codes were up?", file=sys.stderr)
        return FAILED
    written = write_report(figures, out, site_name=project.sources.prints.title, site_url=project.urls.site_url)
    print(f"Read {reading.files} log files: {len(reading.requests)} requests, {reading.malformed} lines "
          f"skipped as not log lines; {figures.page_visits} page visits, "
          f"{sum(figures.visits.values())} of them through a printed code, in {len(figures.weeks)} weeks.")
    print("Wrote " + " and ".join(str(path) for path in written))
    return 0


def _review_round(project: Project, args: argparse.Namespace) -> int:
    """Write the round's messages and letters, its summary and its record; nothing is sent."""
    from .review.documents import LetterTooLong, letter, message
    from .review.round import ROUND_FILE, SUMMARY_FILE, recipients, round_record, summary_csv

    out = Path(args.out)
    if problem := _outside_docs(project, out):
        print(problem, file=sys.stderr)
        return FAILED
    reply_to = project.options.corrections_email
    if not reply_to:
        print("torget review-round: set `corrections_email` under `plugins: - torget:` in mkdocs.yml to LMS's "
              "address; the organisations' answers go there (Reply-To)", file=sys.stderr)
        return FAILED
    site = load_site(project.sources)  # a malformed e-mail address stops here, with file, line and field
    now = site.hours.now
    today = oslo_date(now)
    chosen = recipients(site.directory, today, only_due=args.only_due)
    if not chosen:
        print("torget review-round: no organisation is due for review (every entry was checked in the last "
              "12 months); nothing was written", file=sys.stderr)
        return FAILED
    documents: dict[str, bytes] = {}
    for item in chosen:
        page = project.urls.absolute(organisation_page(item.org.slug))
        try:
            documents[item.file] = (message(item.org, site.directory, page, reply_to, now) if item.by == "e-post"
                                    else letter(item.org, site.directory, page, reply_to, today))
        except LetterTooLong as error:
            print(f"torget review-round: {project.relative(item.org.slug)}: {error}", file=sys.stderr)
            return FAILED
    for name, content in documents.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (out / SUMMARY_FILE).write_text(summary_csv(chosen), encoding="utf-8")
    record = project.sources.organisations / ROUND_FILE
    record.write_text(round_record(today, chosen), encoding="utf-8")
    mails = sum(item.by == "e-post" for item in chosen)
    print(f"Wrote {mails} e-mail messages ({out / 'e-post'}) and {len(chosen) - mails} letters ({out / 'brev'}); "
          f"who got what: {out / SUMMARY_FILE}.")
    print(f"Nothing was sent: open the messages in the mail program and send them, print and post the letters. "
          f"The round is recorded in {display_path(record, project.sources.root)}; commit it, so `torget check` "
          "can show how many have answered.")
    return 0
