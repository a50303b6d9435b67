"""analisis: data, rumus, dan penyajian dokumen Indikator Kinerja Utama (IKU).

Modul publik:

- :mod:`analisis.data` — memuat ``data/`` lewat skemanya (:mod:`analisis.skema`)
- :mod:`analisis.rumus` — rumus kinerja (persentase, capaian, predikat SAKIP, SPM)
- :mod:`analisis.aturan` — tabel pita predikat dan kategori yang dapat diatur
- :mod:`analisis.kinerja` — realisasi dan capaian indikator per tahun
- :mod:`analisis.format` — format angka, persen, rupiah, tanggal Indonesia
- :mod:`analisis.tabel`, :mod:`analisis.grafik` — tabel dan grafik bernomor
- :mod:`analisis.parameter` — parameter dokumen per tahun
"""

__version__ = "0.1.0"
