"""The yearly report's chapters per school year: order, on/off, the officer's comment.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-03
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('yearly_report_chapter',
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('chapter', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_yearly_report_chapter_municipality_id_municipality'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_yearly_report_chapter'))
    )
    with op.batch_alter_table('yearly_report_chapter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_yearly_report_chapter_municipality_id'), ['municipality_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('yearly_report_chapter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_yearly_report_chapter_municipality_id'))
    op.drop_table('yearly_report_chapter')
