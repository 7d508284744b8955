"""What the site says about one organisation, as the sections of a review message or letter (in Norwegian).

The same text goes into the e-mail and the letter, so the organisation checks exactly what visitors read:
every field the organisation's page shows, in its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..directory.glance import PEER_HEADINGS
from ..directory.helplines import LineView, line_view
from ..directory.load import Directory
from ..directory.model import Organisation
from ..web.norwegian import date_nb, join_and

LMS = "Lærings- og mestringssenteret ved Nordlandssykehuset"


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]


def subject(org: Organisation) -> str:
    return f"Stemmer opplysningene om {org.name} på Pasient- og pårørendetorget?"


def helpline_views(org: Organisation, directory: Directory) -> list[LineView]:
    """Each of the organisation's lines as its page shows it (in the file's order, which the message follows)."""
    return [line_view(line, org, directory) for line in org.helplines]


def sections(org: Organisation, directory: Directory, page: str) -> list[Section]:
    """The entry as the site shows it at `page` (its absolute address), field by field; empty fields left out."""
    found = [Section("Navn", (org.display_name,)), Section("Beskrivelse", (org.description,))]
    contact = _pairs(("Nettside", org.website), ("E-post", org.email), ("Telefon", org.phone),
                     ("Postadresse", org.address), ("Besøksadresse", org.visiting_address),
                     ("Bli medlem", org.membership_url))
    if contact:
        found.append(Section("Kontakt", contact))
    if org.helplines:
        lines: list[str] = []
        # As the site shows them: in order of need, with the hours as the page words them.
        for line, view in zip(org.helplines, helpline_views(org, directory), strict=True):
            lines += [f"{line.name}: {line.phone}", *(f"  {text}" for text in _pairs(
                ("Åpningstid", view.hours_text + (f" {line.hours_note}" if line.hours_note else "")),
                ("Svarer", line.answered_by), ("For hvem", line.description), ("E-post", line.email)))]
        found.append(Section("Hjelpetelefoner", tuple(lines)))
    if peer := org.peer_support:
        found.append(Section(PEER_HEADINGS[peer.kind], tuple(filter(None, [peer.description])) + _pairs(
            ("E-post", peer.email), ("Telefon", peer.phone), ("Nettside", peer.url))))
    if org.local_chapters:
        lines = []
        for chapter in org.local_chapters:
            lines += [f"{chapter.name}" + (f" ({chapter.region})" if chapter.region else ""), *(
                f"  {text}" for text in _pairs(("E-post", chapter.email), ("Telefon", chapter.phone),
                                               ("Nettside", chapter.website)))]
        found.append(Section("Lokallag", tuple(lines)))
    found.append(Section("Tema", (join_and(org.categories),)))
    if org.umbrella:
        found.append(Section("Tilknyttet", tuple(directory.umbrella(name).title for name in org.umbrella)))
    if org.sources:
        found.append(Section("Kilder", tuple(
            f"{source.title}: {source.url}" if source.title and source.url else source.title or source.url or ""
            for source in org.sources)))
    found.append(Section("Sist kontrollert med dere",
                         (date_nb(org.reviewed) if org.reviewed else "Ikke kontrollert ennå",)))
    found.append(Section("Siden på nettet", (page,)))
    return found


def request_text(org: Organisation, reply_to: str, *, letter: bool) -> tuple[str, str]:
    """The paragraphs before and after the entry: why LMS writes, and how to answer."""
    how = (f"Svar gjerne på e-post til {reply_to}, eller gi beskjed på torget."
           if letter else "Svar på denne e-posten.")
    before = (f"{LMS} har en oversikt over pasient- og brukerorganisasjoner på nettsiden til Pasient- og "
              f"pårørendetorget. Én gang i året ber vi organisasjonene se over det som står om dem. "
              f"Under står alt nettsiden sier om {org.name} nå.")
    after = (f"Stemmer opplysningene? {how} Skriv «Stemmer» hvis alt er riktig, eller skriv hva som skal endres, "
             "legges til eller fjernes. Organisasjonene har selv ansvar for at opplysningene om dem er oppdatert, "
             "og vi retter siden når vi har fått svar fra dere.")
    return before, after


def _pairs(*pairs: tuple[str, str | None]) -> tuple[str, ...]:
    return tuple(f"{label}: {value}" for label, value in pairs if value)


def plain_text(org: Organisation, directory: Directory, page: str, reply_to: str, *, letter: bool = False) -> str:
    """The whole message as plain text: greeting, the request, the entry, how to answer, the signature."""
    before, after = request_text(org, reply_to, letter=letter)
    parts = ["Hei!", before]
    for section in sections(org, directory, page):
        parts.append("\n".join([f"{section.heading}:", *(f"  {line}" for line in section.lines)]))
    parts += [after, f"Med vennlig hilsen\n{LMS}\n{reply_to}"]
    return "\n\n".join(parts) + "\n"
