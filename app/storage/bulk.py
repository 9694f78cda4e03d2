"""Many new rows of one table in one ``executemany`` straight on the driver.

SQLAlchemy's Core insert binds every value of every row through its column
type; an import of a large city writes thousands of rows whose typed values
(timestamps, enums) are the same in each. Here each column's bind processor
runs once per distinct value and the driver gets plain tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app.model import Record


def insert_rows(session: Session, cls: type[Record], rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (every column of ``cls`` as a key) into its table."""
    if not rows:
        return
    table = cast(Table, cls.__table__)
    connection = session.connection()
    dialect = connection.dialect
    columns = list(table.columns)
    quote = dialect.identifier_preparer.quote
    sql = "INSERT INTO {table} ({names}) VALUES ({marks})".format(
        table=quote(table.name),
        names=", ".join(quote(c.name) for c in columns),
        marks=", ".join("?" for _c in columns),
    )
    names = [c.name for c in columns]
    bound = [
        (index, _binder(processor))
        for index, column in enumerate(columns)
        if (processor := column.type.bind_processor(dialect)) is not None
    ]
    values = []
    for row in rows:
        plain = [row[name] for name in names]
        for index, bind in bound:
            plain[index] = bind(plain[index])
        values.append(tuple(plain))
    connection.exec_driver_sql(sql, values)


def _binder(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    done: dict[Any, Any] = {}

    def bind(value: Any) -> Any:
        if value is None:
            return None
        try:
            return done[value]
        except KeyError:
            done[value] = processor(value)
            return done[value]
        except TypeError:  # unhashable (a list of codes): bound as it is
            return processor(value)

    return bind
