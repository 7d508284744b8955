"""Decap CMS form fields made from a pydantic model's JSON Schema, so the form never drifts from validation.

Every rule the form shows (required, lengths, patterns, choices) is read from the schema the
loaders validate with; a field added to a model appears in the form with nothing else to change.
Norwegian labels and hints come from `labels.py`; a field without one falls back to its schema title.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from babel import Locale
from pydantic import BaseModel

from .labels import hint_for, label_for

Field = dict[str, Any]
Schema = dict[str, Any]

LONG_TEXT = 200
"""Text fields allowed more characters than this get a multi-line box."""
CLOCK_PATTERN = r"^([01]?\d|2[0-3])[:.][0-5]\d$"
WEB_PATTERN = "^https?://"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
DATE_FORMAT = "YYYY-MM-DD"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}( ([01]?\d|2[0-3])[:.][0-5]\d)?$"
RELATION = "x-torget-relation"
"""Schema key a model sets on a field whose values are the file names of another collection's entries."""


def model_fields(model: type[BaseModel], *, choices: dict[str, list[str]] | None = None,
                 languages: Sequence[str] = ()) -> list[Field]:
    """The form fields of `model`. `choices` gives the allowed values of fields whose vocabulary is data
    (e.g. `categories` from `_categories.yaml`), keyed by field name; `languages` are the site's languages
    besides bokmål, each a group of the `translations` fields."""
    schema = model.model_json_schema(mode="validation")
    return _object_fields(schema, schema, choices or {}, languages=tuple(languages))


def _object_fields(
    root: Schema, schema: Schema, choices: dict[str, list[str]], *, optional: bool = False,
    languages: tuple[str, ...] = (),
) -> list[Field]:
    """The fields of an object. In an `optional` group (one the editor may leave empty) nothing is required:
    Decap would otherwise refuse to save without the group; the build still checks a filled-in group.
    A mapping by language (`translations`) is a group per language, or left out when the site has none."""
    required = set() if optional else set(schema.get("required", ()))
    fields = [_field(root, name, prop, name in required, choices, languages, in_optional=optional)
              for name, prop in schema.get("properties", {}).items()]
    return [field for field in fields if field is not None]


def _field(root: Schema, name: str, prop: Schema, required: bool, choices: dict[str, list[str]],
           languages: tuple[str, ...] = (), *, in_optional: bool = False) -> Field | None:
    """One form field; in an optional group no default is filled in, so a group the editor leaves alone is
    written as nothing, not as a group holding only a default (which the build would refuse as empty)."""
    prop, nullable = _resolve(root, prop)
    if _by_language(prop):
        if not languages:
            return None
        text, _ = _resolve(root, prop["additionalProperties"])
        return {"name": name, "label": label_for(name, prop.get("title")), "required": False, "widget": "object",
                "collapsed": True,
                "fields": [{"name": code, "label": language_name(code), "required": False, "widget": "object",
                            "collapsed": True,
                            "fields": _object_fields(root, text, choices, optional=True)} for code in languages]}
    field: Field = {"name": name, "label": label_for(name, prop.get("title")), "required": required and not nullable}
    hint = hint_for(name, prop.get("description"))
    if hint:
        field["hint"] = hint
    field.update(_widget(root, name, prop, choices, field["required"], languages))
    if (
        not in_optional
        and "default" in prop
        and prop["default"] not in (None, [], "")
        and field["widget"] in ("boolean", "number", "select")
    ):
        field["default"] = prop["default"]
    return field


def language_name(code: str) -> str:
    """"en" -> "Engelsk": a language's name in Norwegian, from Babel's CLDR data."""
    name = Locale.parse("nb").languages.get(code)
    return name.capitalize() if name else code


def _by_language(prop: Schema) -> bool:
    """A mapping from a language code to a group of fields (the `translations` of a text)."""
    return prop.get("type") == "object" and not prop.get("properties") and isinstance(
        prop.get("additionalProperties"), dict)


