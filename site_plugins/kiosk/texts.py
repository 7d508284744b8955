"""Every interface text of the kiosk, by key: the template writes them in bokmål, the script reads them by key.

The texts are gettext messages (bokmål message ids, `site_plugins/locale/<code>/LC_MESSAGES/torget.po`), so a
language's kiosk texts are `kiosk_texts()` inside `i18n.language.use_language(code)`. In the page an element
shows the text of `data-text="key"` (its `aria-label`, of `data-label="key"`); switching language, the script
puts the other language's text of the same key there. `{name}` marks what the script fills in.

The page's data carries only the texts the script writes (`SCRIPT_TEXTS`); the script reads the bokmål
texts of the page's elements from the elements themselves, so the first load carries each text once.
"""

from __future__ import annotations

from ..i18n.language import N_, _

TEXTS = {
    # The page and the bar at the top of every screen
    "page_title": N_("Pasient- og pårørendetorget – skjermen i foajeen"),
    "desk": N_("Pasient- og pårørendetorget"),
    "back": N_("Tilbake"),
    "home": N_("Hjem"),
    "home_label": N_("Hjem, til startsiden"),
    "my_list": N_("Min liste"),
    # Start screen
    "welcome": N_("Velkommen til Pasient- og pårørendetorget"),
    "welcome_lead": N_("Frivillige fra pasient- og brukerorganisasjonene hjelper deg å finne noen som vet hvordan "
                       "du har det. De har taushetsplikt. Trykk på det du vil vite mer om."),
    "choices": N_("Hva vil du gjøre?"),
    "find": N_("Finn en organisasjon"),
    "find_hint": N_("Velg et tema, så ser du organisasjonene fra A til Å"),
    "all": N_("Alle fra A til Å"),
    "all_hint": N_("Hele listen, med søk på skjermtastatur"),
    "events": N_("Arrangementer"),
    "events_hint": N_("Det som skjer framover"),
    "next_event": N_("Neste: {title}, {when}"),
    "volunteer": N_("Bli frivillig"),
    "volunteer_hint": N_("Gi noen timer på torget"),
    "staffed_days": N_("De neste dagene med frivillige på torget:"),
    # Themes and A–Å
    "themes_title": N_("Velg et tema"),
    "themes_lead": N_("Trykk på temaet som passer best. Du kan også se alle organisasjonene fra A til Å."),
    "all_organisations": N_("Alle organisasjoner fra A til Å"),
    "one_organisation": N_("1 organisasjon"),
    "organisations": N_("{count} organisasjoner"),
    "letters": N_("Hopp til forbokstav"),
    "letter": N_("Bokstaven {letter}"),
    "keyboard": N_("Søk med tastatur"),
    "hide_keyboard": N_("Skjul tastaturet"),
    "searching_for": N_("Du søker etter:"),
    "space": N_("Mellomrom"),
    "delete": N_("Slett"),
    "delete_label": N_("Slett siste bokstav"),
    "clear": N_("Tøm"),
    "clear_label": N_("Tøm søket"),
    "no_match": N_("Ingen treff. Slett noen bokstaver, eller trykk «Tøm»."),
    "showing": N_("Viser {organisations}."),
    "showing_all": N_("Viser alle {organisations}."),
    "did_you_mean": N_("Mente du:"),
    "by_theme": N_("Se organisasjonene etter tema"),
    # An organisation's card
    "organisation": N_("Organisasjon"),
    "contact": N_("Kontakt"),
    "address": N_("Adresse: {address}"),
    "chapters": N_("Lokallag"),
    "at_torget": N_("Du kan møte frivillige fra oss på torget"),
    "themes": N_("Tema"),
    "add_to_list": N_("Legg i min liste"),
    "remove_from_list": N_("Fjern fra min liste"),
    "list_full": N_("Min liste er full ({limit}). Fjern en først."),
    "page_code": N_("QR-kode til siden om {name}"),
    "page_code_caption": N_("Ta med siden på mobilen: pek kameraet på koden."),
    "loading": N_("Henter kontaktopplysningene …"),
    "tap_for_code": N_("Trykk for QR-kode"),
    "code": N_("QR-kode: {text}"),
    # Min liste
    "list_empty": N_("Listen er tom. Trykk «Legg i min liste» på en organisasjon, så samles de her."),
    "list_empty_more": N_("Til slutt skanner du én kode med mobilen og tar med deg hele listen. Ingenting blir "
                          "lagret på skjermen når du går."),
    "clear_list": N_("Tøm listen"),
    "remove": N_("Fjern"),
    "remove_label": N_("Fjern {name} fra listen"),
    "list_code": N_("QR-kode med listen din"),
    "list_code_caption": N_("Åpne kameraet på mobilen og pek på koden. Da får du listen på telefonen, med lenker "
                            "til organisasjonene."),
    # Events
    "no_events": N_("Det er ingen arrangementer i kalenderen de nærmeste ukene. Spør de frivillige på torget om "
                    "hva som skjer."),
    "event_line": N_("{when}: {title}"),
    "tap_for_event_code": N_("Trykk for QR-kode til arrangementet"),
    # Becoming a volunteer
    "volunteer_title": N_("Bli frivillig på torget"),
    "volunteer_lead": N_("På torget står frivillige fra pasient- og brukerorganisasjonene. De tar imot folk som "
                         "kommer innom, lytter og forteller om organisasjonene og tilbudene deres."),
    "volunteer_how": N_("Slik går du fram"),
    "volunteer_step_1": N_("Snakk med organisasjonen du er med i. Den gir beskjed om at du passer til oppgaven, og "
                           "melder deg på kurs."),
    "volunteer_step_2": N_("Vil du se hvordan det er først, kan du gå en prøvevakt sammen med en erfaren frivillig."),
    "volunteer_step_3": N_("Du tar et kurs på fire timer hos Lærings- og mestringssenteret og skriver under en "
                           "avtale om samarbeid og taushetsplikt."),
    "volunteer_what": N_("Hva vi ser etter"),
    "volunteer_what_text": N_("Du trenger ikke være utdannet likeperson. Det viktigste er at du har et avklart "
                              "forhold til din egen helse, at du liker å lytte, og at du respekterer at andre "
                              "takler sykdom på sin egen måte."),
    # Attract screen and dialogs
    "attract_lead": N_("Finn en pasient- eller brukerorganisasjon, en likeperson eller et arrangement."),
    "attract_touch": N_("Trykk på skjermen for å begynne"),
    "code_hint": N_("Åpne kameraet på mobilen og pek på koden. Skjermen her åpner ingen lenker."),
    "close": N_("Lukk"),
    "idle_question": N_("Vil du fortsette?"),
    "idle_text": N_("Om {seconds} sekunder går skjermen tilbake til start, og listen og søket ditt blir slettet."),
    "idle_yes": N_("Ja, jeg vil fortsette"),
    "idle_no": N_("Nei, start på nytt"),
}


def kiosk_texts() -> dict[str, str]:
    """The kiosk's texts in the current language (a text the catalogue lacks stays in bokmål)."""
    return {key: _(text) for key, text in TEXTS.items()}

SCRIPT_TEXTS = frozenset({
    "events_hint", "next_event", "one_organisation", "organisations", "letter", "keyboard", "hide_keyboard", "space",
    "delete", "delete_label", "clear", "clear_label", "no_match", "showing", "showing_all", "contact", "address",
    "chapters", "at_torget", "themes", "add_to_list", "remove_from_list", "list_full", "page_code",
    "page_code_caption", "loading", "tap_for_code", "code", "remove", "remove_label", "list_code", "event_line",
    "tap_for_event_code", "idle_text",
})
"""The texts the script writes (the others are the page's own elements, `data-text` and `data-label`)."""


def script_texts(texts: dict[str, str]) -> dict[str, str]:
    """Of `texts`, those the script writes."""
    return {key: text for key, text in texts.items() if key in SCRIPT_TEXTS}
