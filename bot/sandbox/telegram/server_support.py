"""Request decoding and recording helpers for :mod:`telegram_server`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .bot_api_schema import BotApiSchema, UploadedFile


@dataclass
class RecordedRequest:
    """One Bot API call as the server saw it, and how it was answered."""

    method: str
    params: dict[str, Any]
    ok: bool = False  # False both while pending and after a failure; see error_code
    error: str | None = None
    time: float = field(default_factory=time.time)
    error_code: int | None = None
    result: Any = None
    # True when the failure came from block_chat/rate_limit/fail_next, i.e. the test wanted it.
    injected: bool = False


async def read_params(
    request: web.Request, schema: BotApiSchema, method: str
) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """Decode query, form, multipart or JSON parameters like Telegram does.

    Returns (params, attachments): file parts named after a method parameter become that
    parameter; other file parts are only reachable through ``attach://<name>``.
    """
    params: dict[str, Any] = {}
    attachments: dict[str, UploadedFile] = {}
    for key, query_value in request.query.items():
        params[key] = schema.decode_form_value(method, key, query_value)
    if request.content_type == "application/json":
        body = await request.json() if request.can_read_body else {}
        if isinstance(body, dict):
            params.update(body)
        return params, attachments
    fields = schema.methods.get(method, {}).get("fields", {})
    for key, value in (await request.post()).items():
        if isinstance(value, web.FileField):
            upload = UploadedFile(value.filename, value.content_type, value.file.read())
            (params if key in fields else attachments)[key] = upload
        else:
            params[key] = schema.decode_form_value(method, key, str(value))
    return params, attachments


def describe_message(message: dict[str, Any]) -> str:
    """One line per message for assertion errors: id, content kind, text and buttons."""
    content = message.get("text") or message.get("caption") or ""
    kind = next(
        (
            k
            for k in ("photo", "document", "location", "contact", "sticker", "voice")
            if k in message
        ),
        "text",
    )
    buttons = [
        button["text"]
        for row in message.get("reply_markup", {}).get("inline_keyboard", [])
        for button in row
    ]
    suffix = f" buttons={buttons}" if buttons else ""
    return f"#{message['message_id']} [{kind}] {content[:120]!r}{suffix}"
