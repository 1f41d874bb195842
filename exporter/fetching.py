"""The one guarded HTTP fetcher: everything the exporter asks of the network goes here.

Used for a page whose URL the user typed (``exporter URL``) and for the
pictures that page references. The policy, for every hop (the first request
and each redirect):

- ``http`` and ``https`` only;
- the host is resolved here, every address it resolves to must be public
  (`ipaddress` ``is_global`` and not multicast), and the connection goes to
  the address that was checked, so a DNS answer that changes between the
  check and the connect (DNS rebinding) cannot reach a private address;
- a host in ``trusted_hosts`` (the host the user typed: an intranet page is a
  legitimate thing to ask for) may be private; ``allow_private=True`` lifts
  the check for every host and exists for tests of the API only (the CLI
  never sets it);
- bytes are capped while reading, not after; connect and read time out, and
  so does the whole fetch.

urllib3 is the client (already installed through trafilatura, maintained, and
it lets us connect to an address while verifying TLS for the host name).
"""

from __future__ import annotations

import http
import ipaddress
import logging
import socket
import threading
import time
from email.message import Message
from urllib.parse import urljoin, urlsplit

import urllib3

from ._dataclass_store import dataclass
from .errors import ExporterError

log = logging.getLogger(__name__)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = 20_000_000
    timeout: float = 20.0  # seconds: connect, each read, and the whole fetch
    max_redirects: int = 5
    max_connections: int = 4  # fetches running at once through one fetcher


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    media_type: str | None  # "text/html", lower case, without parameters
    charset: str | None  # from the Content-Type header, when it names one
    body: bytes


class FetchError(ExporterError):
    """A fetch that was refused or failed; the message is one line ("404 Not Found")."""


