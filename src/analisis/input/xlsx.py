"""Templat isian realisasi (.xlsx) untuk bidang: satu lembar per kumpulan data.

Setiap triwulan dan setiap tahun bidang-bidang mengirim angka realisasi. Modul
ini menulis buku kerja Excel yang siap diisi: satu lembar per berkas
``data/`` yang diisi (PPKS per PAS, realisasi indikator IKU/IKK, nilai SAKIP,
dan pada templat tahunan juga SPM, mutu SPM, PSKS, LKS, SDM Kesos, aset dan
kemiskinan), dengan nama indikator, satuan, target tahun itu, bidang
penanggung jawab dan nilai periode lalu sudah terisi. Hanya sel isian (kuning)
yang tidak terkunci, dan sel isian diberi validasi data Excel (angka, tidak
negatif, tertangani ≤ terdata, persen 0–100). Lembar "Petunjuk" menjelaskan
cara mengisi dalam bahasa Indonesia.

Buku kerja yang sudah diisi dibaca kembali oleh :mod:`analisis.input.impor`, yang
memakai deskripsi lembar yang sama (:data:`LEMBAR`) dan memvalidasi isinya
dengan skema ``data/`` (:mod:`analisis.core.skema`).

Sumber: Definisi Operasional (Tabel 4.4, 4.5) untuk rumus indikator, Tabel 4.1
dan 4.2 untuk target, Tabel 4.3 untuk target SPM, Tabel 2.3–2.8 dan 2.10 untuk
bentuk tabel tahunan BAB II.

Examples
--------
>>> [l.nama for l in lembar_untuk("Triwulan II")]
['PPKS per PAS', 'Realisasi IKU-IKK', 'SAKIP']
>>> len(lembar_untuk("Tahunan"))
10
>>> import tempfile, pathlib, openpyxl
>>> with tempfile.TemporaryDirectory() as d:
...     jalur = buat_templat(2026, keluaran=pathlib.Path(d) / "t.xlsx")
...     wb = openpyxl.load_workbook(jalur)
...     ws = wb["Realisasi IKU-IKK"]
...     ws["A5"].value, ws["A7"].value, ws.protection.sheet
('IKU-01', 'IKK-01', True)
"""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection

from ..core import data
from ..core.kesalahan import KesalahanParameter
from ..core.parameter import PERIODE, urutan_periode

__all__ = [
    "JENIS_TEMPLAT", "VERSI", "LEMBAR_META", "LEMBAR_PETUNJUK", "BARIS_JUDUL_KOLOM", "BARIS_DATA", "TIDAK_ADA",
    "KolomLembar", "Lembar", "LEMBAR", "lembar_untuk", "judul_kolom", "label_periode", "nama_berkas_bawaan",
    "baris_lembar", "buat_templat", "kunci_baris", "jadikan_teks", "AWALAN_RUMUS", "nilai_polos",
    "simpan_buku_kerja",
]

JENIS_TEMPLAT = "templat-realisasi-iku"
#: Versi 2: lembar ``_templat`` mencatat kunci dan urutan setiap baris data (identitas baris).
VERSI = 3
LEMBAR_META = "_templat"
LEMBAR_PETUNJUK = "Petunjuk"
#: Baris judul kolom setiap lembar data; baris data mulai di bawahnya.
BARIS_JUDUL_KOLOM = 4
BARIS_DATA = BARIS_JUDUL_KOLOM + 1
#: Ejaan "kategori tidak ada di daerah" (Tabel 2.5), lihat :mod:`analisis.core.nilai`.
TIDAK_ADA = "tdk ada"

_KUNING = PatternFill("solid", fgColor="FFF2CC")
_ABU = PatternFill("solid", fgColor="EDEDED")
_KEPALA = PatternFill("solid", fgColor="1F4E79")
_GARIS = Side(style="thin", color="BFBFBF")
_BINGKAI = Border(left=_GARIS, right=_GARIS, top=_GARIS, bottom=_GARIS)


@dataclass(frozen=True)
class KolomLembar:
    """Satu kolom lembar isian.

    ``peran``: ``"kunci"`` (terkunci, ikut menjadi kolom data, mis. kode atau
    jenis PPKS), ``"info"`` (terkunci, hanya pembanding: target, nilai lalu)
    atau ``"isian"`` (sel kuning yang diisi bidang). ``medan``: nama kolom di
    berkas ``data/`` (untuk kunci dan isian). ``validasi``: jenis validasi data
    Excel untuk isian (lihat :data:`VALIDASI`). ``batas``: ``id`` kolom isian
    lain yang tidak boleh dilampaui (tertangani ≤ terdata). ``penentu``: baris
    dianggap diisi bila salah satu isian penentunya tidak kosong (isian teks
    seperti sumber data bukan penentu).
    """

    id: str
    judul: str
    peran: str = "info"
    medan: str | None = None
    validasi: str | None = None
    batas: str | None = None
    penentu: bool = True
    lebar: float = 14
    format: str | None = None
    bungkus: bool = False


@dataclass(frozen=True)
class Lembar:
    """Satu lembar isian = satu berkas ``data/<data>.csv``.

    ``tetap``: kolom data yang nilainya dari templat (``tahun``, ``periode``),
    bukan dari sel. ``tahunan``: hanya ada di templat tahunan (berkasnya tidak
    memiliki kolom periode). ``baris``: fungsi ``(tahun, periode, folder) ->
    list[dict]`` yang menyusun baris lembar dari data.
    """

    nama: str
    data: str
    judul: str
    pengisi: str
    keterangan: str
    kolom: tuple[KolomLembar, ...]
    tetap: tuple[str, ...]
    baris: Callable[[int, str, Path | None], list[dict]]
    tahunan: bool = False

    def kolom_isian(self) -> list[KolomLembar]:
        return [k for k in self.kolom if k.peran == "isian"]


#: Validasi data Excel per jenis isian: (jenis DataValidation, operator, rumus1, rumus2, pesan).
VALIDASI = {
    "cacah": ("whole", "greaterThanOrEqual", "0", None, "Isi bilangan bulat tidak negatif (0, 1, 2, ...)."),
    "cacah_tdk": ("custom", None, None, None, "Isi bilangan bulat tidak negatif, atau tulis 'tdk ada' bila kategori ini tidak ada di daerah."),
    "desimal": ("decimal", "greaterThanOrEqual", "0", None, "Isi angka tidak negatif; desimal boleh."),
    "persen100": ("decimal", "between", "0", "100", "Isi persen antara 0 dan 100 (tanpa tanda %)."),
    "nilai100": ("decimal", "between", "0", "100", "Isi nilai antara 0 dan 100."),
    "rupiah": ("decimal", "greaterThanOrEqual", "0", None, "Isi nilai rupiah tidak negatif (tanpa 'Rp')."),
}


