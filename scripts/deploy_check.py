"""``make deploy-check``: start Filmfolio the way an operator does and look at it from outside.

In a scratch folder (database, static files, media, secret key): build the static files with
the production settings, run ``check --deploy``, load the demo catalogue with a poster, start
gunicorn with the production settings on a free port behind a pretend TLS proxy (the requests
carry ``X-Forwarded-Proto: https``), fetch every kind of public page, a 404, the API docs and
a media file, and check status codes, security headers and the access log. Exits 1 with the
list of what failed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
SECRET_PATH = "/share/s/deploy-check-secret-token/"

# (path, expected status, expected content type prefix)
PAGES = [
    ("/", 200, "text/html"),
    ("/films/", 200, "text/html"),
    ("/films/out-of-focus/", 200, "text/html"),
    ("/people/shengze-zhu/", 200, "text/html"),
    ("/festivals/cinema-du-reel/", 200, "text/html"),
    ("/search/?q=focus", 200, "text/html"),
    ("/api/v1/films", 200, "application/json"),
    ("/api/v1/docs", 200, "text/html"),
    ("/api/v1/openapi.json", 200, "application/json"),
    ("/feeds/films.atom", 200, "application/atom+xml"),
    ("/sitemap.xml", 200, "application/xml"),
    ("/robots.txt", 200, "text/plain"),
    ("/favicon.ico", 200, "image/vnd.microsoft.icon"),
    ("/healthz", 200, "application/json"),
    ("/no-such-page/", 404, "text/html"),
    (SECRET_PATH, 404, "text/html"),
]
EVERY_RESPONSE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
}
HTML_RESPONSE = {"X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin"}

# Schema, demo catalogue, an administrator, a poster, the queue drained: one process, as each
# command would otherwise spend most of its time starting up.
SETUP = """
import io
from PIL import Image
from django.contrib.auth import get_user_model
from django.core.management import call_command
from filmfolio.films.models import Film
from filmfolio.media.services.images import ImageDetails, image_upload
call_command("migrate", interactive=False, verbosity=0)
call_command("demo", stdout=io.StringIO())
call_command("createadmin", email="admin@example.org", password_file="-", stdout=io.StringIO())
buffer = io.BytesIO()
Image.new("RGB", (640, 360), (179, 38, 30)).save(buffer, "JPEG")
image = image_upload(
    film=Film.objects.get(slug="out-of-focus"),
    actor=get_user_model().objects.get(email="admin@example.org"),
    data=buffer.getvalue(),
    details=ImageDetails(is_poster=True),
)
call_command("worker", batch=True, no_sweep=True)
print(f"/media/images/{image.public_id}/w320.webp")
"""


class Drill:
    """The scratch installation and what went wrong in it."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.failures: list[str] = []
        self.port = free_port()
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.prod"}
        for name in ("DATABASE_URL", "FILMFOLIO_TEST", "FILMFOLIO_SECRET_KEY"):
            self.env.pop(name, None)
        self.env.pop("FILMFOLIO_SITE_URL", None)
        self.env.update(
            FILMFOLIO_VAR_DIR=str(scratch),
            FILMFOLIO_ADDRESS=f"127.0.0.1:{self.port}",
            FILMFOLIO_HTTPS="1",
            FILMFOLIO_LOG_LEVEL="WARNING",
        )

    def filmfolio(self, *args: str, stdin: str | None = None) -> str:
        """Run a ``filmfolio`` command with the production settings; stop the drill on error."""
        started = time.monotonic()
        result = subprocess.run(
            [str(VENV_BIN / "filmfolio"), *args], cwd=ROOT, env=self.env, input=stdin,
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise SystemExit(f"deploy-check: `filmfolio {' '.join(args)}` failed:\n{result.stderr}")
        print(f"  filmfolio {args[0]}: {time.monotonic() - started:.1f} s", flush=True)
        return result.stdout

    def prepare(self) -> str:
        """Static files, deploy checks, then the data (``SETUP``); returns the poster's path."""
        self.filmfolio("collectstatic", "--no-input", "-v0")
        if not (self.scratch / "static" / "staticfiles.json").is_file():
            self.failures.append("collectstatic wrote no manifest")
        report = self.filmfolio("check", "--deploy", "--fail-level", "WARNING")
        if report.strip() != "System check identified no issues (1 silenced).":
            self.failures.append(f"check --deploy: {report.strip()}")
        mode = (self.scratch / "secret_key").stat().st_mode & 0o777
        if mode != 0o600:
            self.failures.append(f"var/secret_key has mode {mode:o}, not 600")
        output = self.filmfolio("shell", "-c", SETUP, stdin="deploy-check-Password-1\n")
        poster = output.strip().splitlines()[-1]
        return poster

    def fetch(self, path: str, *, https: bool = True) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}")
        if https:
            request.add_header("X-Forwarded-Proto", "https")
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def check_page(self, path: str, status: int, content_type: str) -> None:
        got, headers, body = self.fetch(path)
        if got != status:
            self.failures.append(f"{path}: status {got}, expected {status}")
            return
        if not headers.get("Content-Type", "").startswith(content_type):
            self.failures.append(f"{path}: Content-Type {headers.get('Content-Type')}")
        expected = {**EVERY_RESPONSE, **(HTML_RESPONSE if content_type == "text/html" else {})}
        if path.startswith("/share/"):
            expected["Referrer-Policy"] = "no-referrer"  # screener pages send no referrer at all
        for name, value in expected.items():
            if headers.get(name) != value:
                self.failures.append(f"{path}: {name} is {headers.get(name)!r}, not {value!r}")
        if path == "/no-such-page/":
            text = body.decode()
            if "Page not found" not in text or "URLconf" in text or "urlpatterns" in text:
                self.failures.append(f"{path}: not the site's own 404 page")

    def check_served(self, poster: str) -> None:
        for path, status, content_type in PAGES:
            self.check_page(path, status, content_type)
        self.check_page(poster, 200, "image/webp")
        _status, _headers, home = self.fetch("/")
        css = home.decode().split('href="/static/web/site.', 1)
        if len(css) != 2 or not css[1].split('"', 1)[0].endswith(".css"):
            self.failures.append("home page does not link the hashed stylesheet")
        else:
            self.check_page("/static/web/site." + css[1].split('"', 1)[0], 200, "text/css")
        status, headers, _body = self.fetch("/films/", https=False)
        if status != 301 or headers.get("Location") != f"https://127.0.0.1:{self.port}/films/":
            self.failures.append(f"plain HTTP is not sent to HTTPS: {status} {headers}")

    def serve(self, poster: str) -> None:
        log_path = self.scratch / "gunicorn.log"
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "config.wsgi:application", "-c", "config/gunicorn.py",
                 "--bind", f"127.0.0.1:{self.port}", "--workers", "2"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            try:
                self.wait_until_up(server)
                self.check_served(poster)
            finally:
                server.terminate()
                server.wait(timeout=30)
        access_log = log_path.read_text()
        if "deploy-check-secret-token" in access_log:
            self.failures.append("the access log holds a screener token")
        if "GET /share/s/[redacted]/" not in access_log:
            self.failures.append("the access log has no redacted screener request")

    def wait_until_up(self, server: subprocess.Popen) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit("deploy-check: gunicorn stopped at start-up (see its log)")
            try:
                if self.fetch("/healthz")[0] in (200, 503):
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit("deploy-check: gunicorn did not answer within 60 seconds")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> int:
    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="filmfolio-deploy-check-"))
    try:
        drill = Drill(scratch)
        poster = drill.prepare()
        drill.serve(poster)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    seconds = time.monotonic() - started
    if drill.failures:
        print("deploy-check FAILED:", *(f"  - {failure}" for failure in drill.failures), sep="\n")
        return 1
    print(f"deploy-check passed: {len(PAGES) + 2} addresses served as expected ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
