"""Move schema.org JSON-LD from the page body into <head>.

Material's instant navigation re-creates every <script> in the swapped content without its
`type`, so JSON-LD left in the body would run as JavaScript (a syntax error) after each
instant page change. In <head> it is only compared and swapped, never run.
"""

from __future__ import annotations

import re

# render.json_ld escapes "<" inside the data, so the first "</script>" closes the block.
_JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>\s*', re.S)


def json_ld_to_head(html: str) -> str:
    """The page with every JSON-LD block moved to the end of <head>; unchanged when it has none."""
    blocks = [match.group(0).strip() for match in _JSON_LD.finditer(html)]
    if not blocks or "</head>" not in html:
        return html
    body = _JSON_LD.sub("", html)
    return body.replace("</head>", "\n".join(blocks) + "\n</head>", 1)
