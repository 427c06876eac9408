"""Putting output files on disk: safe names inside the output folder, written atomically.

Every file is written to a temporary file in the target folder and renamed into place, so a
failed or interrupted run leaves the previous outputs untouched and no partial files. The
files of one run are renamed only once all of them are written, so they are replaced together.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Mapping, Union

from briefgen.errors import OutputError

MAX_SLUG_LENGTH = 80
DEFAULT_SLUG = "briefing"
# Names Windows reserves for devices; a file called "con.pdf" cannot be opened there.
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def slugify(title: str) -> str:
    """A file-name stem from a title: ASCII letters, digits and hyphens only, never a path."""
    # Punctuation of any script (dashes, slashes) separates words before letters are folded to ASCII.
    words = re.sub(r"[\W_]+", " ", title)
    ascii_text = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:MAX_SLUG_LENGTH].rstrip("-")
    if not slug:
        return DEFAULT_SLUG
    if slug in WINDOWS_RESERVED:
        slug += "-briefing"
    return slug


def prepare_output_dir(directory: Path) -> Path:
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder: {exc.strerror or exc}", str(directory)) from None
    if not directory.is_dir():
        raise OutputError("output path exists and is not a folder", str(directory))
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError("output folder is not writable", str(directory))
    return directory


def write_atomically(path: Path, content: Union[bytes, str]) -> Path:
    """Write ``content`` to ``path`` via a temporary file in the same folder and a rename."""
    return write_all_atomically({Path(path): content})[0]


def write_all_atomically(contents: Mapping[Path, Union[bytes, str]]) -> list[Path]:
    """Write several files so that either all of them are replaced or none is.

    Every file is first written in full to a temporary file beside its target; only when all
    are on disk are they renamed into place, one quick rename each. A failure or an
    interruption while writing (a full disk, Ctrl-C) removes the temporary files and leaves
    every earlier output as it was, rather than a new memo beside an old JSON.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, content in contents.items():
            staged.append((_write_temporary(Path(path), content), Path(path)))
        for temporary, path in staged:
            try:
                os.replace(temporary, path)
            except OSError as exc:
                raise OutputError(f"cannot write the file: {exc.strerror or exc}", str(path)) from None
    finally:
        for temporary, _ in staged:
            _remove_if_present(temporary)
    return [path for _, path in staged]


def _write_temporary(path: Path, content: Union[bytes, str]) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise OutputError(f"cannot write into the output folder: {exc.strerror or exc}", str(path.parent)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException as exc:
        _remove_if_present(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write the file: {exc.strerror or exc}", str(path)) from None
        raise
    return temporary


def _remove_if_present(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
