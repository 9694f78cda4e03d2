"""Good practices linked from notes, goals, objectives and actions of a JST.

A new table only: nothing existing changes.

Revision ID: 0011
Revises: 0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "practice_link",
        sa.Column("practice_id", sa.String(length=36), nullable=False),
        sa.Column("link_type", sa.String(length=40), nullable=False),
        sa.Column("link_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_practice_link_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_link")),
    )
    with op.batch_alter_table("practice_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_link_practice_id"), ["practice_id"])
        batch_op.create_index(batch_op.f("ix_practice_link_link_id"), ["link_id"])
        batch_op.create_index(batch_op.f("ix_practice_link_municipality_id"), ["municipality_id"])


def downgrade() -> None:
    op.drop_table("practice_link")
