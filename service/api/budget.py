"""A time budget for work done for a caller who holds no key (``POST /v1/parse``).

A request runs in one of gunicorn's worker threads, and Python offers no way to
stop a thread from outside, nor a signal that reaches one (signals go to the main
thread only). So a timer raises ``OverBudget`` inside the working thread
(``PyThreadState_SetAsyncExc``): pure-Python work stops at its next bytecode, the
caller gets a 503 problem, and the worker goes back to serving others instead
of computing for a client that has long given up. An exception still pending
when the work ends in time is withdrawn, so it can never land elsewhere.
"""
from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class OverBudget(Exception):
    """The work took longer than its budget and was stopped."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()``, or ``OverBudget`` once it has run for ``seconds``."""
    thread_id, lock, state = threading.get_ident(), threading.Lock(), {"running": True, "fired": False}

    def stop() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                _raise_in(thread_id, OverBudget)

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        return work()
    finally:
        timer.cancel()
        with lock:
            state["running"] = False
            if state["fired"]:
                _raise_in(thread_id, None)  # withdraw it if it has not been raised yet
