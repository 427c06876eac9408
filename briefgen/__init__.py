"""briefgen: news articles, statements and transcripts in; an analyst's briefing pack out."""

__version__ = "0.1.0"
