"""School-year data: pupils and staff, exams, finance, supervision, indicator bindings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('education_finance',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('subvention_cents', sa.Integer(), nullable=True),
    sa.Column('grants_cents', sa.Integer(), nullable=True),
    sa.Column('current_spending_cents', sa.Integer(), nullable=True),
    sa.Column('capital_spending_cents', sa.Integer(), nullable=True),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_education_finance_municipality_id_municipality'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_education_finance'))
    )
    with op.batch_alter_table('education_finance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_education_finance_municipality_id'), ['municipality_id'], unique=False)

    op.create_table('exam_result',
    sa.Column('school_id', sa.String(length=36), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('exam', sa.Enum('e8', 'matura', 'vocational', name='examkind', native_enum=False, length=24), nullable=False),
    sa.Column('subject', sa.String(length=60), nullable=False),
    sa.Column('takers', sa.Integer(), nullable=True),
    sa.Column('mean_pct', sa.Float(), nullable=True),
    sa.Column('stanine', sa.Integer(), nullable=True),
    sa.Column('pass_rate', sa.Float(), nullable=True),
    sa.Column('gmina_pct', sa.Float(), nullable=True),
    sa.Column('powiat_pct', sa.Float(), nullable=True),
    sa.Column('voivodeship_pct', sa.Float(), nullable=True),
    sa.Column('country_pct', sa.Float(), nullable=True),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_exam_result_municipality_id_municipality'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_exam_result_school_id_school'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_result'))
    )
    with op.batch_alter_table('exam_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_result_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_result_school_id'), ['school_id'], unique=False)

    op.create_table('school_year_stats',
    sa.Column('school_id', sa.String(length=36), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('pupils', sa.Integer(), nullable=True),
    sa.Column('classes', sa.Integer(), nullable=True),
    sa.Column('pupils_certified', sa.Integer(), nullable=True),
    sa.Column('pupils_transported', sa.Integer(), nullable=True),
    sa.Column('preschool_children', sa.Integer(), nullable=True),
    sa.Column('teacher_posts', sa.Float(), nullable=True),
    sa.Column('teachers', sa.Integer(), nullable=True),
    sa.Column('teachers_beginning', sa.Integer(), nullable=True),
    sa.Column('teachers_contract', sa.Integer(), nullable=True),
    sa.Column('teachers_appointed', sa.Integer(), nullable=True),
    sa.Column('teachers_chartered', sa.Integer(), nullable=True),
    sa.Column('non_teaching_posts', sa.Float(), nullable=True),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_school_year_stats_municipality_id_municipality'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_school_year_stats_school_id_school'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_year_stats'))
    )
    with op.batch_alter_table('school_year_stats', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_year_stats_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_year_stats_school_id'), ['school_id'], unique=False)

    op.create_table('supervision_finding',
    sa.Column('school_id', sa.String(length=36), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('evaluation', 'inspection', name='supervisionkind', native_enum=False, length=24), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('conclusions', sa.Text(), nullable=True),
    sa.Column('recommendations', sa.Text(), nullable=True),
    sa.Column('follow_up', sa.Text(), nullable=True),
    sa.Column('follow_up_done', sa.Boolean(), nullable=False),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_supervision_finding_municipality_id_municipality'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_supervision_finding_school_id_school'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_finding'))
    )
    with op.batch_alter_table('supervision_finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_finding_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_finding_school_id'), ['school_id'], unique=False)

    op.create_table('indicator_binding',
    sa.Column('indicator_id', sa.String(length=36), nullable=False),
    sa.Column('series', sa.String(length=60), nullable=False),
    sa.Column('school_id', sa.String(length=36), nullable=True),
    sa.Column('municipality_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_indicator_binding_indicator_id_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_indicator_binding_municipality_id_municipality'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_indicator_binding_school_id_school'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_binding'))
    )
    with op.batch_alter_table('indicator_binding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_binding_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_binding_municipality_id'), ['municipality_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('indicator_binding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_binding_municipality_id'))
        batch_op.drop_index(batch_op.f('ix_indicator_binding_indicator_id'))

    op.drop_table('indicator_binding')
    with op.batch_alter_table('supervision_finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_finding_school_id'))
        batch_op.drop_index(batch_op.f('ix_supervision_finding_municipality_id'))

    op.drop_table('supervision_finding')
    with op.batch_alter_table('school_year_stats', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_year_stats_school_id'))
        batch_op.drop_index(batch_op.f('ix_school_year_stats_municipality_id'))

    op.drop_table('school_year_stats')
    with op.batch_alter_table('exam_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_result_school_id'))
        batch_op.drop_index(batch_op.f('ix_exam_result_municipality_id'))

    op.drop_table('exam_result')
    with op.batch_alter_table('education_finance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_education_finance_municipality_id'))

    op.drop_table('education_finance')
