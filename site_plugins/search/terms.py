"""What each search box matches for an organisation, beyond the words its page shows.

One model feeds every search: the directory's instant filter and the kiosk match `search_text`
(folded); the site search indexes `index_keywords` in a field of its own (see `index.py`).
The query side (typos, inflections, phrases) is the shared script `assets/search_rule.js`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..directory.model import Organisation
from ..web.text import fold
from .synonyms import NO_SYNONYMS, Synonyms

PHRASE_JOINER = "_"
"""Joins the two words of a phrase term; the search separator (spaces and hyphens) keeps it whole."""
PHRASE_WORD_MIN = 4
"""Shorter words (til, for, og, med, 1) are left out of phrase terms, as search_rule.js leaves them out of queries."""
_WORD = re.compile(r"[a-z0-9]+")


def directory_words(org: Organisation) -> list[str]:
    """The organisation's own names for itself and what it is about: names, keywords and themes."""
    return [org.name, org.short_name or "", *org.keywords, *org.keywords_en, *org.categories, *org.merged_names]


def synonyms_of(org: Organisation, synonyms: Synonyms) -> list[str]:
    """The visitors' words (from the synonyms file) for the directory words this organisation uses."""
    return synonyms.words_for(fold(" ".join(directory_words(org))))


def search_words(org: Organisation, synonyms: Synonyms = NO_SYNONYMS) -> list[str]:
    """What search matches beyond the name and description: short name, keywords (Norwegian and English),
    themes and synonyms. The kiosk sends these apart, as it has the name and description already."""
    return [org.short_name or "", *org.keywords, *org.keywords_en, *org.categories, *org.merged_names,
            *synonyms_of(org, synonyms)]


def search_text(org: Organisation, synonyms: Synonyms = NO_SYNONYMS) -> str:
    """What the directory's filter and the kiosk match: names, description, keywords (Norwegian and
    English), themes and synonyms, folded."""
    parts = [org.name, org.short_name or "", org.description, *org.keywords, *org.keywords_en,
             *org.categories, *org.merged_names, *synonyms_of(org, synonyms)]
    return fold(" ".join(parts))


def phrase_terms(texts: list[str]) -> list[str]:
    """`pårørende til rusavhengige` -> `parorende_rusavhengige`: each pair of neighbouring words
    of at least four letters, folded, as one term, so a two-word query can rank the phrase first."""
    terms: list[str] = []
    for text in texts:
        words = [word for word in _WORD.findall(fold(text)) if len(word) >= PHRASE_WORD_MIN]
        for first, second in pairwise(words):
            term = f"{first}{PHRASE_JOINER}{second}"
            if term not in terms:
                terms.append(term)
    return terms


def index_keywords(org: Organisation, synonyms: Synonyms) -> str:
    """The site search's keyword field for the organisation's page: keywords in both languages,
    synonyms and phrase terms. Indexed with a boost, never shown."""
    own = [org.short_name or "", *org.keywords, *org.keywords_en, *org.merged_names]
    words = [*own, *synonyms_of(org, synonyms)]
    return " ".join([*(word for word in words if word), *phrase_terms([org.name, *words])])


def language_keywords(org: Organisation, theme_names: list[str]) -> str:
    """The keyword field of the organisation's page in another language's site search: its names as it writes
    them, its English keywords and its themes' names in that language, and phrase terms of them ("breast cancer"
    -> `breast_cancer`). Norwegian keywords and synonyms stay in the bokmål index. The description is left out:
    the page's text already holds it; in the field, with its phrase terms, it made the English index 55 % larger
    than Material's instead of 18 %, for one query more in the first three (a typo, "brest cancer": 50 / 50
    against 49 / 50 of benchmarks/search_queries_en.yaml), and without its phrase terms for none."""
    words = [word for word in (org.name, org.short_name or "", *org.merged_names, *org.keywords_en, *theme_names)
             if word]
    return " ".join([*words, *phrase_terms(words)])
