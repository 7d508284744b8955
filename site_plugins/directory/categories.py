"""The controlled vocabulary of themes, kept in one data file editors can read."""

from __future__ import annotations

from pathlib import Path

from ..sources.problems import Problem, SourceError
from ..sources.validation import validate
from ..sources.yaml_lines import YamlDocument, read_yaml
from .model import Category

CATEGORIES_FILE = "_categories.yaml"


def load_categories(path: Path, display: str) -> dict[str, Category]:
    """Read the vocabulary: a list of `{name, description}`; names must be unique."""
    if not path.is_file():
        raise SourceError([Problem(display, None, None, "the category list is missing; it must list every theme")])
    doc, problems = read_yaml(path, display, top_level=list)
    categories: dict[str, Category] = {}
    for index, entry in enumerate(doc.data or []):
        if not isinstance(entry, dict):
            problems.append(
                Problem(display, doc.line_of((index,)), f"[{index + 1}]", "each entry needs `name:` and `description:`")
            )
            continue
        entry_doc = YamlDocument(display, entry, _shift(doc.lines, index), _shift(doc.plain_scalars, index))
        category, found = validate(Category, entry_doc, {}, {})
        problems += found
        if category is None:
            continue
        if category.name in categories or any(c.slug == category.slug for c in categories.values()):
            problems.append(
                Problem(display, doc.line_of((index, "name")), "name", f"{category.name!r} is listed twice")
            )
        categories[category.name] = category
    if problems:
        raise SourceError(problems)
    return categories


def _shift(table: dict, index: int) -> dict:
    return {loc[1:]: value for loc, value in table.items() if loc[:1] == (index,)}
