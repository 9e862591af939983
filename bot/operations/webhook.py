"""Webhook mode: Telegram posts updates to an aiohttp listener that feeds the application.

PTB's own webhook server (tornado) reads a whole body before it looks at the secret, answers 500
to a body that is not JSON and logs an update it cannot read in full, personal data included.
This listener checks the secret first (a refused request's body is never read), takes at most
MAX_BODY bytes (Telegram's updates are a few kilobytes), answers 400 to anything that is not an
update, and logs only sizes. The application's lifecycle around it is run_polling's.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal

from aiohttp import web
from telegram import Update

from bot.runtime.context import BotApp
from bot.runtime.settings import Settings

_log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024


def webhook_app(application: BotApp, path: str, secret: str) -> web.Application:
    """The listener: POST `path` with the secret header and one JSON update."""

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return _refuse(403)
        if (request.content_length or 0) > MAX_BODY:
            return _refuse(413)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:  # sent without a length, or a false one
            return _refuse(413)
        update = _update_from(body, application)
        if update is None:
            _log.warning("webhook: refused a body of %d bytes that is no update", len(body))
            return web.Response(status=400)
        application.bot.insert_callback_data(update)
        await application.update_queue.put(update)
        return web.Response(status=200)

    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_post("/" + path, receive)
    return app


def _refuse(status: int) -> web.Response:
    response = web.Response(status=status)
    response.force_close()  # the rest of the body is not read, nor waited for
    return response


def _update_from(body: bytes, application: BotApp) -> Update | None:
    try:
        data = json.loads(body.decode("utf-8"))
        return Update.de_json(data, application.bot) if isinstance(data, dict) else None
    except Exception:  # any body PTB cannot read is the sender's mistake, not ours
        return None


def run_webhook(application: BotApp, settings: Settings, allowed_updates: list[str]) -> None:
    """Register the webhook and serve it until SIGINT or SIGTERM, then stop as polling does."""
    asyncio.run(_serve(application, settings, allowed_updates))


async def _serve(application: BotApp, settings: Settings, allowed_updates: list[str]) -> None:
    assert settings.webhook_secret_token is not None  # the settings insist on it
    secret = settings.webhook_secret_token.get_secret_value()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    runner = web.AppRunner(webhook_app(application, settings.webhook_path, secret))
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.bot.set_webhook(
            settings.webhook_url, allowed_updates=allowed_updates, secret_token=secret
        )
        await runner.setup()
        await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
        await application.start()
        await stop.wait()
    finally:
        await runner.cleanup()
        if application.running:
            await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
