"""durable conversations, language preferences, outbox lanes

Conversation drafts become rows written at every step (conversation_drafts) instead of PTB's
periodically flushed user_data; the language a chat chose moves to chat_preferences. Drafts in
progress are carried over, so an upgrade mid-report loses nothing. Outbox rows get a priority
lane, and the due-rows index follows it.

Revision ID: 0002
Revises: 0001
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# PTB conversation name -> the user_data key its draft was kept under.
DRAFT_KEYS = {
    "report": "draft",
    "broadcast": "broadcast",
    "announcements": "announcement",
    "signup": "signup",
    "case_input": "case_input",
}
# Bookkeeping the old drafts carried that now lives in the row itself.
ROW_FIELDS = ("step", "reminded", "started_at", "updated_at")
PERSONAL_KINDS = ("broadcast_report",)


def upgrade() -> None:
    drafts = op.create_table(
        "conversation_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("telegram_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("conversation", sa.String(length=32), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("telegram_id", "conversation", name="uq_conversation_drafts_user"),
    )
    with op.batch_alter_table("conversation_drafts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_conversation_drafts_idle",
            ["conversation", "reminded_at", "updated_at"],
            unique=False,
        )
    preferences = op.create_table(
        "chat_preferences",
        sa.Column("telegram_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("locale", sa.String(length=5), nullable=False),
        sa.PrimaryKeyConstraint("telegram_id"),
    )
    _carry_over(drafts, preferences)
    op.drop_table("ptb_user_data")
    op.drop_table("ptb_conversations")

    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("priority", sa.SmallInteger(), nullable=False, server_default="2")
        )
        batch_op.drop_index("ix_outbox_due")
        batch_op.create_index(
            "ix_outbox_due", ["status", "priority", "not_before", "id"], unique=False
        )
    outbox = sa.table("outbox_messages", sa.column("kind"), sa.column("priority"))
    op.execute(outbox.update().where(outbox.c.kind.in_(PERSONAL_KINDS)).values(priority=1))


def _carry_over(drafts: sa.Table, preferences: sa.Table) -> None:
    """Move drafts in progress and chosen languages out of PTB's tables."""
    bind = op.get_bind()
    stored = {
        user_id: data if isinstance(data, dict) else json.loads(data)
        for user_id, data in bind.execute(sa.text("SELECT user_id, data FROM ptb_user_data"))
    }
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    for name, key, state in bind.execute(sa.text("SELECT name, key, state FROM ptb_conversations")):
        chat_id, user_id = json.loads(key)
        draft = stored.get(user_id, {}).get(DRAFT_KEYS.get(name, ""))
        if not isinstance(draft, dict):
            continue
        rows.append(
            {
                "telegram_id": user_id,
                "chat_id": chat_id,
                "conversation": name,
                "step": int(state),
                "data": {k: v for k, v in draft.items() if k not in ROW_FIELDS},
                "started_at": now,
                "updated_at": now,
                "reminded_at": now if draft.get("reminded") else None,
            }
        )
    if rows:
        op.bulk_insert(drafts, rows)
    chosen = [
        {"telegram_id": user_id, "locale": data["locale"]}
        for user_id, data in stored.items()
        if isinstance(data.get("locale"), str)
    ]
    if chosen:
        op.bulk_insert(preferences, chosen)


def downgrade() -> None:
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_due")
        batch_op.create_index("ix_outbox_due", ["status", "not_before"], unique=False)
        batch_op.drop_column("priority")
    op.create_table(
        "ptb_conversations",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", "key"),
    )
    op.create_table(
        "ptb_user_data",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
    )
    # Drafts in progress are not carried back: an older bot starts its conversations afresh.
    op.drop_table("chat_preferences")
    with op.batch_alter_table("conversation_drafts", schema=None) as batch_op:
        batch_op.drop_index("ix_conversation_drafts_idle")
    op.drop_table("conversation_drafts")
