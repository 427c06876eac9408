"""Extraction over many documents: batches, worker processes and the cache, in input order.

Extraction is a map: each document is parsed and reduced to an :class:`Extraction` on its
own, and only assembly (the reduce) looks across documents. So documents are taken a batch
at a time from a lazy reader and looked up in the cache, and the misses are parsed with
``nlp.pipe`` — in this process, or in worker processes that each load the pipeline once.
Results come back in input order whatever the number of jobs, and only a bounded number of
batches wait at a time: the parses (spaCy ``Doc`` objects) never leave the function that
made them, and texts are dropped once their batch is done.

With workers, the cached extractions are read back (validated, the larger part of a re-run)
only when their turn to be yielded comes, so that a new article met later in the folder is
already being parsed in a worker while this process reads the cached ones before it.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from pydantic import ValidationError

from briefgen.cache import ExtractionCache, document_key
from briefgen.model import Document, Extraction
from briefgen.nlp import get_pipeline

# Documents per batch: one cache transaction and one task for a worker, which parses it in
# parts (below). Batches this size keep both workers busy on a few dozen articles.
BATCH_SIZE = 16
# A parse holds memory in proportion to the words parsed together (the parser's features for
# every token at once): sixteen long articles take 400 MB more than one. So a batch is parsed
# in parts of at most this many characters (some 6,000 words), and memory no longer depends on
# which articles happen to fall into one batch. Parsing speed is the same from a few articles up.
PARSE_PART_CHARACTERS = 20_000
# Batches handed to the workers ahead of the one being collected: enough to keep every worker
# busy, few enough that memory does not grow with the corpus.
BATCHES_IN_FLIGHT_PER_JOB = 2
# Batches that may wait, texts and cached extractions unread, for a parse behind them: a
# thousand articles, a few tens of megabytes, whatever the size of the corpus.
MAX_WAITING_BATCHES = 64
# Toward the end of a run shared among workers, a batch holds at most 1/(TAIL_SHARES × workers)
# of the documents left.
TAIL_SHARES = 2


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
    likely_new: int = 0,
    meanwhile: Optional[Callable[[], object]] = None,
) -> Iterator[Extraction]:
    """The labelled extraction of every document, in order.

    ``expected`` (how many documents there will be, if known) sizes the worker pool to the
    documents still to come when the first miss is met: a run, or the rest of a run, too small
    to share out is parsed here, unless cached extractions are waiting that this process can
    read while one worker parses. A run that finds everything cached loads no pipeline at all.

    ``likely_new`` (how many documents probably miss the cache, a guess from file times) lets a
    re-run over a folder that has grown start its workers before the first miss is met: loading
    the pipeline takes as long as reading a thousand cached extractions, and the new article is
    often the last file of the folder. ``meanwhile`` is called once the workers are starting
    that way, for work of the caller's that does not need the documents.
    """
    defer = settings.jobs > 1  # only with a worker is there anything to do while waiting
    with ExitStack() as stack:
        pool: Optional[ProcessPoolExecutor] = None
        workers = 1
        if defer and 0 < likely_new < expected:
            workers = min(settings.jobs, -(-likely_new // BATCH_SIZE))
            pool = stack.enter_context(ProcessPoolExecutor(
                max_workers=workers, initializer=_load_pipeline, initargs=(settings.pipeline,)))
            pool.submit(_start)
            if meanwhile is not None:
                meanwhile()
        pending: deque[tuple[list[_Slot], Optional[Future]]] = deque()
        seen = 0
        shrinking = expected if settings.jobs > 1 else 0
        for batch in _batches(documents, BATCH_SIZE, expected=shrinking, workers=settings.jobs):
            seen += len(batch)
            _lookup(batch, cache, environment)
            misses = _misses(batch)
            if misses and pool is None and defer:
                to_come = expected - seen + len(batch) if expected else settings.jobs * BATCH_SIZE
                workers = min(settings.jobs, max(1, -(-to_come // BATCH_SIZE)))
                if workers > 1 or pending:
                    pool = stack.enter_context(ProcessPoolExecutor(
                        max_workers=workers, initializer=_load_pipeline, initargs=(settings.pipeline,)))
            if misses and pool is None:
                yield from _finish(batch, _extract_batch(misses, settings), cache, settings)
                continue
            pending.append((batch, pool.submit(_extract_batch, misses, settings) if misses else None))
            while pending and (
                not defer
                or len(pending) > MAX_WAITING_BATCHES
                or sum(1 for _, future in pending if future is not None) >= workers * BATCHES_IN_FLIGHT_PER_JOB
            ):
                yield from _collect(pending.popleft(), cache, settings)
        while pending:
            yield from _collect(pending.popleft(), cache, settings)


@dataclass
class _Slot:
    """One document of a batch: its cache key and, once known, the JSON of its unlabelled extraction."""

    document: Document
    key: str
    payload: Optional[bytes] = None


def _batches(documents: Iterable[Document], size: int, *, expected: int = 0, workers: int = 1) -> Iterator[list[_Slot]]:
    """Batches of ``size`` documents. Knowing how many there will be, batches for several
    workers shrink toward the end, each at most a share of what remains, so that the workers
    finish together: with full batches to the last, one worker may still parse sixteen
    articles while the others wait, a fifth of a run of eighty."""
    batch: list[_Slot] = []
    taken = 0
    for document in documents:
        batch.append(_Slot(document, ""))
        limit = _batch_size(size, expected - taken, workers) if expected else size
        if len(batch) >= limit:
            taken += len(batch)
            yield batch
            batch = []
    if batch:
        yield batch


def _batch_size(size: int, remaining: int, workers: int) -> int:
    return max(1, min(size, -(-remaining // (TAIL_SHARES * workers))))


def _lookup(batch: list[_Slot], cache: Optional[ExtractionCache], environment: str) -> None:
    """Key every document of the batch and take what the cache already holds."""
    if cache is None or not cache.usable:
        return
    for slot in batch:
        slot.key = document_key(slot.document, environment)
    found = cache.get_many(slot.key for slot in batch)
    for slot in batch:
        slot.payload = found.get(slot.key)


def _misses(batch: list[_Slot]) -> list[Document]:
    return [slot.document for slot in batch if slot.payload is None]


def _collect(entry: tuple[list[_Slot], Optional[Future]], cache: Optional[ExtractionCache],
             settings: RunSettings) -> Iterator[Extraction]:
    batch, future = entry
    yield from _finish(batch, future.result() if future is not None else [], cache, settings)


def _finish(batch: list[_Slot], fresh: list[bytes], cache: Optional[ExtractionCache],
            settings: RunSettings) -> Iterator[Extraction]:
    """Fill the misses with their fresh extractions, store those, and label everything in order."""
    new = iter(fresh)
    stored = {}
    for slot in batch:
        if slot.payload is None:
            slot.payload = next(new)
            if slot.key:
                stored[slot.key] = slot.payload
    extractions = []
    for slot in batch:
        try:
            extractions.append(Extraction.read_labelled(slot.payload, slot.document.source))
        except ValidationError:
            # Stored by a model this briefgen cannot read back: parsed again and overwritten.
            slot.payload = _extract_batch([slot.document], settings)[0]
            stored[slot.key] = slot.payload
            extractions.append(Extraction.read_labelled(slot.payload, slot.document.source))
    if cache is not None:
        cache.put_many(stored)
    yield from extractions


def _start() -> None:
    """A first task, for a pool started ahead of its work: submitting it starts the workers,
    which load the pipeline while this process goes on reading."""


def _load_pipeline(name: str) -> None:
    """Worker start-up: load the pipeline once, before the first batch arrives."""
    get_pipeline(name)


def _extract_batch(documents: list[Document], settings: RunSettings) -> list[bytes]:
    """Parse a batch and reduce each parse to the JSON of its unlabelled extraction at once,
    so no ``Doc`` outlives its document's turn. JSON is what the cache stores and what
    crosses from a worker process most cheaply."""
    if not documents:
        return []
    # Imported here, with spaCy behind it: a run that finds every document cached never gets here.
    from briefgen.extract.document import extract_unlabelled

    nlp = get_pipeline(settings.pipeline)
    payloads: list[bytes] = []
    for part in _parse_parts(documents):
        parses = nlp.pipe((d.analysis_text for d in part), batch_size=len(part))
        for document, doc in zip(part, parses):
            extraction = extract_unlabelled(doc, document, day_first=settings.day_first)
            payloads.append(extraction.model_dump_json().encode("utf-8"))
            # The tables extraction keeps on the Doc refer back to it. Dropped, the Doc
            # (megabytes of arrays) goes as soon as the loop lets go of it, not whenever the
            # collector next walks the oldest objects: the memory of a long run stays flat.
            doc.user_data.clear()
    return payloads


def _parse_parts(documents: list[Document]) -> Iterator[list[Document]]:
    """The batch in runs of documents of at most PARSE_PART_CHARACTERS together (a longer
    document alone), each parsed with one ``nlp.pipe`` call."""
    part: list[Document] = []
    size = 0
    for document in documents:
        length = len(document.analysis_text)
        if part and size + length > PARSE_PART_CHARACTERS:
            yield part
            part, size = [], 0
        part.append(document)
        size += length
    if part:
        yield part


