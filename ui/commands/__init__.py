"""Every undoable edit of the window, in one package and one naming style.

A command is named for what it does (``CreateNote``, ``EditVisit``,
``CopySchedule``); it performs its first step through a service *before* it is
pushed, so a ``UserError`` reaches the form and nothing lands on the undo
stack. Commands need a store and no window: tests construct one, ``redo()`` and
``undo()`` it against a real store.

- :mod:`ui.commands.base` — the generic ones (edit, create, delete, move a record; a pair of calls);
- :mod:`ui.commands.monitoring` — notes, measurements, risks, support stages;
- :mod:`ui.commands.visits` — visits and recommendations;
- :mod:`ui.commands.hdr` — creating, copying an HDR, placing an item;
- :mod:`ui.commands.networks` — networks, their members, meetings, trainings, practices.
"""

from ui.commands.base import CallCommand as CallCommand
from ui.commands.base import CreateRecord as CreateRecord
from ui.commands.base import DeleteRecord as DeleteRecord
from ui.commands.base import EditRecord as EditRecord
from ui.commands.base import ErrorSink as ErrorSink
from ui.commands.base import MoveRecord as MoveRecord
from ui.commands.base import StoreCommand as StoreCommand
from ui.commands.base import push as push
