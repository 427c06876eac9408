"""Command line: argument parsing, progress and exit codes. Every verb calls the Python API.

Exit codes: 0 success; 1 error (nothing written); 2 bad command line; 3 done, but some
inputs were skipped (each reported on stderr).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import traceback
from pathlib import Path
from typing import Optional, Sequence

from briefgen import __version__

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
# Collector thresholds for a run of the command: a briefing of a thousand articles is millions
# of small objects that live until the run ends, and at CPython's default thresholds (700, 10,
# 10) the collector walks them over and over, a fifth of a re-run's time. Parses leave no
# cyclic garbage to wait for it (runner.py frees each Doc as soon as it is extracted).
GC_THRESHOLDS = (50_000, 20, 100)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    gc.set_threshold(*GC_THRESHOLDS)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as exc:  # every failure becomes one line unless --debug asks for more
        from briefgen.errors import BriefgenError, FilterError, OptionError

        if args.debug:
            traceback.print_exc()
        if isinstance(exc, BriefgenError):
            _error(str(exc))
        else:
            _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        # A malformed filter or option value is a bad command line, like an unknown option.
        return EXIT_USAGE if isinstance(exc, (FilterError, OptionError)) else EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn news articles, statements and transcripts into a briefing pack: timeline, key positions, memo.",
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    common.add_argument("--debug", action="store_true", help="show the traceback of an error")
    verbs = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = verbs.add_parser("build", parents=[common], help="articles in, memo (DOCX, PDF) and JSON out",
                             description="Extract a briefing from the inputs and write its documents.")
    _add_input_options(build)
    _add_output_options(build)
    _add_filter_options(build, memo=True)
    build.set_defaults(handler=_run_build)

    extract = verbs.add_parser("extract", parents=[common], help="articles in, briefing JSON out",
                               description="Extract a briefing from the inputs and write it as JSON.")
    _add_input_options(extract)
    extract.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.json", help="where to write the JSON")
    _add_filter_options(extract, memo=False)
    extract.set_defaults(handler=_run_extract)

    render = verbs.add_parser("render", parents=[common], help="briefing JSON in, memo out",
                              description="Render the documents of a briefing JSON, e.g. one edited by hand.")
    render.add_argument("briefing", type=Path, metavar="FILE.json")
    _add_output_options(render)
    _add_filter_options(render, memo=True)
    render.set_defaults(handler=_run_render)

    dates = verbs.add_parser("dates", parents=[common], help="the temporal expressions of one text",
                             description="List the temporal expressions of one text with TIMEX3 types and values.")
    dates.add_argument("file", type=Path, metavar="FILE")
    dates.add_argument("--dct", metavar="YYYY-MM-DD", help="reference date (default: the text's published date)")
    dates.add_argument("--format", choices=("table", "json", "timeml"), default="table")
    dates.add_argument("--day-first", action="store_true", help="read 03/04/2024 as 3 April, not March 4")
    dates.add_argument("--model", metavar="NAME|PATH", help="spaCy pipeline (default: BRIEFGEN_MODEL or the best installed)")
    dates.set_defaults(handler=_run_dates)

    schema = verbs.add_parser("schema", parents=[common], help="print the JSON Schema of the briefing file",
                              description="Print the JSON Schema of the briefing file.")
    schema.set_defaults(handler=_run_schema)
    return parser


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="article files or folders of them")
    parser.add_argument("--title", help="the briefing's title (default: from the sources)")
    parser.add_argument("--model", metavar="NAME|PATH", help="spaCy pipeline (default: BRIEFGEN_MODEL or the best installed)")
    parser.add_argument("--day-first", action="store_true", help="read 03/04/2024 as 3 April, not March 4")
    parser.add_argument("--strict", action="store_true", help="stop at the first input that cannot be read")
    parser.add_argument("-j", "--jobs", type=_whole_number, metavar="N",
                        help="parse in N processes (default: one per core); the output is the same for any N")
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument("--cache", type=Path, metavar="PATH",
                       help="extraction cache file, so re-runs parse only new articles "
                            "(default: BRIEFGEN_CACHE or ~/.cache/briefgen/extractions.sqlite3)")
    cache.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")


def _whole_number(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return int(text)


def _cache_setting(args):
    return False if args.no_cache else args.cache


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output-dir", type=Path, default=Path("output"), metavar="DIR",
                        help="folder for the documents (default: output/)")
    parser.add_argument("--format", default=None, metavar="LIST",
                        help="comma-separated: docx,pdf,json,md,csv,timelinejs,ics (default: docx,pdf,json)")
    parser.add_argument("--template", metavar="NAME|PATH", help="house style: a shipped template name or a .toml file")
    parser.add_argument("--classification", help="handling line printed at the top and bottom of every page")
    parser.add_argument("--paper", choices=("a4", "letter"), help="paper size (default: the template's)")
    parser.add_argument("--reference-docx", type=Path, metavar="FILE.docx", help="take Word styles, headers and footers from this file")
    parser.add_argument("--to", dest="memo_to", metavar="TEXT", help="memo header: TO")
    parser.add_argument("--from", dest="memo_from", metavar="TEXT", help="memo header: FROM")
    parser.add_argument("--memo-date", metavar="TEXT", help="memo header: DATE (default: the build date)")
    parser.add_argument("--subject", metavar="TEXT", help="memo header: SUBJECT (default: the title)")
    parser.add_argument("--author", metavar="TEXT", help="document author property")


def _add_filter_options(parser: argparse.ArgumentParser, memo: bool) -> None:
    # Values are checked by TimelineFilter, so the API and the command line give one message.
    group = parser.add_argument_group("timeline filters")
    group.add_argument("--since", metavar="DATE",
                       help="keep events whose dates reach DATE or later (YYYY, YYYY-MM or YYYY-MM-DD)")
    group.add_argument("--until", metavar="DATE",
                       help="keep events whose dates reach DATE or earlier (YYYY, YYYY-MM or YYYY-MM-DD)")
    group.add_argument("--actor", action="append", default=[], metavar="NAME",
                       help="keep events involving this actor (name or alias, any case); repeatable")
    group.add_argument("--type", action="append", default=[], metavar="TYPE", dest="types",
                       help="keep events of this type (agreement, meeting, statement, visit, election, military, "
                            "economic, legal, other); repeatable")
    if memo:
        group.add_argument("--key-days", metavar="N",
                           help="the memo's timeline is a digest of the story's N key days (default: by the number "
                                "of articles; none for a handful); the exports keep every event")
        group.add_argument("--per-day", metavar="K",
                           help="statements per key day in the digest (default: 3)")
        group.add_argument("--max-events", metavar="N",
                           help="instead of a digest, the memo's timeline shows the N most important events and "
                                "says how many it left out")


def _timeline_filter(args):
    from briefgen.api import TimelineFilter

    return TimelineFilter(since=args.since, until=args.until, actors=tuple(args.actor), types=tuple(args.types))


def _memo_timeline(args) -> dict:
    """The memo's timeline options as the API takes them, checked there: a value that is not
    a whole number is passed on as written, so that the error quotes it."""
    from briefgen.api import check_memo_timeline

    values = {name: getattr(args, name) for name in ("max_events", "key_days", "per_day")}
    values = {name: int(text) if text and text.strip().isdigit() else text for name, text in values.items()}
    check_memo_timeline(**values)
    return values


def _render_options(args):
    from briefgen.render.options import RenderOptions

    return RenderOptions(
        classification=args.classification,
        to=args.memo_to,
        from_=args.memo_from,
        memo_date=args.memo_date,
        subject=args.subject,
        author=args.author,
        paper=args.paper,
        reference_docx=args.reference_docx,
    )


def _formats(args) -> tuple[str, ...]:
    from briefgen.api import DEFAULT_FORMATS

    return tuple(args.format.split(",")) if args.format else DEFAULT_FORMATS


def _report(args):
    from briefgen.api import Report

    def progress(done: int, total: int, path: str) -> None:
        if total > 1 and path:
            print(f"[{done + 1}/{total}] {path}", file=sys.stderr, flush=True)

    return Report(
        on_warning=(lambda message: None) if args.quiet else (lambda message: print(f"briefgen: warning: {message}", file=sys.stderr)),
        on_skipped=lambda error: print(f"briefgen: skipped: {error}", file=sys.stderr),
        on_progress=(lambda *_: None) if args.quiet else progress,
    )


def _run_build(args) -> int:
    from briefgen import api

    timeline_filter, memo_timeline = _timeline_filter(args), _memo_timeline(args)
    report = _report(args)
    paths = api.build(
        args.inputs,
        output_dir=args.output_dir,
        formats=_formats(args),
        title=args.title,
        model=args.model,
        day_first=args.day_first,
        strict=args.strict,
        template=args.template,
        options=_render_options(args),
        filters=timeline_filter,
        **memo_timeline,
        report=report,
        jobs=args.jobs,
        cache=_cache_setting(args),
    )
    _announce(args, paths.values())
    return EXIT_PARTIAL if report.skipped else EXIT_OK


def _run_extract(args) -> int:
    from briefgen import api

    timeline_filter = _timeline_filter(args)
    report = _report(args)
    briefing = api.extract(args.inputs, title=args.title, model=args.model, day_first=args.day_first,
                           strict=args.strict, filters=timeline_filter, report=report, jobs=args.jobs,
                           cache=_cache_setting(args))
    _announce(args, [api.write_briefing_json(briefing, args.output)])
    return EXIT_PARTIAL if report.skipped else EXIT_OK


def _run_render(args) -> int:
    from briefgen import api

    paths = api.render(args.briefing, output_dir=args.output_dir, formats=_formats(args),
                       template=args.template, options=_render_options(args),
                       filters=_timeline_filter(args), **_memo_timeline(args))
    _announce(args, paths.values())
    return EXIT_OK


def _run_dates(args) -> int:
    from briefgen import api

    result = api.dates(args.file, dct=args.dct, day_first=args.day_first, model=args.model)
    if args.format == "json":
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    elif args.format == "timeml":
        sys.stdout.write(result.as_timeml())
    else:
        reference = result.reference.isoformat() if result.reference else "unknown"
        if not args.quiet:
            print(f"# reference date: {reference} ({result.reference_basis})", file=sys.stderr)
        print(_table(["start", "end", "type", "value", "mod", "text"],
                     [[t.start, t.end, t.type, t.value, t.mod or "", t.text] for t in result.timexes]))
    return EXIT_OK


def _run_schema(args) -> int:
    from briefgen import api

    print(json.dumps(api.schema(), indent=2))
    return EXIT_OK


def _table(header: list[str], rows: list[list]) -> str:
    cells = [[str(c).replace("\n", " ") for c in row] for row in [header] + rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _announce(args, paths) -> None:
    if not args.quiet:
        for path in paths:
            print(f"wrote {path}", file=sys.stderr)


def _error(message: str) -> None:
    one_line = " ".join(message.split())
    print(f"briefgen: error: {one_line}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