def label_periode(tahun: int, periode: str | None) -> str:
    """ "Tahun 2026" atau "Triwulan II Tahun 2026".

    >>> label_periode(2026, "Tahunan"), label_periode(2026, "Triwulan II")
    ('Tahun 2026', 'Triwulan II Tahun 2026')
    """
    return f"Tahun {tahun}" if periode in (None, "Tahunan") else f"{periode} Tahun {tahun}"


def judul_kolom(k: KolomLembar, tahun: int, periode: str) -> str:
    """Judul kolom di lembar (``{tahun}`` dan ``{periode}`` diganti).

    >>> judul_kolom(KolomLembar("t", "Target {tahun}"), 2026, "Tahunan")
    'Target 2026'
    """
    return k.judul.format(tahun=tahun, periode=periode, label=label_periode(tahun, periode))


def nama_berkas_bawaan(tahun: int, periode: str) -> str:
    """Nama berkas templat bila ``--keluaran`` tidak diberikan.

    >>> nama_berkas_bawaan(2026, "Triwulan II")
    'realisasi_2026_triwulan_ii.xlsx'
    """
    return f"realisasi_{tahun}_{periode.lower().replace(' ', '_')}.xlsx"


# ----------------------------------------------------------------------------
# membaca data untuk mengisi lembar


def _muat(nama: str, folder: Path | None) -> pd.DataFrame:
    """Tabel ``data/<nama>.csv`` tervalidasi; kosong bila berkas (baru) belum ada."""
    return data.muat(nama, folder)


def nilai_polos(v):
    """Nilai Python polos untuk sel Excel dan perbandingan (tanpa NA pandas / numpy; 3.0 → 3).

    >>> import numpy as np
    >>> nilai_polos(np.float64(3.0)), nilai_polos(float("nan")), nilai_polos(2.5), nilai_polos("a")
    (3, None, 2.5, 'a')
    """
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _urut(tahun: int, periode: str | None) -> tuple:
    """Kunci urutan periode: Triwulan I < Semester I = Triwulan II < ... < Tahunan."""
    p = periode or "Tahunan"
    return (int(tahun), urutan_periode(p), p == "Tahunan")


def _periode_lalu(df: pd.DataFrame, tahun: int, periode: str | None) -> tuple[int, str | None] | None:
    """Periode terakhir di ``df`` yang lebih awal dari (``tahun``, ``periode``)."""
    if df.empty:
        return None
    if "periode" in df.columns and periode is not None:
        pasangan = {(int(t), p) for t, p in zip(df["tahun"], df["periode"])}
        lebih_awal = [tp for tp in pasangan if _urut(*tp) < _urut(tahun, periode)]
        return max(lebih_awal, key=lambda tp: _urut(*tp)) if lebih_awal else None
    tahun_ada = sorted({int(t) for t in df["tahun"]}, reverse=True)
    lebih_awal = [t for t in tahun_ada if t < tahun]
    return (lebih_awal[0], None) if lebih_awal else None


def _pilih(df: pd.DataFrame, tahun: int, periode: str | None = None) -> pd.DataFrame:
    m = df["tahun"] == tahun
    if periode is not None and "periode" in df.columns:
        m &= df["periode"] == periode
    return df[m].sort_values("_baris")


def _teks_periode(tp: tuple[int, str | None] | None) -> str | None:
    if tp is None:
        return None
    t, p = tp
    return str(t) if p in (None, "Tahunan") else f"{p} {t}"


def _nilai_ppks(r: pd.Series, kolom: str):
    if "ada" in r.index and not r["ada"] and pd.isna(r[kolom]):
        return TIDAK_ADA
    return nilai_polos(r[kolom])


def _target_tahun(folder: Path | None, tahun: int) -> dict[str, object]:
    t = _muat("target", folder)
    t = t[t["tahun"] == tahun]
    hasil = {}
    for _, r in t.iterrows():
        hasil[r["kode"]] = nilai_polos(r["target"]) if not pd.isna(r["target"]) else r["target_predikat"]
    return hasil


def _baris_ppks(tahun: int, periode: str, folder: Path | None) -> list[dict]:
    df = _muat("ppks_pas", folder)
    ini = _pilih(df, tahun, periode)
    lalu_tp = _periode_lalu(df, tahun, periode)
    lalu = _pilih(df, *lalu_tp) if lalu_tp else df.iloc[0:0]
    if not ini.empty:
        dasar = ini
    elif not lalu.empty:
        dasar = lalu
    elif not df.empty:  # hanya ada periode yang lebih akhir: pakai susunan barisnya
        akhir = max({(int(t), p) for t, p in zip(df["tahun"], df["periode"])}, key=lambda tp: _urut(*tp))
        dasar = _pilih(df, *akhir)
    else:
        dasar = df
    cari_lalu = {(int(r["pas_no"]), r["jenis"]): r for _, r in lalu.iterrows()}
    cari_ini = {(int(r["pas_no"]), r["jenis"]): r for _, r in ini.iterrows()}
    baris = []
    for _, r in dasar.iterrows():
        k = (int(r["pas_no"]), r["jenis"])
        b = {"pas_no": int(r["pas_no"]), "pas": r["pas"], "jenis": r["jenis"], "bidang": r["bidang"],
             "periode_lalu": _teks_periode(lalu_tp) if k in cari_lalu else None}
        if k in cari_lalu:
            b["terdata_lalu"] = _nilai_ppks(cari_lalu[k], "terdata")
            b["tertangani_lalu"] = _nilai_ppks(cari_lalu[k], "tertangani")
        if k in cari_ini:
            b["terdata"] = _nilai_ppks(cari_ini[k], "terdata")
            b["tertangani"] = _nilai_ppks(cari_ini[k], "tertangani")
        baris.append(b)
    return baris


#: Rumus indikator (kolom ``rumus`` ``data/indikator.csv``) yang diisi sebagai pembilang dan penyebut.
RUMUS_BERPEMBAGI = ("persentase", "rasio", "penurunan")

#: Asal realisasi indikator yang tidak diisi di lembar realisasi (kolom
#: ``realisasi_dari`` ``data/indikator.csv``, lihat :mod:`analisis.core.kinerja`).
ASAL_LAIN = {
    "ppks_tertangani": "Dihitung dari lembar 'PPKS per PAS' (Σ tertangani / Σ terdata × 100 %, DO IKU 1).",
    "penurunan_ppks": "Dihitung dari lembar 'PPKS per PAS' dan PPKS tahun sebelumnya (DO IKK 24).",
    "rasio_ppks": "Dihitung dari lembar 'PPKS per PAS' dan PPKS tahun sebelumnya: Σ PPKS N / Σ PPKS N−1 × 100 %.",
    "nilai_sakip": "Diisi di lembar 'SAKIP' (nilai hasil evaluasi SAKIP).",
    "spm_penerima": "Diisi di lembar 'SPM Penerima' pada templat tahunan (jumlah penerima layanan).",
}


