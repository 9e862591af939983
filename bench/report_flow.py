"""How much a /lapor report costs next to the framework's floor, measured in one run.

Three bots, one after the other, each against its own fake Bot API server on 127.0.0.1 in this
process, handle complete reports (14 updates: buttons, texts, a NIK, a location, photos, the
review, the submit) from USERS PSM at once:

- psm-bot: the real Application on DATABASE_URL (default: a temporary SQLite file; a
  PostgreSQL database is emptied first), every answer committed before its reply;
- floor: a bare PTB ConversationHandler, no database, making the very Bot API calls psm-bot
  made for each step (recorded from a report filed first, alone);
- echo: a bare PTB bot answering every update with one message.

Then CROWD PSM report at once to psm-bot and the floor, for the tail latency. That is a round;
ROUNDS are run in turn, so the ratios compare bots measured moments apart. Printed per bot and
round: updates per second, p50/p95/p99 of the time from an update's arrival at the server to
the bot having handled it, the process's CPU time per update and Bot API requests per update;
then the medians of the rounds' ratios to the floor (and to the echo bot).

    .venv/bin/python bench/report_flow.py [--users 20] [--crowd 100] [--rounds 3]
    DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1/psm_perf .venv/bin/python bench/...
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram.warnings import PTBUserWarning

from bench.floor_bots import Script, echo_bot, floor_bot
from bench.report_bots import Driven, psm_bot
from tests.harness import Chat
from tests.reporting import fill_until_review

FIRST_PSM = 10_001


@dataclass(frozen=True)
class Run:
    name: str
    updates: int
    seconds: float
    cpu: float
    latencies: list[float]
    requests: int

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000

    def line(self) -> str:
        p50, p95, p99 = (self.percentile(p) for p in (0.5, 0.95, 0.99))
        return (
            f"{self.name:8} {self.rate:6.1f} updates/s  p50 {p50:6.1f}  p95 {p95:6.1f}  "
            f"p99 {p99:6.1f} ms  CPU {self.cpu / self.updates * 1000:4.2f} ms/update  "
            f"requests/update {self.requests / self.updates:.2f}"
        )


async def report(chat: Chat) -> None:
    # A hundred people, each reported a few times: one NIK on every case would link each new
    # report to all the earlier ones, a history no real person comes near. (The last two
    # digits stay, since the floor bot replays the first report's masked NIK.)
    await fill_until_review(chat, nik=f"367101520350{chat.id % 100:02d}01")
    await chat.tap("Kirim laporan")


async def timed(
    name: str, bot: Driven, users: range, work: Callable[[int], Awaitable[None]]
) -> Run:
    """`work` for each of these users at once; what it cost."""
    server = bot.server
    before = sum(1 for r in server.requests if r.method != "getUpdates")
    bot.latencies.clear()
    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(work(user) for user in users))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    requests = sum(1 for r in server.requests if r.method != "getUpdates") - before
    return Run(name, len(bot.latencies), seconds, cpu, list(bot.latencies), requests)


async def crowd(name: str, bot: Driven, users: range) -> Run:
    """These PSM each file one report, all at once."""
    return await timed(name, bot, users, lambda user: report(bot.user(user)))


async def chatter(echo: Driven, users: range, steps: int) -> Run:
    """As many updates to the echo bot, USERS at once, each waiting for its answer."""
    return await timed("echo", echo, users, lambda user: echo.chatter(user, steps))


def median_line(label: str, values: list[float]) -> str:
    shown = ", ".join(f"{v:.2f}" for v in values)
    return f"  {label}: {statistics.median(values):.2f}  (rounds: {shown})"


async def main(options: argparse.Namespace) -> None:
    url = os.environ.get("DATABASE_URL", "")
    database = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    # Fresh PSM for every phase, so that no chat grows longer than one report.
    per_round = 2 * (options.users + options.crowd)
    firsts = (FIRST_PSM + 1 + n * per_round for n in range(options.rounds))
    throughput, tail, versus_echo = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        sqlite = f"sqlite+aiosqlite:///{folder}/bench.db"
        ours = await psm_bot(url or sqlite, Path(folder), options.rounds * per_round)
        # One report alone: the Bot API calls of each step, for the floor to make too.
        script = Script(ours)
        await report(ours.user(FIRST_PSM))
        script.stop()
        floor, echo = await floor_bot(script), await echo_bot()
        await report(floor.user(FIRST_PSM))
        try:
            for round_, first in enumerate(firsts, 1):
                few = range(first, first + options.users)
                many = range(few.stop, few.stop + options.crowd)
                ours_run = await crowd("psm-bot", ours, few)
                floor_run = await crowd("floor", floor, few)
                echo_run = await chatter(echo, few, ours_run.updates // options.users)
                ours_crowd = await crowd("psm-bot", ours, many)
                floor_crowd = await crowd("floor", floor, many)
                print(f"round {round_}: {options.users} PSM at once ({ours_run.updates} updates)")
                for run in (ours_run, floor_run, echo_run):
                    print("  " + run.line())
                print(f"round {round_}: {options.crowd} PSM at once ({ours_crowd.updates} updates)")
                for run in (ours_crowd, floor_crowd):
                    print("  " + run.line())
                throughput.append(ours_run.rate / floor_run.rate)
                versus_echo.append(ours_run.rate / echo_run.rate)
                tail.append(ours_crowd.percentile(0.99) / floor_crowd.percentile(0.99))
        finally:
            for bot in (echo, floor, ours):
                await bot.stop()
    print(f"psm-bot on {database}, medians of {options.rounds} rounds:")
    print(median_line(f"updates/s, psm-bot / floor ({options.users} PSM)", throughput))
    print(median_line(f"updates/s, psm-bot / echo ({options.users} PSM)", versus_echo))
    print(median_line(f"p99, psm-bot / floor ({options.crowd} PSM)", tail))


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--crowd", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    return parser.parse_args()


if __name__ == "__main__":
    warnings.filterwarnings("ignore", category=PTBUserWarning)
    logging.basicConfig(level=logging.ERROR)
    asyncio.run(main(_options()))
