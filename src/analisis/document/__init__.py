"""Lapisan dokumen: eksekusi bab, cache, kunci render, HTML dan PDF.

- :mod:`~analisis.document.render` — ``iku render``: bab dieksekusi, dirakit jadi satu dokumen
- :mod:`~analisis.document.cache` — cache per bab yang tidak pernah basi
- :mod:`~analisis.document.cepat` — ``iku render`` tanpa perubahan dijawab dari ``stat`` saja
- :mod:`~analisis.document.kunci` — satu render pada satu waktu per folder ``rendered/``
- :mod:`~analisis.document.pdf` — PDF A4 lewat Chromium sistem
"""

# papermill tidak diimpor di sini (lambat: nbformat, jsonschema); titik masuk
# mesin ``iku`` (analisis.document.mesin) membuat kelasnya saat pertama diminta,
# sehingga urutan impor papermill/mesin tidak menimbulkan impor melingkar.

__all__ = ["render", "cache", "kunci", "pdf", "mesin", "penomoran", "edisi", "tata_letak", "pratinjau", "cepat"]
