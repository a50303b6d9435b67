"""Pemeriksaan angka tercetak dokumen sumber terhadap baris rinci dan rumus DO (issue #5).

Dokumen sumber disusun dengan tangan. Angka yang *tercetak* (jumlah, subtotal,
persentase, capaian, predikat, kategori, angka narasi) disimpan terpisah di
``data/dicetak.csv``; baris rinci ada di berkas data lainnya. Modul ini
menghitung ulang setiap angka tercetak dari barisnya dan dari rumus Definisi
Operasional (lewat :mod:`analisis.core.rumus`, :mod:`analisis.core.kinerja` dan
:mod:`analisis.core.data`; tidak ada rumus yang ditulis ulang di sini), lalu
mendaftar setiap tempat yang tidak cocok sebagai :class:`Temuan`.

Enam jenis pemeriksaan (satu fungsi per jenis, terdaftar di
:data:`PEMERIKSAAN`):

1. :func:`cek_jumlah` — setiap jumlah/subtotal tercetak terhadap Σ barisnya
   (Tabel 2.2, 2.3, 2.4, 2.5, 2.6, Rencana Aksi);
2. :func:`cek_rumus` — persentase, capaian, penurunan, predikat dan kategori
   tercetak terhadap rumusnya (Tabel 2.11, 2.8, 2.10, narasi 2.4);
3. :func:`cek_narasi` — angka narasi terhadap tabel yang memuat besaran yang
   sama (dan tabel terhadap tabel: target, keputusan, judul); terdaftar
   sebagai bagian-bagiannya (:data:`BAGIAN_NARASI`), masing-masing diingat
   menurut berkas yang dibacanya saja;
4. :func:`cek_rincian` — rincian satu populasi terhadap rincian lainnya (PNS
   menurut jabatan, golongan, pendidikan, jenis kelamin, eselon; SDM Kesos
   terhadap PSKS);
5. :func:`cek_pohon_indikator` — pohon kinerja, Definisi Operasional, target
   setiap indikator dan layanan SPM, arah target IKK-24;
6. :func:`cek_parameter` — setiap ``parameters/<tahun>.yml`` terhadap data:
   target, periode, ketersediaan realisasi.

Kebijakan keparahan
-------------------
- ``galat``: data **tidak dapat dipakai** untuk menyusun dokumen — target
  yang hilang untuk tahun yang punya parameter, simpul pohon tanpa induk atau
  tanpa indikator, IKU/IKK tanpa Definisi Operasional, layanan SPM tanpa IKK
  atau target, parameter atau berkas data yang tidak sah.
- ``peringatan``: ketidaksesuaian **di dokumen sumber** — angka tercetak yang
  tidak sama dengan hasil hitung dari barisnya atau rumusnya. Data
  ditranskripsi dengan setia; yang tidak cocok adalah sumbernya. Dokumen tetap
  dapat disusun: tabel mencetak angka seperti tercetak, lampiran pemeriksaan
  menampilkan hasil hitungnya.
- ``info``: ketidaksesuaian yang penyebabnya diketahui (baris Rencana Aksi yang
  hilang, data dari tahun berbeda), catatan penulisan, dan tahun yang
  realisasinya belum tersedia.

``iku periksa`` keluar dengan kode 1 bila ada galat (dan, dengan ``--ketat``,
bila ada peringatan); selain itu 0.

Kolom ``selisih`` selalu **tercetak − dihitung**.

Examples
--------
>>> daftar = temuan()
>>> ringkasan(daftar)["galat"]
0
>>> t = {x.kode: x for x in daftar}["JUMLAH-ASN-PNS"]
>>> t.tercetak, t.dihitung, t.selisih
('22', '21', '+1')
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import sys
import tempfile
import textwrap
from dataclasses import asdict, dataclass, fields, replace
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

from . import aturan as _aturan
from . import data, kinerja, memo, parameter, paths, rumus
from . import format as fmt
from .kesalahan import KesalahanData, KesalahanParameter
from .nilai import baca_bilangan

__all__ = [
    "KEPARAHAN",
    "Temuan",
    "PEMERIKSAAN",
    "ESELON_JABATAN",
    "PADANAN_SDM_PSKS",
    "cek_jumlah",
    "cek_rumus",
    "cek_narasi",
    "BAGIAN_NARASI",
    "cek_rincian",
    "cek_pohon_indikator",
    "cek_parameter",
    "temuan",
    "temuan_kode",
    "kode_per_tahun",
    "ringkasan",
    "kode_keluar",
    "status_keputusan",
    "tulis_berkas",
    "jalankan_cli",
]

#: Tingkat keparahan, dari yang paling berat.
KEPARAHAN = ("galat", "peringatan", "info")

#: Eselon jabatan struktural menurut awalan nama jabatan di Tabel 2.2
#: (Perbup Seruyan 20/2022: Kepala Dinas = JPT Pratama/eselon II, Sekretaris
#: dan Kepala Bidang = administrator/eselon III, Kepala Subbagian =
#: pengawas/eselon IV). Dicocokkan dengan awalan terpanjang lebih dulu.
ESELON_JABATAN: tuple[tuple[str, str], ...] = (
    ("KEPALA SUB BAGIAN", "Eselon IV"),
    ("KEPALA SUBBAGIAN", "Eselon IV"),
    ("KEPALA BIDANG", "Eselon III"),
    ("SEKRETARIS", "Eselon III"),
    ("KEPALA DINAS", "Eselon II"),
)

#: Kategori yang sama di Tabel 2.3 (SDM Kesos) dan Tabel 2.6 (PSKS):
#: (nama, pola regex tanpa membedakan huruf besar-kecil untuk kolom ``jenis``
#: kedua tabel, awalan jabatan PNS di Tabel 2.2 yang sejenis atau ``None``).
PADANAN_SDM_PSKS: tuple[tuple[str, str, str | None], ...] = (
    ("Pekerja Sosial (profesional)", r"^pekerja sosial \((?:peksos|profesional)\)", "PEKERJA SOSIAL"),
    ("Pekerja Sosial Masyarakat (PSM)", r"^pekerja sosial masyarakat", None),
    ("Penyuluh Sosial Masyarakat", r"^penyuluh sosial masyarakat", None),
    ("Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", r"\btksk\b", None),
    ("Taruna Siaga Bencana (TAGANA)", r"^taruna siaga bencana", None),
    ("Karang Taruna", r"^karang taruna", None),
)


@dataclass(frozen=True)
class Temuan:
    """Satu ketidaksesuaian antara angka tercetak dan hasil hitung.

    Beku (tidak dapat diubah setelah dibuat): daftar temuan yang diingat
    :mod:`analisis.core.memo` dibagikan ke setiap pemakai dengan salinan
    dangkal, jadi tidak ada pemakai yang dapat mengubah temuan pemakai lain.

    Parameters
    ----------
    keparahan : str
        ``"galat"``, ``"peringatan"`` atau ``"info"`` (lihat docstring modul).
    kode : str
        Pengenal pendek dan stabil, misalnya ``"JUMLAH-ASN-PNS"``.
    tabel, baris : str
        Tempat angka itu di dokumen sumber (tabel/bagian, baris/kolom/paragraf).
    besaran : str
        Apa yang diukur.
    tercetak : str
        Teks seperti tercetak di sumber.
    dihitung : str
        Hasil hitung dari data, format Indonesia.
    selisih : str
        Tercetak − dihitung (``"+1"``, ``"+3,71 poin persen"``, ``"+Rp 472.127.500"``)
        atau uraian singkat bila bukan angka.
    aturan : str
        Aturan yang dipakai, dengan rujukan baris DO atau peraturan.
    keterangan : str
        Penjelasan: penyebab yang mungkin, cara membaca temuan.

    Examples
    --------
    >>> Temuan("info", "CONTOH", "Tabel 2.2", "JUMLAH", "jumlah PNS", "22", "21", "+1", "Σ baris").kode
    'CONTOH'
    """

    keparahan: str
    kode: str
    tabel: str
    baris: str
    besaran: str
    tercetak: str
    dihitung: str
    selisih: str
    aturan: str
    keterangan: str = ""

    def __post_init__(self):
        if self.keparahan not in KEPARAHAN:
            raise ValueError(f"keparahan harus salah satu dari {KEPARAHAN}, bukan {self.keparahan!r}")


# ----------------------------------------------------------------------------
# alat bantu: membaca angka tercetak, menulis selisih


_ANGKA_AWAL = re.compile(r"^\s*(-?\d[\d.,]*)")


def _angka_tercetak(teks) -> int | float | None:
    """Bilangan di awal teks tercetak ("22 (dua puluh dua)" → 22, "16,22%" → 16.22)."""
    if teks is None or (not isinstance(teks, str) and pd.isna(teks)):
        return None
    m = _ANGKA_AWAL.match(str(teks))
    if not m:
        return None
    t = m.group(1).rstrip(".,")
    try:
        return baca_bilangan(t)
    except ValueError:
        return None


def _digit(teks) -> int:
    """Banyaknya angka di belakang koma pada bilangan tercetak ("16,22%" → 2)."""
    m = _ANGKA_AWAL.match(str(teks))
    if not m or "," not in m.group(1):
        return 0
    return len(m.group(1).rstrip(".,").split(",", 1)[1])


def _sama(tercetak, dihitung, digit: int = 0) -> bool:
    """Sama bila keduanya tampil sama pada ketelitian tercetak (pembulatan setengah ke atas)."""
    if tercetak is None or dihitung is None:
        return tercetak is None and dihitung is None
    return fmt.desimal(tercetak, digit) == fmt.desimal(dihitung, digit)


def _beda(tercetak, dihitung, digit: int = 0) -> Decimal:
    return Decimal(fmt.desimal(tercetak, digit).replace(".", "").replace(",", ".")) - Decimal(
        fmt.desimal(dihitung, digit).replace(".", "").replace(",", ".")
    )


def _bertanda(d: Decimal, teks_mutlak: str) -> str:
    return ("+" if d > 0 else "−" if d < 0 else "±") + teks_mutlak


def _selisih_angka(tercetak, dihitung) -> str:
    """``"+1"``, ``"−1.853"``."""
    d = _beda(tercetak, dihitung)
    return _bertanda(d, fmt.angka(abs(d)))


def _selisih_rupiah(tercetak, dihitung) -> str:
    """``"+Rp 472.127.500"`` (dibulatkan ke rupiah)."""
    d = _beda(tercetak, dihitung, 2)
    return _bertanda(d, fmt.rupiah(abs(d)))


def _selisih_poin(tercetak, dihitung, digit: int) -> str:
    """``"+3,71 poin persen"``."""
    d = _beda(tercetak, dihitung, digit)
    return _bertanda(d, f"{fmt.desimal(abs(d), digit)} poin persen")


def _normal(teks) -> str:
    """Teks untuk dibandingkan: huruf kecil, spasi tunggal, tanpa tanda kurung."""
    return " ".join(re.sub(r"[()]", " ", str(teks)).lower().split())


def _tanpa_spasi(teks) -> str:
    return re.sub(r"\s+", "", str(teks))


def _rentang(tahun: list[int]) -> str:
    tahun = sorted(set(int(t) for t in tahun))
    if not tahun:
        return "–"
    if len(tahun) > 1 and tahun == list(range(tahun[0], tahun[-1] + 1)):
        return f"{tahun[0]}–{tahun[-1]}"
    return ", ".join(str(t) for t in tahun)


def _daftar_kode(kode: list[str]) -> str:
    """``IKK-01–IKK-18`` untuk kode berurutan, selain itu dipisah koma."""
    kode = list(kode)
    if not kode:
        return "–"
    kelompok: list[list[str]] = [[kode[0]]]
    for k in kode[1:]:
        a, b = kelompok[-1][-1], k
        if a[:4] == b[:4] and int(b[4:]) == int(a[4:]) + 1:
            kelompok[-1].append(k)
        else:
            kelompok.append([k])
    return ", ".join(g[0] if len(g) == 1 else f"{g[0]}–{g[-1]}" for g in kelompok)


@contextlib.contextmanager
def _folder_data(folder: Path | None) -> Iterator[None]:
    """Arahkan :mod:`analisis.core.kinerja` (yang membaca ``paths.folder_data()``) ke ``folder``.

    :mod:`analisis.core.kinerja` tidak menerima argumen folder, jadi selama
    pemeriksaan variabel lingkungan ``IKU_DATA`` disetel sementara (tidak aman
    untuk dijalankan bersamaan di beberapa utas).
    """
    if folder is None:
        yield
        return
    lama = os.environ.get("IKU_DATA")
    os.environ["IKU_DATA"] = str(Path(folder))
    try:
        yield
    finally:
        if lama is None:
            os.environ.pop("IKU_DATA", None)
        else:
            os.environ["IKU_DATA"] = lama


def _dicetak(folder: Path | None) -> pd.DataFrame:
    return data.muat("dicetak", folder).set_index("id", drop=False)


def _baris(df: pd.DataFrame, id_: str) -> pd.Series | None:
    return df.loc[id_] if id_ in df.index else None


def _dari_cetak(keparahan: str, kode: str, r: pd.Series, dihitung: str, selisih: str, aturan: str, keterangan: str = "",
                besaran: str | None = None) -> Temuan:
    """Temuan untuk satu baris ``dicetak.csv`` (tabel, lokasi, besaran dan nilai tercetak dari baris itu)."""
    return Temuan(keparahan, kode, str(r["tabel"]), str(r["lokasi"]), besaran or str(r["besaran"]),
                  str(r["nilai_tercetak"]), dihitung, selisih, aturan, keterangan)


def _cek_bilangan(r: pd.Series | None, dihitung, kode: str, aturan: str, jenis: str = "angka",
                  keparahan: str = "peringatan", keterangan: str = "") -> list[Temuan]:
    """Bandingkan angka tercetak di baris ``r`` dengan ``dihitung``; [] bila cocok.

    ``jenis``: ``"angka"`` (cacah), ``"rupiah"``, ``"persen"`` (selisih dalam poin persen) atau
    ``"poin"`` (selisih dua persentase, tercetak tanpa tanda %).
    """
    if r is None:
        return []
    tercetak = _angka_tercetak(r["nilai_tercetak"])
    digit = 2 if jenis == "rupiah" else _digit(r["nilai_tercetak"])
    if dihitung is None:
        return [_dari_cetak(keparahan, kode, r, fmt.TIDAK_TERDEFINISI, "tidak dapat dihitung", aturan,
                            (keterangan + " " if keterangan else "") + "Data untuk menghitungnya tidak tersedia.")]
    if tercetak is not None and _sama(tercetak, dihitung, digit):
        return []
    if tercetak is None:
        return [_dari_cetak(keparahan, kode, r, fmt.desimal(dihitung, digit), "bukan bilangan", aturan, keterangan)]
    if jenis == "rupiah":
        teks, selisih = fmt.rupiah(dihitung, 0 if float(dihitung).is_integer() else 2), _selisih_rupiah(tercetak, dihitung)
    elif jenis == "persen":
        teks, selisih = fmt.persen(dihitung, digit), _selisih_poin(tercetak, dihitung, digit)
    elif jenis == "poin":
        teks, selisih = fmt.desimal(dihitung, digit), _selisih_poin(tercetak, dihitung, digit)
    else:
        beda = _beda(tercetak, dihitung, digit)
        teks, selisih = fmt.desimal(dihitung, digit), _bertanda(beda, fmt.desimal(abs(beda), digit))
    return [_dari_cetak(keparahan, kode, r, teks, selisih, aturan, keterangan)]


def _rumus_do(kode: str) -> str:
    """Rumus DO indikator ``kode`` seperti tercetak (Tabel 4.4/4.5), untuk kolom aturan."""
    do = data.muat("definisi_operasional")
    r = do[do["kode"] == kode]
    if r.empty:
        return ""
    tabel = "Tabel 4.4" if kode.startswith("IKU") else "Tabel 4.5"
    return f"DO {kode} ({tabel} baris {int(kode[4:])}): {r['rumus'].iloc[0]}"


# ----------------------------------------------------------------------------
# pendaftaran pemeriksaan


#: Fungsi pemeriksaan yang dijalankan :func:`temuan`, berurutan.
PEMERIKSAAN: list[Callable[..., list[Temuan]]] = []


def _pemeriksaan(fungsi: Callable[..., list[Temuan]]) -> Callable[..., list[Temuan]]:
    """Daftarkan ``fungsi`` di :data:`PEMERIKSAAN`; data yang tidak sah menjadi galat, bukan pengecualian."""
    import functools

    @functools.wraps(fungsi)
    def bungkus(folder: Path | None = None, tahun: int | None = None, periode: str | None = None,
                folder_parameter: Path | None = None) -> list[Temuan]:
        with _folder_data(folder):
            try:
                return fungsi(folder=folder, tahun=tahun, periode=periode, folder_parameter=folder_parameter)
            except KesalahanData as e:
                return [Temuan("galat", "DATA-TIDAK-SAH", str(p.berkas), "" if p.baris is None else f"baris {p.baris}",
                               str(p.kolom or "berkas"), "" if p.nilai is None else str(p.nilai), fmt.TIDAK_TERDEFINISI,
                               "tidak dapat diperiksa", p.aturan,
                               f"Pemeriksaan {fungsi.__name__} tidak dapat dijalankan karena data tidak sah.")
                        for p in e.pelanggaran]

    PEMERIKSAAN.append(bungkus)
    return bungkus


# ----------------------------------------------------------------------------
# 1. jumlah tercetak terhadap Σ baris


@_pemeriksaan
def cek_jumlah(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Setiap jumlah dan subtotal tercetak terhadap Σ baris rinci tabelnya.

    Tabel 2.2 (PNS, honorer), 2.3 (SDM Kesos), 2.4 (subtotal per kelompok,
    TOTAL terhadap baris dan terhadap subtotal tercetak), 2.5 (PPKS terdata
    dan tertangani, lewat :func:`analisis.core.kinerja.rekap_ppks`), 2.6 (PSKS,
    bersertifikat) dan jumlah anggaran Rencana Aksi (info: baris awal tabel
    hilang di sumber).

    Examples
    --------
    >>> [(t.kode, t.tercetak, t.dihitung, t.selisih) for t in cek_jumlah()][:2]
    [('JUMLAH-ASN-PNS', '22', '21', '+1'), ('JUMLAH-ASET-SUBTOTAL-5', '484.557.500,00', 'Rp 12.430.000', '+Rp 472.127.500')]
    """
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    asn = data.muat("asn_jabatan", folder)
    for kolom, id_, kode in (("pns", "asn.jumlah_pns.tabel_2_2", "JUMLAH-ASN-PNS"),
                             ("honorer", "asn.jumlah_honorer.tabel_2_2", "JUMLAH-ASN-HONORER")):
        hasil += _cek_bilangan(_baris(cetak, id_), int(asn[kolom].sum()), kode,
                               f"Baris JUMLAH = Σ kolom {kolom.upper()} baris rinci Tabel 2.2 ({len(asn)} baris jabatan)")

    sdm = data.muat("sdm_kesos", folder)
    r = _baris(cetak, "sdm_kesos.jumlah")
    if r is not None:
        sub = sdm[sdm["tahun"] == r["tahun"]] if pd.notna(r["tahun"]) else sdm
        hasil += _cek_bilangan(r, int(sub["jumlah"].sum()), "JUMLAH-SDM-KESOS",
                               "Baris Jumlah = Σ baris rinci Tabel 2.3 (TKS dan Relawan Sosial)")

    aset = data.muat("aset", folder)
    subtotal_tercetak = []
    for id_, r in cetak[cetak["id"].str.startswith("aset.subtotal.")].iterrows():
        no = int(r["baris"])
        sub = aset[(aset["kelompok_no"] == no) & (aset["tahun"] == r["tahun"])]
        subtotal_tercetak.append(_angka_tercetak(r["nilai_tercetak"]))
        hasil += _cek_bilangan(r, float(sub["nilai"].sum()), f"JUMLAH-ASET-SUBTOTAL-{no}",
                               f"Baris tebal kelompok {no} = Σ nilai aset tetap baris rinci kelompok itu (Tabel 2.4)",
                               jenis="rupiah",
                               keterangan=f"Kelompok {no} memuat {len(sub)} baris rinci; subtotal tercetak tidak sama dengan jumlahnya.")
    r = _baris(cetak, "aset.total")
    if r is not None:
        sub = aset[aset["tahun"] == r["tahun"]]
        hasil += _cek_bilangan(r, float(sub["nilai"].sum()), "JUMLAH-ASET-TOTAL",
                               "Baris TOTAL = Σ nilai aset tetap semua baris rinci Tabel 2.4", jenis="rupiah",
                               keterangan="TOTAL tercetak tidak sama dengan jumlah baris rinci maupun jumlah subtotal tercetak.")
        if subtotal_tercetak and None not in subtotal_tercetak:
            t = _cek_bilangan(r, float(sum(subtotal_tercetak)), "JUMLAH-ASET-TOTAL-SUBTOTAL",
                              "Baris TOTAL = Σ subtotal kelompok tercetak (baris tebal Tabel 2.4)", jenis="rupiah",
                              keterangan=f"Pembanding: jumlah {len(subtotal_tercetak)} subtotal sebagaimana tercetak.")
            hasil += [replace(x, besaran="total nilai aset tetap terhadap Σ subtotal tercetak (Rp)") for x in t]

    rekap = kinerja.rekap_ppks()
    for kolom, id_, kode in (("terdata", "ppks_pas.jumlah_terdata", "JUMLAH-PPKS-TERDATA"),
                             ("tertangani", "ppks_pas.jumlah_tertangani", "JUMLAH-PPKS-TERTANGANI")):
        r = _baris(cetak, id_)
        if r is None:
            continue
        rinci = rekap[(rekap["tahun"] == r["tahun"]) & (rekap["periode"] == r["periode"]) & rekap["rinci"]]
        nilai = None if rinci.empty else int(rinci[kolom].iloc[0])
        hasil += _cek_bilangan(r, nilai, kode, f"Baris JUMLAH = Σ kolom {kolom.upper()} 12 PAS Tabel 2.5; kategori \"tdk ada\" tidak dihitung")

    psks = data.muat("psks", folder)
    for kolom, id_, kode in (("jumlah", "psks.jumlah", "JUMLAH-PSKS"),
                             ("bersertifikat", "psks.jumlah_bersertifikat", "JUMLAH-PSKS-BERSERTIFIKAT")):
        r = _baris(cetak, id_)
        if r is not None:
            sub = psks[psks["tahun"] == r["tahun"]] if pd.notna(r["tahun"]) else psks
            hasil += _cek_bilangan(r, int(sub[kolom].sum()), kode,
                                   f"Baris JUMLAH PSKS = Σ kolom {kolom} baris rinci Tabel 2.6 (sel kosong tidak dihitung)")

    r = _baris(cetak, "rencana_aksi.jumlah_anggaran")
    if r is not None:
        ra = data.muat("rencana_aksi", folder)
        hasil += _cek_bilangan(r, float(ra["anggaran"].sum()), "JUMLAH-RENCANA-AKSI-ANGGARAN",
                               "Baris Jumlah = Σ anggaran baris rinci tabel Rencana Aksi (Bab II 2.3.3)", jenis="rupiah",
                               keparahan="info",
                               keterangan=(f"Header dan baris-baris awal tabel Rencana Aksi hilang di dokumen sumber; hanya "
                                           f"{len(ra)} baris yang tersisa, jadi jumlahnya memang lebih kecil dari yang tercetak. "
                                           "Selisihnya adalah anggaran baris-baris yang hilang."))
    return hasil


