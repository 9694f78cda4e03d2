"""The yearly *Informacja o stanie realizacji zadań oświatowych* (art. 11 ust. 7–8 p.o.).

Qt-free. Each chapter is generated from the data of one municipality and one
school year by a function of a SQLAlchemy session (:mod:`.source` chooses
which session: the live store or, later, a closed year's snapshot), into a
structured :class:`~app.reports.yearly.content.Chapter` that the window
previews and :mod:`.document` lays out as PDF or DOCX.
"""
