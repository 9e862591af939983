"""HTTP for the chat page: the page itself, the chats as JSON, a persona's actions, live events."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.helpers import content_disposition_header

from bot.runtime.texts import Texts
from bot.sandbox.personas import PERSONAS, persona
from bot.sandbox.simulation import Simulation
from bot.sandbox.telegram import FakeUser
from bot.sandbox.web.guards import FILE_POLICY, guard

STATIC = Path(__file__).parent / "static"
KEEPALIVE_SECONDS = 15.0
MAX_UPLOAD = 20 * 1024 * 1024  # what a bot may download from Telegram
OPUS_BYTES_PER_SECOND = 2000
PAGE_TEXTS = (
    "title", "notice", "persona", "reset", "reset-confirm", "resetting", "bot-name",
    "bot-status", "message-placeholder", "send", "menu", "keyboard", "ok", "attach", "attach-photo",
    "attach-document", "attach-voice", "attach-location", "caption", "location-title",
    "location-hint", "latitude", "longitude", "location-send", "cancel", "violations",
    "violations-none", "edited", "contact", "location", "download", "offline", "send-failed",
    "start", "tour-title", "tour-step-1", "tour-step-2", "tour-step-3", "tour-close",
)  # fmt: skip
SIMULATION = web.AppKey("simulation", Simulation)
TEXTS = web.AppKey[dict[str, str]]("texts")


def create_app(simulation: Simulation, texts: Texts, locale: str) -> web.Application:
    app = web.Application(client_max_size=MAX_UPLOAD, middlewares=[guard])
    app[SIMULATION] = simulation
    keys = [*PAGE_TEXTS, *(f"persona-{p.key}" for p in PERSONAS)]
    app[TEXTS] = {key: str(texts.get(locale, f"sandbox-{key}")) for key in keys}
    app.router.add_get("/", _page)
    app.router.add_static("/static", STATIC)
    app.router.add_get("/api/state", _state)
    app.router.add_get("/api/events", _events)
    app.router.add_get("/api/files/{file_id}", _file)
    app.router.add_post("/api/reset", _reset)
    app.router.add_get("/api/chats/{persona}", _chat)
    app.router.add_post("/api/chats/{persona}/text", _text)
    app.router.add_post("/api/chats/{persona}/contact", _contact)
    app.router.add_post("/api/chats/{persona}/location", _location)
    app.router.add_post("/api/chats/{persona}/callback", _callback)
    app.router.add_post("/api/chats/{persona}/upload", _upload)
    return app


def _simulation(request: web.Request) -> Simulation:
    simulation = request.app[SIMULATION]
    if not simulation.ready:
        raise web.HTTPServiceUnavailable(text="the sandbox is starting")
    return simulation


def _user(request: web.Request) -> FakeUser:
    simulation = _simulation(request)
    user = simulation.users.get(int(request.match_info["persona"]))
    if user is None:
        raise web.HTTPNotFound(text="no such persona")
    return user


async def _json(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="a JSON object is expected")
    return body


async def _page(request: web.Request) -> web.FileResponse:
    """Serve the chat page; its script and style come from /static."""
    return web.FileResponse(STATIC / "index.html")


async def _state(request: web.Request) -> web.Response:
    """Give the page its texts, personas, the bot's command menu and the violations so far."""
    simulation = _simulation(request)
    telegram = simulation.telegram
    locale = simulation.base.default_locale
    commands = telegram.account.commands.get((json.dumps({"type": "default"}), locale)) or []
    return web.json_response({
        "texts": request.app[TEXTS],
        "locale": locale,
        "bot": telegram.bot_user,
        "commands": commands,
        "personas": [
            {"id": p.telegram_id, "key": p.key, "name": p.first_name} for p in PERSONAS
        ],
        "violations": simulation.feed.violations,
    })  # fmt: skip


async def _chat(request: web.Request) -> web.Response:
    """Give one persona's chat as it is now, with its reply keyboard and command menu."""
    user, simulation = _user(request), _simulation(request)
    menu = simulation.telegram.account.menu_for(user.user_id, simulation.base.default_locale)
    return web.json_response({**simulation.feed.snapshot(user.user_id), "commands": menu})


async def _text(request: web.Request) -> web.Response:
    """Send a typed message, or the text of a reply-keyboard button (`keyboard`: true)."""
    user, body = _user(request), await _json(request)
    text = str(body.get("text") or "").strip()
    if not text:
        raise web.HTTPBadRequest(text="empty message")
    if body.get("keyboard"):
        _one_time_done(request, user)
    user.send_text(text[:4096], _replied(user, body.get("reply_to")))
    return _sent(request, user)


