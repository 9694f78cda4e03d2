"""Rules between the fields of one school-year record (called by :mod:`app.services.validation`).

Plain functions over a record; each failure is a Polish :class:`UserError`
naming the field at fault.
"""

from __future__ import annotations

from app.errors import UserError
from app.i18n import _
from app.model import Record, School, SchoolYearStats

TEACHER_LEVELS = (
    "teachers_beginning",
    "teachers_contract",
    "teachers_appointed",
    "teachers_chartered",
)


def school_year_stats_rules(record: Record) -> None:
    assert isinstance(record, SchoolYearStats)
    pupils = record.pupils
    if pupils is not None and record.classes is not None and record.classes > pupils:
        raise UserError(_("Oddziałów nie może być więcej niż uczniów."), field="classes")
    for name, message in (
        (
            "pupils_certified",
            _("Uczniów z orzeczeniem nie może być więcej niż wszystkich uczniów."),
        ),
        ("pupils_transported", _("Uczniów dowożonych nie może być więcej niż wszystkich uczniów.")),
    ):
        value = getattr(record, name)
        if pupils is not None and value is not None and value > pupils:
            raise UserError(message, field=name)
    levels = [getattr(record, name) or 0 for name in TEACHER_LEVELS]
    if record.teachers is not None and sum(levels) > record.teachers:
        raise UserError(
            _("Nauczycieli według stopni awansu jest więcej niż wszystkich nauczycieli."),
            field="teachers",
        )


def school_rules(record: Record) -> None:
    """A school's history: closed after it opened, merged into another school, not itself."""
    assert isinstance(record, School)
    if record.opened_on and record.closed_on and record.closed_on < record.opened_on:
        raise UserError(
            _("Data likwidacji nie może być wcześniejsza niż data założenia."), field="closed_on"
        )
    if record.merged_into_id is not None:
        if record.merged_into_id == record.id:
            raise UserError(
                _("Szkoła nie może zostać włączona sama do siebie."), field="merged_into_id"
            )
        if record.closed_on is None:
            raise UserError(
                _("Podaj datę, od której szkoła jest włączona do innej."), field="closed_on"
            )
    if not record.run_by_jst and not (record.operator or "").strip():
        raise UserError(
            _("Podaj organ prowadzący szkołę, której nie prowadzi JST."), field="operator"
        )
