"""Every /rekap button's callback data (prefix `rk:`), built and read in this one place.

Export buttons carry their area and period, so they work as long as the message lasts; the
area is checked again on every tap.
"""

from __future__ import annotations

from bot.insight.periods import Period, Preset

AREA = r"^rk:a:(\w+)$"
PERIOD = r"^rk:p:(this|last|year)$"
EXPORT = r"^rk:x:(xlsx|csv|full):(\w+):(\d{16})$"
FULL_YES = r"^rk:y:(\w+):(\d{16})$"
FULL_NO = r"^rk:n$"
# Buttons of the questions, when tapped at the wrong moment.
QUESTION = r"^rk:[ap]:"


def area(code: str) -> str:
    return f"rk:a:{code}"


def period(preset: Preset) -> str:
    return f"rk:p:{preset.value}"


def export(kind: str, area_code: str, chosen: Period) -> str:
    return f"rk:x:{kind}:{area_code}:{chosen.encode()}"


def full_yes(area_code: str, chosen: Period) -> str:
    return f"rk:y:{area_code}:{chosen.encode()}"


FULL_NO_DATA = "rk:n"


def choice(data: str | None) -> str:
    """The last part of a question's button: an area or a preset."""
    return (data or "").rsplit(":", 1)[-1]


def parse_export(data: str | None) -> tuple[str, str, Period]:
    """(kind, area, period) of an export button; ValueError for anything else."""
    parts = (data or "").split(":")
    if len(parts) == 5 and parts[1] == "x":
        return parts[2], parts[3], Period.decode(parts[4])
    if len(parts) == 4 and parts[1] == "y":
        return "full", parts[2], Period.decode(parts[3])
    raise ValueError(f"not an export button: {data!r}")
