"""What a language still lacks: interface strings, pages and the organisations' texts.

A language that lacks anything is not published: `mkdocs build` leaves it out unless `drafts: true`
(a staging build), and `torget check` lists what is missing, per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..directory.load import Directory
from .catalogues import LoadedCatalogue

DOCS_PAGES = "*.md"


@dataclass(frozen=True)
class LanguageReport:
    code: str
    folder: str
    """The language's page folder as the editor wrote it (`docs-en`)."""
    missing_strings: tuple[str, ...]
    missing_pages: tuple[str, ...]
    """Pages of docs/ (without the drafts) that the language's folder lacks, as paths under docs/."""
    missing_texts: tuple[str, ...]
    """`file: field` of every organisation, theme and umbrella text without a translation."""

    @property
    def complete(self) -> bool:
        return not (self.missing_strings or self.missing_pages or self.missing_texts)

    def lines(self, *, limit: int = 5) -> list[str]:
        """The report, one finding per line, each list cut at `limit` names."""
        def few(items: tuple[str, ...]) -> str:
            shown = ", ".join(items[:limit])
            return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")

        state = "complete: published" if self.complete else "incomplete: built only with `drafts: true`"
        lines = [f"language {self.code} ({self.folder}): {state}"]
        if self.missing_strings:
            lines.append(f"  {len(self.missing_strings)} interface strings not translated: {few(self.missing_strings)}")
        if self.missing_pages:
            lines.append(f"  {len(self.missing_pages)} pages missing in {self.folder}/: {few(self.missing_pages)}")
        if self.missing_texts:
            lines.append(f"  {len(self.missing_texts)} organisation texts not translated: {few(self.missing_texts)}")
        return lines


def page_paths(folder: Path) -> set[str]:
    """The Markdown pages under `folder`, as POSIX paths relative to it."""
    return {path.relative_to(folder).as_posix() for path in folder.rglob(DOCS_PAGES)} if folder.is_dir() else set()


def missing_texts(directory: Directory, code: str, organisations: str = "organisations") -> tuple[str, ...]:
    """Every text a visitor reads in bokmål that has no translation into `code`, as `file: field`."""
    found: list[str] = []
    for org in directory.organisations:
        where = f"{organisations}/{org.slug}.yaml"
        text = org.translations.get(code)
        if text is None or not text.description:
            found.append(f"{where}: description")
        for index, line in enumerate(org.helplines):
            own = line.translations.get(code)
            found += [f"{where}: helplines[{index + 1}].{name}" for name in ("description", "answered_by")
                      if getattr(line, name) and not (own and getattr(own, name))]
        support = org.peer_support
        if support is not None and support.description:
            own_support = support.translations.get(code)
            if not (own_support and own_support.description):
                found.append(f"{where}: peer_support.description")
    for category in directory.categories:
        if code not in category.translations:
            found.append(f"{organisations}/_categories.yaml: {category.name}")
    for umbrella in directory.umbrellas:
        own_umbrella = umbrella.translations.get(code)
        found += [f"{organisations}/_umbrellas.yaml: {umbrella.name}.{name}" for name in ("title", "relation", "label")
                  if not (own_umbrella and getattr(own_umbrella, name))]
    return tuple(found)


def language_report(code: str, folder: str, catalogue: LoadedCatalogue, docs: Path, pages: Path,
                    directory: Directory, drafts: set[str], organisations: str = "organisations") -> LanguageReport:
    """What `code` lacks: `docs` holds the bokmål pages, `pages` the language's; `drafts` (paths under docs/)
    need no translation while they are drafts."""
    wanted = page_paths(docs) - drafts
    return LanguageReport(code, folder, catalogue.missing, tuple(sorted(wanted - page_paths(pages))),
                          missing_texts(directory, code, organisations))
