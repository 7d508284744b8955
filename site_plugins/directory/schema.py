"""The JSON Schema editors' tools use to complete and check organisation files while typing."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .model import Organisation

SCHEMA_FILE = "organisation.schema.json"


def organisation_schema(category_names: Iterable[str], umbrella_names: Iterable[str] = ()) -> dict[str, Any]:
    """The model's JSON Schema, with `categories` and `umbrella` limited to their controlled vocabularies."""
    schema = Organisation.model_json_schema(mode="validation")
    schema["properties"]["categories"]["items"] = {"enum": list(category_names)}
    umbrellas = {"enum": list(umbrella_names)}
    # One name or a list of names, as the model accepts.
    one_or_list = [umbrellas, {"type": "array", "items": umbrellas}]
    schema["properties"]["umbrella"] = {**schema["properties"]["umbrella"], "anyOf": one_or_list}
    schema["properties"]["umbrella"].pop("items", None)
    schema["properties"]["umbrella"].pop("type", None)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(category_names: Iterable[str], umbrella_names: Iterable[str] = ()) -> str:
    return json.dumps(organisation_schema(category_names, umbrella_names), ensure_ascii=False, indent=2) + "\n"
