"""Command menus by role: a PSM's menu lists what a PSM may use; coordinators and admins get theirs.

Telegram shows a private chat the menu set for that chat if there is one, else the default menu
in the user's app language. So the default menus (one per language) hold what everyone may use,
and each active coordinator's and admin's chat gets a menu of its own, in the language they
chose (as does a PSM who chose one). `users.menu` records what Telegram holds for a chat. The
handlers that change a role, a status or a language bring that person's menu in line at once
(`refresh_menu`); a job does the same for everyone every minute, as the safety net: a change
made elsewhere (the roster, the CLI) reaches the menu, and a request Telegram failed is made
again at the next tick.
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
    """The menu this person's chat should hold: "role:locale", or None for the default one.

    A PSM's default menu is in their phone's language; one who chose a language with /bahasa
    gets a menu in it.
    """
    if user.status != UserStatus.ACTIVE:
        return None
    if user.role == Role.PSM:
        return f"{user.role}:{user.locale}" if user.locale else None
    return f"{user.role}:{user.locale or default_locale}"


async def set_default_menus(bot: Bot, texts: Texts, default_locale: str) -> None:
    """Publish what everyone may use: in the default language, then in each language."""
    await bot.set_my_commands(menu(texts, default_locale, Role.PSM))
    for locale in LOCALES:
        await bot.set_my_commands(menu(texts, locale, Role.PSM), language_code=locale)


async def sync_menus(context: BotContext) -> None:
    """Give each coordinator's and admin's chat the menu of their role and language."""
    # Telegram knows only chats that were opened: an admin of ADMIN_IDS who never wrote waits.
    own = (User.role != Role.PSM) | User.locale.is_not(None)
    opened = (User.status == UserStatus.ACTIVE) & User.last_seen_at.is_not(None)
    concerned = select(User).where(or_(own & opened, User.menu.is_not(None)))
    async with context.services.sessions() as session:
        people = list(await session.scalars(concerned))
    for person in people:
        await _sync(context, person)


async def refresh_menu(
    context: BotContext, *, user_id: int | None = None, telegram_id: int | None = None
) -> None:
    """Bring one person's menu in line at once, after a change of role, status or language."""
    who = User.id == user_id if user_id is not None else User.telegram_id == telegram_id
    async with context.services.sessions() as session:
        person = await session.scalar(select(User).where(who))
    if person is not None:
        await _sync(context, person)


async def _sync(context: BotContext, person: User) -> None:
    services = context.services
    want = wanted(person, services.settings.default_locale)
    if want == person.menu:
        return
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
        return
    async with services.sessions.begin() as session:
        await session.execute(update(User).where(User.id == person.id).values(menu=want))


def schedule(application: BotApp) -> None:
    """Every minute; the first a few seconds after start, once the bot is up."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        sync_menus, interval=60, first=5, name=JOB_NAME, job_kwargs={"max_instances": 1}
    )
