"""personal data over its whole life: blind index, anonymisation marks, subject requests,
an append-only audit log

Cases get the NIK's blind index (back-filled here for existing cases, with the indexer
`storage.migrate.upgrade` passes in: the key is the application's, not the database's) and the
time they were anonymised; users the time retention first saw them inactive and the time they
were anonymised. Subject requests get their table. The audit log becomes append-only: a trigger
refuses UPDATE and DELETE (a later batch migration that rebuilds audit_log on SQLite must create
the triggers again).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = {
    "postgresql": (
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
    ),
    "sqlite": (
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ),
}
REMOVE_APPEND_ONLY = {
    "postgresql": (
        "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
        "DROP FUNCTION IF EXISTS audit_log_append_only()",
    ),
    "sqlite": (
        "DROP TRIGGER IF EXISTS audit_log_no_update",
        "DROP TRIGGER IF EXISTS audit_log_no_delete",
    ),
}


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("nik_index", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_cases_nik_index"), ["nik_index"], unique=False)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inactive_since", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "subject_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("looked_up_by", sa.String(length=8), nullable=False),
        sa.Column("case_ids", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["requested_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    _backfill_nik_index()
    for statement in APPEND_ONLY.get(op.get_bind().dialect.name, ()):
        op.execute(statement)


def _backfill_nik_index() -> None:
    cases = sa.table(
        "cases",
        sa.column("id", sa.Integer),
        sa.column("nik_encrypted", sa.Text),
        sa.column("nik_index", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(cases.c.id, cases.c.nik_encrypted).where(
            cases.c.nik_encrypted.is_not(None), cases.c.nik_index.is_(None)
        )
    ).all()
    if not rows:
        return
    indexer: Callable[[str], str] | None = context.config.attributes.get("nik_index")
    if indexer is None:
        raise RuntimeError("cases need their NIK index: migrate with `psm-bot migrate`")
    for case_id, token in rows:
        bind.execute(cases.update().where(cases.c.id == case_id).values(nik_index=indexer(token)))


def downgrade() -> None:
    for statement in REMOVE_APPEND_ONLY.get(op.get_bind().dialect.name, ()):
        op.execute(statement)
    op.drop_table("subject_requests")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("anonymised_at")
        batch_op.drop_column("inactive_since")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_nik_index"))
        batch_op.drop_column("anonymised_at")
        batch_op.drop_column("nik_index")
