"""Migration 0004: each old budget and source text becomes one financing row, nothing lost."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from sqlalchemy import select

from app.model import Action, ActionFunding, FundingSource
from app.model.funding_seed import legacy_row_id
from app.services import funding
from app.storage.store import Store

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"


def _maker() -> object:
    spec = importlib.util.spec_from_file_location("make_0001", SCHEMAS / "make_0001.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_old_budget_becomes_one_row_and_keeps_its_text(tmp_path: Path) -> None:
    maker = _maker()
    shutil.copyfile(SCHEMAS / "0001.sqlite", tmp_path / "plan-oswiaty.sqlite")
    with Store.open(tmp_path) as store:
        with store.session() as session:
            action = session.get(Action, maker.ACTION)  # type: ignore[attr-defined]
            assert action is not None
            rows = list(
                session.scalars(select(ActionFunding).where(ActionFunding.action_id == action.id))
            )
            assert [r.id for r in rows] == [legacy_row_id(action.id)]
            (row,) = rows
            assert row.planned_cents == action.budget_cents == 1_250_000
            assert row.note == action.funding_source == "budżet gminy"
            expected_year = action.start_date.year if action.start_date else None
            assert expected_year is None or row.year == expected_year
            source = session.get(FundingSource, row.source_id)
            assert source is not None and source.code == "jst"
            # The whole catalogue came with it, and asking again adds nothing.
            made = list(session.scalars(select(FundingSource)))
        assert len(funding.sources(store, action.municipality_id)) == len(made) == 9
        # Every action with money has exactly one row; none without.
        with store.session() as session:
            with_money = session.scalars(
                select(Action.id).where(
                    (Action.budget_cents.is_not(None)) | (Action.funding_source.is_not(None))
                )
            ).all()
            ids = set(session.scalars(select(ActionFunding.action_id)).all())
        assert ids == set(with_money)
