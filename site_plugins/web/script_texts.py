"""The words the pages' scripts write (the directory's count, «Mente du …?»), in the page's language.

The scripts compose nothing of their own: every page carries these texts, translated by the catalogue as
the page is written, in one attribute on <html> (`data-torget-texts`, JSON), and the scripts read them there.
"""

from __future__ import annotations

import html
import json

from ..i18n.language import N_, _

SCRIPT_TEXTS = {
    "suggest": N_("Mente du {words}?"),
    "or": N_("eller"),
    "all": N_("Viser alle {total} organisasjonene."),
    "some": N_("Viser {shown} av {total} organisasjoner."),
    "themes": N_("Bla i organisasjonene etter tema"),
    "themes_after": N_(" – der finner du alle, ordnet etter hva de arbeider med."),
    "search_offline": N_("Søket virker ikke uten nett."),
    "search_offline_link": N_("Se alle organisasjonene fra A til Å"),
}
"""What each text says, by the key the scripts use; `{…}` is filled in by the script."""


def with_script_texts(page: str) -> str:
    """`page` with the scripts' texts, in the language being rendered, on its <html> element."""
    texts = html.escape(json.dumps({key: _(text) for key, text in SCRIPT_TEXTS.items()}, ensure_ascii=False))
    return page.replace("<html ", f'<html data-torget-texts="{texts}" ', 1)
