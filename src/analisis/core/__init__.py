"""Lapisan inti: data, skema, nilai, format, parameter, aturan, rumus, kinerja, pemeriksaan.

Modul publik:

- :mod:`~analisis.core.paths` — jalur ruang kerja dari satu akar
- :mod:`~analisis.core.kesalahan` — kesalahan berbahasa Indonesia untuk pengguna
- :mod:`~analisis.core.memo` — memo hasil hitung per isi berkas yang dibaca (di proses dan antarproses)
- :mod:`~analisis.core.nilai` — membaca ejaan angka Indonesia
- :mod:`~analisis.core.format` — format angka, persen, rupiah, tanggal Indonesia
- :mod:`~analisis.core.skema` — skema setiap berkas ``data/`` (pandera)
- :mod:`~analisis.core.data` — memuat ``data/`` lewat skemanya menjadi frame numerik
- :mod:`~analisis.core.periode` — daftar periode pelaporan, urutan dan labelnya
- :mod:`~analisis.core.parameter` — parameter dokumen per tahun (``parameters/``)
- :mod:`~analisis.core.aturan` — pita predikat dan kategori
- :mod:`~analisis.core.rumus` — rumus kinerja dengan rujukan DO/regulasi
- :mod:`~analisis.core.kinerja` — realisasi dan capaian indikator per tahun/periode
- :mod:`~analisis.core.periksa` — pemeriksaan angka tercetak terhadap rumusnya

Tidak ada modul di sini yang mengimpor lapisan penyajian, bab, masukan atau dokumen.
"""

__all__ = ["paths", "kesalahan", "memo", "nilai", "format", "skema", "data", "periode", "parameter", "aturan", "rumus", "kinerja", "periksa"]
