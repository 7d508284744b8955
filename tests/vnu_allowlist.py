"""The one place where Nu Html Checker errors are excused: markup Material for MkDocs' own
base template writes on every page, which the project does not generate and should not patch.

An entry matches by the checker's exact message AND a snippet of the offending element, so the
same mistake in the project's own templates is still reported. Our own errors are fixed, never
listed here. tests/test_quality_html.py fails when an entry no longer matches anything.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Allowed:
    message: str
    """The checker's message, exactly."""
    element: str
    """A snippet of the offending element's markup (the checker's `extract`) that identifies Material's element."""
    reason: str


ALLOWED = (
    Allowed(
        message="Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
                "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
                "“tel”, “text”, “time”, “url”, or “week”.",
        element='class="md-toggle"',
        reason="Material's base.html puts autocomplete=off on the hidden checkboxes that open its drawer "
               "and search, so Firefox does not restore them to 'open' on back navigation.",
    ),
    Allowed(
        message="Attribute “autocorrect” not allowed on element “input” at this point.",
        element='class="md-search__input"',
        reason="Material's search field (partials/search.html) turns off Safari's autocorrection with "
               "the non-standard autocorrect attribute that Safari honours.",
    ),
)


def allowance_for(message: str, extract: str) -> Allowed | None:
    """The entry excusing this error, if any."""
    return next((entry for entry in ALLOWED if entry.message == message and entry.element in extract), None)
