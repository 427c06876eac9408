"""The JSON Schema of the briefing file, shipped as data (``briefing.schema.json``)."""
