"""The controlled vocabularies, each kept in one data file editors can read: themes and umbrella bodies."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from ..sources.problems import Problem, SourceError
from ..sources.validation import validate
from ..sources.yaml_lines import YamlDocument, read_yaml
from .model import Category, Umbrella

CATEGORIES_FILE = "_categories.yaml"
UMBRELLAS_FILE = "_umbrellas.yaml"

Entry = TypeVar("Entry", Category, Umbrella)


def load_categories(path: Path, display: str, languages: tuple[str, ...] | None = None) -> dict[str, Category]:
    """Read the themes: a list of `{name, description}`; names must be unique. The file must exist."""
    if not path.is_file():
        raise SourceError([Problem(display, None, None, "the category list is missing; it must list every theme")])
    return _load_vocabulary(path, display, Category, languages)


def load_umbrellas(path: Path, display: str, languages: tuple[str, ...] | None = None) -> dict[str, Umbrella]:
    """Read the umbrella bodies: a list of `{name, title, relation, label, organisation}`. No file means none."""
    return _load_vocabulary(path, display, Umbrella, languages) if path.is_file() else {}


def _load_vocabulary(path: Path, display: str, model: type[Entry],
                     languages: tuple[str, ...] | None = None) -> dict[str, Entry]:
    """Read a list of `model` entries with unique names; `translations:` may name only `languages`."""
    doc, problems = read_yaml(path, display, top_level=list)
    fields = " and ".join(f"`{name}:`" for name, info in model.model_fields.items() if info.is_required())
    entries: dict[str, Entry] = {}
    for index, entry in enumerate(doc.data or []):
        if not isinstance(entry, dict):
            problems.append(Problem(display, doc.line_of((index,)), f"[{index + 1}]", f"each entry needs {fields}"))
            continue
        entry_doc = YamlDocument(display, entry, _shift(doc.lines, index), _shift(doc.plain_scalars, index))
        found_entry, found = validate(model, entry_doc, {"languages": languages}, {})
        problems += found
        if found_entry is None:
            continue
        if found_entry.name in entries or any(e.slug == found_entry.slug for e in entries.values()):
            line = doc.line_of((index, "name"))
            problems.append(Problem(display, line, "name", f"{found_entry.name!r} is listed twice"))
        entries[found_entry.name] = found_entry
    if problems:
        raise SourceError(problems)
    return entries


def _shift(table: dict, index: int) -> dict:
    return {loc[1:]: value for loc, value in table.items() if loc[:1] == (index,)}
