"""The publication date a web page declares in its markup.

Only declarations count: Open Graph and other ``<meta>`` tags, schema.org JSON-LD and
``itemprop`` microdata, and ``<time pubdate>``. A date in the URL, the title or the body
text is left to briefgen's inference from the text, which records it as inferred rather
than as metadata. Modification dates (``article:modified_time``, ``dateModified``) are
never taken for the publication date.
"""

from __future__ import annotations

import json
from typing import Iterator, Optional

from lxml.html import HtmlElement

from briefgen.ingest.metadata_dates import iso_day

# The Open Graph article tag is written for exactly this purpose, so it comes first, then
# schema.org article objects; the other names follow, most specific first (the Dublin Core
# and generic names are used less reliably).
OPEN_GRAPH_PUBLISHED = "article:published_time"
OTHER_PUBLISHED_META_NAMES = (
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dcterms.issued",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "date",
)
ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "report",
    "scholarlyarticle",
}


def declared_published(tree: HtmlElement) -> Optional[str]:
    """The first declared publication date that names one day, as ``YYYY-MM-DD``."""
    for value in _candidates(tree):
        day = iso_day(value)
        if day:
            return day
    return None


def _candidates(tree: HtmlElement) -> Iterator[str]:
    meta = _meta_values(tree)
    yield from meta.get(OPEN_GRAPH_PUBLISHED, [])
    linked_data = list(_linked_data_objects(tree))
    yield from _dates_published(linked_data, articles_only=True)
    for name in OTHER_PUBLISHED_META_NAMES:
        yield from meta.get(name, [])
    for element in tree.iter("time"):
        if element.get("pubdate") is not None and element.get("datetime"):
            yield element.get("datetime")
    yield from _dates_published(linked_data, articles_only=False)


def _meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents and ``itemprop`` values by lower-cased property, name or itemprop."""
    values: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                values.setdefault(key, []).append(content)
    for element in tree.xpath("//*[@itemprop='datePublished'][not(self::meta)]"):
        value = element.get("datetime") or element.get("content")
        if value:
            values.setdefault("datepublished", []).append(value)
    return values


def _linked_data_objects(tree: HtmlElement) -> Iterator[dict]:
    """Every JSON object in the page's JSON-LD blocks, nested ones included."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # broken or absurdly nested JSON-LD is ignored
            continue
        # Walked with an explicit stack: JSON nesting depth is chosen by the page's author.
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                yield item
                stack.extend(reversed(list(item.values())))
            elif isinstance(item, list):
                stack.extend(reversed(item))


def _dates_published(objects: list[dict], *, articles_only: bool) -> Iterator[str]:
    for item in objects:
        value = item.get("datePublished")
        if not isinstance(value, str):
            continue
        if articles_only and not (_types(item) & ARTICLE_TYPES):
            continue
        yield value


def _types(item: dict) -> set[str]:
    declared = item.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    return {name.lower() for name in names if isinstance(name, str)}
