"""Lapisan dokumen: eksekusi bab, cache, kunci render, HTML dan PDF.

- :mod:`~analisis.document.render` — ``iku render``: bab dieksekusi, dirakit jadi satu dokumen
- :mod:`~analisis.document.cache` — cache per bab yang tidak pernah basi
- :mod:`~analisis.document.kunci` — satu render pada satu waktu per folder ``rendered/``
- :mod:`~analisis.document.pdf` — PDF A4 lewat Chromium sistem
"""

# papermill.engines lebih dulu: saat dimuat ia memuat titik masuk mesin ``iku``
# (analisis.document.mesin), yang sendiri mengimpor papermill.engines; urutan
# ini mencegah impor melingkar bila mesin diimpor lebih dulu.
import papermill.engines  # noqa: E402,F401

__all__ = ["render", "cache", "kunci", "pdf", "mesin", "penomoran", "edisi", "tata_letak", "pratinjau"]
