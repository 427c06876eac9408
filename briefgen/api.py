"""The Python API: ``extract``, ``render``, ``build`` and ``dates``. The CLI is a thin shell over these.

    import briefgen
    briefing = briefgen.extract(["articles/"])
    paths = briefgen.render(briefing, output_dir="output", formats=["docx", "pdf"])
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Sequence, Union

from briefgen.assemble.briefing import assemble_briefing
from briefgen.assemble.filters import TimelineFilter, apply_filter
from briefgen.assemble.selection import check_memo_timeline, select_for_memo
from briefgen.cache import CACHE_FILE_NAME, ExtractionCache, default_cache_path, environment_key
from briefgen.errors import InputError, OptionError, OutputError
from briefgen.ingest import expand_inputs, iter_documents, read_document
from briefgen.model import Briefing, Document, Extraction, briefing_to_json, load_briefing
from briefgen.nlp import MAX_TEXT_CHARS, check_pipeline, get_pipeline, resolve_model_name
from briefgen.outputs import prepare_output_dir, slugify, write_all_atomically, write_atomically
from briefgen.render.options import RenderOptions
from briefgen.runner import RunSettings, available_cores, extract_documents
from briefgen.templates import load_template

if TYPE_CHECKING:
    from briefgen.extract.temporal import Timex

PathLike = Union[str, Path]
# Where extractions are cached: a path, None for the default location, False for none.
CacheSetting = Union[PathLike, bool, None]
FORMATS = ("docx", "pdf", "json", "md", "csv", "timelinejs", "ics")
DEFAULT_FORMATS = ("docx", "pdf", "json")
# Exports of the timeline beside the memo: they read the whole (filtered) briefing, not the
# memo's selection. TimelineJS data is JSON too, so it needs a name apart from the briefing's.
EXPORTS = ("csv", "timelinejs", "ics")
SUFFIXES = {"timelinejs": "timelinejs.json"}


@dataclass
class Report:
    """What went wrong along the way without stopping the run; the CLI prints it as it comes."""

    on_warning: Callable[[str], None] = lambda message: None
    on_skipped: Callable[[InputError], None] = lambda error: None
    on_progress: Callable[[int, int, str], None] = lambda done, total, what: None
    skipped: list[InputError] = field(default_factory=list)

    def skip(self, error: InputError) -> None:
        self.skipped.append(error)
        self.on_skipped(error)


def extract(
    inputs: Sequence[PathLike],
    *,
    title: Optional[str] = None,
    model: Optional[str] = None,
    day_first: bool = False,
    strict: bool = False,
    filters: Optional[TimelineFilter] = None,
    report: Optional[Report] = None,
    jobs: Optional[int] = None,
    cache: CacheSetting = None,
) -> Briefing:
    """Read every input (files or folders) and extract one Briefing from all of them.

    A file that cannot be read is reported through ``report`` and left out; with
    ``strict=True`` it stops the run instead. A run in which nothing could be read fails.
    ``filters`` keeps only the events it selects, and says so in the briefing's notes.

    ``jobs`` is how many processes parse at once (default: every core); the briefing is the
    same for any number. ``cache`` is where extractions are kept between runs, so that a
    re-run parses only new or changed documents: a path (a file, or a folder to hold one),
    ``None`` for the default (``BRIEFGEN_CACHE``, else the user's cache folder), or ``False``
    for no cache.
    """
    found = extractions(inputs, model=model, day_first=day_first, strict=strict, report=report, jobs=jobs, cache=cache)
    return assemble(found, title=title, filters=filters)


def extractions(
    inputs: Sequence[PathLike],
    *,
    model: Optional[str] = None,
    day_first: bool = False,
    strict: bool = False,
    report: Optional[Report] = None,
    jobs: Optional[int] = None,
    cache: CacheSetting = None,
) -> list[Extraction]:
    """The map half of ``extract``: one Extraction per readable input, in input order, with
    sources numbered S1, S2, … within this call. Options are those of ``extract``.

    Each extraction depends on its own document only, so a corpus too large for one machine
    can be split, mapped with this function wherever there is room, and put back together
    with ``assemble`` (see docs/scaling.md).
    """
    return _extractions(inputs, model=model, day_first=day_first, strict=strict, report=report, jobs=jobs, cache=cache)


def _extractions(
    inputs: Sequence[PathLike],
    *,
    model: Optional[str],
    day_first: bool,
    strict: bool,
    report: Optional[Report],
    jobs: Optional[int],
    cache: CacheSetting,
    meanwhile: Optional[Callable[[], object]] = None,
) -> list[Extraction]:
    """``extractions``, calling ``meanwhile`` once while worker processes load the pipeline
    ahead of a re-run's new documents, if they do."""
    report = report or Report()
    if not inputs:
        raise InputError("no inputs given")
    jobs = check_jobs(jobs)
    pipeline_name = resolve_model_name(model)
    # The pipeline is only checked here; it is loaded by whatever parses the first document
    # the cache does not hold (this process or a worker), so a fully cached run never loads it.
    identity = check_pipeline(pipeline_name)
    files, failures, warnings = expand_inputs([Path(p) for p in inputs])
    for warning in warnings:
        report.on_warning(warning)
    if failures and strict:
        raise failures[0]
    # Failures wait until one document has been read: when none can be, the run fails with
    # the first reason instead of listing skips.
    unreported = list(failures)
    read_any = False

    def documents() -> Iterator[Document]:
        nonlocal read_any
        for item in iter_documents(files, max_chars=MAX_TEXT_CHARS):
            if isinstance(item, InputError):
                if strict:
                    raise item
                unreported.append(item)
            else:
                document, document_warnings = item
                read_any = True
                for warning in document_warnings:
                    report.on_warning(warning)
                yield document
            if read_any:
                for failure in unreported:
                    report.skip(failure)
                unreported.clear()

    settings = RunSettings(pipeline=pipeline_name, day_first=day_first, jobs=jobs)
    extraction_cache = open_cache(cache, report.on_warning)
    environment = environment_key(pipeline_name, identity, day_first=day_first)
    found: list[Extraction] = []
    total = len(files)
    likely_new = extraction_cache.count_changed_since_written(files) if extraction_cache is not None else total
    try:
        for extraction in extract_documents(documents(), settings, cache=extraction_cache, environment=environment,
                                            expected=total, likely_new=likely_new, meanwhile=meanwhile):
            report.on_progress(len(found), total, extraction.source.path)
            for warning in extraction.warnings:
                report.on_warning(warning)
            found.append(extraction)
    finally:
        if extraction_cache is not None:
            extraction_cache.close()
    if not read_any:
        raise (unreported or [InputError("no inputs could be read")])[0]
    report.on_progress(total, total, "")
    return found


def assemble(
    extractions: Sequence[Extraction],
    *,
    title: Optional[str] = None,
    filters: Optional[TimelineFilter] = None,
) -> Briefing:
    """The reduce half of ``extract``: one Briefing from extractions in the order given.

    Sources are numbered S1, S2, … in that order, so extractions from separate calls of
    ``extractions`` (separate processes or machines) combine as if read in one run.
    """
    numbered = [x if x.source.id == f"S{n}" else x.with_source_id(f"S{n}") for n, x in enumerate(extractions, start=1)]
    return apply_filter(assemble_briefing(numbered, title=title), filters or TimelineFilter())


def check_jobs(jobs: Optional[int]) -> int:
    """The number of parsing processes: ``None`` means every core this process may use."""
    if jobs is None:
        return available_cores()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise OptionError(f"--jobs must be a whole number of 1 or more, not {jobs!r}")
    return jobs


def open_cache(cache: CacheSetting, on_warning: Callable[[str], None]) -> Optional[ExtractionCache]:
    """The extraction cache ``cache`` names (see ``extract``), or None when it is turned off."""
    if cache is False:
        return None
    path = default_cache_path() if cache is None or cache is True else Path(cache).expanduser()
    if path.is_dir():
        path = path / CACHE_FILE_NAME
    return ExtractionCache(path, on_warning)


def render(
    briefing: Union[Briefing, PathLike],
    *,
    output_dir: PathLike = "output",
    formats: Iterable[str] = DEFAULT_FORMATS,
    template: Optional[str] = None,
    options: Optional[RenderOptions] = None,
    filters: Optional[TimelineFilter] = None,
    max_events: Optional[int] = None,
    key_days: Optional[int] = None,
    per_day: Optional[int] = None,
) -> dict[str, Path]:
    """Write the briefing's documents into ``output_dir``; returns the path of each format.

    A path is read as a briefing JSON (validated first). All documents are rendered before
    any is written, and they replace earlier outputs together, so a failure leaves earlier
    outputs as they were. ``filters`` narrows every output, the JSON included.

    The memo's timeline is a digest of ``key_days`` key days with up to ``per_day`` statements
    each (by default, for a briefing of more than a handful of articles, a number of days that
    follows from its size), or with ``max_events`` the most important events; either way the
    memo says what it left out, and the JSON and the timeline exports keep every event.
    """
    check_memo_timeline(max_events, key_days, per_day)
    if not isinstance(briefing, Briefing):
        briefing = load_briefing(Path(briefing))
    formats = _check_formats(formats)
    style = load_template(template)
    options = options or RenderOptions()
    briefing = apply_filter(briefing, filters or TimelineFilter())
    memo = select_for_memo(briefing, max_events, key_days, per_day)
    from briefgen.render.concurrent import render_all

    writing = _writers()
    writers = {fmt: functools.partial(writing[fmt], memo.briefing, style, options, memo.digest)
               for fmt in ("docx", "pdf", "md")}
    writers |= {fmt: functools.partial(writing[fmt], briefing, style) for fmt in EXPORTS}
    writers["json"] = lambda: briefing_to_json(briefing)
    # The PDF, the slowest to lay out, goes first: it is the one rendered alongside the rest.
    done = render_all({fmt: writers[fmt] for fmt in sorted(formats, key=lambda fmt: fmt != "pdf")})
    rendered = {fmt: done[fmt] for fmt in formats}
    directory = prepare_output_dir(Path(output_dir))
    stem = slugify(briefing.title)
    paths = {fmt: directory / f"{stem}.{SUFFIXES.get(fmt, fmt)}" for fmt in rendered}
    write_all_atomically({paths[fmt]: content for fmt, content in rendered.items()})
    return paths


def _writers() -> dict[str, Callable]:
    """The memo writers and timeline exports by format. Imported on first use: with
    python-docx, reportlab and Pillow behind them they are half of this module's import time,
    which a run would otherwise spend before it can start its first parse."""
    from briefgen.render.csv_writer import render_csv
    from briefgen.render.docx_writer import render_docx
    from briefgen.render.ics_writer import render_ics
    from briefgen.render.markdown_writer import render_markdown
    from briefgen.render.pdf_writer import render_pdf
    from briefgen.render.timelinejs_writer import render_timelinejs

    return {"docx": render_docx, "pdf": render_pdf, "md": render_markdown, "csv": render_csv,
            "timelinejs": render_timelinejs, "ics": render_ics}


def build(
    inputs: Sequence[PathLike],
    *,
    output_dir: PathLike = "output",
    formats: Iterable[str] = DEFAULT_FORMATS,
    title: Optional[str] = None,
    model: Optional[str] = None,
    day_first: bool = False,
    strict: bool = False,
    template: Optional[str] = None,
    options: Optional[RenderOptions] = None,
    filters: Optional[TimelineFilter] = None,
    max_events: Optional[int] = None,
    key_days: Optional[int] = None,
    per_day: Optional[int] = None,
    report: Optional[Report] = None,
    jobs: Optional[int] = None,
    cache: CacheSetting = None,
) -> dict[str, Path]:
    """``extract`` then ``render``: the whole path from articles to memo."""
    formats = _check_formats(formats)
    check_memo_timeline(max_events, key_days, per_day)
    load_template(template)  # a broken template fails before minutes of parsing, not after
    # A re-run imports the writers while its workers load the pipeline, instead of after.
    found = _extractions(inputs, model=model, day_first=day_first, strict=strict, report=report, jobs=jobs,
                         cache=cache, meanwhile=_writers)
    briefing = assemble(found, title=title, filters=filters)
    return render(briefing, output_dir=output_dir, formats=formats, template=template, options=options,
                  max_events=max_events, key_days=key_days, per_day=per_day)


def write_briefing_json(briefing: Briefing, path: PathLike) -> Path:
    path = Path(path)
    prepare_output_dir(path.parent if str(path.parent) else Path("."))
    return write_atomically(path, briefing_to_json(briefing))


@dataclass
class DatesResult:
    document: Document
    reference: Optional[dt.date]
    reference_basis: str
    timexes: list[Timex]

    def as_json(self) -> list[dict]:
        rows = []
        for t in self.timexes:
            row = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            if t.mod:
                row["mod"] = t.mod
            rows.append(row)
        return rows

    def as_timeml(self) -> str:
        from briefgen.extract.temporal import to_timeml

        return to_timeml(self.document.text, self.timexes, self.reference)


def dates(
    path: PathLike,
    *,
    dct: Optional[Union[str, dt.date]] = None,
    day_first: bool = False,
    model: Optional[str] = None,
) -> DatesResult:
    """The temporal expressions of one text, normalized against ``dct`` or the text's own date."""
    # Imported here: the rest of the API runs without spaCy when the cache holds every document.
    from briefgen.extract.document import reference_date
    from briefgen.extract.temporal import tag_doc

    nlp = get_pipeline(model)
    document, _ = read_document(Path(path), source_id="S1", max_chars=MAX_TEXT_CHARS)
    doc = nlp(document.analysis_text)
    if dct is not None:
        reference = dct if isinstance(dct, dt.date) else _parse_dct(dct)
        basis = "given"
    else:
        reference, basis, guessed = reference_date(doc, document, day_first=day_first)
        if guessed:
            basis = "guessed from the latest date the text writes"
    return DatesResult(document, reference, basis, tag_doc(doc, reference, day_first=day_first))


def schema() -> dict:
    """The JSON Schema of the briefing file, as shipped in the package."""
    return json.loads(resources.files("briefgen.schema").joinpath("briefing.schema.json").read_text(encoding="utf-8"))


def _parse_dct(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--dct {text!r} is not a date of the form YYYY-MM-DD") from None


def _check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise OutputError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    return chosen



# Importing the subpackages briefgen.extract and briefgen.assemble (as this module does) binds
# the package attributes ``briefgen.extract`` and ``briefgen.assemble`` to them; the documented
# ``briefgen.extract(...)`` and ``briefgen.assemble(...)`` are the functions above, so they are
# bound again here, once the subpackages are loaded.
sys.modules["briefgen"].extract = extract
sys.modules["briefgen"].assemble = assemble