def _baris_realisasi(tahun: int, periode: str, folder: Path | None) -> list[dict]:
    ind = _muat("indikator", folder)
    ind = ind.assign(_j=ind["jenis"].map({"IKU": 0, "IKK": 1})).sort_values(["_j", "no"])
    target = _target_tahun(folder, tahun)
    do = _muat("definisi_operasional", folder).set_index("kode")
    real = _muat("realisasi", folder)
    baris = []
    for _, r in ind.iterrows():
        kode = r["kode"]
        asal = r["realisasi_dari"]
        berpembagi = r["rumus"] in RUMUS_BERPEMBAGI
        b = {"kode": kode, "jenis": r["jenis"], "nama": r["nama"], "satuan": r["satuan"], "polaritas": r["polaritas"],
             "penanggung_jawab": r["penanggung_jawab"] if isinstance(r["penanggung_jawab"], str) else None,
             "target": target.get(kode), "rumus": do.loc[kode, "rumus"] if kode in do.index else None,
             "pembilang_do": r["pembilang"] if berpembagi and isinstance(r["pembilang"], str) else None,
             "penyebut_do": r["penyebut"] if berpembagi and isinstance(r["penyebut"], str) else None,
             # indikator rasio: bidang mengisi pembilang dan penyebut, realisasi dihitung saat impor (core.rumus);
             # indikator cacah/skor: satu nilai
             "_dapat_diisi": (({"pembilang", "penyebut", "sumber"} if berpembagi else {"realisasi", "sumber"})
                              if asal == "isian" else False)}
        if asal != "isian":
            b["keterangan"] = ASAL_LAIN.get(asal, "Dihitung dari data lain.")
        else:
            sub = real[real["kode"] == kode]
            lalu_tp = _periode_lalu(sub, tahun, periode)
            if lalu_tp:
                rl = _pilih(sub, *lalu_tp).iloc[-1]
                b["realisasi_lalu"] = nilai_polos(rl["realisasi"])
                b["periode_lalu"] = _teks_periode(lalu_tp)
            ini = _pilih(sub, tahun, periode)
            if not ini.empty:
                b["realisasi"] = nilai_polos(ini.iloc[-1]["realisasi"])
                for k in ("pembilang", "penyebut"):
                    if berpembagi and pd.notna(ini.iloc[-1].get(k)):
                        b[k] = nilai_polos(ini.iloc[-1][k])
                b["sumber"] = ini.iloc[-1]["sumber"] if isinstance(ini.iloc[-1]["sumber"], str) else None
        baris.append(b)
    return baris


def _baris_sakip(tahun: int, periode: str, folder: Path | None) -> list[dict]:
    ind = _muat("indikator", folder)
    iku = ind[ind["realisasi_dari"] == "nilai_sakip"]
    nama = iku["nama"].iloc[0] if not iku.empty else "Nilai SAKIP"
    kode = iku["kode"].iloc[0] if not iku.empty else None
    sumber_bawaan = iku["sumber_data"].iloc[0] if not iku.empty and isinstance(iku["sumber_data"].iloc[0], str) else None
    df = _muat("sakip", folder)
    b = {"indikator": nama, "target": _target_tahun(folder, tahun).get(kode) if kode else None, "sumber": sumber_bawaan}
    lalu_tp = _periode_lalu(df, tahun, periode)
    if lalu_tp:
        b["nilai_lalu"] = nilai_polos(_pilih(df, *lalu_tp).iloc[-1]["nilai"])
        b["periode_lalu"] = _teks_periode(lalu_tp)
    ini = _pilih(df, tahun, periode)
    if not ini.empty:
        b["nilai"] = nilai_polos(ini.iloc[-1]["nilai"])
        b["sumber"] = ini.iloc[-1]["sumber"]
    return [b]


def _target_spm(folder: Path | None, tahun: int) -> pd.DataFrame:
    """Target SPM tahun ``tahun`` (Tabel 4.3); NSPK dari tahun terdekat bila tahun itu tidak ada."""
    t = _muat("spm_target", folder)
    hasil = {}
    for no, sub in t.groupby("no"):
        sub = sub.sort_values("tahun")
        persis = sub[sub["tahun"] == tahun]
        sebelum = sub[sub["tahun"] <= tahun]
        nspk = (persis if not persis.empty else sebelum if not sebelum.empty else sub.iloc[:1]).iloc[-1]["target_nspk"]
        hasil[int(no)] = {"target_penerima": nilai_polos(persis["target_penerima"].iloc[0]) if not persis.empty else None,
                          "target_nspk": nilai_polos(nspk)}
    return hasil


def _per_no_spm(df: pd.DataFrame, tahun: int) -> tuple:
    """(tahun lalu yang ada, baris tahun lalu per no layanan, baris ``tahun`` per no layanan) dari tabel SPM."""
    lalu_tp = _periode_lalu(df, tahun, None)
    lalu = {int(r["no"]): r for _, r in (_pilih(df, lalu_tp[0]) if lalu_tp else df.iloc[0:0]).iterrows()}
    ini = {int(r["no"]): r for _, r in _pilih(df, tahun).iterrows()}
    return lalu_tp, lalu, ini


def _baris_spm(tahun: int, periode: str, folder: Path | None) -> list[dict]:
    lay = _muat("spm_layanan", folder).sort_values("no")
    real = _muat("spm_realisasi", folder)
    target = _target_spm(folder, tahun)
    lalu_tp, lalu, ini = _per_no_spm(real, tahun)
    baris = []
    for _, r in lay.iterrows():
        no = int(r["no"])
        t = target.get(no, {})
        b = {"no": no, "jenis_pelayanan": r["jenis_pelayanan"], "indikator": r["indikator"], "kode_ikk": r["kode_ikk"],
             "target_penerima": t.get("target_penerima"), "target_nspk": t.get("target_nspk")}
        if no in lalu:
            b.update(penerima_lalu=nilai_polos(lalu[no]["penerima"]), realisasi_lalu=nilai_polos(lalu[no]["realisasi"]), tahun_lalu=lalu_tp[0])
        if no in ini:
            i = ini[no]
            b.update(jenis_pelayanan=i["jenis_pelayanan"], indikator=i["indikator"], target_nspk=nilai_polos(i["target_nspk"]),
                     penerima=nilai_polos(i["penerima"]), realisasi=nilai_polos(i["realisasi"]))
        if b["target_nspk"] is None:
            b["target_nspk"] = nilai_polos(real["target_nspk"].iloc[-1]) if not real.empty else None
        baris.append(b)
    return baris