# ----------------------------------------------------------------------------
# 2. persentase, capaian, penurunan, predikat, kategori terhadap rumus


_PREDIKAT = re.compile(r"^\s*(AA|A|BB|B|CC|C|D)\b")
_NILAI_SEL = re.compile(r"[Nn]ilai\s+(\d+(?:,\d+)?)")
_LABEL_SEL = re.compile(r"\(([^()]*)\)\s*$")


def _predikat_tercetak(teks) -> str | None:
    m = _PREDIKAT.match(str(teks))
    return m.group(1) if m else None


def _cek_sel_iku(r: pd.Series, ev: pd.Series, kode_temuan: str) -> list[Temuan]:
    """Satu sel realisasi/capaian Tabel 2.11 terhadap :func:`analisis.core.kinerja.evaluasi_indikator`."""
    teks = str(r["nilai_tercetak"])
    kode = ev["kode"]
    aturan_sakip = f"Predikat SAKIP: {_aturan.SUMBER_ATURAN['sakip']} (batas bawah eksklusif, batas atas inklusif)"
    if ev["realisasi"] is None or pd.isna(ev["realisasi"]):
        return [_dari_cetak("peringatan", kode_temuan, r, fmt.TIDAK_TERDEFINISI, "tidak dapat dihitung",
                            _rumus_do(kode), f"Realisasi {kode} tahun {r['tahun']} tidak ada di data.")]
    pred = _predikat_tercetak(teks)
    if pred is not None:  # sel predikat SAKIP ("CC", "CC Nilai 58,30 (Cukup Memadai)")
        p = rumus.predikat_sakip(ev["realisasi"])
        dihitung = f"{p.kode} Nilai {fmt.desimal(ev['realisasi'])} ({p.interpretasi})"
        salah = []
        if pred != p.kode:
            salah.append(f"predikat {pred} ≠ {p.kode}")
        m = _NILAI_SEL.search(teks)
        if m and not _sama(_angka_tercetak(m.group(1)), ev["realisasi"], _digit(m.group(1))):
            salah.append(f"nilai {m.group(1)} ≠ {fmt.desimal(ev['realisasi'])}")
        m = _LABEL_SEL.search(teks)
        if m and _normal(m.group(1)) != _normal(p.interpretasi):
            salah.append(f"sebutan {m.group(1)} ≠ {p.interpretasi}")
        if not salah:
            return []
        return [_dari_cetak("peringatan", kode_temuan, r, dihitung, "; ".join(salah), aturan_sakip,
                            f"Nilai SAKIP {fmt.desimal(ev['realisasi'])} ({ev['periode_realisasi']}) dari data/sakip.csv.")]
    jenis_sel = str(r["id"]).rsplit(".", 1)[-1]
    nilai = ev["capaian"] if jenis_sel == "capaian" else ev["realisasi"]
    if jenis_sel == "capaian":
        aturan = (f"Capaian = realisasi / target × 100 % (polaritas {ev['polaritas']}; "
                  "praktik LKjIP, Permendagri 86/2017); target dari data/target.csv")
    else:
        aturan = _rumus_do(kode)
    return _cek_bilangan(r, None if nilai is None or pd.isna(nilai) else float(nilai), kode_temuan, aturan, jenis="persen")


