"""Everyday words and other names for the directory's own words, from one editors' data file.

`organisations/_synonyms.yaml` maps a word the directory uses (in an organisation's name, short
name, keywords or themes) to the words visitors type for it:

    diabetes: [sukkersyke, sukkersjuke]
    slag: hjerneslag

The build adds the visitors' words to the search terms of every organisation that uses the
directory's word, so every search box finds them without a rule of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..sources.problems import Problem, SourceError
from ..sources.yaml_lines import read_yaml
from ..web.text import fold

SYNONYMS_FILE = "_synonyms.yaml"


@dataclass(frozen=True)
class Synonym:
    """The directory's word (`means`), the words visitors use for it, and where the entry stands."""

    means: str
    words: tuple[str, ...]
    line: int = 0

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![a-z0-9]){re.escape(fold(self.means))}")

    def found_in(self, folded_text: str) -> bool:
        """True when the directory's word begins a word of `folded_text` ("diabetes" in "type 1-diabetes")."""
        return self._pattern.search(folded_text) is not None


@dataclass(frozen=True)
class Synonyms:
    """Every entry of the synonyms file, in the file's order."""

    entries: tuple[Synonym, ...] = ()
    _found: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """`words_for` by text: the directory, the kiosk and the site search each ask for every organisation's."""

    def words_for(self, folded_text: str) -> list[str]:
        """The visitors' words for every directory word that `folded_text` uses."""
        if not self.entries:
            return []
        if (words := self._found.get(folded_text)) is None:
            words = tuple(word for entry in self.entries if entry.found_in(folded_text) for word in entry.words)
            self._found[folded_text] = words
        return list(words)

    def unused(self, folded_texts: Iterable[str]) -> list[Synonym]:
        """Entries whose directory word no organisation uses: a misspelling, or a word that has gone."""
        # One search per entry in all texts at once; the line break ends a word like a space does.
        text = "\n".join(folded_texts)
        return [entry for entry in self.entries if not entry.found_in(text)]


NO_SYNONYMS = Synonyms()


def load_synonyms(path: Path, display: str) -> Synonyms:
    """Read the synonyms file; a missing file means no synonyms. Raise SourceError listing every problem."""
    if not path.is_file():
        return NO_SYNONYMS
    doc, problems = read_yaml(path, display)
    if doc.data is None and all(problem.message.startswith("the file is empty") for problem in problems):
        return NO_SYNONYMS  # only comments: no synonyms yet
    entries: list[Synonym] = []
    seen: dict[str, str] = {}
    for means, value in (doc.data or {}).items():
        line = doc.line_of((means,))
        if not isinstance(means, str) or not means.strip():
            problems.append(Problem(display, line, str(means), "write the directory's word as text, e.g. `diabetes:`"))
            continue
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values:
            problems.append(
                Problem(
                    display,
                    line,
                    means,
                    "expected the words visitors use, as text or a list, e.g. `diabetes: [sukkersyke]`",
                )
            )
            continue
        words: list[str] = []
        for index, word in enumerate(values):
            where = doc.line_of((means, index)) if isinstance(value, list) else line
            field = f"{means}[{index + 1}]" if isinstance(value, list) else means
            if not isinstance(word, str) or not word.strip():
                source = doc.plain_scalars.get((means, index) if isinstance(value, list) else (means,))
                hint = f'; put it in quotes: "{source}"' if source else ""
                problems.append(Problem(display, where, field, f"expected a word as text, not {word!r}{hint}"))
                continue
            word = word.strip()
            key = fold(word)
            if key == fold(means):
                problems.append(
                    Problem(display, where, field, f"{word!r} is the directory's word itself; list only other words")
                )
            elif key in seen:
                problems.append(
                    Problem(
                        display, where, field, f"{word!r} is already listed under {seen[key]!r}; list each word once"
                    )
                )
            else:
                seen[key] = means
                words.append(word)
        entries.append(Synonym(means.strip(), tuple(words), line))
    if problems:
        raise SourceError(problems)
    return Synonyms(tuple(entries))


def unused_synonym_problems(synonyms: Synonyms, folded_texts: Iterable[str], display: str) -> list[Problem]:
    """A warning for every entry whose directory word no organisation's name, keywords or themes use."""
    return [
        Problem(
            display,
            entry.line,
            entry.means,
            f"no organisation's name, short name, keywords or themes use {entry.means!r}, so its words would "
            "find nothing; check the spelling, or add the word to an organisation's keywords",
        )
        for entry in synonyms.unused(folded_texts)
    ]
