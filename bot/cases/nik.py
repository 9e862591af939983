"""NIK (Nomor Induk Kependudukan) structure checks, birth-date/sex decoding and masking."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# Kemendagri province codes; a NIK keeps the province of first registration.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53}
    | set(range(61, 66))
    | set(range(71, 77))
    | {81, 82}
    | set(range(91, 97))
)


class NikProblem(StrEnum):
    """Why a NIK was refused; each has its own friendly text in the catalogs."""

    LENGTH = "length"
    REGION = "region"
    DATE = "date"
    SERIAL = "serial"


@dataclass(frozen=True)
class NikInfo:
    nik: str
    birth_date: date
    sex: str  # "L" or "P", the codes used on Indonesian ID cards


class InvalidNik(ValueError):
    def __init__(self, problem: NikProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def parse_nik(text: str, today: date) -> NikInfo:
    """Check a NIK's structure and decode it; raise InvalidNik naming the first problem."""
    nik = re.sub(r"[\s.\-]", "", text)
    if not re.fullmatch(r"\d{16}", nik):
        raise InvalidNik(NikProblem.LENGTH)
    province, regency, district = int(nik[0:2]), int(nik[2:4]), int(nik[4:6])
    if province not in PROVINCE_CODES or regency == 0 or district == 0:
        raise InvalidNik(NikProblem.REGION)
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "P" if day > 40 else "L"
    day = day - 40 if day > 40 else day
    # Two-digit years: the latest century that does not put the birth in the future.
    year = 2000 + year2 if 2000 + year2 <= today.year else 1900 + year2
    try:
        born = date(year, month, day)
    except ValueError:
        raise InvalidNik(NikProblem.DATE) from None
    if born > today:
        raise InvalidNik(NikProblem.DATE)
    if nik[12:16] == "0000":
        raise InvalidNik(NikProblem.SERIAL)
    return NikInfo(nik=nik, birth_date=born, sex=sex)


def mask_nik(nik: str) -> str:
    """Keep the region prefix and the last two digits: enough to tell NIKs apart, not to use one."""
    return f"{nik[:6]}••••••••{nik[-2:]}"
