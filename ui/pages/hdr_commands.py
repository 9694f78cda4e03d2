"""Moved to :mod:`ui.commands.hdr` (this name stays for code written against it)."""

from ui.commands.hdr import Place as Place
