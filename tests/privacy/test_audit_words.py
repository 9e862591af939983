"""/audit reads as words in the reader's language, not as codes and JSON."""

from __future__ import annotations

import pytest

from bot.privacy.audit import Audit
from bot.records import AuditWords
from bot.reference.regions import load_regions
from bot.runtime.settings import BUNDLED_DATA
from bot.runtime.texts import Texts
from tests.texts import said


def words(locale: str) -> AuditWords:
    return AuditWords(Texts(), locale, load_regions(BUNDLED_DATA / "kota_tangerang_wilayah.csv"))


@pytest.mark.parametrize("locale", ["id", "en"])
def test_every_action_the_bot_audits_has_words_in_both_languages(locale: str) -> None:
    unnamed = [action.value for action in Audit if words(locale).action(action) == action.value]
    assert unnamed == []


def test_a_rekap_view_reads_as_a_period_and_an_area_not_as_json() -> None:
    line = words("id").detail({"period": "2026010120261204", "scope": "367101"})
    period = said("audit-period", first="01-01-2026", last="04-12-2026")
    assert (
        line == f"{said('audit-detail-period')} {period} · {said('audit-detail-scope')} Tangerang"
    )


def test_nested_filters_flags_dates_and_the_whole_city_read_as_words() -> None:
    detail = {"filter": {"by": "period", "first": "2026-11-01"}, "full_nik": True, "scope": "city"}
    line = words("en").detail(detail)
    assert "2026-11-01" not in line and "01-11-2026" in line
    assert said("audit-by-period", "en") in line and said("audit-yes", "en") in line
    assert said("audit-city", "en") in line and "{" not in line


def test_an_action_from_an_older_release_is_shown_as_it_was_written() -> None:
    assert words("id").action("case.teleport") == "case.teleport"
    assert words("id").detail({"widget": 3, "gone": None}) == "widget 3"
