"""A real HTTP server on 127.0.0.1 for tests: routes of canned answers, every request counted.

    with serve({"/page": Route(200, "text/html; charset=utf-8", b"<html>...")}) as site:
        site.url("/page"); site.requests  # ["GET /page", ...]

A route's body may be a callable taking the handler (for slow or streamed
answers). Unknown paths answer 404 Not Found.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Route:
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    body: bytes | Callable[[http.server.BaseHTTPRequestHandler], None] = b""
    headers: Mapping[str, str] = field(default_factory=dict)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        site: LocalSite = self.server.site  # type: ignore[attr-defined]
        site.requests.append(f"GET {self.path}")
        site.headers_seen.append(dict(self.headers))
        route = site.routes.get(self.path.split("?", 1)[0])
        if route is None:
            route = Route(404, "text/plain", b"no such page")
        if callable(route.body):
            try:
                route.body(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): not the server's failure
            return
        self.send_response(route.status)
        if route.content_type:
            self.send_header("Content-Type", route.content_type)
        for name, value in route.headers.items():
            self.send_header(name, value.replace("{base}", site.base))
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass


@dataclass
class LocalSite:
    routes: dict[str, Route]
    base: str = ""
    requests: list[str] = field(default_factory=list)
    headers_seen: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client closing its keep-alive is normal
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(routes: Mapping[str, Route]) -> Iterator[LocalSite]:
    server = _Server(("127.0.0.1", 0), _Handler)
    site = LocalSite(dict(routes), base=f"http://127.0.0.1:{server.server_address[1]}")
    server.site = site  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
