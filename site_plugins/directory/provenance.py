"""What a visitor is told about where the directory's facts stand: whether the entries are checked.

The sentence is written once here, so every listing (web pages and the kiosk) says the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n.language import _
from .model import Organisation


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
            return _("Opplysningene her er hentet fra offentlige kilder og er ikke kontrollert med "
                     "organisasjonen ennå.")
        return _("Opplysningene her er hentet fra offentlige kilder og er ikke kontrollert med organisasjonene ennå.")
    return _("Opplysningene om {count} av de {total} organisasjonene her er ikke kontrollert med "
             "organisasjonene ennå. Det står på siden til hver av dem.").format(count=count, total=len(organisations))
