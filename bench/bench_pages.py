"""Requests per second of the public pages against a bare one-query Django view.

Generates a synthetic catalogue (``filmfolio generate-catalogue``) into its own SQLite file
(kept in var/ and reused on the next run), starts gunicorn (2 workers, prod-like settings with
DEBUG off, a port in 8100-8199) with the benchmark URLconf in bench/pages_urls.py, then loads
the film page (for a plain visitor and for a signed-in viewer), the person page, the festival
page, the catalogue page with a filter and the bare view in turn, each for the same time and
concurrency, with ``wrk`` when installed, else a Python load loop. Prints a table with each
page's rate as a share of the bare view's and checks the targets of each page;
``--write`` also writes docs/benchmarks-pages.md.

Usage:
    .venv/bin/python bench/bench_pages.py [--films 10000] [--seed 1] [--seconds 4] [--rounds 5]
                                          [--write]
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
DOC = ROOT / "docs" / "benchmarks-pages.md"
BARE = "bare view (1 query)"
FILM = "film page"
FILM_SIGNED_IN = "film page, signed in"
PERSON = "person page"
FESTIVAL = "festival page"
CATALOGUE = "catalogue page with a filter"
# The share of the bare view's rate each page must reach (issue #15, item 6).
TARGETS = {FILM: 0.9, FILM_SIGNED_IN: 0.5, PERSON: 0.5, FESTIVAL: 0.5, CATALOGUE: 0.5}
# The pages as a signed-in viewer gets them: rendered for each request (with the session's
# cookie; the user is made by ``signed_in_cookie``).
SIGNED_IN = {FILM_SIGNED_IN, "person page, signed in", "catalogue page, signed in"}


def environment(db_file: Path, var_dir: Path, settings: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{db_file}",
        FILMFOLIO_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE=settings,
        FILMFOLIO_SECRET_KEY="bench-only-secret-key-not-for-production-use-0123456789",
        FILMFOLIO_SSL_REDIRECT="0",
        FILMFOLIO_DEBUG="0",
        PYTHONPATH=str(ROOT),
    )
    return env


def filmfolio(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(VENV_BIN / "filmfolio"), *args], env=env, check=True, cwd=ROOT)


def prepare_database(films: int, seed: int, var_dir: Path) -> Path:
    """The catalogue's SQLite file, generated once per (films, seed)."""
    db_file = ROOT / "var" / f"bench-pages-{films}-{seed}.sqlite3"
    db_file.parent.mkdir(exist_ok=True)
    env = environment(db_file, var_dir, "config.settings.dev")
    if not db_file.exists():
        partial = db_file.with_suffix(".partial")
        for stale in db_file.parent.glob(partial.name + "*"):
            stale.unlink()
        env["DATABASE_URL"] = f"sqlite:///{partial}"
        print(f"Generating {films} films (seed {seed}) into {db_file} ...", flush=True)
        filmfolio(env, "migrate", "--no-input", "-v0")
        filmfolio(env, "generate-catalogue", "--films", str(films), "--seed", str(seed))
        sqlite3.connect(partial).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
        partial.rename(db_file)
    return db_file


