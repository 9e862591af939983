"""Broadcasts (/siaran): a coordinator's message queued for an audience, and its delivery report."""
