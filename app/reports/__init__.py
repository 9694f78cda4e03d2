"""PDF handouts: the plan, the HDR, a monitoring report and a visit protocol.

One design system (:mod:`fonts`, :mod:`styles`, :mod:`templates`, :mod:`charts`)
shared by the four documents; :mod:`export` is the single entry point the CLI
and the window use. ReportLab only — never Qt.
"""
