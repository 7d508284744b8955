"""Short addresses for printed codes: every print's code leads to `/r/<name>/`, which forwards to its page.

A short address is stable by design: its name says which print it is on (`rollup`, `plakat`,
`kort-<organisation>`, `arrangement-<event>`), never the page it opens, so renaming a page changes where
the address forwards and never the code already on paper. A short address is also short, so its code has
fewer and larger modules and scans from further away, and the server's log tells which print a visit
came from.

The forwarding pages are plain static files (`r/<name>/index.html`: meta refresh, canonical link and a
link to follow), so they work on any static host as well as behind nginx, whatever the URL style.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..directory.load import Directory
from ..events.load import Event
from ..web.forwarding import forwarding_page
from ..web.output import GeneratedFile
from ..web.qr import short_address
from ..web.urls import DIRECTORY_INDEX, SiteUrls, organisation_page, relative_url

SHORT_FOLDER = "r"
"""The folder of the short addresses in the site: `/r/rollup/`."""
ROLLUP = "rollup"
DESK_POSTER = "plakat"
CARD_PREFIX = "kort-"
EVENT_PREFIX = "arrangement-"
FRONT_PAGE = "index.md"


@dataclass(frozen=True)
class PrintedCode:
    """One code on paper: the site path it encodes, the site path that forwards to, and the print's name."""

    address: str
    """The site path the code encodes, e.g. `/r/rollup/`."""
    target: str
    """The site path it forwards to, e.g. `/organisasjoner/`."""
    print_name: str
    """A short Norwegian label of the print, e.g. «Roll-up i foajeen»."""


@dataclass(frozen=True)
class ShortAddress:
    """A short address as the core computes it, independent of the site's address and URL style."""

    name: str
    """The last part of the address: `rollup` in `/r/rollup/`."""
    page: str
    """The source path of the page it forwards to, e.g. `organisasjoner/index.md`."""
    print_name: str

    @property
    def path(self) -> str:
        """The address as a site-relative URL, the same in either URL style: `r/rollup/`."""
        return f"{SHORT_FOLDER}/{self.name}/"

    def absolute(self, urls: SiteUrls) -> str:
        """The full address the code encodes: `https://torget.example.no/r/rollup/`."""
        return urls.absolute_file(self.path)

    def printed(self, urls: SiteUrls, host: str | None = None) -> str:
        """The address printed under the code, in full so it can be typed: `torget.example.no/r/rollup`.
        `host` (the `short_address` option) replaces the site's own host and path."""
        base = host.strip().rstrip("/") if host else short_address(urls.site_url)
        return f"{base}/{self.path.rstrip('/')}"


def rollup_address() -> ShortAddress:
    """The roll-up's code opens the directory: the way in when nobody staffs the desk."""
    return ShortAddress(ROLLUP, DIRECTORY_INDEX, "Roll-up i foajeen")


def desk_poster_address() -> ShortAddress:
    return ShortAddress(DESK_POSTER, FRONT_PAGE, "Plakat på disken")


def card_address(slug: str, page_slug: str, name: str) -> ShortAddress:
    """The card of the organisation whose file is (or was) `slug`, forwarding to its page now, `page_slug`."""
    return ShortAddress(f"{CARD_PREFIX}{slug}", organisation_page(page_slug), f"Kort: {name}")


def event_name(event: Event) -> str:
    """The event's part of its short address: `arrangementer/kafe.md` -> `kafe`, `a/b/index.md` -> `a-b`."""
    stem = event.src_path.removesuffix(".md").removesuffix("/index").removeprefix("arrangementer/")
    return stem.replace("/", "-")


def event_address(event: Event) -> ShortAddress:
    return ShortAddress(f"{EVENT_PREFIX}{event_name(event)}", event.src_path, f"Plakat: {event.spec.title}")


def short_addresses(directory: Directory, events: Iterable[Event]) -> list[ShortAddress]:
    """Every short address the prints use: the roll-up, the desk poster, each organisation's card (and the cards
    printed under a former file name, which forward to the page as it is named now), and each event's poster.

    Every event with a page keeps its address after it is over: its poster may still hang somewhere.
    """
    found = [rollup_address(), desk_poster_address()]
    for org in directory.organisations:
        found.append(card_address(org.slug, org.slug, org.display_name))
        found += [card_address(old, org.slug, org.display_name) for old in org.former_slugs]
    found += [event_address(event) for event in events if not event.spec.world_day]
    return found


def printed_codes(directory: Directory, events: Iterable[Event], urls: SiteUrls) -> list[PrintedCode]:
    """Every printed code, as paths from the site's root (`/r/rollup/` -> `/organisasjoner/`); a site below its
    host's root has its own path in front of them in the server's log (`torget stats` takes it off)."""
    return [PrintedCode(f"/{code.path}", f"/{urls.page(code.page)}", code.print_name)
            for code in short_addresses(directory, events)]


def forwarding_files(addresses: Iterable[ShortAddress], urls: SiteUrls) -> Iterator[GeneratedFile]:
    """The page each short address serves (`r/<name>/index.html`), forwarding at once to the page it names."""
    for code in addresses:
        yield GeneratedFile(f"{code.path}index.html", short_address_page(code, urls))


def short_address_page(code: ShortAddress, urls: SiteUrls) -> str:
    """A page that forwards (relative link, so any host works) and names the page as canonical."""
    return forwarding_page(title="Videre til Pasient- og pårørendetorget",
                           text="Hvis du ikke blir sendt videre med en gang, {link}.", link_text="gå til siden",
                           target=relative_url(code.path, urls.page(code.page)), canonical=urls.absolute(code.page),
                           lang="nb")

