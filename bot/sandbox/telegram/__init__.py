"""A Telegram Bot API look-alike: an HTTP server that checks every request, and a user.

The tests drive the bot through it, and the sandbox runs the bot against it for the page.

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
