"""Finishing whatever a user has in progress, as a patient user would: one valid answer a step.

The driver reads where each conversation stands from the user's committed conversation rows
(what the bot resumes from after a restart) and gives the answer that step expects.
"""

from __future__ import annotations

from typing import Any

from bot.runtime.context import Services
from storage.cases import Case
from tests.factories import CIPONDOH, TANGERANG
from tests.harness import BotHarness, Chat, Message
from tests.reporting import NIK

CONVERSATIONS = ("start", "lapor", "kasus", "siaran", "pengumuman")
# The conversations, in the order the bot tries them.
DRAFTS = ("case_input", "broadcast", "announcements", "report", "signup")
NOTE = "Sudah dikunjungi, kondisinya membaik."


class Stuck(AssertionError):
    """The conversation could not be finished with valid answers."""


class Driver:
    def __init__(self, harness: BotHarness, chat: Chat, case_id: int | None = None) -> None:
        self.harness, self.chat, self.case_id = harness, chat, case_id
        assert harness.app is not None and harness.app.bot_data.services is not None
        self.services: Services = harness.app.bot_data.services

    async def drafts(self) -> dict[str, Any]:
        """Each conversation in progress: its answers, with its step under "step"."""
        state = await self.services.chats.load(self.chat.id)
        return {name: {**saved.data, "step": saved.step} for name, saved in state.drafts.items()}

    async def tap(self, data: str) -> None:
        """Press the newest button carrying `data`; without one, send it from the newest keyboard
        (as a button of an older prompt would)."""
        keyboards = [m for m in self.chat.history() if _buttons(m)]
        with_data = [m for m in keyboards if data in _buttons(m)]
        target = (with_data or keyboards or self.chat.history())[-1]
        await self.chat.tap_data(data, target)

    async def start(self, conversation: str) -> None:
        if conversation == "kasus":
            await self._start_note()
            return
        command = {"start": "/start", "lapor": "/lapor", "siaran": "/siaran"}
        await self.chat.send(command.get(conversation, "/pengumuman"))
        if conversation == "pengumuman":
            await self.tap("an:new")

    async def _start_note(self) -> None:
        async with self.services.sessions() as session:
            case = await session.get(Case, self.case_id)
        assert case is not None
        await self.chat.send(f"/kasus {case.number}")
        detail = self.chat.history()[-1]
        notes = [d for d in _buttons(detail) if d.startswith(f"k:t:note:{case.id}:")]
        if not notes:
            raise Stuck(f"no note button on the case: {_buttons(detail)}")
        await self.chat.tap_data(notes[0], detail)

    async def step(self) -> bool:
        """Answer the question in progress; False when nothing is in progress."""
        drafts = await self.drafts()
        for key in DRAFTS:
            if key in drafts:
                await getattr(self, f"_answer_{key}")(drafts[key])
                return True
        return False

    async def settle(self, limit: int = 40) -> None:
        for _ in range(limit):
            if not await self.step():
                return
        raise Stuck(f"still in progress after {limit} answers: {await self.drafts()}")

    async def _answer_report(self, draft: dict[str, Any]) -> None:
        answers: dict[int, Any] = {
            0: ("tap", "r:grp:lansia"),
            1: ("tap", "r:cat:8"),
            2: ("send", "Mak Onah"),
            3: ("send", NIK),
            4: ("tap", "r:nikr:belum"),
            5: ("tap", "r:sex:P"),
            6: ("send", "70"),
            7: ("tap", f"r:kec:{TANGERANG}"),
            8: ("kelurahan", "r", draft.get("kecamatan")),
            9: ("send", "Jl. Merdeka No. 5, RT 02/RW 03"),
            10: ("location",),
            11: ("send", "Nenek tinggal sendiri, sakit dan kurang makan."),
            12: ("tap", "r:urg:sedang"),
            13: ("tap", "r:photos:done"),
            14: ("tap", "r:submit"),
            15: ("tap", "r:cancel:no"),
        }
        await self._do(answers[draft["step"]])

    async def _answer_signup(self, form: dict[str, Any]) -> None:
        answers: dict[int, Any] = {
            0: ("contact", f"0812{self.chat.id:08d}"),
            1: ("send", "Siti Aminah"),
            2: ("tap", f"s:kec:{TANGERANG}"),
            3: ("kelurahan", "s", form.get("kecamatan")),
        }
        await self._do(answers[form.get("step", 0)])

    async def _answer_broadcast(self, draft: dict[str, Any]) -> None:
        kecamatan = ("tap", "bc:done") if draft["kecamatan"] else ("tap", f"bc:kec:{CIPONDOH}")
        answers: dict[int, Any] = {
            0: ("send", "Rapat koordinasi PSM besok pukul 09.00 di kantor kecamatan."),
            1: ("tap", "bc:to:mine"),
            2: kecamatan,
            3: ("tap", "bc:send"),
        }
        await self._do(answers[draft["step"]])

    async def _answer_announcements(self, draft: dict[str, Any]) -> None:
        if draft["step"] == 4:
            await self.tap(f"an:aud:{draft['modes'][0]}")
            return
        if draft["step"] == 5:
            chosen = draft["kecamatan"]
            await self.tap("an:done" if chosen else f"an:kec:{draft['choosable'][0]}")
            return
        answers: dict[int, Any] = {
            0: ("send", "Bimtek Pendampingan Lansia"),
            1: ("send", "Pelatihan pendampingan lansia untuk PSM. Mohon membawa alat tulis."),
            2: ("send", "15-12-2026 09:00"),
            3: ("send", "Aula Dinas Sosial, Jl. Satria Sudirman No. 1"),
            6: ("tap", "an:now"),
            7: ("tap", "an:ok"),
            8: ("send", "16-12-2026 09:00"),
        }
        await self._do(answers[draft["step"]])

    async def _answer_case_input(self, pending: dict[str, Any]) -> None:
        if pending.get("action") == "refer" and not pending.get("sectors"):
            await self.tap("ki:sec:dinkes")
        else:
            await self.chat.send(NOTE)

    async def _do(self, answer: tuple[str, ...]) -> None:
        how, *args = answer
        if how == "tap":
            await self.tap(args[0])
        elif how == "send":
            await self.chat.send(args[0])
        elif how == "contact":
            await self.chat.share_contact(args[0])
        elif how == "kelurahan":
            await self.tap(f"{args[0]}:kel:{self._first_kelurahan(args[1])}")
        else:
            await self.chat.share_location(-6.1702, 106.6403)

    def _first_kelurahan(self, kecamatan_code: str | None) -> str:
        kecamatan = self.services.regions.get_kecamatan(kecamatan_code or "")
        if kecamatan is None:
            raise Stuck(f"asked for a kelurahan without a kecamatan {kecamatan_code!r}")
        return kecamatan.kelurahan[0].code


def _buttons(message: Message) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [str(b["callback_data"]) for row in rows for b in row if "callback_data" in b]
