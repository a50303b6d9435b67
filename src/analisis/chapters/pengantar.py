"""Kata Pengantar: tempat, tanggal dan blok tanda tangan (buku catatan ``00_pengantar``).

Teks Kata Pengantar sendiri ada di ``data/teks/kata_pengantar.md``; di sini
hanya bagian yang bergantung pada tahun dokumen: tempat dan tanggal dari
``parameters/<tahun>.yml`` (atau ``data/instansi.yaml``) dan penandatangannya.

Examples
--------
>>> tempat_tanggal(2025)
'Kuala Pembuang, 22 September 2025'
"""

from __future__ import annotations

import datetime as _dt

from IPython.display import HTML

from ..core import data
from ..core import format as fmt
from ..core.kesalahan import KesalahanParameter
from ..core.parameter import muat as muat_parameter
from ..presentation.tabel import esc

__all__ = ["tanggal_dokumen", "tempat_tanggal", "penandatangan", "blok_tanda_tangan"]


def _parameter(tahun: int, periode: str | None):
    try:
        return muat_parameter(tahun, periode)
    except KesalahanParameter:
        return None


def tanggal_dokumen(tahun: int, periode: str | None = None) -> _dt.date | None:
    """Tanggal penandatanganan: parameter ``tanggal_dokumen``, lalu tanggal di ``instansi.yaml`` bila tahunnya sama.

    >>> tanggal_dokumen(2025), tanggal_dokumen(2026)
    (datetime.date(2025, 9, 22), None)
    """
    p = _parameter(tahun, periode)
    if p is not None and p.tanggal_dokumen is not None:
        return p.tanggal_dokumen
    t = data.instansi().get("tanggal_dokumen")
    if t is not None:
        t = _dt.date.fromisoformat(str(t))
        if t.year == tahun:  # tanggal instansi hanya berlaku untuk tahunnya sendiri
            return t
    return None


def tempat_tanggal(tahun: int, periode: str | None = None) -> str:
    """Tempat dan tanggal penandatanganan ("Kuala Pembuang, 22 September 2025").

    Tempat: parameter ``tempat``, lalu ``tempat_dokumen`` atau ``ibu_kota``
    instansi. Tanggal: :func:`tanggal_dokumen`; bila belum ada, dikosongkan
    untuk diisi.

    >>> tempat_tanggal(2025)
    'Kuala Pembuang, 22 September 2025'
    >>> tempat_tanggal(2026)
    'Kuala Pembuang, ……………… 2026'
    """
    p = _parameter(tahun, periode)
    i = data.instansi()
    tempat = (p.tempat if p is not None else None) or i.get("tempat_dokumen") or i["ibu_kota"]
    tgl = tanggal_dokumen(tahun, periode)
    return f"{tempat}, {fmt.tanggal(tgl) if tgl else f'……………… {tahun}'}"


def penandatangan(tahun: int, periode: str | None = None) -> dict:
    """Penandatangan: parameter ``penandatangan``, selain itu kepala perangkat daerah (``instansi.yaml``).

    >>> p = penandatangan(2025)
    >>> p["jabatan"], p["nama"], p["golongan"], p["nip"]
    ('Kepala Dinas', 'ANGGA, SE', 'IV/c', '19680405 198703 1 010')
    """
    p = _parameter(tahun, periode)
    ttd = p.penandatangan if p is not None else None
    return ttd.model_dump() if ttd is not None else dict(data.instansi()["kepala"])


def blok_tanda_tangan(tempat_tgl: str, ttd: dict) -> HTML:
    """Blok tanda tangan: tempat, tanggal, jabatan, nama, pangkat (golongan), NIP.

    Menerima hasil :func:`tempat_tanggal` dan :func:`penandatangan`, sehingga
    analis dapat mengubah keduanya di buku catatan.

    >>> h = blok_tanda_tangan(tempat_tanggal(2025), penandatangan(2025)).data
    >>> "KEPALA DINAS," in h and "Pembina Utama Muda (IV/c)" in h and "NIP. 19680405 198703 1 010" in h
    True
    >>> "&lt;b&gt;" in blok_tanda_tangan("X, 1 Mei 2025", {"jabatan": "Kepala", "nama": "<b>"}).data
    True
    """
    pangkat = " ".join(x for x in [ttd.get("pangkat"), f"({ttd['golongan']})" if ttd.get("golongan") else None] if x)
    baris = [
        f"<p>{esc(tempat_tgl)}</p>",
        f"<p><strong>{esc(ttd['jabatan'].upper())},</strong></p>",
        '<div style="height:3.5em"></div>',
        f"<p><strong>{esc(ttd['nama'])}</strong></p>",
    ]
    if pangkat:
        baris.append(f"<p>{esc(pangkat)}</p>")
    if ttd.get("nip"):
        baris.append(f"<p>NIP. {esc(ttd['nip'])}</p>")
    gaya = "margin:1.2em 0 0 50%;text-align:center;break-inside:avoid;page-break-inside:avoid"
    isi = "".join(b.replace("<p>", '<p style="text-align:center;margin:0">') for b in baris)
    return HTML(f'<div class="tanda-tangan" style="{gaya}">{isi}</div>')
