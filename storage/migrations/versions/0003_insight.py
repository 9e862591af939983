"""insight: monthly report record, outbox attachments, indexes for the period queries

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 09:14:59.338122
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "insight_monthly_reports",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "outbox_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("outbox_attachments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outbox_attachments_campaign", ["kind", "campaign_id"], unique=False
        )

    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_index("ix_case_events_actor_at", ["actor_id", "at"], unique=False)
        batch_op.create_index("ix_case_events_kind_at", ["kind", "at"], unique=False)

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_created_at", ["created_at"], unique=False)
        batch_op.create_index(
            "ix_cases_kecamatan_created", ["kecamatan_code", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_cases_reporter_created", ["reporter_id", "created_at"], unique=False
        )

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_referred_at"), ["referred_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_referred_at"))

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_reporter_created")
        batch_op.drop_index("ix_cases_kecamatan_created")
        batch_op.drop_index("ix_cases_created_at")

    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_index("ix_case_events_kind_at")
        batch_op.drop_index("ix_case_events_actor_at")

    with op.batch_alter_table("outbox_attachments", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_attachments_campaign")

    op.drop_table("outbox_attachments")
    op.drop_table("insight_monthly_reports")
