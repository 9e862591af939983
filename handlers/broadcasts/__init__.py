"""Broadcasts (/siaran): a coordinator's message to an audience, previewed and queued."""
