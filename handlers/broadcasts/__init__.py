"""Broadcasts (/siaran): a coordinator's message to an audience, previewed and queued."""

from __future__ import annotations

from handlers.broadcasts.conversation import register

__all__ = ["register"]
