"""People of the JST team written into a text field, one per line (HDR team, advisors).

The HDR's "Zespół JST" and "Doradcy" are picked from the team records: a line
per person, ``Anna Nowak – skarbnik gminy``, as in a visit's participants. The
text stays text (what was typed before is kept, and a person from outside the
team can still be added by hand); a person is listed when a line starts with
their name, ignoring case and Polish letters.
"""

from __future__ import annotations

from app.model import TeamMember
from app.services import visits
from app.textnorm import fold


def listed(text: str | None, member: TeamMember) -> bool:
    """Whether ``member`` has a line in ``text``."""
    name = fold(member.name.strip())
    return any(fold(visits.person_of(line)) == name for line in (text or "").splitlines())


def with_member(text: str | None, member: TeamMember, present: bool) -> str:
    """``text`` with ``member``'s line added (once) or every line of theirs taken out."""
    if present:
        return visits.add_participants(text, [visits.participant_line(member)])
    name = fold(member.name.strip())
    kept = [
        line
        for line in (text or "").splitlines()
        if line.strip() and fold(visits.person_of(line)) != name
    ]
    return "\n".join(kept)


def split_team(members: list[TeamMember]) -> tuple[list[TeamMember], list[TeamMember]]:
    """The team's officers and its advisors, in the team's order."""
    return (
        [member for member in members if not member.is_advisor],
        [member for member in members if member.is_advisor],
    )
