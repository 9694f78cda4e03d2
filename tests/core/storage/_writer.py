"""Crash-test helper: imports everything once, then forks one writer per line on stdin.

Starting Python and importing SQLAlchemy costs seconds; forking a process that
has done it (with no database connection open) costs milliseconds, so the test
can kill hundreds of writers. Each writer opens the store the way the program
does (lock, integrity check, backup, migrations) and adds notes through the
services until it is killed.

Every line goes out in one ``os.write`` so that lines never interleave:

``ready``                       imports done, waiting for seeds on stdin
``start <pid>``                 a writer was forked
``open <pid>``                  it opened the store
``id <pid> <uuid> <token>``     it committed a note (written only after the commit)
``error <pid> <message>``       it failed (the test fails)
``reaped <pid> <status>``       it is gone
"""

from __future__ import annotations

import os
import random
import sys
from datetime import date

import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401  (loaded by the first engine otherwise)
from sqlalchemy import select
from sqlalchemy.orm import configure_mappers

from app.model import MonitoringNote, Municipality, NoteKind
from app.services import records
from app.storage import migrate
from app.storage.store import Store

SIZES = (10, 10, 100, 400, 1_000, 6_000)


def emit(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def municipality_id(store: Store) -> str:
    with store.session() as session:
        found = session.scalars(select(Municipality).order_by(Municipality.created_at)).first()
        if found is not None:
            return found.id
    return records.create(store, Municipality, name="Gmina Żółkiewka", kind="rural").id


def write_forever(data_dir: str, seed: int) -> None:
    pid = os.getpid()
    rng = random.Random(seed)
    store = Store.open(data_dir)
    emit(f"open {pid}")
    owner = municipality_id(store)
    kinds = list(NoteKind)
    number = 0
    while True:
        number += 1
        token = f"znacznik{seed}n{number}k"  # not the prefix of any other token
        filler = "Łódź żółw gęśla jaźń " * (rng.choice(SIZES) // 20)
        note = records.create(
            store,
            MonitoringNote,
            owner,
            noted_on=date(2026, 1 + number % 12, 1 + number % 28),
            kind=rng.choice(kinds),
            title=f"Notatka {number}",
            text=f"{token} {filler}",
        )
        emit(f"id {pid} {note.id} {token}")
        if number % 4 == 0:
            records.update(store, MonitoringNote, note.id, follow_up=f"Sprawdzić {token}")


def main() -> None:
    data_dir = sys.argv[1]
    # Work every writer would repeat, done once here (no database is opened).
    configure_mappers()
    migrate.known_revisions()
    emit("ready")
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(data_dir, int(line))
            except BaseException as error:  # reported to the test, which fails
                message = " ".join(f"{type(error).__name__}: {error}".split())
                emit(f"error {os.getpid()} {message}")
            finally:
                os._exit(1)
        emit(f"start {pid}")
        _, status = os.waitpid(pid, 0)
        emit(f"reaped {pid} {status}")


if __name__ == "__main__":
    main()
