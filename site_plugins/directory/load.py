"""Load every organisation file into one validated, alphabetically ordered directory."""

from __future__ import annotations

import datetime as dt
import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from ..search.synonyms import (
    NO_SYNONYMS,
    SYNONYMS_FILE,
    Synonyms,
    load_synonyms,
    unused_synonym_problems,
)
from ..search.terms import directory_words
from ..sources.problems import Problem, SourceError, display_path
from ..sources.validation import validate
from ..sources.yaml_lines import read_yaml
from ..web.text import fold, slugify, sort_key
from .categories import CATEGORIES_FILE, UMBRELLAS_FILE, load_categories, load_umbrellas
from .model import SLUG, Category, Organisation, Umbrella

STALE_AFTER = dt.timedelta(days=365)


@dataclass(frozen=True)
class Directory:
    """All organisations (in A–Å order), the themes they are filed under and the umbrella bodies they name."""

    organisations: tuple[Organisation, ...]
    """The organisations offered to visitors: every entry but the merged and the dissolved."""
    categories: tuple[Category, ...]
    umbrellas: tuple[Umbrella, ...] = ()
    synonyms: Synonyms = NO_SYNONYMS
    """Visitors' words for the directory's words (`organisations/_synonyms.yaml`), for search."""
    warnings: tuple[str, ...] = ()
    """What an editor should look at although the site can be built (e.g. a synonym nobody's keywords use)."""
    former: tuple[Organisation, ...] = ()
    """Entries that no longer exist as listed (merged into another, or dissolved): only their old address is
    served, forwarding to the successor or saying the organisation was dissolved."""

    def organisation(self, slug: str) -> Organisation | None:
        return next((org for org in self.organisations if org.slug == slug), None)

    def renamed(self, former_slug: str) -> Organisation | None:
        """The organisation that lists `former_slug` as an earlier file name, if any."""
        return next((org for org in self.organisations if former_slug in org.former_slugs), None)

    def in_category(self, category: Category) -> list[Organisation]:
        return [org for org in self.organisations if category.name in org.categories]

    def category(self, name: str) -> Category:
        return next(category for category in self.categories if category.name == name)

    def umbrella(self, name: str) -> Umbrella:
        return next(umbrella for umbrella in self.umbrellas if umbrella.name == name)

    def in_umbrella(self, umbrella: Umbrella) -> list[Organisation]:
        return [org for org in self.organisations if umbrella.name in org.umbrella]

    def merged(self) -> list[Organisation]:
        return [org for org in self.former if org.status.state == "merged"]

    def dissolved(self) -> list[Organisation]:
        return [org for org in self.former if org.status.state == "dissolved"]

    def with_state(self, state: str) -> list[Organisation]:
        """Listed organisations whose status is `state` (merging, uncertain)."""
        return [org for org in self.organisations if org.status.state == state]

    def stale(self, today: dt.date) -> list[Organisation]:
        """Entries not checked with their organisation in the last 12 months (or never)."""
        return [org for org in self.organisations if org.reviewed is None or today - org.reviewed > STALE_AFTER]


