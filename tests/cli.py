"""Run the bot's CLI as an operator would: a separate process, settings from the environment."""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass
from pathlib import Path

SETTING_KEYS = ("BOT_TOKEN", "DATABASE_URL", "DATA_DIR", "ADMIN_IDS", "TIMEZONE", "DATA_KEY")


@dataclass
class Finished:
    code: int
    stdout: str
    stderr: str


def cli_env(cwd: Path, **settings: str) -> dict[str, str]:
    """The machine's environment without any bot setting, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if k not in SETTING_KEYS}
    env.update({"DATA_DIR": str(cwd / "data"), **settings})
    return env


async def run_cli(cwd: Path, *args: str, **settings: str) -> Finished:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env=cli_env(cwd, **settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return Finished(process.returncode or 0, out.decode(), err.decode())
