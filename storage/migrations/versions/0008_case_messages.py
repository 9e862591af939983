"""case messages: which message in which chat is about which case

A Telegram reply to an alert, a notice or a case card adds to that case, and a card is edited
in place by the actions taken from it (bot/cases/replies.py, handlers/cases/card.py).

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_messages",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("card", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("chat_id", "message_id"),
    )
    with op.batch_alter_table("case_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_messages_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_messages_case_id"))
    op.drop_table("case_messages")
