"""The timeline figure: dated events on a horizontal time axis, labels that never overlap.

Layout is done once, in points, as a list of shapes; two painters turn the shapes into a
vector drawing for the PDF and a PNG for the DOCX, so both show the same figure.

Labels sit in lanes above the axis, each joined to its marker by a leader line. When the
labels will not fit in the lanes, events that lie close together on the axis are merged
into one cluster label ("4–7 · Mar–Jun 2023 · 4 events") and the layout is tried again
with a wider merge distance, until everything fits. Numbers match the timeline table.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Optional, Union

from PIL import Image, ImageDraw, ImageFont, features
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from briefgen.render.dates import MONTHS_SHORT
from briefgen.render.fonts import FontChain
from briefgen.render.memo import Memo, TimelineRow
from briefgen.render.text import truncate

MAX_LANES = 5
LABEL_SIZE = 7.0
TICK_SIZE = 6.5
LABEL_GAP = 6.0  # minimum space between two labels in one lane
# Longer event summaries are tried first; shorter ones before events are merged.
SUMMARY_LENGTHS = (48, 30, 18)
AXIS_Y = 22.0
LANE_HEIGHT = 2 * LABEL_SIZE * 1.25 + 8
PNG_DPI = 220


@dataclass(frozen=True)
class TextShape:
    x: float
    y: float
    text: str
    size: float
    bold: bool
    colour: str
    anchor: str = "start"  # "start", "middle" or "end"


@dataclass(frozen=True)
class LineShape:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float


@dataclass(frozen=True)
class BarShape:
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class DotShape:
    x: float
    y: float
    radius: float
    colour: str


Shape = Union[TextShape, LineShape, BarShape, DotShape]


@dataclass
class FigureLayout:
    width: float
    height: float
    shapes: list[Shape]


@dataclass
class _Cluster:
    rows: list[TimelineRow]
    x: float
    summary_length: int = SUMMARY_LENGTHS[-1]

    def label_lines(self, order_mdy: bool) -> tuple[str, str]:
        first, last = self.rows[0], self.rows[-1]
        if len(self.rows) == 1:
            return f"{first.number} · {first.date}", truncate(first.text, self.summary_length)
        span = _span_label(first.start, last.end or last.start, order_mdy)
        return f"{first.number}–{last.number} · {span}", f"{len(self.rows)} events"


def _span_label(start: dt.date, end: dt.date, order_mdy: bool) -> str:
    if start.year != end.year:
        return f"{start.year}–{end.year}"
    if start.month != end.month:
        return f"{MONTHS_SHORT[start.month - 1]}–{MONTHS_SHORT[end.month - 1]} {start.year}"
    return f"{MONTHS_SHORT[start.month - 1]} {start.year}"


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Round dates to mark on the axis, about four to eight of them."""
    days = (last - first).days
    if days > 3 * 365:
        years = last.year - first.year
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if years / s <= 8)
        return [(dt.date(year, 1, 1), str(year))
                for year in range((first.year // step + 1) * step, last.year + 1, step)]
    if days > 75:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 8)
        ticks, year, month = [], first.year, first.month
        while (year, month) <= (last.year, last.month):
            if dt.date(year, month, 1) > first and (month - 1) % step == 0:
                ticks.append((dt.date(year, month, 1), f"{MONTHS_SHORT[month - 1]} {year}"))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return ticks
    step = next(s for s in (1, 2, 7, 14, 28) if max(days, 1) / s <= 8)
    return [(first + dt.timedelta(days=d), f"{(first + dt.timedelta(days=d)).day} "
             f"{MONTHS_SHORT[(first + dt.timedelta(days=d)).month - 1]}") for d in range(1, days, step)]


class _Layout:
    def __init__(self, rows: list[TimelineRow], chain: FontChain, width: float, colours, order_mdy: bool):
        self.rows = sorted((r for r in rows if r.start), key=lambda r: (r.start + (r.end - r.start) / 2, r.number))
        self.chain = chain
        self.width = width
        self.colours = colours
        self.order_mdy = order_mdy
        first = min(r.start for r in self.rows)
        last = max(r.end or r.start for r in self.rows)
        padding = max((last - first) * 0.04, dt.timedelta(days=10))
        self.first, self.last = first - padding, last + padding
        self.margin = 4.0

    def x_of(self, day: dt.date) -> float:
        span = (self.last - self.first).days or 1
        return self.margin + (self.width - 2 * self.margin) * (day - self.first).days / span

    def text_width(self, text: str, bold: bool) -> float:
        return sum(pdfmetrics.stringWidth(run, self.chain.run_font(choice, "bold" if bold else "regular"),
                                          LABEL_SIZE) for choice, run in self.chain.runs(text))

    def row_x(self, row: TimelineRow) -> float:
        return self.x_of(row.start + (row.end - row.start) / 2)

    def clusters(self, distance: float) -> list[_Cluster]:
        """Neighbouring events merged while within ``distance`` points of a cluster's first."""
        clusters: list[_Cluster] = []
        for row in self.rows:
            x = self.row_x(row)
            if clusters and x - self.row_x(clusters[-1].rows[0]) <= distance:
                clusters[-1].rows.append(row)
            else:
                clusters.append(_Cluster([row], x))
        for cluster in clusters:
            cluster.x = sum(self.row_x(r) for r in cluster.rows) / len(cluster.rows)
        return clusters

    def place(self, clusters: list[_Cluster]) -> Optional[list[tuple[_Cluster, int, float, float]]]:
        """(cluster, lane, left, width) for each label, or None if they do not fit.

        A label goes in the lowest lane where it clears the labels beside it, and where its
        vertical leader line crosses no label in a lower lane and no other leader line runs
        up through it.
        """
        lane_ends = [-1e9] * MAX_LANES
        boxes: list[tuple[int, float, float]] = []  # lane, left, right
        leaders: list[tuple[int, float]] = []  # lane reached, x
        placed = []
        for cluster in clusters:
            top, bottom = cluster.label_lines(self.order_mdy)
            label_width = max(self.text_width(top, True), self.text_width(bottom, False))
            left = min(max(cluster.x - label_width / 2, 0), self.width - label_width)
            right = left + label_width
            for lane in range(MAX_LANES):
                clear_beside = lane_ends[lane] + LABEL_GAP <= left
                leader_clear = all(not (box_left - 1 <= cluster.x <= box_right + 1)
                                   for box_lane, box_left, box_right in boxes if box_lane < lane)
                box_clear = all(not (left - 1 <= x <= right + 1) for leader_lane, x in leaders if leader_lane > lane)
                if clear_beside and leader_clear and box_clear:
                    break
            else:
                return None
            lane_ends[lane] = right
            boxes.append((lane, left, right))
            leaders.append((lane, cluster.x))
            placed.append((cluster, lane, left, label_width))
        return placed

    def layout(self) -> FigureLayout:
        for length in SUMMARY_LENGTHS:
            clusters = self.clusters(0.0)
            for cluster in clusters:
                cluster.summary_length = length
            placed = self.place(clusters)
            if placed is not None:
                return self.shapes(placed)
        distance = 6.0
        while True:
            clusters = self.clusters(distance)
            placed = self.place(clusters)
            if placed is not None or len(clusters) == 1:
                break
            distance *= 1.5
        if placed is None:  # one cluster wider than the figure: shown clipped to the width
            cluster = clusters[0]
            placed = [(cluster, 0, 0.0, self.width)]
        return self.shapes(placed)

    def shapes(self, placed) -> FigureLayout:
        colours = self.colours
        lanes_used = max(lane for _, lane, _, _ in placed) + 1
        height = AXIS_Y + 10 + lanes_used * LANE_HEIGHT
        shapes: list[Shape] = [LineShape(0, AXIS_Y, self.width, AXIS_Y, colours.rule, 0.8)]
        for day, label in _ticks(self.first, self.last):
            x = self.x_of(day)
            shapes.append(LineShape(x, AXIS_Y - 3, x, AXIS_Y, colours.rule, 0.6))
            shapes.append(TextShape(x, AXIS_Y - 11, label, TICK_SIZE, False, colours.muted, "middle"))
        for row in self.rows:
            end = row.end or row.start
            if end > row.start:
                left, right = self.x_of(row.start), self.x_of(end)
                shapes.append(BarShape(left, AXIS_Y - 1.5, max(right - left, 1.0), 3.0, colours.table_header_background))
        for cluster, lane, left, label_width in placed:
            label_y = AXIS_Y + 8 + lane * LANE_HEIGHT
            shapes.append(LineShape(cluster.x, AXIS_Y, cluster.x, label_y - 2, colours.rule, 0.4))
            flagged = any(r.flagged for r in cluster.rows)
            shapes.append(DotShape(cluster.x, AXIS_Y, 2.6 if len(cluster.rows) == 1 else 3.4,
                                   colours.marker if flagged else colours.accent))
            top, bottom = cluster.label_lines(self.order_mdy)
            shapes.append(TextShape(left, label_y + LABEL_SIZE * 1.25 + 1, top, LABEL_SIZE, True, colours.text))
            shapes.append(TextShape(left, label_y + 1, bottom, LABEL_SIZE, False, colours.muted))
        return FigureLayout(self.width, height, shapes)


def layout_figure(memo: Memo, chain: FontChain, width: float) -> Optional[FigureLayout]:
    """The figure's shapes, or None when no event has a date to place. A key day of a digest
    is one mark, labelled with its first statement."""
    rows = [r for r in memo.timeline if r.start and not r.continues_day]
    if not rows:
        return None
    template = memo.template
    return _Layout(rows, chain, width, template.colours, template.date_order == "mdy").layout()


# -- painters --------------------------------------------------------------------------------


def to_drawing(figure: FigureLayout, chain: FontChain) -> Drawing:
    """The figure as reportlab vector graphics, for the PDF."""
    drawing = Drawing(figure.width, figure.height)
    # The renderer selects a starting font for every drawing; without this it is an
    # unembedded Helvetica.
    drawing.initialFontName = chain.name
    drawing.initialFontSize = LABEL_SIZE
    for shape in figure.shapes:
        if isinstance(shape, LineShape):
            drawing.add(Line(shape.x1, shape.y1, shape.x2, shape.y2, strokeColor=colors.HexColor(shape.colour),
                             strokeWidth=shape.width))
        elif isinstance(shape, BarShape):
            drawing.add(Rect(shape.x, shape.y, shape.width, shape.height, fillColor=colors.HexColor(shape.colour),
                             strokeColor=None))
        elif isinstance(shape, DotShape):
            drawing.add(Circle(shape.x, shape.y, shape.radius, fillColor=colors.HexColor(shape.colour),
                               strokeColor=colors.white, strokeWidth=0.6))
        else:
            for x, font, run in _positioned_runs(shape, chain):
                drawing.add(String(x, shape.y, run, fontName=font, fontSize=shape.size,
                                   fillColor=colors.HexColor(shape.colour)))
    return drawing


def _positioned_runs(shape: TextShape, chain: FontChain) -> list[tuple[float, str, str]]:
    """Each font run of a text shape with its x position, anchoring applied."""
    style = "bold" if shape.bold else "regular"
    runs = [(chain.run_font(choice, style), run) for choice, run in chain.runs(shape.text)]
    widths = [pdfmetrics.stringWidth(run, font, shape.size) for font, run in runs]
    x = shape.x - {"start": 0, "middle": sum(widths) / 2, "end": sum(widths)}[shape.anchor]
    positioned = []
    for (font, run), width in zip(runs, widths):
        positioned.append((x, font, run))
        x += width
    return positioned


def to_png(figure: FigureLayout, chain: FontChain) -> bytes:
    """The figure as a PNG, for the DOCX; drawn from the same shapes as the PDF figure."""
    scale = PNG_DPI / 72
    size = (round(figure.width * scale), round(figure.height * scale))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)

    def point(x: float, y: float) -> tuple[float, float]:
        return x * scale, (figure.height - y) * scale

    for shape in figure.shapes:
        if isinstance(shape, LineShape):
            draw.line([point(shape.x1, shape.y1), point(shape.x2, shape.y2)], fill=shape.colour,
                      width=max(1, round(shape.width * scale)))
        elif isinstance(shape, BarShape):
            left, top = point(shape.x, shape.y + shape.height)
            draw.rectangle([left, top, left + shape.width * scale, top + shape.height * scale], fill=shape.colour)
        elif isinstance(shape, DotShape):
            x, y = point(shape.x, shape.y)
            r = shape.radius * scale
            draw.ellipse([x - r, y - r, x + r, y + r], fill=shape.colour, outline="white", width=max(1, round(scale / 2)))
        else:
            for x, font_name, run in _positioned_runs(shape, chain):
                font = _pillow_font(font_name, shape.size * scale)
                draw.text(point(x, shape.y), run, font=font, fill=shape.colour, anchor="ls")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


_PILLOW_FONTS: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}


def _pillow_font(reportlab_name: str, size: float) -> ImageFont.FreeTypeFont:
    """The same font file reportlab uses, opened by Pillow (with shaping where available)."""
    key = (reportlab_name, size)
    if key not in _PILLOW_FONTS:
        path = pdfmetrics.getFont(reportlab_name).face.filename
        engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
        _PILLOW_FONTS[key] = ImageFont.truetype(path, size=size, layout_engine=engine)
    return _PILLOW_FONTS[key]
