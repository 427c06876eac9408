"""Fonts for the PDF: embedded TrueType faces, and per-run fallback so no glyph prints as a box.

reportlab has no automatic font fallback: a character the current font lacks prints as an
empty box. So text is split into runs by which font covers each character, and every run
is set in a font that has its glyphs. The chain is: the template's body (or heading) family,
then Devanagari (shaped with HarfBuzz, which Devanagari needs for its conjuncts and vowel
signs), then Hangul and CJK, then a broad system font when one is installed.

Every font comes from a PyPI package that briefgen depends on, so it arrives with
``pip install``; a system copy of the same font is used only when the package is missing.
reportlab reads only TrueType (glyf) outlines, which is why CJK comes from WenQuanYi Micro
Hei rather than the CFF-outline Noto CJK that Linux distributions ship.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Optional

from briefgen.errors import OutputError
from briefgen.render.text import escape_markup

STYLES = ("regular", "bold", "italic", "bolditalic")


@dataclass(frozen=True)
class FontFile:
    """One font file: inside an installed package, or at a system path."""

    package: Optional[str]
    relative: str

    def locate(self) -> Optional[Path]:
        if self.package is None:
            path = Path(self.relative)
            return path if path.is_file() else None
        try:
            path = Path(str(resources.files(self.package) / self.relative))
        except ModuleNotFoundError:
            return None
        return path if path.is_file() else None


@dataclass(frozen=True)
class Family:
    """A text family with its four styles; each style lists candidates, first found wins."""

    name: str
    styles: dict[str, tuple[FontFile, ...]]
    # HarfBuzz shaping costs time and Latin text does not need it; complex scripts do.
    shaped: bool = False


def _pkg(package: str, *names: str) -> dict[str, tuple[FontFile, ...]]:
    return {style: (FontFile(package, name),) for style, name in zip(STYLES, names)}


def _same_file_for_every_style(*candidates: FontFile) -> dict[str, tuple[FontFile, ...]]:
    return {style: candidates for style in STYLES}


TEXT_FAMILIES: dict[str, Family] = {
    "PT Serif": Family("PT Serif", _pkg(
        "fontpkg_pt_serif", "files/PT_Serif-Web-Regular.ttf", "files/PT_Serif-Web-Bold.ttf",
        "files/PT_Serif-Web-Italic.ttf", "files/PT_Serif-Web-BoldItalic.ttf")),
    "PT Sans": Family("PT Sans", _pkg(
        "fontpkg_pt_sans", "files/PT_Sans-Web-Regular.ttf", "files/PT_Sans-Web-Bold.ttf",
        "files/PT_Sans-Web-Italic.ttf", "files/PT_Sans-Web-BoldItalic.ttf")),
    "DejaVu Serif": Family("DejaVu Serif", {
        style: (FontFile(None, f"/usr/share/fonts/truetype/dejavu/{name}"),)
        for style, name in zip(STYLES, ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
                                        "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"))}),
    "DejaVu Sans": Family("DejaVu Sans", {
        style: (FontFile(None, f"/usr/share/fonts/truetype/dejavu/{name}"),)
        for style, name in zip(STYLES, ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                                        "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"))}),
}

# Tried in order for characters the text family lacks. Regular weight serves every style:
# a script-correct glyph in the wrong weight beats a box.
FALLBACK_FAMILIES: tuple[Family, ...] = (
    Family("Noto Sans Devanagari", _same_file_for_every_style(
        FontFile("fontpkg_noto_sans_devanagari", "files/NotoSansDevanagari[wdth,wght].ttf"),
        FontFile(None, "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"),
    ), shaped=True),
    Family("WenQuanYi Micro Hei", _same_file_for_every_style(
        FontFile("paperang_p2_fonts_cjk", "fonts/wqy-microhei.ttc"),
        FontFile(None, "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        FontFile(None, "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    )),
    # Symbols and scripts nothing above covers, where the system has DejaVu.
    Family("DejaVu Sans", _same_file_for_every_style(
        FontFile(None, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    )),
)

# Characters that belong to no script: they stay in the font of the run around them, so
# "장재복, 2024" is not split at the comma.
_NEUTRAL_CATEGORIES = {"Zs", "Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Nd", "Sm", "Sc", "Sk", "So", "Mn", "Mc", "Cf"}
# Printed when no installed font has a glyph: visible, and honest about the loss.
MISSING_GLYPH = "?"


def check_family(name: str, base: Optional[Path]) -> Optional[str]:
    """None if ``name`` is a usable text family (or .ttf path); else what is wrong with it."""
    if name.lower().endswith(".ttf"):
        path = Path(name) if base is None or Path(name).is_absolute() else base / name
        return None if path.is_file() else f"font file not found: {name}"
    if name not in TEXT_FAMILIES:
        return f"unknown font {name!r}; known: {', '.join(TEXT_FAMILIES)} (or a path to a .ttf file)"
    return None


@dataclass
class RegisteredFace:
    """A font registered with reportlab under ``name``, with the characters it covers."""

    name: str
    coverage: frozenset[int]


def _internal_name(family: str, style: str) -> str:
    return "bg-" + family.replace(" ", "") + "-" + style


@functools.lru_cache(maxsize=None)
def _register_file(internal_name: str, path: Path, shaped: bool) -> RegisteredFace:
    # reportlab is imported where fonts are registered, not where a template's font names are
    # checked: a run checks its template before parsing, and renders long after.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        font = TTFont(internal_name, str(path), shapable=shaped)
    except TTFError as exc:
        raise OutputError(f"cannot use font file: {exc}", where=str(path)) from None
    pdfmetrics.registerFont(font)
    return RegisteredFace(internal_name, frozenset(font.face.charToGlyph))


def _register_family(family: Family) -> dict[str, RegisteredFace]:
    faces: dict[str, RegisteredFace] = {}
    registered_paths: dict[Path, RegisteredFace] = {}
    for style in STYLES:
        path = next((p for p in (f.locate() for f in family.styles[style]) if p is not None), None)
        if path is None:
            raise OutputError(f"font {family.name!r} ({style}) is not installed; reinstall briefgen to get it")
        # A family that uses one file for every style registers (and embeds) it once.
        if path not in registered_paths:
            registered_paths[path] = _register_file(_internal_name(family.name, style), path, family.shaped)
        faces[style] = registered_paths[path]
    from reportlab.lib.fonts import addMapping

    # Paragraph markup switches style with <b>/<i>; tell reportlab which face each one is.
    for style, (bold, italic) in zip(STYLES, ((0, 0), (1, 0), (0, 1), (1, 1))):
        addMapping(faces["regular"].name, bold, italic, faces[style].name)
    return faces


def _file_family(path_text: str, base: Optional[Path]) -> Family:
    path = Path(path_text) if base is None or Path(path_text).is_absolute() else base / path_text
    return Family(path.stem, _same_file_for_every_style(FontFile(None, str(path))))


@functools.lru_cache(maxsize=None)
def _fallback(index: int) -> Optional[dict[str, RegisteredFace]]:
    """Fallback family ``index`` of FALLBACK_FAMILIES, registered on first use; None when it
    is not installed. Each is read (and embedded) only when some character needs it:
    parsing the Hangul and CJK files is most of a short memo's start-up, and most memos are
    Latin text only."""
    family = FALLBACK_FAMILIES[index]
    if not any(f.locate() for f in family.styles["regular"]):
        return None
    return _register_family(family)


@dataclass
class FontChain:
    """A text family plus its fallbacks, able to turn any text into safe, font-tagged markup.

    A run index is 0 for the text family and ``n`` for FALLBACK_FAMILIES[n - 1].
    """

    primary: dict[str, RegisteredFace]
    _choice_cache: dict[int, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The reportlab font name of the regular face, for paragraph styles and the canvas."""
        return self.primary["regular"].name

    def face(self, style: str = "regular") -> str:
        return self.primary[style].name

    def _covers(self, choice: int, codepoint: int) -> bool:
        faces = self.primary if choice == 0 else _fallback(choice - 1)
        return faces is not None and codepoint in faces["regular"].coverage

    def _choose(self, codepoint: int) -> int:
        """Index of the first face covering the character: 0 primary, 1.. fallbacks, -1 none."""
        cached = self._choice_cache.get(codepoint)
        if cached is not None:
            return cached
        choice = next((c for c in range(len(FALLBACK_FAMILIES) + 1) if self._covers(c, codepoint)), -1)
        self._choice_cache[codepoint] = choice
        return choice

    def runs(self, text: str) -> list[tuple[int, str]]:
        """Split text into (face index, text) runs; uncovered characters become MISSING_GLYPH."""
        if all(self._choose(ord(char)) == 0 for char in set(text)):
            return [(0, text)] if text else []  # the common case, decided per distinct character
        runs: list[tuple[int, list[str]]] = []
        for char in text:
            # A character of no script stays in the run around it when that font has it,
            # without asking the fallbacks (which would load them for a stray symbol).
            if runs and unicodedata.category(char) in _NEUTRAL_CATEGORIES and self._covers(runs[-1][0], ord(char)):
                runs[-1][1].append(char)
                continue
            choice = self._choose(ord(char))
            if choice == -1:
                char, choice = MISSING_GLYPH, 0
            if runs and runs[-1][0] == choice:
                runs[-1][1].append(char)
            else:
                runs.append((choice, [char]))
        return [(choice, "".join(chars)) for choice, chars in runs]

    def markup(self, text: str) -> str:
        """Escaped Paragraph markup for article text, with fallback runs tagged by font."""
        parts = []
        for choice, run in self.runs(text):
            escaped = escape_markup(run)
            if choice == 0:
                parts.append(escaped)
            else:
                parts.append(f'<font face="{self.run_font(choice)}">{escaped}</font>')
        return "".join(parts)

    def fits_primary(self, text: str) -> bool:
        return all(self._choose(ord(c)) == 0 for c in text)

    def run_font(self, choice: int, style: str = "regular") -> str:
        """The reportlab font name for a run index from :meth:`runs`, in the given style."""
        if choice == 0:
            return self.primary[style].name
        return _fallback(choice - 1)["regular"].name


def font_chain(family_name: str, base: Optional[Path] = None) -> FontChain:
    """The registered chain for a template family name (or .ttf path relative to ``base``)."""
    if family_name.lower().endswith(".ttf"):
        family = _file_family(family_name, base)
    else:
        family = TEXT_FAMILIES[family_name]
    return FontChain(_register_family(family))

