"""Command menus by role: a PSM's menu lists what a PSM may use; coordinators and admins get theirs.

Telegram shows a private chat the menu set for that chat if there is one, else the default menu
in the user's app language. So the default menus (one per language) hold what everyone may use,
and each active coordinator's and admin's chat gets a menu of its own, in the language they
chose. `users.menu` records what Telegram holds for a chat, and a job brings it in line with
each person's role, status and language every minute: a change made anywhere (/pengguna, the
roster, /bahasa, a departure) reaches the menu without each change having to remember it, and a
request Telegram failed is simply made again at the next tick.
"""

from __future__ import annotations

import logging

from sqlalchemy import or_, select, update
from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.runtime.context import BotApp, BotContext
from bot.runtime.texts import LOCALES, Texts
from storage.people import Role, User, UserStatus

_log = logging.getLogger(__name__)
JOB_NAME = "menus"
# In the order the menu shows them: reporting first, the rarely used last.
COMMANDS = (
    "lapor", "kasus", "siaran", "pengumuman", "hadir", "rekap", "profil", "pengguna", "impor",
    "audit", "subjek", "batal", "bantuan", "bahasa", "start",
)  # fmt: skip
FOR_COORDINATORS = frozenset({"siaran", "pengumuman", "rekap", "pengguna", "impor"})
FOR_ADMINS = frozenset({"audit", "subjek"})
# What each role's menu leaves out; a PSM's leaves out both.
_NOT_FOR = {Role.COORDINATOR: FOR_ADMINS, Role.ADMIN: frozenset()}


def commands_for(role: str) -> list[str]:
    """The commands someone of this role may use, in menu order."""
    hidden = _NOT_FOR.get(Role(role), FOR_COORDINATORS | FOR_ADMINS)
    return [name for name in COMMANDS if name not in hidden]


def menu(texts: Texts, locale: str, role: str) -> list[BotCommand]:
    return [BotCommand(name, texts.get(locale, f"command-{name}")) for name in commands_for(role)]


def wanted(user: User, default_locale: str) -> str | None:
    """The menu this person's chat should hold: "role:locale", or None for the default one."""
    if user.status != UserStatus.ACTIVE or user.role == Role.PSM:
        return None
    return f"{user.role}:{user.locale or default_locale}"


async def set_default_menus(bot: Bot, texts: Texts, default_locale: str) -> None:
    """Publish what everyone may use: in the default language, then in each language."""
    await bot.set_my_commands(menu(texts, default_locale, Role.PSM))
    for locale in LOCALES:
        await bot.set_my_commands(menu(texts, locale, Role.PSM), language_code=locale)


async def sync_menus(context: BotContext) -> None:
    """Give each coordinator's and admin's chat the menu of their role and language."""
    services = context.services
    # Telegram knows only chats that were opened: an admin of ADMIN_IDS who never wrote waits.
    privileged = (User.role != Role.PSM) & (User.status == UserStatus.ACTIVE)
    opened = User.last_seen_at.is_not(None)
    concerned = select(User).where(or_(privileged & opened, User.menu.is_not(None)))
    async with services.sessions() as session:
        people = list(await session.scalars(concerned))
    for person in people:
        want = wanted(person, services.settings.default_locale)
        if want == person.menu:
            continue
        scope = BotCommandScopeChat(person.telegram_id)
        try:
            if want is None:
                await context.bot.delete_my_commands(scope=scope)
            else:
                role, locale = want.split(":")
                await context.bot.set_my_commands(menu(services.texts, locale, role), scope=scope)
        except (BadRequest, Forbidden) as refused:
            # The chat is gone (or blocked the bot): asking again every minute would not help.
            _log.warning("menu of user %s refused: %s", person.id, type(refused).__name__)
        except TelegramError as failed:
            _log.warning("menu of user %s not set, next tick: %s", person.id, type(failed).__name__)
            continue
        async with services.sessions.begin() as session:
            await session.execute(update(User).where(User.id == person.id).values(menu=want))


def schedule(application: BotApp) -> None:
    """Every minute; the first a few seconds after start, once the bot is up."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        sync_menus, interval=60, first=5, name=JOB_NAME, job_kwargs={"max_instances": 1}
    )
