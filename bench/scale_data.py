"""The rows of a city that has reported N cases: what bench/scale.py measures its queries on.

Kota Tangerang's 13 kecamatan and 104 kelurahan (bot/data), a thousand PSM spread over them,
one coordinator per kecamatan and two admins. Cases are spread over five years; the younger a
case, the likelier it is still open (about a fifth are open in all); each has two timeline
events, a photo and the alert its coordinator got, and one in ten a referral. Open cases await
their next nudge, a handful of them due now. Every 2,000 cases an announcement went to every
PSM, half of whom answered; a broadcast of one row per hundred cases is waiting to be sent.

Rows are plain tuples per table, produced in chunks, so a million cases never sit in memory.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bench.scale_columns import (
    ANNOUNCEMENT_COLUMNS,
    CASE_COLUMNS,
    DRAFT_COLUMNS,
    EVENT_COLUMNS,
    OUTBOX_COLUMNS,
    PHOTO_COLUMNS,
    REFERRAL_COLUMNS,
    RSVP_COLUMNS,
    USER_COLUMNS,
)
from bot.reference.regions import load_regions
from bot.runtime.settings import BUNDLED_DATA
from storage.cases import Urgency

PSM_COUNT = 1000
FIRST_PSM, FIRST_COORDINATOR, FIRST_ADMIN = 100_000, 200_000, 300_000
ALERT, ANNOUNCEMENT, BROADCAST = "case_alert", "announcement", "broadcast"
CASES_PER_ANNOUNCEMENT, CASES_PER_WAITING_BROADCAST_ROW = 2000, 100
YEARS = 5
DUE_NOW = 20
CHUNK = 20_000
OPEN_STATUSES = ("baru", "diverifikasi", "ditangani", "dirujuk", "dikembalikan", "dibuka_kembali")
URGENCIES = [(Urgency.DARURAT, 0.05), (Urgency.TINGGI, 0.2), (Urgency.SEDANG, 0.45)]
NUDGE_DAYS = {Urgency.DARURAT: 1, Urgency.TINGGI: 3, Urgency.SEDANG: 7, Urgency.RENDAH: 14}
Row = tuple[Any, ...]


@dataclass(frozen=True)
class Person:
    id: int
    telegram_id: int
    kecamatan_code: str | None
    kelurahan_code: str | None


class City:
    """Who lives in the data, and how to write its tables; `now` is the moment of measuring."""

    def __init__(self, cases: int, now: datetime, seed: int = 7) -> None:
        self.cases, self.now = cases, now
        self.random = random.Random(seed)
        regions = load_regions(BUNDLED_DATA / "kota_tangerang_wilayah.csv")
        self.kecamatan = [k.code for k in regions.kecamatan]
        kelurahan = [k for kec in regions.kecamatan for k in kec.kelurahan]
        self.psm = [
            Person(i + 1, FIRST_PSM + i, k.kecamatan_code, k.code)
            for i, k in enumerate(self.random.choice(kelurahan) for _ in range(PSM_COUNT))
        ]
        self.coordinators = [
            Person(PSM_COUNT + i + 1, FIRST_COORDINATOR + i, code, None)
            for i, code in enumerate(self.kecamatan)
        ]
        first_admin = PSM_COUNT + len(self.coordinators) + 1
        self.admins = [Person(first_admin + i, FIRST_ADMIN + i, None, None) for i in range(2)]
        self.coordinator_of = {p.kecamatan_code: p for p in self.coordinators}
        self.announcements = max(1, cases // CASES_PER_ANNOUNCEMENT)
        self.waiting = max(25, cases // CASES_PER_WAITING_BROADCAST_ROW)

    # -- tables, in the order they are written ------------------------------------------------
    def tables(self) -> Iterator[tuple[str, list[str], Iterator[list[Row]]]]:
        yield "users", USER_COLUMNS, _chunks(self._users())
        yield (
            "coordinator_areas",
            ["user_id", "kecamatan_code"],
            _chunks((p.id, p.kecamatan_code) for p in self.coordinators),
        )
        yield "cases", CASE_COLUMNS, _chunks(self._cases())
        yield "case_events", EVENT_COLUMNS, _chunks(self._events())
        yield "case_photos", PHOTO_COLUMNS, _chunks(self._photos())
        yield "referrals", REFERRAL_COLUMNS, _chunks(self._referrals())
        yield "announcements", ANNOUNCEMENT_COLUMNS, _chunks(self._announcements())
        yield "announcement_rsvps", RSVP_COLUMNS, _chunks(self._rsvps())
        yield "outbox_messages", OUTBOX_COLUMNS, _chunks(self._outbox())
        yield "outbox_campaigns", ["kind", "campaign_id", "done_at"], _chunks(self._campaigns())
        yield "conversation_drafts", DRAFT_COLUMNS, _chunks(self._drafts())

    def _users(self) -> Iterator[Row]:
        created = self.now - timedelta(days=365 * YEARS)
        for p in self.psm:
            yield (p.id, p.telegram_id, f"PSM {p.id}", "psm", "active", None,
                   p.kelurahan_code, p.kecamatan_code, created)  # fmt: skip
        for p in self.coordinators:
            yield (p.id, p.telegram_id, f"Koordinator {p.kecamatan_code}", "coordinator",
                   "active", None, None, None, created)  # fmt: skip
        for p in self.admins:
            yield (p.id, p.telegram_id, f"Admin {p.id}", "admin", "active", None, None, None,
                   created)  # fmt: skip

    def case(self, i: int) -> dict[str, Any]:
        """Case i (from 1), the same every time it is asked for."""
        r = random.Random(i * 7919 + self.cases)
        age = timedelta(days=YEARS * 365 * (1 - i / (self.cases + 1)))
        created = self.now - age - timedelta(minutes=5)
        days = age.days
        chance = 0.9 if days < 30 else 0.5 if days < 180 else 0.15
        status = r.choice(OPEN_STATUSES) if r.random() < chance else "selesai"
        reporter = self.psm[r.randrange(PSM_COUNT)]
        draw, urgency = r.random(), Urgency.RENDAH
        for candidate, share in URGENCIES:
            if draw < share:
                urgency = candidate
                break
            draw -= share
        if status == "selesai":
            activity = created + age * r.random() * min(1.0, 60 / max(days, 1))
        else:
            activity = created + age * r.random()
        interval = timedelta(days=NUDGE_DAYS[urgency])
        nudge = None
        if status != "selesai" and self.now - activity < 3 * interval:
            # Due ones are nudged each minute; the rest wait for theirs.
            nudge = self.now + interval * r.random()
        if status != "selesai" and i % max(1, self.cases // DUE_NOW) == 0:
            nudge = self.now - timedelta(seconds=r.randrange(60))
        return {
            "id": i, "number": f"TNG-{created.year}-{i:07d}", "reporter": reporter,
            "created": created, "activity": activity, "status": status, "urgency": urgency,
            "nudge": nudge,
        }  # fmt: skip

    def _cases(self) -> Iterator[Row]:
        for i in range(1, self.cases + 1):
            c = self.case(i)
            reporter: Person = c["reporter"]
            yield (
                c["id"], c["number"], f"draft-{i}", reporter.id, 1 + i % 26, f"Penerima {i}",
                None, "3671********0001", None, "P" if i % 2 else "L", None, 40 + i % 50,
                reporter.kecamatan_code, reporter.kelurahan_code, f"Jl. Contoh No. {i % 200}",
                -6.17, 106.64, "Keadaan penerima manfaat.", c["urgency"].value, c["status"],
                c["created"], c["activity"], c["activity"], c["nudge"],
                0,
            )  # fmt: skip

    def _events(self) -> Iterator[Row]:
        for i in range(1, self.cases + 1):
            c = self.case(i)
            coordinator = self.coordinator_of[c["reporter"].kecamatan_code]
            yield (2 * i - 1, i, c["reporter"].id, "created", None, None, c["created"])
            yield (2 * i, i, coordinator.id, "verify", "Sudah dicek.", None, c["activity"])

    def _photos(self) -> Iterator[Row]:
        for i in range(1, self.cases + 1):
            yield (i, i, f"AgACAgUAAxkBAAI{i}", f"u{i}", self.case(i)["created"])

    def _referrals(self) -> Iterator[Row]:
        for i in range(10, self.cases + 1, 10):
            c = self.case(i)
            coordinator = self.coordinator_of[c["reporter"].kecamatan_code]
            pending = c["status"] == "dirujuk"
            due = self.now + timedelta(days=3) if pending else None
            if pending and (i // 10) % max(1, self.cases // 2000) == 0:
                due = self.now - timedelta(seconds=30)
            yield (i // 10, i, "dinkes", None, coordinator.id, c["activity"],
                   None if pending else "accepted", None if pending else coordinator.id,
                   None if pending else c["activity"], due)  # fmt: skip

    def _announcements(self) -> Iterator[Row]:
        author = self.admins[0].id
        for a in range(1, self.announcements + 1):
            starts = self.now - timedelta(days=YEARS * 365 * (1 - a / (self.announcements + 1)))
            yield (a, f"draft-a{a}", f"K{a:07d}", author, f"Bimtek {a}", "Bimtek PSM.", None,
                   None, starts, "Aula Dinsos", {"all": True}, starts - timedelta(days=7),
                   "scheduled", starts - timedelta(days=8))  # fmt: skip

    def _rsvps(self) -> Iterator[Row]:
        row = 0
        for a in range(1, self.announcements + 1):
            for p in self.psm[::2]:
                row += 1
                yield (row, a, p.id, "yes" if row % 3 else "no", self.now - timedelta(days=1))

    def _outbox(self) -> Iterator[Row]:
        row = 0
        payload = {"text": "Pesan", "photo": None, "document": None, "buttons": None}
        for i in range(1, self.cases + 1):
            c = self.case(i)
            coordinator = self.coordinator_of[c["reporter"].kecamatan_code]
            row += 1
            yield (row, ALERT, i, coordinator.id, coordinator.telegram_id, payload, "sent", 1, 1,
                   c["created"], None, c["created"], row)  # fmt: skip
        for a in range(1, self.announcements + 1):
            for p in self.psm:
                row += 1
                yield (row, ANNOUNCEMENT, a, p.id, p.telegram_id, payload, "sent", 2, 1,
                       self.now - timedelta(days=2), None, self.now, row)  # fmt: skip
        # A broadcast waiting to go out: one campaign row per recipient, as many as the scale.
        for n in range(self.waiting):
            p = self.psm[n % PSM_COUNT]
            row += 1
            yield (row, BROADCAST, 1 + n // PSM_COUNT, p.id, p.telegram_id, payload, "pending",
                   2, 0, self.now - timedelta(minutes=1), None, None, None)  # fmt: skip

    def _campaigns(self) -> Iterator[Row]:
        for i in range(1, self.cases + 1):
            yield (ALERT, i, self.case(i)["created"])
        for a in range(1, self.announcements + 1):
            yield (ANNOUNCEMENT, a, self.now - timedelta(days=1))
        for b in range(1, 1 + (self.waiting - 1) // PSM_COUNT + 1):
            yield (BROADCAST, b, None)

    def _drafts(self) -> Iterator[Row]:
        # Reports in progress; those idle for hours were reminded already, but for a few.
        for n, p in enumerate(self.psm[:300]):
            idle = timedelta(hours=n % 5)
            reminded = None if n % 5 < 2 or n % 50 == 4 else self.now - idle / 2
            yield (n + 1, p.telegram_id, p.telegram_id, "report", 3, {"name": "Mak Onah"},
                   self.now - idle, self.now - idle, reminded)  # fmt: skip


def _chunks(rows: Iterator[Row]) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
