"""The Python API: ``extract``, ``render``, ``build`` and ``dates``. The CLI is a thin shell over these.

    import briefgen
    briefing = briefgen.extract(["articles/"])
    paths = briefgen.render(briefing, output_dir="output", formats=["docx", "pdf"])
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

from briefgen.assemble.briefing import assemble_briefing
from briefgen.assemble.filters import TimelineFilter, apply_filter
from briefgen.assemble.selection import check_max_events, select_for_memo
from briefgen.errors import InputError, OutputError
from briefgen.extract import extract_document, reference_date
from briefgen.extract.temporal import Timex, tag_doc, to_timeml
from briefgen.ingest import read_document, read_documents
from briefgen.model import Briefing, Document, briefing_to_json, load_briefing
from briefgen.nlp import get_pipeline
from briefgen.outputs import prepare_output_dir, slugify, write_all_atomically, write_atomically
from briefgen.render.csv_writer import render_csv
from briefgen.render.docx_writer import render_docx
from briefgen.render.ics_writer import render_ics
from briefgen.render.markdown_writer import render_markdown
from briefgen.render.options import RenderOptions
from briefgen.render.pdf_writer import render_pdf
from briefgen.render.timelinejs_writer import render_timelinejs
from briefgen.templates import load_template

PathLike = Union[str, Path]
FORMATS = ("docx", "pdf", "json", "md", "csv", "timelinejs", "ics")
DEFAULT_FORMATS = ("docx", "pdf", "json")
# Exports of the timeline beside the memo: they read the whole (filtered) briefing, not the
# memo's selection. TimelineJS data is JSON too, so it needs a name apart from the briefing's.
EXPORTS = {"csv": render_csv, "timelinejs": render_timelinejs, "ics": render_ics}
SUFFIXES = {"timelinejs": "timelinejs.json"}
PIPE_BATCH_SIZE = 16


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
) -> Briefing:
    """Read every input (files or folders) and extract one Briefing from all of them.

    A file that cannot be read is reported through ``report`` and left out; with
    ``strict=True`` it stops the run instead. A run in which nothing could be read fails.
    ``filters`` keeps only the events it selects, and says so in the briefing's notes.
    """
    report = report or Report()
    if not inputs:
        raise InputError("no inputs given")
    nlp = get_pipeline(model)
    read = read_documents([Path(p) for p in inputs], max_chars=nlp.max_length)
    for warning in read.warnings:
        report.on_warning(warning)
    documents = read.documents
    if read.failures and (strict or not documents):
        raise read.failures[0]
    for failure in read.failures:
        report.skip(failure)
    extractions = []
    total = len(documents)
    parsed = nlp.pipe((d.analysis_text for d in documents), batch_size=PIPE_BATCH_SIZE)
    for index, (document, doc) in enumerate(zip(documents, parsed)):
        report.on_progress(index, total, document.source.path)
        extraction = extract_document(doc, document, day_first=day_first)
        for warning in extraction.warnings:
            report.on_warning(warning)
        extractions.append(extraction)
    report.on_progress(total, total, "")
    return apply_filter(assemble_briefing(extractions, title=title), filters or TimelineFilter())


def render(
    briefing: Union[Briefing, PathLike],
    *,
    output_dir: PathLike = "output",
    formats: Iterable[str] = DEFAULT_FORMATS,
    template: Optional[str] = None,
    options: Optional[RenderOptions] = None,
    filters: Optional[TimelineFilter] = None,
    max_events: Optional[int] = None,
) -> dict[str, Path]:
    """Write the briefing's documents into ``output_dir``; returns the path of each format.

    A path is read as a briefing JSON (validated first). All documents are rendered before
    any is written, and they replace earlier outputs together, so a failure leaves earlier
    outputs as they were. ``filters`` narrows every output, the JSON included; ``max_events`` caps the
    memo's timeline only, and the memo says how many events it left out.
    """
    check_max_events(max_events)
    if not isinstance(briefing, Briefing):
        briefing = load_briefing(Path(briefing))
    formats = _check_formats(formats)
    style = load_template(template)
    options = options or RenderOptions()
    briefing = apply_filter(briefing, filters or TimelineFilter())
    memo = select_for_memo(briefing, max_events)
    rendered: dict[str, Union[bytes, str]] = {}
    for fmt in formats:
        if fmt == "json":
            rendered[fmt] = briefing_to_json(briefing)
        elif fmt == "docx":
            rendered[fmt] = render_docx(memo, style, options)
        elif fmt == "pdf":
            rendered[fmt] = render_pdf(memo, style, options)
        elif fmt == "md":
            rendered[fmt] = render_markdown(memo, style, options)
        elif fmt in EXPORTS:
            rendered[fmt] = EXPORTS[fmt](briefing, style)
    directory = prepare_output_dir(Path(output_dir))
    stem = slugify(briefing.title)
    paths = {fmt: directory / f"{stem}.{SUFFIXES.get(fmt, fmt)}" for fmt in rendered}
    write_all_atomically({paths[fmt]: content for fmt, content in rendered.items()})
    return paths


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
    report: Optional[Report] = None,
) -> dict[str, Path]:
    """``extract`` then ``render``: the whole path from articles to memo."""
    formats = _check_formats(formats)
    check_max_events(max_events)
    load_template(template)  # a broken template fails before minutes of parsing, not after
    briefing = extract(inputs, title=title, model=model, day_first=day_first, strict=strict, filters=filters,
                       report=report)
    return render(briefing, output_dir=output_dir, formats=formats, template=template, options=options,
                  max_events=max_events)


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
        return to_timeml(self.document.text, self.timexes, self.reference)


def dates(
    path: PathLike,
    *,
    dct: Optional[Union[str, dt.date]] = None,
    day_first: bool = False,
    model: Optional[str] = None,
) -> DatesResult:
    """The temporal expressions of one text, normalized against ``dct`` or the text's own date."""
    nlp = get_pipeline(model)
    document, _ = read_document(Path(path), source_id="S1", max_chars=nlp.max_length)
    doc = nlp(document.analysis_text)
    if dct is not None:
        reference = dct if isinstance(dct, dt.date) else _parse_dct(dct)
        basis = "given"
    else:
        reference, basis = reference_date(doc, document, day_first=day_first)
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

