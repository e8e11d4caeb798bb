"""Where a webhook may send: public addresses only, checked when it subscribes and again for every send.

A webhook URL is a request this server makes on a stranger's behalf. Left open, it
reaches loopback services, the cloud metadata address (169.254.169.254) and the
intranet, in any spelling (``0x7f000001``, ``127.1``, ``[::ffff:127.0.0.1]``).
So the host is resolved, every address it resolves to must be global, and the
send connects to the address that was checked (pinned), so a DNS answer that
changes between the check and the connection cannot redirect it. URLs with
credentials (``user:pass@``) are refused. ``WEBHOOKS_ALLOW_PRIVATE`` lifts the
address check for tests and intranets.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit


class TargetRefused(ValueError):
    """Not a URL this server will send to; the message says why, without probing the target."""


@dataclass(frozen=True, slots=True)
class Target:
    scheme: str
    host: str  # as written: the Host header and the TLS server name
    port: int
    path: str  # path and query
    address: str  # the checked address to connect to


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _split(url: str):
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced IPv6 bracket ('http://[')
        raise TargetRefused("the URL is not well formed") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetRefused("the URL must be http:// or https:// with a host")
    if parts.username is not None or parts.password is not None:
        raise TargetRefused("the URL may not hold credentials (user:password@)")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise TargetRefused("the URL's port is not a number from 0 to 65535") from None
    return parts, port


def resolve(url: str, *, allow_private: bool = False) -> Target:
    """The target of ``url``, with a checked address to connect to, or ``TargetRefused``."""
    parts, port = _split(url)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise TargetRefused("the URL's host does not resolve") from None
    addresses = [info[4][0] for info in infos]
    if not allow_private and not all(_is_public(a) for a in addresses):
        raise TargetRefused("the URL's host is not a public address (private, loopback, link-local or reserved)")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, parts.hostname, port, path, addresses[0])


def check(url: str, *, allow_private: bool = False) -> None:
    """At subscribe time: ``TargetRefused`` unless ``url`` may be sent to (with private targets allowed,
    the host is not looked up: there is no address it could be refused for)."""
    if allow_private:
        _split(url)
    else:
        resolve(url)