def _replied(user: FakeUser, message_id: object) -> dict[str, Any] | None:
    """The message of this chat that a message replies to (Telegram's Reply), if any."""
    if not message_id or not str(message_id).isdigit():
        return None
    return user.server.state.find(user.user_id, int(str(message_id)))


async def _contact(request: web.Request) -> web.Response:
    """The "share my number" button: the persona's own, Telegram-verified contact."""
    user = _user(request)
    player = persona(user.user_id)
    assert player is not None, "every user of the simulation is a persona"
    _one_time_done(request, user)
    user.send_contact(player.phone)
    return _sent(request, user)


async def _location(request: web.Request) -> web.Response:
    """The "send location" button or the attachment menu: a point picked or typed."""
    user, body = _user(request), await _json(request)
    try:
        latitude, longitude = float(body["latitude"]), float(body["longitude"])
    except (KeyError, TypeError, ValueError):
        raise web.HTTPBadRequest(text="latitude and longitude are numbers") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise web.HTTPBadRequest(text="coordinates out of range")
    _one_time_done(request, user)
    user.send_location(latitude, longitude)
    return _sent(request, user)


async def _callback(request: web.Request) -> web.Response:
    """Tap an inline button: its callback_data, on the message as it is now."""
    user, body = _user(request), await _json(request)
    message = user.server.state.find(user.user_id, int(body.get("message_id") or 0))
    if message is None:
        raise web.HTTPNotFound(text="the message is gone")
    user.click_data(message, str(body.get("data") or ""))
    return web.json_response({"ok": True})


async def _upload(request: web.Request) -> web.Response:
    """A photo, document or voice note from the page's file picker (multipart: file, kind,
    caption, and for a voice note its duration in seconds when the browser could read it)."""
    user = _user(request)
    form = await request.post()
    upload, kind = form.get("file"), str(form.get("kind") or "photo")
    caption = str(form.get("caption") or "").strip() or None
    if not isinstance(upload, web.FileField):
        raise web.HTTPBadRequest(text="a file is expected")
    data = upload.file.read()
    if kind == "photo":
        user.send_photo(caption, data, reply_to=_replied(user, form.get("reply_to")))
    elif kind == "voice":
        user.send_voice(_seconds(str(form.get("duration") or ""), len(data)), data)
    else:
        mime = upload.content_type or "application/octet-stream"
        user.send_document(upload.filename or "file", mime, data, caption)
    return _sent(request, user)


def _seconds(duration: str, size: int) -> int:
    # Without the browser's reading, as an Opus voice note is about 2 KB a second.
    return int(duration) if duration.isdigit() else max(1, size // OPUS_BYTES_PER_SECOND)


async def _file(request: web.Request) -> web.Response:
    """Serve a photo or document the simulated Telegram stores, by its file_id."""
    stored = _simulation(request).telegram.state.files.get(request.match_info["file_id"])
    if stored is None:
        raise web.HTTPNotFound()
    fallback = "image/jpeg" if stored.kind == "photo" else "application/octet-stream"
    mime = stored.mime_type or fallback
    # Photos show in the chat; a document (an HTML one too) is only ever downloaded.
    shown = stored.kind == "photo" and mime.startswith("image/")
    headers = {
        "Cache-Control": "private, max-age=3600",
        "Content-Security-Policy": FILE_POLICY,
        "Content-Disposition": content_disposition_header(
            "inline" if shown else "attachment", filename=stored.file_name or "file"
        ),
    }
    return web.Response(body=stored.data, content_type=mime, headers=headers)


async def _reset(request: web.Request) -> web.Response:
    """Start over: every chat and the sandbox database go, the demo roster comes back."""
    await request.app[SIMULATION].reset()
    return web.json_response({"ok": True})


async def _events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: every change of any chat, and the violations, as they happen."""
    feed = request.app[SIMULATION].feed
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
    )
    await response.prepare(request)
    queue = feed.subscribe()
    try:
        while True:
            try:
                event = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
            except TimeoutError:
                await response.write(b": keep-alive\n\n")
                continue
            if event is None:
                break
            await response.write(f"data: {json.dumps(event)}\n\n".encode())
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        feed.unsubscribe(queue)
    with contextlib.suppress(ConnectionResetError):
        await response.write_eof()
    return response


def _one_time_done(request: web.Request, user: FakeUser) -> None:
    feed = request.app[SIMULATION].feed
    if (feed.keyboards.get(user.user_id) or {}).get("one_time_keyboard"):
        feed.hide_keyboard(user.user_id)


def _sent(request: web.Request, user: FakeUser) -> web.Response:
    request.app[SIMULATION].feed.user_message(user.user_id)
    return web.json_response({"ok": True})