def _baris_spm_mutu(tahun: int, periode: str, folder: Path | None) -> list[dict]:
    lay = _muat("spm_layanan", folder).sort_values("no")
    mutu = _muat("spm_mutu", folder)
    lalu_tp, lalu, ini = _per_no_spm(mutu, tahun)
    baris = []
    for _, r in lay.iterrows():
        no = int(r["no"])
        b = {"no": no, "jenis_pelayanan": r["jenis_pelayanan"]}
        if no in lalu:
            b.update(mutu_lalu=nilai_polos(lalu[no]["mutu"]), tahun_lalu=lalu_tp[0])
        if no in ini:
            b["mutu"] = nilai_polos(ini[no]["mutu"])
        baris.append(b)
    return baris


def _baris_tahunan(nama: str, kunci: tuple[str, ...], isian: tuple[str, ...], lalu_kolom: tuple[str, ...],
                   isian_dari_lalu: tuple[str, ...] = ()) -> Callable:
    """Penyusun baris untuk tabel tahunan BAB II (kunci tanpa tahun, isian, nilai tahun lalu)."""

    def susun(tahun: int, periode: str, folder: Path | None) -> list[dict]:
        df = _muat(nama, folder)
        ini = _pilih(df, tahun)
        lalu_tp = _periode_lalu(df, tahun, None)
        lalu = _pilih(df, lalu_tp[0]) if lalu_tp else df.iloc[0:0]
        if not ini.empty:
            dasar = ini
        elif not lalu.empty:
            dasar = lalu
        elif not df.empty:
            dasar = _pilih(df, int(df["tahun"].max()))
        else:
            dasar = df
        cocok = tuple(c for c in kunci)

        def kunci_baris(r):
            return tuple(nilai_polos(r[c]) for c in cocok)

        cari_lalu = {kunci_baris(r): r for _, r in lalu.iterrows()}
        cari_ini = {kunci_baris(r): r for _, r in ini.iterrows()}
        baris = []
        for _, r in dasar.iterrows():
            k = kunci_baris(r)
            b = {c: nilai_polos(r[c]) for c in kunci}
            if k in cari_lalu:
                b["tahun_lalu"] = lalu_tp[0]
                for c in lalu_kolom:
                    b[f"{c}_lalu"] = nilai_polos(cari_lalu[k][c])
                for c in isian_dari_lalu:
                    b[c] = nilai_polos(cari_lalu[k][c])
            if k in cari_ini:
                for c in isian:
                    b[c] = nilai_polos(cari_ini[k][c])
            baris.append(b)
        if not baris:  # tabel tanpa kunci (mis. LKS): satu baris kosong
            baris.append({})
        return baris

    return susun


K = KolomLembar

