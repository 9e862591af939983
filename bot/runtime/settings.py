"""Typed settings, loaded once from the environment and `.env`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal, Self
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

BUNDLED_DATA = Path(__file__).parents[1] / "data"
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
# What Telegram accepts as a webhook's secret_token.
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class SettingsError(Exception):
    """A setting is missing or invalid; the message names the key and is fit for an operator."""


class Settings(BaseSettings):
    """Every key is documented in `.env.example`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    data_dir: Path = Path("data")
    database_url: str = ""
    bot_api_base_url: str = DEFAULT_API_BASE_URL
    bot_api_base_file_url: str = ""
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    admin_chat_id: int | None = None
    timezone: str = "Asia/Jakarta"
    default_locale: Literal["id", "en"] = "id"
    case_number_prefix: str = Field(default="TNG", pattern=r"^[A-Z0-9]{1,10}$")
    region_file: Path = BUNDLED_DATA / "kota_tangerang_wilayah.csv"
    category_file: Path = BUNDLED_DATA / "ppks_categories.csv"
    sector_file: Path = BUNDLED_DATA / "sectors.csv"
    data_key: SecretStr | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Follow-up nudges: days without activity before the reporting PSM is asked, per urgency.
    nudge_days_darurat: float = Field(default=1, gt=0)
    nudge_days_tinggi: float = Field(default=3, gt=0)
    nudge_days_sedang: float = Field(default=7, gt=0)
    nudge_days_rendah: float = Field(default=14, gt=0)
    quiet_hours: str = Field(default="20:00-07:00", pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")
    referral_nudge_days: float = Field(default=7, gt=0)
    draft_reminder_hours: float = Field(default=2, gt=0)
    followup_tick_seconds: float = Field(default=60, ge=1)
    # Outbox delivery: Telegram allows about 30 messages/s per bot; broadcasts keep below that.
    telegram_max_rate: float = Field(default=30, gt=0)
    broadcast_rate: float = Field(default=25, gt=0)
    outbox_max_attempts: int = Field(default=5, ge=1, le=20)
    outbox_tick_seconds: float = Field(default=5, ge=0.1)
    # Telegram allows a private chat about one message a second: the outbox spaces its own.
    chat_send_interval: float = Field(default=1, ge=0)
    # Without a token the bot runs in the sandbox, whose chat page is on this loopback port.
    sandbox_port: int = Field(default=8080, ge=1, le=65535)
    # Webhook mode: Telegram posts updates to WEBHOOK_URL; a reverse proxy forwards them here.
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret_token: SecretStr | None = None
    # /healthz for operators and `psm-bot status`; 0 switches it off.
    health_listen: str = "127.0.0.1"
    health_port: int = Field(default=8081, ge=0, le=65535)
    # /rekap: last month's figures to coordinators and admins on the 1st at 08:00.
    monthly_report: bool = True
    # Closed cases, and accounts of people who left, lose their personal data after this long.
    retention_years: int = Field(default=5, ge=1, le=100)
    # The monthly retention run inside the bot (1st of the month, 03:00 TIMEZONE).
    retention_job: bool = True
    # `psm-bot doctor` and `psm-bot run` refuse to go on with less free space under DATA_DIR.
    min_free_disk_mb: int = Field(default=200, ge=0)
    # `psm-bot backup` removes its own backups older than this many days; 0 keeps them all.
    backup_keep_days: int = Field(default=14, ge=0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("region_file", "category_file", "sector_file")
    @classmethod
    def _file_exists(cls, value: Path) -> Path:
        if not value.is_file():
            raise ValueError(f"file not found: {value}")
        return value

    @field_validator("broadcast_rate")
    @classmethod
    def _leaves_room_for_replies(cls, value: float, info: ValidationInfo) -> float:
        overall = info.data.get("telegram_max_rate")
        if overall is not None and value >= overall:
            raise ValueError(f"must be below TELEGRAM_MAX_RATE ({overall}) so replies get through")
        return value

    @model_validator(mode="after")
    def _webhook_is_complete(self) -> Self:
        if not self.webhook_url:
            return self
        if not self.webhook_url.startswith("https://") or not urlsplit(self.webhook_url).netloc:
            raise ValueError("WEBHOOK_URL must be an https:// address (Telegram posts only there)")
        secret = self.webhook_secret_token.get_secret_value() if self.webhook_secret_token else ""
        if not _SECRET_TOKEN.fullmatch(secret):
            raise ValueError(
                "WEBHOOK_SECRET_TOKEN must be set with WEBHOOK_URL: 1-256 characters, "
                "letters, digits, _ and -"
            )
        return self

    @property
    def webhook_path(self) -> str:
        """The path Telegram posts to, which the webhook server listens on too."""
        return urlsplit(self.webhook_url).path.lstrip("/")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'psm-bot.db'}"

    @property
    def file_base_url(self) -> str:
        if self.bot_api_base_file_url:
            return self.bot_api_base_file_url
        return self.bot_api_base_url.replace("/bot", "/file/bot", 1)

    @property
    def admin_chats(self) -> list[int]:
        """Chats that receive error reports: the admin group if set, else each admin."""
        return [self.admin_chat_id] if self.admin_chat_id else list(self.admin_ids)

    @property
    def has_token(self) -> bool:
        return self.bot_token is not None and bool(self.bot_token.get_secret_value().strip())

    def require_token(self) -> str:
        if self.bot_token is None or not self.bot_token.get_secret_value().strip():
            raise SettingsError(
                "BOT_TOKEN is not set: put BOT_TOKEN=<token from @BotFather> in .env "
                "or the environment."
            )
        return self.bot_token.get_secret_value().strip()


def load_settings(**overrides: object) -> Settings:
    """Load settings, turning pydantic's report into one line that names the key."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        if not first["loc"]:  # a rule across keys already names them
            raise SettingsError(first["msg"].removeprefix("Value error, ")) from None
        raise SettingsError(f"{str(first['loc'][0]).upper()}: {first['msg']}") from None
