"""The editors' commands behind `torget` (see `cli.py`): `check` validates and reports what stands between
the project and publication, `new` starts a file, `schema` writes the JSON Schema, `editor-config` prints the
web editor's config.

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
    from .printing.event_posters import event_poster_problems  # drawing: only `check` needs it
    from .printing.options import print_option_problems
    from .readiness.report import publication_report

    sources = project.sources
    if option_problems := print_option_problems(sources.prints, sources.docs_folder, sources.root / "site"):
        for problem in option_problems:  # as the build words them, naming the option in mkdocs.yml
            print(problem, file=sys.stderr)
        return FAILED
    site = load_site(project.sources)
    today = oslo_date(site.hours.now)
    # An event's text must also fit on its poster, which only drawing it tells.
    if problems := event_poster_problems(site.prints, project.urls, site.directory, site.events, today):
        raise SourceError(problems)
    for warning in (*project.option_warnings, *site.hours.warnings, *site.directory.warnings,
                    *print_warnings(site, project.urls)):
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
    docs = display_path(project.sources.docs_folder.resolve(), project.sources.root)
    return _publication(publication_report(site, project.urls.site_url, docs, today), publish=args.publish)


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