LEMBAR: tuple[Lembar, ...] = (
    Lembar(
        "PPKS per PAS", "ppks_pas", "PPKS per PAS (Pemerlu Atensi Sosial) yang terdata dan tertangani",
        "Bidang penanggung jawab teknis pada kolom 'Bidang'",
        "Jumlah jiwa kumulatif sampai dengan akhir periode (Tabel 2.5). Tertangani tidak boleh melebihi terdata. "
        "Tulis 'tdk ada' bila kategori itu tidak ada di daerah (bukan nol).",
        (K("pas_no", "No PAS", "kunci", "pas_no", lebar=8), K("pas", "PAS", "kunci", "pas", lebar=30, bungkus=True),
         K("jenis", "Jenis PPKS", "kunci", "jenis", lebar=36, bungkus=True), K("bidang", "Bidang", "kunci", "bidang", lebar=22, bungkus=True),
         K("periode_lalu", "Periode lalu", lebar=16), K("terdata_lalu", "Terdata periode lalu", format="#,##0"),
         K("tertangani_lalu", "Tertangani periode lalu", format="#,##0"),
         K("terdata", "Terdata (jiwa)", "isian", "terdata", "cacah_tdk", format="#,##0"),
         K("tertangani", "Tertangani (jiwa)", "isian", "tertangani", "cacah_tdk", batas="terdata", format="#,##0")),
        ("tahun", "periode"), _baris_ppks,
    ),
    Lembar(
        "Realisasi IKU-IKK", "realisasi", "Realisasi Indikator Kinerja Utama (IKU) dan Indikator Kinerja Kunci (IKK)",
        "Setiap bidang, untuk indikator pada kolom 'Penanggung jawab'",
        "Indikator persentase/rasio: isi pembilang dan penyebut yang disebut Definisi Operasionalnya (Tabel 4.4 dan "
        "4.5); realisasi dihitung otomatis saat impor (pembilang / penyebut × 100). Indikator jumlah atau nilai: isi "
        "kolom Realisasi. Semua sampai dengan akhir periode. Baris abu-abu dihitung dari lembar lain.",
        (K("kode", "Kode", "kunci", "kode", lebar=9), K("jenis", "Jenis", lebar=7), K("nama", "Indikator", lebar=48, bungkus=True),
         K("satuan", "Satuan", lebar=8), K("polaritas", "Polaritas", lebar=10),
         K("penanggung_jawab", "Penanggung jawab", lebar=24, bungkus=True), K("target", "Target {tahun}", lebar=11),
         K("periode_lalu", "Periode lalu", lebar=16), K("realisasi_lalu", "Realisasi periode lalu", lebar=12),
         K("pembilang_do", "Pembilang (Definisi Operasional)", lebar=34, bungkus=True),
         K("pembilang", "Pembilang", "isian", "pembilang", "desimal", lebar=12),
         K("penyebut_do", "Penyebut (Definisi Operasional)", lebar=34, bungkus=True),
         K("penyebut", "Penyebut", "isian", "penyebut", "desimal", lebar=12),
         K("realisasi", "Realisasi", "isian", "realisasi", "desimal", lebar=12),
         K("sumber", "Sumber data", "isian", "sumber", penentu=False, lebar=28, bungkus=True),
         K("keterangan", "Keterangan", lebar=40, bungkus=True), K("rumus", "Rumus (Definisi Operasional)", lebar=60, bungkus=True)),
        ("tahun", "periode"), _baris_realisasi,
    ),
    Lembar(
        "SAKIP", "sakip", "Nilai hasil evaluasi SAKIP",
        "Sekretariat, dari Laporan Hasil Evaluasi (LHE) SAKIP oleh APIP",
        "Nilai hasil evaluasi SAKIP 0–100 (predikat dihitung otomatis menurut PermenPANRB 88/2021).",
        (K("indikator", "Indikator", lebar=30, bungkus=True), K("target", "Target {tahun}", lebar=11),
         K("periode_lalu", "Periode lalu", lebar=16), K("nilai_lalu", "Nilai periode lalu", lebar=12),
         K("nilai", "Nilai SAKIP", "isian", "nilai", "nilai100", lebar=12),
         K("sumber", "Sumber data", "isian", "sumber", penentu=False, lebar=50, bungkus=True)),
        ("tahun", "periode"), _baris_sakip,
    ),
    Lembar(
        "SPM Penerima", "spm_realisasi", "Realisasi SPM bidang sosial: penerima layanan dasar (Tabel 2.10)",
        "Bidang penanggung jawab IKK pada kolom 'Kode IKK'",
        "Jumlah warga negara penerima layanan dasar dalam setahun dan persentase realisasi capaiannya (Tabel 2.10).",
        (K("no", "No", "kunci", "no", lebar=6), K("jenis_pelayanan", "Jenis pelayanan dasar", "kunci", "jenis_pelayanan", lebar=40, bungkus=True),
         K("indikator", "Indikator pencapaian", "kunci", "indikator", lebar=44, bungkus=True), K("kode_ikk", "Kode IKK", lebar=9),
         K("target_penerima", "Target penerima {tahun}", format="#,##0"),
         K("target_nspk", "Target NSPK (%)", "kunci", "target_nspk", lebar=11),
         K("tahun_lalu", "Tahun lalu", lebar=9), K("penerima_lalu", "Penerima tahun lalu", format="#,##0"),
         K("realisasi_lalu", "Realisasi tahun lalu (%)", lebar=12),
         K("penerima", "Jumlah penerima layanan", "isian", "penerima", "cacah", format="#,##0"),
         K("realisasi", "Realisasi capaian (%)", "isian", "realisasi", "persen100", lebar=12)),
        ("tahun",), _baris_spm, tahunan=True,
    ),
    Lembar(
        "SPM Mutu", "spm_mutu", "Mutu minimal layanan dasar SPM (barang/jasa dan SDM)",
        "Bidang penanggung jawab layanan SPM",
        "Persentase pemenuhan mutu minimal layanan dasar (0–100). Indeks SPM = 80 % penerima + 20 % mutu "
        "(Permendagri 59/2021).",
        (K("no", "No", "kunci", "no", lebar=6), K("jenis_pelayanan", "Jenis pelayanan dasar", lebar=50, bungkus=True),
         K("tahun_lalu", "Tahun lalu", lebar=9), K("mutu_lalu", "Mutu tahun lalu (%)", lebar=12),
         K("mutu", "Mutu layanan (%)", "isian", "mutu", "persen100", lebar=12)),
        ("tahun",), _baris_spm_mutu, tahunan=True,
    ),
    Lembar(
        "PSKS", "psks", "Potensi dan Sumber Kesejahteraan Sosial (Tabel 2.6)",
        "Bidang terkait (lihat kolom 'Sumber data')",
        "Jumlah PSKS dan jumlah yang bersertifikat kompetensi/akreditasi; bersertifikat tidak boleh melebihi jumlah.",
        (K("no", "No", "kunci", "no", lebar=6), K("jenis", "Jenis PSKS", "kunci", "jenis", lebar=44, bungkus=True),
         K("tahun_lalu", "Tahun lalu", lebar=9), K("jumlah_lalu", "Jumlah tahun lalu", format="#,##0"),
         K("bersertifikat_lalu", "Bersertifikat tahun lalu", format="#,##0"),
         K("jumlah", "Jumlah", "isian", "jumlah", "cacah", format="#,##0"),
         K("bersertifikat", "Bersertifikat / terakreditasi", "isian", "bersertifikat", "cacah", batas="jumlah", format="#,##0"),
         K("sumber_data", "Sumber data", "isian", "sumber_data", penentu=False, lebar=36, bungkus=True)),
        ("tahun",), _baris_tahunan("psks", ("no", "jenis"), ("jumlah", "bersertifikat", "sumber_data"), ("jumlah", "bersertifikat"),
                                   isian_dari_lalu=("sumber_data",)), tahunan=True,
    ),
    Lembar(
        "LKS", "lks", "Jumlah Lembaga Kesejahteraan Sosial (Tabel 2.7)",
        "Bidang terkait",
        "Jumlah lembaga kesejahteraan sosial yang terdaftar pada tahun itu.",
        (K("tahun_lalu", "Tahun lalu", lebar=9), K("jumlah_lalu", "Jumlah tahun lalu", format="#,##0"),
         K("jumlah", "Jumlah LKS", "isian", "jumlah", "cacah", format="#,##0")),
        ("tahun",), _baris_tahunan("lks", (), ("jumlah",), ("jumlah",)), tahunan=True,
    ),
    Lembar(
        "SDM Kesos", "sdm_kesos", "Data SDM Kesejahteraan Sosial (Tabel 2.3)",
        "Bidang terkait",
        "Jumlah orang per jenis SDM kesejahteraan sosial.",
        (K("kelompok_no", "Kelompok", "kunci", "kelompok_no", lebar=9), K("kelompok", "Nama kelompok", "kunci", "kelompok", lebar=34, bungkus=True),
         K("no", "No", "kunci", "no", lebar=6), K("jenis", "Jenis", "kunci", "jenis", lebar=44, bungkus=True),
         K("tahun_lalu", "Tahun lalu", lebar=9), K("jumlah_lalu", "Jumlah tahun lalu", format="#,##0"),
         K("jumlah", "Jumlah (orang)", "isian", "jumlah", "cacah", format="#,##0")),
        ("tahun",), _baris_tahunan("sdm_kesos", ("kelompok_no", "kelompok", "no", "jenis"), ("jumlah",), ("jumlah",)), tahunan=True,
    ),
    Lembar(
        "Aset", "aset", "Sarana prasarana: nilai aset tetap (Tabel 2.4)",
        "Sekretariat (pengelola barang milik daerah)",
        "Nilai aset tetap per klasifikasi dalam rupiah.",
        (K("kelompok_no", "Kelompok", "kunci", "kelompok_no", lebar=9), K("kelompok", "Nama kelompok", "kunci", "kelompok", lebar=30, bungkus=True),
         K("klasifikasi", "Klasifikasi", "kunci", "klasifikasi", lebar=36, bungkus=True),
         K("tahun_lalu", "Tahun lalu", lebar=9), K("nilai_lalu", "Nilai tahun lalu (Rp)", lebar=18, format="#,##0.00"),
         K("nilai", "Nilai (Rp)", "isian", "nilai", "rupiah", lebar=18, format="#,##0.00")),
        ("tahun",), _baris_tahunan("aset", ("kelompok_no", "kelompok", "klasifikasi"), ("nilai",), ("nilai",)), tahunan=True,
    ),
    Lembar(
        "Kemiskinan", "kemiskinan", "Data kemiskinan (Tabel 2.8)",
        "Sekretariat, dari rilis BPS",
        "Nilai indikator kemiskinan tahun itu (persen, desimal boleh).",
        (K("indikator", "Indikator", "kunci", "indikator", lebar=36, bungkus=True), K("satuan", "Satuan", "kunci", "satuan", lebar=9),
         K("tahun_lalu", "Tahun lalu", lebar=9), K("nilai_lalu", "Nilai tahun lalu", lebar=12),
         K("nilai", "Nilai", "isian", "nilai", "persen100", lebar=12)),
        ("tahun",), _baris_tahunan("kemiskinan", ("indikator", "satuan"), ("nilai",), ("nilai",)), tahunan=True,
    ),
)