def _resolve(root: Schema, prop: Schema) -> tuple[Schema, bool]:
    """The schema with `$ref` followed and `anyOf [X, null]` reduced to X; whether null was allowed."""
    nullable = False
    options = prop.get("anyOf")
    if options:
        rest = [option for option in options if option.get("type") != "null"]
        nullable = len(rest) < len(options)
        if len(rest) == 1:
            prop = {**{k: v for k, v in prop.items() if k != "anyOf"}, **rest[0]}
        else:  # a date or a date and time (an event's start)
            formats = {option.get("format") for option in rest}
            prop = {
                **{k: v for k, v in prop.items() if k != "anyOf"},
                "type": "string",
                "format": "date-or-date-time" if formats == {"date", "date-time"} else None,
            }
    ref = prop.get("$ref")
    if ref:
        target = root["$defs"][ref.rsplit("/", 1)[-1]]
        prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop, nullable


def _widget(root: Schema, name: str, prop: Schema, choices: dict[str, list[str]], required: bool = True,
            languages: tuple[str, ...] = ()) -> Field:
    kind = prop.get("type")
    if name in choices or "enum" in prop:
        options = choices.get(name) or prop["enum"]
        if kind == "array":
            return {"widget": "select", "multiple": True, "options": options, **_counts(prop)}
        return {"widget": "select", "options": options}
    if RELATION in prop and kind == "string":
        return _relation(prop[RELATION], multiple=False)
    if kind == "array":
        items, _ = _resolve(root, prop.get("items", {}))
        if RELATION in items or RELATION in prop:
            return {**_relation(items.get(RELATION) or prop[RELATION], multiple=True), **_counts(prop)}
        if items.get("type") == "object":
            return {
                "widget": "list",
                "fields": _object_fields(root, items, choices, languages=languages),
                "collapsed": True,
                **_counts(prop),
            }
        if name in choices or "enum" in items:
            return {
                "widget": "select",
                "multiple": True,
                "options": choices.get(name) or items["enum"],
                **_counts(prop),
            }
        return {
            "widget": "list",
            "field": {"name": name, "label": label_for(name, None), **_widget(root, name, items, {})},
            **_counts(prop),
        }
    if kind == "object":
        return {
            "widget": "object",
            "fields": _object_fields(root, prop, choices, optional=not required, languages=languages),
            "collapsed": True,
        }
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind == "integer":
        return {"widget": "number", "value_type": "int", **({"min": prop["minimum"]} if "minimum" in prop else {})}
    return _text_widget(prop)


def _text_widget(prop: Schema) -> Field:
    fmt = prop.get("format")
    if fmt == "date":
        return {
            "widget": "datetime",
            "format": DATE_FORMAT,
            "date_format": "DD.MM.YYYY",
            "time_format": False,
            "picker_utc": True,
        }
    if fmt == "date-or-date-time":
        return {
            "widget": "string",
            "pattern": [
                DATETIME_PATTERN,
                "Skriv dato og klokkeslett som 2026-08-18 12:00, eller bare datoen for et heldagsarrangement",
            ],
        }
    if fmt == "time":
        return {"widget": "string", "pattern": [CLOCK_PATTERN, "Skriv klokkeslettet som 14:00"]}
    if fmt == "uri":
        return {"widget": "string", "pattern": [WEB_PATTERN, "Adressen må begynne med https://"]}
    if fmt == "email":
        return {"widget": "string", "pattern": [EMAIL_PATTERN, "Skriv en e-postadresse, som post@eksempel.no"]}
    longest = prop.get("maxLength")
    field: Field = {"widget": "text" if longest and longest > LONG_TEXT else "string"}
    if longest:
        field["pattern"] = [rf"^[\s\S]{{0,{longest}}}$", f"Høyst {longest} tegn"]
    return field


def _relation(collection: str, *, multiple: bool) -> Field:
    """A choice among another collection's entries, saved as their file names (`{{slug}}`)."""
    return {
        "widget": "relation",
        "collection": collection,
        "value_field": "{{slug}}",
        "search_fields": ["name", "short_name"],
        "display_fields": ["name"],
        "multiple": multiple,
    }


def _counts(prop: Schema) -> Field:
    return {"min": prop["minItems"]} if prop.get("minItems") else {}
