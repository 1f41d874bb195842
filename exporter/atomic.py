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

from .errors import OutputError, RenderError

TEMP_PREFIX = ".exporter-tmp-"
_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once: os.umask can only be read by setting it
# This run's mark on its temporaries (worker processes fork after this import and
# share it), so a sweep never removes the files of another export into the same folder.
RUN_TAG = f"{os.getpid()}-"


@contextmanager
def atomic_output(destination: Path, *, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path in ``destination``'s folder; on success it replaces
    ``destination``. Errors writing become `OutputError` naming the destination.
    ``durable=False`` skips the fsync before the rename, for a file whose loss in a
    crash costs only work (the build state: unreadable, it means "rebuild")."""
    destination = Path(destination)
    folder = destination.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX + RUN_TAG, suffix=destination.suffix, dir=folder)
        os.close(fd)
    except OSError as err:
        raise OutputError(_describe(err), path=folder) from None
    temp = Path(temp_name)
    try:
        yield temp
        if durable:
            with open(temp, "rb+") as handle:
                os.fsync(handle.fileno())
        os.chmod(temp, output_mode())  # mkstemp makes 0600; an output is an ordinary file
        os.replace(temp, destination)
    except OSError as err:
        temp.unlink(missing_ok=True)
        if err.filename and Path(err.filename) not in (temp, destination, folder) and err.errno != errno.ENOSPC:
            # The writer failed to read one of its own inputs (a stylesheet, a font):
            # name that file rather than blaming the output folder.
            raise RenderError(f"cannot read {err.filename}: {err.strerror or err}", path=destination) from None
        raise OutputError(_describe(err), path=destination) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def output_mode() -> int:
    """The mode of an ordinary new file under this process's umask (0o644 under 022)."""
    return 0o666 & ~_UMASK


def _describe(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "no space left on the device"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "output folder is not writable"
    return f"cannot write: {err.strerror or err}"


def remove_stale_temporaries(folder: Path) -> None:
    """Remove this run's temporaries left by a worker that was stopped or killed
    (never outputs, never another run's temporaries)."""
    for leftover in Path(folder).glob(TEMP_PREFIX + RUN_TAG + "*"):
        leftover.unlink(missing_ok=True)
