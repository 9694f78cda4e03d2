"""A strategy as real plans state it: financing rows, institutions, terms, problem tree, …

New tables: funding_source, action_funding, institution, indicator_milestone,
problem, diagnosis_table, consultation. New columns on action (realizator,
partners, term precision, recurrence) and strategic_plan (introduction,
evaluation calendar).

Each action's old ``budget_cents`` + ``funding_source`` becomes one financing row
(the year of the action's start, else the plan's first year; the source matched
from the text where it names one of the catalogue's, else "inne"; the text kept
as the row's note). The old columns keep their values: nothing is lost.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from app.model.funding_seed import SEED, legacy_row_id, match_source, seed_id

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _record_columns(table: str) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('municipality_id', sa.String(length=36), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
    ]


def _owned(table: str, *columns: sa.Column, parents: tuple[tuple[str, str], ...] = ()) -> None:  # type: ignore[type-arg]
    constraints: list[sa.Constraint] = [
        sa.ForeignKeyConstraint(
            ['municipality_id'], ['municipality.id'],
            name=op.f(f'fk_{table}_municipality_id_municipality'), ondelete='CASCADE',
        ),
    ]
    for column, target in parents:
        itself = target == table  # deferred: a child may arrive before its parent
        constraints.append(
            sa.ForeignKeyConstraint(
                [column], [f'{target}.id'],
                name=op.f(f'fk_{table}_{column}_{target}'), ondelete='CASCADE',
                deferrable=True if itself else None, initially='DEFERRED' if itself else None,
            )
        )
    constraints.append(sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')))
    op.create_table(table, *columns, *_record_columns(table), *constraints)


def _index(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def upgrade() -> None:
    _owned(
        'institution',
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.Column('kind', sa.Enum('office', 'service_centre', 'counselling', 'ngo', 'other', name='institutionkind', native_enum=False, length=24), nullable=False),
        sa.Column('notes', sa.Text(), nullable=True),
    )
    _index('institution', 'municipality_id')
    _owned(
        'funding_source',
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
    )
    _index('funding_source', 'municipality_id')
    _owned(
        'problem',
        sa.Column('plan_id', sa.String(length=36), nullable=False),
        sa.Column('above_id', sa.String(length=36), nullable=True),
        sa.Column('kind', sa.Enum('central', 'cause', 'effect', name='problemkind', native_enum=False, length=24), nullable=False),
        sa.Column('title', sa.String(length=500), nullable=False),
        sa.Column('description', sa.Text(), nullable=True),
        sa.Column('answered_by', sa.JSON(none_as_null=True), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        parents=(('above_id', 'problem'), ('plan_id', 'strategic_plan')),
    )
    _index('problem', 'municipality_id', 'plan_id')
    _owned(
        'diagnosis_table',
        sa.Column('plan_id', sa.String(length=36), nullable=False),
        sa.Column('section', sa.String(length=20), nullable=False),
        sa.Column('title', sa.String(length=500), nullable=False),
        sa.Column('content', sa.Text(), nullable=False),
        sa.Column('source_note', sa.String(length=500), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        parents=(('plan_id', 'strategic_plan'),),
    )
    _index('diagnosis_table', 'municipality_id', 'plan_id')
    _owned(
        'plan_consultation',
        sa.Column('plan_id', sa.String(length=36), nullable=False),
        sa.Column('form', sa.String(length=300), nullable=False),
        sa.Column('date_from', sa.Date(), nullable=True),
        sa.Column('date_to', sa.Date(), nullable=True),
        sa.Column('participants', sa.Text(), nullable=True),
        sa.Column('comments_count', sa.Integer(), nullable=True),
        sa.Column('handling', sa.Text(), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        parents=(('plan_id', 'strategic_plan'),),
    )
    _index('plan_consultation', 'municipality_id', 'plan_id')
    _owned(
        'action_funding',
        sa.Column('action_id', sa.String(length=36), nullable=False),
        sa.Column('source_id', sa.String(length=36), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('planned_cents', sa.Integer(), nullable=False),
        sa.Column('spent_cents', sa.Integer(), nullable=True),
        sa.Column('note', sa.String(length=300), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        parents=(('action_id', 'action'), ('source_id', 'funding_source')),
    )
    _index('action_funding', 'municipality_id', 'action_id')
    _owned(
        'indicator_milestone',
        sa.Column('indicator_id', sa.String(length=36), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=False),
        sa.Column('value', sa.Float(), nullable=False),
        parents=(('indicator_id', 'indicator'),),
    )
    _index('indicator_milestone', 'municipality_id', 'indicator_id')

    # Plain ALTER TABLE ADD COLUMN: a batch rebuild would reorder the foreign keys.
    for column in (
        sa.Column('realizator_id', sa.String(length=36), nullable=True),
        sa.Column('responsible_person', sa.String(length=200), nullable=True),
        sa.Column('partner_ids', sa.JSON(none_as_null=True), nullable=False, server_default='[]'),
        sa.Column('term_precision', sa.Enum('day', 'month', 'quarter', 'school_year', 'year', name='termprecision', native_enum=False, length=24), nullable=False, server_default='day'),
        sa.Column('recurring', sa.Boolean(), nullable=False, server_default=sa.false()),
    ):
        op.add_column('action', column)
    plan_columns: tuple[sa.Column, ...] = (  # type: ignore[type-arg]
        sa.Column('introduction', sa.Text(), nullable=True),
        sa.Column('midterm_evaluation_date', sa.Date(), nullable=True),
        sa.Column('final_evaluation_date', sa.Date(), nullable=True),
        sa.Column('yearly_report_date', sa.Date(), nullable=True),
    )
    for column in plan_columns:
        op.add_column('strategic_plan', column)

    _budgets_to_rows()


def _budgets_to_rows() -> None:
    """Each action's budget and source text become one financing row."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT a.id, a.municipality_id, a.start_date, a.budget_cents, a.funding_source, "
            "p.year_from FROM action a JOIN objective o ON o.id = a.objective_id "
            "JOIN goal g ON g.id = o.goal_id JOIN strategic_plan p ON p.id = g.plan_id "
            "WHERE a.budget_cents IS NOT NULL OR TRIM(COALESCE(a.funding_source, '')) != ''"
        )
    ).all()
    now = datetime.now(UTC).replace(tzinfo=None)
    seeded: set[str] = set()
    sources = sa.table(
        'funding_source', *(sa.column(n) for n in ('id', 'municipality_id', 'name', 'code', 'position', 'created_at', 'updated_at')),
    )
    funding = sa.table(
        'action_funding', *(sa.column(n) for n in ('id', 'municipality_id', 'action_id', 'source_id', 'year', 'planned_cents', 'note', 'position', 'created_at', 'updated_at')),
    )
    for action_id, municipality_id, start, cents, text, year_from in rows:
        if municipality_id not in seeded:
            seeded.add(municipality_id)
            connection.execute(
                sources.insert(),
                [
                    {'id': seed_id(municipality_id, code), 'municipality_id': municipality_id, 'name': name, 'code': code, 'position': position, 'created_at': now, 'updated_at': now}
                    for position, (code, name) in enumerate(SEED)
                ],
            )
        year = int(str(start)[:4]) if start else int(year_from)
        connection.execute(
            funding.insert().values(
                id=legacy_row_id(action_id), municipality_id=municipality_id, action_id=action_id,
                source_id=seed_id(municipality_id, match_source(text)), year=year,
                planned_cents=cents or 0, note=(text or '').strip()[:300] or None, position=0,
                created_at=now, updated_at=now,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('strategic_plan', schema=None) as batch_op:
        for name in ('yearly_report_date', 'final_evaluation_date', 'midterm_evaluation_date', 'introduction'):
            batch_op.drop_column(name)
    with op.batch_alter_table('action', schema=None) as batch_op:
        for name in ('recurring', 'term_precision', 'partner_ids', 'responsible_person', 'realizator_id'):
            batch_op.drop_column(name)
    for table in ('indicator_milestone', 'action_funding', 'plan_consultation', 'diagnosis_table', 'problem', 'funding_source', 'institution'):
        op.drop_table(table)
