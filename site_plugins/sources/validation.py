"""Turn pydantic's validation errors into problems an editor can act on."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .yaml_lines import Loc, YamlDocument, field_name

_TYPE_NAMES = {bool: "a yes/no value", int: "a number", float: "a number", list: "a list", dict: "a group of fields"}


def validate(
    model: type[BaseModel], doc: YamlDocument, context: dict[str, Any], extra: dict[str, Any]
) -> tuple[Any, list[Problem]]:
    """Validate `doc.data` (plus `extra` fields the file does not hold) against `model`."""
    data = without_blanks(doc.data) if doc.blank_text else doc.data
    try:
        return model.model_validate({**data, **extra}, context=context), []
    except ValidationError as error:
        return None, [_problem(model, doc, item) for item in error.errors()]


def without_blanks(data: Any) -> Any:
    """The data with empty text (`key: ""`, as web forms write a cleared field) left out, at any depth.

    An empty optional field means the same as a missing one; an empty required field is reported as empty.
    """
    if isinstance(data, dict):
        return {
            key: without_blanks(value)
            for key, value in data.items()
            if not (isinstance(value, str) and not value.strip())
        }
    if isinstance(data, list):
        return [without_blanks(value) for value in data]
    return data


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _problem(model: type[BaseModel], doc: YamlDocument, item: Any) -> Problem:
    loc: Loc = tuple(part for part in item["loc"] if not (isinstance(part, str) and "[" in part))
    return Problem(doc.path, doc.line_of(loc), field_name(loc), _message(model, doc, loc, item))


def _message(model: type[BaseModel], doc: YamlDocument, loc: Loc, item: Any) -> str:
    kind, value, ctx = item["type"], item.get("input"), item.get("ctx", {})
    if kind == "missing":
        blank = _value_at(doc.data, loc)
        return "must not be empty" if isinstance(blank, str) else "is required but missing"
    if kind == "extra_forbidden":
        known = list(_model_at(model, loc[:-1]).model_fields)
        known = [name for name in known if name != "slug"]
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "."
        return f"is not a known field{hint} Allowed fields: {', '.join(known)}"
    if kind in ("string_type", "bool_type", "list_type", "model_type", "dict_type", "date_type", "int_type"):
        expected = {
            "string_type": "text",
            "bool_type": "true or false",
            "list_type": "a list (one '- ' line per entry)",
            "model_type": "fields (name: value) indented below it",
            "dict_type": "fields (name: value) indented below it",
            "date_type": "a date like 2025-03-01",
            "int_type": "a whole number",
        }[kind]
        if loc in doc.plain_scalars and kind == "string_type":
            source = doc.plain_scalars[loc]
            return f'expected text, but YAML reads {source} as {_describe(value)}; put the value in quotes: "{source}"'
        return f"expected {expected}, not {_describe(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(value)} characters long; at most {ctx['max_length']} are allowed"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length', 1)} entry"
    return str(item["msg"])


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return _TYPE_NAMES.get(type(value), "an empty value" if value is None else type(value).__name__)


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The nested model that holds the field at `loc` (for listing its known fields)."""
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[str(part)].annotation
        model = next(
            (arg for arg in _flatten(annotation) if isinstance(arg, type) and issubclass(arg, BaseModel)), model
        )
    return model


def _flatten(annotation: Any) -> list[Any]:
    args = typing.get_args(annotation)
    return [annotation] if not args else [flat for arg in args for flat in _flatten(arg)]


def validate_at(
    model: type[BaseModel], doc: YamlDocument, loc: Loc, root: type[BaseModel], context: dict[str, Any] | None = None
) -> tuple[Any, list[Problem]]:
    """Validate the value at `loc` in `doc` (e.g. one entry of a list) against `model`.

    Problems name the full field (`shifts[2].date`); `root` is the model of the whole file,
    so an unknown field's message lists the fields allowed where it stands.
    """
    value = doc.data
    for part in loc:
        value = value[part]
    try:
        return model.model_validate(value, context=context), []
    except ValidationError as error:
        return None, [_problem(root, doc, {**item, "loc": (*loc, *item["loc"])}) for item in error.errors()]
