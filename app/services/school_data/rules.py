"""Rules between the fields of one school-year record (called by :mod:`app.services.validation`).

Plain functions over a record; each failure is a Polish :class:`UserError`
naming the field at fault.
"""

from __future__ import annotations

from app.errors import UserError
from app.i18n import _
from app.model import Record, SchoolYearStats

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
