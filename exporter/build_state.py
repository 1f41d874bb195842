"""What built each output: the incremental skip of unchanged inputs.

A JSON file in the output folder maps each output's file name to the input
it came from (``source``: the input's resolved path, or a collection's name),
the digest of that input's bytes and the options' fingerprint. Books are
named after their titles, which are known only after cleaning, so an input's
outputs are found by ``source``, not by name.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from .atomic import atomic_output
from .backends import SUFFIXES
from .errors import OutputError
from .sources import InputItem

log = logging.getLogger(__name__)

STATE_FILE = ".exporter-state.json"  # in the output folder


def input_digest(item: InputItem) -> str:
    digest = hashlib.sha256()
    if item.data is not None:
        digest.update(item.data)
    elif item.path is not None:
        with item.path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def load_state(folder: Path) -> dict:
    try:
        state = json.loads((folder / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def save_state(folder: Path, state: dict) -> None:
    try:
        # Replaced atomically (a concurrent run never reads half of it) but not synced to
        # disk: after a crash the worst is an unreadable state, read as "rebuild everything"
        # (`load_state`), and the fsync cost a one-article export a few ms.
        with atomic_output(folder / STATE_FILE, durable=False) as temporary:
            temporary.write_text(json.dumps(state, indent=1, sort_keys=True), "utf-8")
    except OutputError as err:
        log.warning("could not record the build state: %s", err)


def matching_outputs(state: dict, source: str, digest: str, fingerprint: str, formats: Sequence[str],
                     folder: Path, newer_than: float = 0.0) -> list[Path] | None:
    """The outputs (one per format) last built from ``source`` with the same input digest and
    options, when every one still exists and is newer than ``newer_than``; else None."""
    found: list[Path] = []
    for fmt in formats:
        names = [name for name, entry in state.items() if isinstance(entry, dict) and entry.get("source") == source
                 and name.endswith(SUFFIXES[fmt])]
        if len(names) != 1:
            return None
        entry = state[names[0]]
        output = folder / names[0]
        try:
            if output.stat().st_mtime < newer_than:
                return None
        except OSError:
            return None
        if entry.get("options") != fingerprint or entry.get("input") != digest:
            return None
        found.append(output)
    return found


def record(state: dict, source: str, digest: str, fingerprint: str, outputs: Iterable[Path]) -> None:
    """Note that ``outputs`` were built from ``source``; older outputs of it are forgotten
    (a changed title gives the book a new name)."""
    outputs = list(outputs)
    suffixes = {output.suffix for output in outputs}
    for name in [n for n, e in state.items() if isinstance(e, dict) and e.get("source") == source
                 and Path(n).suffix in suffixes]:
        del state[name]
    for output in outputs:
        state[output.name] = {"input": digest, "options": fingerprint, "source": source}
