"""Run the bot's CLI as an operator would: a separate process, settings from the environment."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

SETTING_KEYS = (
    "BOT_TOKEN", "DATABASE_URL", "DATA_DIR", "ADMIN_IDS", "TIMEZONE", "DATA_KEY", "SANDBOX_PORT",
    "WEBHOOK_URL", "WEBHOOK_LISTEN", "WEBHOOK_PORT", "WEBHOOK_SECRET_TOKEN", "HEALTH_LISTEN",
    "HEALTH_PORT", "MIN_FREE_DISK_MB", "BACKUP_KEEP_DAYS",
)  # fmt: skip


@dataclass
class Finished:
    code: int
    stdout: str
    stderr: str


def cli_env(cwd: Path, **settings: str) -> dict[str, str]:
    """The machine's environment without any bot setting, plus `settings`.

    /healthz is off unless a test asks for it, so that parallel runs never share its port.
    """
    env = {k: v for k, v in os.environ.items() if k not in SETTING_KEYS}
    env.update({"DATA_DIR": str(cwd / "data"), "HEALTH_PORT": "0", **settings})
    return env


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


class BotProcess:
    """`python -m bot ARGS` left running, its output (stdout and stderr) collected as it comes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.output: list[str] = []
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def start(cls, cwd: Path, *args: str, **settings: str) -> BotProcess:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            *args,
            cwd=cwd,
            env=cli_env(cwd, **settings),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        return cls(process)

    async def _read(self) -> None:
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            self.output.append(line.decode(errors="replace"))

    async def line_with(self, text: str, timeout: float = 30) -> str:  # noqa: ASYNC109
        """The first output line containing `text`; fails with the output so far."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            found = next((line for line in self.output if text in line), None)
            if found is not None:
                return found
            if self.process.returncode is not None:
                break
            await asyncio.sleep(0.05)
        raise AssertionError(f"no line with {text!r}; output:\n{''.join(self.output)[-3000:]}")

    async def stop(self) -> int:
        """SIGTERM, as a supervisor stops it; the exit code (killed after 20 s)."""
        if self.process.returncode is None:
            self.process.terminate()
        try:
            code = await asyncio.wait_for(self.process.wait(), 20)
        except TimeoutError:
            self.process.kill()
            code = await self.process.wait()
        await self._reader
        return code
