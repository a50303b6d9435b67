"""Lampiran Catatan Pemeriksaan Data: kalimat ringkasan dan tabel temuan audit.

Temuan dihitung di :mod:`analisis.core.periksa`; modul ini hanya menyajikannya
untuk buku ``07_catatan_pemeriksaan``.
"""

from __future__ import annotations

import re

import pandas as pd

from ..core import format as fmt
from ..core.data import teks as _teks
from ..core.kesalahan import KesalahanData
from ..core.periksa import Temuan, ringkasan, status_keputusan, temuan
from ..presentation.tabel import Kol, Tabel

__all__ = ["kalimat_ringkasan", "pengantar", "tabel_temuan"]


def _bilangan_kata(n: int, benda: str) -> str:
    return f"tidak ada {benda}" if n == 0 else f"{fmt.angka(n)} {benda}"


def kalimat_ringkasan(tahun: int | None = None, periode: str | None = None, daftar: list[Temuan] | None = None) -> str:
    """Kalimat ringkasan hasil pemeriksaan untuk lampiran dokumen.

    Examples
    --------
    >>> kalimat_ringkasan(daftar=[Temuan("peringatan", "X", "Tabel 2.2", "", "", "", "", "", "")])
    'Pemeriksaan otomatis menghasilkan 1 catatan: tidak ada galat, 1 peringatan dan tidak ada info. Tidak ada galat, sehingga data dapat dipakai untuk menyusun dokumen; peringatan menandai ketidaksesuaian yang perlu dikonfirmasi, antara lain di Tabel 2.2.'
    """
    if daftar is None:
        daftar = temuan(tahun=tahun, periode=periode)
    r = ringkasan(daftar)
    awal = (f"Pemeriksaan otomatis{f' untuk dokumen tahun {tahun}' if tahun is not None else ''} menghasilkan "
            f"{fmt.angka(len(daftar))} catatan: {_bilangan_kata(r['galat'], 'galat')}, "
            f"{_bilangan_kata(r['peringatan'], 'peringatan')} dan {_bilangan_kata(r['info'], 'info')}.")
    if r["galat"]:
        awal += (f" Ada {fmt.angka(r['galat'])} galat: data tersebut belum dapat dipakai untuk menyusun dokumen sebelum "
                 "diperbaiki.")
    else:
        awal += " Tidak ada galat, sehingga data dapat dipakai untuk menyusun dokumen"
        if r["peringatan"]:
            tabel = []
            for t in daftar:
                if t.keparahan == "peringatan":
                    for bagian in re.findall(r"Tabel \d+\.\d+", t.tabel):
                        if bagian not in tabel:
                            tabel.append(bagian)
            tabel.sort(key=lambda x: [int(v) for v in x.split()[1].split(".")])
            awal += ("; peringatan menandai ketidaksesuaian yang perlu dikonfirmasi"
                     + (f", antara lain di {', '.join(tabel[:-1])} dan {tabel[-1]}" if len(tabel) > 1 else
                        f", antara lain di {tabel[0]}" if tabel else "") + ".")
        else:
            awal += "."
    return awal


_PENGANTAR = (
    "Lampiran ini mencatat hasil pemeriksaan otomatis atas angka dokumen. Setiap jumlah dan subtotal "
    "yang tercetak dibandingkan dengan jumlah baris-baris rincinya; setiap persentase, capaian, penurunan, "
    "predikat dan kategori dihitung ulang dengan rumus Definisi Operasional dan aturan yang berlaku; angka "
    "dalam narasi dibandingkan dengan tabel yang memuat besaran yang sama; rincian satu populasi dibandingkan "
    "satu sama lain; pohon kinerja, definisi operasional dan target setiap indikator diperiksa kelengkapannya; "
    "dan parameter tahun dokumen dicocokkan dengan data yang tersedia. Galat berarti data belum dapat dipakai "
    "untuk menyusun dokumen; peringatan berarti angka yang tercetak di dokumen sumber tidak sama dengan hasil "
    "hitungnya; info adalah catatan yang penyebabnya sudah diketahui atau data yang belum tersedia. Angka di "
    "tabel-tabel dokumen tetap ditampilkan sebagaimana tercetak di sumbernya; hasil hitung dan selisihnya "
    "(tercetak dikurangi dihitung) ditampilkan di sini."
)


