"""The host names an installation answers to when ``FILMFOLIO_ALLOWED_HOSTS`` does not list
them all: the names of the address the server binds (``FILMFOLIO_ADDRESS``) and the host of
``FILMFOLIO_SITE_URL``. Any other ``Host`` header gets a 400, so a forged one never ends up in
a link."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

LOOPBACK = ["127.0.0.1", "localhost", "[::1]"]
ALL_INTERFACES = {"", "0.0.0.0", "::", "[::]"}


def machine_names() -> list[str]:
    """This machine's host name, its full name and the addresses they resolve to."""
    names = {socket.gethostname(), socket.getfqdn()}
    for name in list(names):
        try:
            infos = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
        except OSError:
            continue
        for *_ignored, sockaddr in infos:
            address = str(sockaddr[0])
            names.add(f"[{address}]" if ":" in address else address)
    return sorted(name for name in names if name)


def bound_hosts(address: str) -> list[str]:
    """Names the server is reachable by at ``address`` ("host:port", "[::1]:8000",
    "0.0.0.0:8000", "unix:/run/filmfolio.sock")."""
    if address.startswith("unix:"):
        return []
    host = address.rsplit(":", 1)[0] if address.count(":") == 1 or "]" in address else address
    if host in ALL_INTERFACES:
        return LOOPBACK + machine_names()
    if host in {"127.0.0.1", "localhost", "[::1]"}:
        return LOOPBACK
    return [host]


def allowed_hosts(address: str, site_url: str, extra: list[str]) -> list[str]:
    """``extra`` (from the environment), the bound names and the site address's host."""
    hosts = list(extra) + bound_hosts(address)
    site_host = urlsplit(site_url).hostname if site_url else None
    if site_host:
        hosts.append(f"[{site_host}]" if ":" in site_host else site_host)
    return list(dict.fromkeys(hosts))