def pick_urls(db_file: Path) -> dict[str, str]:
    """The busiest public film, person and festival, a middle catalogue page, and the bare
    view."""
    db = sqlite3.connect(db_file)
    film = db.execute(
        "SELECT f.slug FROM films_film f JOIN films_credit c ON c.film_id = f.id "
        "WHERE f.visibility = 'public' GROUP BY f.id "
        "ORDER BY COUNT(*) DESC, f.id LIMIT 1"
    ).fetchone()[0]
    person = db.execute(
        "SELECT p.slug FROM people_person p JOIN films_credit c ON c.person_id = p.id "
        "GROUP BY p.id ORDER BY COUNT(*) DESC, p.id LIMIT 1"
    ).fetchone()[0]
    festival = db.execute(
        "SELECT f.slug FROM festivals_festival f JOIN festivals_edition e ON e.festival_id = f.id "
        "JOIN festivals_entry n ON n.edition_id = e.id JOIN films_film m ON m.id = n.film_id "
        "WHERE m.visibility = 'public' GROUP BY f.id ORDER BY COUNT(*) DESC, f.id LIMIT 1"
    ).fetchone()[0]
    db.close()
    catalogue = "/films/?film_kind=documentary&decade=2010&sort=title"
    return {
        # A plain visitor (signed out, no grant): the whole page from the cache.
        FILM: f"/films/{film}/",
        # A signed-in viewer: the cached shell with the request's parts rendered into it.
        FILM_SIGNED_IN: f"/films/{film}/",
        PERSON: f"/people/{person}/",
        "person page, signed in": f"/people/{person}/",
        FESTIVAL: f"/festivals/{festival}/",
        CATALOGUE: catalogue,
        "catalogue page, signed in": catalogue,
        BARE: "/bench/bare/",
    }