def pengantar() -> str:
    """Paragraf pengantar lampiran pemeriksaan.

    Memakai ``data/teks/pemeriksaan_pengantar.md`` bila ada; bila tidak ada,
    teks bawaan modul ini.

    >>> pengantar().startswith("Lampiran ini mencatat")
    True
    """
    try:
        return _teks("pemeriksaan_pengantar")
    except KesalahanData:
        return _PENGANTAR


_BAB_KAPITAL = re.compile(r"\bBAB (?=[IVX]+\b)")


def tabel_temuan(tahun: int | None = None, periode: str | None = None, daftar: list[Temuan] | None = None) -> Tabel:
    """Tabel Catatan Pemeriksaan Data (lampiran edisi reviu, lanskap) dengan status keputusan setiap temuan.

    Setiap baris berjangkar ``temuan-<KODE>``: penanda temuan di badan dokumen
    (:func:`analisis.core.resmi.tanda_html`) menaut ke sini.

    Examples
    --------
    >>> t = tabel_temuan(2025)
    >>> t.label, t.lebar, 'id="temuan-JUMLAH-ASN-PNS"' in t.html()
    ('catatan-pemeriksaan', True, True)
    >>> "tercetak (Sub Bagian Perencanaan, 2025-09-22)" in t.html()
    True
    """
    if daftar is None:
        daftar = temuan(tahun=tahun, periode=periode)
    status = status_keputusan(daftar)
    baris = []
    for i, t in enumerate(daftar, 1):
        baris.append({
            "no": i, "keparahan": t.keparahan.capitalize(), "kode": t.kode, "jangkar": f"temuan-{t.kode}",
            "keputusan": status.get(t.kode, ""),
            # "BAB II 2.4" → "Bab II 2.4": huruf kapital BAB dipakai hanya untuk judul bab dokumen
            "tempat": _BAB_KAPITAL.sub("Bab ", f"{t.tabel} — {t.baris}"),
            "besaran": t.besaran, "tercetak": t.tercetak, "dihitung": t.dihitung, "selisih": t.selisih,
            "aturan": _BAB_KAPITAL.sub("Bab ", t.aturan + (f". {t.keterangan}" if t.keterangan else "")),
        })
    df = pd.DataFrame(baris, columns=["no", "keparahan", "kode", "jangkar", "tempat", "besaran", "tercetak", "dihitung",
                                      "selisih", "aturan", "keputusan"])
    # jangkar unik: kode yang muncul lebih dari sekali hanya dijangkarkan pada baris pertamanya
    df.loc[df["kode"].duplicated(), "jangkar"] = None
    r = ringkasan(daftar)
    return Tabel(
        df, label="catatan-pemeriksaan", judul="Catatan Pemeriksaan Data", id_baris="jangkar",
        kolom=[Kol("no", "No", "angka", rata="tengah"), Kol("keparahan", "Keparahan"), Kol("kode", "Kode"),
               Kol("tempat", "Tabel / baris"), Kol("besaran", "Besaran"), Kol("tercetak", "Tercetak"),
               Kol("dihitung", "Dihitung"), Kol("selisih", "Selisih"), Kol("aturan", "Aturan dan keterangan"),
               Kol("keputusan", "Keputusan (data/keputusan_temuan.csv)")],
        catatan=["Selisih = tercetak − dihitung.",
                 f"Ringkasan: {fmt.angka(r['galat'])} galat, {fmt.angka(r['peringatan'])} peringatan, {fmt.angka(r['info'])} info."],
        sumber="data/dicetak.csv (angka tercetak) dan berkas data rinci, dihitung dengan analisis.core.rumus dan analisis.core.kinerja",
        lebar=True,
    )
