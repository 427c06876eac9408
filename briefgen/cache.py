"""The extraction cache: one SQLite file mapping a document's content to its extraction.

A briefing on a live story is rebuilt many times a day from a folder that only grows, so a
re-run should parse only what is new. An entry is keyed by everything its extraction depends
on: the document's text and metadata, the spaCy pipeline (name, path and version), briefgen's
version, a digest of briefgen's own source and data files (the version string does not move
while the code does), and the extraction options. Change any of them and the old entries
simply stop matching. Entries are the JSON of unlabelled extractions (``Extraction.read_labelled``),
because source ids are handed out per run and the same text may sit at any path.

Several runs may share one file: it is opened in WAL mode with a busy timeout and every batch
is written in one transaction. A cache that cannot be opened or read (a corrupt file, a
read-only disk) costs speed, never the run: it is reported once as a warning and the run goes
on without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional

from briefgen import __version__
from briefgen.ingest.metadata_dates import date_in_file_name
from briefgen.model import Document

CACHE_FILE_NAME = "extractions.sqlite3"
# Bump when the table layout or the stored form changes; older files are then rebuilt.
CACHE_FORMAT = 1
# Long enough for another run's batch to commit; a batch is a few dozen rows.
BUSY_TIMEOUT_SECONDS = 60


def default_cache_path(environ: Optional[dict] = None) -> Path:
    """``BRIEFGEN_CACHE``, else ``$XDG_CACHE_HOME/briefgen/…``, else ``~/.cache/briefgen/…``."""
    env = os.environ if environ is None else environ
    if env.get("BRIEFGEN_CACHE"):
        return Path(env["BRIEFGEN_CACHE"]).expanduser()
    base = Path(env["XDG_CACHE_HOME"]).expanduser() if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "briefgen" / CACHE_FILE_NAME


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of briefgen's own files (code, data tables), so that editing any of them
    retires the extractions the old code produced."""
    return tree_digest(Path(__file__).resolve().parent)


def tree_digest(root: Path) -> str:
    """A digest of every file's name and content under ``root`` (compiled bytecode aside)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def environment_key(pipeline_name: str, pipeline_identity: str, *, day_first: bool) -> str:
    """Everything besides the document that an extraction depends on, as one string."""
    return json.dumps({
        "briefgen": __version__,
        "code": code_digest(),
        "pipeline": pipeline_name,
        "pipeline_version": pipeline_identity,
        "day_first": day_first,
        "format": CACHE_FORMAT,
    }, sort_keys=True)


def document_key(document: Document, environment: str) -> str:
    """The cache key of one document: its text, its metadata (not its id or path), the date its
    file's name holds (a publication date may be inferred from it) and the environment."""
    metadata = document.source.model_dump(mode="json", exclude={"id", "path"})
    name_date = str(date_in_file_name(document.source.path))
    digest = hashlib.sha256()
    for part in (environment, json.dumps(metadata, sort_keys=True), name_date, document.analysis_text, document.text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class ExtractionCache:
    """Unlabelled extractions by document key, in one SQLite file; every failure is a warning."""

    def __init__(self, path: Path, on_warning: Callable[[str], None]):
        self.path = Path(path)
        self._on_warning = on_warning
        self._connection: Optional[sqlite3.Connection] = None
        # Read before opening, which touches the write-ahead log.
        self._written_at = self._last_written()
        try:
            self._connection = self._open()
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)

    @property
    def usable(self) -> bool:
        return self._connection is not None

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are opened explicitly around each batch of writes.
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
            connection.execute("PRAGMA journal_mode = WAL")
            # A lost last batch after a power cut is only work to redo; syncing less is faster.
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("BEGIN IMMEDIATE")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version != CACHE_FORMAT:
                connection.execute("DROP TABLE IF EXISTS extractions")
                connection.execute(f"PRAGMA user_version = {CACHE_FORMAT}")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS extractions (key TEXT PRIMARY KEY, extraction BLOB NOT NULL)"
            )
            connection.execute("COMMIT")
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def count_changed_since_written(self, paths: Iterable[Path]) -> int:
        """How many of ``paths`` were modified after the cache was last written: from file
        times alone, a guess at how many documents a run will have to parse (a file copied
        with its old time is missed; a file touched but not changed is counted)."""
        changed = 0
        for path in paths:
            try:
                changed += path.stat().st_mtime > self._written_at
            except OSError:
                changed += 1
        return changed

    def _last_written(self) -> float:
        """When the file or its write-ahead log last changed; 0 for a cache not made yet."""
        times = []
        for path in (self.path, Path(f"{self.path}-wal")):
            try:
                times.append(path.stat().st_mtime)
            except OSError:
                continue
        return max(times, default=0.0)

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The stored JSON of the unlabelled extractions among ``keys``. An entry that does not
        decompress is left out, so it is parsed again and overwritten; the caller treats one
        that does not validate the same way."""
        keys = list(dict.fromkeys(keys))
        if self._connection is None or not keys:
            return {}
        try:
            marks = ",".join("?" * len(keys))
            rows = self._connection.execute(f"SELECT key, extraction FROM extractions WHERE key IN ({marks})", keys).fetchall()
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}
        found = {}
        for key, blob in rows:
            try:
                found[key] = zlib.decompress(blob)
            except zlib.error:
                continue
        return found

    def put_many(self, entries: dict[str, bytes]) -> None:
        """Store the JSON of unlabelled extractions, all in one transaction."""
        if self._connection is None or not entries:
            return
        rows = [(key, zlib.compress(payload)) for key, payload in entries.items()]
        try:
            self._connection.execute("BEGIN IMMEDIATE")
            self._connection.executemany("INSERT OR REPLACE INTO extractions (key, extraction) VALUES (?, ?)", rows)
            self._connection.execute("COMMIT")
        except sqlite3.Error as exc:
            self._give_up(exc)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _give_up(self, exc: BaseException) -> None:
        self.close()
        reason = str(exc) or type(exc).__name__
        self._on_warning(f"extraction cache {self.path} cannot be used ({reason}); continuing without it")