def lembar_untuk(periode: str) -> list[Lembar]:
    """Lembar isian templat periode ``periode``.

    Templat triwulanan/semesteran hanya memuat data yang dilaporkan per
    periode (berkasnya memiliki kolom ``periode``); data tahunan hanya ada di
    templat ``Tahunan``.

    >>> [l.data for l in lembar_untuk("Tahunan")][:4]
    ['ppks_pas', 'realisasi', 'sakip', 'spm_realisasi']
    """
    return [l for l in LEMBAR if periode == "Tahunan" or not l.tahunan]


def baris_lembar(lembar: Lembar, tahun: int, periode: str, folder: Path | None = None) -> list[dict]:
    """Baris lembar (kolom ``id`` → nilai) dari data saat ini.

    >>> b = baris_lembar(LEMBAR[0], 2026, "Tahunan")
    >>> len(b), b[0]["jenis"], b[0]["periode_lalu"], b[-1]["terdata_lalu"]
    (28, 'Balita terlantar', 'Triwulan I 2025', 40241)
    """
    return lembar.baris(tahun, periode, folder)


# ----------------------------------------------------------------------------
# menulis buku kerja


def _periksa_periode(tahun, periode: str | None) -> tuple[int, str]:
    try:
        tahun = int(tahun)
    except (TypeError, ValueError):
        raise KesalahanParameter(f"tahun harus bilangan bulat, bukan {tahun!r}") from None
    if not 2000 <= tahun <= 2100:
        raise KesalahanParameter(f"tahun harus antara 2000 dan 2100, bukan {tahun}")
    periode = periode or "Tahunan"
    if periode not in PERIODE:
        raise KesalahanParameter(f"periode {periode!r} tidak dikenal; harus salah satu dari: " + ", ".join(PERIODE))
    return tahun, periode


def _validasi(ws, lembar: Lembar, k: KolomLembar, huruf: str, baris_awal: int, baris_akhir: int, kolom_huruf: dict[str, str]) -> None:
    jenis, operator, f1, f2, pesan = VALIDASI[k.validasi]
    sel = f"{huruf}{baris_awal}"
    if jenis == "custom":
        angka = f"AND(ISNUMBER({sel}),{sel}>=0,{sel}=INT({sel}))"
        if k.batas:
            b = f"{kolom_huruf[k.batas]}{baris_awal}"
            angka = f"AND(ISNUMBER({sel}),{sel}>=0,{sel}=INT({sel}),OR(NOT(ISNUMBER({b})),{sel}<={b}))"
        f1 = f'OR({angka},LOWER(TRIM({sel}))="{TIDAK_ADA}")'
    elif k.batas:
        b = f"{kolom_huruf[k.batas]}{baris_awal}"
        jenis, operator, f1 = "custom", None, f"AND(ISNUMBER({sel}),{sel}>=0,{sel}=INT({sel}),OR(NOT(ISNUMBER({b})),{sel}<={b}))"
    if k.batas:
        pesan += f" Tidak boleh melebihi kolom '{next(x.judul for x in lembar.kolom if x.id == k.batas)}'."
    # Batas Excel: judul 32 karakter, pesan masukan 255, pesan galat 225.
    dv = DataValidation(type=jenis, operator=operator, formula1=f1, formula2=f2, allow_blank=True,
                        showErrorMessage=True, showInputMessage=True, errorStyle="stop",
                        errorTitle="Isian tidak sah", error=pesan[:225], promptTitle=k.judul[:32], prompt=pesan[:255])
    dv.add(f"{huruf}{baris_awal}:{huruf}{baris_akhir}")
    ws.add_data_validation(dv)


def _lindungi(ws) -> None:
    # Tanpa kata sandi: mencegah salah ketik, bukan pengamanan. Lebar kolom/tinggi baris boleh diubah.
    ws.protection = SheetProtection(sheet=True, formatColumns=False, formatRows=False, selectLockedCells=False, selectUnlockedCells=False)


def kunci_baris(lembar: Lembar, nilai: dict) -> tuple[str, ...]:
    """Identitas satu baris lembar: teks setiap kolom ``kunci`` (dicatat di ``_templat``, dicocokkan saat impor).

    >>> kunci_baris(LEMBAR[0], {"pas_no": 1, "pas": "Anak", "jenis": "Balita terlantar", "bidang": "Rehsos"})
    ('1', 'Anak', 'Balita terlantar', 'Rehsos')
    """
    hasil = []
    for k in lembar.kolom:
        if k.peran != "kunci":
            continue
        v = nilai_polos(nilai.get(k.id))
        hasil.append("" if v is None else str(v).strip())
    return tuple(hasil)


#: Awal teks yang dapat ditafsirkan sebagai rumus oleh Excel/LibreOffice (injeksi rumus/DDE).
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def jadikan_teks(ws) -> int:
    """Pastikan tidak ada sel berumus atau teks yang dapat menjadi rumus di lembar ``ws``.

    Templat proyek tidak menaruh rumus di sel mana pun (validasi data bukan
    sel). Teks dari ``data/`` yang diawali ``=``, ``+``, ``-``, ``@``, tab atau CR
    disimpan sebagai teks dengan awalan kutip (``quotePrefix``) sehingga
    Excel/LibreOffice tidak pernah menjalankannya, juga setelah selnya disunting.
    Mengembalikan jumlah sel yang diubah.

    >>> from openpyxl import Workbook
    >>> ws = Workbook().active
    >>> ws["A1"] = '=HYPERLINK("http://x"&A2,"Data")'
    >>> ws["A1"].data_type
    'f'
    >>> jadikan_teks(ws), ws["A1"].data_type, ws["A1"].value[:10], ws["A1"].quotePrefix
    (1, 's', '=HYPERLINK', True)
    """
    n = 0
    for baris in ws.iter_rows():
        for c in baris:
            if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith(AWALAN_RUMUS)):
                teks = str(c.value)
                c.value = None
                c._value = teks
                c.data_type = "s"
                c.quotePrefix = True
                n += 1
    return n


