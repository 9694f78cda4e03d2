"""An import preview as plain text lines (for the command line and the log)."""

from __future__ import annotations

from app.exchange import describe
from app.exchange.plan import ImportPlan, Item, Outcome
from app.i18n import N_, _

SECTIONS: tuple[tuple[Outcome, str, str], ...] = (
    (Outcome.ADDED, "+", N_("Do dodania")),
    (Outcome.CHANGED, "~", N_("Do zmiany")),
    (Outcome.DELETED, "-", N_("Do usunięcia")),
    (Outcome.CONFLICT, "!", N_("Konflikty (zmienione po obu stronach)")),
)
SHOWN_PER_SECTION = 200


def header_lines(plan: ImportPlan) -> list[str]:
    manifest = plan.package.manifest
    lines = [
        _("Plik: {file} — z komputera „{source}”, utworzony {created}{encrypted}").format(
            file=plan.package.file_name,
            source=manifest.installation.name,
            created=describe.moment(manifest.created_at),
            encrypted=_(", zaszyfrowany") if plan.package.encrypted else "",
        ),
        _("JST: {name}{new}").format(
            name=plan.municipality_name,
            new=_(" (nowa — zostanie dodana w całości)") if plan.new_municipality else "",
        ),
        counts_line(plan),
    ]
    lines += [_("Uwaga: {warning}").format(warning=warning) for warning in plan.warnings]
    return lines


def counts_line(plan: ImportPlan) -> str:
    return _(
        "Do dodania: {added} · do zmiany: {changed} · do usunięcia: {deleted} · "
        "konflikty: {conflicts}"
    ).format(
        added=len(plan.added),
        changed=len(plan.changed),
        deleted=len(plan.deleted),
        conflicts=len(plan.conflicts),
    )


def preview_lines(plan: ImportPlan, conflicts_only: bool = False) -> list[str]:
    lines = header_lines(plan)
    if not plan.items:
        lines.append(nothing_to_change(plan.newer_here))
        return lines
    for outcome, mark, title in SECTIONS:
        if conflicts_only and outcome is not Outcome.CONFLICT:
            continue
        items = plan.of(outcome)
        if not items:
            continue
        lines.append("")
        lines.append(f"{_(title)} ({len(items)}):")
        for item in items[:SHOWN_PER_SECTION]:
            lines.append(f"  {mark} {item_line(item)}")
            if outcome is Outcome.CONFLICT:
                lines += _conflict_lines(plan, item)
        if len(items) > SHOWN_PER_SECTION:
            lines.append(
                "  " + _("… i {count} innych").format(count=len(items) - SHOWN_PER_SECTION)
            )
    return lines


def item_line(item: Item) -> str:
    return f"[{item.type_label}] {item.title}"


def _conflict_lines(plan: ImportPlan, item: Item) -> list[str]:
    lines = []
    for row in plan.differences(item):
        lines.append(
            "      "
            + _("{field}: tutaj „{mine}” | w pliku „{theirs}”").format(
                field=row.label, mine=_short(row.mine), theirs=_short(row.theirs)
            )
        )
    return lines


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def nothing_to_change(newer_here: int, file_name: str = "") -> str:
    """The line for an import that changes nothing: "data match" only when they do."""
    named = f" {file_name}" if file_name else ""
    if newer_here == 0:
        return _("Nic do zmiany: dane są już zgodne z plikiem{name}.").format(name=named)
    return _(
        "Nic do zmiany: plik{name} nie wnosi nic nowego, ale dane nie są zgodne — "
        "rekordy z nowszą wersją na tym komputerze: {count}. Wyślij drugiej stronie "
        "plik z tego komputera."
    ).format(name=named, count=newer_here)
