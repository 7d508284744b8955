"""`torget`: the editors' commands (`check`, `new`, `schema`, `editor-config`; see `commands.py`).

`torget check` is run after every edit, so it should answer at once. It imports pydantic and the
models, then reads a thousand files into objects that all stay alive until it exits. CPython's cycle
collector walks every live object, again and again as they multiply; at 1,000 organisations that was
about 0.1 s of a 0.6–0.8 s check (median of alternating runs: 0.57 s with the collector off, 0.67 s
with it on). A run this short has no garbage cycles worth collecting, so the collector is off for the
command's duration, imports included. Reference counting still frees what is dropped: the peak memory
of that check is the same either way (60 MB).
"""

from __future__ import annotations

import argparse
import gc


def main(argv: list[str] | None = None) -> int:
    collecting = gc.isenabled()
    gc.disable()
    try:
        from .commands import run  # imported here, so that the collector is off for the imports too

        return run(_parser().parse_args(argv))
    finally:
        if collecting:
            gc.enable()


def _parser() -> argparse.ArgumentParser:
    from .directory.schema import SCHEMA_FILE

    parser = argparse.ArgumentParser(prog="torget", description="Tools for the editors of the Torget site.")
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every source file; list problems, entries due for review, "
                                              "and what stands between the project and publication")
    check.add_argument("--publish", action="store_true",
                       help="also fail while site_url is a placeholder or the school calendar is not confirmed "
                            "(for a production pipeline)")
    new = commands.add_parser("new", help="start a file for a new organisation")
    new.add_argument("name", help='the organisation\'s full name, e.g. "Foreningen for muskelsyke"')
    new.add_argument("--slug", help="file name (and web address) to use instead of one made from the name")
    schema = commands.add_parser("schema", help=f"write the JSON Schema for organisation files ({SCHEMA_FILE})")
    schema.add_argument("-o", "--output", help="file to write (default: print it)")
    commands.add_parser("editor-config", help="print the web editor's config.yml, made from the models")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
