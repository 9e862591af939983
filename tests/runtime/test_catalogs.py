"""The Fluent catalogs agree with each other, with Telegram HTML and with the code using them."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.announcements.report import EXPORT_COLUMNS
from bot.insight.export_rows import COLUMNS as REKAP_COLUMNS
from bot.people.menus import COMMANDS
from bot.people.roster_problems import Column, Issue
from bot.records.audit_review import AUDIT_COLUMNS
from bot.records.exports import CASE_COLUMNS, EVENT_COLUMNS, REFERRAL_COLUMNS
from bot.runtime.texts import LOCALES, LOCALES_DIR, Texts
from storage.delivery import DeliveryStatus

ROOT = Path(__file__).resolve().parents[2]
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span"}
TELEGRAM_TAGS |= {"tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"}
BARE_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")
# `.t("key"`, `t("key"`, `texts.get(locale, "key"` (also across lines) and `BadAnswer("key"`.
KEY_USE = re.compile(r'(?:\bt|texts\.get|BadAnswer)\(\s*(?:[\w.]+,\s*)?"([a-z][a-zA-Z0-9-]*)"')
DYNAMIC_FAMILIES: dict[str, tuple[str, ...]] = {
    "category-group-{}": ("anak", "lansia", "jalanan", "korban", "keluarga"),
    "no-nik-{}": ("belum", "hilang", "tidaktahu"),
    "sex-{}": ("L", "P"),
    "urgency-{}": ("darurat", "tinggi", "sedang", "rendah"),
    "edit-{}": (
        *("category", "name", "nik", "sex", "age", "place"),
        *("address", "gps", "description", "urgency", "photos"),
    ),
    "nik-invalid-{}": ("length", "region", "date", "serial"),
    "answer-{}": tuple(
        f"{what}-{end}"
        for what in ("name", "reason", "address", "description")
        for end in ("short", "long")
    ),
    "welcome-{}": ("psm", "coordinator", "admin"),
    "signup-activated-{}": ("psm", "coordinator", "admin"),
    "approval-refused-{}": ("unknown", "forbidden", "decided"),
    "command-{}": (
        *("lapor", "batal", "bantuan", "bahasa", "start", "pengumuman", "hadir", "siaran"),
        *("rekap", "profil", "pengguna", "impor"),
    ),
    "role-{}": ("psm", "coordinator", "admin"),
    "help-command-{}": COMMANDS,
    "person-status-{}": ("pending", "active", "rejected", "inactive", "blocked"),
    "people-filter-{}": ("all", "active", "pending", "inactive", "idle"),
    "people-{}": ("refused", "stale", "same", "empty", "decided", "needs-kelurahan"),
    "person-act-{}": ("off", "on", "move", "role", "areas"),
    "person-event-{}": (
        *("deactivated", "left", "reactivated", "moved", "move_requested", "move_rejected"),
        *("role", "areas", "renamed", "phone", "cases_handed", "cases_kept"),
    ),
    "profile-button-{}": ("name", "phone", "move", "leave", "done"),
    "phone-{}": ("changed", "same", "taken"),
    "import-refused-{}": ("role", "area", "person"),
    "roster-problem-{}": tuple(Issue),
    "roster-column-{}": tuple(Column),
    "answer-search-{}": ("short", "long"),
    "answer-broadcast-{}": ("short", "long", "caption-short", "caption-long"),
    "broadcast-to-{}": ("all", "mine", "pick", "coordinators"),
    "broadcast-refused-{}": ("forbidden", "empty", "nobody"),
    "answer-announce-{}": tuple(
        f"{what}-{end}"
        for what in ("title", "body", "caption", "venue")
        for end in ("short", "long")
    ),
    "button-announce-to-{}": ("all", "mine", "pick", "coordinators"),
    "announce-audience-{}": ("empty", "forbidden", "nobody"),
    "announce-refused-{}": ("forbidden", "cancelled", "started", "before-send"),
    "announce-export-{}": EXPORT_COLUMNS,
    "announce-delivery-{}": tuple(DeliveryStatus),
    "rsvp-saved-{}": ("yes", "no"),
    "rsvp-answer-{}": ("yes", "no", "none"),
    "rsvp-refused-{}": ("closed", "cancelled", "unknown", "not-invited", "inactive"),
    "checkin-refused-{}": ("unknown", "not-invited", "cancelled", "not-today", "inactive"),
    "rekap-refused-{}": ("not-allowed", "forbidden", "full"),
    "rekap-bad-period-{}": ("format", "date", "order", "future", "long"),
    "rekap-button-{}": ("this", "last", "year", "xlsx", "csv", "full"),
    "rekap-month-{}": tuple(str(month) for month in range(1, 13)),
    "rekap-group-{}": ("anak", "lansia", "jalanan", "korban", "keluarga"),
    "rekap-urgency-{}": ("darurat", "tinggi", "sedang", "rendah"),
    "rekap-outcome-{}": ("accepted", "rejected", "done", "pending"),
    "rekap-chart-{}": (
        *("category", "area-kecamatan", "area-kelurahan", "urgency", "status"),
        *("flow-weekly", "flow-monthly", "referrals", "psm"),
        *("timing-days", "timing-hours", "timing-minutes"),
    ),
    "rekap-summary-{}": ("verify", "close"),
    "rekap-col-{}": REKAP_COLUMNS,
    "audit-bad-{}": ("usage", "user", "case"),
    "audit-col-{}": AUDIT_COLUMNS,
    "subject-col-{}": (*CASE_COLUMNS, *EVENT_COLUMNS, *REFERRAL_COLUMNS),
    "subject-sheet-{}": ("cases", "events", "referrals", "audit"),
    "event-{}": ("repeat", "reported_again"),
}


@cache
def resources(locale: str) -> dict[str, ast.Resource]:
    """Each catalog file of the locale by file name, parsed."""
    paths = sorted((LOCALES_DIR / locale).glob("*.ftl"))
    assert paths, f"no catalog for {locale}"
    return {p.name: FluentParser().parse(p.read_text(encoding="utf-8")) for p in paths}


def messages(locale: str, file: str | None = None) -> list[ast.Message]:
    chosen = [res for name, res in resources(locale).items() if file in (None, name)]
    return [e for res in chosen for e in res.body if isinstance(e, ast.Message)]


class _Variables(Visitor):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def placeholders(message: ast.Message) -> set[str]:
    found = _Variables()
    found.visit(message)
    return found.names


class _TelegramHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            self.problems.append(f"tag <{tag}> is not allowed by Telegram")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/> is not allowed by Telegram")

    def handle_data(self, data: str) -> None:
        if "<" in data:
            self.problems.append("a literal '<' must be written &lt;")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"</{tag}> does not close the innermost open tag")


def html_problems(text: str) -> list[str]:
    checker = _TelegramHtml()
    checker.feed(text)
    checker.close()
    unclosed = [f"<{tag}> is never closed" for tag in checker.open]
    bare = ["a bare '&' must be written &amp;"] if BARE_AMPERSAND.search(text) else []
    return checker.problems + unclosed + bare


def test_catalogs_parse_without_errors() -> None:
    for locale in LOCALES:
        for resource in resources(locale).values():
            junk = [e for e in resource.body if isinstance(e, ast.Junk)]
            assert not junk, f"{locale}: unparsable entries: {[j.content[:60] for j in junk]}"


def test_every_locale_has_the_same_message_ids() -> None:
    every_id = [m.id.name for m in messages(LOCALES[0])]
    assert len(every_id) == len(set(every_id)), f"{LOCALES[0]} defines an id twice"
    for locale in LOCALES[1:]:
        files, reference_files = set(resources(locale)), set(resources(LOCALES[0]))
        assert files == reference_files, f"{locale} catalog files: {files} != {reference_files}"
        for file in resources(LOCALES[0]):
            ids = [m.id.name for m in messages(locale, file)]
            reference = [m.id.name for m in messages(LOCALES[0], file)]
            assert ids == reference, f"{locale}/{file}: ids or their order differ"


def test_every_message_uses_the_same_placeholders_in_every_locale() -> None:
    reference = {m.id.name: placeholders(m) for m in messages(LOCALES[0])}
    for locale in LOCALES[1:]:
        for message in messages(locale):
            expected = reference.get(message.id.name)
            assert placeholders(message) == expected, f"{locale}/{message.id.name} placeholders"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_renders_valid_telegram_html(locale: str) -> None:
    texts = Texts()
    for message in messages(locale):
        names = placeholders(message)
        text = texts.get(locale, message.id.name, **{name: "x<&>" for name in names})
        assert not html_problems(text), f"{locale}/{message.id.name}: {html_problems(text)}"
        if names:
            assert "x&lt;&amp;&gt;" in text, f"{locale}/{message.id.name} lost an argument"
            assert "<&>" not in text, f"{locale}/{message.id.name} did not escape its argument"


def test_every_key_the_code_uses_exists() -> None:
    sources = [p for folder in ("bot", "handlers") for p in (ROOT / folder).rglob("*.py")]
    used = {key for path in sources for key in KEY_USE.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 50, f"the key scan looks broken: found only {sorted(used)}"
    used |= {family.format(part) for family, parts in DYNAMIC_FAMILIES.items() for part in parts}
    for locale in LOCALES:
        defined = {m.id.name for m in messages(locale)}
        assert not used - defined, f"{locale} lacks keys used by the code: {sorted(used - defined)}"
