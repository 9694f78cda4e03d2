"""Schools over time and more school-year data.

A school's history (opened, closed or merged into another, with dates),
whether it is public and who runs it (the JST, or another body the JST only
reports on); pupils by grade and current spending per school and school year.
Existing schools are public and run by the JST, their dates unknown.

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-03
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

GRADES = [f'pupils_grade_{grade}' for grade in range(9)]


def upgrade() -> None:
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.add_column(sa.Column('opened_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('closed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('merged_into_id', sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column('is_public', sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(
            sa.Column('run_by_jst', sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(sa.Column('operator', sa.String(length=300), nullable=True))
    with op.batch_alter_table('school_year_stats', schema=None) as batch_op:
        for name in GRADES:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('spending_cents', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('school_year_stats', schema=None) as batch_op:
        batch_op.drop_column('spending_cents')
        for name in reversed(GRADES):
            batch_op.drop_column(name)
    with op.batch_alter_table('school', schema=None) as batch_op:
        for name in ('operator', 'run_by_jst', 'is_public', 'merged_into_id', 'closed_on', 'opened_on'):
            batch_op.drop_column(name)
