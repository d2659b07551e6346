"""Fetch a film page from an address the user gives, with a guard against internal addresses.

`fetch_page(url)` returns the page's bytes and the address it ended at, or raises
`FetchRefusedError` with a message for the user. The guard (server-side request forgery):

* only ``http`` and ``https`` addresses, no user name or password in them;
* the host name is resolved once, and every address it resolves to must be public
  (`ipaddress` ``is_global``: no loopback, private, link-local such as 169.254.169.254, shared,
  reserved, multicast; an IPv4 address inside IPv6 is checked as IPv4); the connection is then
  made to the checked address itself (the name is sent as ``Host`` and for TLS), so a name that
  resolves differently a second time cannot lead the request elsewhere;
* redirects are followed by hand, at most `MAX_REDIRECTS`, each new address checked the same way;
* at most `MAX_BYTES` are read, within `TIMEOUT_SECONDS` for the whole fetch, and only pages
  of the content types in `CONTENT_TYPES` are read.

The setting ``IMPORTER_FETCH_ALLOWED_NETWORKS`` (a list of networks, empty unless set) lets
tests reach a local test server on 127.0.0.1; nothing else in the project sets it.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 10.0
CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "Filmfolio page importer (+https://filmfolio.example/import)"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchRefusedError(Exception):
    """The address may not be fetched, or its answer is not a page we read; ``str`` says why
    in the user's language."""


@dataclass(frozen=True)
class FetchedPage:
    """The bytes of a fetched page, where it was found and what it said it was."""

    url: str
    body: bytes
    content_type: str


def fetch_page(url: str) -> FetchedPage:
    """GET ``url`` (following checked redirects) and return the page; raises
    `FetchRefusedError` for addresses that are not public and for answers we do not read."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    current = url.strip()
    # No proxy from the environment: the connection must go to the address the guard checked.
    client = httpx.Client(
        timeout=httpx.Timeout(TIMEOUT_SECONDS), follow_redirects=False, trust_env=False
    )
    with client:
        for _hop in range(MAX_REDIRECTS + 1):
            target = checked_target(current)
            response_or_next = _get(client, target, deadline)
            if isinstance(response_or_next, FetchedPage):
                return response_or_next
            current = response_or_next
    raise FetchRefusedError(_("The address redirects too many times."))


@dataclass(frozen=True)
class Target:
    """A checked address: the URL as typed, and the public IP address to connect to."""

    url: str
    host: str
    address: IPAddress


def checked_target(url: str) -> Target:
    """The address to connect to for ``url``; raises `FetchRefusedError` unless the scheme is
    http(s) and every address the host resolves to is public (or allowed by the setting)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefusedError(_("Give a web address starting with http:// or https://."))
    if parts.username or parts.password:
        raise FetchRefusedError(_("Give the address without a user name or password."))
    addresses = _resolve(parts.hostname, _port(parts))
    if not addresses or not all(_allowed(a) for a in addresses):
        raise FetchRefusedError(
            _("This address is not on the public internet, so we do not fetch it.")
        )
    return Target(url=url, host=parts.hostname, address=addresses[0])


def _port(parts: SplitResult) -> int:
    try:
        return parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchRefusedError(_("This web address is not valid.")) from error


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchRefusedError(_("We could not find this address.")) from error
    # An IPv6 answer may carry a zone ("fe80::1%eth0"): the part before it is the address.
    return list(
        dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos)
    )


def _allowed(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    allowed = getattr(settings, "IMPORTER_FETCH_ALLOWED_NETWORKS", ())
    if any(address in ipaddress.ip_network(network) for network in allowed):
        return True
    return address.is_global and not address.is_multicast


def _get(client: httpx.Client, target: Target, deadline: float) -> FetchedPage | str:
    """The page at ``target``, or the next address when it redirects."""
    parts = urlsplit(target.url)
    host = f"[{target.address}]" if target.address.version == 6 else str(target.address)
    netloc = f"{host}:{parts.port}" if parts.port else host
    direct = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    headers = {"Host": parts.netloc, "User-Agent": USER_AGENT, "Accept": ", ".join(CONTENT_TYPES)}
    try:
        with client.stream(
            "GET", direct, headers=headers, extensions={"sni_hostname": target.host}
        ) as response:
            if response.is_redirect:
                return _redirect(target.url, response)
            if response.status_code != 200:
                raise FetchRefusedError(
                    _("The site answered with error %(status)s.") % {"status": response.status_code}
                )
            content_type = _content_type(response)
            return FetchedPage(target.url, _read(response, deadline), content_type)
    except httpx.TimeoutException as error:
        raise FetchRefusedError(_("The site took too long to answer.")) from error
    except httpx.HTTPError as error:
        raise FetchRefusedError(_("We could not reach this address.")) from error


def _redirect(url: str, response: httpx.Response) -> str:
    location = response.headers.get("location", "")
    if not location:
        raise FetchRefusedError(_("The site redirects without saying where."))
    return urljoin(url, location)


def _content_type(response: httpx.Response) -> str:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in CONTENT_TYPES:
        raise FetchRefusedError(
            _("This address is not a web page (it is “%(type)s”).") % {"type": content_type or "?"}
        )
    return content_type


def _read(response: httpx.Response, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise FetchRefusedError(_("The page is larger than 2 MB."))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchRefusedError(_("The page is larger than 2 MB."))
        if time.monotonic() > deadline:
            raise FetchRefusedError(_("The site took too long to answer."))
        chunks.append(chunk)
    return b"".join(chunks)


def host_of(url: str) -> str:
    """The host name of ``url`` (for messages); empty when there is none."""
    return urlsplit(url).hostname or ""
