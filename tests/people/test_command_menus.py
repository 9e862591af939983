"""Each person's command menu lists what they may use, in their language, and follows changes."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler

from storage.db import create_engine
from storage.people import User, UserStatus
from tests.conftest import ADMIN_ID
from tests.harness import BotHarness
from tests.people.conftest import BUDI, LUTPIAH, RINA, SARI, People
from tests.texts import said

JOB = "menus"
PSM_MENU = ["lapor", "kasus", "hadir", "profil", "batal", "bantuan", "bahasa", "start"]
COORDINATING = {"siaran", "pengumuman", "rekap", "pengguna", "impor"}
ADMINISTERING = {"audit", "subjek"}
ALIASES = {"help"}  # English users may type it; the menu offers /bantuan


def menu_of(harness: BotHarness, chat_id: int, app_language: str = "id") -> dict[str, str]:
    """The menu Telegram shows in this chat, command -> description."""
    menu = harness.telegram.account.menu_for(chat_id, app_language)
    return {command["command"]: command["description"] for command in menu}


def has_own_menu(harness: BotHarness, chat_id: int) -> bool:
    return any(f'"chat_id": {chat_id}' in scope for scope, _ in harness.telegram.account.commands)


@pytest.fixture
async def opened(harness: BotHarness, people: People) -> None:
    """Everyone has written to the bot once: Telegram sets menus only for chats it knows."""
    for chat_id in (LUTPIAH, RINA, BUDI, SARI, ADMIN_ID):
        await harness.user(chat_id).send("/bantuan")


async def test_a_psm_menu_lists_only_what_a_psm_may_use_in_their_app_language(
    harness: BotHarness, opened: None
) -> None:
    await harness.run_job(JOB)
    assert list(menu_of(harness, LUTPIAH)) == PSM_MENU
    english = menu_of(harness, RINA, "en")
    assert list(english) == PSM_MENU and english["lapor"] == said("command-lapor", "en")
    # Rina chose English with /bahasa: hers is a menu of her own, whatever her phone's language.
    assert not has_own_menu(harness, LUTPIAH) and has_own_menu(harness, RINA)
    assert menu_of(harness, RINA)["lapor"] == said("command-lapor", "en")


async def test_coordinators_and_admins_get_a_menu_of_their_own_in_the_language_they_chose(
    harness: BotHarness, opened: None
) -> None:
    await harness.run_job(JOB)
    # An English phone, but Pak Budi chose nothing: the bot's default language, Indonesian.
    budi = menu_of(harness, BUDI, "en")
    assert set(budi) == set(PSM_MENU) | COORDINATING
    assert budi["rekap"] == said("command-rekap")
    assert set(menu_of(harness, ADMIN_ID)) == set(PSM_MENU) | COORDINATING | ADMINISTERING


async def test_a_menu_follows_a_change_of_language_at_once(
    harness: BotHarness, opened: None
) -> None:
    await harness.run_job(JOB)
    budi, lutpiah = harness.user(BUDI), harness.user(LUTPIAH)
    await budi.tap_data("lang:en", (await budi.send("/bahasa")).last)
    await lutpiah.tap_data("lang:en", (await lutpiah.send("/bahasa")).last)
    # No tick of the job in between: the chats show the new language as soon as it is chosen.
    assert menu_of(harness, BUDI)["rekap"] == said("command-rekap", "en")
    lutpiah_menu = menu_of(harness, LUTPIAH)  # an Indonesian phone; she chose English
    assert list(lutpiah_menu) == PSM_MENU and lutpiah_menu["lapor"] == said("command-lapor", "en")


async def test_help_lists_only_the_commands_of_the_persons_role(
    harness: BotHarness, opened: None
) -> None:
    psm = (await harness.user(LUTPIAH).send("/bantuan")).text
    admin = (await harness.user(ADMIN_ID).send("/bantuan")).text
    for name in PSM_MENU:
        assert said(f"help-command-{name}") in psm
    for name in COORDINATING | ADMINISTERING:
        assert said(f"help-command-{name}") not in psm and said(f"help-command-{name}") in admin
    assert said("help-command-audit") not in (await harness.user(BUDI).send("/bantuan")).text


async def test_a_menu_follows_a_change_of_status_made_elsewhere_at_the_next_tick(
    harness: BotHarness, opened: None, schema: str
) -> None:
    await harness.run_job(JOB)
    budi = harness.user(BUDI)
    await budi.tap_data("lang:en", (await budi.send("/bahasa")).last)
    engine = create_engine(schema)
    async with engine.begin() as connection:
        await connection.execute(
            update(User).where(User.telegram_id == SARI).values(status=UserStatus.INACTIVE)
        )
    await engine.dispose()
    await harness.run_job(JOB)
    assert menu_of(harness, BUDI)["rekap"] == said("command-rekap", "en")
    assert list(menu_of(harness, SARI)) == PSM_MENU and not has_own_menu(harness, SARI)


async def test_a_menu_telegram_failed_to_set_is_set_at_the_next_tick(
    harness: BotHarness, opened: None
) -> None:
    harness.telegram.fail_next("setMyCommands", 500, "Internal Server Error")
    await harness.run_job(JOB)
    # The coordinators, the admin, and Rina, a PSM who chose English; one of them was refused.
    own = (BUDI, SARI, ADMIN_ID, RINA)
    assert sum(has_own_menu(harness, chat_id) for chat_id in own) == 3
    await harness.run_job(JOB)
    assert all(has_own_menu(harness, chat_id) for chat_id in own)


def commands_of(handler: BaseHandler[object, object, object]) -> set[str]:
    if isinstance(handler, CommandHandler):
        return set(handler.commands)
    if isinstance(handler, ConversationHandler):
        inner = [*handler.entry_points, *handler.fallbacks]
        inner += [h for step in handler.states.values() for h in step]
        return set().union(*map(commands_of, inner))
    return set()


async def test_an_admin_who_never_wrote_gets_a_menu_once_they_write(
    harness: BotHarness, people: People
) -> None:
    await harness.run_job(JOB)
    assert not has_own_menu(harness, ADMIN_ID), "Telegram would refuse a chat never opened"
    await harness.user(ADMIN_ID).send("/bantuan")
    await harness.run_job(JOB)
    assert set(menu_of(harness, ADMIN_ID)) >= ADMINISTERING


async def test_the_admin_menu_lists_every_command_the_bot_answers_in_each_language(
    harness: BotHarness, opened: None
) -> None:
    assert harness.app is not None
    answered = set().union(
        *(commands_of(h) for group in harness.app.handlers.values() for h in group)
    )
    await harness.run_job(JOB)
    assert set(menu_of(harness, ADMIN_ID)) == answered - ALIASES
    for locale in ("id", "en"):
        default = menu_of(harness, LUTPIAH, locale)
        assert default["bahasa"] == said("command-bahasa", locale)
