"""School-year data: grids, computed indicators, bindings, imports and export.

See docs/SCHOOL_DATA.md for the public API (used by the window, the CLI and
the yearly report).
"""