def address_refusal(address: str) -> str | None:
    """Why the policy refuses to connect to ``address``, or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 scope id is not part of the address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if ip.is_multicast:
        return f"{ip} is a multicast address"  # 224.0.0.0/4 counts as global in ipaddress
    if ip.is_global:
        return None
    if ip.is_loopback:
        return f"{ip} is a loopback address"
    if ip.is_link_local:
        return f"{ip} is a link-local address"
    return f"{ip} is a private address"


def _default_user_agent() -> str:
    from . import __version__  # late: the package imports modules that import this one

    return f"ArticleExporter/{__version__} (+offline e-book maker)"


class GuardedFetcher:
    """Fetches one URL at a time per call, each hop checked against the policy above."""

    def __init__(self, limits: FetchLimits = FetchLimits(), *, trusted_hosts: frozenset[str] = frozenset(),
                 allow_private: bool = False, user_agent: str | None = None) -> None:
        self.limits = limits
        self.trusted_hosts = frozenset(_normal_host(host) for host in trusted_hosts)
        self.allow_private = allow_private
        self.user_agent = user_agent or _default_user_agent()
        self.requests: list[str] = []  # every URL asked for, redirect hops included, in order
        self._slots = threading.BoundedSemaphore(max(1, limits.max_connections))

    def fetch(self, url: str, *, accept: str | None = None) -> Fetched:
        """The body of ``url`` after at most ``max_redirects`` redirects; `FetchError` otherwise."""
        deadline = time.monotonic() + self.limits.timeout
        with self._slots:
            for _hop in range(self.limits.max_redirects + 1):
                pool, response = self._request(url, accept, deadline)
                try:
                    location = response.headers.get("Location")
                    if response.status in _REDIRECTS and location:
                        url = urljoin(url, location.strip())
                        continue
                    if response.status >= 400:
                        raise FetchError(_status_line(response))
                    body = self._read_capped(response, deadline)
                finally:
                    response.release_conn()
                    pool.close()
                media_type, charset = _content_type(response.headers.get("Content-Type"))
                return Fetched(url=url, status=response.status, media_type=media_type, charset=charset, body=body)
        raise FetchError(f"too many redirects (more than {self.limits.max_redirects})")

    # ------------------------------------------------------------------ one hop

    def _request(self, url: str, accept: str | None,
                 deadline: float) -> tuple[urllib3.HTTPConnectionPool, urllib3.BaseHTTPResponse]:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"refused: {scheme or 'a relative'} URL (only http and https are fetched)")
        host = parts.hostname
        if not host:
            raise FetchError(f"not a URL with a host: {url}")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise FetchError(f"bad port in {url}") from None
        addresses = self._checked_addresses(host, port)
        self.requests.append(url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        headers = {"Host": parts.netloc.rpartition("@")[2], "User-Agent": self.user_agent,
                   "Accept": accept or "*/*", "Accept-Encoding": "gzip, deflate"}
        last_error: Exception | None = None
        for address in addresses:  # every one was checked; try them in the resolver's order
            pool = self._pool(scheme, host, address, port, deadline)
            try:
                return pool, pool.urlopen("GET", target, headers=headers, redirect=False, retries=False,
                                          preload_content=False, assert_same_host=False)
            except urllib3.exceptions.NewConnectionError as err:  # before TimeoutError: it subclasses it
                pool.close()
                last_error = err
                continue
            except urllib3.exceptions.TimeoutError:
                pool.close()
                raise FetchError(f"timed out after {self.limits.timeout:g} s") from None
            except urllib3.exceptions.SSLError as err:
                pool.close()
                raise FetchError(f"TLS failed for {host}: {_first_line(err)}") from None
            except urllib3.exceptions.HTTPError as err:
                pool.close()
                last_error = err
        raise FetchError(f"could not connect to {host}: {_first_line(last_error)}")

    def _checked_addresses(self, host: str, port: int) -> list[str]:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            raise FetchError(f"DNS lookup failed for {host}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise FetchError(f"DNS lookup failed for {host}")
        if self.allow_private or _normal_host(host) in self.trusted_hosts:
            return addresses
        for address in addresses:  # all of them: the connection may go to any
            reason = address_refusal(address)
            if reason is not None:
                log.debug("refused to fetch from %s: %s", host, reason)  # the FetchError says it once
                raise FetchError(f"refused: {reason}" + ("" if address == host else f" ({host})"))
        return addresses

    def _pool(self, scheme: str, host: str, address: str, port: int, deadline: float) -> urllib3.HTTPConnectionPool:
        remaining = max(0.1, deadline - time.monotonic())
        timeout = urllib3.Timeout(connect=min(self.limits.timeout, remaining), read=min(self.limits.timeout, remaining))
        if scheme == "https":
            import certifi  # installed with urllib3's usual companions; the system store may be absent

            return urllib3.HTTPSConnectionPool(address, port, timeout=timeout, maxsize=1, retries=False,
                                               cert_reqs="CERT_REQUIRED", ca_certs=certifi.where(),
                                               server_hostname=host, assert_hostname=host)
        return urllib3.HTTPConnectionPool(address, port, timeout=timeout, maxsize=1, retries=False)

    def _read_capped(self, response: urllib3.BaseHTTPResponse, deadline: float) -> bytes:
        cap = self.limits.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(f"larger than the fetch limit of {cap:,} bytes ({int(declared):,} declared)")
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = response.read(_CHUNK)  # decoded bytes: a gzip bomb is capped too
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    raise FetchError(f"larger than the fetch limit of {cap:,} bytes")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {self.limits.timeout:g} s")
                chunks.append(chunk)
        except urllib3.exceptions.TimeoutError:
            raise FetchError(f"timed out after {self.limits.timeout:g} s") from None
        except urllib3.exceptions.HTTPError as err:
            raise FetchError(f"the connection failed while reading: {_first_line(err)}") from None
        return b"".join(chunks)


def _normal_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def _status_line(response: urllib3.BaseHTTPResponse) -> str:
    try:
        phrase = http.HTTPStatus(response.status).phrase
    except ValueError:
        phrase = (response.reason or "").strip() or "HTTP error"
    return f"{response.status} {phrase}"


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    message = Message()
    message["Content-Type"] = header
    charset = message.get_content_charset()
    return message.get_content_type(), charset


def _first_line(error: BaseException | None) -> str:
    text = str(error or "no address answered").strip()
    return text.splitlines()[0][:200] if text else type(error).__name__
