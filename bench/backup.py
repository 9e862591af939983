"""`psm-bot backup` and `restore` on a city of N cases: how they compare with copying the files.

The city is bench/scale_data.py's (cases with events, photos, alerts, referrals, a thousand
PSM). Printed as ratios measured in one run: the backup (a consistent copy, counting every
table, checksums, the manifest) against a plain copy of the database file or `pg_dump -Fc`
alone, and the restore (into an empty database, recounted and checked) against the backup.
With DATABASE_URL=postgresql+asyncpg://... it measures PostgreSQL (that database is replaced).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scale import Database, build
from bot.records.backup import backup
from bot.records.dumps import pg_tool
from bot.records.restore import restore
from storage.db import create_engine


async def wipe(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def main(cases: int) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    url = os.environ.get("DATABASE_URL", "")
    key = Fernet.generate_key()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        postgres = url.startswith("postgresql")
        if not postgres:
            url = f"sqlite+aiosqlite:///{folder / 'city.db'}"
        # On PostgreSQL, bench/scale.py builds its city in the schema it is given: public here.
        await build(Database(cases, url, "public" if postgres else None), now)
        started = time.perf_counter()
        if url.startswith("sqlite"):
            shutil.copyfile(folder / "city.db", folder / "plain.db")
        else:
            await pg_tool("pg_dump", url, "-Fc", "-f", str(folder / "plain.dump"))
        plain = time.perf_counter() - started

        started = time.perf_counter()
        made = await backup(url, [key], folder / "backups", now, keep_days=0)
        backed_up = time.perf_counter() - started
        if url.startswith("sqlite"):
            (folder / "city.db").unlink()
        else:
            await wipe(url)
        started = time.perf_counter()
        await restore(url, made.folder, key.decode(), folder / "data", force=False)
        restored = time.perf_counter() - started

    rows = sum(made.manifest.counts.values())
    backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"# {backend}: {cases} cases, {rows} rows in {len(made.manifest.counts)} tables")
    print(f"backup / plain copy:  {backed_up / plain:.2f}  ({backed_up:.1f} s / {plain:.1f} s)")
    print(f"restore / backup:     {restored / backed_up:.2f}  ({restored:.1f} s)")


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().cases))
