"""Test doubles for the Telegram Bot API: a fake HTTP server and a fake user.

Typical use::

    server = FakeTelegramServer()
    await server.start()
    app = ApplicationBuilder().token(server.token).base_url(server.base_url)...
    user = FakeUser(server, user_id=1001, first_name="Siti")
    user.send_text("/start")
    reply = await server.wait_for_message(1001)
"""

from .bot_api_schema import BotApiSchema, UploadedFile
from .fake_user import FakeUser, SentPhoto
from .html_check import HtmlParseError, ParsedText, parse_html
from .telegram_server import FakeTelegramServer, RecordedRequest

__all__ = [
    "BotApiSchema",
    "FakeTelegramServer",
    "FakeUser",
    "HtmlParseError",
    "ParsedText",
    "RecordedRequest",
    "SentPhoto",
    "UploadedFile",
    "parse_html",
]
