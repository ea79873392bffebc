"""How the workspace is served: uvicorn with deadlines for slow clients and a limit on concurrent work.

A client that opens a connection and sends its request a byte at a time (headers or body) would hold
a connection, and a worker's attention, for as long as it likes — and this happens before the token
check, which needs the whole request. So every connection gets deadlines at the protocol level, before
the application sees anything: the request headers must be complete within `header_timeout` seconds
(from the connection, or from the end of the previous response), and the body within `body_timeout`
seconds of the headers; a connection past its deadline is closed. A response sent before the body was
read (a refusal) does not keep the connection open for the rest of the body either: the body deadline
still closes it. Past `limit` connections or requests, uvicorn answers 503.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 60.0
KEEP_ALIVE = 5
LIMIT = 100


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for the request headers and another for the body."""

    header_timeout = HEADER_TIMEOUT
    body_timeout = BODY_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the connection and its headers deadline."""
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting_for = ""
        super().connection_made(transport)
        self._watch()

    def data_received(self, data: bytes) -> None:
        """Take the bytes, then move the deadline to what the request still owes (headers, body or nothing)."""
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        """Finish the response; the next request's headers are then due."""
        super().on_response_complete()
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        """Drop the deadline with the connection."""
        self._cancel()
        super().connection_lost(exc)

    def _watch(self) -> None:
        theirs = self.conn.their_state
        if theirs is h11.IDLE:
            waiting, limit = "headers", self.header_timeout
        elif theirs is h11.SEND_BODY:
            waiting, limit = "body", self.body_timeout
        else:
            self._cancel()
            return
        if self._waiting_for != waiting or self._deadline is None:
            self._cancel()
            self._waiting_for = waiting
            self._deadline = self.loop.call_later(limit, self._expired)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline, self._waiting_for = None, ""

    def _expired(self) -> None:
        """The client took too long to send its request: close the connection (the application sees a disconnect)."""
        self._deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.transport.close()


def server_config(
    app: Any,
    host: str,
    port: int,
    header_timeout: float = HEADER_TIMEOUT,
    body_timeout: float = BODY_TIMEOUT,
    limit: int = LIMIT,
    **options: Any,
) -> uvicorn.Config:
    """Return the uvicorn settings that serve `app` with the slow-client deadlines and the concurrency limit."""
    protocol = type(
        "WorkspaceH11Protocol", (DeadlineH11Protocol,), {"header_timeout": header_timeout, "body_timeout": body_timeout}
    )
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol,
        timeout_keep_alive=KEEP_ALIVE,
        limit_concurrency=limit,
        log_level=options.pop("log_level", "warning"),
        **options,
    )


def serve(config: uvicorn.Config, sockets: list[socket.socket] | None = None) -> None:
    """Run the server until it is stopped (Ctrl+C, or `should_exit` on the Server)."""
    uvicorn.Server(config).run(sockets=sockets)