def _tulis_lembar(wb: Workbook, lembar: Lembar, tahun: int, periode: str, folder: Path | None, instansi: dict) -> list[tuple]:
    ws = wb.create_sheet(lembar.nama)
    baris = baris_lembar(lembar, tahun, periode, folder)
    kolom = lembar.kolom
    huruf = {k.id: get_column_letter(i) for i, k in enumerate(kolom, start=1)}
    ws["A1"] = f"{lembar.judul} — {label_periode(tahun, periode)}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"{instansi.get('nama_lengkap', '')}. Diisi oleh: {lembar.pengisi}."
    ws["A3"] = lembar.keterangan + " Isi hanya sel berwarna kuning; baris yang seluruh isiannya kosong tidak diimpor."
    ws["A3"].font = Font(italic=True, color="595959")
    for i, k in enumerate(kolom, start=1):
        c = ws.cell(BARIS_JUDUL_KOLOM, i, judul_kolom(k, tahun, periode))
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = _KEPALA
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        c.border = _BINGKAI
        ws.column_dimensions[huruf[k.id]].width = k.lebar
    ws.row_dimensions[BARIS_JUDUL_KOLOM].height = 45
    for j, b in enumerate(baris):
        r = BARIS_DATA + j
        dapat_baris = b.get("_dapat_diisi", True)
        for i, k in enumerate(kolom, start=1):
            # True/False untuk seluruh baris, atau himpunan id kolom isian yang boleh diisi di baris itu
            dapat = dapat_baris if isinstance(dapat_baris, bool) else (k.id in dapat_baris or k.peran != "isian")
            c = ws.cell(r, i, nilai_polos(b.get(k.id)))
            c.border = _BINGKAI
            c.alignment = Alignment(wrap_text=k.bungkus, vertical="top")
            if k.format:
                c.number_format = k.format
            if k.peran == "isian" and dapat:
                c.fill = _KUNING
                c.protection = Protection(locked=False)
            elif k.peran == "isian" or not dapat:
                c.fill = _ABU
                if not dapat:
                    c.font = Font(color="7F7F7F")
    akhir = BARIS_DATA + max(len(baris), 1) - 1
    for k in lembar.kolom_isian():
        if k.validasi:
            _validasi(ws, lembar, k, huruf[k.id], BARIS_DATA, akhir, huruf)
    ws.freeze_panes = ws.cell(BARIS_DATA, 1)
    jadikan_teks(ws)
    _lindungi(ws)
    return [kunci_baris(lembar, b) for b in baris]


_PETUNJUK_UMUM = (
    "Isi hanya sel berwarna kuning. Sel lain terkunci: nama indikator, satuan, target, bidang penanggung jawab dan "
    "nilai periode lalu hanya sebagai pembanding.",
    "Realisasi diisi kumulatif sampai dengan akhir periode templat (realisasi s.d. periode). Capaian triwulanan "
    "dibandingkan dengan target tahunan, seperti dalam dokumen IKU.",
    "Tulis angka sebagai angka biasa (mis. 40241 atau 95,76 sesuai pengaturan desimal Excel), tanpa tanda %, "
    "tanpa 'Rp' dan tanpa satuan.",
    "Baris yang seluruh sel isiannya kosong tidak diimpor dan datanya yang lama tidak diubah. Isi semua sel isian "
    "sebuah baris sekaligus.",
    "Lembar PPKS: tulis 'tdk ada' bila kategori PPKS itu tidak ada di daerah (bukan nol). Tertangani tidak boleh "
    "melebihi terdata.",
    "Persen (realisasi SPM, mutu layanan) dan nilai SAKIP diisi 0–100. Bersertifikat tidak boleh melebihi jumlah.",
    "Jangan mengganti nama lembar, mengubah judul kolom, atau menyisipkan baris dan kolom. Perlindungan lembar tidak "
    "berkata sandi; bila terpaksa dibuka, kunci kembali sebelum dikirim.",
    "Baris abu-abu pada lembar realisasi dihitung otomatis dari lembar lain (PPKS, SAKIP, SPM) dan tidak diisi.",
)

_PETUNJUK_IMPOR = (
    "Periksa dulu: iku impor BERKAS.xlsx --coba  (menampilkan baris yang akan ditambah dan diubah, tanpa menulis).",
    "Tulis ke data/: iku impor BERKAS.xlsx  (hanya bila seluruh buku kerja sah; bila ada satu kesalahan, tidak ada "
    "berkas yang diubah).",
    "Pesan kesalahan menyebut lembar, baris, kolom, nilai dan aturan yang dilanggar. Perbaiki lalu impor ulang; "
    "mengimpor buku kerja yang sama dua kali tidak mengubah apa pun pada kali kedua.",
    "Baris yang dihapus, disisipkan, dipindah atau kolom terkunci yang diketik ulang ditolak (templat mencatat setiap "
    "baris). Nilai yang berbeda lebih dari 10 kali lipat dari periode lalu ditolak sampai diperiksa; bila memang benar: "
    "iku impor BERKAS.xlsx --terima-lonjakan.",
)


def _tulis_petunjuk(ws, tahun: int, periode: str, lembar: list[Lembar], jumlah: dict[str, int], instansi: dict) -> None:
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 48
    ws["A1"] = f"Petunjuk Pengisian Templat Realisasi — {instansi.get('nama_lengkap', '')}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"Periode: {label_periode(tahun, periode)}"
    ws["A2"].font = Font(bold=True)
    r = 4
    ws.cell(r, 1, "Lembar").font = Font(bold=True)
    ws.cell(r, 2, "Isi").font = Font(bold=True)
    ws.cell(r, 3, "Diisi oleh").font = Font(bold=True)
    for l in lembar:
        r += 1
        ws.cell(r, 1, l.nama)
        ws.cell(r, 2, f"{l.judul} ({jumlah.get(l.nama, 0)} baris). {l.keterangan}").alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 3, l.pengisi).alignment = Alignment(wrap_text=True, vertical="top")
    if periode != "Tahunan":
        r += 1
        ws.cell(r, 1, "Catatan")
        ws.cell(r, 2, "Templat triwulanan/semesteran hanya memuat data yang dilaporkan per periode. SPM, mutu SPM, "
                      "PSKS, LKS, SDM Kesos, aset dan kemiskinan diisi pada templat tahunan.").alignment = Alignment(wrap_text=True)
    r = _daftar_bernomor(ws, r + 2, "Cara mengisi", _PETUNJUK_UMUM)
    r += 2
    ws.cell(r, 1, "Keterangan warna").font = Font(bold=True)
    r += 1
    ws.cell(r, 1, "kuning").fill = _KUNING
    ws.cell(r, 2, "sel isian (tidak terkunci, bervalidasi)")
    r += 1
    ws.cell(r, 1, "abu-abu").fill = _ABU
    ws.cell(r, 2, "tidak diisi di lembar ini (dihitung otomatis atau diisi di lembar lain)")
    _daftar_bernomor(ws, r + 2, "Cara mengimpor", _PETUNJUK_IMPOR)
    _lindungi(ws)


