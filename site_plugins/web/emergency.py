"""The public emergency numbers every page that talks about getting help shows, kept in one place."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n.language import N_


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    tel: str
    name: str
    when: str
    """Completes «Ring <number> …»: when to ring it."""


EMERGENCY_NUMBERS = (
    EmergencyNumber("113", "tel:113", N_("Medisinsk nødtelefon"), N_("når det står om liv")),
    EmergencyNumber("116 117", "tel:116117", N_("Legevakten"),
                    N_("når du trenger lege raskt, men det ikke står om liv")),
)
