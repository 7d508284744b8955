"""Reading nginx access logs in the combined format, plain or gzip-compressed, in any order.

    <client> - <user> [07/Dec/2026:10:15:02 +0100] "GET /organisasjoner/ HTTP/2.0" 200 5120 "<referrer>" "<agent>"

The first field is skipped unread: whether the server wrote a full address, a shortened one or `-`, no
client address is ever kept. A line that is not in this format is counted and skipped; a file in which no
line is, or that is empty or cannot be read, stops the command with a message naming the file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The client, `-` and the user are matched as one field each and never captured; nor is the referrer.
LINE = re.compile(
    r'^\S+ \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<request>(?:[^"\\]|\\.)*)" (?P<status>\d{3}) (?:\d+|-) '
    r'"(?:[^"\\]|\\.)*" "(?P<agent>(?:[^"\\]|\\.)*)"(?: .*)?$'
)
REQUEST = re.compile(r"^(?P<method>[A-Z]+) (?P<target>\S+) HTTP/\d(?:\.\d)?$")
TIME_FORMAT = "%d/%b/%Y:%H:%M:%S %z"
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Request:
    """One logged request, with only what the figures need: no client address, no referrer."""

    time: dt.datetime
    """When it was served, with the server's UTC offset."""
    method: str
    path: str
    """The address asked for, decoded, without its query (`/organisasjoner/`)."""
    status: int
    agent: str
    """The browser's User-Agent header (`-` when none was sent)."""


class LogError(Exception):
    """A log file gave nothing to count: it cannot be read, is empty or is in another format."""


@dataclass
class LogReading:
    """Every request in the files, and how many lines were not log lines."""

    requests: list[Request] = field(default_factory=list)
    malformed: int = 0
    files: int = 0


def read_logs(paths: Iterable[Path]) -> LogReading:
    """The requests of every file in `paths`; raises LogError naming the first file that gave none."""
    reading = LogReading()
    for path in paths:
        lines = valid = 0
        for line in _lines(path):
            if not line.strip():
                continue
            lines += 1
            request = parse_line(line)
            if request is None:
                reading.malformed += 1
                continue
            valid += 1
            if isinstance(request, Request):
                reading.requests.append(request)
        if not lines:
            raise LogError(f"{path}: the file is empty; give the web server's access log (access.log, or a "
                           "rotated access.log.1 or access.log.2.gz)")
        if not valid:
            raise LogError(f"{path}: none of its {lines} lines is an access log line in nginx's combined format "
                           '(… [07/Dec/2026:10:15:02 +0100] "GET /side/ HTTP/1.1" 200 5120 "…" "…"); '
                           "is this the access log?")
        reading.files += 1
    return reading


def parse_line(line: str) -> Request | bool | None:
    """The request a combined-format line records; True for a log line that records no well-formed request
    (a scanner's junk, which nginx answers with 400); None for a line in another format."""
    match = LINE.match(line.rstrip("\r\n"))
    if not match:
        return None
    try:
        time = dt.datetime.strptime(match["time"], TIME_FORMAT)
    except ValueError:
        return None
    request = REQUEST.match(match["request"])
    if not request:
        return True
    return Request(time=time, method=request["method"], path=unquote(urlsplit(request["target"]).path),
                   status=int(match["status"]), agent=match["agent"])


def _lines(path: Path) -> Iterator[str]:
    """The file's lines as text; gzip is recognised by its first bytes, whatever the file's name."""
    try:
        with path.open("rb") as raw:
            compressed = raw.read(2) == GZIP_MAGIC
        with gzip.open(path, "rb") if compressed else path.open("rb") as handle:
            for line in handle:
                # nginx escapes bytes outside ASCII in the fields it writes; anything else is replaced, not fatal.
                yield line.decode("utf-8", errors="replace")
    except IsADirectoryError:
        raise LogError(f"{path}: is a folder; give the log files themselves") from None
    except FileNotFoundError:
        raise LogError(f"{path}: no such file") from None
    except OSError as error:  # includes gzip.BadGzipFile
        raise LogError(f"{path}: cannot be read ({error.strerror or error})") from None
    except (EOFError, zlib.error):
        raise LogError(f"{path}: the compressed file is cut short or damaged") from None
