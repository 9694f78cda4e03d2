"""Closed school years: frozen snapshots of a municipality's data, and the closing log.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _identity() -> list[sa.Column[object]]:
    return [
        sa.Column('municipality_id', sa.String(length=36), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
    ]


_STATUS = sa.Enum('closed', 'reopened', name='snapshotstatus', native_enum=False, length=24)


def upgrade() -> None:
    op.create_table('school_year_snapshot',
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('status', _STATUS, nullable=False),
    sa.Column('author', sa.String(length=200), nullable=True),
    sa.Column('record_count', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.Text(length=200000000), nullable=False),
    *_identity(),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_school_year_snapshot_municipality_id_municipality'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_year_snapshot'))
    )
    with op.batch_alter_table('school_year_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_year_snapshot_municipality_id'), ['municipality_id'], unique=False)

    op.create_table('snapshot_event',
    sa.Column('snapshot_id', sa.String(length=36), nullable=False),
    sa.Column('status', _STATUS, nullable=False),
    sa.Column('happened_at', sa.DateTime(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    *_identity(),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_snapshot_event_municipality_id_municipality'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['snapshot_id'], ['school_year_snapshot.id'], name=op.f('fk_snapshot_event_snapshot_id_school_year_snapshot'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snapshot_event'))
    )
    with op.batch_alter_table('snapshot_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_snapshot_event_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_snapshot_event_snapshot_id'), ['snapshot_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('snapshot_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_snapshot_event_snapshot_id'))
        batch_op.drop_index(batch_op.f('ix_snapshot_event_municipality_id'))
    op.drop_table('snapshot_event')
    with op.batch_alter_table('school_year_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_year_snapshot_municipality_id'))
    op.drop_table('school_year_snapshot')
