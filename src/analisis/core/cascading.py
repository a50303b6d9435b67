"""Cascading (penjenjangan) kinerja: skema ``data/cascading.csv`` dan aturan validasinya.

Satu baris per simpul pada lima tingkat Renstra — tujuan → sasaran → program →
kegiatan → sub kegiatan — dengan induknya, kinerja, indikator, rumusan, satuan,
target per tahun (2025–2029, dan 2030 bila dicetak), penanggung jawab dan pagu
(opsional), serta tautan ke kode IKU/IKK (``data/indikator.csv``) dan ke
kondisi pohon kinerja (``data/pohon_kinerja.csv``). Sumber: Tabel 4.6
*Cascading (Penjenjangan) Kinerja* dokumen IKU (BAB III 4.3).

Aturan yang sama dipakai ``iku periksa`` (:func:`temuan`) dan impor buku kerja
cascading (:mod:`analisis.input.cascading`), dalam empat jenis:

``hierarki``
    induk ada dan tepat satu tingkat di atas (diperiksa juga oleh skema saat
    berkas dimuat); tujuan tanpa induk.
``satuan``
    target persen 0–100, target cacah (Paket, Dokumen, Unit, orang, …) bilangan
    bulat; tidak ada target negatif.
``rujukan``
    kode IKU/IKK ada di ``indikator.csv`` dengan jenis yang benar, kode pohon
    ada di ``pohon_kinerja.csv``, penanggung jawab adalah unit di
    ``organisasi.yaml``.
``kelengkapan``
    setiap simpul selain tujuan punya induk; indikator, rumusan, satuan dan
    target setiap tahun Renstra terisi; setiap IKU dilayani sebuah sasaran;
    setiap sasaran dilayani sedikitnya satu program; setiap sub kegiatan punya
    bidang penanggung jawab.

Hierarki, satuan dan rujukan selalu galat. Kelengkapan adalah galat ketika
buku kerja perencana diimpor (cascading yang diisi harus utuh), tetapi hanya
peringatan di ``iku periksa``: data yang dikirim memuat sel yang memang tidak
ada di dokumen sumber (lihat ``data/README.md``), dan dokumen tetap dapat
dirender dengan sel kosong.

Examples
--------
>>> from analisis.core import data
>>> df = data.muat("cascading")
>>> len(df), [int((df["tingkat"] == t).sum()) for t in TINGKAT]
(15, [1, 1, 1, 2, 10])
>>> sorted({p.jenis for p in periksa(df, **rujukan_data())})
['kelengkapan']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .kesalahan import Pelanggaran
from .skema import SKEMA as _SKEMA_DATA
from .skema import AturanBaris, Kolom, Skema

__all__ = [
    "TINGKAT", "NAMA_TINGKAT", "TAHUN", "TAHUN_TAMBAHAN", "SKEMA", "kolom_target", "Masalah", "periksa",
    "rujukan_data", "temuan", "adalah_persen", "urut_pra",
]

#: Lima tingkat cascading, dari atas.
TINGKAT = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
NAMA_TINGKAT = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program", "kegiatan": "Kegiatan",
                "sub_kegiatan": "Sub Kegiatan"}
#: Tahun Renstra yang wajib bertarget, dan tahun sesudahnya yang dicetak sumber untuk sub kegiatan.
TAHUN = (2025, 2026, 2027, 2028, 2029)
TAHUN_TAMBAHAN = (2030,)
#: Satuan yang targetnya boleh desimal (selain persen); satuan lain dianggap cacah (bilangan bulat).
SATUAN_DESIMAL = ("nilai", "indeks", "skor", "poin", "rasio")


def kolom_target(tahun: int) -> str:
    """Nama kolom target tahun ``tahun``.

    >>> kolom_target(2026)
    'target_2026'
    """
    return f"target_{int(tahun)}"


def adalah_persen(satuan) -> bool:
    """Satuan persen (``%`` atau ``persen``).

    >>> adalah_persen("%"), adalah_persen(" Persen "), adalah_persen("Paket"), adalah_persen(None)
    (True, True, False, False)
    """
    return isinstance(satuan, str) and satuan.strip().lower() in ("%", "persen")


def _adalah_desimal(satuan) -> bool:
    return isinstance(satuan, str) and satuan.strip().lower() in SATUAN_DESIMAL


def _kosong(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (not isinstance(v, str) and pd.isna(v))


_TINGKAT_KE = {t: i for i, t in enumerate(TINGKAT)}


def _induk_ada(df: pd.DataFrame) -> pd.Series:
    return df["induk"].isna() | df["induk"].isin(set(df["id"]))


def _induk_satu_tingkat(df: pd.DataFrame) -> pd.Series:
    tingkat = dict(zip(df["id"], df["tingkat"]))
    ok = []
    for i, t in zip(df["induk"], df["tingkat"]):
        if not isinstance(i, str) or i not in tingkat:
            ok.append(True)
        else:
            ok.append(_TINGKAT_KE.get(tingkat[i], -9) == _TINGKAT_KE.get(t, -9) - 1)
    return pd.Series(ok, index=df.index)


def _tujuan_tanpa_induk(df: pd.DataFrame) -> pd.Series:
    return (df["tingkat"] != "tujuan") | df["induk"].isna()


_KODE_DAFTAR = re.compile(r"^\s*(IKU|IKK)-\d{2}(\s*;\s*(IKU|IKK)-\d{2})*\s*$")


def _kode_daftar_sah(kolom: str) -> Callable:
    return lambda df: df[kolom].isna() | df[kolom].astype(str).str.match(_KODE_DAFTAR)

T = Kolom
#: Skema ``data/cascading.csv``; didaftarkan di :data:`analisis.core.skema.SKEMA`.
SKEMA = Skema(
    "cascading.csv", "Tabel 4.6 Cascading (Penjenjangan) Kinerja",
    (
        T("id"), T("tingkat", "pilihan", pilihan=TINGKAT), T("induk", wajib=False), T("no", wajib=False), T("nama"),
        T("sasaran", wajib=False), T("kinerja", wajib=False), T("indikator", wajib=False), T("rumusan", wajib=False),
        T("satuan", wajib=False),
        *(T(kolom_target(th), "bilangan", wajib=False, minimum=0) for th in TAHUN + TAHUN_TAMBAHAN),
        T("penanggung_jawab", wajib=False), T("pagu", "rupiah", wajib=False),
        T("kode_iku", wajib=False), T("kode_ikk", wajib=False), T("kode_pohon", wajib=False),
    ),
    ("id",),
    (
        AturanBaris("induk tidak ditemukan di kolom id", ("induk",), _induk_ada),
        AturanBaris("induk harus tepat satu tingkat di atas (tujuan → sasaran → program → kegiatan → sub kegiatan)",
                    ("tingkat", "induk"), _induk_satu_tingkat),
        AturanBaris("tujuan tidak mempunyai induk", ("tingkat", "induk"), _tujuan_tanpa_induk),
        AturanBaris("kode IKU harus berbentuk IKU-01 (beberapa kode dipisah titik koma)", ("kode_iku",),
                    _kode_daftar_sah("kode_iku")),
        AturanBaris("kode IKK harus berbentuk IKK-01 (beberapa kode dipisah titik koma)", ("kode_ikk",),
                    _kode_daftar_sah("kode_ikk")),
    ),
)
_SKEMA_DATA[SKEMA.nama] = SKEMA


def _kode(v) -> list[str]:
    return [] if _kosong(v) else [k.strip() for k in str(v).split(";") if k.strip()]


def urut_pra(df: pd.DataFrame) -> pd.DataFrame:
    """Baris dalam urutan pra-urut: setiap induk diikuti turunannya, urutan berkas dipertahankan.

    Simpul tanpa induk (tujuan, atau simpul yang induknya tidak dicetak sumber)
    menjadi akar di tempatnya dalam berkas.

    >>> d = pd.DataFrame({"id": ["a", "b", "c"], "induk": [None, None, "a"]})
    >>> list(urut_pra(d)["id"])
    ['a', 'c', 'b']
    """
    anak: dict = {}
    ids = set(df["id"])
    akar = []
    for i, r in df.iterrows():
        ind = r["induk"]
        if isinstance(ind, str) and ind in ids:
            anak.setdefault(ind, []).append(i)
        else:
            akar.append(i)
    urut: list = []

    def jalan(i, dilihat):
        if i in dilihat:
            return
        dilihat.add(i)
        urut.append(i)
        for a in anak.get(df.at[i, "id"], []):
            jalan(a, dilihat)

    dilihat: set = set()
    for i in akar:
        jalan(i, dilihat)
    return df.loc[urut]


# ----------------------------------------------------------------------------
# aturan


@dataclass(frozen=True)
class Masalah:
    """Satu pelanggaran aturan cascading: ``jenis`` (hierarki, satuan, rujukan, kelengkapan) dan pelanggarannya."""

    jenis: str
    pelanggaran: Pelanggaran
    id: str | None = None


def rujukan_data(folder: Path | None = None) -> dict:
    """Data pembanding untuk :func:`periksa` dari ``data/``: kode IKU/IKK, id pohon, unit organisasi.

    >>> r = rujukan_data()
    >>> r["kode_iku"], len(r["kode_ikk"]), "Sekretariat" in r["unit"], "L2-3" in r["kode_pohon"]
    (['IKU-01', 'IKU-02'], 24, True, True)
    """
    from . import data

    ind = data.muat("indikator", folder)
    unit = [u["nama"] for u in data.organisasi(folder).get("susunan", []) if isinstance(u, dict) and u.get("nama")]
    nama_ins = data.instansi(folder).get("nama_perangkat_daerah") or "Dinas Sosial"
    return {
        "kode_iku": sorted(ind.loc[ind["jenis"] == "IKU", "kode"]),
        "kode_ikk": sorted(ind.loc[ind["jenis"] == "IKK", "kode"]),
        "kode_pohon": sorted(data.muat("pohon_kinerja", folder)["id"]),
        "unit": [nama_ins, *unit],
    }


def periksa(df: pd.DataFrame, kode_iku=(), kode_ikk=(), kode_pohon=(), unit=(), tempat: str = "data/cascading.csv",
            baris=None, judul_kolom=None) -> list[Masalah]:
    """Semua pelanggaran aturan cascading pada frame ``df`` (kolom :data:`SKEMA`).

    Parameters
    ----------
    df : DataFrame
        Simpul cascading bertipe (hasil :func:`analisis.core.skema.baca_csv`),
        dengan kolom ``_baris``.
    kode_iku, kode_ikk, kode_pohon, unit : sequence of str
        Kode yang sah (lihat :func:`rujukan_data`); kosong = tidak diperiksa.
    tempat : str
        Nama berkas atau lembar untuk pesan.
    baris : callable, optional
        ``_baris`` → nomor baris yang disebut pesan (bawaan: ``_baris``).
    judul_kolom : callable, optional
        Nama kolom data → nama kolom yang disebut pesan (mis. judul kolom Excel).

    Examples
    --------
    >>> d = pd.DataFrame({"_baris": [2, 3], "id": ["T", "S"], "tingkat": ["tujuan", "sasaran"], "induk": [None, "T"],
    ...     "nama": ["t", "s"], "indikator": ["i", "i"], "rumusan": ["r", "r"], "satuan": ["%", "Unit"],
    ...     **{kolom_target(t): [100.0, 1.5] for t in TAHUN}, "penanggung_jawab": ["Dinas", "Dinas"],
    ...     "kode_iku": [None, "IKU-01"], "kode_ikk": [None, None], "kode_pohon": [None, None]})
    >>> [(m.jenis, m.pelanggaran.baris, m.pelanggaran.kolom) for m in periksa(d, kode_iku=["IKU-01"])][:2]
    [('satuan', 3, 'target_2025'), ('satuan', 3, 'target_2026')]
    >>> [m.pelanggaran.aturan for m in periksa(d, kode_iku=["IKU-01"])][-1]
    'setiap sasaran dilayani sedikitnya satu program (tidak ada program dengan induk sasaran ini)'
    """
    baris = baris or (lambda b: int(b))
    judul_kolom = judul_kolom or (lambda k: k)
    hasil: list[Masalah] = []

    def tambah(jenis, r, kolom, nilai, aturan):
        hasil.append(Masalah(jenis, Pelanggaran(tempat, baris(r["_baris"]) if r is not None else None,
                                                judul_kolom(kolom) if kolom else None,
                                                None if _kosong(nilai) else nilai, aturan),
                             None if r is None else r["id"]))

    ids = {r["id"]: r for _, r in df.iterrows()}
    for _, r in df.iterrows():
        t = r["tingkat"]
        # hierarki
        ind = r.get("induk")
        if t == "tujuan" and not _kosong(ind):
            tambah("hierarki", r, "induk", ind, "tujuan tidak mempunyai induk")
        elif t != "tujuan":
            if _kosong(ind):
                tambah("kelengkapan", r, "induk", None,
                       f"setiap {NAMA_TINGKAT.get(t, t).lower()} mempunyai tepat satu induk "
                       f"({NAMA_TINGKAT.get(TINGKAT[_TINGKAT_KE[t] - 1], '').lower()}) satu tingkat di atas")
            elif ind not in ids:
                tambah("hierarki", r, "induk", ind, "induk tidak ditemukan di kolom id")
            elif ids[ind]["tingkat"] != TINGKAT[_TINGKAT_KE[t] - 1]:
                tambah("hierarki", r, "induk", ind,
                       f"induk harus {NAMA_TINGKAT[TINGKAT[_TINGKAT_KE[t] - 1]].lower()} (satu tingkat di atas "
                       f"{NAMA_TINGKAT[t].lower()}), bukan {NAMA_TINGKAT.get(ids[ind]['tingkat'], ids[ind]['tingkat']).lower()}")
            if ind == r["id"]:
                tambah("hierarki", r, "induk", ind, "simpul tidak boleh menjadi induk dirinya sendiri")
        # kelengkapan isi
        for k in ("indikator", "rumusan", "satuan"):
            if _kosong(r.get(k)):
                tambah("kelengkapan", r, k, None, f"{k} wajib diisi untuk setiap simpul")
        for th in TAHUN:
            if _kosong(r.get(kolom_target(th))):
                tambah("kelengkapan", r, kolom_target(th), None, f"target tahun {th} wajib diisi (setiap tahun Renstra)")
        if t == "sub_kegiatan" and _kosong(r.get("penanggung_jawab")):
            tambah("kelengkapan", r, "penanggung_jawab", None, "setiap sub kegiatan mempunyai bidang penanggung jawab")
        # satuan
        sat = r.get("satuan")
        for th in TAHUN + TAHUN_TAMBAHAN:
            v = r.get(kolom_target(th))
            if _kosong(v):
                continue
            v = float(v)
            if v < 0:
                tambah("satuan", r, kolom_target(th), v, "target tidak boleh negatif")
            elif adalah_persen(sat):
                if v > 100:
                    tambah("satuan", r, kolom_target(th), v, "target persen harus antara 0 dan 100")
            elif not _kosong(sat) and not _adalah_desimal(sat) and not v.is_integer():
                tambah("satuan", r, kolom_target(th), v,
                       f"target satuan '{str(sat).strip()}' adalah cacah: harus bilangan bulat")
        # rujukan
        if unit and not _kosong(r.get("penanggung_jawab")) and r["penanggung_jawab"].strip() not in unit:
            tambah("rujukan", r, "penanggung_jawab", r["penanggung_jawab"],
                   "penanggung jawab harus unit di data/organisasi.yaml: " + ", ".join(unit))
        for kol, sah, jenis in (("kode_iku", kode_iku, "IKU"), ("kode_ikk", kode_ikk, "IKK")):
            for k in _kode(r.get(kol)):
                if sah and k not in sah:
                    tambah("rujukan", r, kol, k, f"kode {jenis} tidak ada di data/indikator.csv")
        if kode_pohon:
            for k in _kode(r.get("kode_pohon")):
                if k not in kode_pohon:
                    tambah("rujukan", r, "kode_pohon", k, "kode simpul tidak ada di data/pohon_kinerja.csv (kolom id)")
    # cakupan
    sasaran = df[df["tingkat"] == "sasaran"]
    dilayani = {k for v in sasaran.get("kode_iku", pd.Series(dtype=object)) for k in _kode(v)}
    for k in kode_iku:
        if k not in dilayani:
            hasil.append(Masalah("kelengkapan", Pelanggaran(tempat, None, judul_kolom("kode_iku"), k,
                                                            "setiap IKU dilayani sebuah sasaran (tidak ada sasaran dengan kode ini)")))
    induk_program = set(df.loc[df["tingkat"] == "program", "induk"].dropna())
    for _, r in sasaran.iterrows():
        if r["id"] not in induk_program:
            tambah("kelengkapan", r, "id", r["id"],
                   "setiap sasaran dilayani sedikitnya satu program (tidak ada program dengan induk sasaran ini)")
    return hasil


def temuan(folder: Path | None = None) -> list:
    """Temuan ``iku periksa`` untuk ``data/cascading.csv``: satu temuan per simpul dan jenis aturan.

    Kelengkapan menjadi peringatan (sel yang tidak ada di sumber dibiarkan
    kosong), aturan lain galat.

    >>> t = temuan()
    >>> {x.keparahan for x in t}, any("SK-4" in x.baris and "induk" in x.besaran for x in t)
    ({'peringatan'}, True)
    """
    from . import data
    from .periksa import Temuan

    df = data.muat("cascading", folder)
    masalah = periksa(df, **rujukan_data(folder))
    kelompok: dict[tuple, list[Masalah]] = {}
    for m in masalah:
        kelompok.setdefault((m.jenis, m.id, m.pelanggaran.baris if m.id else m.pelanggaran.nilai), []).append(m)
    hasil = []
    for urut, ((jenis, id_, _), daftar) in enumerate(kelompok.items(), 1):
        p0 = daftar[0].pelanggaran
        kolom = ", ".join(dict.fromkeys(str(m.pelanggaran.kolom) for m in daftar if m.pelanggaran.kolom))
        nilai = ", ".join(str(m.pelanggaran.nilai) for m in daftar if m.pelanggaran.nilai is not None) or "(kosong)"
        aturan = "; ".join(dict.fromkeys(m.pelanggaran.aturan for m in daftar))
        tempat_baris = f"baris {p0.baris} ({id_})" if p0.baris is not None else ""
        hasil.append(Temuan(
            # kode unik per simpul (atau per aturan tanpa simpul): register keputusan dan jangkar lampiran memerlukannya
            "peringatan" if jenis == "kelengkapan" else "galat", f"CASCADING-{jenis.upper()}-{id_ or urut}", "data/cascading.csv",
            tempat_baris, kolom, nilai, "–", "belum lengkap" if jenis == "kelengkapan" else "melanggar aturan",
            aturan,
            "Tabel 4.6 mencetak sel ini kosong; lengkapi lewat 'iku templat --cascading' lalu 'iku impor'."
            if jenis == "kelengkapan" else "Perbaiki data/cascading.csv atau impor ulang buku kerja cascading."))
    return hasil
