"""Lapisan masukan: templat Excel isian realisasi untuk bidang dan impornya ke ``data/``.

- :mod:`~analisis.input.xlsx` — ``iku templat``: buku kerja isian
- :mod:`~analisis.input.impor` — ``iku impor``: validasi semua-atau-tidak-sama-sekali
"""

__all__ = ["xlsx", "impor"]
