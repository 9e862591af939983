"""A case report being filled in; its answers are the /lapor conversation's committed row."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.runtime.answers import years_between


@dataclass
class Draft:
    # Submitting is idempotent by this id when a crash repeats the last step.
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    editing: bool = False
    resume_step: int | None = None
    home_kelurahan: str | None = None
    category: int | None = None
    category_group: str | None = None
    name: str | None = None
    # The NIK itself is kept only encrypted, even in the draft; the masked form is for display.
    nik_token: str | None = None
    nik_masked: str | None = None
    nik_birth_date: str | None = None
    nik_sex: str | None = None
    no_nik_reason: str | None = None
    sex: str | None = None
    birth_date: str | None = None
    age: int | None = None
    age_unknown: bool = False
    kecamatan: str | None = None
    kelurahan: str | None = None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    location_skipped: bool = False
    description: str | None = None
    urgency: str | None = None
    photos: list[list[str]] = field(default_factory=list)
    # Voice notes and documents as `bot.cases.attachments.Held.to_draft` gives them.
    files: list[dict[str, Any]] = field(default_factory=list)

    @property
    def birth(self) -> date | None:
        return date.fromisoformat(self.birth_date) if self.birth_date else None

    def age_on(self, today: date) -> int | None:
        """Age in whole years, from the birth date when known, else as entered."""
        born = self.birth
        return self.age if born is None else years_between(born, today)

    def nik_mismatch(self, today: date) -> bool:
        """True when sex or age were changed by hand away from what the NIK says."""
        if self.nik_token is None or self.nik_birth_date is None:
            return False
        if self.sex != self.nik_sex:
            return True
        if self.birth_date:
            return self.birth_date != self.nik_birth_date
        nik_age = years_between(date.fromisoformat(self.nik_birth_date), today)
        return self.age is not None and self.age != nik_age
