"""who answered, call-back requests, questions for the clinician, why a topic was skipped

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 22:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("respondent_type", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("respondent_relationship", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("callback_requested_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("callback_phone", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("callback_time", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("callback_reason", sa.String(length=200), nullable=True))
        batch.create_index(
            batch.f("ix_visits_callback_requested_at"), ["callback_requested_at"], unique=False
        )
    with op.batch_alter_table("topic_answers") as batch:
        batch.add_column(sa.Column("skip_reason", sa.String(length=16), nullable=True))
    with op.batch_alter_table("follow_ups") as batch:
        batch.add_column(sa.Column("worry_resolved", sa.Text(), nullable=True))
    op.create_table(
        "clinician_questions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_clinician_questions_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinician_questions")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_clinician_questions_dedupe_key")),
    )
    op.create_index(op.f("ix_clinician_questions_visit_id"), "clinician_questions", ["visit_id"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_clinician_questions_visit_id"), table_name="clinician_questions")
    op.drop_table("clinician_questions")
    with op.batch_alter_table("follow_ups") as batch:
        batch.drop_column("worry_resolved")
    with op.batch_alter_table("topic_answers") as batch:
        batch.drop_column("skip_reason")
    with op.batch_alter_table("visits") as batch:
        batch.drop_index(batch.f("ix_visits_callback_requested_at"))
        for column in (
            "callback_reason",
            "callback_time",
            "callback_phone",
            "callback_requested_at",
            "respondent_relationship",
            "respondent_type",
        ):
            batch.drop_column(column)
