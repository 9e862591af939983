"""Bot API methods about the bot itself: identity, webhook, commands, callback answers, chats."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .chat_state import ApiError, ChatState, Handler, Params, Uploads
from .update_queue import UpdateQueue

STALE_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_HTTPS_ONLY = "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
_WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


class AccountMethods:
    """State the bot configures on Telegram, and the methods that read or change it."""

    def __init__(self, state: ChatState, queue: UpdateQueue) -> None:
        self.state = state
        self.queue = queue
        self.webhook_url = ""
        self.webhook_secret = ""
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        # (scope as canonical JSON, language_code) -> commands, like Telegram's per-scope lists
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.open_callback_queries: set[str] = set()
        self.query_chats: dict[str, int] = {}  # where a callback query's answer shows up

    def routes(self) -> dict[str, Handler]:
        by_params: dict[str, Callable[[Params], Any]] = {
            "getMe": self.get_me, "getUpdates": self.get_updates,
            "setWebhook": self.set_webhook, "deleteWebhook": self.delete_webhook,
            "getWebhookInfo": self.get_webhook_info, "logOut": self.no_op,
            "close": self.no_op, "sendChatAction": self.no_op,
            "answerCallbackQuery": self.answer_callback_query,
            "setMyCommands": self.set_my_commands, "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "setChatMenuButton": self.set_chat_menu_button, "getChat": self.get_chat,
        }  # fmt: skip
        return {name: _ignoring_uploads(method) for name, method in by_params.items()}

    def get_me(self, p: Params) -> dict[str, Any]:
        return {
            **self.state.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def get_updates(self, p: Params) -> list[dict[str, Any]]:
        if self.webhook_url:
            raise ApiError(409, _WEBHOOK_CONFLICT)
        return await self.queue.get_updates(dict(p))

    def set_webhook(self, p: Params) -> bool:
        url = str(p["url"])
        if url and not url.lower().startswith("https://"):
            raise ApiError(400, _HTTPS_ONLY)
        self.webhook_url = url
        self.webhook_secret = str(p.get("secret_token") or "")
        if _flag(p.get("drop_pending_updates")):
            self.queue.drop_pending()
        return True

    def delete_webhook(self, p: Params) -> bool:
        self.webhook_url = self.webhook_secret = ""
        if _flag(p.get("drop_pending_updates")):
            self.queue.drop_pending()
        return True

    def get_webhook_info(self, p: Params) -> dict[str, Any]:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.queue.updates),
        }

    def answer_callback_query(self, p: Params) -> bool:
        query_id = str(p["callback_query_id"])
        if query_id not in self.open_callback_queries:
            raise ApiError(400, STALE_QUERY)  # also what a second answer to one query gets
        self.open_callback_queries.discard(query_id)
        self.callback_answers[query_id] = dict(p)
        return True

    def set_my_commands(self, p: Params) -> bool:
        self.commands[_scope_key(p)] = list(p["commands"])
        return True

    def get_my_commands(self, p: Params) -> list[dict[str, Any]]:
        return list(self.commands.get(_scope_key(p), []))

    def delete_my_commands(self, p: Params) -> bool:
        self.commands.pop(_scope_key(p), None)
        return True

    def menu_for(self, chat_id: int, language_code: str) -> list[dict[str, Any]]:
        """The menu a private chat shows, as Telegram picks it: the chat's own (in the user's
        language, else any), else the default one in the user's language, else the default."""
        for scope in ({"scope": {"type": "chat", "chat_id": chat_id}}, {}):
            for language in (language_code, ""):
                commands = self.commands.get(_scope_key({**scope, "language_code": language}))
                if commands is not None:
                    return list(commands)
        return []

    def set_chat_menu_button(self, p: Params) -> bool:
        chat_id = int(p["chat_id"]) if p.get("chat_id") is not None else None
        self.menu_buttons[chat_id] = p.get("menu_button") or {"type": "default"}
        return True

    def get_chat(self, p: Params) -> dict[str, Any]:
        chat_id = str(p["chat_id"])
        if not chat_id.lstrip("-").isdigit():
            raise ApiError(400, "Bad Request: chat not found")
        gifts = dict.fromkeys(
            (
                "unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription",
                "gifts_from_channels",
            ),
            False,
        )  # fmt: skip
        return {
            **self.state.chat(int(chat_id)),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": gifts,
        }

    def no_op(self, p: Params) -> bool:
        """logOut, close, sendChatAction: accepted and otherwise ignored."""
        return True


def _ignoring_uploads(method: Callable[[Params], Any]) -> Handler:
    def handler(params: Params, uploads: Uploads) -> Any:
        return method(params)

    return handler


def _flag(value: Any) -> bool:
    return value is True or str(value).lower() in {"true", "1"}


def _scope_key(p: Params) -> tuple[str, str]:
    scope = p.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(p.get("language_code") or "")
