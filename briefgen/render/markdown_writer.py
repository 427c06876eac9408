"""The memo as Markdown: for pasting into a wiki, an email or a pull request.

Same sections, order and wording as the DOCX and PDF memos. Article text is escaped so it
is shown, never interpreted; references link to anchors in the Sources list.
"""

from __future__ import annotations

from typing import Optional

from briefgen.assemble.digest import Digest
from briefgen.model import Briefing
from briefgen.render.memo import Memo, Section, Statement, build_memo
from briefgen.render.options import RenderOptions
from briefgen.render.text import escape_markdown as md
from briefgen.templates import Template


def _anchor(source_id: str) -> str:
    return f"source-{source_id.lower()}"


def _refs(refs: tuple[str, ...], more: str) -> str:
    if not refs:
        return ""
    tail = " " + md(more) if more else ""
    return "[" + ", ".join(f"[{ref}](#{_anchor(ref)})" for ref in refs) + tail + "]"


def _table_cell(text: str) -> str:
    return md(text).replace("|", "\\|")


class MarkdownMemo:
    def __init__(self, memo: Memo):
        self.memo = memo
        self.template: Template = memo.template
        self.lines: list[str] = []

    def _add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def _heading(self, text: str, level: int = 2) -> None:
        self._add("#" * level + " " + md(text), "")

    def _header(self, section: Section) -> None:
        title = ["# " + md(self.memo.title), ""]
        if self.template.header.title_position == "before":
            self._add(*title)
        for index, line in enumerate(self.memo.header):
            # Two trailing spaces: a line break inside one paragraph.
            ending = "  " if index < len(self.memo.header) - 1 else ""
            self._add(f"**{md(line.label)}:** {md(line.value)}{ending}")
        if self.memo.header:
            self._add("")
        if self.template.header.title_position == "after":
            self._add(*title)

    def _contents(self, section: Section) -> None:
        self._heading(section.label)
        for entry in self.memo.sections:
            if entry.id not in ("header", "contents"):
                self._add(f"- [{md(entry.label)}](#section-{entry.id})")
        self._add("")

    def _section_heading(self, section: Section) -> None:
        self._add(f'<a id="section-{section.id}"></a>', "")
        self._heading(section.label)

    def _summary(self, section: Section) -> None:
        self._section_heading(section)
        self._add(*(f"- {md(item)}" for item in self.memo.summary), "")

    def _notes(self, section: Section) -> None:
        self._section_heading(section)
        self._add(*(f"- {md(note)}" for note in self.memo.notes), "")

    def _timeline(self, section: Section) -> None:
        self._section_heading(section)
        labels = self.template.labels
        marker = md(self.template.marker)
        header = [labels.column_number, labels.column_date, labels.column_event, labels.column_source]
        self._add("| " + " | ".join(_table_cell(h) for h in header) + " |", "|---:|---|---|---|")
        for row in self.memo.timeline:
            date = _table_cell(row.date) + (f" {marker}" if row.flagged else "")
            event = _table_cell(row.text)
            if row.reasons:
                event += "<br>*" + _table_cell("; ".join(row.reasons)) + "*"
            self._add(f"| {row.number} | {date} | {event} | {_refs(row.refs, row.more_refs)} |")
        self._add("")
        if self.memo.legend:
            self._add(md(self.memo.legend), "")

    def _figure(self, section: Section) -> None:
        # A text format has no picture; the table carries the same dates.
        return

    def _statement(self, statement: Statement) -> str:
        prefix = f"**{md(statement.date)}:** " if statement.date else ""
        if statement.kind == "direct":
            line = f"> {prefix}“{md(statement.text)}” {_refs(statement.refs, statement.more_refs)}"
        else:
            line = f"{prefix}{md(statement.text)} {_refs(statement.refs, statement.more_refs)}"
        if statement.flagged:
            line += f" {md(self.template.marker)} *{md('; '.join(statement.reasons))}*"
        return line

    def _positions(self, section: Section) -> None:
        self._section_heading(section)
        for group in self.memo.speakers:
            self._heading(group.name, 3)
            if group.description:
                self._add(f"*{md(group.description)}*", "")
            for statement in group.statements:
                self._add(self._statement(statement), "")
            if group.omitted:
                self._add(md(self.template.labels.more_statements.replace("{count}", str(group.omitted))), "")

    def _actors(self, section: Section) -> None:
        self._section_heading(section)
        for group in self.memo.actors:
            self._heading(group.label, 3)
            if any(entry.detail for entry in group.entries):
                for entry in group.entries:
                    detail = f" — {md(entry.detail)}" if entry.detail else ""
                    self._add(f"- **{md(entry.name)}**{detail}")
            else:
                self._add(" · ".join(md(entry.name) for entry in group.entries))
            self._add("")

    def _sources(self, section: Section) -> None:
        self._section_heading(section)
        for entry in self.memo.sources:
            text = f'<a id="{_anchor(entry.id)}"></a>**{entry.id}** *{md(entry.title)}*'
            if entry.details:
                text += ". " + md(entry.details)
            if entry.url:
                text += f". <{entry.url}>"
            elif entry.url_text:
                text += ". " + md(entry.url_text)
            self._add(text, "")

    def build(self) -> str:
        classification = self.memo.classification
        if classification:
            self._add(f"**{md(classification)}**", "")
        builders = {
            "header": self._header, "contents": self._contents, "summary": self._summary,
            "notes": self._notes, "timeline": self._timeline, "figure": self._figure,
            "positions": self._positions, "actors": self._actors, "sources": self._sources,
        }
        for section in self.memo.sections:
            builders[section.id](section)
        if classification:
            self._add(f"**{md(classification)}**", "")
        return "\n".join(self.lines).rstrip() + "\n"


def render_markdown(briefing: Briefing, template: Template, options: RenderOptions,
                digest: Optional[Digest] = None) -> str:
    """The memo as Markdown text."""
    return MarkdownMemo(build_memo(briefing, template, options, digest)).build()
