"""Lapisan penyajian: tabel dan grafik dokumen dari frame.

- :mod:`~analisis.presentation.tabel` — :class:`~analisis.presentation.tabel.Tabel`
  menerima frame numerik dan format per kolom yang diterapkan saat dirender
- :mod:`~analisis.presentation.grafik` — :class:`~analisis.presentation.grafik.Gambar`
  membungkus ``matplotlib.figure.Figure`` (tampil sebaris di JupyterLab, SVG di dokumen)
- :mod:`~analisis.presentation.pohon` — model dan diagram pohon kinerja

Lapisan ini hanya mengimpor :mod:`analisis.core`.
"""

__all__ = ["tabel", "grafik", "pohon"]