def load_directory(folder: Path, root: Path, languages: tuple[str, ...] | None = None) -> Directory:
    """Read `folder` (organisations/); raise SourceError listing every problem in every file.

    `languages` are the site's languages besides bokmål, the only ones a `translations:` block may name
    (None accepts any, for tools that read the files without a site)."""
    categories = load_categories(folder / CATEGORIES_FILE, display_path(folder / CATEGORIES_FILE, root), languages)
    umbrellas_display = display_path(folder / UMBRELLAS_FILE, root)
    umbrellas = load_umbrellas(folder / UMBRELLAS_FILE, umbrellas_display, languages)
    problems: list[Problem] = []
    synonyms_display = display_path(folder / SYNONYMS_FILE, root)
    try:
        synonyms = load_synonyms(folder / SYNONYMS_FILE, synonyms_display)
    except SourceError as error:
        problems += error.problems
        synonyms = NO_SYNONYMS
    organisations: list[Organisation] = []
    names: dict[str, str] = {}
    former: list[tuple[str, str, int]] = []  # (old slug, file, line) for the cross-file check
    successors: list[tuple[Organisation, str, int]] = []  # (merging or merged entry, file, line of `successor`)
    in_folder = display_path(folder, root)
    for name in sorted(os.listdir(folder)):
        path = folder / name
        if name.startswith(("_", ".")) or path.suffix not in (".yaml", ".yml"):
            continue
        display = name if in_folder == "." else f"{in_folder}/{name}"  # display_path, once per folder
        if path.suffix == ".yml" or not SLUG.match(path.stem):
            message = (
                "the file name becomes the page address, so it may hold only lower-case a-z, digits and single "
                f"hyphens, and end in .yaml: rename it, e.g. to {slugify(path.stem) or 'navn-pa-forening'}.yaml"
            )
            problems.append(Problem(display, None, None, message))
            continue
        doc, read_problems = read_yaml(path, display)
        problems += read_problems
        if doc.data is None:
            continue
        if "slug" in doc.data:
            problems.append(
                Problem(display, doc.line_of(("slug",)), "slug", "is taken from the file name; remove this field")
            )
            continue
        if "merged_names" in doc.data:
            problems.append(Problem(display, doc.line_of(("merged_names",)), "merged_names",
                                    "is worked out from the files with `status: {state: merged}`; remove this field"))
            continue
        context = {"categories": categories, "umbrellas": umbrellas, "languages": languages}
        organisation, found = validate(Organisation, doc, context, {"slug": path.stem})
        # A value YAML could not read was already reported; do not report it again as missing or empty.
        unreadable = {p.field for p in read_problems}
        problems += [
            p for p in found if not any(p.field == f or (p.field or "").startswith(f"{f}.") for f in unreadable)
        ]
        if organisation is None or read_problems:
            continue
        key = fold(organisation.name)
        if key in names:
            message = f"{organisation.name!r} is also the name in {names[key]}; each organisation has one file"
            problems.append(Problem(display, doc.line_of(("name",)), "name", message))
            continue
        names[key] = display
        organisations.append(organisation)
        former += [(old, display, doc.line_of(("former_slugs", i))) for i, old in enumerate(organisation.former_slugs)]
        if organisation.status.successor:
            successors.append((organisation, display, doc.line_of(("status", "successor"))))
    problems += _address_clashes(folder, former)
    problems += _successor_problems(successors, {org.slug: org for org in organisations})
    if problems:
        raise SourceError(problems)
    organisations = _with_merged_names(organisations)
    gone = tuple(sorted((org for org in organisations if not org.listed), key=lambda org: sort_key(org.name)))
    organisations = [org for org in organisations if org.listed]
    organisations.sort(key=lambda org: sort_key(org.name))
    # A synonym no organisation uses finds nothing but harms nothing: a warning, so that removing
    # an organisation never stops the build.
    words = [fold(" ".join(directory_words(org))) for org in organisations]
    warnings = tuple(str(problem) for problem in unused_synonym_problems(synonyms, words, synonyms_display))
    warnings += _umbrella_page_warnings(umbrellas, {org.slug for org in organisations}, umbrellas_display)
    return Directory(tuple(organisations), tuple(categories.values()), tuple(umbrellas.values()), synonyms, warnings,
                     gone)


def _successor_problems(successors: list[tuple[Organisation, str, int]],
                        by_slug: dict[str, Organisation]) -> list[Problem]:
    """A successor is another organisation's file, and one that is still offered to visitors."""
    problems = []
    for org, display, line in successors:
        successor = by_slug.get(org.status.successor or "")
        if org.status.successor == org.slug:
            message = "names this file itself; write the file name of the organisation it joins"
        elif successor is None:
            close = difflib.get_close_matches(org.status.successor or "", by_slug, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            message = (f"{org.status.successor!r} is not an organisation file in this folder.{hint} Write the "
                       "file name (without .yaml) of the organisation it joins")
        elif not successor.listed:
            message = (f"{successor.slug!r} is itself {successor.status.state}, so it cannot take over this entry; "
                       "name the organisation that exists now")
        else:
            continue
        problems.append(Problem(display, line, "status.successor", message))
    return problems


def _with_merged_names(organisations: list[Organisation]) -> list[Organisation]:
    """Each successor also answers to the names of the organisations merged into it (for search)."""
    names: dict[str, list[str]] = {}
    for org in organisations:
        if org.status.state == "merged" and org.status.successor:
            names.setdefault(org.status.successor, []).extend(filter(None, (org.name, org.short_name)))
    return [org.model_copy(update={"merged_names": tuple(names[org.slug])}) if org.slug in names else org
            for org in organisations]


def _address_clashes(folder: Path, former: list[tuple[str, str, int]]) -> list[Problem]:
    """A former address may neither hide a current page nor forward to two pages."""
    problems = []
    claimed: dict[str, str] = {}
    for old, display, line in former:
        current = folder / f"{old}.yaml"
        if current.is_file():
            message = (f"{old!r} is the file name of {current.name}, so its address /organisasjoner/{old}/ is in use; "
                       "a former address must not be a current one: remove it here, or rename that file")
            problems.append(Problem(display, line, "former_slugs", message))
        elif old in claimed:
            message = f"{old!r} is also a former name in {claimed[old]}; an old address can forward to one page only"
            problems.append(Problem(display, line, "former_slugs", message))
        else:
            claimed[old] = display
    return problems


def _umbrella_page_warnings(umbrellas: dict[str, Umbrella], slugs: set[str], display: str) -> tuple[str, ...]:
    """An umbrella's own page that is not in the directory: its sentence is printed without a link.
    A warning, not a problem, so that removing an organisation never stops the build."""
    advice = "write the umbrella's own file name without .yaml, or leave the field out"
    return tuple(
        str(Problem(display, None, "organisation", f"{umbrella.name}: there is no {umbrella.organisation}.yaml, so "
                                                   f"the sentence on member pages is not linked; {advice}"))
        for umbrella in umbrellas.values() if umbrella.organisation and umbrella.organisation not in slugs
    )
