"""chat sessions belong to an invite; clinician sign-ins can be revoked

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 20:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("invite_hash", sa.String(length=64), nullable=True))
    op.create_table(
        "clinician_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinician_sessions")),
    )
    op.create_index(op.f("ix_clinician_sessions_token_hash"), "clinician_sessions", ["token_hash"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_clinician_sessions_token_hash"), table_name="clinician_sessions")
    op.drop_table("clinician_sessions")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("invite_hash")
