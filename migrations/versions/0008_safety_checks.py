"""Check questions answered no, kept for the clinician

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 00:10:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "safety_checks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_safety_checks_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_checks")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_safety_checks_dedupe_key")),
    )
    op.create_index(op.f("ix_safety_checks_visit_id"), "safety_checks", ["visit_id"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_safety_checks_visit_id"), table_name="safety_checks")
    op.drop_table("safety_checks")
