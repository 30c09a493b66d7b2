"""One writer per store: an OS file lock (``flock``) on ``STORE/.lock``, held for the whole run.

A second ``corpus run`` into the same store is refused with the holder's PID.  The kernel releases a
``flock`` when its process dies, so a run killed with ``kill -9`` leaves no stale lock: the next run takes
it over.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Iterator

from ..errors import StoreError, StoreLockedError

LOCK = ".lock"


@contextlib.contextmanager
def store_lock(root: Path) -> Iterator[None]:
    path = root / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StoreError(f"cannot write to the store {root}: {exc.strerror or exc}",
                         hint="check the store's permissions and free space") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise StoreLockedError(f"the store {root} is being written by another run (PID {holder}).",
                                   hint="wait for it to finish, or write to another --out store") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
