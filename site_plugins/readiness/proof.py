"""Proof prints: while `site_url` is a reserved example or test name, every print file says «PRØVETRYKK».

Reserved names are those of RFC 2606 and RFC 6761 (`example.com`, `example.net`, `example.org`,
`*.example`, `*.test`, `*.invalid`, `localhost`), loopback addresses, and our own `*.example.no`:
a QR code printed with one of them leads nowhere.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

PROOF_WORD = "PRØVETRYKK"
_RESERVED_DOMAINS = ("example.com", "example.net", "example.org", "example", "test", "invalid", "localhost")
"""Reserved with every name under them (RFC 2606, RFC 6761)."""
_PLACEHOLDER_PARENTS = ("example.no",)
"""Names under these are our own placeholders (`torget.example.no`); the domain itself is someone's."""


def placeholder_host(site_url: str | None) -> str | None:
    """The host of `site_url` when it is a reserved example or test name (a placeholder), else None."""
    host = (urlsplit(site_url or "").hostname or "").rstrip(".").lower()
    if not host:
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return host
    except ValueError:
        pass
    if any(host == domain or host.endswith("." + domain) for domain in _RESERVED_DOMAINS):
        return host
    if any(host.endswith("." + domain) for domain in _PLACEHOLDER_PARENTS):
        return host
    return None


def prints_are_proofs(site_url: str | None) -> bool:
    """Whether the print files are proofs marked «PRØVETRYKK»: while `site_url` is a placeholder."""
    return placeholder_host(site_url) is not None


def proof_warning(site_url: str) -> str | None:
    """The build's one warning while the print files are proofs, or None for a real host."""
    host = placeholder_host(site_url)
    if host is None:
        return None
    return (f"site_url {site_url} is a placeholder ({host} is reserved for examples and tests), so every print file "
            f"is marked «{PROOF_WORD}» and its QR codes lead nowhere; set site_url in mkdocs.yml to the site's "
            "public address before anything is printed")
