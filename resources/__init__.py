"""Data files the program ships: catalogues, demo data, fonts, icons, translations.

Read with ``importlib.resources`` so that an installed or frozen copy finds them.
"""
