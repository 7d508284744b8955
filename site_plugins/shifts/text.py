"""The shift plan in plain Norwegian: who is at the desk, and what is still open."""

from __future__ import annotations

from ..directory.load import Directory
from ..directory.model import Organisation
from ..hours.text import day_text
from ..web.norwegian import join_and
from .model import ShiftDay

TODAY_LEAD = "I dag på torget: "
NO_RESERVE = "mangler reserve"


def short_name(org: Organisation) -> str:
    """The name visitors know: "LHL" rather than "Landsforeningen for hjerte- og lungesyke"."""
    return org.short_name or org.name


def open_slots_text(open_slots: int) -> str:
    """"1 ledig plass", "2 ledige plasser", or "fullt" when both are taken."""
    if open_slots <= 0:
        return "fullt"
    return "1 ledig plass" if open_slots == 1 else f"{open_slots} ledige plasser"


def needs_text(day: ShiftDay) -> str | None:
    """What the shift still needs, e.g. "1 ledig plass, mangler reserve"; None when it is fully staffed."""
    parts = [open_slots_text(day.open_slots)] if day.open_slots > 0 else []
    if day.reserve is None:
        parts.append(NO_RESERVE)
    return ", ".join(parts) or None


def volunteers_lead(count: int) -> str:
    """"frivillige fra " before two organisations, "en frivillig fra " before one."""
    return "frivillige fra " if count > 1 else "en frivillig fra "


def ahead_lead(day: ShiftDay) -> str:
    """"Onsdag 9. desember på torget: " for a staffed day after today."""
    text = day_text(day.day, year=False)
    return f"{text[0].upper()}{text[1:]} på torget: "


def next_shift_text(day: ShiftDay, role: str) -> str:
    """The organisation page's line: "Neste vakt på torget: onsdag 9. desember" (" – som reserve")."""
    text = f"Neste vakt på torget: {day_text(day.day, year=False)}"
    return f"{text} – som reserve" if role == "reserve" else text


def names_text(directory: Directory, slugs: tuple[str, ...]) -> str:
    """"Kreftforeningen og LHL"."""
    return join_and([short_name(org) for slug in slugs if (org := directory.organisation(slug))])
