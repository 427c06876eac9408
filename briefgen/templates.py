"""House styles: small TOML files that say how a memo looks, never what it says.

A template chooses which sections appear and in what order, their headings, fonts, colours,
paper and margins, the classification line, the memo header fields and a few caps. It is
data: it is parsed, validated and read, never executed or evaluated. Templates shipped with
briefgen live in the ``briefgen.builtin_templates`` package (the top-level ``templates/``
folder of the source tree); a user's own template is any ``.toml`` file with the same keys.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from briefgen.errors import TemplateError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

DEFAULT_TEMPLATE = "memo"
BUILTIN_PACKAGE = "briefgen.builtin_templates"

SectionId = Literal["header", "contents", "summary", "notes", "timeline", "figure", "positions", "actors", "sources"]
HeaderField = Literal["to", "from", "date", "subject"]

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class _Strict(BaseModel):
    # A misspelt key in a house style must be reported, not silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PageStyle(_Strict):
    paper: Literal["a4", "letter"] = "a4"
    margin_top_mm: float = Field(default=22, ge=8, le=60)
    margin_bottom_mm: float = Field(default=22, ge=8, le=60)
    margin_left_mm: float = Field(default=22, ge=8, le=60)
    margin_right_mm: float = Field(default=22, ge=8, le=60)


class FontStyle(_Strict):
    """PDF fonts are embedded, so they name a font briefgen ships (or a .ttf file beside the
    template); DOCX fonts are names Word looks up on the reader's machine."""

    pdf_body: str = "PT Serif"
    pdf_heading: str = "PT Serif"
    body_size: float = Field(default=10.5, ge=6, le=16)
    small_size: float = Field(default=8.5, ge=5, le=14)
    heading_size: float = Field(default=14, ge=8, le=28)
    title_size: float = Field(default=20, ge=10, le=40)
    docx_body: str = "Georgia"
    docx_heading: str = "Georgia"
    docx_east_asian: str = "Malgun Gothic"
    docx_complex_script: str = "Nirmala UI"


class Colours(_Strict):
    text: str = "#1a1a1a"
    accent: str = "#1f3864"
    muted: str = "#595959"
    rule: str = "#a6a6a6"
    table_header_background: str = "#e7ebf2"
    table_stripe: str = "#f6f7f9"
    marker: str = "#a4002a"
    classification: str = "#000000"

    @field_validator("*")
    @classmethod
    def _hex_colour(cls, value: str) -> str:
        if not _COLOUR.match(value):
            raise ValueError(f"{value!r} is not a colour of the form #RRGGBB")
        return value.lower()


class MemoHeader(_Strict):
    fields: list[HeaderField] = ["to", "from", "date", "subject"]
    to: str = ""
    from_: str = Field(default="", alias="from")
    # Where the title goes relative to the TO/FROM/DATE/SUBJECT block.
    title_position: Literal["before", "after"] = "after"

    @field_validator("fields")
    @classmethod
    def _unique_fields(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a field is listed twice")
        return value


class Labels(_Strict):
    """Every piece of fixed wording the memo shows, so a house style can rename it."""

    contents: str = "Contents"
    summary: str = "Bottom line up front"
    notes: str = "Notes on coverage"
    timeline: str = "Timeline"
    figure: str = "Timeline at a glance"
    positions: str = "Key positions"
    actors: str = "Actors"
    sources: str = "Sources"
    to: str = "TO"
    from_: str = Field(default="FROM", alias="from")
    date: str = "DATE"
    subject: str = "SUBJECT"
    column_number: str = "#"
    column_date: str = "Date"
    column_event: str = "Event"
    column_source: str = "Source"
    legend: str = "Check before use: date inferred, sources disagree, flagged for review, or confidence below {threshold}."
    people: str = "People"
    organisations: str = "Organisations"
    places: str = "Countries and places"
    groups: str = "Groups and nationalities"
    more_statements: str = "Statements by this speaker not shown here: {count}."
    figure_caption: str = "Events on a time axis; numbers match the timeline table."
    figure_undated: str = "Undated events not shown: {count}."
    # Said in the notes when a section would be empty, so that a reader knows the memo was
    # not cut short and nothing was lost: the sources hold nothing of that kind.
    no_dated_events: str = "No dated events: nothing in this briefing could be placed on the timeline."
    no_statements: str = "No statements: this briefing holds no quotation or reported speech with a named speaker."
    # Said in the notes when a cap of the template left speakers or actors out of the memo.
    speakers_left_out: str = ("Key positions show the {shown} speakers with the most statements; {count} other "
                              "speakers with {statements} statements are left out. The briefing JSON lists every statement.")
    actors_left_out: str = "Actors lists the {shown} most mentioned of {total}; the briefing JSON lists them all."
    # After the source ids a timeline entry or statement cites, when the template caps them.
    more_refs: str = "+{count} more"
    page_of: str = "Page {page} of {pages}"

    @model_validator(mode="after")
    def _placeholders(self) -> "Labels":
        required = {
            "legend": ["{threshold}"],
            "more_statements": ["{count}"],
            "figure_undated": ["{count}"],
            "page_of": ["{page}", "{pages}"],
            "speakers_left_out": ["{shown}", "{count}", "{statements}"],
            "actors_left_out": ["{shown}", "{total}"],
            "more_refs": ["{count}"],
        }
        for key, needed in required.items():
            value = getattr(self, key)
            for placeholder in needed:
                if placeholder not in value:
                    raise ValueError(f"{key}: must contain {placeholder}")
        return self


class Caps(_Strict):
    summary_bullets: int = Field(default=5, ge=1, le=10)
    # 0 shows every statement.
    positions_per_speaker: int = Field(default=0, ge=0)
    # How many speakers the key positions show, those with most statements first; 0 shows all.
    speakers: int = Field(default=0, ge=0)
    # How many actors "who is who" lists, most mentioned first; 0 lists all.
    actors: int = Field(default=0, ge=0)
    # How many source ids a timeline entry or statement cites before "+N more": an event that
    # twenty articles report would otherwise fill its row with ids. 0 cites them all.
    refs: int = Field(default=0, ge=0)
    low_confidence: float = Field(default=0.6, ge=0.0, le=1.0)


class Template(_Strict):
    name: str
    description: str = ""
    sections: list[SectionId] = ["header", "summary", "notes", "timeline", "figure", "positions", "actors", "sources"]
    classification: str = ""
    marker: str = Field(default="†", min_length=1, max_length=2)
    date_order: Literal["dmy", "mdy"] = "dmy"
    # Relative paths are resolved against the template file's folder when it is loaded.
    logo: Optional[Path] = None
    logo_width_mm: float = Field(default=35, gt=0, le=120)
    reference_docx: Optional[Path] = None
    page: PageStyle = PageStyle()
    fonts: FontStyle = FontStyle()
    colours: Colours = Colours()
    header: MemoHeader = MemoHeader()
    labels: Labels = Labels()
    caps: Caps = Caps()
    # Where the template came from (for messages) and the folder its relative paths start
    # from; both set by the loader, not read from the file.
    origin: str = ""
    folder: Optional[Path] = None

    @field_validator("sections")
    @classmethod
    def _unique_sections(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a section is listed twice")
        return value

    def label(self, section: str) -> str:
        return getattr(self.labels, section)


def _key_path(location: tuple) -> str:
    parts = []
    for part in location:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part}]" if parts else f"[{part}]"
        else:
            parts.append(str(part).rstrip("_"))
    return ".".join(parts) or "(top level)"


