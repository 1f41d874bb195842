"""The garbage collector tuned for a command that is the whole process (`cli.main`
called by the console script or ``python -m exporter``; never for a library caller
such as the GUI, whose process lives on).

- At exit CPython runs a full collection over every live object (all the modules,
  the rules' data): 40-70 ms of a 0.3 s export, for memory the OS takes back
  anyway. `gc.freeze` in an atexit hook (run before it) hides them from it; they
  are still freed, atexit hooks and logging still flush, our files are long
  closed. Only a cycle alive at exit loses its ``__del__``, which CPython never
  promised.
- While it runs, a one-article export imports ~240 modules whose objects all live
  to the end, and the collector's youngest generation (every 700 net allocations)
  kept walking them: about 2% of the export's instructions. Every
  `YOUNG_THRESHOLD` allocations still frees cycles (a parsed page's tree), so the
  garbage waiting stays bounded (tens of thousands of objects, a few MB) on any
  input, which turning the collector off would not promise.
"""

from __future__ import annotations

import atexit
import gc

YOUNG_THRESHOLD = 50_000  # container objects allocated (net) between young collections; CPython's is 700


def tune_collector() -> None:
    young, middle, oldest = gc.get_threshold()
    gc.set_threshold(max(YOUNG_THRESHOLD, young), middle, oldest)
    atexit.register(gc.freeze)