@_pemeriksaan
def cek_rumus(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Persentase, capaian, penurunan, predikat dan kategori tercetak terhadap rumusnya.

    - Tabel 2.11: realisasi dan capaian setiap IKU (2024 dan 2025) dari
      :func:`analisis.core.kinerja.evaluasi_indikator` (IKU-01: DO IKU 1 lewat
      :func:`analisis.core.rumus.persentase_tertangani`; IKU-02: predikat
      :func:`analisis.core.rumus.predikat_sakip` dari nilai SAKIP);
    - narasi 2.4: capaian PPKS, penurunan PPKS (persen dan jiwa) dan jumlah
      PPKS tahun sebelumnya terhadap DO IKK 24 dengan PPKS terdata
      (:func:`analisis.core.kinerja.evaluasi_ppks`); predikat, nilai dan sebutan
      SAKIP 2023–2025;
    - Tabel 2.8: kolom Kenaikan/Penurunan terhadap selisih persentase
      penduduk miskin;
    - Tabel 2.10: kategori SPM terhadap :func:`analisis.core.rumus.kategori_spm`
      dari realisasi (data mutu layanan tidak tersedia).

    Examples
    --------
    >>> t = {x.kode: x for x in cek_rumus()}
    >>> t["PENURUNAN-PPKS-2024-PERSEN"].tercetak, t["PENURUNAN-PPKS-2024-PERSEN"].dihitung, t["PENURUNAN-PPKS-2024-PERSEN"].selisih
    ('16,22%', '12,51 %', '+3,71 poin persen')
    """
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []

    # Tabel 2.11: realisasi dan capaian
    pola = re.compile(r"^iku\.(\d{4})\.((?:IKU|IKK)-\d{2})\.(realisasi|capaian)$")
    evaluasi: dict[tuple, pd.DataFrame] = {}
    for id_, r in cetak.iterrows():
        m = pola.match(id_)
        if not m:
            continue
        th, kode, jenis_sel = int(m.group(1)), m.group(2), m.group(3)
        kunci = (th, r["periode"] if isinstance(r["periode"], str) else None)
        if kunci not in evaluasi:
            evaluasi[kunci] = kinerja.evaluasi_indikator(th, kunci[1]).set_index("kode", drop=False)
        ev = evaluasi[kunci]
        if kode not in ev.index:
            continue
        hasil += _cek_sel_iku(r, ev.loc[kode], f"{jenis_sel.upper()}-{kode}-{th}")

    # narasi 2.4: capaian dan penurunan PPKS
    aturan_ikk24 = _rumus_do("IKK-24") + " — Σ PPKS = PPKS terdata (tahunan untuk tahun N−1)"
    for th in sorted({int(t) for t in cetak["tahun"].dropna()}):
        per = cetak.loc[cetak["id"].str.startswith(f"narasi.{th}."), "periode"].dropna()
        e = kinerja.evaluasi_ppks(th, per.iloc[0] if not per.empty else None)
        if e is None:
            continue
        hasil += _cek_bilangan(_baris(cetak, f"narasi.{th}.capaian"), e.persen_tertangani, f"CAPAIAN-NARASI-{th}",
                               _rumus_do("IKU-01"), jenis="persen")
        r_lalu = _baris(cetak, f"narasi.{th}.ppks_tahun_sebelumnya")
        r_jiwa = _baris(cetak, f"narasi.{th}.penurunan_jiwa")
        r_pers = _baris(cetak, f"narasi.{th}.penurunan_persen")
        penjelasan = ""
        if e.periode != "Tahunan" and e.tahun_sebelumnya is not None:
            penjelasan = (f"Jumlah PPKS {th} adalah data {e.periode}, dibandingkan dengan jumlah setahun penuh "
                          f"{e.tahun_sebelumnya}. ")
        lalu = kinerja.evaluasi_ppks(th - 1, "Tahunan")
        if r_lalu is not None and lalu is not None and lalu.tertangani is not None \
                and _sama(_angka_tercetak(r_lalu["nilai_tercetak"]), lalu.tertangani) and lalu.tertangani != lalu.terdata:
            penjelasan += (f"Angka \"tahun sebelumnya\" {r_lalu['nilai_tercetak']} adalah PPKS tertangani {th - 1}, "
                           f"bukan PPKS terdata {th - 1} ({fmt.angka(lalu.terdata)}). ")
        if r_lalu is not None and r_pers is not None and e.tertangani is not None:
            lalu_cetak = _angka_tercetak(r_lalu["nilai_tercetak"])
            versi_narasi = rumus.penurunan_ppks(lalu_cetak, e.tertangani)
            if versi_narasi is not None and _sama(_angka_tercetak(r_pers["nilai_tercetak"]), versi_narasi,
                                                  _digit(r_pers["nilai_tercetak"])):
                penjelasan += (f"Angka narasi sama dengan rumus DO IKK 24 bila \"jumlah PPKS\" tahun {th} diisi PPKS "
                              f"tertangani ({fmt.angka(e.tertangani)}) dan tahun sebelumnya {fmt.angka(lalu_cetak)}: "
                              f"{fmt.persen(versi_narasi)}. Narasi memakai jumlah PPKS yang tertangani sebagai "
                              f"\"jumlah PPKS\"; DO IKK 24 menghitung jumlah PPKS (terdata: {fmt.angka(e.terdata)} "
                              f"pada {e.periode} {th}).")
        if e.terdata_sebelumnya is not None:
            hasil += _cek_bilangan(r_lalu, e.terdata_sebelumnya, f"PENURUNAN-PPKS-{th}-TAHUN-SEBELUMNYA",
                                   f"Jumlah PPKS terdata tahun {th - 1} (tahunan) dari data PPKS",
                                   keterangan=penjelasan.strip())
        hasil += _cek_bilangan(r_jiwa, e.penurunan_jiwa, f"PENURUNAN-PPKS-{th}-JIWA",
                               f"Σ PPKS terdata tahun {th - 1} − Σ PPKS terdata tahun {th} ({e.periode})",
                               keterangan=penjelasan.strip())
        hasil += _cek_bilangan(r_pers, e.penurunan_persen, f"PENURUNAN-PPKS-{th}-PERSEN", aturan_ikk24, jenis="persen",
                               keterangan=penjelasan.strip())

    # narasi 2.4: predikat, nilai dan sebutan SAKIP
    aturan_sakip = f"Predikat SAKIP: {_aturan.SUMBER_ATURAN['sakip']} (batas bawah eksklusif, batas atas inklusif)"
    pola = re.compile(r"^narasi\.sakip\.(\d{4})\.(nilai|predikat|predikat_label)$")
    for id_, r in cetak.iterrows():
        m = pola.match(id_)
        if not m:
            continue
        th, jenis_sel = int(m.group(1)), m.group(2)
        n = kinerja.nilai_sakip(th, r["periode"] if isinstance(r["periode"], str) else None)
        if jenis_sel == "nilai":
            hasil += _cek_bilangan(r, None if n is None else n[0], f"SAKIP-{th}-NILAI",
                                   "Nilai hasil evaluasi SAKIP (data/sakip.csv)")
            continue
        nilai_pakai = n[0] if n is not None else _angka_tercetak(_ambil_teks(cetak, f"narasi.sakip.{th}.nilai"))
        if nilai_pakai is None:
            continue
        p = rumus.predikat_sakip(nilai_pakai)
        tercetak = str(r["nilai_tercetak"])
        cocok = (_predikat_tercetak(tercetak) == p.kode) if jenis_sel == "predikat" else (_normal(tercetak) == _normal(p.interpretasi))
        if not cocok:
            hasil.append(_dari_cetak("peringatan", f"SAKIP-{th}-{jenis_sel.upper().replace('_', '-')}", r, str(p),
                                     f"{tercetak} ≠ {p.kode if jenis_sel == 'predikat' else p.interpretasi}", aturan_sakip,
                                     f"Predikat dihitung dari nilai {fmt.desimal(nilai_pakai)}."))

    # Tabel 2.8: kenaikan/penurunan persentase penduduk miskin
    r = _baris(cetak, "kemiskinan.perubahan")
    if r is not None and pd.notna(r["tahun"]):
        th = int(r["tahun"])
        km = data.muat("kemiskinan", folder)
        p0 = km.set_index("tahun")["nilai"]
        if th in p0.index and th - 1 in p0.index:
            beda = float(p0[th - 1]) - float(p0[th])
            arah = "penurunan" if beda > 0 else "kenaikan" if beda < 0 else "tetap"
            hasil += _cek_bilangan(r, abs(beda), "KEMISKINAN-PERUBAHAN",
                                   f"Kenaikan/Penurunan = |P0 {th - 1} − P0 {th}| (Tabel 2.8, poin persen; tanda tidak dicetak)",
                                   jenis="poin",
                                   keterangan=f"Dihitung dari {fmt.desimal(p0[th - 1])} ({th - 1}) dan {fmt.desimal(p0[th])} ({th}): {arah}.")
            narasi = _baris(cetak, "kemiskinan.narasi.paragraf")
            if narasi is not None and arah == "kenaikan" and re.search(r"\bturun|penurunan", str(narasi["nilai_tercetak"])):
                r_arah = _baris(cetak, "kemiskinan.narasi.penurunan")
                hasil.append(_dari_cetak("peringatan", "KEMISKINAN-ARAH", narasi if r_arah is None else r_arah,
                                         f"naik {fmt.desimal(abs(beda))} poin persen", "arah berlawanan",
                                         "Tabel 2.8: P0 tahun ini dibandingkan tahun sebelumnya"))

    # Tabel 2.10: kategori SPM
    real = data.muat("spm_realisasi", folder)
    pita_spm = _aturan.PITA_SPM
    for id_, r in cetak[cetak["id"].str.startswith("spm.kategori.")].iterrows():
        no = int(str(r["baris"]).rstrip("."))
        sub = real[(real["tahun"] == r["tahun"]) & (real["no"] == no)]
        if sub.empty:
            continue
        p = float(sub["realisasi"].iloc[0])
        kat = rumus.kategori_spm(p)
        tercetak = str(r["nilai_tercetak"]).strip()
        if _normal(tercetak) == _normal(kat):
            continue
        mutu = [m / 100 for m in range(0, 10001) if _normal(rumus.kategori_spm(rumus.indeks_spm(p, m / 100))) == _normal(tercetak)]
        if mutu:
            syarat = (f"Kategori tercetak \"{tercetak}\" hanya konsisten bila persentase mutu layanan "
                      f"{fmt.desimal(min(mutu), 0)}–<{fmt.desimal(max(mutu) + 0.01, 0)} % "
                      f"(indeks {fmt.desimal(rumus.indeks_spm(p, min(mutu)), 0)}–<{fmt.desimal(rumus.indeks_spm(p, max(mutu) + 0.01), 0)}), "
                      "yaitu bila komponen mutu menurunkan indeks di bawah batas kategori realisasinya.")
        else:
            syarat = f"Tidak ada persentase mutu 0–100 % yang menghasilkan kategori \"{tercetak}\"."
        hasil.append(_dari_cetak(
            "peringatan", f"KATEGORI-SPM-{int(r['tahun'])}-{no}", r, f"{kat} (realisasi {fmt.persen(p, 0)})",
            "kategori berbeda",
            f"{_aturan.SUMBER_ATURAN['spm']}; pita: " + ", ".join(
                f"≥ {fmt.desimal(x.batas_bawah, 0)} {x.label}" for x in pita_spm if x.batas_bawah != float("-inf")),
            f"{syarat} Data mutu layanan (barang/jasa dan SDM) tidak tersedia, jadi indeks SPM tidak dapat dihitung; "
            f"dengan mutu = realisasi penerima, indeks {fmt.desimal(p, 0)} termasuk {kat}."))
    return hasil


def _ambil_teks(cetak: pd.DataFrame, id_: str) -> str | None:
    r = _baris(cetak, id_)
    return None if r is None else str(r["nilai_tercetak"])


# ----------------------------------------------------------------------------
# 3. angka narasi terhadap tabel


def _predikat_target(kode: str, th: int) -> tuple[str | None, str]:
    """(predikat, uraian) target ``kode`` tahun ``th``: predikat tercetak, atau predikat angka target."""
    angka, pred = kinerja.target(kode, th)
    if pred is not None:
        return pred, pred
    if angka is not None:
        p = rumus.predikat_sakip(angka)
        return p.kode, f"{fmt.desimal(angka, 0 if float(angka).is_integer() else 2)} → {p.kode} ({p.interpretasi})"
    return None, fmt.TIDAK_TERDEFINISI


@_pemeriksaan
def cek_narasi_asn(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Narasi 2.2.1: banyaknya PNS dan honorer terhadap baris rinci Tabel 2.2 (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    asn = data.muat("asn_jabatan", folder)
    for kolom, id_, id_jumlah, kode in (("pns", "asn.jumlah_pns.narasi", "asn.jumlah_pns.tabel_2_2", "NARASI-ASN-PNS"),
                                        ("honorer", "asn.jumlah_honorer.narasi", "asn.jumlah_honorer.tabel_2_2", "NARASI-ASN-HONORER")):
        r = _baris(cetak, id_)
        jumlah = _angka_tercetak(_ambil_teks(cetak, id_jumlah))
        sama = r is not None and jumlah is not None and _angka_tercetak(r["nilai_tercetak"]) == jumlah
        hasil += _cek_bilangan(r, int(asn[kolom].sum()), kode,
                               f"Angka narasi 2.2.1 = Σ kolom {kolom.upper()} baris rinci Tabel 2.2",
                               keterangan=(f"Narasi sama dengan baris JUMLAH tercetak Tabel 2.2 ({fmt.angka(jumlah)}), "
                                           "tetapi tidak dengan baris-baris rincinya.") if sama else "")
    return hasil


@_pemeriksaan
def cek_narasi_ppks(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Narasi 2.4: PPKS terdata dan tertangani terhadap Tabel 2.5/rekap (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    # PPKS terdata/tertangani narasi 2.4 terhadap Tabel 2.5 / rekap
    for th in sorted({int(t) for t in cetak["tahun"].dropna()}):
        rs = [(_baris(cetak, f"narasi.{th}.ppks_terdata"), "terdata"), (_baris(cetak, f"narasi.{th}.ppks_tertangani"), "tertangani")]
        if all(r is None for r, _ in rs):
            continue
        per = next((r["periode"] for r, _ in rs if r is not None and isinstance(r["periode"], str)), None)
        e = kinerja.evaluasi_ppks(th, per)
        for r, kolom in rs:
            hasil += _cek_bilangan(r, None if e is None else getattr(e, kolom), f"NARASI-PPKS-{th}-{kolom.upper()}",
                                   f"Angka narasi 2.4 = jumlah PPKS {kolom} {th} ({'Tabel 2.5' if th >= 2025 else 'data PPKS'})")
    return hasil


@_pemeriksaan
def cek_narasi_target(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Target tercetak (Tabel 2.11, narasi 2.4) dan target predikat SAKIP terhadap Tabel 4.1 (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    # target tercetak (Tabel 2.11, narasi 2.4) terhadap target Tabel 4.1 / data/target.csv
    target_df = data.muat("target", folder)
    for id_, r in cetak.iterrows():
        m = re.match(r"^(?:iku\.(\d{4})\.((?:IKU|IKK)-\d{2})\.target|narasi\.(\d{4})\.target)$", id_)
        if not m or _predikat_tercetak(r["nilai_tercetak"]) is not None:
            continue
        th = int(m.group(1) or m.group(3))
        kode = m.group(2) or str(r["baris"])
        angka, _ = kinerja.target(kode, th)
        sumber = target_df[(target_df["kode"] == kode) & (target_df["tahun"] == th)]["sumber"]
        hasil += _cek_bilangan(r, angka, f"TARGET-{kode}-{'TABEL-2-11' if id_.startswith('iku.') else 'NARASI'}-{th}",
                               f"Target tercetak = target {kode} tahun {th} "
                               f"({sumber.iloc[0] if not sumber.empty else 'data/target.csv'})", jenis="persen")

    # target predikat SAKIP (IKU-02) terhadap target Tabel 4.1
    ind = data.muat("indikator", folder).set_index("kode", drop=False)
    kode_sakip = ind.loc[ind["realisasi_dari"] == "nilai_sakip", "kode"].tolist()
    aturan_target = (f"Target angka Tabel 4.1 diubah menjadi predikat dengan pita SAKIP ({_aturan.SUMBER_ATURAN['sakip']}; "
                     "> 50–60 CC, > 60–70 B)")
    for kode in kode_sakip:
        for id_, r in cetak.iterrows():
            m = re.match(rf"^(?:iku\.(\d{{4}})\.{kode}\.target|narasi\.sakip\.(\d{{4}})\.target)$", id_)
            if not m:
                continue
            th = int(m.group(1) or m.group(2))
            pred_cetak = _predikat_tercetak(r["nilai_tercetak"])
            pred, uraian = _predikat_target(kode, th)
            if pred is None or pred_cetak == pred:
                continue
            sumber = target_df[(target_df["kode"] == kode) & (target_df["tahun"] == th)]["sumber"]
            hasil.append(_dari_cetak(
                "peringatan", f"TARGET-{kode}-{'TABEL-2-11' if id_.startswith('iku.') else 'NARASI'}-{th}", r, uraian,
                f"predikat {pred_cetak} ≠ {pred}", aturan_target,
                f"Target {kode} tahun {th} di {sumber.iloc[0] if not sumber.empty else 'data/target.csv'} berbeda dengan "
                f"target predikat yang tercetak di sini."))
        r = _baris(cetak, "narasi.sakip.target")
        if r is not None:
            pred_cetak = _predikat_tercetak(r["nilai_tercetak"])
            beda = []
            for th in sorted(target_df.loc[target_df["kode"] == kode, "tahun"].astype(int)):
                pred, uraian = _predikat_target(kode, th)
                if pred is not None and pred != pred_cetak:
                    beda.append((th, uraian))
            if beda:
                hasil.append(_dari_cetak(
                    "peringatan", f"TARGET-{kode}-NARASI-SETIAP-TAHUN", r, "; ".join(f"{th}: {u}" for th, u in beda),
                    f"predikat {pred_cetak} tidak berlaku untuk {_rentang([th for th, _ in beda])}", aturan_target,
                    f"Narasi menetapkan target {r['nilai_tercetak']} dalam setiap tahun; target angka Tabel 4.1 "
                    f"untuk tahun {_rentang([th for th, _ in beda])} jatuh di pita predikat lain."))
    return hasil


@_pemeriksaan
def cek_narasi_keputusan(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Nomor dan penerbit keputusan: Daftar Isi terhadap Lampiran 1 (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    # keputusan: nomor dan penerbit di Daftar Isi terhadap Lampiran 1
    kep = data.keputusan(folder)
    aturan_kep = "Daftar Isi harus menyebut keputusan yang sama dengan Lampiran 1 (nomor dan penerbit)"
    if kep.get("nomor_di_daftar_isi") and _tanpa_spasi(kep["nomor_di_daftar_isi"]) != _tanpa_spasi(kep["nomor"]):
        a, b = _tanpa_spasi(kep["nomor_di_daftar_isi"]).split("/"), _tanpa_spasi(kep["nomor"]).split("/")
        bagian = [f"{x} ≠ {y}" for x, y in zip(a, b) if x != y] or ["susunan berbeda"]
        hasil.append(Temuan("peringatan", "KEPUTUSAN-NOMOR", "Daftar Isi / Lampiran 1", "butir Lampiran 1 / kepala keputusan",
                            "nomor keputusan penetapan IKU", str(kep["nomor_di_daftar_isi"]), str(kep["nomor"]),
                            "; ".join(bagian), aturan_kep,
                            "Nomor di Daftar Isi berbeda dengan nomor yang tercetak pada keputusan (Lampiran 1); dokumen "
                            "yang dibangkitkan memakai nomor keputusan dari data/keputusan.yaml."))
    if kep.get("judul_di_daftar_isi") and _normal(kep["judul_di_daftar_isi"]) != _normal(kep["judul"]):
        hasil.append(Temuan("peringatan", "KEPUTUSAN-PENERBIT", "Daftar Isi / Lampiran 1", "butir Lampiran 1 / kepala keputusan",
                            "penerbit keputusan penetapan IKU", str(kep["judul_di_daftar_isi"]), str(kep["judul"]),
                            "penerbit berbeda", aturan_kep,
                            "Keputusan ditandatangani \"" + " ".join(str(x) for x in kep.get("penandatangan", [])[:3])
                            + "\" (atas nama), tetapi Daftar Isi menyebut penerbit lain."))
    return hasil


@_pemeriksaan
def cek_narasi_tabel_2_11(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Tabel 2.11: indikator/sasaran baris 2 terhadap Tabel 4.1 dan periode SAKIP narasi terhadap judulnya (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    ind = data.muat("indikator", folder).set_index("kode", drop=False)
    kode_sakip = ind.loc[ind["realisasi_dari"] == "nilai_sakip", "kode"].tolist()

    # Tabel 2.11 baris 2: indikator dan sasaran terhadap Tabel 4.1
    for id_, kolom, kode_t, uraian in (("iku.tabel_2_11.indikator_baris_2", "nama", "TABEL-2-11-INDIKATOR-BARIS-2", "indikator"),
                                       ("iku.tabel_2_11.sasaran_baris_2", "sasaran", "TABEL-2-11-SASARAN-BARIS-2", "sasaran")):
        r = _baris(cetak, id_)
        if r is None or r["baris"] not in ind.index:
            continue
        benar = ind.loc[r["baris"], kolom]
        if _normal(r["nilai_tercetak"]) == _normal(benar):
            continue
        ulang = [k for k in ind.index if k != r["baris"] and _normal(ind.loc[k, kolom]) == _normal(r["nilai_tercetak"])]
        hasil.append(_dari_cetak(
            "peringatan", kode_t, r, str(benar), f"{uraian} berbeda",
            f"Sel {uraian} Tabel 2.11 untuk {r['baris']} = {uraian} {r['baris']} di Tabel 4.1 (data/indikator.csv)",
            (f"Sel ini mengulang {uraian} baris {', '.join(ulang)}." if ulang else
             f"Tabel 2.11 mencetak {uraian} yang berbeda dengan Tabel 4.1 untuk indikator yang sama.")))

    # periode SAKIP: narasi terhadap judul Tabel 2.11
    judul = _baris(cetak, "iku.tabel_2_11.periode_judul")
    for kode in kode_sakip:
        for th in sorted({int(t) for t in cetak["tahun"].dropna()}):
            narasi = cetak[cetak["id"].str.startswith(f"narasi.sakip.{th}.") & (cetak["baris"] == kode)]
            tabel = cetak[cetak["id"].str.startswith(f"iku.{th}.{kode}.")]
            if narasi.empty or tabel.empty:
                continue
            pn, pt = narasi["periode"].dropna(), tabel["periode"].dropna()
            if pn.empty or pt.empty or pn.iloc[0] == pt.iloc[0]:
                continue
            r = narasi.iloc[0]
            hasil.append(Temuan(
                "peringatan", f"PERIODE-{kode}-{th}", f"{r['tabel']} / Tabel 2.11", f"{r['lokasi']} / judul tabel",
                f"periode realisasi {kode} tahun {th}", f"Sampai dengan {pn.iloc[0]} Tahun {th}",
                str(judul["nilai_tercetak"]) if judul is not None else f"{pt.iloc[0]} tahun {th}",
                "periode berbeda", "Narasi dan tabel yang memuat nilai yang sama harus menyebut periode yang sama",
                f"Narasi menyebut {pn.iloc[0]}, judul Tabel 2.11 menyebut {pt.iloc[0]}, padahal kolom {th} tabel itu "
                f"memuat nilai yang sama ({_ambil_teks(cetak, f'iku.{th}.{kode}.capaian') or '–'})."))
    return hasil


@_pemeriksaan
def cek_narasi_kemiskinan(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Narasi 2.3.3: angka kemiskinan terhadap Tabel 2.8 (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    # kemiskinan: angka narasi terhadap Tabel 2.8
    km = data.muat("kemiskinan", folder).set_index("tahun")["nilai"]
    for id_, r in cetak[cetak["id"].str.match(r"^kemiskinan\.narasi\.p0_\d{4}$")].iterrows():
        th = int(id_.rsplit("_", 1)[1])
        hasil += _cek_bilangan(r, float(km[th]) if th in km.index else None, f"NARASI-KEMISKINAN-P0-{th}",
                               "Angka narasi 2.3.3 = persentase penduduk miskin Tabel 2.8", jenis="persen")
    r = _baris(cetak, "kemiskinan.narasi.penurunan")
    if r is not None and pd.notna(r["tahun"]):
        th = int(r["tahun"])
        if th in km.index and th - 1 in km.index:
            beda = float(km[th - 1]) - float(km[th])
            hasil += _cek_bilangan(r, beda, "NARASI-KEMISKINAN-PENURUNAN",
                                   f"Angka narasi 2.3.3 = P0 {th - 1} − P0 {th} (Tabel 2.8)", jenis="persen")
            relatif = rumus.persentase(beda, float(km[th - 1]))
            if "%" in str(r["nilai_tercetak"]) and relatif is not None \
                    and not _sama(_angka_tercetak(r["nilai_tercetak"]), relatif, _digit(r["nilai_tercetak"])):
                hasil.append(_dari_cetak(
                    "info", "NARASI-KEMISKINAN-SATUAN", r,
                    f"{fmt.desimal(beda)} poin persen; relatif {fmt.persen(relatif)}", "satuan: poin persen",
                    "Selisih dua persentase dinyatakan dalam poin persen; perubahan relatif = selisih / P0 tahun sebelumnya × 100 %",
                    f"Narasi menulis \"turun {r['nilai_tercetak']}\": angkanya benar sebagai selisih poin persen "
                    f"({fmt.desimal(km[th - 1])} − {fmt.desimal(km[th])}), bukan penurunan sebesar {r['nilai_tercetak']}."))
    return hasil


@_pemeriksaan
def cek_narasi_banyak(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Banyaknya potensi PSKS, PAS, layanan SPM dan jangka waktu IKU yang tercetak di narasi (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    # banyaknya jenis/lembaga/layanan
    psks = data.muat("psks", folder)
    pas = data.muat("ppks_pas", folder)
    layanan = data.muat("spm_layanan", folder)
    ins = data.instansi(folder)
    awal, akhir = int(ins["periode_renstra"]["awal"]), int(ins["periode_renstra"]["akhir"])

    def _terakhir(df: pd.DataFrame) -> pd.DataFrame:
        return df[df["tahun"] == df["tahun"].max()] if not df.empty else df

    banyak = [
        ("psks.jumlah_jenis", "NARASI-PSKS-JENIS", len(_terakhir(psks)), "Banyaknya potensi PSKS = banyaknya baris Tabel 2.6"),
        ("ppks.jumlah_pas", "NARASI-PAS-JENIS", _terakhir(pas)["pas_no"].nunique(), "Banyaknya PAS = banyaknya kelompok PAS Tabel 2.5"),
        ("narasi.iku.jumlah_pas", "NARASI-IKU-PAS-JENIS", _terakhir(pas)["pas_no"].nunique(), "Banyaknya PAS = banyaknya kelompok PAS Tabel 2.5"),
        ("spm.jumlah_layanan", "NARASI-SPM-LAYANAN", len(layanan), "Banyaknya pelayanan dasar = baris Tabel 4.3"),
        ("spm.jumlah_layanan.bab3", "NARASI-SPM-LAYANAN-BAB3", len(layanan), "Banyaknya pelayanan dasar = baris Tabel 4.3"),
        ("narasi.iku.jangka_waktu", "NARASI-IKU-JANGKA-WAKTU", akhir - awal + 1, f"Jangka waktu = periode Renstra {awal}–{akhir}"),
    ]
    for id_, kode, nilai, aturan in banyak:
        hasil += _cek_bilangan(_baris(cetak, id_), nilai, kode, aturan)
    return hasil


@_pemeriksaan
def cek_narasi_lks(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Narasi 2.3.2: banyaknya LKS terhadap Tabel 2.7 dan daftar nama LKS (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    # banyaknya LKS narasi 2.3.2 terhadap Tabel 2.7 dan daftar nama LKS
    lks = data.muat("lks", folder).set_index("tahun")["jumlah"]
    lks_daftar = data.muat("lks_daftar", folder)
    r = _baris(cetak, "lks.narasi.jumlah")
    if r is not None and pd.notna(r["tahun"]):
        th = int(r["tahun"])
        hasil += _cek_bilangan(r, int(lks[th]) if th in lks.index else None, "NARASI-LKS",
                               f"Banyaknya LKS narasi 2.3.2 = Tabel 2.7 tahun {th}")
        hasil += _cek_bilangan(r, int((lks_daftar["tahun"] == th).sum()), "NARASI-LKS-DAFTAR",
                               f"Banyaknya LKS narasi 2.3.2 = banyaknya nama LKS yang disebut (tahun {th})")
    return hasil


@_pemeriksaan
def cek_narasi_target_tahunan(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Target setiap tahun yang tercetak di narasi (NSPK SPM, IKU-01) terhadap Tabel 4.3 dan Tabel 4.1 (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    # target narasi
    spm_target = data.muat("spm_target", folder)
    target_df = data.muat("target", folder)
    target_iku = target_df[target_df["kode"] == "IKU-01"]["target"].dropna()
    for id_, kode, nilai, aturan in (
        ("spm.narasi.target", "NARASI-SPM-TARGET", spm_target["target_nspk"], "Target NSPK setiap tahun (Tabel 4.3)"),
        ("spm.narasi.target.bab3", "NARASI-SPM-TARGET-BAB3", spm_target["target_nspk"], "Target NSPK setiap tahun (Tabel 4.3)"),
        ("narasi.iku.target_tahunan", "NARASI-IKU-01-TARGET", target_iku, "Target IKU-01 setiap tahun (Tabel 4.1, Tabel 2.11)"),
    ):
        r = _baris(cetak, id_)
        if r is None or nilai.empty:
            continue
        beda = sorted({float(v) for v in nilai if not _sama(_angka_tercetak(r["nilai_tercetak"]), v)})
        if beda:
            hasil.append(_dari_cetak("peringatan", kode, r, ", ".join(fmt.persen(v, 0) for v in beda), "target berbeda", aturan))
    return hasil


@_pemeriksaan
def cek_narasi_periode_tanggal(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Periode, tanggal dan nomor keputusan yang tercetak terhadap data/instansi.yaml dan data/keputusan.yaml (bagian :func:`cek_narasi`)."""
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    # periode dan tanggal tercetak
    spm_target = data.muat("spm_target", folder)
    kep = data.keputusan(folder)
    ins = data.instansi(folder)
    awal, akhir = int(ins["periode_renstra"]["awal"]), int(ins["periode_renstra"]["akhir"])
    r = _baris(cetak, "kata_pengantar.periode_iku_salah_ketik")
    if r is not None and _tanpa_spasi(r["nilai_tercetak"]) != f"{awal}-{akhir}":
        hasil.append(_dari_cetak("info", "PERIODE-KATA-PENGANTAR", r, f"{awal}-{akhir}", "salah ketik",
                                 "Periode IKU = periode Renstra (data/instansi.yaml)",
                                 "Dokumen yang dibangkitkan memakai periode dari data/instansi.yaml."))
    r = _baris(cetak, "spm_target.judul_periode")
    if r is not None and not spm_target.empty:
        th_tabel = sorted(spm_target["tahun"].astype(int).unique())
        if _tanpa_spasi(r["nilai_tercetak"]) != f"{th_tabel[0]}-{th_tabel[-1]}":
            hasil.append(_dari_cetak("info", "SPM-TARGET-JUDUL-PERIODE", r, _rentang(th_tabel), "judul tidak mencakup semua kolom",
                                     "Periode pada judul tabel = tahun-tahun kolom target yang dicetak",
                                     f"Tabel 4.3 memuat kolom tahun {_rentang(th_tabel)}; judulnya hanya {r['nilai_tercetak']}."))
    tgl_dok = ins.get("tanggal_dokumen")
    for id_, kode, benar, uraian in (("kata_pengantar.tanggal", "TANGGAL-KATA-PENGANTAR", tgl_dok, "data/instansi.yaml tanggal_dokumen"),
                                     ("penutup.tanggal", "TANGGAL-PENUTUP", tgl_dok, "data/instansi.yaml tanggal_dokumen"),
                                     ("keputusan.tanggal", "TANGGAL-KEPUTUSAN", kep.get("tanggal"), "data/keputusan.yaml tanggal"),
                                     ("pohon_kinerja.tanggal", "TANGGAL-POHON-KINERJA", ins.get("tanggal_pohon_kinerja"),
                                      "data/instansi.yaml tanggal_pohon_kinerja")):
        r = _baris(cetak, id_)
        if r is None or benar is None:
            continue
        if _normal(r["nilai_tercetak"]) != _normal(fmt.tanggal(benar)):
            hasil.append(_dari_cetak("peringatan", kode, r, fmt.tanggal(benar), "tanggal berbeda", f"Tanggal tercetak = {uraian}"))
    r = _baris(cetak, "keputusan.tanggal")
    if r is not None and kep.get("tanggal") and tgl_dok and fmt.tanggal(kep["tanggal"]) != fmt.tanggal(tgl_dok):
        import datetime as _dt

        tk = _dt.date.fromisoformat(str(kep["tanggal"]))
        td = _dt.date.fromisoformat(str(tgl_dok))
        if tk > td:
            hasil.append(_dari_cetak(
                "info", "TANGGAL-KEPUTUSAN-SESUDAH-DOKUMEN", r, f"tanggal dokumen {fmt.tanggal(td)}",
                f"keputusan {(tk - td).days} hari sesudah dokumen",
                "Keputusan penetapan yang dilampirkan ditetapkan sebelum atau pada tanggal dokumen",
                "Kata Pengantar dan Penutup bertanggal lebih awal daripada keputusan yang menetapkan IKU di Lampiran 1."))
    r = _baris(cetak, "keputusan.nomor")
    if r is not None and _tanpa_spasi(r["nilai_tercetak"]) != _tanpa_spasi(kep["nomor"]):
        hasil.append(_dari_cetak("peringatan", "KEPUTUSAN-NOMOR-DATA", r, str(kep["nomor"]), "nomor berbeda",
                                 "Nomor tercetak pada keputusan = data/keputusan.yaml nomor"))
    return hasil


#: Bagian :func:`cek_narasi`, berurutan. Masing-masing terdaftar sendiri di :data:`PEMERIKSAAN` (di tempat
#: :func:`cek_narasi` dulu) dan diingat menurut berkas yang dibacanya saja: mengubah ``data/lks.csv`` hanya
#: menjalankan ulang :func:`cek_narasi_lks`.
BAGIAN_NARASI: tuple[Callable[..., list[Temuan]], ...] = (
    cek_narasi_asn,
    cek_narasi_ppks,
    cek_narasi_target,
    cek_narasi_keputusan,
    cek_narasi_tabel_2_11,
    cek_narasi_kemiskinan,
    cek_narasi_banyak,
    cek_narasi_lks,
    cek_narasi_target_tahunan,
    cek_narasi_periode_tanggal,
)


def cek_narasi(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Angka narasi terhadap tabel yang memuat besaran yang sama, dan tabel terhadap tabel.

    PNS dan honorer (narasi 2.2.1 terhadap baris Tabel 2.2), PPKS terdata dan
    tertangani (narasi 2.4 terhadap Tabel 2.5/rekap), target predikat SAKIP
    (narasi dan Tabel 2.11 terhadap target angka Tabel 4.1 lewat
    :func:`analisis.core.rumus.predikat_sakip`), nomor dan penerbit keputusan
    (Daftar Isi terhadap Lampiran 1), baris 2 Tabel 2.11 (indikator dan
    sasaran), periode SAKIP 2025 (narasi terhadap judul Tabel 2.11), angka
    kemiskinan narasi terhadap Tabel 2.8, banyaknya PSKS/PAS/LKS/layanan SPM,
    target narasi, periode dan tanggal yang tercetak.

    Gabungan :data:`BAGIAN_NARASI` secara berurutan; tidak terdaftar sendiri di
    :data:`PEMERIKSAAN` (bagian-bagiannya yang terdaftar).

    Examples
    --------
    >>> t = {x.kode: x for x in cek_narasi()}
    >>> t["TARGET-IKU-02-TABEL-2-11-2025"].tercetak, t["TARGET-IKU-02-TABEL-2-11-2025"].dihitung
    ('B Baik', '58 → CC (Cukup (Memadai))')
    """
    return [t for bagian in BAGIAN_NARASI
            for t in bagian(folder=folder, tahun=tahun, periode=periode, folder_parameter=folder_parameter)]


# ----------------------------------------------------------------------------
# 4. rincian satu populasi terhadap rincian lainnya


def _eselon(nama_jabatan: str) -> str | None:
    """Eselon jabatan struktural menurut awalan nama (:data:`ESELON_JABATAN`).

    >>> _eselon("KEPALA SUB BAGIAN UMUM"), _eselon("SEKRETARIS"), _eselon("PENELAAH TEKNIS KEBIJAKAN")
    ('Eselon IV', 'Eselon III', None)
    """
    nama = " ".join(str(nama_jabatan).upper().split())
    for awalan, eselon in sorted(ESELON_JABATAN, key=lambda x: -len(x[0])):
        if nama.startswith(awalan):
            return eselon
    return None


_TAHUN_DALAM_TEKS = re.compile(r"\b(20\d{2})\b")


@_pemeriksaan
def cek_rincian(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Rincian satu populasi terhadap rincian lainnya.

    - PNS: Σ baris jabatan Tabel 2.2 terhadap Σ rincian golongan, pendidikan
      dan jenis kelamin (narasi 2.2.1) dan terhadap JUMLAH tercetak;
    - eselon: banyaknya PNS pada jabatan struktural Tabel 2.2 (dikenali dari
      awalan nama jabatan, :data:`ESELON_JABATAN`) terhadap rincian eselon;
    - SDM Kesos Tabel 2.3 terhadap PSKS Tabel 2.6 untuk kategori yang sama
      (:data:`PADANAN_SDM_PSKS`): ``peringatan`` bila tahun datanya sama (Tabel
      2.6 menyebut tahun sumber datanya), ``info`` bila berbeda.

    Examples
    --------
    >>> [(t.kode, t.tercetak, t.dihitung) for t in cek_rincian()][:1]
    [('RINCIAN-PNS-GOLONGAN', '22', '21')]
    """
    cetak = _dicetak(folder)
    hasil: list[Temuan] = []
    asn = data.muat("asn_jabatan", folder)
    rinci = data.muat("asn_rincian", folder)
    pns = int(asn["pns"].sum())
    total = _angka_tercetak(_ambil_teks(cetak, "asn.jumlah_pns.tabel_2_2"))
    dimensi_total = [d for d in rinci["dimensi"].unique() if d != "eselon"]
    label = {"golongan": "golongan", "pendidikan": "pendidikan", "jenis_kelamin": "jenis kelamin"}
    for dim in dimensi_total:
        sub = rinci[rinci["dimensi"] == dim]
        n = int(sub["jumlah"].sum())
        uraian = " + ".join(f"{k} {fmt.angka(v)}" for k, v in zip(sub["kategori"], sub["jumlah"]))
        kode = f"RINCIAN-PNS-{dim.upper().replace('_', '-')}"
        if n != pns:
            hasil.append(Temuan(
                "peringatan", kode, "BAB II 2.2.1 (narasi) / Tabel 2.2", f"rincian menurut {label.get(dim, dim)} / baris jabatan",
                f"jumlah PNS menurut {label.get(dim, dim)}", fmt.angka(n), fmt.angka(pns), _selisih_angka(n, pns),
                "Rincian satu populasi menurut dimensi apa pun berjumlah sama dengan Σ kolom PNS baris jabatan Tabel 2.2",
                f"{uraian} = {fmt.angka(n)}" + (f"; sama dengan JUMLAH tercetak Tabel 2.2 ({fmt.angka(total)}) dan narasi, "
                                                 "tetapi baris-baris jabatan hanya memuat "
                                                 f"{fmt.angka(pns)} PNS." if total is not None and n == total else ".")))
        if total is not None and n != total:
            hasil.append(Temuan(
                "peringatan", kode + "-JUMLAH", "BAB II 2.2.1 (narasi) / Tabel 2.2", f"rincian menurut {label.get(dim, dim)} / baris JUMLAH",
                f"jumlah PNS menurut {label.get(dim, dim)}", fmt.angka(n), fmt.angka(total), _selisih_angka(n, total),
                "Rincian PNS berjumlah sama dengan JUMLAH PNS tercetak Tabel 2.2", uraian))

    # eselon: jabatan struktural Tabel 2.2
    asn = asn.assign(eselon=asn["nama_jabatan"].map(_eselon))
    hitung = asn.dropna(subset=["eselon"]).groupby("eselon")["pns"].sum()
    tercetak = rinci[rinci["dimensi"] == "eselon"].set_index("kategori")["jumlah"]
    for es in sorted(set(hitung.index) | set(tercetak.index)):
        a, b = int(tercetak.get(es, 0)), int(hitung.get(es, 0))
        if a != b:
            jabatan = "; ".join(f"{j} ({fmt.angka(p)})" for j, p in asn.loc[asn["eselon"] == es, ["nama_jabatan", "pns"]].values)
            hasil.append(Temuan(
                "peringatan", f"RINCIAN-ESELON-{es.split()[-1]}", "BAB II 2.2.1 (narasi) / Tabel 2.2",
                f"{es} / jabatan struktural", f"jumlah PNS {es}", fmt.angka(a), fmt.angka(b), _selisih_angka(a, b),
                "Pejabat struktural menurut awalan nama jabatan Tabel 2.2: " + ", ".join(f"{aw} = {e}" for aw, e in ESELON_JABATAN),
                f"Jabatan {es} di Tabel 2.2: {jabatan or 'tidak ada'}."))

    # SDM Kesos (Tabel 2.3) terhadap PSKS (Tabel 2.6)
    sdm = data.muat("sdm_kesos", folder)
    psks = data.muat("psks", folder)
    if sdm.empty or psks.empty:
        return hasil
    th_sdm, th_psks = int(sdm["tahun"].max()), int(psks["tahun"].max())
    sdm, psks = sdm[sdm["tahun"] == th_sdm], psks[psks["tahun"] == th_psks]
    for nama, pola, awalan in PADANAN_SDM_PSKS:
        a = sdm[sdm["jenis"].str.contains(pola, case=False, regex=True)]
        b = psks[psks["jenis"].str.contains(pola, case=False, regex=True)]
        if len(a) != 1 or len(b) != 1:
            continue
        na, nb = int(a["jumlah"].iloc[0]), int(b["jumlah"].iloc[0])
        if na == nb:
            continue
        sumber = b["sumber_data"].iloc[0]
        th_data = _TAHUN_DALAM_TEKS.findall(str(sumber)) if isinstance(sumber, str) else []
        th_b = int(th_data[0]) if th_data else th_psks
        if th_b == th_sdm:
            keparahan = "peringatan"
            alasan = (f"Tabel 2.6 berjudul tahun {th_psks}, tetapi sumber datanya \"{sumber}\" menyebut tahun {th_b}, "
                      f"sama dengan tahun Tabel 2.3; beda tahun tidak menjelaskan selisihnya.")
        else:
            keparahan = "info"
            alasan = f"Tabel 2.3 memuat data tahun {th_sdm}, Tabel 2.6 tahun {th_b}; selisih dapat berasal dari perubahan antar tahun."
        if awalan:
            n_pns = int(asn.loc[asn["nama_jabatan"].str.upper().str.startswith(awalan), "pns"].sum())
            if n_pns in (na, nb):
                alasan += (f" Tabel 2.2 memuat {fmt.angka(n_pns)} PNS berjabatan {awalan.title()}, sama dengan angka Tabel "
                           f"{'2.3' if n_pns == na else '2.6'}.")
        hasil.append(Temuan(
            keparahan, f"SDM-KESOS-PSKS-{re.sub(r'[^A-Z]+', '-', nama.upper()).strip('-')}",
            "Tabel 2.3 / Tabel 2.6", f"{a['jenis'].iloc[0]} / {b['jenis'].iloc[0]}", f"jumlah {nama}",
            fmt.angka(na), fmt.angka(nb), _selisih_angka(na, nb),
            "Kategori SDM Kesos yang sama di Tabel 2.3 dan Tabel 2.6 menghitung orang yang sama",
            alasan))
    return hasil


# ----------------------------------------------------------------------------
# 5. pohon kinerja, DO, target


def _tahun_renstra(folder) -> list[int]:
    ins = data.instansi(folder)
    return list(range(int(ins["periode_renstra"]["awal"]), int(ins["periode_renstra"]["akhir"]) + 1))


@_pemeriksaan
def cek_pohon_indikator(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Pohon kinerja, Definisi Operasional dan target setiap indikator dan layanan SPM.

    - setiap simpul pohon kinerja punya tepat satu induk satu tingkat di atasnya
      (kecuali satu akar level 0) dan indikator yang tidak kosong (galat);
    - setiap IKU dan IKK punya Definisi Operasional (definisi dan rumus) dan
      target untuk setiap tahun Renstra, ditambah tahun lain yang dicetak
      tabelnya untuk jenis itu (IKK sampai 2030) (galat);
    - setiap layanan SPM punya IKK dan target untuk setiap tahun (galat);
      target IKK SPM sama dengan target penerima Tabel 4.3 (peringatan);
    - indikator "Persentase Penurunan" yang targetnya menurun (peringatan);
    - nama indikator Tabel 4.1/4.2 terhadap nama di tabel DO (info).

    Examples
    --------
    >>> [t.kode for t in cek_pohon_indikator() if t.keparahan != "info"]
    ['ARAH-TARGET-IKK-24']
    """
    hasil: list[Temuan] = []
    pohon = data.muat("pohon_kinerja", folder)
    ids = dict(zip(pohon["id"], pohon["level"]))
    akar = pohon[pohon["induk"].isna()]
    if len(akar) != 1:
        hasil.append(Temuan("galat", "POHON-AKAR", "Lampiran 2 (Form Indikator)", ", ".join(akar["id"]) or "–",
                            "banyaknya akar pohon kinerja", fmt.angka(len(akar)), "1", _selisih_angka(len(akar), 1),
                            "Pohon kinerja punya tepat satu akar (ultimate outcome, level 0)"))
    for _, r in pohon.iterrows():
        tempat = f"simpul {r['id']} (level {r['level']}; data/pohon_kinerja.csv baris {r['_baris']})"
        induk = r["induk"] if isinstance(r["induk"], str) and r["induk"].strip() else None
        if induk is None and r["level"] != 0:
            hasil.append(Temuan("galat", f"POHON-INDUK-{r['id']}", "Lampiran 2 (Form Indikator)", tempat, "induk simpul",
                                fmt.TIDAK_TERDEFINISI, f"induk level {r['level'] - 1}", "induk kosong",
                                "Setiap simpul selain akar punya tepat satu induk satu tingkat di atasnya", str(r["uraian"])))
        elif induk is not None and induk not in ids:
            hasil.append(Temuan("galat", f"POHON-INDUK-{r['id']}", "Lampiran 2 (Form Indikator)", tempat, "induk simpul",
                                induk, "tidak ada simpul dengan id itu", "induk tidak ditemukan",
                                "Setiap simpul selain akar punya tepat satu induk satu tingkat di atasnya", str(r["uraian"])))
        elif induk is not None and ids[induk] != r["level"] - 1:
            hasil.append(Temuan("galat", f"POHON-LEVEL-{r['id']}", "Lampiran 2 (Form Indikator)", tempat, "level induk",
                                f"level {ids[induk]} ({induk})", f"level {r['level'] - 1}", _selisih_angka(ids[induk], r["level"] - 1),
                                "Induk berada tepat satu tingkat di atas simpulnya", str(r["uraian"])))
        indikator = str(r["indikator"]).strip() if isinstance(r["indikator"], str) else ""
        if indikator in ("", "-", "–"):
            hasil.append(Temuan("galat", f"POHON-INDIKATOR-{r['id']}", "Lampiran 2 (Form Indikator)", tempat, "indikator simpul",
                                indikator or fmt.TIDAK_TERDEFINISI, "indikator terisi", "indikator kosong",
                                "Setiap simpul pohon kinerja punya indikator", str(r["uraian"])))

    ind = data.muat("indikator", folder)
    do = data.muat("definisi_operasional", folder).set_index("kode", drop=False)
    tgt = data.muat("target", folder)
    renstra = _tahun_renstra(folder)
    jenis_kode = dict(zip(ind["kode"], ind["jenis"]))
    tgt = tgt.assign(jenis=tgt["kode"].map(jenis_kode))
    for _, r in ind.iterrows():
        kode = r["kode"]
        tabel_do = "Tabel 4.4" if r["jenis"] == "IKU" else "Tabel 4.5"
        if kode not in do.index:
            hasil.append(Temuan("galat", f"DO-{kode}", tabel_do, kode, "Definisi Operasional", fmt.TIDAK_TERDEFINISI,
                                "baris DO", "DO tidak ada", "Setiap IKU dan IKK punya Definisi Operasional (Tabel 4.4/4.5)",
                                str(r["nama"])))
        else:
            kosong = [k for k in ("definisi", "rumus") if not (isinstance(do.loc[kode, k], str) and do.loc[kode, k].strip())]
            if kosong:
                hasil.append(Temuan("galat", f"DO-{kode}", tabel_do, kode, "Definisi Operasional", "kosong: " + ", ".join(kosong),
                                    "definisi dan rumus terisi", "DO tidak lengkap", "Setiap DO memuat definisi dan rumus",
                                    str(r["nama"])))
            elif _normal(do.loc[kode, "nama_tercetak"]) != _normal(r["nama"]):
                hasil.append(Temuan("info", f"NAMA-DO-{kode}", f"{'Tabel 4.1' if r['jenis'] == 'IKU' else 'Tabel 4.2'} / {tabel_do}",
                                    kode, "nama indikator", str(do.loc[kode, "nama_tercetak"]), str(r["nama"]), "nama berbeda",
                                    "Nama indikator sama di tabel penetapan dan tabel DO",
                                    f"Dokumen yang dibangkitkan memakai nama dari data/indikator.csv; {tabel_do} mencetak nama lain."))
        # tahun target: Renstra + tahun lain yang dicetak untuk jenis ini (mis. 2030 di Tabel 4.2)
        dicetak_jenis = set(tgt.loc[(tgt["jenis"] == r["jenis"]) & (tgt["tahun"] > max(renstra)), "tahun"].astype(int))
        wajib = sorted(set(renstra) | dicetak_jenis)
        ada = set(tgt.loc[tgt["kode"] == kode, "tahun"].astype(int))
        hilang = [t for t in wajib if t not in ada]
        if hilang:
            hasil.append(Temuan("galat", f"TARGET-{kode}", "Tabel 4.1" if r["jenis"] == "IKU" else "Tabel 4.2", kode,
                                "target per tahun", _rentang(sorted(ada)), _rentang(wajib), f"tidak ada target {_rentang(hilang)}",
                                f"Setiap {r['jenis']} punya target untuk setiap tahun {_rentang(wajib)} (data/target.csv)",
                                str(r["nama"])))

    # layanan SPM: IKK dan target
    layanan = data.muat("spm_layanan", folder)
    spm_t = data.muat("spm_target", folder)
    th_spm = sorted(set(renstra) | set(spm_t["tahun"].astype(int)))
    target_ikk = tgt.set_index(["kode", "tahun"])["target"]
    for _, r in layanan.iterrows():
        tempat = f"layanan {r['no']}. {r['jenis_pelayanan']}"
        if r["kode_ikk"] not in jenis_kode:
            hasil.append(Temuan("galat", f"SPM-IKK-{r['no']}", "Tabel 4.3 / Tabel 4.2", tempat, "IKK layanan SPM",
                                str(r["kode_ikk"]), "kode IKK yang ada", "IKK tidak ditemukan",
                                "Setiap layanan SPM diukur dengan satu IKK (data/spm_layanan.csv kode_ikk)"))
        sub = spm_t[spm_t["no"] == r["no"]].set_index("tahun")["target_penerima"]
        hilang = [t for t in th_spm if t not in sub.index]
        if hilang:
            hasil.append(Temuan("galat", f"SPM-TARGET-{r['no']}", "Tabel 4.3", tempat, "target penerima layanan",
                                _rentang(list(sub.index)), _rentang(th_spm), f"tidak ada target {_rentang(hilang)}",
                                f"Setiap layanan SPM punya target untuk setiap tahun {_rentang(th_spm)}"))
        beda = [(int(t), v, target_ikk.get((r["kode_ikk"], t))) for t, v in sub.items()
                if (r["kode_ikk"], t) in target_ikk.index and not _sama(target_ikk[(r["kode_ikk"], t)], v)]
        if beda:
            hasil.append(Temuan("peringatan", f"SPM-TARGET-{r['kode_ikk']}", "Tabel 4.2 / Tabel 4.3", f"{r['kode_ikk']} / {tempat}",
                                "target penerima layanan (orang)",
                                "; ".join(f"{t}: {fmt.angka(i)}" for t, _, i in beda),
                                "; ".join(f"{t}: {fmt.angka(v)}" for t, v, _ in beda), "target berbeda",
                                "Target IKK layanan SPM (Tabel 4.2) = target penerima layanan Tabel 4.3 tahun yang sama"))

    # arah target indikator penurunan
    for _, r in ind.iterrows():
        # nama dan DO tercetak mengukur penurunan (makin tinggi makin baik), apa pun pembacaan yang dinyatakan data
        if not re.search(r"penurunan", str(r["nama"]), re.I) or (r["polaritas"] != rumus.POSITIF and r.get("rumus") != "rasio"):
            continue
        seri = tgt[tgt["kode"] == r["kode"]].dropna(subset=["target"]).sort_values("tahun")
        nilai = [float(v) for v in seri["target"]]
        if len(nilai) < 2 or not all(b <= a for a, b in zip(nilai, nilai[1:])) or nilai[-1] >= nilai[0]:
            continue
        e = None
        for th in sorted(kinerja.rekap_ppks()["tahun"].unique(), reverse=True):
            e = kinerja.evaluasi_ppks(int(th))
            if e is not None and e.penurunan_persen is not None:
                break
        dihitung, tambahan = "–", ""
        if e is not None and e.penurunan_persen is not None:
            rasio = rumus.persentase(e.terdata, e.terdata_sebelumnya)
            dihitung = (f"DO {r['kode']} {e.tahun} ({e.periode}): {fmt.persen(e.penurunan_persen)}; "
                        f"rasio N/N−1: {fmt.persen(rasio)}")
            tambahan = (f" Dengan data {e.tahun} ({fmt.angka(e.terdata)} terdata terhadap {fmt.angka(e.terdata_sebelumnya)} pada "
                        f"{e.tahun_sebelumnya}) rumus DO menghasilkan {fmt.persen(e.penurunan_persen)}, jauh dari target "
                        f"{fmt.desimal(nilai[0], 0)}; rasio Σ PPKS N / Σ PPKS N−1 × 100 % menghasilkan {fmt.persen(rasio)}.")
        casc = data.muat("cascading", folder)
        garbel = casc[casc["rumusan"].fillna("").str.contains("N/Σ", regex=False)]
        if not garbel.empty:
            tambahan += (f" Sel rumusan Tabel 4.6 (cascading, tingkat {garbel['tingkat'].iloc[0]}) tercetak "
                         f"\"{garbel['rumusan'].iloc[0]}\" — potongan \"N/Σ PPKS\" juga menunjuk ke rasio itu.")
        hasil.append(Temuan(
            "peringatan", f"ARAH-TARGET-{r['kode']}", "Tabel 4.2 / Tabel 4.5", f"{r['kode']} {r['nama']}", "target per tahun (%)",
            ", ".join(f"{t}: {fmt.desimal(v, 0 if float(v).is_integer() else 2)}" for t, v in zip(seri["tahun"].astype(int), nilai)),
            dihitung, "target menurun",
            _rumus_do(r["kode"]) + "; menurut DO tercetak makin tinggi makin baik",
            "Nama dan rumus DO mengukur penurunan, sehingga target yang makin kecil berarti penurunan yang diharapkan makin "
            f"kecil. Target menurun {fmt.desimal(nilai[0], 0)} → {fmt.desimal(nilai[-1], 0)} lebih cocok dibaca sebagai "
            "rasio Σ PPKS tahun N / Σ PPKS tahun N−1 × 100 % (makin rendah makin baik)." + tambahan + " Rumus atau target perlu dikonfirmasi dinas."))
    return hasil


@_pemeriksaan
def cek_cascading(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Cascading (Tabel 4.6): hierarki, satuan target, rujukan, kelengkapan (lihat :mod:`analisis.core.cascading`)."""
    from . import cascading
    return cascading.temuan(folder)


# ----------------------------------------------------------------------------
# 6. parameter tahun terhadap data


@_pemeriksaan
def cek_parameter(folder=None, tahun=None, periode=None, folder_parameter=None) -> list[Temuan]:
    """Setiap ``parameters/<tahun>.yml`` terhadap data.

    - parameter tidak sah (periode tak dikenal, tahun berbeda) — galat;
    - tahun yang sama sekali tidak punya target — galat; indikator tanpa
      target tahun itu — info;
    - realisasi yang belum tersedia — info ("Data realisasi tahun 2026 belum
      tersedia."); realisasi dari periode sesudah periode parameter —
      peringatan; dari periode sebelumnya — info.

    ``tahun``/``periode``: periksa satu tahun saja (periode menimpa parameter).

    Examples
    --------
    >>> [(t.keparahan, t.kode) for t in cek_parameter(tahun=2025)][-1]
    ('peringatan', 'PERIODE-REALISASI-2025-IKU-02')
    >>> cek_parameter(tahun=2027)[-1].keterangan
    'Data realisasi tahun 2027 belum tersedia.'
    """
    folder_p = Path(folder_parameter) if folder_parameter is not None else paths.folder_parameter()
    daftar_tahun = [int(tahun)] if tahun is not None else list(parameter.tahun_tersedia(folder_p))
    hasil: list[Temuan] = []
    tgt = data.muat("target", folder)
    ind = data.muat("indikator", folder)
    for th in daftar_tahun:
        berkas = f"parameters/{th}.yml"
        try:
            p = parameter.muat(th, periode if tahun is not None else None, folder=folder_p)
        except KesalahanParameter as e:
            hasil.append(Temuan("galat", f"PARAMETER-{th}", berkas, "berkas parameter", "parameter dokumen",
                                fmt.TIDAK_TERDEFINISI, "parameter sah", "tidak dapat dimuat",
                                "parameters/base.yml dan parameters/<tahun>.yml lolos validasi analisis.core.parameter", str(e)))
            continue
        ada = tgt[tgt["tahun"] == th]
        if ada.empty:
            hasil.append(Temuan("galat", f"TARGET-TAHUN-{th}", berkas, f"tahun {th}", "target indikator",
                                fmt.TIDAK_TERDEFINISI, "target setiap IKU dan IKK", "tidak ada target",
                                "Setiap tahun yang punya parameter dicakup oleh target (data/target.csv)",
                                f"Tidak ada satu pun target untuk tahun {th}; dokumen tahun itu tidak dapat menilai capaian. "
                                f"Target tersedia untuk tahun {_rentang(list(tgt['tahun'].astype(int)))}."))
            continue
        tanpa = [k for k in ind["kode"] if k not in set(ada["kode"])]
        if tanpa:
            jenis = sorted(set(ind.loc[ind["kode"].isin(tanpa), "jenis"]))
            hasil.append(Temuan("info", f"TARGET-TAHUN-{th}-SEBAGIAN", berkas, f"tahun {th}", "target indikator",
                                fmt.TIDAK_TERDEFINISI, f"{fmt.angka(len(ada))} dari {fmt.angka(len(ind))} indikator bertarget",
                                f"{fmt.angka(len(tanpa))} tanpa target", "Target dari data/target.csv",
                                f"Indikator tanpa target tahun {th}: {_daftar_kode(tanpa)} ({', '.join(jenis)} ditetapkan "
                                f"untuk tahun {_rentang(list(tgt.loc[tgt['kode'].isin(tanpa), 'tahun'].astype(int)))}); capaiannya "
                                "tidak dapat dinilai untuk tahun ini."))
        ev = kinerja.evaluasi_indikator(th, p.periode)
        belum = ev[~ev["tersedia"].astype(bool)]
        if len(belum) == len(ev):
            hasil.append(Temuan("info", f"REALISASI-{th}", berkas, f"tahun {th}, periode {p.periode}", "realisasi indikator",
                                fmt.TIDAK_TERDEFINISI, "belum tersedia", fmt.TIDAK_TERDEFINISI, "Realisasi dari sumber data tiap indikator (data/indikator.csv realisasi_dari)",
                                f"Data realisasi tahun {th} belum tersedia."))
        elif not belum.empty:
            hasil.append(Temuan("info", f"REALISASI-{th}-SEBAGIAN", berkas, f"tahun {th}, periode {p.periode}", "realisasi indikator",
                                fmt.TIDAK_TERDEFINISI, f"{fmt.angka(len(ev) - len(belum))} dari {fmt.angka(len(ev))} indikator tersedia",
                                f"{fmt.angka(len(belum))} belum tersedia",
                                "Realisasi dari sumber data tiap indikator (data/indikator.csv realisasi_dari)",
                                f"Data realisasi tahun {th} belum tersedia untuk {_daftar_kode(list(belum['kode']))}."))
        batas = parameter.urutan_periode(p.periode)
        for _, r in ev[ev["tersedia"].astype(bool)].iterrows():
            per = r["periode_realisasi"]
            if not isinstance(per, str) or per == p.periode:
                continue
            u = parameter.urutan_periode(per)
            if u > batas:
                hasil.append(Temuan(
                    "peringatan", f"PERIODE-REALISASI-{th}-{r['kode']}", berkas, f"periode: {p.periode}", f"periode realisasi {r['kode']}",
                    p.periode, per, "periode data sesudah periode dokumen",
                    "Realisasi yang dilaporkan tidak melewati periode dokumen (parameter periode)",
                    f"Tidak ada realisasi {r['kode']} tahun {th} sampai dengan {p.periode}; yang dipakai adalah {per} "
                    f"({fmt.desimal(r['realisasi'])}). Dokumen akan menyebut periode {per} untuk indikator ini."))
            elif u < batas:
                hasil.append(Temuan(
                    "info", f"PERIODE-REALISASI-{th}-{r['kode']}", berkas, f"periode: {p.periode}", f"periode realisasi {r['kode']}",
                    p.periode, per, "data baru sampai periode sebelumnya",
                    "Realisasi terakhir yang tidak melewati periode dokumen",
                    f"Realisasi {r['kode']} tahun {th} baru tersedia sampai {per}."))
    return hasil


# ----------------------------------------------------------------------------
# menjalankan semua pemeriksaan


#: Pemeriksaan yang hasilnya bergantung pada ``tahun``/``periode``/``folder_parameter`` (yang lain tidak).
_PER_TAHUN = {"cek_parameter"}

#: Awalan setiap kode temuan :func:`cek_parameter` (satu-satunya pemeriksaan di :data:`_PER_TAHUN`).
AWALAN_PER_TAHUN = ("PARAMETER-", "TARGET-TAHUN-", "REALISASI-", "PERIODE-REALISASI-")


def kode_per_tahun(kode: str) -> bool:
    """Kode temuan yang hanya dapat berasal dari pemeriksaan per tahun (:func:`cek_parameter`).

    Temuan berkode lain tidak bergantung pada ``tahun``/``periode``:
    :func:`temuan_kode` mencarinya tanpa menjalankan :func:`cek_parameter`
    untuk setiap tahun.

    >>> kode_per_tahun("PERIODE-REALISASI-2025-IKU-02"), kode_per_tahun("JUMLAH-ASN-PNS")
    (True, False)
    """
    return kode.startswith(AWALAN_PER_TAHUN)


@memo.ingat(disk=True, daftar=True)
def _jalankan(nama: str, folder: Path | None, tahun: int | None, periode: str | None,
              folder_parameter: Path | None) -> list[Temuan]:
    """Satu pemeriksaan :data:`PEMERIKSAAN` bernama ``nama``, diingat (juga antarproses, lihat :func:`temuan`)."""
    fungsi = next(f for f in PEMERIKSAAN if f.__name__ == nama)
    return fungsi(folder=folder, tahun=tahun, periode=periode, folder_parameter=folder_parameter)


def temuan(folder: Path | None = None, tahun: int | None = None, periode: str | None = None,
           folder_parameter: Path | None = None) -> list[Temuan]:
    """Jalankan semua :data:`PEMERIKSAAN` dan kembalikan temuannya (galat dulu, lalu peringatan, lalu info).

    Setiap pemeriksaan dihitung sekali per argumen yang dipakainya dan isi
    setiap berkas ``data/``/``parameters/`` yang dibacanya
    (:func:`analisis.core.memo.ingat`); dengan ``$IKU_MEMO`` hasilnya juga
    dipakai proses lain: proses ``iku render`` menghitungnya untuk syarat edisi
    final, kernel bab (``resmi.nilai``, lampiran catatan pemeriksaan)
    memuatnya. Hanya :func:`cek_parameter` yang bergantung pada ``tahun``,
    ``periode`` dan ``folder_parameter``, sehingga pemeriksaan lain dipakai
    bersama oleh pemanggil dengan tahun atau periode berbeda.

    Parameters
    ----------
    folder : Path, optional
        Folder data (bawaan :func:`analisis.core.paths.folder_data`).
    tahun, periode : optional
        Bila ``tahun`` diberikan, pemeriksaan parameter (:func:`cek_parameter`)
        hanya untuk tahun itu, dengan ``periode`` menimpa periode parameternya;
        pemeriksaan lain tidak bergantung pada tahun.
    folder_parameter : Path, optional
        Folder ``parameters/`` (bawaan :func:`analisis.core.paths.folder_parameter`).

    Examples
    --------
    >>> r = ringkasan(temuan(tahun=2025))
    >>> r["galat"], r["peringatan"] > 0
    (0, True)
    """
    semua: list[Temuan] = []
    for fungsi in PEMERIKSAAN:
        if fungsi.__name__ in _PER_TAHUN:
            semua.extend(_jalankan(fungsi.__name__, folder, tahun, periode, folder_parameter))
        else:
            semua.extend(_jalankan(fungsi.__name__, folder, None, None, None))
    urutan = {k: i for i, k in enumerate(KEPARAHAN)}
    return sorted(semua, key=lambda t: urutan[t.keparahan])


def temuan_kode(kode: str, folder: Path | None = None, tahun: int | None = None, periode: str | None = None,
                folder_parameter: Path | None = None) -> Temuan | None:
    """Temuan berkode ``kode`` di ``temuan(folder, tahun, periode, folder_parameter)`` (yang terakhir), atau ``None``.

    Sama dengan ``{t.kode: t for t in temuan(...)}.get(kode)``, tetapi kode
    yang bukan milik :func:`cek_parameter` (:func:`kode_per_tahun`) dicari
    tanpa menjalankannya: tanpa ``tahun`` pemeriksaan itu menilai capaian
    setiap tahun parameter (beberapa detik), padahal kodenya tidak mungkin
    cocok. Urutan temuan lain tidak berubah, jadi temuan yang ditemukan sama.

    >>> semua = {t.kode: t for t in temuan()}
    >>> all(temuan_kode(k) == t for k, t in semua.items()), temuan_kode("JUMLAH-ASN-PNS").tercetak
    (True, '22')
    >>> semua = {t.kode: t for t in temuan(tahun=2025)}
    >>> all(temuan_kode(k, tahun=2025) == t for k, t in semua.items())
    True
    >>> temuan_kode("KODE-TANPA-TEMUAN") is None
    True

    Indeks kode → temuan dibangun sekali per isi berkas yang dibaca
    pemeriksaannya (:func:`_indeks_kode`, diingat): setiap panggilan
    berikutnya satu pencarian memo, bukan enam ditambah penyaringan.
    """
    if kode_per_tahun(kode):
        return _indeks_kode(folder, tahun, periode, folder_parameter, True).get(kode)
    return _indeks_kode(folder, None, None, None, False).get(kode)


@memo.ingat(daftar=True)
def _indeks_kode(folder: Path | None, tahun: int | None, periode: str | None, folder_parameter: Path | None,
                 per_tahun: bool) -> dict[str, Temuan]:
    """Kode → temuan terakhir: di ``temuan(...)`` (``per_tahun``) atau di pemeriksaan yang tidak per tahun saja.

    Urutan sama dengan :func:`temuan` (pemeriksaan berurutan, lalu diurutkan
    stabil menurut keparahan), jadi temuan untuk setiap kode sama dengan
    ``{t.kode: t for t in temuan(...)}``.
    """
    if per_tahun:
        daftar = temuan(folder=folder, tahun=tahun, periode=periode, folder_parameter=folder_parameter)
    else:
        daftar = []
        for fungsi in PEMERIKSAAN:
            if fungsi.__name__ not in _PER_TAHUN:
                daftar.extend(_jalankan(fungsi.__name__, folder, None, None, None))
        urutan = {k: i for i, k in enumerate(KEPARAHAN)}
        daftar.sort(key=lambda t: urutan[t.keparahan])
    return {t.kode: t for t in daftar}


def ringkasan(daftar: list[Temuan]) -> dict[str, int]:
    """Banyaknya temuan per keparahan.

    >>> ringkasan([Temuan("info", "X", "", "", "", "", "", "", "")])
    {'galat': 0, 'peringatan': 0, 'info': 1}
    """
    return {k: sum(1 for t in daftar if t.keparahan == k) for k in KEPARAHAN}


def kode_keluar(daftar: list[Temuan], ketat: bool = False) -> int:
    """1 bila ada galat (atau, bila ``ketat``, peringatan); selain itu 0.

    >>> p = [Temuan("peringatan", "X", "", "", "", "", "", "", "")]
    >>> kode_keluar(p), kode_keluar(p, ketat=True), kode_keluar([])
    (0, 1, 0)
    """
    r = ringkasan(daftar)
    return 1 if r["galat"] or (ketat and r["peringatan"]) else 0


# ----------------------------------------------------------------------------
# keluaran berkas dan terminal


def _tulis_atomik(jalur: Path, isi: str) -> None:
    jalur.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=jalur.parent, prefix=f".{jalur.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(isi)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(sementara, 0o666 & ~umask)  # mkstemp membuat 0600; berkas hasil mengikuti umask seperti biasa
        os.replace(sementara, jalur)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(sementara)
        raise


def status_keputusan(daftar: list[Temuan]) -> dict[str, str]:
    """Status register keputusan per kode temuan: pilihan tampil dan pemutusnya, atau "belum diputuskan".

    Temuan yang tidak membandingkan angka tercetak dengan hasil hitung (info,
    kelengkapan data) tidak diputuskan: statusnya kosong.

    >>> s = status_keputusan(temuan(tahun=2025))
    >>> s["JUMLAH-ASN-PNS"]
    'tercetak (Sub Bagian Perencanaan, 2025-09-22)'
    """
    from . import resmi

    hasil = {}
    for t, k in resmi.status_temuan(daftar):
        if k is not None:
            pilihan = f"nilai {k['nilai']}" if k["tampil"] == "nilai" else k["tampil"]
            hasil[t.kode] = f"{pilihan} ({k['diputuskan_oleh']}, {k['tanggal']})"
        elif resmi._perlu_keputusan(t):
            hasil[t.kode] = "belum diputuskan"
        else:
            hasil[t.kode] = ""
    return hasil


def tulis_berkas(daftar: list[Temuan], folder: Path | None = None) -> tuple[Path, Path]:
    """Tulis ``temuan.csv`` dan ``temuan.json`` ke ``folder`` (bawaan ``rendered/pemeriksaan``) secara atomik.

    Examples
    --------
    >>> import tempfile, json
    >>> d = Path(tempfile.mkdtemp())
    >>> c, j = tulis_berkas([Temuan("info", "X", "T", "B", "b", "1", "2", "−1", "a")], d)
    >>> c.read_text(encoding="utf-8").splitlines()[0]
    'keparahan,kode,tabel,baris,besaran,tercetak,dihitung,selisih,aturan,keterangan,keputusan'
    >>> json.loads(j.read_text(encoding="utf-8"))["ringkasan"]
    {'galat': 0, 'peringatan': 0, 'info': 1}
    """
    folder = Path(folder) if folder is not None else paths.folder_render() / "pemeriksaan"
    status = status_keputusan(daftar)
    baris = [asdict(t) | {"keputusan": status.get(t.kode, "")} for t in daftar]
    kolom = [f.name for f in fields(Temuan)] + ["keputusan"]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=kolom, lineterminator="\n")
    w.writeheader()
    for b in baris:
        w.writerow(b)
    jalur_csv, jalur_json = folder / "temuan.csv", folder / "temuan.json"
    _tulis_atomik(jalur_csv, buf.getvalue())
    _tulis_atomik(jalur_json, json.dumps({"ringkasan": ringkasan(daftar), "temuan": baris},
                                         ensure_ascii=False, indent=2) + "\n")
    return jalur_csv, jalur_json


_KOLOM_TERMINAL = (("keparahan", "keparahan", 10), ("kode", "kode", 34), ("tempat", "tabel/baris", 30),
                   ("tercetak", "tercetak", 22), ("dihitung", "dihitung", 26), ("selisih", "selisih", 22),
                   ("keputusan", "keputusan", 22))


def _teks_terminal(daftar: list[Temuan], lebar: int | None = None) -> str:
    """Tabel terminal dengan teks panjang dibungkus; kolom mengecil bila terminal sempit."""
    lebar = lebar or shutil.get_terminal_size((160, 24)).columns
    dasar = [w for _, _, w in _KOLOM_TERMINAL]
    skala = min(1.0, max(0.5, (lebar - 2 * len(dasar)) / sum(dasar)))
    lebar_kol = [max(8, int(w * skala)) for w in dasar]
    garis = "  ".join("-" * w for w in lebar_kol)
    keluar = ["  ".join(j.ljust(w) for (_, j, _), w in zip(_KOLOM_TERMINAL, lebar_kol)), garis]
    status = status_keputusan(daftar)
    for t in daftar:
        nilai = {"keparahan": t.keparahan, "kode": t.kode, "tempat": f"{t.tabel}: {t.baris}", "tercetak": t.tercetak,
                 "dihitung": t.dihitung, "selisih": t.selisih, "keputusan": status.get(t.kode, "")}
        sel = [textwrap.wrap(nilai[k], w, break_long_words=True, break_on_hyphens=False) or [""]
               for (k, _, _), w in zip(_KOLOM_TERMINAL, lebar_kol)]
        for i in range(max(len(s) for s in sel)):
            keluar.append("  ".join((s[i] if i < len(s) else "").ljust(w) for s, w in zip(sel, lebar_kol)).rstrip())
    return "\n".join(keluar)


def jalankan_cli(ketat: bool = False, daftar: list[Temuan] | None = None, folder: Path | None = None,
                 keterangan: str | None = None) -> int:
    """Jalankan semua pemeriksaan untuk ``iku periksa``: cetak tabel, tulis berkas, kembalikan kode keluar.

    ``daftar``/``folder``/``keterangan``: temuan satu naskah (``iku periksa
    --tahun``, lihat :func:`analisis.document.edisi.temuan_naskah`), folder
    berkasnya dan satu baris penjelasan cakupannya.

    Kode keluar 0 bila hanya ada peringatan/info, 1 bila ada galat; dengan
    ``ketat`` juga 1 bila ada peringatan. Berkas ditulis ke
    ``rendered/pemeriksaan/temuan.csv`` dan ``temuan.json``.

    Examples
    --------
    >>> import contextlib, io, os, tempfile
    >>> lama = os.environ.get("IKU_RENDERED")
    >>> os.environ["IKU_RENDERED"] = tempfile.mkdtemp()
    >>> with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    ...     kode = jalankan_cli(), jalankan_cli(ketat=True)
    >>> kode
    (0, 1)
    >>> _ = os.environ.pop("IKU_RENDERED") if lama is None else os.environ.update(IKU_RENDERED=lama)
    """
    daftar = temuan() if daftar is None else daftar
    r = ringkasan(daftar)
    print()
    print("Pemeriksaan angka tercetak terhadap baris rinci dan rumus Definisi Operasional:")
    if keterangan:
        print(keterangan)
    if daftar:
        print(_teks_terminal(daftar))
    jalur_csv, jalur_json = tulis_berkas(daftar, folder)
    print()
    print(f"{r['galat']} galat, {r['peringatan']} peringatan, {r['info']} info")
    belum = sorted({k for k, s in status_keputusan(daftar).items() if s == "belum diputuskan"})
    if belum:
        print(f"{len(belum)} temuan belum diputuskan di data/keputusan_temuan.csv (edisi final belum dapat dibangun): "
              + ", ".join(belum))
    print(f"Rincian (aturan dan keterangan): {jalur_csv} dan {jalur_json}")
    kode = kode_keluar(daftar, ketat)
    if kode and not r["galat"]:
        print("Mode --ketat: peringatan dianggap gagal.", file=sys.stderr)
    return kode
