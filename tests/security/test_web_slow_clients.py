"""Slow clients are timed out before the token check: 300 half-sent requests and a trickled body are closed.

Real sockets against a real server on 127.0.0.1 (the deadlines live in the HTTP protocol, below the
application). The deadlines are set short here so the test is quick; what is asserted is only that
every connection gets closed within a generous bound, never how fast.
"""

from __future__ import annotations

import selectors
import socket
import time

import pytest

pytest.importorskip("uvicorn")

from contractgen.repo.config import init_repo  # noqa: E402
from contractgen.web.app import create_app  # noqa: E402
from tests.security.webserver import running  # noqa: E402

TOKEN = "a-long-enough-test-token-0123456789"
BOUND = 120.0  # seconds: far above the deadlines below; a connection still open then is never closed
DEAL = "deals/deal-example.yaml"


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    folder = tmp_path_factory.mktemp("slow") / "contracts"
    init_repo(folder)
    return folder


def still_open(sockets: list[socket.socket], bound: float = BOUND) -> list[socket.socket]:
    """Read every socket until the server closes it; return those still open after `bound` seconds."""
    selector = selectors.DefaultSelector()
    for sock in sockets:
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ)
    open_ones, deadline = set(sockets), time.monotonic() + bound
    while open_ones and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=1):
            try:
                data = key.fileobj.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                data = b""
            if not data:
                selector.unregister(key.fileobj)
                open_ones.discard(key.fileobj)
    selector.close()
    return list(open_ones)


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=30)


def status_of(port: int, request: bytes) -> int:
    with connect(port) as sock:
        sock.sendall(request)
        return int(sock.recv(4096).split(b" ", 2)[1])


@pytest.mark.parametrize("bind", ["non-local with a token", "local"])
def test_300_slow_sockets_are_closed_before_any_check(root, bind):
    token, host = (TOKEN, "0.0.0.0") if bind.startswith("non-local") else (None, "127.0.0.1")
    app = create_app(root, token=token, host=host, workers=0)
    with running(app, header_timeout=2, body_timeout=2) as port:
        slow = []
        for _ in range(300):
            sock = connect(port)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # the headers never end
            slow.append(sock)
        try:
            assert still_open(slow) == []
        finally:
            for sock in slow:
                sock.close()
        # the server still answers a complete request
        assert status_of(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") in (200, 401)


@pytest.mark.parametrize("bind", ["non-local with a token", "local"])
def test_a_trickled_body_is_closed(root, bind):
    token, host = (TOKEN, "0.0.0.0") if bind.startswith("non-local") else (None, "127.0.0.1")
    app = create_app(root, token=token, host=host, workers=0)
    with running(app, header_timeout=2, body_timeout=2) as port:
        sock = connect(port)
        sock.sendall(
            (
                f"POST /check/{DEAL} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
            ).encode()
        )
        sock.setblocking(False)
        closed, deadline = False, time.monotonic() + BOUND
        while not closed and time.monotonic() < deadline:
            try:
                sock.send(b"a")  # one byte at a time, for as long as the server listens
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            try:
                data = sock.recv(65536)
                if not data:
                    closed = True
            except BlockingIOError:
                pass
            except ConnectionResetError:
                closed = True
            time.sleep(0.2)
        sock.close()
        assert closed, "the server kept reading a body trickled for longer than its deadline"
        assert status_of(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") in (200, 401)
