"""What a user can throw at the bot at any moment, as Hypothesis strategies of updates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from tests.harness import Chat, Reply

COMMANDS = (
    "/start", "/lapor", "/kasus", "/siaran", "/pengumuman", "/hadir", "/batal", "/bantuan",
    "/bahasa", "/help", "/rekap", "/profil", "/pengguna", "/impor", "/audit", "/subjek",
    "/tidakada",
)  # fmt: skip
HTML_BITS = ("<b>", "</b>", "<i>", "<a href='x'>", "</a>", "&", "&amp;", "<", ">", "<pre>", '"')
# Answers some step somewhere expects, so that noise also moves conversations along.
PLAUSIBLE = (
    "Mak Onah", "3671015203500001", "1234567890123456", "70", "12-03-1950", "Lewati", "Skip",
    "Jl. Merdeka No. 5 RT 01/02", "Bimtek Pendampingan Lansia", "15-12-2026 09:00",
    "02-12-2026 10:00", "Aula Dinas Sosial", "Nenek tinggal sendiri, sakit dan kurang makan.",
)  # fmt: skip
MIME_TYPES = ("image/jpeg", "image/png", "application/pdf", "application/zip", "text/plain")

# Telegram delivers no empty or blank messages, and none over 4096 characters.
short_text = st.text(min_size=1, max_size=40).filter(str.strip)
huge_text = st.builds(
    lambda unit, count, tail: (unit * count)[:4000] + tail,
    st.text(min_size=1, max_size=8),
    st.integers(500, 4000),
    st.text(max_size=96),
)
html_text = st.lists(st.sampled_from(HTML_BITS) | short_text, min_size=1, max_size=8).map("".join)
command = st.builds(
    lambda name, argument: f"{name} {argument}".strip(),
    st.sampled_from(COMMANDS),
    st.sampled_from(("", "TNG-2026-00001", "ABC123")) | st.text(max_size=40),
)
any_text = st.one_of(short_text, huge_text, html_text, command, st.sampled_from(PLAUSIBLE)).filter(
    str.strip
)
caption = st.none() | st.text(max_size=1024)
callback_data = st.text(min_size=1, max_size=64).filter(lambda s: len(s.encode()) <= 64)
# Data shaped like the bot's own buttons (a known prefix) with other values in the fields, as
# a forged or outdated button would carry.
SHAPES = (
    r"r:(grp|cat|nikr|sex|age|kec|kel|urg|edit|photos|cancel)(:\w{0,6})?",
    r"s:(kec|kel|back)(:\w{0,6})?",
    r"k:l:\d{1,3}:\w{1,6}:[\w-]{1,6}:[\w-]{1,6}",
    r"k:(o|p|r):\d{1,6}",
    r"k:ro:\d{1,6}:\w{1,6}",
    r"k:(v|t):\w{1,8}:\d{1,6}:\w{1,6}",
    r"ki:(sec|done)(:\w{1,8})?",
    r"n:(s|d|p):\d{1,6}",
    r"bc:(to|kec):\w{1,8}|bc:(send|cancel|done)",
    r"an:(aud|kec):\w{1,8}|an:(new|now|ok|no|pv|done)",
    r"rk:(a|p):\w{1,8}|rk:x:\w{1,4}:\w{1,6}:\d{1,16}|rk:y:\w{1,6}:\d{1,16}|rk:n",
    r"am:(l|o|x|xy|xl|rs)(:\d{1,6})?",
    r"ar:\d{1,6}:(yes|no)",
    r"lang:(id|en)",
    r"reg:(ok|no):\d{1,6}",
)
shaped_data = st.sampled_from(SHAPES).flatmap(lambda shape: st.from_regex(shape, fullmatch=True))


@dataclass(frozen=True)
class Event:
    """One thing the user does; `args` are what the matching Chat method takes."""

    kind: str
    args: tuple[Any, ...] = ()

    async def apply(self, chat: Chat, pick: Any) -> Reply | None:
        """Do it in `chat`; `pick(options)` chooses among things that exist only at run time."""
        if self.kind == "text":
            return await chat.send(*self.args)
        if self.kind == "photo":
            return await chat.send_photo(*self.args)
        if self.kind == "document":
            return await chat.send_document(*self.args)
        if self.kind == "sticker":
            return await chat.send_sticker()
        if self.kind == "voice":
            return await chat.send_voice()
        if self.kind == "location":
            return await chat.share_location(*self.args)
        if self.kind == "contact":
            return await chat.share_contact(*self.args)
        if self.kind == "edit":
            mine = [m for m in chat.sent_by_user() if "text" in m]
            return await chat.edit(pick(mine), *self.args) if mine else None
        messages = [
            m for m in chat.history() if (m.get("reply_markup") or {}).get("inline_keyboard")
        ]
        if not messages:
            return None
        if self.kind == "replay":
            message = pick(messages)
            rows = message["reply_markup"]["inline_keyboard"]
            data = pick([b["callback_data"] for row in rows for b in row if "callback_data" in b])
            return await chat.tap_data(data, message)
        return await chat.tap_data(self.args[0], pick(messages))  # forged data on a real message


events = st.one_of(
    st.builds(lambda text: Event("text", (text,)), any_text),
    st.builds(lambda c: Event("photo", (c,)), caption),
    st.builds(
        lambda name, mime, c: Event("document", (name, mime, c)),
        st.text(min_size=1, max_size=30),
        st.sampled_from(MIME_TYPES),
        caption,
    ),
    st.just(Event("sticker")),
    st.just(Event("voice")),
    st.builds(
        lambda lat, lon: Event("location", (lat, lon)),
        st.floats(-90, 90, allow_nan=False),
        st.floats(-180, 180, allow_nan=False),
    ),
    st.builds(
        lambda phone, own: Event("contact", (phone, own)),
        st.sampled_from(("081234567890", "+6285711112222")) | st.text(min_size=1, max_size=20),
        st.booleans(),
    ),
    st.builds(lambda text: Event("edit", (text,)), any_text),
    st.just(Event("replay")),
    st.builds(lambda data: Event("forged", (data,)), callback_data),
)
