"""Realisasi dan capaian indikator per tahun dan periode, dihitung dari ``data/``.

Realisasi setiap indikator diambil menurut kolom ``realisasi_dari`` di
``data/indikator.csv``:

===================  ==========================================================
``ppks_tertangani``  persentase PPKS tertangani (DO IKU 1) dari rincian 12 PAS
                     (``ppks_pas.csv``) atau rekap tahunan (``ppks_rekap.csv``)
``penurunan_ppks``   persentase penurunan jumlah PPKS (DO IKK 24 tercetak): Σ PPKS
                     terdata tahun N−1 (tahunan) terhadap tahun N
``rasio_ppks``       rasio Σ PPKS terdata tahun N / Σ PPKS terdata tahun N−1
                     × 100 (IKK 24 sebagaimana targetnya dimaksud, makin rendah
                     makin baik; :func:`analisis.core.rumus.rasio_ppks`)
``nilai_sakip``      nilai hasil evaluasi SAKIP (``sakip.csv``)
``spm_penerima``     jumlah penerima layanan SPM (``spm_realisasi.csv``)
``isian``            angka yang diisi bidang (``realisasi.csv``); bila baris itu
                     membawa ``pembilang`` dan ``penyebut``, realisasi dihitung
                     dari keduanya menurut kolom ``rumus`` indikator
                     (:func:`analisis.core.rumus.realisasi_rumus`); bila belum
                     ada: ditampilkan "belum tersedia"
===================  ==========================================================

Kolom ``rumus``, ``pembilang``, ``penyebut`` dan ``polaritas``
``data/indikator.csv`` menyatakan cara setiap indikator dihitung dan dinilai,
dengan nama pembilang dan penyebut dari baris Definisi Operasional
(``data/definisi_operasional.csv``, kode yang sama). Capaian selalu dihitung
terhadap target dalam pengertian yang sama dengan realisasinya: IKK 24
dinilai sebagai rasio (target 95 → 75 menurun, polaritas negatif), bukan
sebagai penurunan tercetak di DO-nya.

Examples
--------
>>> e = evaluasi_ppks(2024)
>>> e.terdata, e.tertangani, round(e.persen_tertangani, 2)
(43746, 41893, 95.76)
>>> round(evaluasi_ppks(2025).persen_tertangani, 2)
82.2
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import data, memo, rumus
from .aturan import PITA_CAPAIAN, PITA_SAKIP
from .parameter import urutan_periode

__all__ = ["rekap_ppks", "EvaluasiPPKS", "evaluasi_ppks", "nilai_sakip", "target", "evaluasi_indikator", "URUTAN_PREDIKAT",
           "BERKAS_EVALUASI", "kosongkan_memo"]

URUTAN_PREDIKAT = {p.label: i for i, p in enumerate(reversed(PITA_SAKIP))}  # D=0 … AA=6


#: Berkas ``data/`` yang dibaca evaluasi indikator (kunci memonya adalah isi setiap berkas yang benar-benar
#: dibaca, direkam saat menghitung: :func:`analisis.core.memo.ingat`).
BERKAS_EVALUASI = ("indikator", "target", "ppks_pas", "ppks_rekap", "sakip", "spm_layanan", "spm_realisasi", "realisasi")


def kosongkan_memo() -> None:
    """Buang semua hasil yang diingat (tidak pernah perlu untuk kebenaran; untuk pengukuran)."""
    memo.kosongkan()


def _pilih_periode(df: pd.DataFrame, tahun: int, periode: str | None) -> pd.Series | None:
    """Baris periode terakhir tahun itu yang tidak melewati ``periode``; bila tidak ada, periode terakhir tahun itu."""
    sub = df[df["tahun"] == tahun]
    if sub.empty:
        return None
    sub = sub.assign(_u=sub["periode"].map(urutan_periode), _t=sub["periode"].eq("Tahunan"))
    sub = sub.sort_values(["_u", "_t"])
    if periode is not None:
        batas = sub[sub["_u"] <= urutan_periode(periode)]
        if not batas.empty:
            return batas.iloc[-1]
    return sub.iloc[-1]


@memo.ingat
def rekap_ppks() -> pd.DataFrame:
    """Jumlah PPKS terdata dan tertangani per tahun dan periode.

    Periode yang dirinci per PAS (Tabel 2.5) dijumlahkan dari rinciannya
    (kategori "tdk ada" dikeluarkan); periode lain dari rekap narasi.

    >>> r = rekap_ppks()
    >>> r[["tahun", "periode", "terdata"]].values.tolist()
    [[2023, 'Tahunan', 50001], [2024, 'Tahunan', 43746], [2025, 'Triwulan I', 42583]]
    """
    pas = data.muat("ppks_pas")
    pas = pas[pas["ada"]]
    rinci = (
        pas.groupby(["tahun", "periode"], as_index=False)[["terdata", "tertangani"]].sum()
        .assign(sumber="Tabel 12 PAS (jumlah rincian)", rinci=True)
    )
    rekap = data.muat("ppks_rekap")[["tahun", "periode", "terdata", "tertangani", "sumber"]].assign(rinci=False)
    gabung = pd.concat([rekap, rinci], ignore_index=True)
    gabung["_u"] = gabung["periode"].map(urutan_periode)
    return gabung.sort_values(["tahun", "_u"]).drop(columns="_u").reset_index(drop=True)


@dataclass(frozen=True)
class EvaluasiPPKS:
    """Angka evaluasi PPKS satu tahun (IKU 1 dan IKK 24)."""

    tahun: int
    periode: str
    terdata: int
    tertangani: int | None
    persen_tertangani: float | None
    tahun_sebelumnya: int | None
    terdata_sebelumnya: int | None
    penurunan_jiwa: int | None
    penurunan_persen: float | None


@memo.ingat
def evaluasi_ppks(tahun: int, periode: str | None = None) -> EvaluasiPPKS | None:
    """Persentase tertangani (DO IKU 1) dan penurunan PPKS (DO IKK 24) tahun ``tahun``.

    Penurunan dibandingkan dengan jumlah PPKS terdata tahunan tahun N−1,
    sesuai rumus DO IKK 24. ``None`` bila tahun itu belum ada datanya.
    """
    rekap = rekap_ppks()
    r = _pilih_periode(rekap, tahun, periode)
    if r is None:
        return None
    terdata = int(r["terdata"])
    tertangani = None if pd.isna(r["tertangani"]) else int(r["tertangani"])
    lalu = _pilih_periode(rekap, tahun - 1, "Tahunan")
    terdata_lalu = None if lalu is None else int(lalu["terdata"])
    return EvaluasiPPKS(
        tahun=tahun,
        periode=r["periode"],
        terdata=terdata,
        tertangani=tertangani,
        persen_tertangani=rumus.persentase_tertangani(tertangani, terdata),
        tahun_sebelumnya=None if lalu is None else tahun - 1,
        terdata_sebelumnya=terdata_lalu,
        penurunan_jiwa=None if terdata_lalu is None else terdata_lalu - terdata,
        penurunan_persen=rumus.penurunan_ppks(terdata_lalu, terdata),
    )


def nilai_sakip(tahun: int, periode: str | None = None) -> tuple[float, str] | None:
    """(nilai, periode) hasil evaluasi SAKIP tahun ``tahun``; ``None`` bila belum ada.

    >>> nilai_sakip(2024)
    (58.3, 'Tahunan')
    """
    r = _pilih_periode(data.muat("sakip"), tahun, periode)
    return None if r is None else (float(r["nilai"]), r["periode"])


def target(kode: str, tahun: int) -> tuple[float | None, str | None]:
    """(target angka, target predikat) indikator ``kode`` tahun ``tahun``.

    >>> target("IKU-02", 2026), target("IKU-02", 2024)
    ((60.0, None), (None, 'B'))
    """
    t = data.muat("target")
    r = t[(t["kode"] == kode) & (t["tahun"] == tahun)]
    if r.empty:
        return None, None
    r = r.iloc[0]
    angka = None if pd.isna(r["target"]) else float(r["target"])
    pred = r["target_predikat"] if isinstance(r["target_predikat"], str) else None
    return angka, pred


def _realisasi(sumber: str | None, kode: str, tahun: int, periode: str | None) -> tuple[float | None, str | None]:
    if sumber == "ppks_tertangani":
        e = evaluasi_ppks(tahun, periode)
        return (None, None) if e is None or e.persen_tertangani is None else (e.persen_tertangani, e.periode)
    if sumber == "penurunan_ppks":
        e = evaluasi_ppks(tahun, periode)
        return (None, None) if e is None or e.penurunan_persen is None else (e.penurunan_persen, e.periode)
    if sumber == "rasio_ppks":
        e = evaluasi_ppks(tahun, periode)
        if e is None or e.terdata_sebelumnya is None:
            return None, None
        r = rumus.rasio_ppks(e.terdata_sebelumnya, e.terdata)
        return (None, None) if r is None else (r, e.periode)
    if sumber == "nilai_sakip":
        n = nilai_sakip(tahun, periode)
        return (None, None) if n is None else n
    if sumber == "spm_penerima":
        lay = data.muat("spm_layanan")
        no = lay.loc[lay["kode_ikk"] == kode, "no"]
        real = data.muat("spm_realisasi")
        r = real[(real["tahun"] == tahun) & real["no"].isin(no)]
        return (None, None) if r.empty else (float(r["penerima"].iloc[0]), "Tahunan")
    if sumber == "isian":
        r = _pilih_periode(data.muat("realisasi").query("kode == @kode"), tahun, periode)
        if r is None:
            return None, None
        if pd.notna(r.get("pembilang")) and pd.notna(r.get("penyebut")):
            ind = data.muat("indikator").set_index("kode")
            v = rumus.realisasi_rumus(ind.loc[kode, "rumus"], r["pembilang"], r["penyebut"])
            return (None, None) if v is None else (v, r["periode"])
        return float(r["realisasi"]), r["periode"]
    return None, None


@memo.ingat
def evaluasi_indikator(
    tahun: int,
    periode: str | None = None,
    jenis: tuple[str, ...] = ("IKU", "IKK"),
    pita_capaian=PITA_CAPAIAN,
    pita_sakip=PITA_SAKIP,
) -> pd.DataFrame:
    """Target, realisasi, capaian dan kategori setiap indikator tahun ``tahun``.

    Kolom: kode, jenis, nama, satuan, polaritas, target, target_predikat,
    realisasi, periode_realisasi, capaian, kategori, predikat, tercapai,
    tersedia.
    Capaian dengan rumus :func:`analisis.core.rumus.capaian` menurut polaritas;
    untuk target berupa predikat SAKIP, capaian dinilai dengan
    membandingkan predikat.

    Hasilnya diingat per (tahun, periode, jenis, pita, isi setiap berkas
    :data:`BERKAS_EVALUASI`): satu bab yang memakai evaluasi yang sama
    berkali-kali menghitungnya sekali, dan CSV yang disunting langsung
    terbaca.

    >>> e = evaluasi_indikator(2024, jenis=("IKU",)).set_index("kode")
    >>> round(float(e.loc["IKU-01", "capaian"]), 2), e.loc["IKU-02", "predikat"], e.loc["IKU-02", "target_predikat"]
    (95.76, 'CC', 'B')
    >>> bool(e.loc["IKU-02", "tercapai"])
    False
    """
    ind = data.muat("indikator")
    ind = ind[ind["jenis"].isin(jenis)]
    baris = []
    for _, r in ind.iterrows():
        t, tp = target(r["kode"], tahun)
        sumber = r.get("realisasi_dari")
        sumber = sumber if isinstance(sumber, str) else None
        real, per = _realisasi(sumber, r["kode"], tahun, periode)
        cap = rumus.capaian(real, t, r["polaritas"]) if real is not None and t is not None else None
        predikat = None
        tercapai = None if cap is None else cap >= 100
        if sumber == "nilai_sakip" and real is not None:
            predikat = rumus.predikat_sakip(real, pita_sakip).kode
            if t is None and tp is not None:
                tercapai = URUTAN_PREDIKAT[predikat] >= URUTAN_PREDIKAT[tp]
        baris.append({
            "kode": r["kode"], "jenis": r["jenis"], "nama": r["nama"], "satuan": r["satuan"], "polaritas": r["polaritas"],
            "target": t, "target_predikat": tp, "realisasi": real, "periode_realisasi": per,
            "capaian": cap, "kategori": rumus.kategori_capaian(cap, pita_capaian), "predikat": predikat,
            "tercapai": tercapai, "tersedia": real is not None,
        })
    return pd.DataFrame(baris)
