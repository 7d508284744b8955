"""The yearly review round: who gets what, the files LMS sends, and the record of the round.

`torget review-round --out DIR` writes one `.eml` per organisation with an e-mail address and one PDF
letter per organisation without, a summary (`oversikt.csv`), and `organisations/_kontrollrunde.yaml`:
the round's date and who was in it. `torget check`'s publication report reads that record to show the
round's progress: how many were sent, and how many have since been confirmed (a `reviewed:` date on or
after the round's).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field

from ..directory.load import Directory
from ..directory.model import Organisation
from ..sources.fields import Date, Fields
from ..sources.problems import SourceError, display_path
from ..sources.validation import validate_at
from ..sources.yaml_lines import read_yaml

ROUND_FILE = "_kontrollrunde.yaml"
SUMMARY_FILE = "oversikt.csv"
Way = Literal["e-post", "brev"]


class _Sent(Fields):
    organisation: str = Field(min_length=1, description="The organisation's file name in organisations/.")
    by: Way = Field(description="`e-post` or `brev`.")


class RoundFile(Fields):
    """The record `torget review-round` writes; editors need not touch it."""

    date: Date = Field(description="The day the round's messages were written (YYYY-MM-DD).")
    sent: list[_Sent] = Field(default_factory=list, description="Who was in the round, and how.")


@dataclass(frozen=True)
class Recipient:
    org: Organisation
    by: Way
    file: str
    """The file's name in the round's folder."""


def recipients(directory: Directory, today: dt.date, *, only_due: bool) -> list[Recipient]:
    """Every organisation (with `only_due`: those never checked or checked more than a year ago), e-mail first."""
    due = {org.slug for org in directory.stale(today)}
    chosen = [org for org in directory.organisations if not only_due or org.slug in due]
    return [Recipient(org, "e-post", f"e-post/{org.slug}.eml") if org.email
            else Recipient(org, "brev", f"brev/{org.slug}.pdf") for org in chosen]


def summary_csv(chosen: list[Recipient]) -> str:
    """Who got what: organisation, file name, how, address, last checked, and the file in the folder."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["organisasjon", "fil", "sendes som", "adresse", "sist kontrollert", "dokument"])
    for item in chosen:
        org = item.org
        writer.writerow([org.name, f"{org.slug}.yaml", item.by, org.email if item.by == "e-post" else org.address or "",
                         org.reviewed.isoformat() if org.reviewed else "", item.file])
    return out.getvalue()


def round_record(today: dt.date, chosen: list[Recipient]) -> str:
    header = ("# Written by `torget review-round`: the day of the yearly review round and who was in it.\n"
              "# `torget check` counts how many have confirmed since (a `reviewed:` date on or after this one).\n")
    data = {"date": today, "sent": [{"organisation": item.org.slug, "by": item.by} for item in chosen]}
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@dataclass(frozen=True)
class RoundProgress:
    """How far the last round has come."""

    date: dt.date
    sent: int
    confirmed: int
    gone: int
    """Organisations in the round that are no longer in the directory (renamed or removed)."""

    def line(self) -> str:
        gone = f"; {self.gone} no longer in the directory" if self.gone else ""
        return (f"review round of {self.date.isoformat()}: {self.sent} sent, {self.confirmed} confirmed since "
                f"(`reviewed:` on or after that day), {self.sent - self.confirmed - self.gone} waiting{gone}")


def round_progress(folder: Path, root: Path, directory: Directory) -> RoundProgress | None:
    """The progress of the round recorded in `folder/_kontrollrunde.yaml`; None when no round was written."""
    path = folder / ROUND_FILE
    if not path.is_file():
        return None
    doc, problems = read_yaml(path, display_path(path, root))
    if doc.data is None:
        raise SourceError(problems)
    record, found = validate_at(RoundFile, doc, (), RoundFile)
    if problems or found:
        raise SourceError(problems + found)
    assert isinstance(record, RoundFile)
    by_slug = {org.slug: org for org in directory.organisations}
    confirmed = gone = 0
    for item in record.sent:
        org = by_slug.get(item.organisation)
        if org is None:
            gone += 1
        elif org.reviewed is not None and org.reviewed >= record.date:
            confirmed += 1
    return RoundProgress(record.date, len(record.sent), confirmed, gone)
