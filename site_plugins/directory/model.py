"""The validated model of the directory: organisations, their themes and their umbrella bodies.

The pydantic models here are also the source of the JSON Schema that editors'
tools use (see `schema.py`); field descriptions are written for editors.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Literal

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
from .line_hours import line_hours_rule

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


def _known_umbrella(name: str, info: ValidationInfo) -> str:
    vocabulary: dict[str, Umbrella] = (info.context or {}).get("umbrellas", {})
    if name not in vocabulary:
        close = difflib.get_close_matches(name, vocabulary, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        allowed = f"Allowed: {', '.join(vocabulary)}" if vocabulary else "No umbrella is listed yet"
        raise PydanticCustomError(
            "unknown_umbrella",
            f"{name!r} is not a known umbrella body.{hint} {allowed} "
            "(a new one is added to organisations/_umbrellas.yaml first)",
        )
    return name


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""A page address made from a file name: lower-case a-z, digits and single hyphens."""


def _former_slug(value: str) -> str:
    if not SLUG.match(value):
        raise PydanticCustomError(
            "former_slug",
            f"{value!r} is not a page address; write the old file name without .yaml, e.g. 'prolar' "
            "(lower-case a-z, digits and single hyphens)",
        )
    return value


def _source_fields(value: Any) -> Any:
    """A source is always `title:` and/or `url:`, the one form the web editor reads and writes too."""
    if isinstance(value, str):
        key = "url" if value.strip().startswith(("http://", "https://", "www.")) else "title"
        raise PydanticCustomError(
            "source_form", f"write it as `{key}: {value}` (a source has `url:`, `title:` or both), not as bare text"
        )
    return value


def _configured_language(code: str, info: ValidationInfo) -> str:
    """A `translations:` block may name only the languages the site is built in (`translations:` in mkdocs.yml)."""
    languages: tuple[str, ...] | None = (info.context or {}).get("languages")
    if languages is not None and code not in languages:
        allowed = ", ".join(languages) if languages else "none is configured"
        raise PydanticCustomError(
            "unknown_language",
            f"{code!r} is not a language of the site; the languages besides bokmål are: {allowed} "
            "(a language is added under `translations:` in mkdocs.yml first)",
        )
    return code


LanguageCode = Annotated[str, AfterValidator(_configured_language)]


def _translations(model: type) -> Any:
    """The type of a `translations:` block: language code -> the text fields of `model` in that language."""
    return dict[LanguageCode, model]  # type: ignore[valid-type]


def _listed_once(values: list[str], what: str) -> list[str]:
    if len(set(values)) != len(values):
        raise PydanticCustomError("repeated_entry", f"{what} is listed twice; list each once")
    return values


WebAddress = Annotated[str, AfterValidator(contact.web_address), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})]
Email = Annotated[str, AfterValidator(contact.email_address), Field(json_schema_extra={"format": "email"})]
Phone = Annotated[str, AfterValidator(contact.phone_number)]
ShortText = Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)]


PEER_KINDS = ("likeperson", "groups", "companion")


class PeerSupportText(Fields):
    """The peer-support description in another language."""

    description: ShortText | None = Field(None, description="What the peer supporters offer, translated.")


class HelplineText(Fields):
    """A helpline's texts in another language."""

    name: Annotated[str, Field(min_length=1, max_length=80)] | None = Field(
        None, description="The line's name, translated.")
    description: ShortText | None = Field(None, description="Who the line is for, translated.")
    answered_by: ShortText | None = Field(None, description="Who answers, translated.")


class OrganisationText(Fields):
    """An organisation's description in another language (its name stays as the organisation writes it)."""

    description: Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)] = Field(
        description="The description in that language: exactly what the bokmål text says, nothing more.")


class LocalChapterText(Fields):
    """A local chapter's area in another language."""

    region: Text | None = Field(None, description="The area the branch covers, translated.")


class CategoryText(Fields):
    """A theme's name and description in another language."""

    name: Text = Field(description="The theme's name in that language.")
    description: Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)] = Field(
        description="Who the theme is for, translated.")


class UmbrellaText(Fields):
    """An umbrella body's sentence parts in another language."""

    title: Text | None = Field(None, description="The name spelled out, in that language.")
    relation: Text | None = Field(None, description="What the organisation is to it, e.g. 'is a member of'.")
    label: Annotated[str, Field(min_length=1, max_length=60)] | None = Field(
        None, description="The choice in the directory's filter, e.g. 'Member of FFO'.")


TRANSLATIONS_DESCRIPTION = ("The same texts in another language of the site, by language code, e.g. `en:`; "
                            "a text left out is shown in bokmål.")


