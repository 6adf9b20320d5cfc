"""LibreOffice as an independent judge of tracked changes (the test oracle).

One private headless ``soffice`` (own ``-env:UserInstallation`` profile, pipe connection) serves
many documents; a UNO worker (:mod:`lo_accept_reject`, run by the *system* Python that has
Debian's ``python3-uno``) loads each document hidden, dispatches ``.uno:AcceptAllTrackedChanges``
or ``.uno:RejectAllTrackedChanges``, and stores the result as "MS Word 2007 XML".  The stored
file is read back with :func:`support.docx_text.paragraph_texts`, the same extraction the tests
use on the python side.  Comment anchors and parts are stripped before loading (the ``-nogui``
build aborts on a .docx with comments).  Every step runs under a timeout; on a timeout or a
crash both processes are killed and the next call starts afresh.

Use the session fixture in a test module::

    from support.libreoffice import lo_oracle  # noqa: F401  (the fixture)

    @pytest.mark.libreoffice
    def test_x(lo_oracle, tmp_path):
        assert lo_oracle.accept_all(path) == expected_texts
"""

from __future__ import annotations

import atexit
import json
import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import BinaryIO

import pytest

from support.docx_text import normalise, paragraph_texts, strip_comments

WORKER = Path(__file__).resolve().parent / "lo_accept_reject.py"
SYSTEM_PYTHON = "/usr/bin/python3"


class OracleError(RuntimeError):
    """LibreOffice failed, crashed or timed out on a document."""


def soffice_binary() -> str | None:
    """Path of ``soffice`` (or ``libreoffice``), or None when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _kill(process: subprocess.Popen[bytes] | None) -> None:
    """Kill a process started in its own session, with everything it started."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


