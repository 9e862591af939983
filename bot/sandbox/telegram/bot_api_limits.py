"""Value-level rules the schema cannot express: lengths, button shapes, HTML, commands.

Runs after :class:`BotApiSchema` accepted the types, so values are known to be well-typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from .bot_api_schema import first_error
from .html_check import HtmlParseError, ParsedText, parse_html, with_commands

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER = 200
MAX_COMMANDS = 100
MAX_INLINE_BUTTONS = 100
# Files: bots upload up to 50 MB and download (getFile) up to 20 MB.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_URL = re.compile(r"(https?|tg)://\S+", re.IGNORECASE)
# Fields of InlineKeyboardButton that decorate it rather than say what pressing does.
_BUTTON_DECORATION = {"text", "icon_custom_emoji_id", "style"}
_CHAT_ACTIONS = {
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
}  # fmt: skip


def render(text: str, parse_mode: str | None) -> ParsedText:
    """What the recipient sees; raises ValueError with Telegram's description when invalid."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        try:
            return with_commands(parse_html(text))
        except HtmlParseError as err:
            raise ValueError(f"Bad Request: can't parse entities: {err}") from err
    if mode in {"", "markdown", "markdownv2"}:
        return with_commands(ParsedText(text))  # Markdown is deliberately left unchecked
    raise ValueError(f"Bad Request: unsupported parse_mode {parse_mode!r}")


def check_limits(method: str, params: Mapping[str, Any]) -> str | None:
    """Return Telegram's error description when a well-typed request breaks a rule."""
    checks: list[Callable[[], str | None]] = [
        lambda: _check_text(method, params),
        lambda: _check_caption(params.get("caption"), params.get("parse_mode")),
        lambda: _check_media(params.get("media")),
        lambda: _check_markup(method, params.get("reply_markup")),
        lambda: _check_method_specific(method, params),
    ]
    return first_error(check() for check in checks)


def _check_text(method: str, params: Mapping[str, Any]) -> str | None:
    if method not in {"sendMessage", "editMessageText"} or params.get("text") is None:
        return None
    try:
        shown = render(str(params["text"]), params.get("parse_mode")).text
    except ValueError as err:
        return str(err)
    if not shown.strip():
        return "Bad Request: message text is empty"
    if len(shown) > MAX_TEXT:
        return "Bad Request: message is too long"
    return None


def _check_caption(caption: Any, parse_mode: Any) -> str | None:
    if caption is None:
        return None
    try:
        shown = render(str(caption), parse_mode).text
    except ValueError as err:
        return str(err)
    return "Bad Request: message caption is too long" if len(shown) > MAX_CAPTION else None


def _check_media(media: Any) -> str | None:
    if not isinstance(media, list):
        return None
    if not 2 <= len(media) <= 10:
        return "Bad Request: wrong number of media in the media group: must be 2-10"
    kinds = {item.get("type") for item in media}
    for single in ("document", "audio"):
        if single in kinds and kinds != {single}:
            return f"Bad Request: {single}s can't be mixed with other media types in a group"
    return first_error(
        _check_caption(item.get("caption"), item.get("parse_mode")) for item in media
    )


def _check_markup(method: str, markup: Any) -> str | None:
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    buttons = [button for row in markup["inline_keyboard"] for button in row]
    # An edit may take the keyboard away with an empty one; a new message must have buttons.
    if not buttons and not method.startswith("edit"):
        return "Bad Request: inline keyboard must not be empty"
    if len(buttons) > MAX_INLINE_BUTTONS:
        return "Bad Request: reply markup is too long"
    return first_error(_check_button(button) for button in buttons)


def _check_button(button: dict[str, Any]) -> str | None:
    prefix = "Bad Request: can't parse inline keyboard button: "
    if not str(button["text"]).strip():
        return prefix + "Text must be non-empty"
    actions = [key for key in button if key not in _BUTTON_DECORATION]
    if not actions:
        return prefix + "Text buttons are unallowed in the inline keyboard"
    if len(actions) > 1:
        return prefix + f"exactly one action field expected, got {', '.join(sorted(actions))}"
    if "callback_data" in button:
        size = len(str(button["callback_data"]).encode("utf-8"))
        if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
            return "Bad Request: BUTTON_DATA_INVALID"
    if "url" in button and not _URL.fullmatch(str(button["url"])):
        return f"Bad Request: inline keyboard button URL '{button['url']}' is invalid: Wrong URL"
    return None


def _check_method_specific(method: str, params: Mapping[str, Any]) -> str | None:
    if method == "answerCallbackQuery" and len(str(params.get("text") or "")) > MAX_CALLBACK_ANSWER:
        return "Bad Request: MESSAGE_TOO_LONG"
    if method == "setMyCommands":
        return _check_commands(params["commands"])
    if method == "sendChatAction" and params["action"] not in _CHAT_ACTIONS:
        return "Bad Request: wrong parameter action in request"
    if method == "sendLocation":
        if not -90 <= float(params["latitude"]) <= 90:
            return "Bad Request: wrong latitude"
        if not -180 <= float(params["longitude"]) <= 180:
            return "Bad Request: wrong longitude"
    chat_id = params.get("chat_id")
    if isinstance(chat_id, str) and not chat_id.startswith("@") and not _is_int(chat_id):
        return "Bad Request: chat not found"
    return None


def _check_commands(commands: list[dict[str, Any]]) -> str | None:
    if len(commands) > MAX_COMMANDS:
        return "Bad Request: too many commands: at most 100 are allowed"
    for command in commands:
        if not _COMMAND.fullmatch(str(command["command"])):
            return "Bad Request: BOT_COMMAND_INVALID"
        if not 1 <= len(str(command["description"]).strip()) <= 256:
            return "Bad Request: command description must be 1-256 characters long"
    return None


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit()
