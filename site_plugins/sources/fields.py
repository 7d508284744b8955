"""The building blocks every editors' file is validated with: strict fields, non-empty text, dates.

The models of the directory, the events and the school calendar all derive from `Fields`, so an
unknown field, an empty text or a date with a time is reported alike in every file.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError


class Fields(BaseModel):
    """A block of an editor's file: unknown fields are errors, values are frozen and stripped of spaces."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def one_or_many(value: Any) -> Any:
    """Let a list of one be written as the value alone: `umbrella: FFO` means `umbrella: [FFO]`."""
    return [value] if isinstance(value, str) else value


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_only", "write a date without a time, like 2025-03-01")
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date_format", f"{value!r} is not a date; write it like 2025-03-01") from None
    return value


Text = Annotated[str, Field(min_length=1)]
"""Text that must not be empty."""
Date = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A day written as YYYY-MM-DD (quoted or not), never with a time."""
