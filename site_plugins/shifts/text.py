"""The shift plan in plain Norwegian: who is at the desk, and what is still open."""

from __future__ import annotations

from ..directory.load import Directory
from ..directory.model import Organisation
from ..hours.text import day_text
from ..i18n.language import N_, _, ngettext
from ..web.norwegian import join_and
from .model import ShiftDay

TODAY_LEAD = N_("I dag på torget: ")
NO_RESERVE = N_("mangler reserve")


def short_name(org: Organisation) -> str:
    """The name visitors know: "LHL" rather than "Landsforeningen for hjerte- og lungesyke"."""
    return org.short_name or org.name


def open_slots_text(open_slots: int) -> str:
    """"1 ledig plass", "2 ledige plasser", or "fullt" when both are taken."""
    if open_slots <= 0:
        return _("fullt")
    return ngettext("%(num)d ledig plass", "%(num)d ledige plasser", open_slots) % {"num": open_slots}


def needs_text(day: ShiftDay) -> str | None:
    """What the shift still needs, e.g. "1 ledig plass, mangler reserve"; None when it is fully staffed."""
    parts = [open_slots_text(day.open_slots)] if day.open_slots > 0 else []
    if day.reserve is None:
        parts.append(_(NO_RESERVE))
    return ", ".join(parts) or None


def volunteers_lead(count: int) -> str:
    """"frivillige fra " before two organisations, "en frivillig fra " before one."""
    return _("frivillige fra ") if count > 1 else _("en frivillig fra ")


def ahead_lead(day: ShiftDay) -> str:
    """"Onsdag 9. desember på torget: " for a staffed day after today."""
    text = day_text(day.day, year=False)
    return _("{day} på torget: ").format(day=f"{text[0].upper()}{text[1:]}")


def next_shift_text(day: ShiftDay, role: str) -> str:
    """The organisation page's line: "Neste vakt på torget: onsdag 9. desember" (" – som reserve")."""
    if role == "reserve":
        return _("Neste vakt på torget: {day} – som reserve").format(day=day_text(day.day, year=False))
    return _("Neste vakt på torget: {day}").format(day=day_text(day.day, year=False))


def names_text(directory: Directory, slugs: tuple[str, ...]) -> str:
    """"Kreftforeningen og LHL"."""
    return join_and([short_name(org) for slug in slugs if (org := directory.organisation(slug))])
