"""Exchange files: the versions of records seen, and the log of imports.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exchange_seen_version',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('record_id', 'version', name=op.f('pk_exchange_seen_version'))
    )
    with op.batch_alter_table('exchange_seen_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_seen_version_municipality_id'), ['municipality_id'], unique=False)

    op.create_table('exchange_import',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('municipality_name', sa.String(length=200), nullable=False),
    sa.Column('source_installation_id', sa.String(length=36), nullable=False),
    sa.Column('source_installation_name', sa.String(length=200), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('package_created_at', sa.DateTime(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('changed', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Integer(), nullable=False),
    sa.Column('conflicts', sa.Integer(), nullable=False),
    sa.Column('detail', sa.JSON(none_as_null=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_import'))
    )
    with op.batch_alter_table('exchange_import', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_import_municipality_id'), ['municipality_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('exchange_import', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_import_municipality_id'))
    op.drop_table('exchange_import')
    with op.batch_alter_table('exchange_seen_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_seen_version_municipality_id'))
    op.drop_table('exchange_seen_version')
