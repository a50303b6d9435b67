"""Lapisan dokumen: eksekusi bab, cache, kunci render, HTML dan PDF.

- :mod:`~analisis.document.render` — ``iku render``: bab dieksekusi, dirakit jadi satu dokumen
- :mod:`~analisis.document.cache` — cache per bab yang tidak pernah basi
- :mod:`~analisis.document.kunci` — satu render pada satu waktu per folder ``rendered/``
- :mod:`~analisis.document.pdf` — PDF A4 lewat Chromium sistem
"""

__all__ = ["render", "cache", "kunci", "pdf"]
