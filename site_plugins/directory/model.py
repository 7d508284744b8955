"""The validated model of the directory: organisations and their categories.

The pydantic models here are also the source of the JSON Schema that editors'
tools use (see `schema.py`); field descriptions are written for editors.
"""

from __future__ import annotations

import difflib
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StrictBool,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from ..sources.fields import Date, Fields, Text, one_or_many
from ..web.text import slugify
from . import contact

DESCRIPTION_MAX = 300


def _known_category(name: str, info: ValidationInfo) -> str:
    vocabulary: dict[str, Category] = (info.context or {}).get("categories", {})
    if name not in vocabulary:
        close = difflib.get_close_matches(name, vocabulary, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise PydanticCustomError(
            "unknown_category",
            f"{name!r} is not a known category.{hint} Allowed: {', '.join(vocabulary)} "
            "(a new theme is added to organisations/_categories.yaml first)",
        )
    return name


WebAddress = Annotated[str, AfterValidator(contact.web_address), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})]
Email = Annotated[str, AfterValidator(contact.email_address), Field(json_schema_extra={"format": "email"})]
Phone = Annotated[str, AfterValidator(contact.phone_number)]


class PeerSupport(Fields):
    """How to reach the organisation's peer supporters (likepersoner)."""

    email: Email | None = Field(None, description="E-mail address for peer support.")
    phone: Phone | None = Field(None, description="Phone number for peer support.")
    url: WebAddress | None = Field(None, description="Web page about peer support.")
    description: Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)] | None = Field(
        None, description="What the peer supporters offer, in one or two plain sentences."
    )

    @model_validator(mode="after")
    def _reachable(self) -> PeerSupport:
        if not (self.email or self.phone or self.url):
            raise PydanticCustomError(
                "peer_support_contact", "give at least one way to reach a peer supporter: email, phone or url"
            )
        return self


class LocalChapter(Fields):
    """A local or regional branch (lokallag, fylkeslag)."""

    name: Text = Field(description="Name of the branch, e.g. 'Nordland fylkeslag'.")
    region: Text | None = Field(None, description="Area the branch covers, e.g. 'Bodø'.")
    email: Email | None = None
    phone: Phone | None = None
    website: WebAddress | None = None


class Category(Fields):
    """One theme of the controlled vocabulary (organisations/_categories.yaml)."""

    name: Text = Field(description="The theme as editors write it in `categories`.")
    description: Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)] = Field(
        description="Who the theme is for, in one plain sentence."
    )

    @property
    def slug(self) -> str:
        return slugify(self.name)


class Organisation(Fields):
    """One patient or user organisation, read from organisations/<slug>.yaml."""

    slug: SkipJsonSchema[str] = Field(exclude=True)
    name: Annotated[str, Field(min_length=1, max_length=150)] = Field(description="The organisation's full name.")
    short_name: Annotated[str, Field(min_length=1, max_length=30)] | None = Field(
        None, description="Abbreviation, e.g. 'LPP'."
    )
    description: Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)] = Field(
        description=f"Plain text, one or two sentences, at most {DESCRIPTION_MAX} characters."
    )
    categories: Annotated[list[Annotated[str, AfterValidator(_known_category)]], Field(min_length=1)] = Field(
        description="One or more themes from organisations/_categories.yaml."
    )
    keywords: list[Text] = Field([], description="Diagnoses and everyday words a visitor might search for.")
    keywords_en: list[Text] = Field(
        [], description="Common English names of the diagnoses and themes, for visitors who search in English. "
                        "Search finds them; pages do not show them.")
    website: WebAddress | None = Field(None, description="The organisation's own web site, starting with https://.")
    email: Email | None = None
    phone: Phone | None = Field(None, description="8 digits (optionally +47), or + and a country code.")
    address: Text | None = Field(None, description="Postal or visiting address.")
    membership_url: WebAddress | None = Field(None, description="Page where one becomes a member.")
    peer_support: PeerSupport | None = None
    local_chapters: list[LocalChapter] = []  # noqa: RUF012 (pydantic copies a default for every instance)
    at_torget: StrictBool = Field(False, description="true when the organisation sends volunteers to the desk.")
    umbrella: Annotated[list[Text], BeforeValidator(one_or_many)] = Field(
        [], description="Umbrella bodies the organisation belongs to, e.g. FFO or SAFO."
    )
    reviewed: Date | None = Field(
        None, description="Date the entry was last checked with the organisation (YYYY-MM-DD)."
    )

    @field_validator("categories")
    @classmethod
    def _listed_once(cls, names: list[str]) -> list[str]:
        if len(set(names)) != len(names):
            raise PydanticCustomError("repeated_category", "a category is listed twice; list each once")
        return names

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name and self.short_name not in self.name else self.name
