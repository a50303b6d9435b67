"""analisis: data, rumus, dan penyajian dokumen Indikator Kinerja Utama (IKU).

Paket disusun per lapisan; setiap lapisan hanya mengimpor lapisan di atasnya
dalam daftar ini, dan mengimpor paket tidak mengubah keadaan global apa pun
(tidak ada ``matplotlib.use``, tidak ada ``rcParams`` yang diubah):

- :mod:`analisis.core` — akses data dan skema, nilai dan format Indonesia,
  parameter, aturan pita, rumus, kinerja, pemeriksaan angka tercetak
- :mod:`analisis.presentation` — tabel dan grafik deklaratif dari frame
- :mod:`analisis.chapters` — satu modul per buku bab, hanya yang dibutuhkan bab itu
- :mod:`analisis.input` — templat Excel isian dan impornya
- :mod:`analisis.document` — render, cache, kunci, PDF, templat dokumen

Lihat ``docs/desain.md`` untuk peta lapisan dan jalur satu angka dari
``data/`` sampai halaman.
"""

__version__ = "0.1.0"