class PeerSupport(Fields):
    """How to reach the organisation's peer supporters (likepersoner), or its groups and meeting places."""

    kind: Literal["likeperson", "groups", "companion"] = Field(
        "likeperson",
        description="What the offer is: `likeperson` (talk one-to-one with a peer supporter, by phone, e-mail or "
                    "in person), `groups` (self-help groups, conversation groups or meeting places) or `companion` "
                    "(someone who comes along to appointments). Only `likeperson` is counted as peer support.")
    email: Email | None = Field(None, description="E-mail address for peer support.")
    phone: Phone | None = Field(None, description="Phone number for peer support.")
    url: WebAddress | None = Field(None, description="Web page about peer support.")
    description: ShortText | None = Field(
        None, description="What the peer supporters offer, in one or two plain sentences."
    )
    translations: _translations(PeerSupportText) = Field({}, description=TRANSLATIONS_DESCRIPTION)  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _something_to_say(self) -> PeerSupport:
        if not (self.email or self.phone or self.url or self.description):
            raise PydanticCustomError(
                "peer_support_empty",
                "give a way to reach a peer supporter (email, phone or url) or a description of the offer",
            )
        return self


class Helpline(Fields):
    """A named telephone line anyone can ring, such as a helpline for relatives; shown first on the page."""

    name: Annotated[str, Field(min_length=1, max_length=80)] = Field(
        description="The line's name, e.g. 'Pårørendetelefonen'.")
    phone: Phone = Field(
        description="The number to ring: 8 digits, a 116 number such as 116 123, or + and a country code.")
    hours: Annotated[str, AfterValidator(line_hours_rule)] | None = Field(
        None, description="When the line is answered, in OpenStreetMap opening_hours syntax as the source gives "
                          "it: `24/7` (day and night), `Mo-Fr 10:00-15:00; Tu 11:00-19:00`, `Mo,Th 18:00-20:00`. "
                          "Leave it out when the source does not say; the page then says the hours are not known.")
    hours_note: ShortText | None = Field(
        None, description="A caveat about the hours, shown beside them, e.g. 'Tidene er fra 2021.'")
    theme: Annotated[str, AfterValidator(_known_category)] | None = Field(
        None, description="Who the line is for, as a theme from organisations/_categories.yaml (e.g. 'Pårørende'); "
                          "the helpline list groups lines by it. Without it, the organisation's first theme is used.")
    answered_by: ShortText | None = Field(None, description="Who answers, e.g. 'Frivillige som selv er pårørende'.")
    description: ShortText | None = Field(None, description="Who the line is for, in one plain sentence.")
    email: Email | None = Field(None, description="An e-mail address the line also answers, if any.")
    translations: _translations(HelplineText) = Field({}, description=TRANSLATIONS_DESCRIPTION)  # type: ignore[valid-type]


class Source(Fields):
    """A page or document the entry's facts come from: a web address, a title, or both."""

    title: Annotated[str, Field(min_length=1, max_length=200)] | None = Field(
        None, description="The page's or document's title.")
    url: WebAddress | None = Field(None, description="Its web address, starting with https://.")

    @model_validator(mode="after")
    def _named(self) -> Source:
        if not (self.title or self.url):
            raise PydanticCustomError("source_empty", "give the source's url, its title, or both")
        return self


class LocalChapter(Fields):
    """A local or regional branch (lokallag, fylkeslag)."""

    name: Text = Field(description="Name of the branch, e.g. 'Nordland fylkeslag'.")
    region: Text | None = Field(None, description="Area the branch covers, e.g. 'Bodø'.")
    email: Email | None = None
    phone: Phone | None = None
    website: WebAddress | None = None
    translations: _translations(LocalChapterText) = Field({}, description=TRANSLATIONS_DESCRIPTION)  # type: ignore[valid-type]


class Category(Fields):
    """One theme of the controlled vocabulary (organisations/_categories.yaml)."""

    name: Text = Field(description="The theme as editors write it in `categories`.")
    description: Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)] = Field(
        description="Who the theme is for, in one plain sentence."
    )
    translations: _translations(CategoryText) = Field({}, description=TRANSLATIONS_DESCRIPTION)  # type: ignore[valid-type]

    @property
    def slug(self) -> str:
        return slugify(self.name)


class Umbrella(Fields):
    """An umbrella body or network organisations belong to (organisations/_umbrellas.yaml)."""

    name: Text = Field(description="The name as editors write it under `umbrella`, e.g. 'FFO'.")
    title: Text = Field(description="The name spelled out, e.g. 'Funksjonshemmedes Fellesorganisasjon (FFO)'.")
    relation: Text = Field(
        description="What the organisation is to it, completing '<organisation> … <title>', e.g. 'er medlem av'.")
    label: Annotated[str, Field(min_length=1, max_length=60)] = Field(
        description="The choice in the directory's filter, e.g. 'Medlem av FFO'.")
    organisation: Annotated[str, AfterValidator(_former_slug)] | None = Field(
        None, description="The umbrella's own file name in organisations/ (without .yaml), if it has one.")
    translations: _translations(UmbrellaText) = Field({}, description=TRANSLATIONS_DESCRIPTION)  # type: ignore[valid-type]

    @property
    def slug(self) -> str:
        return slugify(self.name)


