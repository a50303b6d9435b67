"""Angka resmi dokumen: seperti tercetak di sumber, kecuali register keputusan berkata lain.

Dokumen yang ditandatangani (September 2025) mencetak beberapa angka yang
tidak sama dengan hasil hitung dari baris rincinya (:mod:`analisis.core.periksa`
mencatatnya sebagai *temuan*). Angka seperti itu tidak diganti diam-diam:

- tanpa keputusan, dokumen menampilkan angka **tercetak**, edisi reviu
  menandainya, dan edisi final menolak dibangun (:func:`belum_diputuskan`);
- register ``data/keputusan_temuan.csv`` mencatat per kode temuan angka mana
  yang ditampilkan (``tercetak`` / ``dihitung`` / ``nilai`` tertentu), alasannya,
  siapa yang memutuskan dan kapan.

Bab memanggil :func:`nilai` untuk setiap angka yang punya kode temuan; hasilnya
(:class:`NilaiResmi`) membawa angka yang ditampilkan dan penanda temuan untuk
edisi reviu. Edisi final membuang penanda itu (:mod:`analisis.document.edisi`).

Examples
--------
>>> n = nilai("JUMLAH-ASN-PNS", 21, tahun=2025)
>>> n.nilai, n.keputusan["tampil"], n.temuan.dihitung
(22, 'tercetak', '21')
>>> nilai("KODE-TANPA-TEMUAN", 42583, tahun=2025).nilai
42583
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import data, memo
from .kesalahan import KesalahanData
from .paths import folder_data

__all__ = ["TAMPIL", "NilaiResmi", "register", "nilai", "daftar_temuan", "status_temuan", "belum_diputuskan",
           "syarat_final", "tanda_html"]

#: Pilihan kolom ``tampil`` register keputusan.
TAMPIL = ("tercetak", "dihitung", "nilai")

#: Keparahan temuan yang wajib diputuskan sebelum edisi final dibangun.
KEPARAHAN_WAJIB = ("galat", "peringatan")


def register(folder: Path | None = None) -> pd.DataFrame:
    """Register keputusan (``data/keputusan_temuan.csv``); frame kosong bila berkasnya tidak ada.

    >>> r = register()
    >>> r.set_index("kode").loc["ARAH-TARGET-IKK-24", "tampil"]
    'dihitung'
    """
    try:
        return data.muat("keputusan_temuan", folder)
    except KesalahanData as e:
        if all("tidak ditemukan" in p.aturan for p in e.pelanggaran):
            return pd.DataFrame(columns=["kode", "tampil", "nilai", "alasan", "diputuskan_oleh", "tanggal"])
        raise


def daftar_temuan(tahun: int | None = None, periode: str | None = None, folder: Path | None = None) -> list:
    """Temuan pemeriksaan untuk dokumen ``tahun``/``periode``, dihitung sekali per isi ``data/``.

    :func:`analisis.core.periksa.temuan` diingat (:mod:`analisis.core.memo`,
    juga antarproses bila ``$IKU_MEMO`` disetel): proses ``iku render`` yang
    menghitungnya untuk syarat edisi final meninggalkannya untuk kernel bab.

    >>> kode = {t.kode for t in daftar_temuan(2025)}
    >>> {"JUMLAH-ASN-PNS", "ARAH-TARGET-IKK-24"} <= kode
    True
    """
    from . import periksa

    folder = Path(folder) if folder is not None else folder_data()
    return periksa.temuan(folder=folder if folder != folder_data() else None, tahun=tahun, periode=periode)


def _temuan(kode: str, tahun: int | None, periode: str | None, folder: Path | None):
    """Temuan berkode ``kode`` di :func:`daftar_temuan` (tanpa pemeriksaan parameter bila kodenya bukan miliknya)."""
    from . import periksa

    folder = Path(folder) if folder is not None else folder_data()
    return periksa.temuan_kode(kode, folder=folder if folder != folder_data() else None, tahun=tahun, periode=periode)


_KOLOM_KEPUTUSAN = ("tampil", "nilai", "alasan", "diputuskan_oleh", "tanggal")


@memo.ingat
def _register_per_kode(folder: Path | None) -> dict[str, tuple]:
    """Kode → isi baris pertamanya di register (urut :data:`_KOLOM_KEPUTUSAN`), sekali per isi register.

    Nilai berupa tuple (beku), jadi setiap pemakai mendapat salinan kamus yang
    dangkal (:mod:`analisis.core.memo`); :func:`_keputusan` membuat kamus baru.
    """
    r = register(folder)
    hasil: dict[str, tuple] = {}
    for i, kode in enumerate(r["kode"]):
        if kode not in hasil:
            k = r.iloc[i]
            hasil[kode] = (k["tampil"], None if pd.isna(k["nilai"]) else k["nilai"], k["alasan"],
                           k["diputuskan_oleh"], k["tanggal"])
    return hasil


def _keputusan(kode: str, folder: Path | None) -> dict | None:
    """Keputusan register untuk ``kode`` (baris pertamanya), atau ``None``.

    >>> _keputusan("JUMLAH-ASN-PNS", None)["tampil"], _keputusan("KODE-TANPA-TEMUAN", None) is None
    ('tercetak', True)
    """
    baris = _register_per_kode(folder).get(kode)
    return None if baris is None else dict(zip(_KOLOM_KEPUTUSAN, baris))


def status_temuan(daftar: list, folder: Path | None = None) -> list[tuple[object, dict | None]]:
    """Setiap temuan dengan keputusannya (``None`` bila belum diputuskan).

    Register dimuat sekali; setiap kode dicari di baris pertamanya, seperti :func:`nilai`.

    >>> [(t.kode, k["tampil"]) for t, k in status_temuan(daftar_temuan(2025)) if t.kode == "JUMLAH-ASN-PNS"]
    [('JUMLAH-ASN-PNS', 'tercetak')]
    """
    per_kode = _register_per_kode(folder)
    return [(t, dict(zip(_KOLOM_KEPUTUSAN, per_kode[t.kode])) if t.kode in per_kode else None) for t in daftar]


def belum_diputuskan(tahun: int, periode: str | None = None, folder: Path | None = None) -> list:
    """Temuan galat/peringatan dokumen ``tahun`` yang belum punya keputusan (edisi final menolak).

    >>> belum_diputuskan(2025)
    []
    """
    return [t for t, k in status_temuan(daftar_temuan(tahun, periode, folder), folder)
            if k is None and _perlu_keputusan(t)]


def _perlu_keputusan(t) -> bool:
    """Temuan galat/peringatan yang membandingkan angka tercetak dengan hasil hitung.

    Temuan kelengkapan data atau data yang tidak sah (tanpa salah satu sisi)
    tidak diputuskan di register: datanya yang harus dilengkapi.
    """
    kosong = ("", "–", "(kosong)")
    return (t.keparahan in KEPARAHAN_WAJIB and str(t.tercetak).strip() not in kosong
            and str(t.dihitung).strip() not in kosong)


def _angka_tercetak(teks: str):
    from .periksa import _angka_tercetak as baca

    return baca(teks)


@dataclass(frozen=True)
class NilaiResmi:
    """Angka yang ditampilkan dokumen beserta temuannya.

    ``nilai``: angka (atau teks) yang ditampilkan. ``temuan``: temuan
    pemeriksaan dengan kode itu (``None`` bila tercetak = dihitung).
    ``keputusan``: baris register (``None`` bila belum diputuskan).
    """

    nilai: object
    kode: str
    temuan: object | None = None
    keputusan: dict | None = None

    @property
    def bertemuan(self) -> bool:
        return self.temuan is not None

    def tanda(self, teks_html: str) -> str:
        """``teks_html`` (sudah di-escape) bertanda temuan untuk edisi reviu; apa adanya bila tanpa temuan."""
        return tanda_html(teks_html, self) if self.bertemuan else teks_html


def _uraian(n: NilaiResmi) -> str:
    t = n.temuan
    bagian = [f"Temuan {n.kode}: tercetak {t.tercetak}; dihitung {t.dihitung}; aturan: {t.aturan}"]
    if n.keputusan:
        k = n.keputusan
        pilihan = {"tercetak": "angka tercetak", "dihitung": "hasil hitung", "nilai": f"nilai {k['nilai']}"}[k["tampil"]]
        bagian.append(f"keputusan: tampilkan {pilihan} ({k['diputuskan_oleh']}, {k['tanggal']}): {k['alasan']}")
    else:
        bagian.append("belum ada keputusan: ditampilkan angka tercetak")
    return ". ".join(bagian)


def tanda_html(teks_html: str, n: NilaiResmi) -> str:
    """Penanda temuan edisi reviu: angka yang ditampilkan, tautan ke lampiran temuan dan uraiannya.

    >>> n = nilai("JUMLAH-ASN-PNS", 21, tahun=2025)
    >>> h = tanda_html("22", n)
    >>> h.startswith('<span class="temuan" data-kode="JUMLAH-ASN-PNS"') and 'href="#temuan-JUMLAH-ASN-PNS"' in h
    True
    """
    import html

    kode = html.escape(n.kode, quote=True)
    return (f'<span class="temuan" data-kode="{kode}" title="{html.escape(_uraian(n), quote=True)}">{teks_html}'
            f'<a class="ke-temuan" href="#temuan-{kode}">[{kode}]</a></span>')


def nilai(kode: str, dihitung, *, tahun: int | None = None, periode: str | None = None,
          folder: Path | None = None) -> NilaiResmi:
    """Angka yang ditampilkan untuk besaran berkode temuan ``kode`` yang dihitung bab sebesar ``dihitung``.

    Tanpa temuan (tercetak = dihitung, atau tidak ada angka tercetak): ``dihitung``.
    Dengan temuan: menurut keputusan register; tanpa keputusan, angka tercetak
    (temuan galat/peringatan) atau hasil hitung (temuan info, yang tidak wajib
    diputuskan).
    Angka tercetak dibaca dari teks temuan ("22 (dua puluh dua)" → 22,
    "484.557.500,00" → 484557500); teks yang bukan angka ("Tuntas Pratama")
    ditampilkan apa adanya.

    >>> nilai("JUMLAH-ASET-TOTAL", 11079039430, tahun=2025).nilai
    11266644930
    >>> nilai("KATEGORI-SPM-2024-1", "Tuntas Madya", tahun=2025).nilai
    'Tuntas Pratama'
    >>> nilai("ARAH-TARGET-IKK-24", 97.2, tahun=2025).nilai
    97.2
    """
    temuan = _temuan(kode, tahun, periode, folder)
    if temuan is None:
        return NilaiResmi(dihitung, kode)
    keputusan = _keputusan(kode, folder)
    if keputusan is None and not _perlu_keputusan(temuan):
        # temuan info (penyebab sudah diketahui) tanpa keputusan: hasil hitung, tanpa penanda
        return NilaiResmi(dihitung, kode)
    tampil = keputusan["tampil"] if keputusan else "tercetak"
    if tampil == "dihitung":
        v = dihitung
    elif tampil == "nilai":
        v = keputusan["nilai"]
        angka = _angka_tercetak(v) if isinstance(dihitung, (int, float)) else None
        v = angka if angka is not None else v
    else:
        angka = _angka_tercetak(temuan.tercetak) if isinstance(dihitung, (int, float)) else None
        v = angka if angka is not None else temuan.tercetak
    return NilaiResmi(v, kode, temuan, keputusan)


# ----------------------------------------------------------------------------
# syarat edisi final


def syarat_final(tahun: int, periode: str | None = None, folder: Path | None = None) -> list[str]:
    """Yang masih dibutuhkan edisi final tahun ``tahun`` (kosong = lengkap), tanpa menjalankan kernel.

    Memeriksa: tanggal dan tempat dokumen, penandatangan (nama, jabatan, NIP),
    nomor dan tanggal keputusan penetapan, dan keputusan atas setiap temuan
    galat/peringatan.

    >>> syarat_final(2025)
    []
    >>> any("tanggal dokumen" in s for s in syarat_final(2026))
    True
    """
    from . import parameter

    kurang: list[str] = []
    p = parameter.muat(tahun, periode)
    inst = data.instansi(folder)
    tanggal = getattr(p, "tanggal_dokumen", None)
    if tanggal is None:
        kurang.append(f"tanggal dokumen tahun {tahun} (parameters/{tahun}.yml: tanggal_dokumen)")
    elif isinstance(tanggal, _dt.date) and tanggal.year not in (tahun, tahun + 1):
        kurang.append(f"tanggal dokumen {tanggal.isoformat()} bukan tanggal dokumen tahun {tahun} "
                      f"(parameters/{tahun}.yml: tanggal_dokumen)")
    if not (getattr(p, "tempat", None) or inst.get("tempat_dokumen") or inst.get("ibu_kota")):
        kurang.append("tempat penandatanganan (parameters: tempat atau data/instansi.yaml: tempat_dokumen)")
    pen = getattr(p, "penandatangan", None) or inst.get("kepala") or {}
    pen = pen if isinstance(pen, dict) else pen.model_dump()
    for kunci, uraian in (("nama", "nama"), ("jabatan", "jabatan"), ("nip", "NIP")):
        if not pen.get(kunci):
            kurang.append(f"{uraian} penandatangan (parameters: penandatangan atau data/instansi.yaml: kepala.{kunci})")
    kep = data.keputusan(folder)
    if not (getattr(p, "nomor_keputusan", None) or kep.get("nomor")):
        kurang.append("nomor keputusan penetapan IKU (parameters: nomor_keputusan atau data/keputusan.yaml: nomor)")
    if not kep.get("tanggal"):
        kurang.append("tanggal keputusan penetapan IKU (data/keputusan.yaml: tanggal)")
    belum = belum_diputuskan(tahun, periode, folder)
    if belum:
        semua = list(dict.fromkeys(t.kode for t in belum))
        kode = ", ".join(semua[:12]) + (f" dan {len(semua) - 12} lainnya" if len(semua) > 12 else "")
        kurang.append(f"keputusan atas {len(belum)} temuan yang angkanya tampil di dokumen "
                      f"(data/keputusan_temuan.csv): {kode}")
    return kurang
