"""`torget review-round`: an e-mail (.eml) to each organisation with an address, a one-page letter to the others,
a summary, and the round's progress in `torget check`'s publication report."""

from __future__ import annotations

import csv
import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

import pypdfium2
import pytest
from small_project import small_project
from test_cli import torget

LMS_ADDRESS = "lmsenter@nlsh.no"
# A made-up organisation for the test only: every field the page can show.
SOVN = """\
name: Foreningen for søvnproblemer
short_name: FSP
description: En forening for voksne som sover dårlig over lang tid, og for pårørende.
categories: [Psykisk helse]
website: https://sovn.example.no
email: post@sovn.example.no
phone: "75 00 00 01"
address: Postboks 1, 8001 Bodø
helplines:
  - name: Søvntelefonen
    phone: "75 00 00 02"
    hours: "Mo-Fr 10:00-14:00"
    description: For alle som lurer på noe om søvn.
peer_support:
  email: likeperson@sovn.example.no
  description: Likepersonene har selv hatt søvnproblemer.
local_chapters:
  - {name: FSP Nordland, region: Nordland, phone: "75 00 00 03"}
sources:
  - {title: "FSP: Om oss", url: "https://sovn.example.no/om-oss"}
reviewed: 2025-01-15
"""


@pytest.fixture
def project(tmp_path: Path):
    project = small_project(tmp_path / "project", f"    - torget:\n        corrections_email: {LMS_ADDRESS}\n")
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8").replace("  - torget\n", "", 1)
    project.write("mkdocs.yml", text)
    project.write("organisations/foreningen-for-sovnproblemer.yaml", SOVN)
    return project


def read_message(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def pdf_text(path: Path) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(path)
    try:
        return len(document), "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_review_round_writes_a_message_per_address_and_a_letter_for_the_others(project, tmp_path: Path):
    out = tmp_path / "runde"
    result = torget(project, "review-round", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Wrote 1 e-mail messages" in result.stdout and "and 2 letters" in result.stdout
    assert "Nothing was sent" in result.stdout

    message = read_message(out / "e-post" / "foreningen-for-sovnproblemer.eml")
    assert message["To"].addresses[0].addr_spec == "post@sovn.example.no"
    assert message["Reply-To"].addresses[0].addr_spec == LMS_ADDRESS
    assert message["Subject"] == "Stemmer opplysningene om Foreningen for søvnproblemer på Pasient- og pårørendetorget?"
    assert message.get_content_charset() == "utf-8"
    body = message.get_content()
    for fact in ["En forening for voksne som sover dårlig over lang tid, og for pårørende.",
                 "Nettside: https://sovn.example.no", "E-post: post@sovn.example.no", "Telefon: 75 00 00 01",
                 "Postadresse: Postboks 1, 8001 Bodø", "Søvntelefonen: 75 00 00 02", "Åpningstid: Åpen mandag–fredag kl. 10:00–14:00.",
                 "Likepersonene har selv hatt søvnproblemer.", "E-post: likeperson@sovn.example.no",
                 "FSP Nordland (Nordland)", "Telefon: 75 00 00 03", "Psykisk helse",
                 "FSP: Om oss: https://sovn.example.no/om-oss", "15. januar 2025",
                 "https://torget.example.no/organisasjoner/foreningen-for-sovnproblemer/", "Stemmer opplysningene?"]:
        assert fact in body, fact

    for slug, name in [("melanomforeningen", "Melanomforeningen"), ("mental-helse", "Mental Helse")]:
        pages, text = pdf_text(out / "brev" / f"{slug}.pdf")
        assert pages == 1
        flat = " ".join(text.split())
        assert f"Stemmer opplysningene om {name}" in flat
        assert "Ikke kontrollert ennå" in flat and LMS_ADDRESS in flat
    pages, text = pdf_text(out / "brev" / "melanomforeningen.pdf")
    assert "føflekkreft" in text and "likeperson@melanom.no" in text

    with (out / "oversikt.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["fil"]: row for row in csv.DictReader(handle)}
    assert rows["foreningen-for-sovnproblemer.yaml"]["sendes som"] == "e-post"
    assert rows["foreningen-for-sovnproblemer.yaml"]["adresse"] == "post@sovn.example.no"
    assert rows["melanomforeningen.yaml"]["sendes som"] == "brev"
    assert rows["melanomforeningen.yaml"]["dokument"] == "brev/melanomforeningen.pdf"
    assert len(rows) == 3


def test_the_publication_report_shows_the_rounds_progress(project, tmp_path: Path):
    before = torget(project, "check")
    assert "review round: none written yet" in before.stdout
    assert torget(project, "review-round", "--out", str(tmp_path / "runde")).returncode == 0
    sent = torget(project, "check")
    assert sent.returncode == 0, sent.stderr
    assert "review round of 2026-11-23: 3 sent, 0 confirmed since (`reviewed:` on or after that day), 3 waiting" in sent.stdout
    # The organisation answers; the editor sets the date.
    path = project.organisations / "foreningen-for-sovnproblemer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2025-01-15", "reviewed: 2026-11-23"),
                    encoding="utf-8")
    confirmed = torget(project, "check")
    assert "review round of 2026-11-23: 3 sent, 1 confirmed since (`reviewed:` on or after that day), 2 waiting" in confirmed.stdout


def test_only_due_leaves_out_entries_checked_in_the_last_year(project, tmp_path: Path):
    path = project.organisations / "foreningen-for-sovnproblemer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2025-01-15", "reviewed: 2026-06-01"),
                    encoding="utf-8")
    out = tmp_path / "runde"
    result = torget(project, "review-round", "--only-due", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert not (out / "e-post").exists()
    assert sorted(path.name for path in (out / "brev").iterdir()) == ["melanomforeningen.pdf", "mental-helse.pdf"]


def test_a_malformed_address_stops_the_round_with_file_and_line(project, tmp_path: Path):
    path = project.organisations / "foreningen-for-sovnproblemer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("post@sovn.example.no", "post(at)sovn.example.no"),
                    encoding="utf-8")
    out = tmp_path / "runde"
    result = torget(project, "review-round", "--out", str(out))
    assert result.returncode == 1
    assert ("organisations/foreningen-for-sovnproblemer.yaml:6: email: 'post(at)sovn.example.no' is not an "
            "e-mail address") in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
    assert not (project.organisations / "_kontrollrunde.yaml").exists()


def test_the_round_needs_lms_address_for_the_answers(tmp_path: Path):
    project = small_project(tmp_path / "project")
    result = torget(project, "review-round", "--out", str(tmp_path / "runde"))
    assert result.returncode == 1
    assert "set `corrections_email`" in result.stderr and not (tmp_path / "runde").exists()


def test_a_broken_round_record_is_reported_with_file_and_line(project, tmp_path: Path):
    project.write("organisations/_kontrollrunde.yaml", "date: 2026-11-23\nsent:\n  - {organisation: x, by: brevdue}\n")
    result = torget(project, "check")
    assert result.returncode == 1
    assert "organisations/_kontrollrunde.yaml:3: sent[1].by: Input should be 'e-post' or 'brev'" in result.stderr
