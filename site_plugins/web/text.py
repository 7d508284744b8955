"""Norwegian text for search and addresses: folding, slugs, alphabetical order (dates are in `norwegian.py`)."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
# The directory's filter script receives this table, so both sides fold alike.
LETTER_FOLDS = {"æ": "ae", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "ł": "l"}
_LETTER_TABLE = str.maketrans(LETTER_FOLDS)

# Common endings a search takes off a query word to find its stem ("diabetiker" -> "diabet", "strokes" ->
# "strok"), per language, longest first. The search rule (assets/search_rule.js) receives this table and uses
# the page's language; a language without a list is matched without stems.
SEARCH_ENDINGS: dict[str, tuple[str, ...]] = {
    "nb": ("ikerne", "ikere", "ikers", "iker", "ismen", "isme", "iske", "isk", "ende", "ene", "ere",
           "er", "en", "et", "a", "e", "s"),
    "en": ("ically", "ations", "ation", "ities", "ments", "ness", "ment", "ings", "tics", "ing", "ies", "ied",
           "ers", "tic", "ics", "ed", "es", "er", "ic", "al", "ly", "s"),
}

_MARKS = re.compile(r"[\u0300-\u036f]")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case `text` and strip accents, so "Pårørende" and "parorende" match."""
    text = _MARKS.sub("", unicodedata.normalize("NFD", text.lower()))
    return text.translate(_LETTER_TABLE)


def slugify(text: str) -> str:
    """An ASCII URL segment: "Psykisk helse" -> "psykisk-helse", "Pårørende" -> "parorende"."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


# Norwegian alphabetical order puts Æ, Ø and Å after Z.
_SORT_LETTERS = str.maketrans({"æ": "{1", "ä": "{1", "ø": "{2", "ö": "{2", "å": "{3"})


def sort_key(text: str) -> str:
    """Key for sorting names in Norwegian alphabetical order (A–Å)."""
    lowered = unicodedata.normalize("NFC", text.lower()).translate(_SORT_LETTERS)
    return fold(lowered)


def index_letter(text: str) -> str:
    """The A–Å index heading a name is filed under ("#" for names not starting with a letter)."""
    first = unicodedata.normalize("NFC", text.strip()[:1].upper())
    if first and first in "ÆØÅ":
        return first
    folded = fold(first).upper()[:1]
    return folded if folded.isalpha() else "#"

