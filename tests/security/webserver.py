"""A real workspace server on 127.0.0.1 for the socket-level tests, run in a thread of the test process."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import uvicorn

from contractgen.web.serving import server_config


@contextlib.contextmanager
def running(app, **options):
    """Serve app on a free 127.0.0.1 port (as `contractgen serve` would); yield the port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(server_config(app, "127.0.0.1", port, **options))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=60)
        sock.close()
