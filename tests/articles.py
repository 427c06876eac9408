"""Articles written for a test, read and extracted as a user's file would be."""

from briefgen.extract.document import extract_document
from briefgen.ingest import read_document


def extract_article(nlp, tmp_path, body, published="2024-05-09", title=None, publisher=None):
    """The extraction of ``body`` under front matter (none when every field is None);
    2024-05-09, the default publication date, was a Thursday."""
    fields = [(name, value) for name, value in (("title", title), ("publisher", publisher), ("published", published))
              if value]
    front = "---\n" + "".join(f"{name}: {value}\n" for name, value in fields) + "---\n" if fields else ""
    path = tmp_path / "article.txt"
    path.write_text(f"{front}{body}\n", encoding="utf-8")
    document, _ = read_document(path, source_id="S1")
    return extract_document(nlp(document.analysis_text), document)
