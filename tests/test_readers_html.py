"""Reading saved web pages: the article text, the page's declared metadata, hostile markup."""

import random
from pathlib import Path

import pytest

from briefgen.ingest import read_document
from briefgen.ingest.html import read_html_article
from briefgen.ingest.types import RawInput, ReaderError


def read(markup, *, encoding="utf-8"):
    data = markup.encode(encoding) if isinstance(markup, str) else markup
    return read_html_article(RawInput(path=Path("page.html"), data=data))


def page(body, head=""):
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


ARTICLE = page(
    head="""
    <title>Korea and India agree roadmap | The Daily Courier</title>
    <meta property="og:site_name" content="The Daily Courier">
    <meta property="article:published_time" content="2024-08-28T23:30:00-04:00">
    <link rel="canonical" href="https://courier.example/world/korea-india-roadmap">
    <style>p { color: red } .secret::after { content: "STYLE-LEAK" }</style>
    <script>var tracking = "SCRIPT-LEAK-HEAD";</script>
    """,
    body="""
    <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article>
      <h1>Korea and India agree roadmap</h1>
      <p>Seoul and New Delhi signed a
         roadmap on Wednesday, the ministry said.</p>
      <script>document.write("SCRIPT-LEAK-BODY")</script>
      <noscript>Enable JavaScript NOSCRIPT-LEAK</noscript>
      <p>The envoy said <b>defence</b> cooperation would<br>expand next year.</p>
      <ul><li>Shipbuilding</li><li>Artillery</li></ul>
      <table><tr><td>Envoy</td><td>Chang Jae-Bok</td></tr></table>
    </article>
    <footer>Copyright The Daily Courier</footer>
    """,
)


def test_article_blocks_become_paragraphs_and_page_furniture_is_dropped():
    raw = read(ARTICLE)
    assert raw.text == (
        "Korea and India agree roadmap\n\n"
        "Seoul and New Delhi signed a roadmap on Wednesday, the ministry said.\n\n"
        "The envoy said defence cooperation would\nexpand next year.\n\n"
        "Shipbuilding\n\n"
        "Artillery\n\n"
        "Envoy | Chang Jae-Bok"
    )
    assert raw.prose_start == 0


def test_script_style_and_noscript_text_never_reach_the_article():
    text = read(ARTICLE).text
    for leak in ("SCRIPT-LEAK", "STYLE-LEAK", "NOSCRIPT-LEAK", "tracking", "color: red"):
        assert leak not in text


def test_metadata_comes_from_the_page_markup():
    meta = read(ARTICLE).metadata
    assert meta["title"] == "Korea and India agree roadmap"
    assert meta["publisher"] == "The Daily Courier"
    assert meta["url"] == "https://courier.example/world/korea-india-roadmap"
    # 23:30 in New York on the 28th is the 29th in UTC; the publisher's own day is kept.
    assert meta["published"] == "2024-08-28"


def test_entities_are_decoded_and_escaped_markup_stays_literal_text():
    raw = read(page("<p>Tom &amp; Jerry wrote &lt;b&gt;bold&lt;/b&gt; &quot;text&quot; at 5&nbsp;pm &#8212; &#x201C;quoted&#x201D;.</p>"))
    assert raw.text == 'Tom & Jerry wrote <b>bold</b> "text" at 5 pm — “quoted”.'


def test_json_ld_article_date_is_used_when_no_meta_tag_gives_one():
    head = """<script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "datePublished": "2020-01-01"},
        {"@type": "NewsArticle", "headline": "Talks", "datePublished": "2024-08-27T10:00:00+09:00",
         "dateModified": "2024-09-01"}]}
    </script>"""
    assert read(page("<p>The envoy spoke.</p>", head)).metadata["published"] == "2024-08-27"


def test_modified_time_is_not_a_publication_date():
    head = '<meta property="article:modified_time" content="2024-09-01T08:00:00Z">'
    assert "published" not in read(page("<p>The envoy spoke.</p>", head)).metadata


