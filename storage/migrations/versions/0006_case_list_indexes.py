"""case lists ordered by activity: indexes that keep a page flat at a million cases

A page of /kasus reads each part of the caller's reach (a kecamatan, everything) backwards in
order of last activity and stops at the page: the coordinator's list and an admin's kecamatan
read (kecamatan_code, last_activity_at, id), an admin's whole list (last_activity_at, id).
Before, each list was every matching case of the kecamatan (or the city) sorted.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cases_kecamatan_activity",
            ["kecamatan_code", "last_activity_at", "id"],
            unique=False,
        )
        batch_op.create_index("ix_cases_activity", ["last_activity_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_activity")
        batch_op.drop_index("ix_cases_kecamatan_activity")
