"""The JSON Schema editors' tools use to complete and check organisation files while typing."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .model import Organisation

SCHEMA_FILE = "organisation.schema.json"


def organisation_schema(category_names: Iterable[str]) -> dict[str, Any]:
    """The model's JSON Schema, with `categories` limited to the controlled vocabulary."""
    schema = Organisation.model_json_schema(mode="validation")
    schema["properties"]["categories"]["items"] = {"enum": list(category_names)}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(category_names: Iterable[str]) -> str:
    return json.dumps(organisation_schema(category_names), ensure_ascii=False, indent=2) + "\n"
