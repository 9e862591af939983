"""What keeps other sites out of the sandbox page: they may neither act as a persona nor read it.

A page elsewhere can post to the sandbox (refused by its Origin) or, by DNS rebinding, point a
name of its own at 127.0.0.1 and read the chats as same-origin (refused by the Host header: the
page answers only to `localhost` and IP addresses, which no rebinding can take). Uploaded files
are served as downloads that never run: nosniff, a sandboxing CSP, and documents as attachments.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# The page's own script, style and images only; nothing may frame it.
PAGE_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# A file opened on its own is an inert document in a sandbox of its own.
FILE_POLICY = "default-src 'none'; sandbox"


def served_host(host: str) -> bool:
    """Whether a Host header names this machine: localhost, or an IP address (any port)."""
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.removeprefix("[").split("]", 1)[0].lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse other hosts' names and other sites' posts; mark every answer nosniff."""
    if not served_host(request.host):
        raise web.HTTPMisdirectedRequest(text="this sandbox answers only to localhost or its IP")
    origin = request.headers.get("Origin")
    if request.method == "POST" and origin and origin.split("://", 1)[-1] != request.host:
        raise web.HTTPForbidden(text="cross-origin request refused")
    response = await handler(request)
    if not response.prepared:  # the event stream has sent its headers already
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
    return response
