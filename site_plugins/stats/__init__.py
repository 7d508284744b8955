"""LMS's own figures from the web server's access logs (`torget stats`): visits per printed code and week.

`logs.py` reads nginx logs in the combined format and keeps only what the figures need (never the client's
address); `visits.py` counts a person's page visits per printed code and ISO week; `report.py` writes
`counts.csv` and a Norwegian report with charts drawn as SVG. Nothing here is part of the published site.
"""
