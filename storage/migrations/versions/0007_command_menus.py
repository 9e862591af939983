"""command menus by role: which menu Telegram holds for each coordinator's and admin's chat

PSM see the default menu; coordinators and admins get one for their own chat with the commands
they may use, in their language. The column records what was set, so that a change of role,
status or language is noticed and the menu brought in line (bot/people/menus.py).

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("menu", sa.String(length=24), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("menu")
