"""Telegram's ``parse_mode=HTML`` parser, strict enough to reject what the Bot API rejects.

Error texts follow TDLib's (``Unsupported start tag "x" at byte offset 0``) so a test failure
reads like the production error the bot would have hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Tag -> MessageEntity type, per https://core.telegram.org/bots/api#html-style
_TAG_ENTITY: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_CHAR_REF = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_TEXT_RUN = re.compile(r"[^<&]+")
# TDLib reads a tag name up to whitespace or '>', so "a < b" yields the empty name "".
_START_NAME = re.compile(r"<([^\s>]*)")
_ATTRS_TAIL = re.compile(r"((?:\s+[^\s=>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*>")
_ATTR = re.compile(r"([^\s=>]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+)))?")
_END_TAG = re.compile(r"</([^\s>]*)\s*>")


class HtmlParseError(ValueError):
    """The text is not valid Telegram HTML; ``str(err)`` is TDLib's reason."""


@dataclass
class ParsedText:
    """Plain text as the recipient sees it plus the MessageEntity dicts Telegram would return."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Open:
    name: str
    offset: int
    attrs: dict[str, str]


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of MessageEntity offsets."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(source: str) -> ParsedText:
    """Parse ``source`` like Telegram does; raise HtmlParseError on malformed markup."""
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    stack: list[_Open] = []
    pos = 0
    offset = 0  # UTF-16 position in the output, for entity offsets
    while pos < len(source):
        piece: str
        if (run := _TEXT_RUN.match(source, pos)) is not None:
            piece, pos = run.group(), run.end()
        elif source[pos] == "&":
            ref = _CHAR_REF.match(source, pos)
            if ref is None:
                raise HtmlParseError(
                    f"Character '&' at byte offset {_bytes(source, pos)} must be escaped as &amp;"
                )
            piece, pos = _decode_ref(ref), ref.end()
        elif source.startswith("</", pos):
            pos = _close_tag(source, pos, stack, entities, offset)
            continue
        else:
            pos = _open_tag(source, pos, stack, offset)
            continue
        out.append(piece)
        offset += utf16_len(piece)
    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText("".join(out), entities)


# A /command as Telegram finds one in any message: not inside a word, a path or a link.
_COMMAND = re.compile(r"(?<![\w/@.-])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?(?![\w/])")
_NO_COMMANDS_IN = frozenset({"code", "pre", "text_link", "url", "email"})


def with_commands(parsed: ParsedText) -> ParsedText:
    """Add the bot_command entities Telegram adds to a message, so apps make them tappable."""
    taken = [
        (e["offset"], e["offset"] + e["length"])
        for e in parsed.entities
        if e["type"] in _NO_COMMANDS_IN
    ]
    found = []
    for match in _COMMAND.finditer(parsed.text):
        start = utf16_len(parsed.text[: match.start()])
        end = start + utf16_len(match.group())
        if not any(start < stop and begin < end for begin, stop in taken):
            found.append({"type": "bot_command", "offset": start, "length": end - start})
    entities = sorted([*parsed.entities, *found], key=lambda e: (e["offset"], -e["length"]))
    return ParsedText(parsed.text, entities)


def _bytes(source: str, pos: int) -> int:
    return len(source[:pos].encode("utf-8"))


def _decode_ref(ref: re.Match[str]) -> str:
    named, dec, hexa = ref.groups()
    if named:
        return _NAMED[named]
    code = int(dec) if dec else int(hexa, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise HtmlParseError(f"Invalid character reference {ref.group()}")
    return chr(code)


def _open_tag(source: str, pos: int, stack: list[_Open], offset: int) -> int:
    at = _bytes(source, pos)
    name_match = _START_NAME.match(source, pos)
    assert name_match is not None  # the pattern always matches at a '<'
    name = name_match.group(1).lower()
    if name not in _TAG_ENTITY:
        raise HtmlParseError(f'Unsupported start tag "{name}" at byte offset {at}')
    tail = _ATTRS_TAIL.match(source, name_match.end())
    if tail is None:
        raise HtmlParseError(f"Unclosed start tag at byte offset {at}")
    attrs = {
        m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
        for m in _ATTR.finditer(tail.group(1))
    }
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
    if name == "a" and not attrs.get("href"):
        raise HtmlParseError(f'Tag "a" must have attribute "href" at byte offset {at}')
    if name == "tg-emoji" and not attrs.get("emoji-id"):
        raise HtmlParseError(f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {at}')
    stack.append(_Open(name, offset, attrs))
    return tail.end()


def _close_tag(
    source: str, pos: int, stack: list[_Open], entities: list[dict[str, Any]], offset: int
) -> int:
    at = _bytes(source, pos)
    match = _END_TAG.match(source, pos)
    if match is None:
        raise HtmlParseError(f"Unclosed end tag at byte offset {at}")
    name = match.group(1).lower()
    if not stack:
        raise HtmlParseError(f"Unexpected end tag at byte offset {at}")
    top = stack.pop()
    if top.name != name:
        raise HtmlParseError(
            f'Unmatched end tag at byte offset {at}, expected "</{top.name}>", found "</{name}>"'
        )
    if name == "code" and stack and stack[-1].name == "pre":
        # <pre><code class="language-x"> is one pre entity carrying the language, not two.
        language = top.attrs.get("class", "")
        if language.startswith("language-"):
            stack[-1].attrs["language"] = language.removeprefix("language-")
        return match.end()
    if offset > top.offset:
        entities.append(_entity(top, offset - top.offset))
    return match.end()


def _entity(tag: _Open, length: int) -> dict[str, Any]:
    entity: dict[str, Any] = {"type": _TAG_ENTITY[tag.name], "offset": tag.offset}
    entity["length"] = length
    if tag.name == "a":
        entity["url"] = tag.attrs["href"]
    elif tag.name == "tg-emoji":
        entity["custom_emoji_id"] = tag.attrs["emoji-id"]
    elif tag.name == "pre" and "language" in tag.attrs:
        entity["language"] = tag.attrs["language"]
    elif tag.name == "blockquote" and "expandable" in tag.attrs:
        entity["type"] = "expandable_blockquote"
    return entity
