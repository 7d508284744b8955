"""`torget`: the editors' commands. `check` validates, `new` starts a file, `schema` writes the JSON Schema."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from .build import editor_config_for
from .directory.categories import CATEGORIES_FILE, load_categories
from .directory.new import new_organisation_text
from .directory.schema import SCHEMA_FILE, schema_text
from .editor.collections import EditorOptions
from .editor.files import config_text
from .events.recurrence import oslo_date
from .plugin import TorgetPlugin, editor_options_from, sources_from
from .publishing.report import publication_report
from .shifts.check import shift_warnings
from .site import SiteSources, load_site
from .sources.problems import SourceError
from .web.text import slugify


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="torget", description="Tools for the editors of the Torget site.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every source file; list problems, entries due for review, "
                                              "and what stands between the project and publication")
    check.add_argument("--publish", action="store_true",
                       help="also fail while site_url is a placeholder or the school calendar is not confirmed "
                            "(for a production pipeline)")
    new = commands.add_parser("new", help="start a file for a new organisation")
    new.add_argument("name", help='the organisation\'s full name, e.g. "Foreningen for muskelsyke"')
    new.add_argument("--slug", help="file name (and web address) to use instead of one made from the name")
    schema = commands.add_parser("schema", help=f"write the JSON Schema for organisation files ({SCHEMA_FILE})")
    schema.add_argument("-o", "--output", help="file to write (default: print it)")
    commands.add_parser("editor-config", help="print the web editor's config.yml, made from the models")
    args = parser.parse_args(argv)
    if args.command == "editor-config":
        return _editor_config(Path(args.config_file))
    try:
        project = _project(Path(args.config_file))
    except (ConfigurationError, OSError) as error:
        print(f"torget: cannot read {args.config_file}: {error}", file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(project, args)
    handler = {"new": _new, "schema": _schema}[args.command]
    return handler(project.sources, args)


@dataclass(frozen=True)
class _Project:
    """The sources `mkdocs.yml` names, and the address the site is built for."""

    sources: SiteSources
    site_url: str
    docs_dir: str


def _project(config_file: Path) -> _Project:
    config = load_config(str(config_file))
    plugin = next((p for p in config.plugins.values() if isinstance(p, TorgetPlugin)), None)
    if plugin is None:
        raise ConfigurationError("the `torget` plugin is not listed under `plugins:`")
    sources = sources_from(config, plugin.config)
    return _Project(sources, config.site_url or "", _display(Path(config.docs_dir), sources.root))


def _editor_config(config_file: Path) -> int:
    """The config the editor would get; with the editor off, the one `make edit` (the local backend) uses."""
    try:
        config = load_config(str(config_file))
        plugin = next((p for p in config.plugins.values() if isinstance(p, TorgetPlugin)), None)
        if plugin is None:
            raise ConfigurationError("the `torget` plugin is not listed under `plugins:`")
        sources = sources_from(config, plugin.config)
        site = load_site(sources)
    except (ConfigurationError, OSError) as error:
        print(f"torget: cannot read {config_file}: {error}", file=sys.stderr)
        return 2
    except SourceError as error:
        print(error.report(), file=sys.stderr)
        return 1
    options = editor_options_from(plugin.config) or EditorOptions()
    sys.stdout.write(config_text(editor_config_for(site, sources, options, config.site_url or "")))
    return 0


def _check(project: _Project, args: argparse.Namespace) -> int:
    """Errors exit 1; with --publish, so do the blockers of publication. Everything else is reported."""
    sources = project.sources
    try:
        site = load_site(sources)
    except SourceError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for warning in site.hours.warnings:
        print(f"warning: {warning}")
    directory = site.directory
    today = dt.date.today()
    for org in directory.stale(today):
        if org.reviewed is not None:
            print(f"warning: {_relative(sources, org.slug)}: last checked {org.reviewed.isoformat()}; "
                  "confirm the entry with the organisation")
    short = shift_warnings(site.shifts, oslo_date(site.hours.now))
    for warning in short:
        print(f"warning: {warning}")
    report = publication_report(site, project.site_url, project.docs_dir, today)
    print(f"OK: {len(directory.organisations)} organisations in {len(directory.categories)} themes; "
          f"{len(directory.stale(today))} due for review" + (f"; {len(short)} staffed days in the next four weeks "
                                                             "lack an organisation." if short else "."))
    print("\nPublication report:")
    for line in report.lines():
        print(f"  {line}")
    blockers = report.blockers()
    if not blockers:
        print("Ready to publish.")
        return 0
    if not args.publish:
        print("Not ready to publish yet (`torget check --publish` fails until these are done):")
        for blocker in blockers:
            print(f"  - {blocker}")
        return 0
    print("torget check --publish: not ready to publish:", file=sys.stderr)
    for blocker in blockers:
        print(f"  - {blocker}", file=sys.stderr)
    return 1


def _new(sources: SiteSources, args: argparse.Namespace) -> int:
    slug = args.slug or slugify(args.name)
    if slugify(slug) != slug or not slug:
        print(f"torget: {slug!r} cannot be a file name; use lower-case a-z, digits and hyphens", file=sys.stderr)
        return 1
    path = sources.organisations / f"{slug}.yaml"
    if path.exists():
        print(f"torget: {_relative(sources, slug)} already exists and was left as it is; "
              "edit it, or choose another file name with --slug", file=sys.stderr)
        return 1
    categories = load_categories(sources.organisations / CATEGORIES_FILE, CATEGORIES_FILE)
    path.write_text(new_organisation_text(args.name, categories), encoding="utf-8")
    print(f"Wrote {_relative(sources, slug)}. Fill in the fields, then run `torget check`.")
    return 0


def _schema(sources: SiteSources, args: argparse.Namespace) -> int:
    try:
        categories = load_categories(sources.organisations / CATEGORIES_FILE, CATEGORIES_FILE)
    except SourceError as error:
        print(error.report(), file=sys.stderr)
        return 1
    text = schema_text(categories)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _relative(sources: SiteSources, slug: str) -> str:
    return _display(sources.organisations / f"{slug}.yaml", sources.root)


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
if __name__ == "__main__":
    raise SystemExit(main())
