"""What a visitor is told about where the directory's facts stand: review status and memberships.

Both are sentences the core writes once, so every listing (web pages and the kiosk) says the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .load import Directory
from .model import Organisation

PARTNER_SUFFIX = " samarbeidspartner"
"""`umbrella: Kreftforeningen samarbeidspartner` names a partnership, not a membership."""


def unreviewed(organisations: Sequence[Organisation]) -> list[Organisation]:
    """The entries whose facts have never been checked with the organisation (no `reviewed:` date)."""
    return [org for org in organisations if org.reviewed is None]


def review_notice(organisations: Sequence[Organisation]) -> str | None:
    """One sentence for a listing when some of its entries are unchecked; None when all are checked."""
    count = len(unreviewed(organisations))
    if count == 0:
        return None
    if count == len(organisations):
        if count == 1:
            return "Opplysningene her er hentet fra offentlige kilder og er ikke kontrollert med organisasjonen ennå."
        return "Opplysningene her er hentet fra offentlige kilder og er ikke kontrollert med organisasjonene ennå."
    return (f"Opplysningene om {count} av de {len(organisations)} organisasjonene her er ikke kontrollert med "
            "organisasjonene ennå. Det står på siden til hver av dem.")


@dataclass(frozen=True)
class Affiliation:
    """One umbrella entry as a visitor reads it: the body's name, and its entry in the directory if it has one."""

    name: str
    organisation: Organisation | None
    partner: bool
    """True for a partnership («samarbeider med»), False for a membership («er medlem av»)."""


def affiliations(org: Organisation, directory: Directory) -> list[Affiliation]:
    """The organisation's umbrella entries, with FFO and SAFO spelled out from their own directory entries."""
    found = []
    for entry in org.umbrella:
        partner = entry.endswith(PARTNER_SUFFIX)
        name = entry.removesuffix(PARTNER_SUFFIX).strip() if partner else entry
        body = _find(directory, name)
        if body is not None:
            name = f"{body.name} ({body.short_name})" if body.short_name else body.name
        found.append(Affiliation(name, body, partner))
    return found


def affiliation_segments(org: Organisation, directory: Directory) -> list[tuple[str, Organisation | None]]:
    """The sentence about memberships and partnerships as (text, linked organisation or None) pieces:
    «FFO er medlem av Funksjonshemmedes Fellesorganisasjon (FFO) og samarbeider med Kreftforeningen.»"""
    found = affiliations(org, directory)
    if not found:
        return []
    subject = org.short_name or org.name
    segments: list[tuple[str, Organisation | None]] = [(f"{subject} ", None)]
    for verb, group in (("er medlem av", [a for a in found if not a.partner]),
                        ("samarbeider med", [a for a in found if a.partner])):
        if not group:
            continue
        if len(segments) > 1:
            segments.append((" og ", None))
        segments.append((f"{verb} ", None))
        for index, affiliation in enumerate(group):
            if index:
                segments.append((" og " if index == len(group) - 1 else ", ", None))
            segments.append((affiliation.name, affiliation.organisation))
    segments.append((".", None))
    return segments


def _find(directory: Directory, name: str) -> Organisation | None:
    wanted = name.casefold()
    return next((org for org in directory.organisations
                 if org.name.casefold() == wanted or (org.short_name or "").casefold() == wanted), None)
