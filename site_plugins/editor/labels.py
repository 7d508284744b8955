"""The web editor's Norwegian words: a label and a short hint for each field name the models use.

Field names mean the same thing in every file (`email` is always an e-mail address), so one table
serves every form. A field missing here still appears in the form, under its schema title and with
its English description as hint; `tests/test_editor_config.py` lists such fields so they get words.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    # Organisations
    "name": "Navn",
    "short_name": "Kortnavn",
    "description": "Beskrivelse",
    "categories": "Tema",
    "keywords": "Søkeord",
    "keywords_en": "Søkeord på engelsk",
    "website": "Nettside",
    "email": "E-post",
    "phone": "Telefon",
    "address": "Postadresse",
    "visiting_address": "Besøksadresse",
    "membership_url": "Side for å bli medlem",
    "peer_support": "Likepersoner",
    "url": "Nettside",
    "local_chapters": "Lokallag og fylkeslag",
    "region": "Område",
    "at_torget": "Har frivillige på torget",
    "umbrella": "Paraplyorganisasjon",
    "reviewed": "Sist kontrollert med organisasjonen",
    "sources": "Kilder",
    "former_slugs": "Tidligere filnavn",
    "helplines": "Hjelpetelefoner",
    "answered_by": "Hvem svarer",
    "hours": "Når telefonen er åpen",
    "hours_note": "Merknad om åpningstiden",
    "theme": "Hvem telefonen er for (tema)",
    "kind": "Hva slags tilbud",
    "status": "Finnes organisasjonen fortsatt?",
    "state": "Status",
    "successor": "Organisasjonen den går inn i",
    "since": "Når",
    "note": "Hva kilden sier",
    "translations": "Oversettelser",
    # Pages and events
    "title": "Tittel",
    "draft": "Utkast (vises ikke på nettstedet)",
    "body": "Tekst",
    "event": "Arrangement",
    "start": "Start",
    "end": "Slutt (klokkeslett)",
    "duration": "Varighet",
    "location": "Sted",
    "organiser": "Arrangør fra katalogen",
    "host": "Annen arrangør",
    "world_day": "Verdensdag",
    "related": "Organisasjoner som arbeider med dette",
    "recurrence": "Gjentas",
    "frequency": "Hvor ofte",
    "interval": "Hver ... gang",
    "weekday_of_month": "Ukedag i måneden (1.–5., -1 = siste)",
    "until": "Til og med",
    "exceptions": "Unntak",
    "dates": "Avlyste datoer",
    "skip_school_holidays": "Ikke i skoleferier",
    "skip_public_holidays": "Ikke på helligdager",
    "moved": "Flyttede datoer",
    "date": "Dato",
    "to": "Flyttet til",
    "agenda": "Program",
    "time": "Klokkeslett",
    "item": "Hva skjer",
    # School calendar
    "source": "Kilde",
    "verified": "Kontrollert mot kommunens skolerute",
    "holidays": "Skoleferier",
    "first_day": "Første fridag",
    "last_day": "Siste fridag",
    "reason": "Ferie",
    # Shift plan
    "shifts": "Vakter",
    "organisations": "Organisasjoner på vakt",
    "reserve": "Reserve",
    # Themes
    "items": "Tema",
}

HINTS: dict[str, str] = {
    "name": "Hele navnet, slik organisasjonen selv skriver det.",
    "short_name": "Forkortelse, for eksempel LPP.",
    "description": "Én eller to enkle setninger om hvem organisasjonen er for.",
    "categories": "Ett eller flere tema fra temalisten.",
    "keywords": "Diagnoser og vanlige ord en besøkende kan søke etter.",
    "keywords_en": "Engelske navn på diagnosene. Brukes bare i søket.",
    "website": "Begynner med https://",
    "phone": "8 siffer, eventuelt med +47 foran. En hjelpetelefon kan også være et 116-nummer, som 116 123.",
    "reviewed": "Datoen du sist sjekket opplysningene med organisasjonen.",
    "sources": "Nettsidene opplysningene er hentet fra.",
    "former_slugs": "Gamle adresser som skal sende videre hit, for eksempel etter et navnebytte.",
    "at_torget": "Kryss av når organisasjonen sender frivillige til torget.",
    "umbrella": "Paraplyorganisasjoner og nettverk fra organisations/_umbrellas.yaml. Bare når en kilde sier det.",
    "helplines": "Navngitte telefoner alle kan ringe, som en pårørendetelefon. Sentralbordet står under Telefon.",
    "visiting_address": "Der kontoret ligger, hvis det er et annet sted enn postadressen.",
    "answered_by": "For eksempel: Frivillige som selv er pårørende.",
    "hours": "Som kilden oppgir det: 24/7 (hele døgnet), eller for eksempel Mo-Fr 10:00-15:00; Tu 16:00-18:00. "
             "Tom hvis kilden ikke sier det.",
    "hours_note": "For eksempel: Tidene er fra 2021.",
    "theme": "Et tema fra temalisten. Hjelpetelefonsiden ordner telefonene etter det.",
    "kind": "likeperson: snakke med en likeperson én og én. groups: grupper og møteplasser. "
            "companion: følgetjeneste. Bare likeperson telles som likepersonstilbud.",
    "status": "Bare når en kilde sier at organisasjonen er slått sammen, lagt ned eller usikker.",
    "successor": "Filnavnet (uten .yaml) til organisasjonen den slås sammen med.",
    "draft": "Et utkast vises i forhåndsvisningen, men publiseres ikke.",
    "start": "Dato og klokkeslett, som 2026-08-18 12:00. Bare dato for et heldagsarrangement.",
    "end": "Som 14:00, samme dag.",
    "duration": "I stedet for slutt: 2h eller 90 min.",
    "organiser": "Organisasjoner fra katalogen. Bruk «Annen arrangør» for andre.",
    "interval": "1 = hver gang, 2 = annenhver.",
    "world_day": "Kryss av for en internasjonal verdensdag: en dato, ikke et arrangement på torget. "
                 "Den har ikke sted eller arrangør.",
    "related": "Bare for verdensdager: organisasjoner fra katalogen som arbeider med temaet.",
    "verified": "Kryss av når datoene er sjekket mot Bodø kommunes skolerute.",
    "organisations": "Én eller to organisasjoner fra katalogen. Aldri navn på personer.",
}


def label_for(name: str, title: str | None) -> str:
    return LABELS.get(name) or title or name


def hint_for(name: str, description: str | None) -> str | None:
    return HINTS.get(name) or description
