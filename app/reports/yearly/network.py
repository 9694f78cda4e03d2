"""Chapters on the legal basis, the network of schools and the pupils in them."""

from __future__ import annotations

from app import units
from app.i18n import _, ngettext
from app.reports.counts import counted
from app.reports.yearly.content import Chapter, ChartLine, Table, YearChart
from app.reports.yearly.context import Context, school_type_label
from app.reports.yearly.phrases import change, num, owner, year

# School types without pupils in oddziały (counted as institutions, not schools).
PRESCHOOL_TYPES = ("przedszkole", "punkt_przedszkolny")


def legal_basis(ctx: Context, chapter: Chapter) -> None:
    who = _("zarząd powiatu") if ctx.county else _("wójt (burmistrz, prezydent miasta)")
    chapter.say(
        _(
            "Zgodnie z art. 11 ust. 7 ustawy z dnia 14 grudnia 2016 r. – Prawo oświatowe "
            "organ wykonawczy jednostki samorządu terytorialnego przedstawia organowi "
            "stanowiącemu, w terminie do dnia 31 października, informację o stanie realizacji "
            "zadań oświatowych tej jednostki za poprzedni rok szkolny, w tym o wynikach "
            "egzaminu ósmoklasisty, egzaminu maturalnego i egzaminu zawodowego w szkołach "
            "prowadzonych przez tę jednostkę."
        ),
        _(
            "Zgodnie z art. 11 ust. 8 tej ustawy informacja obejmuje także informację o wynikach "
            "nadzoru pedagogicznego sprawowanego przez kuratora oświaty w tych szkołach."
        ),
    )
    chapter.say(
        _(
            "Niniejszą informację za rok szkolny {year} ({name}) przygotował {who} na podstawie "
            "danych Systemu Informacji Oświatowej, wyników egzaminów ogłoszonych przez "
            "okręgową komisję egzaminacyjną, danych finansowych jednostki oraz dokumentów "
            "planowania i monitorowania rozwoju oświaty."
        ).format(year=year(ctx.year), name=ctx.name, who=who)
    )


def network(ctx: Context, chapter: Chapter) -> None:
    now, before = ctx.stats(ctx.year), ctx.stats(ctx.year - 1)
    if not now:
        chapter.lack(
            _("Brak danych o szkołach i placówkach za rok szkolny {year}.").format(
                year=year(ctx.year)
            )
        )
        return
    schools = [sid for sid in now if ctx.school(sid).school_type not in PRESCHOOL_TYPES]
    preschools = [sid for sid in now if sid not in schools]
    chapter.say(
        _(
            "Sieć szkół i placówek prowadzonych {owner} liczyła w roku szkolnym {year} "
            "{schools} oraz {preschools}."
        ).format(
            year=year(ctx.year),
            owner=owner(ctx.county),
            schools=counted(
                len(schools),
                ngettext("{count} szkołę", "{count} szkół", len(schools)),
                "{count} szkoły",
            ),
            preschools=counted(
                len(preschools),
                ngettext(
                    "{count} przedszkole lub inną formę wychowania przedszkolnego",
                    "{count} przedszkoli lub innych form wychowania przedszkolnego",
                    len(preschools),
                ),
                "{count} przedszkola lub inne formy wychowania przedszkolnego",
            ),
        )
    )
    opened = sorted(ctx.school_name(sid) for sid in now if before and sid not in before)
    closed = sorted(ctx.school_name(sid) for sid in before if sid not in now)
    if not before:
        chapter.say(
            _("Brak danych za rok szkolny {year} — zmian w sieci nie można porównać.").format(
                year=year(ctx.year - 1)
            )
        )
    elif not opened and not closed:
        chapter.say(
            _("W porównaniu z poprzednim rokiem szkolnym sieć szkół i placówek nie zmieniła się.")
        )
    else:
        if opened:
            chapter.say(_("Nowe w sieci: {names}.").format(names=", ".join(opened)))
        if closed:
            chapter.say(
                _("Nie działają już (brak danych w tym roku): {names}.").format(
                    names=", ".join(closed)
                )
            )
    rows = [
        (
            ctx.school(sid).name,
            school_type_label(ctx.school(sid).school_type),
            ctx.school(sid).rspo or "—",
        )
        for sid in sorted(now, key=ctx.school_name)
    ]
    chapter.blocks.append(Table((_("Szkoła lub placówka"), _("Typ"), _("RSPO")), rows, (5, 3, 1.2)))


