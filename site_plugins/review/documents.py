"""The round's documents: an e-mail message (`.eml`, RFC 5322, UTF-8) or a one-page A4 letter (PDF).

The message is a draft for LMS's own mail program: `X-Unsent: 1` makes Outlook open it ready to send, and
other programs open it as a message to forward or "edit as new". Nothing is ever sent from here.
"""

from __future__ import annotations

import datetime as dt
import email.policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING

from ..directory.load import Directory
from ..directory.model import Organisation
from ..printing.posters import A4_HEIGHT_MM, A4_WIDTH_MM, FONT, FONT_FILES, FONT_FOLDER
from ..web.norwegian import date_nb
from .entry import LMS, plain_text, request_text, sections, subject

if TYPE_CHECKING:
    from fpdf import FPDF

LETTER_SIZES = (10.5, 9.5, 8.5, 7.5, 6.5)
"""Type sizes in points tried in turn until the letter fits one page."""
MARGIN_MM = 22


class LetterTooLong(Exception):
    """The entry does not fit one page even in the smallest type."""


def message(org: Organisation, directory: Directory, page: str, reply_to: str, now: dt.datetime) -> bytes:
    """The e-mail to `org.email` asking it to confirm its entry; From and Reply-To are LMS's `reply_to`."""
    assert org.email is not None
    mail = EmailMessage(policy=email.policy.SMTPUTF8)
    mail["From"] = Address(LMS, addr_spec=reply_to)
    mail["To"] = Address(org.name, addr_spec=org.email)
    mail["Reply-To"] = Address(LMS, addr_spec=reply_to)
    mail["Subject"] = subject(org)
    mail["Date"] = format_datetime(now)
    mail["Message-ID"] = make_msgid(idstring=f"kontroll-{org.slug}", domain=reply_to.rsplit("@", 1)[1])
    mail["X-Unsent"] = "1"
    mail.set_content(plain_text(org, directory, page, reply_to), charset="utf-8")
    return mail.as_bytes(policy=email.policy.default)


def letter(org: Organisation, directory: Directory, page: str, reply_to: str, today: dt.date) -> bytes:
    """A one-page A4 letter with the same text, for an organisation without an e-mail address."""
    for size in LETTER_SIZES:
        pdf = _letter(org, directory, page, reply_to, today, size)
        if pdf.pages_count == 1:
            return bytes(pdf.output())
    raise LetterTooLong(f"the letter to {org.name} does not fit one page; shorten the entry or send it by hand")


def _letter(org: Organisation, directory: Directory, page: str, reply_to: str, today: dt.date, size: float) -> FPDF:
    from fpdf import FPDF
    from fpdf.enums import Align, XPos, YPos

    pdf = FPDF(unit="mm", format=(A4_WIDTH_MM, A4_HEIGHT_MM))
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, MARGIN_MM)
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT, style, FONT_FOLDER / name)
    pdf.set_title(subject(org))
    pdf.set_creator("Torget")
    pdf.set_lang("nb-NO")
    pdf.add_page()
    width = A4_WIDTH_MM - 2 * MARGIN_MM
    height = size * 0.5

    def write(text: str, style: str = "", scale: float = 1.0, gap: float = 0.0) -> None:
        pdf.set_font(FONT, style, size * scale)
        pdf.set_y(pdf.get_y() + gap)
        pdf.multi_cell(width, height * scale, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    write("\n".join(filter(None, [org.name, org.address])))
    write(f"Bodø, {date_nb(today)}", gap=height)
    write(subject(org), "B", 1.3, gap=height * 2)
    before, after = request_text(org, reply_to, letter=True)
    write(before, gap=height)
    for section in sections(org, directory, page):
        write(section.heading, "B", gap=height * 0.6)
        write("\n".join(section.lines))
    write(after, gap=height)
    write(f"Med vennlig hilsen\n{LMS}\n{reply_to}", gap=height)
    return pdf