@pytest.mark.parametrize(
    "head",
    [
        # A date in the URL or the title is not declared metadata.
        '<link rel="canonical" href="https://gov.example/press/2024/08/28/statement">',
        "<title>Statement of 28 August 2024</title>",
        # A month alone, or a numeric date that reads two ways, names no day.
        '<meta name="date" content="2024-08">',
        '<meta name="date" content="03/04/2024">',
        '<meta name="date" content="yesterday">',
    ],
)
def test_no_publication_date_is_invented(head):
    assert "published" not in read(page("<p>Talks were held on 28 August 2024.</p>", head)).metadata


def test_an_unambiguous_written_meta_date_is_normalised():
    head = '<meta name="pubdate" content="Wed, 28 Aug 2024 10:00:00 GMT">'
    assert read(page("<p>The envoy spoke.</p>", head)).metadata["published"] == "2024-08-28"


def test_language_comes_from_the_html_element():
    assert read('<html lang="en-GB"><body><p>The envoy spoke.</p></body></html>').metadata["language"] == "en-GB"


def test_a_host_name_is_not_taken_for_the_publisher():
    head = '<link rel="canonical" href="https://www.gov.example/press/statement">'
    meta = read(page("<p>The envoy spoke.</p>", head)).metadata
    assert meta["url"] == "https://www.gov.example/press/statement"
    assert "publisher" not in meta


def test_declared_legacy_charset_is_honoured():
    markup = page("<p>Посол заявил о сотрудничестве.</p>", '<meta charset="windows-1251">')
    raw = read(markup, encoding="cp1251")
    assert raw.text == "Посол заявил о сотрудничестве."
    assert raw.encoding == "cp1251" and raw.warnings == []


def test_latin1_label_is_read_as_windows_1252_like_a_browser():
    markup = page("<p>The minister’s “roadmap”.</p>", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    assert read(markup, encoding="cp1252").text == "The minister’s “roadmap”."


def test_utf8_page_with_a_stale_legacy_declaration_is_read_as_utf8():
    raw = read(page("<p>Café talks in Zürich.</p>", '<meta charset="iso-8859-1">'))
    assert raw.text == "Café talks in Zürich."
    assert raw.encoding == "utf-8"
    assert any("declares cp1252 but is UTF-8" in w for w in raw.warnings)


def test_undeclared_legacy_bytes_fall_back_with_a_warning():
    raw = read(page("<p>Café talks.</p>"), encoding="cp1252")
    assert raw.text == "Café talks."
    assert any("not valid UTF-8" in w for w in raw.warnings)


def test_utf16_page_with_byte_order_mark_is_read():
    assert read(page("<p>Envoy “said”.</p>"), encoding="utf-16").text == "Envoy “said”."


def test_page_without_article_text_is_refused():
    with pytest.raises(ReaderError, match="no article text"):
        read(page("<script>var onlyScript = 1;</script>"))


def test_binary_data_named_html_is_refused():
    with pytest.raises(ReaderError, match="cannot read as an HTML page"):
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_absurdly_nested_markup_is_read_or_refused_without_crashing():
    markup = page("<div>" * 50_000 + "<p>Deep text.</p>" + "</div>" * 50_000)
    try:
        raw = read(markup)
    except ReaderError:
        return
    assert "SCRIPT" not in raw.text


def test_mangled_pages_are_read_or_refused_never_crash():
    rng = random.Random(7)
    source = bytearray(ARTICLE.encode("utf-8"))
    for _ in range(40):
        mangled = bytearray(source)
        for _ in range(30):
            mangled[rng.randrange(len(mangled))] = rng.randrange(256)
        try:
            raw = read(bytes(mangled))
        except ReaderError as exc:
            assert str(exc).isprintable()  # one line, no control characters
            continue
        assert isinstance(raw.text, str)


def test_html_file_is_read_through_the_registry(tmp_path):
    path = tmp_path / "courier.htm"
    path.write_text(ARTICLE, encoding="utf-8")
    document, warnings = read_document(path, "S1")
    assert document.source.title == "Korea and India agree roadmap"
    assert (document.source.published, document.source.published_basis) == ("2024-08-28", "metadata")
    assert document.text.startswith("Korea and India agree roadmap\n\n")
    assert warnings == []
