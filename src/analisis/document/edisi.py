"""Dua edisi dari satu dokumen rakitan: *reviu* (untuk Inspektorat, Bappeda, perencana) dan *final* (untuk ditandatangani).

Bab menandai bahan reviu dengan markup yang dibuat proyek sendiri:

- angka bertemuan: ``<span class="temuan" data-kode="…" title="…">ANGKA<a class="ke-temuan" …>[KODE]</a></span>``
  (:func:`analisis.core.resmi.tanda_html`);
- blok khusus reviu (tempat kosong untuk masukan tahun yang belum diisi,
  catatan pemeriksa): elemen ``div``/``p``/``li``/``tr``/``span`` berkelas ``reviu-saja``
  yang tidak memuat elemen bertag sama di dalamnya (:func:`analisis.presentation.tabel.reviu_saja`).

Edisi reviu memakai dokumen apa adanya; edisi final membuang blok reviu dan
penanda temuan sehingga yang tersisa hanya angka yang ditampilkan.

Examples
--------
>>> h = '<p>PNS <span class="temuan" data-kode="A" title="x">22<a class="ke-temuan" href="#temuan-A">[A]</a></span> orang</p><div class="reviu-saja"><p>Masukan belum diisi</p></div>'
>>> untuk_edisi(h, "final")
'<p>PNS 22 orang</p>'
>>> untuk_edisi(h, "reviu") == h
True
>>> kode_temuan(h)
['A']
"""

from __future__ import annotations

import re

from ..core.kesalahan import KesalahanParameter

__all__ = ["EDISI", "periksa_edisi", "untuk_edisi", "kode_temuan", "nama_berkas"]

#: Edisi dokumen; yang pertama adalah bawaan.
EDISI = ("reviu", "final")

_TEMUAN = re.compile(r'<span class="temuan"[^>]*>(.*?)<a class="ke-temuan"[^>]*>[^<]*</a></span>', re.S)
_KODE = re.compile(r'<span class="temuan" data-kode="([^"]+)"')
_REVIU = re.compile(r'<(div|p|li|tr|span|section|aside)\b[^>]*\bclass="(?:[^"]*\s)?reviu-saja(?:\s[^"]*)?"[^>]*>.*?</\1>', re.S)


def periksa_edisi(edisi: str) -> str:
    """Nama edisi yang sah, atau :class:`KesalahanParameter` berbahasa Indonesia.

    >>> periksa_edisi("final")
    'final'
    >>> periksa_edisi("akhir")
    Traceback (most recent call last):
    ...
    analisis.core.kesalahan.KesalahanParameter: edisi 'akhir' tidak dikenal: pilih reviu atau final
    """
    if edisi not in EDISI:
        raise KesalahanParameter(f"edisi {edisi!r} tidak dikenal: pilih {' atau '.join(EDISI)}")
    return edisi


def untuk_edisi(html: str, edisi: str) -> str:
    """HTML dokumen untuk ``edisi``: final tanpa blok reviu dan tanpa penanda temuan."""
    if periksa_edisi(edisi) == "reviu":
        return html
    sebelumnya = None
    while sebelumnya != html:  # blok reviu bersarang dibuang dari dalam ke luar
        sebelumnya = html
        html = _REVIU.sub("", html)
    return _TEMUAN.sub(r"\1", html)


def kode_temuan(html: str) -> list[str]:
    """Kode temuan yang ditandai di ``html``, urut kemunculan pertama (lampiran temuan edisi reviu)."""
    return list(dict.fromkeys(_KODE.findall(html)))


def nama_berkas(tahun: int, edisi: str, ekstensi: str = "html") -> str:
    """Nama berkas dokumen menurut edisinya.

    >>> nama_berkas(2025, "final"), nama_berkas(2025, "reviu", "pdf")
    ('IKU-2025-final.html', 'IKU-2025-reviu.pdf')
    """
    return f"IKU-{tahun}-{periksa_edisi(edisi)}.{ekstensi}"