class LibreOfficeOracle:
    """Accept-all / reject-all of tracked changes by a private LibreOffice, texts as a list."""

    def __init__(
        self,
        *,
        timeout: float = 60.0,
        startup_timeout: float = 90.0,
        python: str = SYSTEM_PYTHON,
        soffice: str | None = None,
    ) -> None:
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.python = python
        self.soffice = soffice or soffice_binary()
        self._dir = Path(tempfile.mkdtemp(prefix="shuzhi-lo-oracle-"))
        self._office: subprocess.Popen[bytes] | None = None
        self._worker: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._count = 0
        self._profile_ready = False

    # -- public API ------------------------------------------------------------------------
    def accept_all(self, path: Path | str) -> list[str]:
        """Paragraph texts of ``path`` after LibreOffice's Accept All (trailing empty dropped)."""
        return normalise(paragraph_texts(self.convert("accept", path)))

    def reject_all(self, path: Path | str) -> list[str]:
        """Paragraph texts of ``path`` after LibreOffice's Reject All (trailing empty dropped)."""
        return normalise(paragraph_texts(self.convert("reject", path)))

    def roundtrip(self, path: Path | str) -> list[str]:
        """Paragraph texts of ``path`` loaded and stored by LibreOffice, changes untouched."""
        return normalise(paragraph_texts(self.convert("none", path)))

    def convert(self, op: str, path: Path | str) -> bytes:
        """The .docx bytes LibreOffice stores after ``op`` ("accept", "reject" or "none")."""
        self._count += 1
        src = self._dir / f"in-{self._count}.docx"
        dst = self._dir / f"out-{self._count}.docx"
        src.write_bytes(strip_comments(Path(path).read_bytes()))
        try:
            self._ensure_running()
            self._send({"op": op, "src": str(src), "dst": str(dst)})
            reply = self._receive(self.timeout, f"{op} of {path}")
            if not reply.get("ok"):
                raise OracleError(f"LibreOffice failed on {path}: {reply.get('error')}")
            if not dst.exists():
                raise OracleError(f"LibreOffice wrote nothing for {path}")
            return dst.read_bytes()
        finally:
            src.unlink(missing_ok=True)
            dst.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop the worker and soffice; remove the private profile and work files."""
        if self._worker is not None and self._worker.poll() is None and self._worker.stdin:
            try:
                self._worker.stdin.close()
                self._worker.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._stop()
        shutil.rmtree(self._dir, ignore_errors=True)

    # -- processes -------------------------------------------------------------------------
    def _profile_url(self) -> str:
        return (self._dir / "profile").as_uri()

    def _log(self, name: str) -> BinaryIO:
        """An append handle on ``<work dir>/<name>.log`` (the caller closes it once the child has it)."""
        return (self._dir / f"{name}.log").open("ab")

    def _init_profile(self) -> None:
        """First start with a fresh profile exits and restarts; do it once, alone, up front."""
        log = self._log("soffice-init")
        try:
            subprocess.run(
                [
                    self.soffice,
                    f"-env:UserInstallation={self._profile_url()}",
                    "--headless",
                    "--terminate_after_init",
                ],
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
                timeout=self.startup_timeout,
                check=False,
                start_new_session=True,
            )
        except subprocess.TimeoutExpired as exc:
            raise OracleError("LibreOffice did not initialise its profile in time") from exc
        finally:
            log.close()
        self._profile_ready = True

    def _ensure_running(self) -> None:
        if self._worker is not None and self._worker.poll() is None and self._office.poll() is None:
            return
        self._stop()
        if not self.soffice:
            raise OracleError("LibreOffice (soffice) is not installed")
        if not Path(self.python).exists():
            raise OracleError(f"{self.python} not found; the oracle needs the system Python with python3-uno")
        if not self._profile_ready:
            self._init_profile()
        pipe = f"shuzhi_oracle_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        log = self._log("soffice")
        self._office = subprocess.Popen(
            [
                self.soffice,
                f"-env:UserInstallation={self._profile_url()}",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                "--nolockcheck",
                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        log.close()
        wlog = self._log("worker")
        self._worker = subprocess.Popen(
            [self.python, str(WORKER), pipe, str(self.startup_timeout)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=wlog,
            start_new_session=True,
        )
        wlog.close()
        self._buffer = b""
        reply = self._receive(self.startup_timeout + 5, "connecting to LibreOffice")
        if not reply.get("ready"):
            raise OracleError(f"unexpected first reply from the UNO worker: {reply}")

    def _stop(self) -> None:
        _kill(self._worker)
        _kill(self._office)
        for process in (self._worker, self._office):
            if process is not None:
                for stream in (process.stdin, process.stdout):
                    if stream is not None:
                        stream.close()
        self._worker = self._office = None

    def _tail(self) -> str:
        texts = []
        for name in ("worker", "soffice"):
            path = self._dir / f"{name}.log"
            if path.exists():
                texts.append(f"--- {name}.log ---\n" + path.read_text("utf-8", "replace")[-2000:])
        return "\n".join(texts)

    # -- the line protocol -----------------------------------------------------------------
    def _send(self, request: dict[str, str]) -> None:
        assert self._worker is not None and self._worker.stdin is not None
        try:
            self._worker.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            self._worker.stdin.flush()
        except BrokenPipeError as exc:
            self._stop()
            raise OracleError(f"the UNO worker died\n{self._tail()}") from exc

    def _receive(self, timeout: float, what: str) -> dict[str, object]:
        """One JSON line from the worker, or kill everything and raise after ``timeout`` seconds."""
        assert self._worker is not None and self._worker.stdout is not None
        stream = self._worker.stdout
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(stream, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._stop()
                    raise OracleError(f"LibreOffice timed out after {timeout:.0f} s ({what})\n{self._tail()}")
                if not selector.select(remaining):
                    continue
                chunk = os.read(stream.fileno(), 65536)
                if not chunk:
                    self._stop()
                    raise OracleError(f"LibreOffice or its UNO worker died ({what})\n{self._tail()}")
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return json.loads(line)


_shared: LibreOfficeOracle | None = None


def shared_oracle() -> LibreOfficeOracle:
    """The process-wide oracle (one soffice for the whole test run), closed at exit."""
    global _shared
    if _shared is None:
        _shared = LibreOfficeOracle()
        atexit.register(_shared.close)
    return _shared


@pytest.fixture(scope="session")
def lo_oracle() -> LibreOfficeOracle:
    """The shared :class:`LibreOfficeOracle`; skips when LibreOffice is not installed."""
    if soffice_binary() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    return shared_oracle()
