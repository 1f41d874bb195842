"""Atomic output: write to a hidden temporary file beside the target, then rename.

A reader of the output folder sees either the old file or the new one, never a
partial one; on any failure (or Ctrl-C) the temporary file is removed.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError

TEMP_PREFIX = ".exporter-tmp-"


@contextmanager
def atomic_output(destination: Path) -> Iterator[Path]:
    """Yield a temporary path in ``destination``'s folder; on success it replaces
    ``destination``. Errors writing become `OutputError` naming the destination."""
    destination = Path(destination)
    folder = destination.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=destination.suffix, dir=folder)
        os.close(fd)
    except OSError as err:
        raise OutputError(_describe(err), path=folder) from None
    temp = Path(temp_name)
    try:
        yield temp
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, destination)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise OutputError(_describe(err), path=destination) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _describe(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "no space left on the device"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "output folder is not writable"
    return f"cannot write: {err.strerror or err}"


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporaries left by a run that was killed (never our outputs)."""
    for leftover in Path(folder).glob(TEMP_PREFIX + "*"):
        leftover.unlink(missing_ok=True)
