"""`torget`: the editors' commands. `check` validates, `new` starts a file, `schema` writes the JSON Schema."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .directory.categories import CATEGORIES_FILE, load_categories
from .directory.schema import SCHEMA_FILE
from .events.recurrence import oslo_date
from .options import OptionsError, read_sources
from .shifts.check import shift_warnings
from .site import SiteSources, load_site
from .sources.problems import SourceError
from .web.text import slugify


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="torget", description="Tools for the editors of the Torget site.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every source file; list problems and entries due for review")
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
        sources = read_sources(Path(args.config_file))
    except OptionsError as error:
        print(f"torget: cannot read {args.config_file}: {error}", file=sys.stderr)
        return 2
    handler = {"check": _check, "new": _new, "schema": _schema}[args.command]
    return handler(sources, args)


def _editor_config(config_file: Path) -> int:
    """The config the editor would get; with the editor off, the one `make edit` (the local backend) uses."""
    # The whole MkDocs configuration and the build's modules: only this command needs them.
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from .build import editor_config_for
    from .editor.collections import EditorOptions
    from .editor.files import config_text
    from .plugin import TorgetPlugin, editor_options_from, sources_from

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


def _check(sources: SiteSources, args: argparse.Namespace) -> int:
    try:
        site = load_site(sources)
    except SourceError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for warning in site.hours.warnings:
        print(f"warning: {warning}")
    directory = site.directory
    stale = directory.stale(dt.date.today())
    for org in stale:
        when = f"last checked {org.reviewed.isoformat()}" if org.reviewed else "never checked (no `reviewed:` date)"
        print(f"warning: {_relative(sources, org.slug)}: {when}; confirm the entry with the organisation")
    short = shift_warnings(site.shifts, oslo_date(site.hours.now))
    for warning in short:
        print(f"warning: {warning}")
    print(f"OK: {len(directory.organisations)} organisations in {len(directory.categories)} themes; "
          f"{len(stale)} due for review" + (f"; {len(short)} staffed days in the next four weeks lack an organisation."
                                             if short else "."))
    return 0


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
    from .directory.new import (
        new_organisation_text,  # not needed by `check`, which should answer at once
    )

    categories = load_categories(sources.organisations / CATEGORIES_FILE, CATEGORIES_FILE)
    path.write_text(new_organisation_text(args.name, categories), encoding="utf-8")
    print(f"Wrote {_relative(sources, slug)}. Fill in the fields, then run `torget check`.")
    return 0


def _schema(sources: SiteSources, args: argparse.Namespace) -> int:
    from .directory.schema import (
        schema_text,  # pydantic's schema generator: only this command needs it
    )

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
    return (sources.organisations / f"{slug}.yaml").relative_to(sources.root).as_posix()
if __name__ == "__main__":
    raise SystemExit(main())
