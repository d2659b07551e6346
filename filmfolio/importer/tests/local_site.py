"""A real HTTP server on 127.0.0.1 serving pages a test writes (http.server in a thread)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """What the server answers at one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay_seconds: float = 0.0


class LocalSite:
    """The pages by path; ``url(path)`` is their address; ``requests`` the paths asked for."""

    def __init__(self) -> None:
        self.pages: dict[str, Answer] = {}
        self.requests: list[str] = []
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, **kwargs: object) -> str:
        self.pages[path] = Answer(body=html.encode(), **kwargs)  # type: ignore[arg-type]
        return self.url(path)


@contextmanager
def local_site() -> Iterator[LocalSite]:
    site = LocalSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append(self.path)
            answer = site.pages.get(self.path, Answer(b"not here", 404))
            time.sleep(answer.delay_seconds)
            try:
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the slow-site test): nothing to answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
