"""The one shape of a page that only forwards to another address: a moved or merged organisation's old
address, a printed code's short address.

A static page, so it works on any host: it forwards at once (meta refresh, relative, so any host works),
names the new page as canonical for search engines, and shows a link for a browser that does not follow.
"""

from __future__ import annotations

import html


def forwarding_page(*, title: str, text: str, link_text: str, target: str, canonical: str, lang: str) -> str:
    """The page. `title` and `text` are plain text; `text` may hold `{link}`, where the link to `target` goes."""
    link = f'<a href="{html.escape(target)}">{html.escape(link_text)}</a>'
    body = html.escape(text).replace("{link}", link)
    return f"""<!doctype html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="canonical" href="{html.escape(canonical)}">
<meta http-equiv="refresh" content="0; url={html.escape(target)}">
</head>
<body>
<main>
<h1>{html.escape(title)}</h1>
<p>{body}</p>
</main>
</body>
</html>
"""
