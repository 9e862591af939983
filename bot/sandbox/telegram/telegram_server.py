"""A fake Telegram Bot API server on loopback, for PTB's ``base_url``.

It validates every request like Telegram would (schema, limits, HTML), keeps chat state so
edits and deletions behave realistically, and lets tests push updates and inject failures.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from aiohttp import web

from .account_methods import AccountMethods
from .bot_api_limits import MAX_UPLOAD_BYTES, check_limits
from .bot_api_schema import BotApiSchema, UploadedFile
from .chat_state import ApiError, ChatState
from .failure_injection import FailureInjector
from .message_methods import MessageMethods
from .server_support import RecordedRequest, describe_message, read_params
from .update_queue import Signal, UpdateQueue

__all__ = ["FakeTelegramServer", "RecordedRequest"]


class FakeTelegramServer:
    """Bot API look-alike; point PTB at :attr:`base_url` and :attr:`base_file_url`."""

    def __init__(self, token: str = "123456:TEST-TOKEN", bot_username: str = "psm_test_bot"):
        self.token = token
        self.bot_id = int(token.split(":")[0])
        self.bot_user: dict[str, Any] = {
            "id": self.bot_id, "is_bot": True, "first_name": "PSM Test Bot",
            "username": bot_username,
        }  # fmt: skip
        self.schema = BotApiSchema.load()
        self.state = ChatState(self.bot_user)
        self.signal = Signal()
        self.queue = UpdateQueue(self.signal)
        self.account = AccountMethods(self.state, self.queue)
        self.failures = FailureInjector()
        self.fail_next = self.failures.fail_next
        self.requests: list[RecordedRequest] = []
        # Called with each request once answered; the sandbox page follows the chats this way.
        self.listeners: list[Callable[[RecordedRequest], None]] = []
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._handlers = {**MessageMethods(self.state).routes(), **self.account.routes()}

    async def start(self, port: int = 0) -> None:
        """Listen on a loopback port: an ephemeral one unless `port` is given."""
        # aiohttp refuses bodies over 1 MiB by default; Telegram takes 50 MB from bots.
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        # Pending long polls are woken by stop(), so a short grace period is enough.
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self._port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Wake pending getUpdates calls and close the listener."""
        self.signal.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/file/bot"

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an incoming update (update_id assigned here) and wake long polls."""
        queued = self.queue.push(update)
        if "message" in queued:
            self.state.store(queued["message"])  # so the bot can reply to, copy or delete it
        if "callback_query" in queued:
            query = queued["callback_query"]
            self.account.open_callback_queries.add(query["id"])
            self.account.query_chats[query["id"]] = int(
                query.get("message", {}).get("chat", {}).get("id", query["from"]["id"])
            )
        return int(queued["update_id"])

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates the bot has not yet confirmed with a higher getUpdates offset."""
        return copy.deepcopy(self.queue.updates)

    # -- failure injection -----------------------------------------------------------------
    def block_chat(self, chat_id: int) -> None:
        """Sends to ``chat_id`` now fail with 403, as if the user blocked the bot."""
        self.failures.blocked.add(str(chat_id))

    def unblock_chat(self, chat_id: int) -> None:
        self.failures.blocked.discard(str(chat_id))

    def rate_limit(self, per_second: float | None) -> None:
        """Answer 429 to sends beyond ``per_second`` in any 1 s window; None switches it off."""
        self.failures.rate_limit(per_second)

    def telegram_limits(self, per_second: float = 30) -> None:
        """Telegram's real flood control (see flood_control.py): ``per_second`` per
        bot over a sliding second, 1/s per private chat, 20/min per group, with flood waits
        that grow while the bot keeps sending into them."""
        self.failures.telegram_limits(per_second)

    @property
    def rate_limited_count(self) -> int:
        """How many sends were answered 429 by :meth:`rate_limit` or :meth:`telegram_limits`."""
        return self.failures.rate_limited_count

    # -- inspection ------------------------------------------------------------------------
    @property
    def rejected(self) -> list[RecordedRequest]:
        """Failed requests the test did not inject: almost always bugs in the bot."""
        # error_code, not ``ok``: a long poll still waiting is neither ok nor failed yet.
        return [r for r in self.requests if r.error_code is not None and not r.injected]

    def assert_no_rejections(self, allow: Iterable[str] = ()) -> None:
        """Raise AssertionError listing rejected requests; ``allow``: tolerated substrings."""
        allowed = tuple(allow)
        bad = [r for r in self.rejected if not any(a in (r.error or "") for a in allowed)]
        if bad:
            lines = "\n".join(f"  {r.method} -> {r.error} params={r.params!r:.300}" for r in bad)
            raise AssertionError(f"Telegram rejected {len(bad)} request(s):\n{lines}")

    def sent_to(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's live messages in ``chat_id``, oldest first, with edits applied."""
        return self.state.messages(int(chat_id), from_bot=True)

    def history(self, chat_id: int) -> list[dict[str, Any]]:
        """All live messages of the chat, the user's and the bot's."""
        return self.state.messages(int(chat_id))

    def last_message(self, chat_id: int) -> dict[str, Any] | None:
        sent = self.sent_to(chat_id)
        return sent[-1] if sent else None

    def mark(self) -> int:
        """Index for ``since``/``since_index``: only later requests will be considered."""
        return len(self.requests)

    def requests_for(self, chat_id: int, since: int = 0) -> list[RecordedRequest]:
        return [r for r in self.requests[since:] if str(r.params.get("chat_id")) == str(chat_id)]

    async def wait_for_message(
        self,
        chat_id: int,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - reads best in tests
        since_index: int | None = None,
    ) -> dict[str, Any]:
        """Latest bot message in ``chat_id`` matching ``predicate`` (sent or edited after
        ``since_index`` if given); AssertionError listing recent messages on timeout."""
        found: list[dict[str, Any]] = []

        def matching() -> bool:
            candidates = self._candidates(chat_id, since_index)
            found[:] = [m for m in candidates if predicate is None or predicate(m)]
            return bool(found)

        if await self.signal.wait_until(matching, timeout):
            return found[-1]
        recent = "\n".join(f"  {describe_message(m)}" for m in self.sent_to(chat_id)[-8:])
        failed = [f"  {r.method}: {r.error}" for r in self.requests_for(chat_id) if r.error]
        raise AssertionError(
            f"no matching bot message in chat {chat_id} within {timeout}s\n"
            f"recent bot messages:\n{recent or '  (none)'}\n"
            f"failed requests:\n{chr(10).join(failed) or '  (none)'}"
        )

    def _candidates(self, chat_id: int, since_index: int | None) -> list[dict[str, Any]]:
        if since_index is None:
            return self.sent_to(chat_id)
        touched: set[int] = set()
        for r in self.requests_for(chat_id, since_index):
            results = r.result if isinstance(r.result, list) else [r.result]
            touched.update(
                m["message_id"] for m in results if isinstance(m, dict) and "message_id" in m
            )
        return [m for m in self.sent_to(chat_id) if m["message_id"] in touched]

    # -- HTTP ------------------------------------------------------------------------------
    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        path = request.match_info["path"]
        stored = next((f for f in self.state.files.values() if f.file_path == path), None)
        if request.match_info["token"] != self.token or stored is None:
            body = {"ok": False, "error_code": 404, "description": "Not Found"}
            return web.json_response(body, status=404)
        mime = stored.mime_type or "application/octet-stream"
        return web.Response(body=stored.data, content_type=mime)

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = self.schema.canonical_method(request.match_info["method"])
        method = method or request.match_info["method"]
        params, attachments = await read_params(request, self.schema, method)
        record = RecordedRequest(method, params)
        self.requests.append(record)
        error: ApiError | None = None
        try:
            record.result = await self._dispatch(request.match_info["token"], record, attachments)
            record.ok = True
        except ApiError as err:
            error = err
        except Exception as err:  # a bug in the fake must fail the test, not hang it
            error = ApiError(500, f"Internal Server Error in fake: {err!r}")
        if error is not None:
            record.error, record.error_code = error.description, error.code
        self.signal.notify()
        for listener in self.listeners:
            listener(record)
        if error is None:
            return web.json_response({"ok": True, "result": record.result})
        body: dict[str, Any] = {"ok": False, "error_code": error.code}
        body["description"] = error.description
        if error.parameters:
            body["parameters"] = error.parameters
        return web.json_response(body, status=error.code)

    async def _dispatch(
        self, token: str, record: RecordedRequest, attachments: dict[str, UploadedFile]
    ) -> Any:
        method, p = record.method, record.params
        if token != self.token:
            raise ApiError(401, "Unauthorized")
        if method not in self._handlers:
            raise ApiError(404, "Not Found")
        error = self.schema.validate(method, p) or check_limits(method, p)
        if error:
            raise ApiError(400, error)
        injected = self.failures.failure_for(method, p)
        if injected is not None:
            record.injected = True
            raise injected
        result = self._handlers[method](p, attachments)
        return await result if method == "getUpdates" else result
