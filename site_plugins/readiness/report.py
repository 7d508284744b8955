"""The publication report `torget check` ends with, and what stops `torget check --publish`.

Everything here is about the state of the sources, not their validity: a project with drafts, unchecked
entries, an unconfirmed school calendar or a placeholder `site_url` builds, but is not yet ready to print
and publish as a hospital's site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..directory.load import STALE_AFTER
from ..review.round import RoundProgress
from ..site import Site
from .proof import placeholder_host


@dataclass(frozen=True)
class PublicationReport:
    """Where the sources stand before publication; made by `publication_report`."""

    organisations: int
    uncertain: tuple[str, ...]
    """«slug: what the source says» for every entry whose status is `uncertain`: LMS checks these first."""
    unreviewed: int
    """Entries never checked with their organisation (no `reviewed:` date)."""
    stale: tuple[str, ...]
    """Slugs of entries last checked more than 12 months ago."""
    drafts: tuple[str, ...]
    """Draft pages, as paths under the docs folder."""
    unverified_calendar: str | None
    """The school calendar's path while it says `verified: false`."""
    site_url: str
    placeholder: str | None
    """The reserved host of `site_url`, or None for a real address."""
    review_round: RoundProgress | None = None
    """The last review round's progress (`torget review-round`), or None before the first."""

    def blockers(self) -> list[str]:
        """What `--publish` refuses: a placeholder address and an unconfirmed school calendar."""
        found = []
        if self.placeholder:
            found.append(f"site_url {self.site_url} is a placeholder; "
                         "set it in mkdocs.yml to the site's public address")
        if self.unverified_calendar:
            found.append(f"{self.unverified_calendar}: confirm the school holidays against the municipality's "
                         "skolerute, "
                         "then set `verified: true`")
        return found

    def lines(self) -> list[str]:
        """The report, one finding per line."""
        checked = self.organisations - self.unreviewed - len(self.stale)
        lines = [f"to check with the organisation first (status: uncertain): {entry}" for entry in self.uncertain]
        lines += [(f"organisations: {checked} of {self.organisations} checked with their organisation in the last "
                  f"{STALE_AFTER.days} days; {self.unreviewed} never checked (no `reviewed:` date), "
                  f"{len(self.stale)} checked longer ago" + (" (listed above)" if self.stale else ""))]
        lines.append(self.review_round.line() if self.review_round else
                     "review round: none written yet (`torget review-round --out DIR`)")
        if self.drafts:
            lines.append(f"drafts, left out of the published site: {', '.join(self.drafts)}")
        else:
            lines.append("drafts: none")
        if self.unverified_calendar:
            lines.append(f"school calendar: {self.unverified_calendar} is not confirmed (verified: false); "
                         "the opening hours call its holidays provisional")
        else:
            lines.append("school calendar: confirmed")
        if self.placeholder:
            lines.append(f"site_url: {self.site_url} is a placeholder ({self.placeholder}); "
                         "every print file is a proof "
                         "marked «PRØVETRYKK» and its QR codes lead nowhere")
        else:
            lines.append(f"site_url: {self.site_url}")
        return lines


def publication_report(site: Site, site_url: str, docs_folder: str, today: dt.date, *,
                       review_round: RoundProgress | None = None) -> PublicationReport:
    """The report for `site` as built for `site_url`; `docs_folder` prefixes the drafts' paths (`docs`);
    `review_round` is the last review round's progress, if one was written."""
    directory = site.directory
    never = [org for org in directory.organisations if org.reviewed is None]
    stale = [org.slug for org in directory.stale(today) if org.reviewed is not None]
    calendar = site.closed_days.school
    return PublicationReport(
        organisations=len(directory.organisations),
        uncertain=tuple(f"{org.slug} ({org.status.note or 'no note'})" for org in directory.with_state("uncertain")),
        unreviewed=len(never),
        stale=tuple(stale),
        drafts=tuple(f"{docs_folder}/{draft.src_path}" for draft in site.drafts),
        unverified_calendar=None if calendar.verified else calendar.display,
        site_url=site_url,
        placeholder=placeholder_host(site_url),
        review_round=review_round,
    )
