"""The sandbox: the real bot against an embedded Bot API server, with a chat page in the browser.

`bot.sandbox.telegram` is that Bot API server (shared with the tests); `bot.sandbox.web` serves
the page; `bot.sandbox.runner` starts the three in one event loop.
"""
