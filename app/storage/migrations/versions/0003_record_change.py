"""Version counters and the store's change counter (converging merges, "changes since").

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

Records that exist already get counter 0, change number 0 and their last edit
time as their change time, so "changes since" keeps working on old data.
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# The record tables of schema 0002 (those added later fill the table as they change).
_OWNED = (
    'team_member', 'school', 'school_support', 'strategic_plan', 'goal', 'objective',
    'action', 'development_schedule', 'schedule_priority', 'schedule_item', 'indicator',
    'measurement', 'advisory_visit', 'monitoring_note', 'risk', 'recommendation',
)


def upgrade() -> None:
    op.create_table('record_change',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('counter', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_record_change'))
    )
    with op.batch_alter_table('record_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_change_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_record_change_seq'), ['seq'], unique=False)
    op.execute(
        "INSERT INTO record_change (record_id, municipality_id, counter, seq, changed_at) "
        "SELECT id, id, 0, 0, updated_at FROM municipality"
    )
    for table in _OWNED:
        op.execute(
            "INSERT INTO record_change (record_id, municipality_id, counter, seq, changed_at) "
            f"SELECT id, municipality_id, 0, 0, updated_at FROM {table}"
        )


def downgrade() -> None:
    with op.batch_alter_table('record_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_change_seq'))
        batch_op.drop_index(batch_op.f('ix_record_change_municipality_id'))
    op.drop_table('record_change')
