"""red flags: urgency, whose danger, the guidance shown and the patient's reply

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 21:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("red_flags") as batch:
        batch.add_column(
            sa.Column("urgency", sa.String(length=16), nullable=False, server_default="emergency")
        )
        batch.add_column(
            sa.Column("about", sa.String(length=16), nullable=False, server_default="patient")
        )
        batch.add_column(sa.Column("guidance", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("safety_reply", sa.Text(), nullable=True))
        batch.add_column(sa.Column("safe_to_continue", sa.Boolean(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("red_flags") as batch:
        for column in ("safe_to_continue", "safety_reply", "guidance", "about", "urgency"):
            batch.drop_column(column)
