"""The chapters of the report, in the order councils are used to, and their generation."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import N_, _
from app.reports.yearly import conclusions, exams, finance, network, staff, strategy, supervision
from app.reports.yearly.content import Chapter
from app.reports.yearly.context import Context

Generator = Callable[[Context, Chapter], None]

CHAPTERS: tuple[tuple[str, str, Generator], ...] = (
    ("legal_basis", N_("Podstawa prawna"), network.legal_basis),
    ("network", N_("Sieć szkół i placówek"), network.network),
    ("pupils", N_("Uczniowie i oddziały"), network.pupils),
    ("staff", N_("Kadra"), staff.staff),
    ("exams", N_("Wyniki egzaminów zewnętrznych"), exams.exams),
    ("supervision", N_("Wyniki nadzoru pedagogicznego"), supervision.supervision),
    ("finance", N_("Finansowanie zadań oświatowych"), finance.finance),
    ("strategy", N_("Zadania realizowane w ramach strategii i HDR"), strategy.strategy),
    ("support", N_("Pomoc materialna, dowożenie, specjalne potrzeby"), staff.support),
    ("conclusions", N_("Wnioski i kierunki na kolejny rok"), conclusions.conclusions),
)
KEYS: tuple[str, ...] = tuple(key for key, _title, _gen in CHAPTERS)


def title(key: str) -> str:
    for found, label, _gen in CHAPTERS:
        if found == key:
            return _(label)
    raise UserError(_("Nieznany rozdział: {key}.").format(key=key))


def generate(
    session: Session, municipality_id: str, year: int, keys: Iterable[str] | None = None
) -> list[Chapter]:
    """The chapters ``keys`` (default: all, in the usual order) for school year ``year``."""
    ctx = Context.read(session, municipality_id, year)
    wanted = list(KEYS if keys is None else keys)
    generators = {key: gen for key, _label, gen in CHAPTERS}
    out = []
    for key in wanted:
        if key not in generators:
            raise UserError(_("Nieznany rozdział: {key}.").format(key=key))
        chapter = Chapter(key, title(key))
        generators[key](ctx, chapter)
        out.append(chapter)
    return out
