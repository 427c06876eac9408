"""Reader for plain-text and Markdown articles, with optional YAML front matter."""

from __future__ import annotations

from briefgen.ingest.decode import NotTextError, decode_text
from briefgen.ingest.frontmatter import FrontMatterError, parse_front_matter
from briefgen.ingest.types import RawInput, ReaderError


def read_text_article(raw: RawInput) -> RawInput:
    try:
        decoded = decode_text(raw.data)
    except (NotTextError, UnicodeDecodeError) as exc:
        raise ReaderError(f"cannot read as text: {exc}") from None
    if decoded.warning:
        raw.warnings.append(decoded.warning)
    text = decoded.text
    try:
        front = parse_front_matter(text)
    except FrontMatterError as exc:
        raise ReaderError(str(exc)) from None
    raw.warnings.extend(front.warnings)
    raw.text = text
    raw.metadata.update(front.fields)
    # The front matter stays in the text (offsets count it) but is blanked for analysis.
    raw.prose_start = front.end
    raw.encoding = decoded.encoding
    return raw
