"""The sandbox page draws the bot's emoji with its own font, not as boxes."""

from __future__ import annotations

import unicodedata

from fontTools.ttLib import TTFont

from bot.sandbox.web.emoji_font import FONT, used_text


def test_every_emoji_the_bot_or_the_page_shows_is_in_the_pages_emoji_font() -> None:
    drawn = set(TTFont(FONT)["cmap"].getBestCmap())
    symbols = {c for c in used_text() if ord(c) > 0x7F and unicodedata.category(c) == "So"}
    missing = sorted(f"{c} U+{ord(c):04X}" for c in symbols if ord(c) not in drawn)
    assert missing == [], "run: .venv/bin/python -m bot.sandbox.web.emoji_font"