def signed_in_cookie(env: dict[str, str]) -> str:
    """The Cookie header of a browser signed in as a user of no film (the user made once): its
    session and, as a browser keeps it, its CSRF cookie."""
    code = (
        "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, "
        "HASH_SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "user, _ = get_user_model().objects.get_or_create(username='bench-viewer')\n"
        "s = SessionStore()\n"
        "s[SESSION_KEY] = str(user.pk)\n"
        "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "s[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "s.create()\n"
        "from django.utils.crypto import get_random_string\n"
        "print(s.session_key, get_random_string(32))\n"
    )
    out = subprocess.run(
        [str(VENV_BIN / "filmfolio"), "shell", "-c", code],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    session, csrf = out.strip().splitlines()[-1].split()
    return f"sessionid={session}; csrftoken={csrf}"


def free_port() -> int:
    for port in range(8100, 8200):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit("No free port in 8100-8199.")


def wait_until_up(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status = get(port, "/bench/bare/")
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return
        raise SystemExit(f"The bare view answered {status}.")
    raise SystemExit("gunicorn did not start.")


def get(port: int, path: str, cookie: str = "") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": "127.0.0.1", **({"Cookie": cookie} if cookie else {})}
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def load_wrk(port: int, path: str, seconds: int, connections: int, cookie: str = "") -> int:
    """Requests served in ``seconds`` by wrk."""
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            *headers,
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{path} answered errors:\n{out}")
    return int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]


def load_python(port: int, path: str, seconds: int, connections: int, cookie: str = "") -> int:
    """Requests served in ``seconds`` by ``connections`` threads of http.client."""
    done = [0] * connections
    stop = time.monotonic() + seconds

    def worker(i: int) -> None:
        while time.monotonic() < stop:
            if get(port, path, cookie) != 200:
                raise SystemExit(f"{path} answered an error.")
            done[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done)


def workers_cpu_seconds(master: int) -> float:
    """CPU time (user + system) used so far by the gunicorn workers of ``master``."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:  # fields[1] is the parent pid
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


@dataclass
class Result:
    rate: float  # requests per second
    cpu_ms: float  # worker CPU milliseconds per request
    # shares of the bare view's rate and CPU cost, measured in the same round (medians)
    share: float = 1.0
    cpu_share: float = 1.0


def measure(
    server: int, port: int, urls: dict[str, str], args: argparse.Namespace
) -> dict[str, Result]:
    """Medians over ``rounds`` interleaved rounds, so that load from elsewhere on the machine
    weighs on every address alike. The CPU cost per request hardly depends on that load."""
    load = load_wrk if shutil.which("wrk") else load_python
    cookies = {name: args.cookie if name in SIGNED_IN else "" for name in urls}
    for name, path in urls.items():
        for _ in range(20):
            if get(port, path, cookies[name]) != 200:
                raise SystemExit(f"{path} does not answer 200.")
    samples: dict[str, list[Result]] = {name: [] for name in urls}
    for _ in range(args.rounds):
        for name, path in urls.items():
            cpu, started = workers_cpu_seconds(server), time.monotonic()
            count = load(port, path, args.seconds, args.connections, cookies[name])
            elapsed, cpu = time.monotonic() - started, workers_cpu_seconds(server) - cpu
            samples[name].append(Result(count / elapsed, 1000 * cpu / max(count, 1)))
    for name, values in samples.items():
        print(
            f"{name}: " + ", ".join(f"{v.rate:.0f}/s {v.cpu_ms:.2f}ms" for v in values),
            file=sys.stderr,
        )
    bare = samples[BARE]
    return {
        name: Result(
            statistics.median(v.rate for v in values),
            statistics.median(v.cpu_ms for v in values),
            statistics.median(v.rate / b.rate for v, b in zip(values, bare, strict=True)),
            statistics.median(b.cpu_ms / v.cpu_ms for v, b in zip(values, bare, strict=True)),
        )
        for name, values in samples.items()
    }


def report(results: dict[str, Result], urls: dict[str, str], args: argparse.Namespace) -> str:
    tool = "wrk" if shutil.which("wrk") else "Python load loop"
    lines = [
        f"Catalogue: {args.films} films (seed {args.seed}), SQLite; gunicorn 2 sync workers, "
        f"prod settings (DEBUG off); {tool}, {args.connections} connections; medians of "
        f"{args.rounds} interleaved rounds of {args.seconds} s per address; "
        f"machine: {os.cpu_count()} cores, {platform.machine()}, load average before the run "
        f"{args.load_before:.1f}.",
        "",
        "Rows marked “signed in” carry the session cookie of a signed-in user of no film; the "
        "others are requests of a plain visitor (no cookie). Shares are the medians of each "
        "round's share (the page against the bare view measured in the same round, seconds "
        "apart), so load that changes between rounds cancels out.",
        "",
        "| page | address | requests/s | share of bare view | worker CPU ms/request "
        "| share by CPU cost |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | `{urls[name]}` | {r.rate:.0f} | {r.share:.2f} "
            f"| {r.cpu_ms:.2f} | {r.cpu_share:.2f} |"
        )
    lines += [
        "",
        "Targets, as shares of the bare view, by measured rate and by CPU cost per request (the "
        "rate both would have on the same CPU):",
        "",
    ]
    for name, target in TARGETS.items():
        if name not in results:
            continue
        page = results[name]
        by_rate = "met" if page.share >= target else "NOT met"
        by_cpu = "met" if page.cpu_share >= target else "NOT met"
        lines.append(f"- {name} >= {target:.0%}: {by_rate} by rate, {by_cpu} by CPU cost.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=int, default=4, help="per address and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks-pages.md")
    parser.add_argument("--only", default="", help="only the pages whose name holds this text")
    args = parser.parse_args()
    args.load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        var_dir = Path(tmp)
        db_file = prepare_database(args.films, args.seed, var_dir)
        urls = pick_urls(db_file)
        if args.only:
            urls = {k: v for k, v in urls.items() if k == BARE or args.only in k}
        env = environment(db_file, var_dir, "bench.pages_settings")
        filmfolio(env, "collectstatic", "--no-input", "-v0")
        port = free_port()
        server = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            wait_until_up(port)
            args.cookie = signed_in_cookie(env)
            results = measure(server.pid, port, urls, args)
        finally:
            server.terminate()
            server.wait(timeout=15)
    text = report(results, urls, args)
    print(text)
    if args.write:
        write_doc(text)


def write_doc(text: str) -> None:
    header = DOC.read_text().split("<!-- results -->")[0] if DOC.exists() else ""
    DOC.write_text(f"{header}<!-- results -->\n{text}\n")
    print(f"Wrote {DOC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
