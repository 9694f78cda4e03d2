"""SIGKILL stress: kill demo, import, restore and write processes ≥ 1,000 times, check each time.

    .venv/bin/python scripts/sigkill_stress.py [--kills 1000] [--seed 11] [--json FILE]

Not part of the test run (it takes tens of minutes). The parent imports the
program once and forks one child per operation (milliseconds instead of a
second of start-up); the child runs the operation the way the command line
does, and the parent kills it with SIGKILL at a random moment within the time
the operation takes when left alone. After every kill it checks, in a data
folder copied fresh for that operation:

- the data file exists and passes ``PRAGMA quick_check`` and the foreign keys;
- no partial state: a demo or an import is there whole or not at all, a restore
  has either the old data or the backup's;
- no lost commit: every note id the writer reported after its commit is there;
- no stuck lock: the instance lock can be taken at once;
- the store opens normally; no ``damaged-…`` file appears; ``.part`` files
  left by the kill are counted, and gone after the next open (once stale).

POSIX only (fork, SIGKILL). Prints a table of counts; exit 1 when any check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy.dialects.sqlite.pysqlite  # noqa: E402, F401  (load before forking)
from sqlalchemy.orm import configure_mappers  # noqa: E402

from app.cli.main import main as cli_main  # noqa: E402
from app.model import MonitoringNote, Municipality  # noqa: E402
from app.services import records  # noqa: E402
from app.storage import backups, integrity  # noqa: E402
from app.storage.lock import InstanceLock  # noqa: E402
from app.storage.store import Store  # noqa: E402

DB = "plan-oswiaty.sqlite"
OPERATIONS = ("demo", "import", "restore", "write")
DEMO_MUNICIPALITY_ID = "2db17989-9a1b-545a-bd5a-84a46a86d844"  # the demo's id is fixed


def count(database: Path, sql: str, *params: object) -> int:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute(sql, params).fetchone()[0])
    finally:
        connection.close()


def demo_rows(database: Path) -> int:
    """Notes of the demo municipality (0 before the demo, all of them after)."""
    if not database.exists() or database.stat().st_size == 0:
        return 0
    tables = count(database, "SELECT count(*) FROM sqlite_master WHERE name = 'monitoring_note'")
    if not tables:
        return 0
    return count(
        database,
        "SELECT count(*) FROM monitoring_note WHERE municipality_id = ?",
        DEMO_MUNICIPALITY_ID,
    )


def imported_rows(database: Path, municipality_id: str) -> int:
    return count(
        database, "SELECT count(*) FROM monitoring_note WHERE municipality_id = ?", municipality_id
    )


class Bench:
    def __init__(self, work: Path, rng: random.Random) -> None:
        self.work = work
        self.rng = rng
        self.template = work / "template"
        self.exchange = work / "gmina-importowana.planoswiaty"
        self.failures: list[str] = []
        self.stats: Counter[str] = Counter()
        self.durations: dict[str, float] = {}
        self.full: dict[str, int] = {}
        self._prepare()

    # -- the fixtures every operation starts from ------------------------------

    def _prepare(self) -> None:
        quiet(lambda: cli_main(["--data-dir", str(self.template), "demo"]))
        with Store.open(self.template) as store:
            store.backup("manual")
        self.full["demo"] = demo_rows(self.template / DB)
        assert self.full["demo"] > 0, "the demo municipality's id changed"
        source = self.work / "source"
        with Store.open(source) as store:
            municipality = records.create(store, Municipality, name="Gmina Importowa", kind="rural")
            for number in range(200):
                add_note(store, municipality.id, f"Notatka importowana {number}")
            self.import_id = municipality.id
        export = ["package", "export", "--municipality", "Importowa", "-o", str(self.exchange)]
        quiet(lambda: cli_main(["--data-dir", str(source), *export]))
        self.full["import"] = 200

    def fresh(self, name: str, *, empty: bool = False) -> Path:
        folder = self.work / "run" / name
        shutil.rmtree(folder.parent, ignore_errors=True)
        if empty:
            folder.mkdir(parents=True)
        else:
            shutil.copytree(self.template, folder, ignore=shutil.ignore_patterns("*.lock", "logs"))
        return folder

    # -- one operation in a child ------------------------------------------------

    def child(self, operation: str, data_dir: Path, ids_file: Path) -> None:
        """Runs in the forked child; never returns."""
        code = 0
        try:
            if operation == "demo":
                code = quiet(lambda: cli_main(["--data-dir", str(data_dir), "demo"]))
            elif operation == "import":
                load = ["package", "import", str(self.exchange), "--prefer", "theirs"]
                code = quiet(lambda: cli_main(["--data-dir", str(data_dir), *load]))
            elif operation == "restore":
                code = quiet(lambda: cli_main(["--data-dir", str(data_dir), "restore", "--latest"]))
            else:
                write_loop(data_dir, ids_file)
        except BaseException as error:  # reported through the exit code
            sys.stderr.write(f"{operation}: {error!r}\n")
            code = 3
        os._exit(code)

    def run_once(self, operation: str, kill_after: float | None) -> tuple[Path, Path, bool, int]:
        data_dir = self.fresh(operation, empty=operation == "demo")
        if operation == "restore":  # a change after the backup, so restoring shows
            with Store.open(data_dir, backup_on_open=False) as store:
                add_note(store, DEMO_MUNICIPALITY_ID, "Po kopii")
        ids_file = data_dir.parent / "ids.txt"
        ids_file.write_text("", encoding="utf-8")
        pid = os.fork()
        if pid == 0:
            self.child(operation, data_dir, ids_file)
        killed = False
        if kill_after is None:
            _, status = os.waitpid(pid, 0)
        else:
            deadline = time.monotonic() + kill_after
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                if time.monotonic() >= deadline:
                    os.kill(pid, signal.SIGKILL)
                    _, status = os.waitpid(pid, 0)
                    killed = True
                    break
                time.sleep(0.002)
        code = os.waitstatus_to_exitcode(status)
        return data_dir, ids_file, killed, code

    # -- the checks after each run -----------------------------------------------

    def check(
        self, operation: str, data_dir: Path, ids_file: Path, killed: bool, code: int
    ) -> None:
        where = f"{operation} (killed={killed}, exit={code})"
        if not killed and code != 0:
            self.fail(f"{where}: finished with exit code {code}")
        database = data_dir / DB
        self.stats["parts_left_by_kill"] += len(list(data_dir.rglob("*.part")))
        if operation != "demo" and not database.exists():
            self.fail(f"{where}: no data file left")
            return
        if database.exists() and database.stat().st_size > 0:
            result = integrity.check_file(database)
            if not result.ok:
                self.fail(f"{where}: integrity {result.problems}")
                return
        lock = InstanceLock(data_dir / "plan-oswiaty.lock")
        try:
            lock.acquire()
            lock.release()
        except Exception as error:
            self.fail(f"{where}: lock stuck: {error}")
        self._partial(operation, database, where)
        if operation == "write":
            self._committed(database, ids_file, where)
        try:
            Store.open(data_dir, backup_on_open=False).close()
        except Exception as error:
            self.fail(f"{where}: does not open: {error}")
        if list(data_dir.rglob("damaged-*")):
            self.fail(f"{where}: a damaged-… file appeared")

    def _partial(self, operation: str, database: Path, where: str) -> None:
        if operation == "demo":
            rows = demo_rows(database)
            if rows not in (0, self.full["demo"]):
                self.fail(f"{where}: partial demo ({rows} of {self.full['demo']} notes)")
        elif operation == "import":
            rows = imported_rows(database, self.import_id)
            if rows not in (0, self.full["import"]):
                self.fail(f"{where}: partial import ({rows} of {self.full['import']})")
        elif operation == "restore":
            after = count(database, "SELECT count(*) FROM monitoring_note WHERE text = 'Po kopii'")
            if after not in (0, 1):
                self.fail(f"{where}: restore left {after} copies of the later note")

    def _committed(self, database: Path, ids_file: Path, where: str) -> None:
        reported = [line for line in ids_file.read_text(encoding="utf-8").split() if line]
        self.stats["commits"] += len(reported)
        if not reported:
            return
        connection = sqlite3.connect(database)
        try:
            present = {row[0] for row in connection.execute("SELECT id FROM monitoring_note")}
        finally:
            connection.close()
        lost = [note for note in reported if note not in present]
        if lost:
            self.fail(f"{where}: {len(lost)} committed notes lost")

    def fail(self, message: str) -> None:
        self.stats["failures"] += 1
        if len(self.failures) < 50:
            self.failures.append(message)
        print("FAIL", message, flush=True)


def add_note(store: Store, municipality_id: str, text: str) -> str:
    return records.create(
        store, MonitoringNote, municipality_id, noted_on=date(2026, 5, 4), kind="progress",
        text=text,
    ).id  # fmt: skip


def write_loop(data_dir: Path, ids_file: Path) -> None:
    with Store.open(data_dir) as store, ids_file.open("a", encoding="utf-8") as out:
        for number in range(10_000):
            note = add_note(store, DEMO_MUNICIPALITY_ID, f"Zapis {number}")
            out.write(note + "\n")  # only after the commit returned
            out.flush()


def quiet(action: Callable[[], int]) -> int:
    saved = sys.stdout
    with open(os.devnull, "w", encoding="utf-8") as sink:
        sys.stdout = sink
        try:
            return action()
        finally:
            sys.stdout = saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000, help="SIGKILLs in all (default 1000)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", type=Path, help="write the counts here as JSON")
    args = parser.parse_args(argv)
    configure_mappers()
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sigkill-stress-") as folder:
        bench = Bench(Path(folder), rng)
        for operation in OPERATIONS:  # how long each takes when left alone
            begin = time.monotonic()
            data_dir, ids_file, killed, code = bench.run_once(operation, None)
            bench.durations[operation] = time.monotonic() - begin
            if operation != "write":
                bench.check(operation, data_dir, ids_file, killed, code)
        bench.durations["write"] = 1.5  # the writer runs until killed
        kills = 0
        while kills < args.kills:
            operation = OPERATIONS[kills % len(OPERATIONS)]
            delay = rng.uniform(0.0, bench.durations[operation] * 1.1)
            data_dir, ids_file, killed, code = bench.run_once(operation, delay)
            bench.stats[f"{operation}_runs"] += 1
            if killed:
                kills += 1
                bench.stats[f"{operation}_kills"] += 1
            else:
                bench.stats[f"{operation}_completed"] += 1
            bench.check(operation, data_dir, ids_file, killed, code)
            if kills and kills % 50 == 0 and killed:
                print(f"{kills} kills, {dict(bench.stats)}", flush=True)
        time.sleep(backups.STALE_PART_SECONDS + 1)
        last = bench.work / "run" / "restore"
        Store.open(last, backup_on_open=False).close()
        bench.stats["parts_after_next_stale_open"] = len(list(last.rglob("*.part")))
    report = {
        "kills": kills,
        "seconds": round(time.monotonic() - started),
        "durations": {k: round(v, 2) for k, v in bench.durations.items()},
        **dict(bench.stats),
        "failures": bench.failures,
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if bench.stats["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