def _daftar_bernomor(ws, r: int, judul: str, butir) -> int:
    """Judul tebal di baris ``r`` lalu butir bernomor di bawahnya (kolom A nomor, B teks); kembalikan baris terakhir."""
    ws.cell(r, 1, judul).font = Font(bold=True)
    for i, t in enumerate(butir, start=1):
        r += 1
        ws.cell(r, 1, f"{i}.")
        ws.cell(r, 2, t).alignment = Alignment(wrap_text=True, vertical="top")
    return r


def _tulis_meta(wb: Workbook, tahun: int, periode: str, lembar: list[Lembar], kunci: dict[str, list[tuple]]) -> None:
    """Lembar tersembunyi ``_templat``: jenis, versi, periode, lembar, dan identitas setiap baris data.

    Baris ``("baris", lembar, nomor baris Excel, kunci...)`` mencatat urutan dan
    kunci (kolom terkunci seperti No PAS dan Jenis PPKS) setiap baris; impor
    menolak lembar yang barisnya dihapus, disisipkan, dipindah atau kuncinya
    diketik ulang.
    """
    ws = wb.create_sheet(LEMBAR_META)
    isi = [("jenis", JENIS_TEMPLAT), ("versi", VERSI), ("tahun", tahun), ("periode", periode),
           ("dibuat", _dt.date.today().isoformat())]
    isi += [("lembar", l.nama, l.data) for l in lembar]
    for l in lembar:
        isi += [("baris", l.nama, BARIS_DATA + j, *k) for j, k in enumerate(kunci.get(l.nama, []))]
    for baris in isi:
        ws.append([str(v) if i >= 3 else v for i, v in enumerate(baris)])
    jadikan_teks(ws)
    ws.sheet_state = "veryHidden"
    _lindungi(ws)


def _periksa_keluaran(jalur: Path, timpa: bool) -> None:
    if jalur.suffix.lower() != ".xlsx":
        raise KesalahanParameter(f"--keluaran {str(jalur)[:200]!r}: templat hanya ditulis ke berkas berakhiran .xlsx")
    if jalur.is_dir():
        raise KesalahanParameter(f"--keluaran {str(jalur)[:200]!r}: jalur itu sebuah folder; beri nama berkas .xlsx")
    if jalur.exists() and not timpa:
        raise KesalahanParameter(f"{str(jalur)[:200]} sudah ada (mungkin isian yang belum diimpor); tidak ditimpa. "
                                 "Pakai --keluaran dengan nama lain, atau --timpa untuk menimpanya")
    if jalur.parent.exists() and not jalur.parent.is_dir():
        raise KesalahanParameter(f"--keluaran {str(jalur)[:200]!r}: {jalur.parent} bukan folder")


def buat_templat(tahun: int, periode: str | None = None, keluaran: str | Path | None = None,
                 folder: Path | None = None, timpa: bool = False) -> Path:
    """Tulis templat isian realisasi ``tahun``/``periode`` dan kembalikan jalurnya.

    Parameters
    ----------
    tahun : int
        Tahun realisasi yang diisi.
    periode : str, optional
        ``"Tahunan"`` (bawaan) atau ``"Triwulan I"`` … ``"Semester II"``.
    keluaran : path, optional
        Berkas tujuan; bawaan :func:`nama_berkas_bawaan` di folder kerja.
    folder : Path, optional
        Folder ``data/`` (bawaan :func:`analisis.core.paths.folder_data`).
    timpa : bool
        Berkas ``keluaran`` yang sudah ada hanya ditimpa bila ``True``; keluaran
        harus berakhiran ``.xlsx``. Berkas ditulis ke berkas sementara lalu
        diganti atomik.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> with tempfile.TemporaryDirectory() as d:
    ...     wb = openpyxl.load_workbook(buat_templat(2026, "Triwulan II", pathlib.Path(d) / "t.xlsx"))
    ...     wb.sheetnames, wb["PPKS per PAS"]["H5"].protection.locked, wb["PPKS per PAS"]["C5"].protection.locked
    (['Petunjuk', 'PPKS per PAS', 'Realisasi IKU-IKK', 'SAKIP', '_templat'], False, True)
    """
    tahun, periode = _periksa_periode(tahun, periode)
    jalur = Path(keluaran) if keluaran else Path.cwd() / nama_berkas_bawaan(tahun, periode)
    _periksa_keluaran(jalur, timpa)
    lembar = lembar_untuk(periode)
    inst = data.instansi(folder)
    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = LEMBAR_PETUNJUK
    kunci = {l.nama: _tulis_lembar(wb, l, tahun, periode, folder, inst) for l in lembar}
    _tulis_petunjuk(petunjuk, tahun, periode, lembar, {n: len(k) for n, k in kunci.items()}, inst)
    jadikan_teks(petunjuk)
    _tulis_meta(wb, tahun, periode, lembar, kunci)
    wb.active = 0
    # Struktur buku kerja dikunci (tanpa kata sandi): lembar tidak dapat dihapus atau diganti nama.
    wb.security = WorkbookProtection(lockStructure=True)
    return simpan_buku_kerja(wb, jalur, timpa)


def simpan_buku_kerja(wb: Workbook, jalur: Path, timpa: bool) -> Path:
    """Simpan ``wb`` ke ``jalur`` lewat berkas sementara yang diganti atomik; tidak menimpa tanpa ``timpa``.

    Jalur diperiksa dengan aturan keluaran templat (hanya ``.xlsx``, bukan folder,
    berkas yang ada hanya ditimpa dengan ``timpa``) sebelum apa pun ditulis.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     j = simpan_buku_kerja(Workbook(), pathlib.Path(d) / "a.xlsx", timpa=False)
    ...     try:
    ...         simpan_buku_kerja(Workbook(), j, timpa=False)
    ...     except KesalahanParameter as e:
    ...         print("tidak ditimpa" in str(e))
    True
    """
    jalur = Path(jalur)
    _periksa_keluaran(jalur, timpa)
    jalur.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=jalur.parent, prefix=f".{jalur.name}.", suffix=".tmp")
    os.close(fd)
    try:
        wb.save(sementara)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(sementara, 0o666 & ~umask)
        if jalur.exists() and not timpa:  # dibuat orang lain sementara itu
            raise KesalahanParameter(f"{jalur} sudah ada; tidak ditimpa (pakai --timpa)")
        os.replace(sementara, jalur)
    finally:
        Path(sementara).unlink(missing_ok=True)
    return jalur
