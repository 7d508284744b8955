"""Draft pages: `draft: true` in a page's front matter keeps it out of the published site.

The convention of Hugo and of Material's blog plugin. A draft is left out of `mkdocs build`
(no page, no event listing, feed, kiosk entry, search entry, sitemap entry or print file);
`mkdocs serve` and a staging build with the plugin's `drafts` option show it with a banner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..sources.front_matter import read_front_matter
from ..sources.problems import Problem, SourceError, display_path

DRAFT_KEY = "draft"
BANNER_TEXT = "Utkast – ikke publisert"
_FIRST_H1 = re.compile(r"^# (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Draft:
    """A page marked `draft: true`: its path under docs/ and its title as the page gives it."""

    src_path: str
    title: str


@dataclass(frozen=True)
class Drafts:
    """Every draft page under docs/, in the order of their paths."""

    pages: tuple[Draft, ...] = ()

    def __iter__(self) -> Iterator[Draft]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)

    def __contains__(self, src_path: object) -> bool:
        return any(draft.src_path == src_path for draft in self.pages)

    def summary(self) -> str:
        """"2 draft pages: arrangementer/moteplass.md, arrangementer/parorendekafe.md" (English, for logs)."""
        count = len(self.pages)
        names = ", ".join(draft.src_path for draft in self.pages)
        return f"{count} draft page{'s' if count != 1 else ''}" + (f": {names}" if names else "")


def banner_markdown() -> str:
    """The banner a shown draft carries at its top, as a Markdown block of HTML (role=note, not an alert)."""
    return (f'<p class="torget-draft-banner" role="note"><strong>{BANNER_TEXT}.</strong> '
            "Denne siden er et utkast. Den blir ikke med når nettstedet publiseres.</p>\n\n")


def load_drafts(docs: Path, root: Path) -> Drafts:
    """Every page under `docs` whose front matter says `draft: true`; SourceError for a `draft:` that is no yes/no."""
    problems: list[Problem] = []
    found: list[Draft] = []
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs)
        if any(part.startswith(".") for part in relative.parts):
            continue
        display = display_path(path, root)
        doc, read_problems = read_front_matter(path, display, DRAFT_KEY)
        problems += read_problems
        if doc is None or not isinstance(doc.data, dict) or read_problems:
            continue
        value = doc.data.get(DRAFT_KEY)
        if not isinstance(value, bool):
            problems.append(Problem(display, doc.line_of((DRAFT_KEY,)), DRAFT_KEY,
                                    f"expected true or false, not {value!r}; write draft: true to keep the page "
                                    "out of the published site, or remove the line to publish it"))
        elif value:
            found.append(Draft(relative.as_posix(), _title(doc.data, path)))
    if problems:
        raise SourceError(problems)
    return Drafts(tuple(found))


def _title(front_matter: dict, path: Path) -> str:
    event = front_matter.get("event")
    for candidate in (front_matter.get("title"), event.get("title") if isinstance(event, dict) else None):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    heading = _FIRST_H1.search(path.read_text(encoding="utf-8"))
    return heading.group(1).strip() if heading else path.stem

