"""briefgen: news articles, statements and transcripts in; an analyst's briefing pack out.

    import briefgen
    briefing = briefgen.extract(["articles/"])          # a Briefing (see briefgen.model)
    briefgen.render(briefing, output_dir="output")       # DOCX, PDF and JSON
    briefgen.build(["articles/"], output_dir="output")   # both steps at once
"""

__version__ = "0.1.0"

_API = {"build", "extract", "extractions", "assemble", "render", "dates", "schema", "load_briefing", "Report",
        "TimelineFilter"}


def __getattr__(name):
    # The API pulls in spaCy and the writers; importing it lazily keeps `briefgen --version`
    # and `import briefgen.model` fast.
    if name in _API:
        if name == "load_briefing":
            from briefgen.model import load_briefing

            return load_briefing
        from briefgen import api

        return getattr(api, name)
    raise AttributeError(f"module 'briefgen' has no attribute {name!r}")


__all__ = sorted(_API) + ["__version__"]
