"""Advisory visits: when they began and ended and where they were held; the officer's
conclusions and recommendations of a monitoring period, with who prepared and approved it.

Existing visits keep everything; their times and the place's kind are unknown (empty).
A visit's advisor may now be empty too.

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-03
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for column in (
        sa.Column('place_kind', sa.Enum('jst_office', 'school', 'online', 'other', name='placekind', native_enum=False, length=24), nullable=True),
        sa.Column('start_time', sa.String(length=5), nullable=True),
        sa.Column('end_time', sa.String(length=5), nullable=True),
    ):
        op.add_column('advisory_visit', column)
    # A new visit's advisor may be unknown: no placeholder "Doradca" printed as a name.
    with op.batch_alter_table('advisory_visit', schema=None) as batch_op:
        batch_op.alter_column('advisor', existing_type=sa.String(length=200), nullable=True)
    op.create_table('monitoring_conclusion',
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('conclusions', sa.Text(), nullable=True),
    sa.Column('recommendations', sa.Text(), nullable=True),
    sa.Column('prepared_by', sa.String(length=200), nullable=True),
    sa.Column('approved_by', sa.String(length=200), nullable=True),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_monitoring_conclusion_municipality_id_municipality'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monitoring_conclusion'))
    )
    with op.batch_alter_table('monitoring_conclusion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitoring_conclusion_municipality_id'), ['municipality_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('monitoring_conclusion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoring_conclusion_municipality_id'))
    op.drop_table('monitoring_conclusion')
    with op.batch_alter_table('advisory_visit', schema=None) as batch_op:
        for name in ('end_time', 'start_time', 'place_kind'):
            batch_op.drop_column(name)
        batch_op.alter_column('advisor', existing_type=sa.String(length=200), nullable=False, server_default='')
