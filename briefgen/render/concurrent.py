"""Rendering the memo's formats side by side: one in a forked child, the rest here.

Laying out a long memo is pure Python and takes a second or more per format (a briefing of
a thousand articles), and the DOCX and the PDF do not depend on each other. A forked child
shares the memo with this process without copying or pickling it and sends back only the
finished document, so on a second core the two are written in the time of the slower one.
Where a process cannot be forked safely (Windows, macOS, a process running other threads),
on one core, or for a single format, everything is rendered here, one after the other.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
import threading
import traceback
from typing import Callable, Union

from briefgen.errors import OutputError
from briefgen.runner import available_cores

Rendered = Union[bytes, str]


def render_all(tasks: dict[str, Callable[[], Rendered]]) -> dict[str, Rendered]:
    """The result of every task, by name; the first runs in a forked child when that helps."""
    if len(tasks) < 2 or available_cores() < 2 or not _can_fork():
        return {name: task() for name, task in tasks.items()}
    (first, first_task), *rest = tasks.items()
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_run_and_send, args=(first_task, sender), daemon=True)
    child.start()
    sender.close()
    results = {name: task() for name, task in rest}
    try:
        # Received before joining: a document larger than the pipe's buffer would otherwise
        # keep the child from exiting.
        outcome, value = receiver.recv()
    except EOFError:  # the child died without a word (killed, out of memory): do it here
        outcome, value = "ok", first_task()
    finally:
        receiver.close()
        child.join()
    if outcome != "ok":
        error, child_traceback = value
        if hasattr(error, "add_note"):  # Python 3.11+: --debug shows where in the child it failed
            error.add_note("Raised while rendering in a child process:\n" + child_traceback)
        raise error
    return {first: value, **results}


def _can_fork() -> bool:
    # macOS offers fork but its system libraries are not safe in a forked child; nor is a
    # process with other threads (an application calling the API from a worker thread),
    # whose locks the child would inherit held.
    return ("fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
            and threading.active_count() == 1)


def _run_and_send(task: Callable[[], Rendered], sender) -> None:
    try:
        message = ("ok", task())
    except Exception as exc:  # sent back, to be raised in the parent as if rendered there
        error = exc if _picklable(exc) else OutputError(f"{type(exc).__name__}: {exc}")
        message = ("error", (error, traceback.format_exc()))
    sender.send(message)
    sender.close()


def _picklable(exc: Exception) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return False
    return True
