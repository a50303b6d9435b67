"""Lapisan bab: satu modul per buku catatan di ``notebooks/``, bernama seperti bukunya.

Modul bab hanya memuat yang dibutuhkan babnya di luar API bersama
(:mod:`analisis.core`, :mod:`analisis.presentation`); tidak ada modul bab yang
mengimpor modul bab lain. Modul berawalan ``_`` adalah pembantu satu bab.
"""