def pupils(ctx: Context, chapter: Chapter) -> None:
    y = ctx.year
    total, previous = ctx.total(y, "pupils"), ctx.total(y - 1, "pupils")
    if total is None:
        chapter.lack(_("Brak danych o liczbie uczniów za rok szkolny {year}.").format(year=year(y)))
        return
    subject = _("Liczba uczniów w szkołach prowadzonych {owner}").format(owner=owner(ctx.county))
    chapter.say(
        _(
            "W roku szkolnym {year} liczba uczniów w szkołach prowadzonych {owner} "
            "wyniosła {pupils}."
        ).format(year=year(y), owner=owner(ctx.county), pupils=num(total)),
        change(subject, previous, total),
    )
    classes, classes_before = ctx.total(y, "classes"), ctx.total(y - 1, "classes")
    if classes:
        chapter.say(
            _(
                "Liczba oddziałów wyniosła {classes}, a średnia liczba uczniów w oddziale {mean}."
            ).format(classes=num(classes), mean=num(_both(ctx, y, "pupils", "classes"))),
            change(_("Liczba oddziałów"), classes_before, classes),
        )
    children = ctx.total(y, "preschool_children")
    if children:
        chapter.say(
            _("Wychowaniem przedszkolnym objęto {children}.").format(
                children=units.count(int(children), "child")
            ),
            change(
                _("Liczba dzieci w wychowaniu przedszkolnym"),
                ctx.total(y - 1, "preschool_children"),
                children,
            ),
        )
    history = {
        yr: value for yr in range(y - 4, y + 1) if (value := ctx.total(yr, "pupils")) is not None
    }
    if len(history) >= 3:
        first = min(history)
        chapter.say(
            change(
                _("W ciągu {count} lat liczba uczniów").format(count=y - first),
                history[first],
                total,
            )
        )
        chapter.blocks.append(
            YearChart(_("Liczba uczniów"), "uczniowie", (ChartLine(ctx.name, history),))
        )
    chapter.blocks.append(_per_school(ctx))


def _both(ctx: Context, year: int, top: str, bottom: str) -> float:
    rows = [
        r for r in ctx.stats(year).values() if getattr(r, top) is not None and getattr(r, bottom)
    ]
    return float(sum(getattr(r, top) for r in rows) / sum(getattr(r, bottom) for r in rows))


def _per_school(ctx: Context) -> Table:
    now, before = ctx.stats(ctx.year), ctx.stats(ctx.year - 1)
    rows = []
    for sid in sorted(now, key=ctx.school_name):
        row = now[sid]
        if row.pupils is None and row.preschool_children is None:
            continue
        earlier = before.get(sid)
        mean = row.pupils / row.classes if row.pupils is not None and row.classes else None
        rows.append(
            (
                ctx.school_name(sid),
                _cell(earlier.pupils if earlier else None),
                _cell(row.pupils),
                _cell(row.classes),
                _cell(mean),
                _cell(row.preschool_children),
            )
        )
    header = (
        _("Szkoła lub placówka"),
        _("Uczniowie {year}").format(year=year(ctx.year - 1)),
        _("Uczniowie {year}").format(year=year(ctx.year)),
        _("Oddziały"),
        _("Uczniów na oddział"),
        _("Dzieci w wych. przedszk."),
    )
    return Table(header, rows, (4.2, 1.6, 1.6, 1.3, 1.5, 1.7), frozenset({1, 2, 3, 4, 5}))


def _cell(value: float | None) -> str:
    return "—" if value is None else num(value)
