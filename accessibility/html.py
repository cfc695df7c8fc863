"""HTML validity of each page, checked by the Nu Html Checker (vnu), the W3C's validator.

The markup checked is the HTML the server sends (a plain GET, no script run), which is what
assistive technologies and browsers parse first; axe-core sees the DOM after the browser has
silently repaired it, so an unclosed element or a duplicate id can slip past it.

vnu comes from npm (package.json, `vnu-jar`) and runs on the system's Java 17+ (Debian's
`default-jre-headless`, scripts/setup.sh). It starts once for all pages: a JVM start and
the checker's schemas cost a few seconds, a page a fraction of a second.

Verdict: vnu's "error" messages (and "non-document-error", when it could not read a file)
fail the page. Its warnings ("info" with subType "warning", such as a section without a
heading or a language that does not look like the `lang` attribute) are reported but do not
fail: they are advice that often has legitimate exceptions. Plain "info" messages are dropped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.client import HTTPException
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings

from .browser import error_summary
from .pages import PageTarget

VNU_JAR: Path = settings.PROJECT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FETCH_TIMEOUT_SECONDS = 30.0
VNU_TIMEOUT_SECONDS = 300.0
ERROR_TYPES = {"error", "non-document-error"}


class ValidatorError(Exception):
    """vnu could not run or gave an answer that cannot be read: no verdict on any page."""


@dataclass(frozen=True)
class HtmlMessage:
    severity: str  # "error" or "warning"
    line: int  # 0 when vnu gives no position (a file it could not read)
    column: int
    message: str
    extract: str  # the markup around the problem, as vnu quotes it

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass
class HtmlResult:
    target: PageTarget
    messages: list[HtmlMessage] = field(default_factory=list)
    error: str = ""  # the page could not be fetched (HTTP error, timeout…)

    @property
    def errors(self) -> list[HtmlMessage]:
        return [message for message in self.messages if message.is_error]

    @property
    def warnings(self) -> list[HtmlMessage]:
        return [message for message in self.messages if not message.is_error]

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.error)


def validate_pages(base_url: str, targets: list[PageTarget]) -> list[HtmlResult]:
    """vnu's verdict on the HTML each page is served with; a page that cannot be fetched is
    an error, not a pass."""
    results = [HtmlResult(target) for target in targets]
    documents: dict[int, bytes] = {}  # by index in results: the pages that could be fetched
    for index, result in enumerate(results):
        try:
            documents[index] = fetch_html(base_url + result.target.path)
        except (OSError, HTTPException) as error:  # URLError and HTTPError are OSErrors
            result.error = error_summary(error)
    messages = validate_documents(list(documents.values()))
    for index, page_messages in zip(documents, messages, strict=True):
        results[index].messages = page_messages
    return results


def fetch_html(url: str) -> bytes:
    """The page's bytes as the server sends them: no script runs, nothing is repaired."""
    # urllib sends no Accept-Encoding, so the body comes back uncompressed.
    request = urllib.request.Request(url, headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
        return response.read()


def validate_documents(documents: Sequence[bytes]) -> list[list[HtmlMessage]]:
    """vnu's errors and warnings for each document, in the order given, from one run."""
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="commune-vnu-") as directory:
        paths = _write_documents(Path(directory), documents)
        report = run_vnu(paths)
    by_name: dict[str, list[HtmlMessage]] = {path.name: [] for path in paths}
    for item in report.get("messages", []):
        message = _message(item)
        if message is not None:
            by_name[_document_name(item, by_name)].append(message)
    return [by_name[path.name] for path in paths]


def run_vnu(paths: Sequence[Path]) -> dict[str, Any]:
    """vnu's JSON report on the files, checked in one JVM."""
    java = shutil.which("java")
    if java is None:
        raise ValidatorError("java is missing: run scripts/setup.sh (default-jre-headless).")
    if not VNU_JAR.exists():
        raise ValidatorError(f"{VNU_JAR} is missing: run scripts/setup.sh (npm ci).")
    # --exit-zero-always: invalid pages are a verdict, so any other exit status is vnu's own
    # failure (a JVM too old, a broken jar).
    command = [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
    completed = subprocess.run(
        [*command, *map(str, paths)], capture_output=True, timeout=VNU_TIMEOUT_SECONDS
    )
    if completed.returncode != 0:
        raise ValidatorError(
            f"vnu exited with {completed.returncode}: {completed.stderr.decode(errors='replace')}"
        )
    try:
        return json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        raise ValidatorError(f"vnu's report is not JSON: {error}") from error


def _write_documents(directory: Path, documents: Sequence[bytes]) -> list[Path]:
    """One .html file per document, named by its position so vnu's report maps back."""
    paths = []
    for index, document in enumerate(documents):
        path = directory / f"{index:03d}.html"
        path.write_bytes(document)
        paths.append(path)
    return paths


def _message(item: dict[str, Any]) -> HtmlMessage | None:
    """An error or a warning of vnu's report; None for a plain info message."""
    if item.get("type") in ERROR_TYPES:
        severity = "error"
    elif item.get("type") == "info" and item.get("subType") == "warning":
        severity = "warning"
    else:
        return None
    return HtmlMessage(
        severity=severity,
        line=int(item.get("firstLine", item.get("lastLine", 0))),
        column=int(item.get("firstColumn", item.get("lastColumn", 0))),
        message=item.get("message", ""),
        extract=item.get("extract", ""),
    )


def _document_name(item: dict[str, Any], names: dict[str, Any]) -> str:
    """The file a message is about, from the file: URL vnu gives."""
    name = Path(unquote(urlsplit(item.get("url", "")).path)).name
    if name not in names:
        # A message about no file of ours would be a checker problem, not a page's.
        raise ValidatorError(f"vnu reported on an unknown document: {item}")
    return name
