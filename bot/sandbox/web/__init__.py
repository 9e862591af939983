"""The chat page: an aiohttp app serving static files, a JSON API and server-sent events."""
