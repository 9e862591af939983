"""The sandbox page's emoji font: the few emoji the bot and the page use, cut from Noto Color Emoji.

A laptop without an emoji font shows every emoji as a box, and the bot's messages lean on them
(🔴 urgent, 📍 place, ✅ done). The page therefore brings its own font, a subset of Debian's
fonts-noto-color-emoji (SIL Open Font License) holding only what the catalogs and the page use.
Regenerate it after adding an emoji (tests/sandbox/test_emoji_font.py says when):

    apt-get install fonts-noto-color-emoji
    .venv/bin/python -m bot.sandbox.web.emoji_font
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from bot.runtime.texts import LOCALES_DIR

NOTO = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
STATIC = Path(__file__).parent / "static"
FONT = STATIC / "emoji.ttf"
# Joiners and selectors are part of emoji sequences; plain ASCII (the keycap bases) is text.
SEQUENCE_PARTS = {0x200D, 0xFE0F, 0x20E3}


def used_text() -> str:
    """Everything the catalogs and the page can show."""
    sources = [*LOCALES_DIR.rglob("*.ftl"), *STATIC.glob("*.html"), *STATIC.glob("*.js")]
    return "".join(path.read_text(encoding="utf-8") for path in sources)


def emoji_in(text: str, cmap: set[int]) -> set[int]:
    """The characters of `text` an emoji font draws, beyond plain ASCII."""
    return {ord(c) for c in text if ord(c) > 0x7F and ord(c) in cmap} | (SEQUENCE_PARTS & cmap)


def main() -> int:
    """Write static/emoji.ttf from the system's Noto Color Emoji."""
    if not NOTO.is_file():
        print(f"{NOTO} is missing: apt-get install fonts-noto-color-emoji", file=sys.stderr)
        return 2
    cmap = set(TTFont(NOTO)["cmap"].getBestCmap())
    wanted = sorted(emoji_in(used_text(), cmap))
    options = subset.Options()
    options.layout_features = ["*"]  # keeps the joined sequences (ZWJ, keycaps, flags)
    font = subset.load_font(str(NOTO), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    subset.save_font(font, str(FONT), options)
    print(f"{FONT}: {len(wanted)} characters, {FONT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
