#!/usr/bin/env python3
"""CI: follow README's "Deploying" section, line by line, as far as a CI machine can.

Every `psm ...` line of its shell blocks runs, in order, as `python -m bot ...` in a throwaway
state folder whose `.env` is the section's `/etc/psm-bot/env` (token and Bot API pointed at the
fake Telegram server, the database at this machine's PostgreSQL through its socket, or SQLite
when there is none). `systemctl` lines start and stop `psm-bot run` in the background instead,
`curl .../healthz` asks the running bot, `createdb` creates the database; the lines that need a
real machine (apt-get, useradd, the venv, copying units) are printed as skipped. Between the
steps, the first admin and a PSM from the roster talk to the bot as the section says they do.
Exit 0 when every line that ran succeeded.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy.engine import make_url  # noqa: E402

from bot.sandbox.telegram import FakeTelegramServer  # noqa: E402
from bot.sandbox.telegram.fake_user import FakeUser  # noqa: E402

SOCKET = Path("/run/postgresql/.s.PGSQL.5432")
ADMIN, PSM = 111111111, 1001
ROSTER = "nama,telepon,kelurahan,peran\nLutpiah,081234567890,Sukarasa,psm\n"
SKIPPED = ("apt-get", "useradd", "install ", "python3 -m venv", "/opt/psm-bot/bin/pip", "cp ")


def shell_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Deploying\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


class Deployment:
    def __init__(self, state: Path, telegram: FakeTelegramServer) -> None:
        self.state, self.telegram = state, telegram
        self.env_file = state / "etc-psm-bot-env"
        self.bot: asyncio.subprocess.Process | None = None
        self.postgres = SOCKET.exists()
        self.databases: list[str] = []
        self.health_port = _free_port()

    async def follow(self, lines: list[str]) -> None:
        env_block: list[str] | None = None
        for line in lines:
            if line == "# /etc/psm-bot/env":
                env_block = []
                continue
            if env_block is not None and re.fullmatch(r"[A-Z_]+=.*", line):
                env_block.append(line)
                continue
            if env_block is not None:
                self._write_env(env_block)
                env_block = None
            await self.step(line)
        if env_block is not None:
            self._write_env(env_block)

    async def step(self, line: str) -> None:
        print(f"$ {line}", flush=True)
        if line.startswith("psm() "):
            return
        if line.startswith("psm "):
            await self.psm(*line.split()[1:])
        elif line.startswith("sudo -u postgres createdb"):
            await self.createdb(line.split()[-1])
        elif line.startswith("# in /etc/psm-bot/env: DATABASE_URL="):
            self._set("DATABASE_URL", self._database_url(line.split("=", 1)[1]))
        elif line.startswith("systemctl enable --now") or line == "systemctl start psm-bot":
            await self.start()
        elif line == "systemctl stop psm-bot":
            await self.stop()
        elif line.startswith("curl ") and "/healthz" in line:
            await self.healthz()
        else:
            print("  (skipped here: it needs a real machine)")

    def _write_env(self, lines: list[str]) -> None:
        values = dict(line.split("=", 1) for line in lines)
        values.update(
            BOT_TOKEN=self.telegram.token,
            DATA_DIR=str(self.state),
            HEALTH_PORT=str(self.health_port),
            BOT_API_BASE_URL=self.telegram.base_url,
            DATABASE_URL=self._database_url(values["DATABASE_URL"]),
        )
        self.env_file.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
        self.env_file.chmod(0o640)
        (self.state / ".env").symlink_to(self.env_file)
        (self.state / "roster.csv").write_text(ROSTER)

    def _set(self, key: str, value: str) -> None:
        lines = [ln for ln in self.env_file.read_text().splitlines() if not ln.startswith(key)]
        self.env_file.write_text("\n".join([*lines, f"{key}={value}"]) + "\n")

    def _database_url(self, readme_url: str) -> str:
        """The README's URL with this machine's role and a database of this run's own."""
        name = f"{make_url(readme_url).database}_ci{os.getpid()}"
        if self.postgres:
            url = make_url(readme_url).set(username="postgres", database=name)
            return url.render_as_string(hide_password=False)
        return f"sqlite+aiosqlite:///{self.state / name}.db"

    async def createdb(self, name: str) -> None:
        if not self.postgres:
            print("  (no PostgreSQL socket here: SQLite stands in)")
            return
        name = f"{name}_ci{os.getpid()}"
        await _run(
            "psql", "-h", str(SOCKET.parent), "-U", "postgres", "-qc", f"CREATE DATABASE {name}"
        )
        self.databases.append(name)

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not re.fullmatch(r"[A-Z_]+", k) or k in (
            "PATH", "HOME", "LANG", "PYTHONPATH", "PSM_TEST_YEARS_AHEAD")}  # fmt: skip
        return {**env, "PYTHONPATH": f"{ROOT}:{env.get('PYTHONPATH', '')}".rstrip(":")}

    async def psm(self, *args: str) -> None:
        args = tuple(self._here(arg) for arg in args)
        await _run(sys.executable, "-m", "bot", *args, cwd=self.state, env=self._env())

    def _here(self, arg: str) -> str:
        arg = arg.replace("/var/lib/psm-bot", str(self.state))
        if re.search(r"psm-bot-\d{8}-\d{6}$", arg):
            newest = sorted((self.state / "backups").iterdir())[-1]
            arg = str(newest)
        return arg

    async def start(self) -> None:
        self.bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=self.state, env=self._env()
        )
        for _ in range(300):
            try:
                status, body = _get(f"http://127.0.0.1:{self.health_port}/healthz")
            except OSError:
                status, body = 0, ""
            if status == 200 and '"active"' in body and self._polling():
                break
            await asyncio.sleep(0.1)
        else:
            raise SystemExit("the bot did not become healthy and active within 30 s")
        await self.talk()

    def _polling(self) -> bool:
        return any(r.method == "getUpdates" for r in self.telegram.requests)

    async def talk(self) -> None:
        """The first admin says /start; Lutpiah from the roster registers, then reports."""
        await _answered(self.telegram, FakeUser(self.telegram, ADMIN, "Admin"), "/start")
        psm = FakeUser(self.telegram, PSM, "Lutpiah")
        await _answered(self.telegram, psm, "/start")
        seen = len(self.telegram.sent_to(PSM))
        psm.send_contact("6281234567890")
        await _wait(lambda: len(self.telegram.sent_to(PSM)) > seen)
        await _answered(self.telegram, psm, "/lapor")
        print("  the admin and a PSM from the roster are answered")

    async def healthz(self) -> None:
        status, _ = _get(f"http://127.0.0.1:{self.health_port}/healthz")
        if status != 200:
            raise SystemExit(f"/healthz answered {status}")

    async def stop(self) -> None:
        if self.bot is not None and self.bot.returncode is None:
            self.bot.send_signal(signal.SIGTERM)
            if await asyncio.wait_for(self.bot.wait(), 30) != 0:
                raise SystemExit("psm-bot run did not stop cleanly")
        self.bot = None

    async def clean_up(self) -> None:
        if self.bot is not None and self.bot.returncode is None:
            self.bot.kill()
            await self.bot.wait()
        for name in self.databases:
            await _run("psql", "-h", str(SOCKET.parent), "-U", "postgres", "-qc",
                       f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # fmt: skip


async def _answered(telegram: FakeTelegramServer, user: FakeUser, text: str) -> None:
    seen = len(telegram.sent_to(user.user_id))
    user.send_text(text)
    await _wait(lambda: len(telegram.sent_to(user.user_id)) > seen)


async def _wait(done: Callable[[], bool]) -> None:
    for _ in range(200):
        if done():
            return
        await asyncio.sleep(0.05)
    raise SystemExit("the bot did not answer within 10 s")


async def _run(*command: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    process = await asyncio.create_subprocess_exec(*command, cwd=cwd, env=env)
    if await asyncio.wait_for(process.wait(), 120) != 0:
        raise SystemExit(f"failed (exit {process.returncode}): {' '.join(command)}")


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def main() -> None:
    telegram = FakeTelegramServer()
    await telegram.start()
    state = Path(tempfile.mkdtemp(prefix="psm-bot-deploying-"))
    deployment = Deployment(state, telegram)
    try:
        await deployment.follow(shell_lines())
        await deployment.stop()
    finally:
        await deployment.clean_up()
        await telegram.stop()
        shutil.rmtree(state, ignore_errors=True)
    telegram.assert_no_rejections()
    print("deploying: README's Deploying section followed to a running, restored, upgraded bot")


if __name__ == "__main__":
    asyncio.run(main())
