"""What an organisation page shows at a glance, worked out here so the templates only print it.

The order is the visitor's: what the organisation is (and which umbrella bodies it belongs to),
how to reach it (helplines first, then phone, e-mail and web site), its peer supporters, and its
local chapters.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n.language import N_, _, pick
from ..web.render import web_label
from ..web.text import fold
from ..web.urls import organisation_path, tel_uri
from .load import Directory
from .model import Helpline, LocalChapter, Organisation, Source, Umbrella

MEMBERSHIP = "er medlem"
"""How `_umbrellas.yaml` words a membership's `relation`; any other relation (a partnership) is not one."""


@dataclass(frozen=True)
class Reach:
    """One way to reach an organisation: a large `tel:`, `mailto:` or web link."""

    kind: str  # "phone", "email" or "web"
    label: str
    text: str
    href: str


@dataclass(frozen=True)
class UmbrellaLink:
    """One part of the umbrella sentence: `relation`, then `title`, linked to `page` when the umbrella has one here."""

    relation: str
    title: str
    page: str | None
    lang: str | None = None
    """"nb" when the umbrella has no translation into the page's language, so relation and title are bokmål."""


def reach(org: Organisation) -> list[Reach]:
    """The office's phone, e-mail and web site, in that order (helplines are shown before them)."""
    links = []
    if org.phone:
        links.append(Reach("phone", _("Telefon"), org.phone, _tel(org.phone)))
    if org.email:
        links.append(Reach("email", _("E-post"), org.email, f"mailto:{org.email}"))
    if org.website:
        links.append(Reach("web", _("Nettside"), web_label(org.website), org.website))
    return links


def helpline_reach(line: Helpline) -> list[Reach]:
    links = [Reach("phone", _("Ring"), line.phone, _tel(line.phone))]
    if line.email:
        links.append(Reach("email", _("E-post"), line.email, f"mailto:{line.email}"))
    return links


def addresses(org: Organisation) -> list[tuple[str, str]]:
    """(label, address): one «Adresse» when post and visits go to the same place."""
    if org.address and org.visiting_address and fold(org.address) != fold(org.visiting_address):
        return [(_("Postadresse"), org.address), (_("Besøksadresse"), org.visiting_address)]
    if org.visiting_address and not org.address:
        return [(_("Besøksadresse"), org.visiting_address)]
    return [(_("Adresse"), org.address)] if org.address else []


def umbrella_links(org: Organisation, directory: Directory) -> list[UmbrellaLink]:
    """The umbrella bodies in the order the file lists them, for «X er medlem av … og samarbeider med …»."""
    links = []
    for name in org.umbrella:
        umbrella = directory.umbrella(name)
        own = directory.organisation(umbrella.organisation) if umbrella.organisation else None
        relation, lang = pick(umbrella.relation, umbrella.translations, "relation")
        title, _lang = pick(umbrella.title, umbrella.translations, "title")
        links.append(UmbrellaLink(relation, title, organisation_path(own) if own else None, lang or _lang))
    return links


def memberships(org: Organisation, directory: Directory) -> list[Umbrella]:
    """The umbrella bodies the organisation is a member of; a partnership («samarbeider med») is not one."""
    umbrellas = [directory.umbrella(name) for name in org.umbrella]
    return [umbrella for umbrella in umbrellas if umbrella.relation.startswith(MEMBERSHIP)]


def chapter_region(chapter: LocalChapter) -> str | None:
    """The region, unless the chapter's name already says it («HLF Nordland» needs no «(Nordland)»)."""
    if chapter.region and fold(chapter.region) not in fold(chapter.name):
        return pick(chapter.region, chapter.translations, "region")[0]
    return None


def source_label(source: Source) -> str:
    return source.title or web_label(source.url or "")


PEER_HEADINGS = {
    "likeperson": N_("Snakk med en likeperson"),
    "groups": N_("Grupper og møteplasser"),
    "companion": N_("Følgetjeneste"),
}
"""The heading of the peer-support box by what the offer is (`peer_support.kind`)."""
PEER_ANCHORS = {"likeperson": "likeperson", "groups": "grupper", "companion": "folgetjeneste"}
"""The box's id on the organisation's page, which lists link to."""
SWITCHBOARD_NOTE = N_("Nummeret går til sentralbordet: ring og spør etter en likeperson.")


def peer_phone_note(org: Organisation) -> str | None:
    """The caveat a peer-support number needs when it is the office's switchboard, wherever it is shown."""
    peer = org.peer_support
    if peer and peer.phone and org.phone and _tel(peer.phone) == _tel(org.phone):
        return _(SWITCHBOARD_NOTE)
    return None


def successor_link(org: Organisation, directory: Directory) -> Organisation | None:
    """The organisation a merging one is joining (its page says so), or None."""
    if org.status.state != "merging" or not org.status.successor:
        return None
    return directory.organisation(org.status.successor)


def peer_contacts(org: Organisation) -> list[Reach]:
    peer = org.peer_support
    if peer is None:
        return []
    links = []
    if peer.phone:
        links.append(Reach("phone", _("Telefon"), peer.phone, _tel(peer.phone)))
    if peer.email:
        links.append(Reach("email", _("E-post"), peer.email, f"mailto:{peer.email}"))
    return links


def subject(org: Organisation) -> str:
    """How a sentence about the organisation names it: its short name when it has one."""
    return org.short_name or org.name


def _tel(phone: str) -> str:
    uri = tel_uri(phone)
    assert uri is not None, "the model only accepts numbers that make a tel: link"
    return uri
