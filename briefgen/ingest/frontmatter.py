"""The optional YAML front matter block at the top of a .txt or .md article.

    ---
    title: Korea-India forum
    publisher: The Daily
    url: https://example.org/article
    published: 2024-08-28
    ---
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

import yaml

from briefgen.ingest.metadata_dates import iso_day

# The block must be the very first thing in the file, fenced by lines of three dashes.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
KNOWN_FIELDS = ("title", "publisher", "url", "published", "author", "language")


class FrontMatterError(ValueError):
    pass


class _PlainDataLoader(yaml.SafeLoader):
    """YAML's safe loader, which builds plain data only (nothing in an input is executed),
    with dates left as text: ``published: 2024-02-30`` is then a date that cannot be parsed,
    reported like any other, rather than an exception from building it."""


_PlainDataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    fields: dict = field(default_factory=dict)
    end: int = 0  # offset just past the closing fence; 0 when there is no block
    warnings: list = field(default_factory=list)

    def get(self, key: str) -> Optional[str]:
        return self.fields.get(key)


def parse_front_matter(text: str) -> FrontMatter:
    match = FRONT_MATTER.match(text)
    if not match:
        return FrontMatter()
    try:
        data = yaml.load(match.group(1) or "", Loader=_PlainDataLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise FrontMatterError(f"front matter is not valid YAML{where}") from None
    except ValueError as exc:  # a value YAML accepts but Python cannot build (a 5,000-digit number)
        raise FrontMatterError(f"front matter holds a value that cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a set of 'key: value' lines")
    result = FrontMatter(end=match.end())
    for key, value in data.items():
        key = str(key).strip().lower()
        if key == "date":  # a common spelling in static-site front matter
            key = "published"
        if key not in KNOWN_FIELDS:
            result.warnings.append(f"front matter field {key!r} is not used")
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key == "published":
            value = _published_value(value, result.warnings)
            if value is None:
                continue
        result.fields[key] = str(value).strip()
    return result


def _published_value(value, warnings: list) -> Optional[str]:
    day = iso_day(value)
    if day is None:
        warnings.append(f"front matter 'published: {str(value).strip()[:40]}' is not a date; inferring it from the text")
    return day
