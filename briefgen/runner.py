"""Extraction over many documents: batches, worker processes and the cache, in input order.

Extraction is a map: each document is parsed and reduced to an :class:`Extraction` on its
own, and only assembly (the reduce) looks across documents. So documents are taken a batch
at a time from a lazy reader, looked up in the cache, and the misses are parsed with
``nlp.pipe`` — in this process, or spread over worker processes that each load the pipeline
once. Results come back in input order whatever the number of jobs, and only a few batches
are in flight at a time: the parses (spaCy ``Doc`` objects) never leave the function that
made them, and texts are dropped once their batch is done.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from briefgen.cache import ExtractionCache, document_key
from briefgen.extract import extract_unlabelled
from briefgen.model import Document, Extraction
from briefgen.nlp import get_pipeline

# Documents per batch: one nlp.pipe call and one cache transaction. Batches this size keep
# the parser's matrices well filled and both workers busy on a few dozen articles.
BATCH_SIZE = 16
# Batches handed to the workers ahead of the one being collected: enough to keep every worker
# busy, few enough that memory does not grow with the corpus.
BATCHES_IN_FLIGHT_PER_JOB = 2


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


@dataclass(frozen=True)
class RunSettings:
    pipeline: str  # the name or path the pipeline is loaded from, in workers too
    day_first: bool
    jobs: int


def extract_documents(
    documents: Iterable[Document],
    settings: RunSettings,
    *,
    cache: Optional[ExtractionCache] = None,
    environment: str = "",
    expected: int = 0,
) -> Iterator[Extraction]:
    """The labelled extraction of every document, in order.

    ``expected`` (how many documents there will be, if known) lets a small run skip starting
    worker processes, which costs more than parsing a handful of articles.
    """
    batches = _batches(documents, BATCH_SIZE)
    workers = min(settings.jobs, -(-expected // BATCH_SIZE)) if expected else settings.jobs
    if workers <= 1:
        for batch in batches:
            _lookup(batch, cache, environment)
            yield from _finish(batch, _extract_batch(_misses(batch), settings), cache)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_load_pipeline, initargs=(settings.pipeline,)) as pool:
        pending: deque[tuple[list[_Slot], Optional[Future]]] = deque()
        for batch in batches:
            _lookup(batch, cache, environment)
            misses = _misses(batch)
            pending.append((batch, pool.submit(_extract_batch, misses, settings) if misses else None))
            if len(pending) >= workers * BATCHES_IN_FLIGHT_PER_JOB:
                yield from _collect(pending.popleft(), cache)
        while pending:
            yield from _collect(pending.popleft(), cache)


@dataclass
class _Slot:
    """One document of a batch: its cache key and, once known, its unlabelled extraction."""

    document: Document
    key: str
    extraction: Optional[Extraction] = None


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[_Slot]]:
    batch: list[_Slot] = []
    for document in documents:
        batch.append(_Slot(document, ""))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _lookup(batch: list[_Slot], cache: Optional[ExtractionCache], environment: str) -> None:
    """Key every document of the batch and take what the cache already holds."""
    if cache is None or not cache.usable:
        return
    for slot in batch:
        slot.key = document_key(slot.document, environment)
    found = cache.get_many(slot.key for slot in batch)
    for slot in batch:
        slot.extraction = found.get(slot.key)


def _misses(batch: list[_Slot]) -> list[Document]:
    return [slot.document for slot in batch if slot.extraction is None]


def _collect(entry: tuple[list[_Slot], Optional[Future]], cache: Optional[ExtractionCache]) -> Iterator[Extraction]:
    batch, future = entry
    yield from _finish(batch, future.result() if future is not None else [], cache)


def _finish(batch: list[_Slot], fresh: list[Extraction], cache: Optional[ExtractionCache]) -> Iterator[Extraction]:
    """Fill the misses with their fresh extractions, store those, and label everything in order."""
    new = iter(fresh)
    stored = {}
    for slot in batch:
        if slot.extraction is None:
            slot.extraction = next(new)
            if slot.key:
                stored[slot.key] = slot.extraction
    if cache is not None:
        cache.put_many(stored)
    for slot in batch:
        yield slot.extraction.labelled(slot.document.source)


def _load_pipeline(name: str) -> None:
    """Worker start-up: load the pipeline once, before the first batch arrives."""
    get_pipeline(name)


def _extract_batch(documents: list[Document], settings: RunSettings) -> list[Extraction]:
    """Parse a batch with one ``nlp.pipe`` call and reduce each parse to its unlabelled
    extraction at once, so no ``Doc`` outlives its document's turn."""
    if not documents:
        return []
    nlp = get_pipeline(settings.pipeline)
    parses = nlp.pipe((d.analysis_text for d in documents), batch_size=len(documents))
    return [extract_unlabelled(doc, document, day_first=settings.day_first) for document, doc in zip(documents, parses)]
