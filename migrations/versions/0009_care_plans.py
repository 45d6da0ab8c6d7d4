"""What the clinician and patient agreed at the visit, and how each item went

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 02:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "care_plans",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("aim", sa.Text(), nullable=False),
        sa.Column("patient_aim", sa.Text(), nullable=True),
        sa.Column("target_rating", sa.Integer(), nullable=True),
        sa.Column("target_by", sa.DateTime(), nullable=True),
        sa.Column("agreed_at", sa.DateTime(), nullable=False),
        sa.Column("agreed_by", sa.String(length=200), nullable=True),
        sa.Column("agreed_by_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_care_plans_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_plans")),
        sa.UniqueConstraint("visit_id", "version", name=op.f("uq_care_plans_visit_id")),
    )
    op.create_index(op.f("ix_care_plans_visit_id"), "care_plans", ["visit_id"])
    op.create_table(
        "care_plan_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("plan_id", sa.String(length=36), nullable=True),
        sa.Column("item_key", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("who", sa.String(length=16), nullable=False),
        sa.Column("who_name", sa.String(length=200), nullable=True),
        sa.Column("due_by", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["care_plans.id"],
            name=op.f("fk_care_plan_items_plan_id_care_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_plan_items")),
    )
    op.create_index(op.f("ix_care_plan_items_plan_id"), "care_plan_items", ["plan_id"])
    op.create_table(
        "plan_item_progress",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("follow_up_id", sa.String(length=36), nullable=True),
        sa.Column("item_key", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("barriers", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["follow_up_id"],
            ["follow_ups.id"],
            name=op.f("fk_plan_item_progress_follow_up_id_follow_ups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_item_progress")),
        sa.UniqueConstraint(
            "follow_up_id", "item_key", name=op.f("uq_plan_item_progress_follow_up_id")
        ),
    )
    op.create_index(
        op.f("ix_plan_item_progress_follow_up_id"), "plan_item_progress", ["follow_up_id"]
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_plan_item_progress_follow_up_id"), table_name="plan_item_progress")
    op.drop_table("plan_item_progress")
    op.drop_index(op.f("ix_care_plan_items_plan_id"), table_name="care_plan_items")
    op.drop_table("care_plan_items")
    op.drop_index(op.f("ix_care_plans_visit_id"), table_name="care_plans")
    op.drop_table("care_plans")