def _error_message(error: dict) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "literal_error":
        return f"{error['input']!r} is not allowed; expected {error['ctx']['expected']}"
    return error["msg"].removeprefix("Value error, ")


def _resolve_file(value: Optional[Path], base: Optional[Path], key: str, where: str) -> Optional[Path]:
    if value is None:
        return None
    path = value if value.is_absolute() or base is None else base / value
    if not path.is_file():
        raise TemplateError(f"{key}: file not found: {value}", where=where)
    return path


def parse_template(text: str, where: str, base: Optional[Path] = None) -> Template:
    """Validate TOML text as a template; ``base`` is the folder relative paths start from."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"not valid TOML: {exc}", where=where) from None
    data.setdefault("name", Path(where).stem)
    for reserved in ("origin", "folder"):
        if reserved in data:
            raise TemplateError(f"{reserved}: unknown key", where=where)
    data["origin"] = where
    try:
        template = Template.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise TemplateError(f"{_key_path(first['loc'])}: {_error_message(first)}", where=where) from None

    # Fonts are checked here so a typo fails when the template loads, not halfway through a PDF.
    from briefgen.render.fonts import check_family

    for key in ("pdf_body", "pdf_heading"):
        problem = check_family(getattr(template.fonts, key), base)
        if problem:
            raise TemplateError(f"fonts.{key}: {problem}", where=where)
    return template.model_copy(update={
        "folder": base,
        "logo": _resolve_file(template.logo, base, "logo", where),
        "reference_docx": _resolve_file(template.reference_docx, base, "reference_docx", where),
    })


def _builtin_folder():
    """The folder of the shipped templates.

    An installed briefgen has them as the ``briefgen.builtin_templates`` package. Code run from
    a source checkout without installing (``python -m pytest`` puts the checkout's ``briefgen/``
    first on the path) finds them in the top-level ``templates/`` folder beside it.
    """
    try:
        return resources.files(BUILTIN_PACKAGE)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "templates"


def list_templates() -> list[str]:
    """Names of the templates shipped with briefgen."""
    folder = _builtin_folder()
    return sorted(entry.name[: -len(".toml")] for entry in folder.iterdir() if entry.name.endswith(".toml"))


def load_template(name_or_path: str | Path | None = None) -> Template:
    """A shipped template by name (None for the default), or a template from a .toml path."""
    if name_or_path is None:
        name_or_path = DEFAULT_TEMPLATE
    candidate = Path(name_or_path)
    if str(name_or_path).endswith(".toml") or candidate.parent != Path("."):
        if not candidate.is_file():
            raise TemplateError("template file not found", where=str(candidate))
        try:
            text = candidate.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(f"cannot read the template: {exc}", where=str(candidate)) from None
        return parse_template(text, str(candidate), candidate.resolve().parent)

    name = str(name_or_path)
    available = list_templates()
    if name not in available:
        raise TemplateError(f"no template named {name!r}; shipped templates: {', '.join(available)}", where=name)
    entry = _builtin_folder() / f"{name}.toml"
    # Installed packages are plain folders, so the shipped template's folder is a real path
    # and relative logo/reference paths resolve against it.
    with resources.as_file(entry) as path:
        return parse_template(path.read_text(encoding="utf-8"), f"{name} (shipped template)", path.parent)
