"""UNO worker for the LibreOffice test oracle (run by the *system* Python, which has ``uno``).

Connects to a running headless ``soffice`` over a pipe and serves requests, one JSON object per
line on stdin, answering one JSON object per line on stdout::

    {"op": "accept" | "reject" | "none", "src": "/abs/in.docx", "dst": "/abs/out.docx"}
    -> {"ok": true} | {"ok": false, "error": "..."}

Each request loads ``src`` hidden, runs ``.uno:AcceptAllTrackedChanges`` or
``.uno:RejectAllTrackedChanges`` through the dispatcher (``none`` just round-trips), stores the
result as "MS Word 2007 XML" at ``dst`` and closes the document.  The caller enforces timeouts
and kills this process and ``soffice`` when one is exceeded.

Usage: /usr/bin/python3 lo_accept_reject.py PIPE_NAME [CONNECT_TIMEOUT_SECONDS]
"""

from __future__ import annotations

import json
import sys
import time

import uno  # type: ignore[import-not-found]  # Debian python3-uno, system Python only
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges", "none": None}


def prop(name: str, value: object) -> PropertyValue:
    """A com.sun.star.beans.PropertyValue."""
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def connect(pipe: str, timeout: float):
    """The remote ServiceManager's component context, retrying until ``timeout`` seconds pass."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def process(ctx, op: str, src: str, dst: str) -> None:
    """Load ``src`` hidden, apply ``op`` to all tracked changes, store as .docx at ``dst``."""
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    load_props = (prop("Hidden", True), prop("ReadOnly", False), prop("UpdateDocMode", 0))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, load_props)
    if doc is None:
        raise RuntimeError(f"LibreOffice could not load {src}")
    try:
        command = COMMANDS[op]
        if command is not None:
            dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            frame = doc.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, command, "", 0, ())
        doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "MS Word 2007 XML"),))
    finally:
        doc.close(True)


def main(argv: list[str]) -> int:
    """Serve requests from stdin until it closes."""
    pipe = argv[1]
    timeout = float(argv[2]) if len(argv) > 2 else 30.0
    ctx = connect(pipe, timeout)
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if request["op"] not in COMMANDS:
                raise ValueError(f"unknown op {request['op']!r}")
            process(ctx, request["op"], request["src"], request["dst"])
            reply = {"ok": True}
        except Exception as exc:  # report every failure to the caller, keep serving
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(reply), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
