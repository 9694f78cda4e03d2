"""Exchange files: one municipality carried between laptops in a single file, and merged.

``format`` says what the file holds, ``export`` writes one, ``reader`` reads
one safely (size limits, names, checksums), ``crypto`` adds an optional
passphrase, ``merge`` plans and applies an import, and ``history`` reads the
log of imports. Nothing here imports Qt.
"""
