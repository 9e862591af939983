"""One composition at a time: a report, a broadcast or an announcement, never two at once.

The conversations share a handler group, so whichever is registered first would take the
typed answers meant for the other; starting a second one is refused instead.
"""

from __future__ import annotations

from bot.runtime.context import REPORT_DRAFT, BotContext
from handlers.announcements import prompts as announcement_prompts
from handlers.broadcasts import prompts as broadcast_prompts

# The user_data key of each composition's draft, and how the refusal names it.
DRAFTS = {
    REPORT_DRAFT: "report",
    broadcast_prompts.DRAFT_KEY: "broadcast",
    announcement_prompts.DRAFT_KEY: "announcement",
}


def busy_with(context: BotContext, starting: str) -> str | None:
    """The catalog text naming the other composition in progress, or None when free."""
    assert context.user_data is not None
    for key, what in DRAFTS.items():
        if key != starting and key in context.user_data:
            return context.t("busy-elsewhere", what=context.t(f"busy-{what}"))
    return None
