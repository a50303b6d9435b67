"""BAB II 2.4 (lanjutan): capaian IKK dan SPM, seri realisasi–target 2025–2029, dan peringatan dini.

Melanjutkan subbab 2.4 (evaluasi capaian IKU, Tabel 2.11) untuk tahun dan
periode dokumen:

- Tabel 2.12: capaian setiap Indikator Kinerja Kunci (IKK, Tabel 4.2)
  terhadap targetnya, dengan polaritas dan kategori, dikelompokkan menurut
  bidang penanggung jawab (Tabel 4.5), beserta grafik capaian dan grafik seri
  realisasi–target setiap indikator dari data paling awal sampai akhir Renstra.
- Tabel 2.13: capaian SPM bidang sosial (Tabel 2.10 dan 4.3): penerima
  layanan terhadap target, persentase penerima, mutu, indeks dan kategori SPM
  (Permendagri 59/2021).
- Peringatan dini: indikator IKU, IKK dan layanan SPM yang menurut arah
  realisasinya saat ini diperkirakan tidak mencapai target tahun itu, dengan
  alasan satu baris.

Periode triwulanan dan semesteran dievaluasi terhadap target **tahunan**
dengan realisasi sampai dengan periode itu, seperti narasi 2.4 sumber
("Sampai dengan Triwulan I Tahun 2025 ... terealisasi 82,20% dari target
kinerja 100%"). Rumus capaian dan pita kategori: :mod:`analisis.core.rumus`,
:mod:`analisis.core.aturan` (dapat diganti lewat ``parameters/``).

Examples
--------
>>> e = evaluasi_ikk(2025).set_index("kode")
>>> round(float(e.loc["IKK-24", "realisasi"]), 2), float(e.loc["IKK-24", "target"]), e.loc["IKK-24", "kategori"]
(2.66, 95.0, 'Sangat Rendah')
>>> s = evaluasi_spm(2024).set_index("no")
>>> int(s.loc[1, "penerima"]), float(s.loc[1, "persen_penerima"]), s.loc[1, "indeks"] is None
(60, 80.0, True)
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
from IPython.display import HTML

from ..core import data, kinerja, parameter, rumus
from ..core import format as fmt
from ..core.aturan import PITA_SAKIP, Pita
from ..presentation.grafik import Gambar, WARNA, bergaya, subplots, sumbu_angka, sumbu_persen
from ..input.impor import muat_data
from ..presentation.tabel import Kol, Tabel, daftar, esc

__all__ = [
    "NOMOR_TABEL", "NOMOR_GAMBAR_AWAL", "label_periode", "sifat_indikator",
    "evaluasi_ikk", "tabel_ikk", "kalimat_ikk", "gambar_capaian_ikk",
    "seri_indikator", "kelompok_ikk", "gambar_seri_ikk",
    "evaluasi_spm", "tabel_spm", "kalimat_spm", "gambar_spm",
    "peringatan_dini", "kalimat_peringatan", "daftar_peringatan",
]

#: Nomor tabel bagian ini (melanjutkan Tabel 2.11 subbab 2.4).
NOMOR_TABEL = {"ikk": "2.12", "spm": "2.13"}
#: Gambar bagian ini bernomor 2.20 dan seterusnya (menghindari nomor subbab 2.1–2.4).
NOMOR_GAMBAR_AWAL = 20

_SINGKAT = {"Triwulan I": "TW I", "Triwulan II": "TW II", "Triwulan III": "TW III", "Triwulan IV": "TW IV",
            "Semester I": "Smt I", "Semester II": "Smt II"}


# ----------------------------------------------------------------------------
# bantuan


def label_periode(tahun: int, periode: str | None) -> str:
    """ "Tahun 2024" atau "Triwulan I Tahun 2025".

    >>> label_periode(2024, "Tahunan"), label_periode(2025, "Triwulan I")
    ('Tahun 2024', 'Triwulan I Tahun 2025')
    """
    return f"Tahun {tahun}" if periode in (None, "Tahunan") else f"{periode} Tahun {tahun}"


def _label_realisasi(tahun: int, periode: str | None) -> str:
    """ "tahun 2024" atau "s.d. Triwulan I 2025"."""
    return f"tahun {tahun}" if periode in (None, "Tahunan") else f"s.d. {periode} {tahun}"


def _param(tahun: int, periode: str | None) -> parameter.Parameter:
    return parameter.muat(tahun, periode)


def sifat_indikator(satuan: str) -> str:
    """``"kumulatif"`` untuk indikator jumlah orang (bertambah sepanjang tahun), selain itu ``"tingkat"``.

    Indikator berbentuk persentase atau nilai (DO Tabel 4.4/4.5: "Σ … / Σ … ×
    100 %", nilai SAKIP) adalah *tingkat*: realisasi s.d. triwulan dibandingkan
    langsung dengan target tahunan. Indikator jumlah warga negara penerima
    layanan SPM (IKK 19–23, satuan orang) *kumulatif*: diproyeksikan secara
    linear ke akhir tahun.

    >>> sifat_indikator("orang"), sifat_indikator("%"), sifat_indikator("nilai")
    ('kumulatif', 'tingkat', 'tingkat')
    """
    return "kumulatif" if str(satuan).strip().lower() == "orang" else "tingkat"


def _nilai(v, satuan: str, ringkas: bool = False) -> str:
    """Nilai dengan format satuannya; bilangan bulat tanpa desimal ("100 %", "46"), selain itu dua desimal.

    ``ringkas`` (untuk target, seperti tercetak di Tabel 4.2): desimal seperlunya.

    >>> _nilai(100.0, "%"), _nilai(82.2041, "%"), _nilai(46.0, "orang"), _nilai(60.7, "nilai"), _nilai(None, "%")
    ('100 %', '82,20 %', '46', '60,70', '–')
    >>> _nilai(1.5, "%", ringkas=True), _nilai(1.5, "%")
    ('1,5 %', '1,50 %')
    """
    if not fmt.terdefinisi(v):
        return fmt.TIDAK_TERDEFINISI
    digit = 0 if float(v).is_integer() else 2
    if ringkas:
        digit = next(d for d in (0, 1, 2) if round(float(v), d) == round(float(v), 2))
    if satuan == "%":
        return fmt.persen(v, digit)
    return fmt.desimal(v, digit)


def _nilai_satuan(v, satuan: str, ringkas: bool = False) -> str:
    s = _nilai(v, satuan, ringkas)
    return f"{s} orang" if satuan == "orang" and s != fmt.TIDAK_TERDEFINISI else s


def _uraian_pita(pita: tuple[Pita, ...]) -> str:
    """ "≥ 91 Sangat Tinggi; ≥ 76 Tinggi; …; selain itu Sangat Rendah"."""
    bagian = []
    for p in pita:
        if math.isinf(p.batas_bawah):
            bagian.append(f"selain itu {p.label}")
        else:
            bagian.append(f"{'≥' if p.inklusif else '>'} {fmt.desimal(p.batas_bawah, 0)} {p.label}")
    return "; ".join(bagian)


def _bidang_urut() -> list[str]:
    """Nama bidang menurut urutan ``data/instansi.yaml``."""
    return [b["nama"] for b in data.instansi()["bidang"]]


def _indikator() -> pd.DataFrame:
    return data.muat("indikator")


# ----------------------------------------------------------------------------
# IKK


def evaluasi_ikk(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Target, realisasi, capaian dan kategori setiap IKK (Tabel 4.2) tahun ``tahun``.

    Realisasi s.d. periode dokumen dibandingkan dengan target tahunan; kolom
    :func:`analisis.core.kinerja.evaluasi_indikator` ditambah ``no``, ``kelompok``
    (bidang penanggung jawab, Tabel 4.5) dan ``periode`` (periode dokumen).

    >>> e = evaluasi_ikk(2026)
    >>> len(e), int(e["tersedia"].sum()), float(e.set_index("kode").loc["IKK-19", "target"])
    (24, 0, 46.0)
    """
    p = _param(tahun, periode)
    ev = kinerja.evaluasi_indikator(tahun, p.periode, jenis=("IKK",), pita_capaian=p.tabel_aturan()["capaian"])
    ind = _indikator().set_index("kode")
    ev["no"] = ev["kode"].map(ind["no"]).astype(int)
    ev["kelompok"] = ev["kode"].map(ind["penanggung_jawab"]).fillna("Lainnya")
    ev["periode"] = p.periode
    return ev


def kelompok_ikk() -> list[str]:
    """Kelompok (bidang penanggung jawab) IKK menurut urutan bidang di ``instansi.yaml``.

    >>> kelompok_ikk()[:2]
    ['Sekretariat', 'Bidang Perlindungan dan Jaminan Sosial']
    """
    ind = _indikator()
    ada = list(dict.fromkeys(ind.loc[ind["jenis"] == "IKK", "penanggung_jawab"].fillna("Lainnya")))
    urut = [b for b in _bidang_urut() if b in ada]
    return urut + [b for b in ada if b not in urut]


def _teks_target(r) -> str:
    if fmt.terdefinisi(r.get("target")):
        return _nilai(r["target"], r["satuan"], ringkas=True)
    if isinstance(r.get("target_predikat"), str):
        return r["target_predikat"]
    return fmt.TIDAK_TERDEFINISI


def _teks_realisasi(r, periode_dokumen: str) -> str:
    if not r["tersedia"]:
        return fmt.TIDAK_TERDEFINISI
    s = _nilai(r["realisasi"], r["satuan"])
    if isinstance(r.get("periode_realisasi"), str) and r["periode_realisasi"] != periode_dokumen:
        s += f" ({r['periode_realisasi']})"
    return s


def tabel_ikk(tahun: int, periode: str | None = None) -> Tabel:
    """Tabel 2.12 Capaian IKK per bidang: target, realisasi, capaian, kategori.

    >>> t = tabel_ikk(2025)
    >>> t.nomor, "2,80 %" in t.html(), "Sangat Rendah" in t.html(), t.html().count('class="kelompok"')
    ('2.12', True, True, 5)
    """
    p = _param(tahun, periode)
    ev = evaluasi_ikk(tahun, periode)
    baris = []
    for kel in kelompok_ikk():
        sub = ev[ev["kelompok"] == kel].sort_values("no")
        if sub.empty:
            continue
        baris.append({"no": "", "nama": kel, "satuan": "", "polaritas": "", "target": "", "realisasi": "", "capaian": "",
                      "kategori": "", "kelas": "kelompok"})
        for _, r in sub.iterrows():
            baris.append({
                "no": str(r["no"]), "nama": r["nama"], "satuan": r["satuan"], "polaritas": str(r["polaritas"]).capitalize(),
                "target": _teks_target(r), "realisasi": _teks_realisasi(r, p.periode),
                "capaian": fmt.persen(r["capaian"]), "kategori": r["kategori"] if isinstance(r["kategori"], str) else fmt.TIDAK_TERDEFINISI,
                "kelas": "",
            })
    df = pd.DataFrame(baris)
    catatan = []
    if p.periode != "Tahunan":
        catatan.append(f"Realisasi s.d. {p.periode} {tahun} dibandingkan dengan target tahunan {tahun}.")
    catatan += [
        "Capaian = realisasi / target × 100 % untuk polaritas positif (makin tinggi makin baik); "
        "(2 × target − realisasi) / target × 100 % untuk polaritas negatif.",
        "Kategori capaian: " + _uraian_pita(p.tabel_aturan()["capaian"]) + ".",
    ]
    if (df == fmt.TIDAK_TERDEFINISI).any().any():
        catatan.append("–: realisasi belum tersedia atau target tidak ditetapkan.")
    if df["realisasi"].str.contains(r"\(", regex=True).any():
        catatan.append("Periode dalam kurung: periode data realisasi bila berbeda dengan periode dokumen.")
    return Tabel(
        df, nomor=NOMOR_TABEL["ikk"], judul=f"Capaian Indikator Kinerja Kunci (IKK) {label_periode(tahun, p.periode)}",
        kolom=[Kol("no", "No", rata="tengah"), Kol("nama", "Indikator Kinerja Kunci"), Kol("satuan", "Satuan", rata="tengah"),
               Kol("polaritas", "Polaritas", rata="tengah"), Kol("target", "Target", rata="kanan"),
               Kol("realisasi", "Realisasi", rata="kanan"), Kol("capaian", "Capaian", rata="kanan"), Kol("kategori", "Kategori")],
        catatan=catatan, sumber="target: Tabel 4.2; realisasi: isian bidang, data PPKS dan SPM; diolah",
        baris_kelas="kelas",
    )


def kalimat_ikk(tahun: int, periode: str | None = None) -> HTML:
    """Ringkasan capaian IKK dalam satu paragraf, dibangkitkan dari data.

    >>> kalimat_ikk(2026).data
    '<p>Data realisasi IKK tahun 2026 belum tersedia. Tabel 2.12 menyajikan target tahun 2026; realisasi dan capaiannya diisi setelah bidang melaporkan realisasi.</p>'
    """
    p = _param(tahun, periode)
    ev = evaluasi_ikk(tahun, periode)
    ada = ev[ev["tersedia"]]
    if ada.empty:
        return HTML(f"<p>Data realisasi IKK tahun {tahun} belum tersedia. Tabel {NOMOR_TABEL['ikk']} menyajikan target tahun "
                    f"{tahun}; realisasi dan capaiannya diisi setelah bidang melaporkan realisasi.</p>")
    dinilai = ada[ada["capaian"].notna()]
    capai = dinilai[dinilai["capaian"] >= 100]
    s = f"Dari {len(ev)} IKK, realisasi {_label_realisasi(tahun, p.periode)} tersedia untuk {len(ada)} indikator"
    if dinilai.empty:
        s += f", tetapi target tahun {tahun} untuk indikator tersebut tidak ditetapkan sehingga capaiannya tidak dihitung."
    else:
        s += (f" dan {len(dinilai)} di antaranya dapat dibandingkan dengan target: {len(capai)} mencapai atau melampaui"
              f" target, {len(dinilai) - len(capai)} belum.")
    if not dinilai.empty:
        rendah = dinilai.sort_values("capaian").iloc[0]
        s += f" Capaian terendah {rendah['kode']} ({rendah['nama']}) sebesar {fmt.persen(rendah['capaian'])}"
        s += f" dengan kategori {rendah['kategori']}." if isinstance(rendah["kategori"], str) else "."
    belum = len(ev) - len(ada)
    if belum:
        s += f" Realisasi {belum} IKK lainnya belum tersedia."
    return HTML(f"<p>{esc(s)}</p>")


# ----------------------------------------------------------------------------
# penomoran gambar


def _rencana_gambar(tahun: int, periode: str | None) -> dict[str, str]:
    """Nomor gambar yang benar-benar tampil, berurutan mulai 2.20 (tanpa nomor yang terlewat)."""
    kunci = []
    if evaluasi_ikk(tahun, periode)["capaian"].notna().any():
        kunci.append("capaian_ikk")
    kunci += [f"seri:{k}" for k in kelompok_ikk()]
    if evaluasi_spm(tahun, periode)["tersedia"].any():
        kunci.append("spm")
    return {k: f"2.{NOMOR_GAMBAR_AWAL + i}" for i, k in enumerate(kunci)}


_WARNA_KATEGORI = [WARNA["ketiga"], WARNA["utama"], WARNA["kedua"], "#d9822b", WARNA["target"], "#7f1d1d"]


def _warna_kategori(label: str | None, pita: tuple[Pita, ...]) -> str:
    labels = [p.label for p in pita]
    if label not in labels:
        return WARNA["abu"]
    return _WARNA_KATEGORI[min(labels.index(label), len(_WARNA_KATEGORI) - 1)]


def _potong(teks: str, lebar: int, baris: int | None = None) -> str:
    """Teks dipecah per ``lebar`` karakter; paling banyak ``baris`` baris (sisanya "…")."""
    bagian = textwrap.wrap(str(teks), lebar)
    if baris is not None and len(bagian) > baris:
        bagian = bagian[:baris]
        bagian[-1] = bagian[-1].rstrip(" ,.") + " …"
    return "\n".join(bagian)


@bergaya
def gambar_capaian_ikk(tahun: int, periode: str | None = None):
    """Gambar 2.20: capaian IKK yang dapat dinilai, berwarna menurut kategori, garis 100 %.

    Bila belum ada capaian yang dapat dihitung, paragraf keterangan.

    >>> g = gambar_capaian_ikk(2025)
    >>> g.nomor, "IKK-24" in g.html()
    ('2.20', True)
    """

    p = _param(tahun, periode)
    ev = evaluasi_ikk(tahun, periode)
    ev = ev[ev["capaian"].notna()].sort_values("no", ascending=False)
    if ev.empty:
        return HTML(f"<p>Grafik capaian IKK belum dapat disajikan: realisasi IKK tahun {tahun} yang dapat dibandingkan "
                    "dengan target belum tersedia.</p>")
    pita = p.tabel_aturan()["capaian"]
    tinggi = max(2.2, 0.42 * len(ev) + 1.0)
    fig, ax = subplots(figsize=(7.5, tinggi))
    y = range(len(ev))
    warna = [_warna_kategori(k, pita) for k in ev["kategori"]]
    ax.barh(list(y), ev["capaian"].astype(float), color=warna)
    for yi, v in zip(y, ev["capaian"].astype(float)):
        ax.text(v, yi, " " + fmt.persen(v), va="center", fontsize=8)
    ax.set_yticks(list(y))
    ax.set_yticklabels([f"{k}" for k in ev["kode"]])
    ax.axvline(100, color=WARNA["target"], linestyle="--", linewidth=1)
    ax.set_xlim(0, max(110.0, float(ev["capaian"].max()) * 1.2))
    sumbu_persen(ax, "x")
    ax.set_xlabel("capaian terhadap target (garis putus-putus: 100 %)")
    from matplotlib.patches import Patch

    muncul = [pt for pt in pita if pt.label in set(ev["kategori"])]
    ax.legend(handles=[Patch(color=_warna_kategori(pt.label, pita), label=pt.label) for pt in muncul],
              loc="lower right", fontsize=8, frameon=False)
    nomor = _rencana_gambar(tahun, periode)["capaian_ikk"]
    return Gambar(fig, nomor=nomor, judul=f"Capaian IKK {label_periode(tahun, p.periode)}",
                  sumber="Tabel " + NOMOR_TABEL["ikk"])


# ----------------------------------------------------------------------------
# seri realisasi–target


def _akhir_renstra() -> int:
    return int(data.instansi()["periode_renstra"]["akhir"])


def seri_indikator(kode: str, tahun: int, periode: str | None = None, awal: int | None = None,
                   _cache: dict | None = None) -> pd.DataFrame:
    """Realisasi dan target indikator ``kode`` per tahun, dari data paling awal sampai akhir Renstra.

    Realisasi hanya sampai ``tahun`` (tahun dokumen: periode dokumen; tahun
    sebelumnya: periode terakhir yang ada). ``parsial`` menandai realisasi yang
    belum setahun penuh. Target dari Tabel 4.1/4.2 (dan 2.11 untuk 2024).
    ``awal``: tahun pertama seri (bawaan: tahun pertama yang memiliki realisasi
    atau target indikator itu).

    >>> s = seri_indikator("IKK-19", 2025).set_index("tahun")
    >>> s.index.min(), s.index.max(), float(s.loc[2024, "realisasi"]), float(s.loc[2029, "target"])
    (2024, 2029, 60.0, 60.0)
    """
    p = _param(tahun, periode)
    cache = {} if _cache is None else _cache
    target = data.muat("target")
    target = target[target["kode"] == kode]
    awal_data = _tahun_data_awal(cache)
    mulai = min([awal_data, *target["tahun"].astype(int).tolist()]) if not target.empty else awal_data
    akhir = _akhir_renstra()
    baris = []
    for th in range(mulai if awal is None else min(mulai, awal), akhir + 1):
        t_angka, t_pred = kinerja.target(kode, th)
        real, per = None, None
        if th <= tahun:
            ev = _evaluasi(th, p.periode if th == tahun else None, cache).set_index("kode")
            if kode in ev.index and ev.loc[kode, "tersedia"]:
                real, per = float(ev.loc[kode, "realisasi"]), ev.loc[kode, "periode_realisasi"]
        baris.append({"tahun": th, "target": t_angka, "target_predikat": t_pred, "realisasi": real,
                      "periode_realisasi": per, "parsial": per is not None and per != "Tahunan"})
    df = pd.DataFrame(baris)
    if awal is not None:
        return df[df["tahun"] >= awal].reset_index(drop=True)
    ada = df[df["realisasi"].notna() | df["target"].notna() | df["target_predikat"].notna()]
    return df[df["tahun"] >= (int(ada["tahun"].min()) if not ada.empty else mulai)].reset_index(drop=True)


def _evaluasi(tahun: int, periode: str | None, cache: dict) -> pd.DataFrame:
    k = ("ev", tahun, periode)
    if k not in cache:
        cache[k] = kinerja.evaluasi_indikator(tahun, periode)
    return cache[k]


def _tahun_data_awal(cache: dict) -> int:
    """Tahun paling awal yang memiliki data realisasi apa pun (PPKS, SAKIP, SPM, isian)."""
    if "awal" not in cache:
        tahun = []
        for nama in ("ppks_rekap", "ppks_pas", "sakip", "spm_realisasi", "realisasi"):
            df = data.muat(nama)
            tahun += df["tahun"].astype(int).tolist()
        cache["awal"] = min(tahun) if tahun else int(data.instansi()["periode_renstra"]["awal"])
    return cache["awal"]


def _panel(ax, s: pd.DataFrame, satuan: str, tahun: int) -> None:
    x = s["tahun"].astype(int).tolist()
    real = s["realisasi"]
    warna = [WARNA["kedua"] if p else WARNA["utama"] for p in s["parsial"]]
    ada = real.notna()
    ax.bar([xi for xi, a in zip(x, ada) if a], real[ada].astype(float), color=[w for w, a in zip(warna, ada) if a], width=0.6,
           label="realisasi")
    t = s["target"]
    if t.notna().any():
        ax.plot([xi for xi, a in zip(x, t.notna()) if a], t[t.notna()].astype(float), color=WARNA["target"], marker="o",
                markersize=3.5, linewidth=1.2, label="target")
    for xi, tp in zip(x, s["target_predikat"]):
        if isinstance(tp, str):
            bawah = next((pt.batas_bawah for pt in PITA_SAKIP if pt.label == tp), None)
            if bawah is not None:
                ax.plot([xi], [bawah], marker="o", markerfacecolor="none", color=WARNA["target"], markersize=5)
                ax.annotate(tp, (xi, bawah), textcoords="offset points", xytext=(4, 3), fontsize=7, color=WARNA["target"])
    atas = pd.concat([real.dropna().astype(float), t.dropna().astype(float)])
    ymax = (float(atas.max()) * 1.25) if not atas.empty and float(atas.max()) > 0 else 1
    for xi, v, par, per in zip(x, real, s["parsial"], s["periode_realisasi"]):
        if pd.notna(v):
            lbl = _nilai(v, satuan).replace(" %", "%")
            if par:
                lbl += f"\n{_SINGKAT.get(per, per)}"
            if float(v) > 0.3 * ymax:  # di dalam batang agar tidak bertumpuk dengan garis target
                ax.annotate(lbl, (xi, float(v)), textcoords="offset points", xytext=(0, -3), ha="center", va="top",
                            fontsize=6, color="white")
            else:
                ax.annotate(lbl, (xi, float(v)), textcoords="offset points", xytext=(0, 2), ha="center", va="bottom", fontsize=6)
    ax.axvline(tahun + 0.5, color=WARNA["abu"], linewidth=0.6, linestyle=":")
    ax.set_xticks(x)
    ax.set_xticklabels([str(v) for v in x], fontsize=6.5)
    ax.set_ylim(0, ymax)
    digit = 1 if not atas.empty and float(atas.max()) < 10 else 0  # hindari label sumbu kembar (1 %, 1 %, 2 %)
    if satuan == "%":
        sumbu_persen(ax, digit=digit)
    else:
        sumbu_angka(ax, digit=digit)
    ax.tick_params(axis="y", labelsize=6.5)


@bergaya
def gambar_seri_ikk(tahun: int, periode: str | None = None) -> list:
    """Gambar 2.21 dst.: satu gambar per bidang, satu panel per IKK: realisasi (batang) dan target (garis) per tahun.

    Batang oranye = realisasi belum setahun penuh (s.d. triwulan); garis titik
    vertikal = batas tahun dokumen.

    >>> g = gambar_seri_ikk(2025)
    >>> len(g), g[0].nomor, g[0].judul
    (5, '2.21', 'Realisasi dan target IKK Sekretariat, data awal s.d. 2029')
    """
    from matplotlib.patches import Patch
    from matplotlib.lines import Line2D

    p = _param(tahun, periode)
    nomor = _rencana_gambar(tahun, periode)
    ind = _indikator()
    ind = ind[ind["jenis"] == "IKK"].assign(kel=lambda d: d["penanggung_jawab"].fillna("Lainnya")).sort_values("no")
    cache: dict = {}
    hasil = []
    akhir = _akhir_renstra()
    for kel in kelompok_ikk():
        sub = ind[ind["kel"] == kel]
        n = len(sub)
        kolom = min(3, n)
        baris = math.ceil(n / kolom)
        fig, axes = subplots(baris, kolom, figsize=(2.3 * kolom + 0.3, 2.1 * baris + 0.45), squeeze=False)
        seri = {r["kode"]: seri_indikator(r["kode"], tahun, p.periode, _cache=cache) for _, r in sub.iterrows()}
        awal = min(int(s["tahun"].min()) for s in seri.values())  # sumbu tahun yang sama untuk satu gambar
        for ax, (_, r) in zip(axes.flat, sub.iterrows()):
            s = seri_indikator(r["kode"], tahun, p.periode, awal=awal, _cache=cache)
            _panel(ax, s, r["satuan"], tahun)
            ax.set_title(f"{r['kode']} ({r['satuan']})\n" + _potong(r["nama"], 40, baris=3), fontsize=6.3, loc="left")
        for ax in list(axes.flat)[n:]:
            ax.set_visible(False)
        fig.legend(handles=[Patch(color=WARNA["utama"], label="realisasi setahun"),
                            Patch(color=WARNA["kedua"], label="realisasi s.d. triwulan/semester"),
                            Line2D([], [], color=WARNA["target"], marker="o", label="target")],
                   loc="lower center", ncol=3, fontsize=6.5, frameon=False, bbox_to_anchor=(0.5, 0.0))
        fig.tight_layout(rect=(0, 0.35 / (2.1 * baris + 0.45), 1, 1))
        hasil.append(Gambar(fig, nomor=nomor[f"seri:{kel}"], judul=f"Realisasi dan target IKK {kel}, data awal s.d. {akhir}",
                            sumber="target: Tabel 4.2; realisasi: isian bidang, data PPKS dan SPM; diolah"))
    return hasil


# ----------------------------------------------------------------------------
# SPM


def evaluasi_spm(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Capaian SPM per jenis pelayanan dasar tahun ``tahun`` (Tabel 2.10, 4.3; Permendagri 59/2021).

    Kolom: no, jenis_pelayanan, kode_ikk, target_penerima, target_nspk,
    penerima, persen_penerima (realisasi capaian), capaian_penerima
    (penerima / target penerima), mutu, indeks (80 % penerima + 20 % mutu),
    kategori, tersedia. Realisasi SPM dilaporkan tahunan.

    >>> e = evaluasi_spm(2024)
    >>> e["penerima"].tolist(), e["persen_penerima"].tolist()
    ([60, 18, 10, 7, 164], [80.0, 100.0, 100.0, 100.0, 100.0])
    >>> evaluasi_spm(2026)["tersedia"].any()
    np.False_
    """
    p = _param(tahun, periode)
    pita = p.tabel_aturan()["spm"]
    lay = data.muat("spm_layanan").sort_values("no")
    tgt = data.muat("spm_target")
    tgt = tgt[tgt["tahun"] == tahun].set_index("no")
    real = data.muat("spm_realisasi")
    real = real[real["tahun"] == tahun].set_index("no")
    mutu = muat_data("spm_mutu")
    mutu = mutu[mutu["tahun"] == tahun].set_index("no")
    baris = []
    for _, r in lay.iterrows():
        no = int(r["no"])
        tp = float(tgt.loc[no, "target_penerima"]) if no in tgt.index else None
        nspk = float(tgt.loc[no, "target_nspk"]) if no in tgt.index else (float(real.loc[no, "target_nspk"]) if no in real.index else None)
        penerima = int(real.loc[no, "penerima"]) if no in real.index else None
        persen = float(real.loc[no, "realisasi"]) if no in real.index else None
        m = float(mutu.loc[no, "mutu"]) if no in mutu.index else None
        indeks = rumus.indeks_spm(persen, m)
        baris.append({
            "no": no, "jenis_pelayanan": real.loc[no, "jenis_pelayanan"] if no in real.index else r["jenis_pelayanan"],
            "kode_ikk": r["kode_ikk"], "target_penerima": tp, "target_nspk": nspk, "penerima": penerima,
            "persen_penerima": persen, "capaian_penerima": rumus.capaian(penerima, tp) if penerima is not None else None,
            "mutu": m, "indeks": indeks, "kategori": rumus.kategori_spm(indeks, pita), "tersedia": penerima is not None,
        })
    return pd.DataFrame(baris)


def tabel_spm(tahun: int, periode: str | None = None) -> Tabel:
    """Tabel 2.13 Capaian SPM bidang sosial: penerima terhadap target, mutu, indeks dan kategori.

    >>> t = tabel_spm(2024)
    >>> t.nomor, "164" in t.html(), "80 %" in t.html()
    ('2.13', True, True)
    """
    p = _param(tahun, periode)
    ev = evaluasi_spm(tahun, periode)
    df = pd.DataFrame({
        "no": ev["no"].astype(str), "jenis": ev["jenis_pelayanan"],
        "target": [fmt.angka(v) for v in ev["target_penerima"]], "penerima": [fmt.angka(v) for v in ev["penerima"]],
        "capaian": [fmt.persen(v) for v in ev["capaian_penerima"]], "persen": [_nilai(v, "%") for v in ev["persen_penerima"]],
        "mutu": [_nilai(v, "%") for v in ev["mutu"]], "indeks": [fmt.desimal(v) for v in ev["indeks"]],
        "kategori": [k if isinstance(k, str) else fmt.TIDAK_TERDEFINISI for k in ev["kategori"]],
    })
    catatan = []
    if p.periode != "Tahunan":
        catatan.append(f"Realisasi SPM dilaporkan tahunan; dokumen {label_periode(tahun, p.periode)} menyajikan data tahun {tahun} bila sudah ada.")
    catatan.append("Indeks SPM = 80 % × persentase penerima layanan dasar + 20 % × persentase mutu minimal layanan "
                   "(Permendagri Nomor 59 Tahun 2021). Kategori: " + _uraian_pita(p.tabel_aturan()["spm"]) + ".")
    if ev["tersedia"].any() and ev["mutu"].isna().any():
        catatan.append("Mutu layanan belum dilaporkan untuk sebagian atau semua jenis pelayanan: indeks dan kategori SPM "
                       "tidak dihitung (–).")
    if ev["target_penerima"].isna().all():
        catatan.append(f"Target penerima tahun {tahun} tidak ditetapkan di Tabel 4.3.")
    if (df == fmt.TIDAK_TERDEFINISI).any().any():
        catatan.append("–: data belum tersedia.")
    return Tabel(
        df, nomor=NOMOR_TABEL["spm"], judul=f"Capaian Standar Pelayanan Minimal (SPM) Bidang Sosial {label_periode(tahun, p.periode)}",
        kolom=[Kol("no", "No", rata="tengah"), Kol("jenis", "Jenis Pelayanan Dasar"), Kol("target", "Target Penerima", rata="kanan"),
               Kol("penerima", "Jumlah Penerima Layanan", rata="kanan"), Kol("capaian", "Capaian terhadap Target Penerima", rata="kanan"),
               Kol("persen", "Persentase Penerima Layanan", rata="kanan"), Kol("mutu", "Mutu Layanan", rata="kanan"),
               Kol("indeks", "Indeks SPM", rata="kanan"), Kol("kategori", "Kategori")],
        catatan=catatan, sumber="target: Tabel 4.3; realisasi: isian bidang (Tabel 2.10); diolah", lebar=True,
    )


def kalimat_spm(tahun: int, periode: str | None = None) -> HTML:
    """Ringkasan capaian SPM satu paragraf.

    >>> "259 orang" in kalimat_spm(2024).data, kalimat_spm(2026).data
    (True, '<p>Data realisasi SPM tahun 2026 belum tersedia. Tabel 2.13 menyajikan target penerima layanan tahun 2026.</p>')
    """
    ev = evaluasi_spm(tahun, periode)
    ada = ev[ev["tersedia"]]
    if ada.empty:
        return HTML(f"<p>Data realisasi SPM tahun {tahun} belum tersedia. Tabel {NOMOR_TABEL['spm']} menyajikan target penerima "
                    f"layanan tahun {tahun}.</p>")
    total = int(ada["penerima"].sum())
    s = f"Pada tahun {tahun} jumlah warga negara penerima layanan dasar SPM bidang sosial sebanyak {fmt.angka(total)} orang pada {len(ada)} jenis pelayanan dasar."
    tp = ada[ada["target_penerima"].notna()]
    if not tp.empty:
        capai = tp[tp["penerima"] >= tp["target_penerima"]]
        s += f" Sebanyak {len(capai)} dari {len(tp)} jenis pelayanan mencapai target jumlah penerima."
    penuh = ada[ada["persen_penerima"].notna() & (ada["persen_penerima"] >= ada["target_nspk"].fillna(100))]
    s += f" Persentase penerima layanan memenuhi target NSPK pada {len(penuh)} dari {len(ada)} jenis pelayanan."
    idx = ada[ada["indeks"].notna()]
    if not idx.empty:
        tertinggi = _label_tertinggi_spm(tahun, periode)
        paripurna = idx[idx["kategori"] == tertinggi]
        s += f" Indeks SPM dapat dihitung untuk {len(idx)} jenis pelayanan; "
        s += (f"{len(paripurna)} di antaranya berkategori {tertinggi}." if len(paripurna)
              else f"belum ada yang berkategori {tertinggi}.")
    else:
        s += " Indeks SPM belum dapat dihitung karena data mutu layanan belum tersedia."
    return HTML(f"<p>{esc(s)}</p>")


def _label_tertinggi_spm(tahun: int, periode: str | None = None) -> str:
    """Label pita SPM tertinggi yang berlaku (bawaan "Tuntas Paripurna")."""
    return _param(tahun, periode).tabel_aturan()["spm"][0].label


@bergaya
def gambar_spm(tahun: int, periode: str | None = None):
    """Gambar: jumlah penerima layanan dan target penerima per jenis pelayanan dasar SPM.

    >>> gambar_spm(2026).data.startswith("<p>Grafik SPM")
    True
    """

    p = _param(tahun, periode)
    ev = evaluasi_spm(tahun, periode)
    if not ev["tersedia"].any():
        return HTML(f"<p>Grafik SPM belum dapat disajikan: data realisasi SPM tahun {tahun} belum tersedia.</p>")
    fig, ax = subplots(figsize=(7.5, 3.4))
    x = list(range(len(ev)))
    lebar = 0.38
    tgt = ev["target_penerima"]
    ax.bar([xi - lebar / 2 for xi in x], [0 if pd.isna(v) else float(v) for v in tgt], width=lebar, color=WARNA["abu"], label="target penerima")
    ax.bar([xi + lebar / 2 for xi in x], [0 if pd.isna(v) else float(v) for v in ev["penerima"]], width=lebar, color=WARNA["utama"],
           label="penerima layanan")
    for xi, a, b in zip(x, tgt, ev["penerima"]):
        if pd.notna(a):
            ax.annotate(fmt.angka(a), (xi - lebar / 2, float(a)), textcoords="offset points", xytext=(0, 2), ha="center", fontsize=7)
        else:
            ax.annotate("target –", (xi - lebar / 2, 0), textcoords="offset points", xytext=(0, 2), ha="center", fontsize=6.5)
        if pd.notna(b):
            ax.annotate(fmt.angka(b), (xi + lebar / 2, float(b)), textcoords="offset points", xytext=(0, 2), ha="center", fontsize=7)
    ax.set_xticks(x)
    ax.set_xticklabels([f"{int(n)}. {_potong(j, 22)}" for n, j in zip(ev["no"], ev["jenis_pelayanan"])], fontsize=6.5)
    sumbu_angka(ax)
    ax.set_ylabel("orang")
    ax.legend(fontsize=8, frameon=False)
    return Gambar(fig, nomor=_rencana_gambar(tahun, periode)["spm"],
                  judul=f"Penerima layanan dasar SPM terhadap target {label_periode(tahun, p.periode)}",
                  sumber="Tabel " + NOMOR_TABEL["spm"])


# ----------------------------------------------------------------------------
# peringatan dini


def _dasar(kode: str, tahun: int, periode: str, cache: dict):
    """Realisasi terakhir indikator s.d. (tahun, periode): (tahun_data, periode_data, nilai, predikat) atau None."""
    awal = _tahun_data_awal(cache)
    for th in range(tahun, awal - 1, -1):
        ev = _evaluasi(th, periode if th == tahun else None, cache).set_index("kode")
        if kode in ev.index and ev.loc[kode, "tersedia"]:
            r = ev.loc[kode]
            return th, r["periode_realisasi"], float(r["realisasi"]), r["predikat"] if isinstance(r["predikat"], str) else None
    return None


def peringatan_dini(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Indikator IKU/IKK dan layanan SPM yang arah realisasinya diperkirakan tidak mencapai target ``tahun``.

    Dasar: realisasi terakhir s.d. periode dokumen (bila tahun itu belum ada
    data, realisasi tahun terakhir yang ada). Proyeksi akhir tahun: indikator
    *tingkat* (persen, nilai) = realisasi terakhir; indikator *kumulatif*
    (orang) = realisasi s.d. triwulan q × 4 / q (:func:`sifat_indikator`).
    Peringatan bila capaian proyeksi < 100 % (atau predikat di bawah target
    predikat); layanan SPM bila persentase penerima di bawah target NSPK atau
    indeks SPM di bawah pita tertinggi.

    Kolom: kode, nama, jenis, kelompok, dasar, realisasi, proyeksi, target,
    capaian, kategori, alasan.

    >>> w = peringatan_dini(2025).set_index("kode")
    >>> sorted(w.index)
    ['IKK-21', 'IKK-23', 'IKK-24', 'IKU-01']
    >>> w.loc["IKK-21", "alasan"]
    'realisasi terakhir (tahun 2024) sebesar 10 orang di bawah target 2025 12 orang; realisasi 2025 belum tersedia'
    >>> w.loc["IKU-01", "alasan"]
    'realisasi s.d. Triwulan I 2025 sebesar 82,20 % masih di bawah target tahunan 100 %'
    """
    p = _param(tahun, periode)
    pita = p.tabel_aturan()["capaian"]
    cache: dict = {}
    ind = _indikator()
    ind = ind.assign(_j=ind["jenis"].map({"IKU": 0, "IKK": 1})).sort_values(["_j", "no"])
    baris = []
    for _, r in ind.iterrows():
        kode, satuan = r["kode"], r["satuan"]
        t, tp = kinerja.target(kode, tahun)
        if t is None and tp is None:
            continue
        d = _dasar(kode, tahun, p.periode, cache)
        if d is None:
            continue
        th, per, v, pred = d
        sama_tahun = th == tahun
        parsial = per not in (None, "Tahunan")
        label = _label_realisasi(th, per)
        proyeksi = v
        if sifat_indikator(satuan) == "kumulatif" and sama_tahun and parsial:
            from ..core.parameter import urutan_periode

            proyeksi = v * 4 / urutan_periode(per)
        if t is not None:
            cap = rumus.capaian(proyeksi, t, r["polaritas"])
            if cap is None or cap >= 100:
                continue
            arah = "di atas batas" if r["polaritas"] == rumus.NEGATIF else "di bawah"
            tt = _nilai_satuan(t, satuan, ringkas=True)
            if not sama_tahun:
                alasan = (f"realisasi terakhir ({label}) sebesar {_nilai_satuan(v, satuan)} {arah} target {tahun} {tt}; "
                          f"realisasi {tahun} belum tersedia")
            elif parsial and sifat_indikator(satuan) == "kumulatif":
                alasan = (f"realisasi s.d. {per} {th} sebesar {_nilai_satuan(v, satuan)}, bila lajunya tetap menjadi "
                          f"{_nilai_satuan(proyeksi, satuan)} pada akhir tahun, {arah} target {tt}")
            elif parsial:
                alasan = f"realisasi s.d. {per} {th} sebesar {_nilai_satuan(v, satuan)} masih {arah} target tahunan {tt}"
            else:
                alasan = f"realisasi tahun {th} sebesar {_nilai_satuan(v, satuan)} {arah} target {tt}"
            kategori = rumus.kategori_capaian(cap, pita)
        else:
            if pred is None or kinerja.URUTAN_PREDIKAT[pred] >= kinerja.URUTAN_PREDIKAT[tp]:
                continue
            cap, kategori = None, None
            alasan = f"predikat {pred} (nilai {fmt.desimal(v)}, {label}) di bawah target predikat {tp}"
        baris.append({"kode": kode, "nama": r["nama"], "jenis": r["jenis"], "kelompok": r["penanggung_jawab"], "dasar": label,
                      "realisasi": v, "proyeksi": proyeksi, "target": t if t is not None else tp, "capaian": cap,
                      "kategori": kategori, "alasan": alasan})
    paripurna = p.tabel_aturan()["spm"][0].label
    for _, s in evaluasi_spm(tahun, periode).iterrows():
        if not s["tersedia"]:
            continue
        alasan = []
        if pd.notna(s["persen_penerima"]) and pd.notna(s["target_nspk"]) and s["persen_penerima"] < s["target_nspk"]:
            alasan.append(f"persentase penerima layanan {_nilai(s['persen_penerima'], '%')} di bawah target NSPK {_nilai(s['target_nspk'], '%')}")
        if isinstance(s["kategori"], str) and s["kategori"] != paripurna:
            alasan.append(f"indeks SPM {fmt.desimal(s['indeks'])} ({s['kategori']}) belum {paripurna}")
        if alasan:
            baris.append({"kode": f"SPM {s['no']}", "nama": s["jenis_pelayanan"], "jenis": "SPM", "kelompok": None,
                          "dasar": _label_realisasi(tahun, "Tahunan"), "realisasi": s["persen_penerima"], "proyeksi": s["persen_penerima"],
                          "target": s["target_nspk"], "capaian": rumus.capaian(s["persen_penerima"], s["target_nspk"]),
                          "kategori": s["kategori"], "alasan": "; ".join(alasan)})
    kolom = ["kode", "nama", "jenis", "kelompok", "dasar", "realisasi", "proyeksi", "target", "capaian", "kategori", "alasan"]
    return pd.DataFrame(baris, columns=kolom)


def kalimat_peringatan(tahun: int, periode: str | None = None) -> HTML:
    """Paragraf pengantar daftar peringatan dini, dibangkitkan dari data.

    >>> kalimat_peringatan(2025).data
    '<p>Berdasarkan realisasi s.d. Triwulan I 2025, 4 dari 26 indikator kinerja (IKU dan IKK) diperkirakan tidak mencapai target tahun 2025 bila arah capaiannya tidak berubah:</p>'
    """
    p = _param(tahun, periode)
    w = peringatan_dini(tahun, periode)
    ind = _indikator()
    cache: dict = {}
    ev = _evaluasi(tahun, p.periode, cache)
    ada_tahun_ini = bool(ev["tersedia"].any()) or bool(evaluasi_spm(tahun, periode)["tersedia"].any())
    n_ind = int((w["jenis"] != "SPM").sum())
    n_spm = int((w["jenis"] == "SPM").sum())
    s = ""
    if not ada_tahun_ini:
        s = f"Data realisasi tahun {tahun} belum tersedia. "
        if w.empty:
            return HTML(f"<p>{esc(s + 'Peringatan dini disusun setelah realisasi dilaporkan.')}</p>")
        s += f"Sebagai peringatan dini, realisasi terakhir yang tersedia dibandingkan dengan target tahun {tahun}: "
    else:
        s = f"Berdasarkan realisasi {_label_realisasi(tahun, p.periode)}, "
    # setahun penuh sudah terealisasi: bukan lagi perkiraan
    pasti = ada_tahun_ini and p.periode == "Tahunan" and (w["dasar"] == _label_realisasi(tahun, "Tahunan")).all()
    if w.empty:
        s += f"tidak ada indikator yang {'tidak mencapai' if pasti else 'diperkirakan meleset dari'} target tahun {tahun}."
        return HTML(f"<p>{esc(s)}</p>")
    bagian = []
    if n_ind:
        bagian.append(f"{n_ind} dari {len(ind)} indikator kinerja (IKU dan IKK)")
    if n_spm:
        bagian.append(f"{n_spm} jenis pelayanan dasar SPM")
    if pasti:
        s += " serta ".join(bagian) + f" tidak mencapai target tahun {tahun}:"
    else:
        s += " serta ".join(bagian) + f" diperkirakan tidak mencapai target tahun {tahun} bila arah capaiannya tidak berubah:"
    return HTML(f"<p>{esc(s)}</p>")


def daftar_peringatan(tahun: int, periode: str | None = None) -> HTML:
    """Daftar bernomor peringatan dini: "KODE Nama — alasan" (satu baris per indikator).

    >>> "IKK-24" in daftar_peringatan(2025).data
    True
    """
    w = peringatan_dini(tahun, periode)
    if w.empty:
        return HTML("")
    butir = [f"{r['kode']} {str(r['nama']).rstrip(' .')}: {r['alasan']}." for _, r in w.iterrows()]
    return HTML(daftar(butir, bernomor=True))