STATES = ("active", "merging", "merged", "dissolved", "uncertain")
SUCCESSOR_STATES = ("merging", "merged")


class Status(Fields):
    """Whether the organisation still exists as the directory lists it, from a source."""

    state: Literal["active", "merging", "merged", "dissolved", "uncertain"] = Field(
        "active",
        description="`active` (the default), `merging` (being merged into `successor`; the page says so), "
                    "`merged` (merged into `successor`; the old address forwards there and the entry leaves "
                    "every list), `dissolved` (closed down; the entry leaves every list and its address says so) "
                    "or `uncertain` (a source raises doubt; nothing changes for visitors, the publication report "
                    "lists it first for LMS to check).")
    successor: Annotated[str, AfterValidator(_former_slug)] | None = Field(
        None, description="For `merging` and `merged`: the file name (without .yaml) of the organisation it joins.")
    since: Annotated[str, Field(min_length=1, max_length=40)] | None = Field(
        None, description="When it happened, as the source says it, e.g. '2020' or 'oktober 2017'.")
    note: ShortText | None = Field(None, description="What the source says, in one sentence, for LMS.")
    source: Annotated[Source, BeforeValidator(_source_fields)] | None = Field(
        None, description="The page the status comes from (`url:`, `title:` or both).")

    @model_validator(mode="after")
    def _successor_fits_state(self) -> Status:
        if self.state in SUCCESSOR_STATES and not self.successor:
            raise PydanticCustomError(
                "status_successor",
                f"the state {self.state!r} needs `successor:`, the file name (without .yaml) of the organisation "
                "it joins")
        if self.state not in SUCCESSOR_STATES and self.successor:
            raise PydanticCustomError(
                "status_successor",
                f"`successor:` is only for the states 'merging' and 'merged', not {self.state!r}; remove it")
        return self


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
    phone: Phone | None = Field(None, description="The office's number: 8 digits (optionally +47), or + and a country "
                                "code. A helpline goes under `helplines`.")
    address: Text | None = Field(None, description="Postal address (where letters go).")
    visiting_address: Text | None = Field(None, description="Street address of the office, for visitors.")
    helplines: list[Helpline] = Field([], description="Named lines anyone can ring, e.g. a helpline for relatives.")
    membership_url: WebAddress | None = Field(None, description="Page where one becomes a member.")
    peer_support: PeerSupport | None = None
    local_chapters: list[LocalChapter] = []  # noqa: RUF012 (pydantic copies a default for every instance)
    at_torget: StrictBool = Field(False, description="true when the organisation sends volunteers to the desk.")
    umbrella: Annotated[list[Annotated[str, AfterValidator(_known_umbrella)]], BeforeValidator(one_or_many)] = Field(
        [], description="Umbrella bodies the organisation belongs to, from organisations/_umbrellas.yaml "
                        "(FFO, SAFO, …)."
    )
    sources: list[Annotated[Source, BeforeValidator(_source_fields)]] = Field(
        [], description="Pages the facts come from, each with `url:` (its web address), `title:`, or both."
    )
    former_slugs: list[Annotated[str, AfterValidator(_former_slug)]] = Field(
        [], description="Earlier file names; each old address /organisasjoner/<old>/ forwards to this page."
    )
    reviewed: Date | None = Field(
        None, description="Date the entry was last checked with the organisation (YYYY-MM-DD)."
    )
    status: Status = Field(
        default=Status.model_construct(),
        description="Whether the organisation still exists as listed: active (the default), merging, merged, "
                    "dissolved or uncertain, with the source.")
    merged_names: SkipJsonSchema[tuple[str, ...]] = Field((), exclude=True)
    """Names of organisations that merged into this one: search finds it by them (set by the loader)."""
    translations: _translations(OrganisationText) = Field({}, description=TRANSLATIONS_DESCRIPTION)  # type: ignore[valid-type]

    @field_validator("categories")
    @classmethod
    def _categories_once(cls, names: list[str]) -> list[str]:
        return _listed_once(names, "a category")

    @field_validator("umbrella")
    @classmethod
    def _umbrellas_once(cls, names: list[str]) -> list[str]:
        return _listed_once(names, "an umbrella body")

    @field_validator("former_slugs")
    @classmethod
    def _former_once(cls, slugs: list[str], info: ValidationInfo) -> list[str]:
        own = info.data.get("slug")
        if own in slugs:
            raise PydanticCustomError(
                "former_slug_current", f"{own!r} is this file's own name, not a former one; remove it")
        return _listed_once(slugs, "a former file name")

    @property
    def listed(self) -> bool:
        """Offered to visitors as an organisation to contact: not merged away and not dissolved."""
        return self.status.state not in ("merged", "dissolved")

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name and self.short_name not in self.name else self.name
