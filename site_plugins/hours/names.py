"""The names of the days the desk is closed, in the language being rendered.

The names are bokmål in their sources: the public holidays as the `holidays` package names them, the
school holidays' `reason` in the school calendar and the reasons of `extra_closed_days` in mkdocs.yml.
The usual ones are messages of the catalogue (listed here so `pybabel extract` finds them); a name that
is not there is shown as written.
"""

from __future__ import annotations

from ..i18n.language import N_, _

KNOWN_NAMES = (
    # Public holidays
    N_("Første nyttårsdag"), N_("Skjærtorsdag"), N_("Langfredag"), N_("Første påskedag"), N_("Andre påskedag"),
    N_("Arbeidernes dag"), N_("Grunnlovsdag"), N_("Kristi himmelfartsdag"), N_("Første pinsedag"),
    N_("Andre pinsedag"), N_("Første juledag"), N_("Andre juledag"),
    # School holidays
    N_("høstferie"), N_("juleferie"), N_("vinterferie"), N_("påskeferie"), N_("sommerferie"),
    # Extra closed days
    N_("julaften"), N_("nyttårsaften"),
)


def day_name(name: str) -> str:
    """`name` (bokmål, several joined with " og ") in the current language, each part from the catalogue."""
    return _(" og ").join(_(part) for part in name.split(" og "))
