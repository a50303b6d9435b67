"""BAB II 2.4 (lanjutan): capaian IKK dan SPM, seri realisasi–target 2025–2029, dan peringatan dini.

Melanjutkan subbab 2.4 (evaluasi capaian IKU) untuk tahun dan periode
dokumen. Buku ``03_evaluasi_iku_ikk_spm`` memuat frame numerik lalu
menyajikannya:

- ``ikk = evaluasi_ikk(tahun, periode)``: capaian setiap Indikator Kinerja
  Kunci (IKK, Tabel 4.2) terhadap targetnya, dengan polaritas dan kategori,
  dikelompokkan menurut bidang penanggung jawab (Tabel 4.5); disajikan oleh
  :func:`tabel_ikk`, :func:`gambar_capaian_ikk` dan, dengan
  ``seri = seri_ikk(tahun, periode)``, :func:`gambar_seri_ikk` (realisasi–target
  setiap indikator dari data paling awal sampai akhir Renstra).
- ``spm = evaluasi_spm(tahun, periode)``: capaian SPM bidang sosial (Tabel 2.10
  dan 4.3): penerima layanan terhadap target, persentase penerima, mutu,
  indeks dan kategori SPM (Permendagri 59/2021); :func:`tabel_spm`,
  :func:`gambar_spm`.
- ``dini = peringatan_dini(tahun, periode)``: indikator IKU, IKK dan layanan SPM
  yang menurut arah realisasinya saat ini diperkirakan tidak mencapai target
  tahun itu, dengan alasan satu baris; :func:`daftar_peringatan`.

Fungsi penyaji menerima frame itu dan tidak membaca data lagi; frame di balik
tabel tetap numerik (format per kolom diterapkan saat render). Tabel dan gambar
diberi label; nomornya diberi mesin dokumen.

Periode triwulanan dan semesteran dievaluasi terhadap target **tahunan**
dengan realisasi sampai dengan periode itu, seperti narasi 2.4 sumber
("Sampai dengan Triwulan I Tahun 2025 ... terealisasi 82,20% dari target
kinerja 100%"). Rumus capaian dan pita kategori: :mod:`analisis.core.rumus`,
:mod:`analisis.core.aturan` (dapat diganti lewat ``parameters/``).

Examples
--------
>>> e = evaluasi_ikk(2025).set_index("kode")
>>> round(float(e.loc["IKK-24", "realisasi"]), 2), float(e.loc["IKK-24", "target"]), e.loc["IKK-24", "kategori"]
(97.34, 95.0, 'Sangat Tinggi')
>>> s = evaluasi_spm(2024).set_index("no")
>>> int(s.loc[1, "penerima"]), float(s.loc[1, "persen_penerima"]), s.loc[1, "indeks"] is None
(60, 80.0, True)
"""

from __future__ import annotations

import math
import re
import textwrap

import pandas as pd
from IPython.display import HTML
from matplotlib.ticker import MaxNLocator

from ..core import data, kinerja, parameter, rumus
from ..core import format as fmt
from ..core.aturan import PITA_SAKIP, Pita, uraian_pita
from ..core.periode import SINGKATAN_PERIODE, label_periode, urutan_periode
from ..presentation.grafik import Gambar, WARNA, bergaya, kanvas, subplots, sumbu_angka, sumbu_persen
from ..presentation.tabel import Kol, Tabel, daftar, esc, reviu_saja, rujuk

__all__ = [
    "LABEL", "sifat_indikator",
    "evaluasi_ikk", "tabel_ikk", "kalimat_ikk", "gambar_capaian_ikk",
    "seri_indikator", "seri_ikk", "kelompok_ikk", "gambar_seri_ikk",
    "evaluasi_spm", "tabel_spm", "kalimat_spm", "gambar_spm",
    "peringatan_dini", "kalimat_peringatan", "daftar_peringatan",
]

#: Label tabel dan gambar bagian ini (nomornya diberi mesin dokumen menurut urutan baca).
LABEL = {"tabel_ikk": "capaian-ikk", "gambar_ikk": "capaian-ikk", "tabel_spm": "capaian-spm", "gambar_spm": "penerima-spm"}

#: Ukuran huruf terkecil grafik pada ukuran cetak (issue 14: ≥ 8 pt); grafik selebar halaman A4 tegak.
HURUF = 8
LEBAR_CETAK = 6.5


# ----------------------------------------------------------------------------
# bantuan


def _label_realisasi(tahun: int, periode: str | None) -> str:
    """ "tahun 2024" atau "s.d. Triwulan I 2025"."""
    return f"tahun {tahun}" if periode in (None, "Tahunan") else f"s.d. {periode} {tahun}"


def _param(tahun: int, periode: str | None) -> parameter.Parameter:
    return parameter.muat(tahun, periode)


def _tahun_periode(df: pd.DataFrame) -> tuple[int, str]:
    """(tahun, periode dokumen) frame evaluasi: dari ``attrs``-nya, atau dari kolom ``tahun`` dan ``periode``."""
    if "tahun" in df.attrs and "periode" in df.attrs:
        return int(df.attrs["tahun"]), str(df.attrs["periode"])
    if df.empty or not {"tahun", "periode"} <= set(df.columns):
        raise ValueError("frame evaluasi tanpa tahun dan periode dokumen: pakai frame dari evaluasi_ikk, evaluasi_spm "
                         "atau peringatan_dini")
    return int(df["tahun"].iloc[0]), str(df["periode"].iloc[0])


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
    teks = fmt.bilangan(v) if ringkas else _angka_realisasi(v)
    return f"{teks} %" if satuan == "%" else teks


def _angka_realisasi(v) -> str:
    """Realisasi: bilangan bulat tanpa desimal, selain itu dua desimal ("46", "2,66").

    >>> _angka_realisasi(46.0), _angka_realisasi(2.6586), _angka_realisasi(None)
    ('46', '2,66', '–')
    """
    if not fmt.terdefinisi(v):
        return fmt.TIDAK_TERDEFINISI
    return fmt.desimal(v, 0 if float(v).is_integer() else 2)


def _nilai_satuan(v, satuan: str, ringkas: bool = False) -> str:
    s = _nilai(v, satuan, ringkas)
    return f"{s} orang" if satuan == "orang" and s != fmt.TIDAK_TERDEFINISI else s


def _slug(teks: str) -> str:
    """Bagian label dari teks bebas: "Bidang Penanganan Bencana" → "bidang-penanganan-bencana"."""
    return re.sub(r"[^a-z0-9]+", "-", str(teks).lower()).strip("-") or "lainnya"


def _bidang_urut() -> list[str]:
    """Nama bidang menurut urutan ``data/instansi.yaml``."""
    return [b["nama"] for b in data.instansi()["bidang"]]


def _indikator() -> pd.DataFrame:
    return data.muat("indikator")


# ----------------------------------------------------------------------------
# IKK


def evaluasi_ikk(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Target, realisasi, capaian dan kategori setiap IKK (Tabel 4.2) tahun ``tahun``: frame numerik.

    Realisasi s.d. periode dokumen dibandingkan dengan target tahunan; kolom
    :func:`analisis.core.kinerja.evaluasi_indikator` ditambah ``no``,
    ``kelompok`` (bidang penanggung jawab, Tabel 4.5, menurut urutan bidang),
    ``tahun`` dan ``periode`` (periode dokumen). Baris urut kelompok lalu nomor.

    >>> e = evaluasi_ikk(2026)
    >>> len(e), int(e["tersedia"].sum()), float(e.set_index("kode").loc["IKK-19", "target"])
    (24, 0, 46.0)
    >>> e["kelompok"].iloc[0], e["kode"].iloc[0]
    ('Sekretariat', 'IKK-01')
    """
    p = _param(tahun, periode)
    ev = kinerja.evaluasi_indikator(tahun, p.periode, jenis=("IKK",), pita_capaian=p.tabel_aturan()["capaian"])
    ind = _indikator().set_index("kode")
    ev["no"] = ev["kode"].map(ind["no"]).astype(int)
    ev["kelompok"] = ev["kode"].map(ind["penanggung_jawab"]).fillna("Lainnya")
    ev["tahun"] = tahun
    ev["periode"] = p.periode
    urut = {k: i for i, k in enumerate(kelompok_ikk())}
    ev = ev.assign(_k=ev["kelompok"].map(urut)).sort_values(["_k", "no"]).drop(columns="_k").reset_index(drop=True)
    ev.attrs.update(tahun=tahun, periode=p.periode)
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


def _dengan_judul_kelompok(df: pd.DataFrame, kolom_nama: str = "nama") -> pd.DataFrame:
    """Sisipkan baris judul kelompok (kelas ``kelompok``) sebelum setiap kelompok; sel lain baris judul kosong ("")."""
    bagian = []
    for kel, sub in df.groupby("kelompok", sort=False):
        judul = {k: "" for k in df.columns} | {kolom_nama: kel, "kelompok": kel, "kelas": "kelompok"}
        bagian.append(pd.DataFrame([judul]))
        bagian.append(sub.assign(kelas=""))
    return pd.concat(bagian, ignore_index=True)


class _KolIsi(Kol):
    """Kolom berformat yang membiarkan sel baris judul kelompok ("") kosong, bukan "–"."""

    def sel(self, nilai) -> str:
        return "" if isinstance(nilai, str) and nilai == "" else super().sel(nilai)


def _teks_target(v) -> str:
    return fmt.bilangan(v)


def tabel_ikk(ikk: pd.DataFrame, kolom: list[Kol] | None = None, catatan: list[str] | None = None) -> Tabel:
    """Tabel capaian IKK per bidang dari frame :func:`evaluasi_ikk`: target, realisasi, capaian, kategori.

    Frame di balik tabel tetap numerik (``target``, ``realisasi``, ``capaian``);
    baris judul bidang berkelas ``kelompok``. ``kolom`` menimpa kolom tampilan
    (mis. untuk menambah kolom yang ditambahkan analis ke ``ikk``), ``catatan``
    ditambahkan di bawah catatan bawaan.

    Hanya IKK yang realisasinya tersedia yang disajikan (target semua IKK ada di
    Tabel 4.2, @tabel:penetapan-ikk); tanpa satu pun realisasi, tabel tidak
    disajikan dan :func:`kalimat_ikk` menjadi satu kalimat.

    >>> t = tabel_ikk(evaluasi_ikk(2025))
    >>> t.label, "97,54 %" in t.html(), "Negatif" in t.html(), t.html().count('class="kelompok"')
    ('capaian-ikk', True, True, 1)
    >>> tabel_ikk(evaluasi_ikk(2026)).data
    ''
    >>> t.df[t.df["kelas"] == ""].set_index("kode").loc["IKK-24", ["target", "capaian"]].astype(float).round(2).tolist()
    [95.0, 97.54]
    >>> import re
    >>> judul = re.findall(r'<tr class="kelompok">.*?</tr>', t.html())
    >>> len(judul), "Sekretariat" in judul[0], any("–" in j for j in judul)  # baris judul bidang tanpa "–"
    (1, True, False)
    """
    tahun, periode = _tahun_periode(ikk)
    p = _param(tahun, periode)
    if not ikk["tersedia"].any():
        return HTML("")
    df = ikk[ikk["tersedia"].astype(bool)].copy()
    df["polaritas"] = df["polaritas"].map(lambda v: str(v).capitalize() if isinstance(v, str) else v)
    beda = df["periode_realisasi"].where(df["tersedia"] & df["periode_realisasi"].ne(periode))
    df["periode_data"] = beda.map(lambda v: v if isinstance(v, str) else "")
    df = _dengan_judul_kelompok(df)
    ada_beda = bool((df["periode_data"].fillna("") != "").any())
    kol = kolom or [
        _KolIsi("no", "No", lambda v: str(int(v)), rata="tengah"), Kol("nama", "Indikator Kinerja Kunci"),
        Kol("satuan", "Satuan", rata="tengah"), Kol("polaritas", "Polaritas", rata="tengah"),
        _KolIsi("target", "Target", _teks_target, rata="kanan"),
        _KolIsi("realisasi", "Realisasi", _angka_realisasi, rata="kanan"),
        *([Kol("periode_data", "Periode Data", rata="tengah")] if ada_beda else []),
        _KolIsi("capaian", "Capaian", "persen", rata="kanan"), Kol("kategori", "Kategori"),
    ]
    cat = []
    if periode != "Tahunan":
        cat.append(f"Realisasi s.d. {periode} {tahun} dibandingkan dengan target tahunan {tahun}.")
    cat += [
        "Capaian = realisasi / target × 100 % untuk polaritas positif (makin tinggi makin baik); "
        "(2 × target − realisasi) / target × 100 % untuk polaritas negatif.",
        "Kategori capaian: " + uraian_pita(p.tabel_aturan()["capaian"], "batas") + ".",
    ]
    isi = df[df["kelas"] == ""]
    if isi["realisasi"].isna().any() or isi["target"].isna().any():
        cat.append("–: realisasi belum tersedia atau target tidak ditetapkan.")
    if ada_beda:
        cat.append("Periode Data: periode data realisasi bila berbeda dengan periode dokumen.")
    return Tabel(
        df, label=LABEL["tabel_ikk"], judul=f"Capaian Indikator Kinerja Kunci (IKK) {label_periode(tahun, periode)}",
        kolom=kol, catatan=cat + list(catatan or []),
        sumber="target: @tabel:penetapan-ikk; realisasi: isian bidang, data PPKS dan SPM; diolah", baris_kelas="kelas",
    )


def _awal_ringkasan(df: pd.DataFrame, nama: str, target: str, label_target: str):
    """Awal kalimat ringkasan dari frame ``evaluasi_*``: tahun, periode, baris yang tersedia, dan paragraf
    "belum dilaporkan" (merujuk tabel target ``label_target``) bila tidak ada satu pun realisasi, selain itu ``None``."""
    tahun, periode = _tahun_periode(df)
    ada = df[df["tersedia"]]
    if not ada.empty:
        return tahun, periode, ada, None
    return tahun, periode, ada, HTML(f"<p>Realisasi {nama} tahun {tahun} belum dilaporkan; {target} tahun {tahun} "
                                     f"tercantum pada {rujuk('tabel', label_target)}.</p>")


def kalimat_ikk(ikk: pd.DataFrame) -> HTML:
    """Ringkasan capaian IKK dalam satu paragraf, dibangkitkan dari frame :func:`evaluasi_ikk`.

    >>> print(kalimat_ikk(evaluasi_ikk(2026)).data)
    <p>Realisasi IKK tahun 2026 belum dilaporkan; target IKK tahun 2026 tercantum pada <a class="rujukan" href="#tabel-penetapan-ikk" data-jenis="tabel" data-label="penetapan-ikk">Tabel [penetapan-ikk]</a>.</p>
    """
    tahun, periode, ada, belum_ada = _awal_ringkasan(ikk, "IKK", "target IKK", "penetapan-ikk")
    if belum_ada is not None:
        return belum_ada
    tabel = rujuk("tabel", LABEL["tabel_ikk"])
    dinilai = ada[ada["capaian"].notna()]
    capai = dinilai[dinilai["capaian"] >= 100]
    s = f"Dari {len(ikk)} IKK, realisasi {_label_realisasi(tahun, periode)} tersedia untuk {len(ada)} indikator"
    if dinilai.empty:
        s += f", tetapi target tahun {tahun} untuk indikator tersebut tidak ditetapkan sehingga capaiannya tidak dihitung."
    else:
        s += (f" dan {len(dinilai)} di antaranya dapat dibandingkan dengan target: {len(capai)} mencapai atau melampaui"
              f" target, {len(dinilai) - len(capai)} belum.")
    if not dinilai.empty:
        rendah = dinilai.sort_values("capaian").iloc[0]
        s += f" Capaian terendah {rendah['kode']} ({rendah['nama']}) sebesar {fmt.persen(rendah['capaian'])}"
        s += f" dengan kategori {rendah['kategori']}." if isinstance(rendah["kategori"], str) else "."
    belum = len(ikk) - len(ada)
    if belum:
        s += f" Realisasi {belum} IKK lainnya belum dilaporkan; targetnya tercantum pada @@PENETAPAN@@."
    return HTML(f"<p>{esc(s).replace('@@PENETAPAN@@', rujuk('tabel', 'penetapan-ikk'))} Rinciannya pada {tabel}.</p>")


# ----------------------------------------------------------------------------
# grafik capaian IKK


_WARNA_KATEGORI = [WARNA["ketiga"], WARNA["utama"], WARNA["kedua"], "#d9822b", WARNA["target"], "#7f1d1d"]


def _warna_kategori(label: str | None, pita: tuple[Pita, ...]) -> str:
    labels = [p.label for p in pita]
    if label not in labels:
        return WARNA["abu"]
    return _WARNA_KATEGORI[min(labels.index(label), len(_WARNA_KATEGORI) - 1)]


def _bungkus(teks: str, lebar: int) -> str:
    """Teks utuh dipecah per ``lebar`` karakter (tidak pernah dipotong "…")."""
    return "\n".join(textwrap.wrap(str(teks), lebar, break_long_words=False))


@bergaya
def gambar_capaian_ikk(ikk: pd.DataFrame):
    """Gambar capaian IKK yang dapat dinilai (frame :func:`evaluasi_ikk`), berwarna menurut kategori, garis 100 %.

    Legenda di atas bidang gambar, sehingga tidak pernah menutupi garis 100 %.
    Bila belum ada capaian yang dapat dihitung, paragraf keterangan.

    >>> g = gambar_capaian_ikk(evaluasi_ikk(2025))
    >>> g.label, "IKK-24" in g.svg(), "97,54 %" in g.svg()
    ('capaian-ikk', True, True)
    """
    tahun, periode = _tahun_periode(ikk)
    ev = ikk[ikk["capaian"].notna()].sort_values("no", ascending=False)
    if ev.empty:
        return HTML(f"<p>Grafik capaian IKK belum dapat disajikan: realisasi IKK tahun {tahun} yang dapat dibandingkan "
                    "dengan target belum tersedia.</p>")
    from matplotlib.patches import Patch

    pita = _param(tahun, periode).tabel_aturan()["capaian"]
    tinggi_batang = 0.32
    tinggi = 1.25 + tinggi_batang * len(ev) + 0.3
    fig, ax = subplots(figsize=(LEBAR_CETAK, tinggi))
    fig.subplots_adjust(left=0.75 / LEBAR_CETAK, right=1 - 0.2 / LEBAR_CETAK, top=1 - 0.55 / tinggi, bottom=0.7 / tinggi)
    y = list(range(len(ev)))
    nilai = ev["capaian"].astype(float).tolist()
    ax.barh(y, nilai, color=[_warna_kategori(k, pita) for k in ev["kategori"]], height=0.6)
    for yi, v in zip(y, nilai):
        ax.text(v, yi, " " + fmt.persen(v), va="center", fontsize=HURUF)
    ax.set_yticks(y, ev["kode"].tolist())
    ax.set_ylim(-0.6, len(ev) - 0.4)
    ax.axvline(100, color=WARNA["target"], linestyle="--", linewidth=1)
    ax.set_xlim(0, max(115.0, max(nilai) * 1.2))
    sumbu_persen(ax, "x")
    ax.tick_params(labelsize=HURUF)
    ax.set_xlabel("capaian terhadap target (garis putus-putus: 100 %)", fontsize=HURUF)
    muncul = [pt for pt in pita if pt.label in set(ev["kategori"])]
    ax.legend(handles=[Patch(color=_warna_kategori(pt.label, pita), label=pt.label) for pt in muncul],
              loc="lower left", bbox_to_anchor=(0, 1.02), ncol=max(1, len(muncul)), fontsize=HURUF, frameon=False,
              borderaxespad=0, title="kategori capaian:", title_fontsize=HURUF, alignment="left")
    return Gambar(fig, label=LABEL["gambar_ikk"], judul=f"Capaian IKK {label_periode(tahun, periode)}",
                  sumber=f"@tabel:{LABEL['tabel_ikk']}")


# ----------------------------------------------------------------------------
# seri realisasi–target


def _akhir_renstra() -> int:
    return int(data.instansi()["periode_renstra"]["akhir"])


def seri_indikator(kode: str, tahun: int, periode: str | None = None, awal: int | None = None) -> pd.DataFrame:
    """Realisasi dan target indikator ``kode`` per tahun, dari data paling awal sampai akhir Renstra.

    Realisasi hanya sampai ``tahun`` (tahun dokumen: periode dokumen; tahun
    sebelumnya: periode terakhir yang ada). ``parsial`` menandai realisasi yang
    belum setahun penuh. Target dari Tabel 4.1/4.2 (dan 2.11 untuk 2024).
    ``awal``: tahun pertama seri (bawaan: tahun pertama yang memiliki realisasi
    atau target indikator itu). Evaluasi setiap tahun diambil dari memo
    :func:`analisis.core.kinerja.evaluasi_indikator`.

    >>> s = seri_indikator("IKK-19", 2025).set_index("tahun")
    >>> s.index.min(), s.index.max(), float(s.loc[2024, "realisasi"]), float(s.loc[2029, "target"])
    (2024, 2029, 60.0, 60.0)
    """
    return _Seri(tahun, periode).satu(kode, awal)


class _Seri:
    """Bahan seri satu dokumen (evaluasi per tahun, target, rentang tahun), dihitung sekali untuk semua indikator."""

    def __init__(self, tahun: int, periode: str | None):
        self.tahun = tahun
        self.periode = _param(tahun, periode).periode
        self.target = data.muat("target")
        self.awal_data = _tahun_data_awal()
        self.akhir = _akhir_renstra()
        self._ev: dict[int, pd.DataFrame] = {}

    def evaluasi(self, th: int) -> pd.DataFrame:
        if th not in self._ev:
            ev = kinerja.evaluasi_indikator(th, self.periode if th == self.tahun else None)
            self._ev[th] = ev[ev["tersedia"]].set_index("kode")
        return self._ev[th]

    def satu(self, kode: str, awal: int | None = None) -> pd.DataFrame:
        target = self.target[self.target["kode"] == kode].set_index("tahun")
        mulai = min([self.awal_data, *target.index.astype(int).tolist()])
        baris = []
        for th in range(mulai if awal is None else min(mulai, awal), self.akhir + 1):
            t_angka = float(target.loc[th, "target"]) if th in target.index and pd.notna(target.loc[th, "target"]) else None
            t_pred = target.loc[th, "target_predikat"] if th in target.index else None
            t_pred = t_pred if isinstance(t_pred, str) else None
            real, per = None, None
            if th <= self.tahun:
                ev = self.evaluasi(th)
                if kode in ev.index:
                    real, per = float(ev.loc[kode, "realisasi"]), ev.loc[kode, "periode_realisasi"]
            baris.append({"kode": kode, "tahun": th, "target": t_angka, "target_predikat": t_pred, "realisasi": real,
                          "periode_realisasi": per, "parsial": per is not None and per != "Tahunan"})
        df = pd.DataFrame(baris)
        if awal is not None:
            return df[df["tahun"] >= awal].reset_index(drop=True)
        ada = df[df["realisasi"].notna() | df["target"].notna() | df["target_predikat"].notna()]
        return df[df["tahun"] >= (int(ada["tahun"].min()) if not ada.empty else mulai)].reset_index(drop=True)


def seri_ikk(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Seri realisasi–target setiap IKK (frame panjang: satu baris per kode × tahun), sumbu tahun sama per bidang.

    Kolom :func:`seri_indikator` ditambah ``kelompok``.

    >>> s = seri_ikk(2025)
    >>> s["kode"].nunique(), int(s["tahun"].max()), bool(s.loc[s["kode"] == "IKK-24", "parsial"].any())
    (24, 2029, True)
    """
    bahan = _Seri(tahun, periode)
    ind = _indikator()
    ind = ind[ind["jenis"] == "IKK"].assign(kelompok=lambda d: d["penanggung_jawab"].fillna("Lainnya"))
    bagian = []
    for kel in kelompok_ikk():
        kode = ind.loc[ind["kelompok"] == kel].sort_values("no")["kode"].tolist()
        awal = min(int(bahan.satu(k)["tahun"].min()) for k in kode)  # sumbu tahun yang sama untuk satu gambar
        bagian += [bahan.satu(k, awal=awal).assign(kelompok=kel) for k in kode]
    return pd.concat(bagian, ignore_index=True)


def _tahun_data_awal() -> int:
    """Tahun paling awal yang memiliki data realisasi apa pun (PPKS, SAKIP, SPM, isian)."""
    tahun = []
    for nama in ("ppks_rekap", "ppks_pas", "sakip", "spm_realisasi", "realisasi"):
        tahun += data.muat(nama)["tahun"].astype(int).tolist()
    return min(tahun) if tahun else int(data.instansi()["periode_renstra"]["awal"])


def _label_batang(v, satuan: str) -> str:
    """Label nilai di atas batang seri: ringkas tanpa satuan (satuan ada di judul panel).

    >>> _label_batang(82.2041, "%"), _label_batang(100.0, "%"), _label_batang(164.0, "orang"), _label_batang(-0.42, "%")
    ('82,2', '100', '164', '−0,4')
    """
    v = float(v)
    return fmt.desimal(v, 0 if v.is_integer() or abs(v) >= 100 else 1)


def _panel(ax, s: pd.DataFrame, satuan: str, tahun: int) -> None:
    # kolom frame diambil sekali sebagai daftar biasa: 24 panel, tanpa operasi pandas per titik
    x = [int(v) for v in s["tahun"]]
    real = [None if pd.isna(v) else float(v) for v in s["realisasi"]]
    t = [None if pd.isna(v) else float(v) for v in s["target"]]
    parsial = [bool(p) for p in s["parsial"]]
    warna = [WARNA["kedua"] if p else WARNA["utama"] for p in parsial]
    ada = [i for i, v in enumerate(real) if v is not None]
    ax.bar([x[i] for i in ada], [real[i] for i in ada], color=[warna[i] for i in ada], width=0.6, label="realisasi")
    if any(v is not None for v in t):
        ax.plot([xi for xi, v in zip(x, t) if v is not None], [v for v in t if v is not None], color=WARNA["target"],
                marker="o", markersize=3.5, linewidth=1.2, label="target")
    for xi, tp in zip(x, s["target_predikat"]):
        if isinstance(tp, str):
            bawah = next((pt.batas_bawah for pt in PITA_SAKIP if pt.label == tp), None)
            if bawah is not None:
                ax.plot([xi], [bawah], marker="o", markerfacecolor="none", color=WARNA["target"], markersize=5)
                ax.annotate(tp, (xi, bawah), textcoords="offset points", xytext=(4, 3), fontsize=HURUF, color=WARNA["target"])
    atas = [v for v in real + t if v is not None]
    ymax = (max(atas) * 1.35) if atas and max(atas) > 0 else 1
    tinggi_pt = ax.get_position().height * ax.figure.get_figheight() * 72
    sebelumnya = None  # (tahun, puncak label dalam pt) label batang sebelumnya
    for xi, v, par, per in zip(x, real, parsial, s["periode_realisasi"]):
        if v is not None:
            lbl = _label_batang(v, satuan)
            if par:
                lbl += f"\n{SINGKATAN_PERIODE.get(per, per)}"
            dasar = max(v, 0) / ymax * tinggi_pt + 2
            naik = 2.0
            if sebelumnya is not None and xi - sebelumnya[0] == 1 and dasar < sebelumnya[1] + 1:
                naik += sebelumnya[1] + 1 - dasar  # label bersebelahan: yang kanan di atas yang kiri, tidak bertumpuk
            baris = lbl.count("\n") + 1
            sebelumnya = (xi, dasar + naik - 2 + baris * HURUF * 1.05)
            ax.annotate(lbl, (xi, max(v, 0)), textcoords="offset points", xytext=(0, naik), ha="center", va="bottom",
                        fontsize=HURUF, linespacing=1.0,
                        bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    ax.axvline(tahun + 0.5, color=WARNA["abu"], linewidth=0.6, linestyle=":")
    # gaya label tik dipasang sebelum tik dibuat: setiap tik baru lahir dengan gaya itu, tanpa diubah satu per satu
    ax.tick_params(labelsize=HURUF)
    ax.tick_params(axis="x", labelrotation=90)
    ax.set_xticks(x, [str(v) for v in x])
    ax.set_xlim(min(x) - 0.6, max(x) + 0.6)
    ax.set_ylim(0, ymax)
    digit = 1 if atas and max(atas) < 10 else 0  # hindari label sumbu kembar (1 %, 1 %, 2 %)
    if satuan == "%":
        sumbu_persen(ax, digit=digit)
    else:
        sumbu_angka(ax, digit=digit)
    ax.yaxis.set_major_locator(MaxNLocator(4))
    for sumbu in (ax.xaxis, ax.yaxis):  # panel tanpa judul sumbu: letaknya tidak perlu diukur dari label tik
        sumbu.set_label_coords(0.5, 0.5)


#: Geometri panel seri (inci, ukuran cetak): kolom, lebar bungkus judul, tinggi sumbu, ruang label tahun, legenda.
_SERI = {"kolom": 3, "bungkus": 27, "sumbu": 1.0, "bawah": 0.45, "legenda": 0.4, "kiri": 0.5, "antar": 0.55,
         "baris_judul": HURUF * 1.18 / 72}


@bergaya
def gambar_seri_ikk(seri: pd.DataFrame, ikk: pd.DataFrame) -> list:
    """Satu gambar per bidang, satu panel per IKK: realisasi (batang) dan target (garis) per tahun.

    ``seri`` dari :func:`seri_ikk`, ``ikk`` dari :func:`evaluasi_ikk` (nama,
    satuan, nomor). Batang oranye = realisasi belum setahun penuh (s.d.
    triwulan); garis titik vertikal = batas tahun dokumen. Judul panel utuh
    (dibungkus, tidak dipotong) dan setiap teks ≥ 8 pt pada ukuran cetak; tata
    letak dihitung sekali (tanpa ``tight_layout``).

    >>> g = gambar_seri_ikk(seri_ikk(2025), evaluasi_ikk(2025))
    >>> len(g), g[0].label, g[0].judul
    (5, 'seri-ikk-sekretariat', 'Realisasi dan target IKK Sekretariat, data awal s.d. 2029')
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    tahun, _periode = _tahun_periode(ikk)
    akhir = int(seri["tahun"].max())
    g = _SERI
    hasil = []
    per_kode = dict(tuple(seri.groupby("kode", sort=False)))
    for kel, sub in ikk.groupby("kelompok", sort=False):
        sub = sub.sort_values("no")
        n = len(sub)
        kolom = min(g["kolom"], n)
        baris = math.ceil(n / kolom)
        judul = [f"{r['kode']} ({r['satuan']})\n" + _bungkus(r["nama"], g["bungkus"]) for _, r in sub.iterrows()]
        garis = [j.count("\n") + 1 for j in judul]
        per_baris = [max(garis[i * kolom:(i + 1) * kolom]) * g["baris_judul"] + 0.08 for i in range(baris)]
        tinggi = sum(per_baris) + baris * (g["sumbu"] + g["bawah"]) + g["legenda"]
        lebar_panel = (LEBAR_CETAK - g["kiri"] - 0.1 - (g["kolom"] - 1) * g["antar"]) / g["kolom"]
        fig = kanvas((LEBAR_CETAK, tinggi))  # panel diletakkan satu per satu: tinggi judul berbeda per baris
        y = tinggi
        for i, ((_, r), jd) in enumerate(zip(sub.iterrows(), judul)):
            b, k = divmod(i, kolom)
            if k == 0:
                y -= per_baris[b] + g["sumbu"]
                if b:
                    y -= g["bawah"]
            x0 = g["kiri"] + k * (lebar_panel + g["antar"])
            ax = fig.add_axes((x0 / LEBAR_CETAK, y / tinggi, lebar_panel / LEBAR_CETAK, g["sumbu"] / tinggi))
            _panel(ax, per_kode.get(r["kode"], seri.iloc[:0]), r["satuan"], tahun)
            ax.set_title(jd, fontsize=HURUF, loc="left", linespacing=1.0, pad=4, y=1.0)  # y tetap: tanpa hitung ulang posisi judul
        fig.legend(handles=[Patch(color=WARNA["utama"], label="realisasi setahun"),
                            Patch(color=WARNA["kedua"], label="realisasi s.d. triwulan/semester"),
                            Line2D([], [], color=WARNA["target"], marker="o", label="target")],
                   loc="lower center", ncol=3, fontsize=HURUF, frameon=False, bbox_to_anchor=(0.5, 0.0))
        hasil.append(Gambar(fig, label=f"seri-ikk-{_slug(kel)}", judul=f"Realisasi dan target IKK {kel}, data awal s.d. {akhir}",
                            sumber="target: @tabel:penetapan-ikk; realisasi: isian bidang, data PPKS dan SPM; diolah"))
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
    >>> bool(evaluasi_spm(2026)["tersedia"].any())
    False
    """
    p = _param(tahun, periode)
    pita = p.tabel_aturan()["spm"]
    lay = data.muat("spm_layanan").sort_values("no")
    tgt = data.muat("spm_target")
    tgt = tgt[tgt["tahun"] == tahun].set_index("no")
    real = data.muat("spm_realisasi")
    real = real[real["tahun"] == tahun].set_index("no")
    mutu = data.muat("spm_mutu")
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
    df = pd.DataFrame(baris).assign(tahun=tahun, periode=p.periode)
    df.attrs.update(tahun=tahun, periode=p.periode)
    return df


def tabel_spm(spm: pd.DataFrame, kolom: list[Kol] | None = None, catatan: list[str] | None = None) -> Tabel:
    """Tabel capaian SPM bidang sosial dari frame :func:`evaluasi_spm`: penerima terhadap target, mutu, indeks, kategori.

    Tanpa satu pun realisasi tahun itu, tabel tidak disajikan (:func:`kalimat_spm`
    menjadi satu kalimat yang merujuk target SPM).

    >>> t = tabel_spm(evaluasi_spm(2024))
    >>> t.label, "164" in t.html(), "80 %" in t.html(), t.df["penerima"].tolist()
    ('capaian-spm', True, True, [60, 18, 10, 7, 164])
    >>> tabel_spm(evaluasi_spm(2025)).data
    ''
    """
    if not spm["tersedia"].any():
        return HTML("")
    tahun, periode = _tahun_periode(spm)
    p = _param(tahun, periode)
    persen = lambda v: _nilai(v, "%")  # noqa: E731 — bulat tanpa desimal ("100 %"), selain itu dua desimal
    kol = kolom or [
        Kol("no", "No", rata="tengah"), Kol("jenis_pelayanan", "Jenis Pelayanan Dasar"),
        Kol("target_penerima", "Target Penerima", "angka"), Kol("penerima", "Jumlah Penerima Layanan", "angka"),
        Kol("capaian_penerima", "Capaian terhadap Target Penerima", "persen"),
        Kol("persen_penerima", "Persentase Penerima Layanan", persen), Kol("mutu", "Mutu Layanan", persen),
        Kol("indeks", "Indeks SPM", "desimal"), Kol("kategori", "Kategori"),
    ]
    cat = []
    if periode != "Tahunan":
        cat.append(f"Realisasi SPM dilaporkan tahunan; dokumen {label_periode(tahun, periode)} menyajikan data tahun {tahun} bila sudah ada.")
    cat.append("Indeks SPM = 80 % × persentase penerima layanan dasar + 20 % × persentase mutu minimal layanan "
               "(Permendagri Nomor 59 Tahun 2021). Kategori: " + uraian_pita(p.tabel_aturan()["spm"], "batas", " %") + ".")
    if spm["tersedia"].any() and spm["mutu"].isna().any():
        cat.append("Mutu layanan belum dilaporkan untuk sebagian atau semua jenis pelayanan: indeks dan kategori SPM "
                   "tidak dihitung (–).")
    if spm["target_penerima"].isna().all():
        cat.append(f"Target penerima tahun {tahun} tidak ditetapkan di @tabel:target-spm.")
    if spm[[k.kunci for k in kol]].isna().any().any():
        cat.append("–: data belum tersedia.")
    return Tabel(
        spm, label=LABEL["tabel_spm"],
        judul=f"Capaian Standar Pelayanan Minimal (SPM) Bidang Sosial {label_periode(tahun, periode)}",
        kolom=kol, catatan=cat + list(catatan or []),
        sumber="target: @tabel:target-spm; realisasi: isian bidang (@tabel:realisasi-spm); diolah", lebar=True,
    )


def kalimat_spm(spm: pd.DataFrame) -> HTML:
    """Ringkasan capaian SPM satu paragraf dari frame :func:`evaluasi_spm`.

    >>> "259 orang" in kalimat_spm(evaluasi_spm(2024)).data
    True
    >>> print(kalimat_spm(evaluasi_spm(2026)).data)
    <p>Realisasi SPM tahun 2026 belum dilaporkan; target penerima layanan tahun 2026 tercantum pada <a class="rujukan" href="#tabel-target-spm" data-jenis="tabel" data-label="target-spm">Tabel [target-spm]</a>.</p>
    """
    tahun, periode, ada, belum_ada = _awal_ringkasan(spm, "SPM", "target penerima layanan", "target-spm")
    if belum_ada is not None:
        return belum_ada
    tabel = rujuk("tabel", LABEL["tabel_spm"])
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
        tertinggi = _param(tahun, periode).tabel_aturan()["spm"][0].label
        paripurna = idx[idx["kategori"] == tertinggi]
        s += f" Indeks SPM dapat dihitung untuk {len(idx)} jenis pelayanan; "
        s += (f"{len(paripurna)} di antaranya berkategori {tertinggi}." if len(paripurna)
              else f"belum ada yang berkategori {tertinggi}.")
    else:
        s += " Indeks SPM belum dapat dihitung karena data mutu layanan belum tersedia."
    return HTML(f"<p>{esc(s)} Rinciannya pada {tabel}.</p>")


@bergaya
def gambar_spm(spm: pd.DataFrame):
    """Gambar jumlah penerima layanan dan target penerima per jenis pelayanan dasar SPM (frame :func:`evaluasi_spm`).

    >>> gambar_spm(evaluasi_spm(2026)).data  # tempat kosong khusus edisi reviu
    '<div class="reviu-saja tempat-kosong"><p>Grafik SPM belum dapat disajikan: data realisasi SPM tahun 2026 belum tersedia.</p></div>'
    >>> gambar_spm(evaluasi_spm(2024)).label
    'penerima-spm'
    """
    tahun, periode = _tahun_periode(spm)
    if not spm["tersedia"].any():
        return HTML(reviu_saja(f"Grafik SPM belum dapat disajikan: data realisasi SPM tahun {tahun} belum tersedia."))
    jenis = [f"{int(n)}. {_bungkus(j, 16)}" for n, j in zip(spm["no"], spm["jenis_pelayanan"])]
    tinggi = 2.6 + 0.14 * max(j.count("\n") + 1 for j in jenis)
    fig, ax = subplots(figsize=(LEBAR_CETAK, tinggi))
    fig.subplots_adjust(left=0.7 / LEBAR_CETAK, right=1 - 0.1 / LEBAR_CETAK, top=1 - 0.4 / tinggi,
                        bottom=(0.2 + 0.15 * max(j.count("\n") + 1 for j in jenis)) / tinggi)
    x = list(range(len(spm)))
    lebar = 0.38
    tgt = spm["target_penerima"]
    ax.bar([xi - lebar / 2 for xi in x], tgt.fillna(0).astype(float), width=lebar, color=WARNA["abu"], label="target penerima")
    ax.bar([xi + lebar / 2 for xi in x], spm["penerima"].fillna(0).astype(float), width=lebar, color=WARNA["utama"],
           label="penerima layanan")
    for xi, a, b in zip(x, tgt, spm["penerima"]):
        teks_a = fmt.angka(a) if pd.notna(a) else "target –"
        ax.annotate(teks_a, (xi - lebar / 2, float(a) if pd.notna(a) else 0), textcoords="offset points", xytext=(0, 2),
                    ha="center", va="bottom", fontsize=HURUF, rotation=0 if pd.notna(a) else 90)
        if pd.notna(b):
            ax.annotate(fmt.angka(b), (xi + lebar / 2, float(b)), textcoords="offset points", xytext=(0, 2), ha="center",
                        va="bottom", fontsize=HURUF)
    ax.set_xticks(x, jenis, fontsize=HURUF)
    puncak = pd.concat([tgt.dropna().astype(float), spm["penerima"].dropna().astype(float)])
    ax.set_ylim(0, max(1.0, float(puncak.max()) * 1.18 if not puncak.empty else 1.0))
    sumbu_angka(ax)
    ax.tick_params(axis="y", labelsize=HURUF)
    ax.set_ylabel("orang", fontsize=HURUF)
    ax.legend(fontsize=HURUF, frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, borderaxespad=0)
    return Gambar(fig, label=LABEL["gambar_spm"],
                  judul=f"Penerima layanan dasar SPM terhadap target {label_periode(tahun, periode)}",
                  sumber=f"@tabel:{LABEL['tabel_spm']}")


# ----------------------------------------------------------------------------
# peringatan dini


def _dasar(kode: str, tahun: int, periode: str):
    """Realisasi terakhir indikator s.d. (tahun, periode): (tahun_data, periode_data, nilai, predikat) atau None."""
    awal = _tahun_data_awal()
    for th in range(tahun, awal - 1, -1):
        ev = kinerja.evaluasi_indikator(th, periode if th == tahun else None).set_index("kode")
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
    capaian, kategori, alasan. ``attrs``: tahun, periode, jumlah_indikator,
    ada_tahun_ini (untuk :func:`kalimat_peringatan`).

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
    ind = _indikator()
    ind = ind.assign(_j=ind["jenis"].map({"IKU": 0, "IKK": 1})).sort_values(["_j", "no"])
    baris = []
    for _, r in ind.iterrows():
        kode, satuan = r["kode"], r["satuan"]
        t, tp = kinerja.target(kode, tahun)
        if t is None and tp is None:
            continue
        d = _dasar(kode, tahun, p.periode)
        if d is None:
            continue
        th, per, v, pred = d
        sama_tahun = th == tahun
        parsial = per not in (None, "Tahunan")
        label = _label_realisasi(th, per)
        proyeksi = v
        if sifat_indikator(satuan) == "kumulatif" and sama_tahun and parsial:
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
    spm = evaluasi_spm(tahun, periode)
    for _, s in spm.iterrows():
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
    df = pd.DataFrame(baris, columns=kolom)
    ev = kinerja.evaluasi_indikator(tahun, p.periode)
    df.attrs.update(tahun=tahun, periode=p.periode, jumlah_indikator=len(ind),
                    ada_tahun_ini=bool(ev["tersedia"].any()) or bool(spm["tersedia"].any()))
    return df


def kalimat_peringatan(dini: pd.DataFrame) -> HTML:
    """Paragraf pengantar daftar peringatan dini dari frame :func:`peringatan_dini`.

    >>> kalimat_peringatan(peringatan_dini(2025)).data
    '<p>Berdasarkan realisasi s.d. Triwulan I 2025, 4 dari 26 indikator kinerja (IKU dan IKK) diperkirakan tidak mencapai target tahun 2025 bila arah capaiannya tidak berubah:</p>'
    """
    tahun, periode = _tahun_periode(dini)
    ada_tahun_ini = bool(dini.attrs.get("ada_tahun_ini", True))
    n_ind = int((dini["jenis"] != "SPM").sum())
    n_spm = int((dini["jenis"] == "SPM").sum())
    if not ada_tahun_ini:
        s = f"Data realisasi tahun {tahun} belum tersedia. "
        if dini.empty:
            return HTML(f"<p>{esc(s + 'Peringatan dini disusun setelah realisasi dilaporkan.')}</p>")
        s += f"Sebagai peringatan dini, realisasi terakhir yang tersedia dibandingkan dengan target tahun {tahun}: "
    else:
        s = f"Berdasarkan realisasi {_label_realisasi(tahun, periode)}, "
    # setahun penuh sudah terealisasi: bukan lagi perkiraan
    pasti = ada_tahun_ini and periode == "Tahunan" and (dini["dasar"] == _label_realisasi(tahun, "Tahunan")).all()
    if dini.empty:
        s += f"tidak ada indikator yang {'tidak mencapai' if pasti else 'diperkirakan meleset dari'} target tahun {tahun}."
        return HTML(f"<p>{esc(s)}</p>")
    bagian = []
    if n_ind:
        bagian.append(f"{n_ind} dari {dini.attrs.get('jumlah_indikator', n_ind)} indikator kinerja (IKU dan IKK)")
    if n_spm:
        bagian.append(f"{n_spm} jenis pelayanan dasar SPM")
    if pasti:
        s += " serta ".join(bagian) + f" tidak mencapai target tahun {tahun}:"
    else:
        s += " serta ".join(bagian) + f" diperkirakan tidak mencapai target tahun {tahun} bila arah capaiannya tidak berubah:"
    return HTML(f"<p>{esc(s)}</p>")


def daftar_peringatan(dini: pd.DataFrame) -> HTML:
    """Daftar bernomor peringatan dini: "KODE Nama: alasan." (satu baris per indikator).

    >>> "IKK-24" in daftar_peringatan(peringatan_dini(2025)).data
    True
    """
    if dini.empty:
        return HTML("")
    butir = [f"{r['kode']} {str(r['nama']).rstrip(' .')}: {r['alasan']}." for _, r in dini.iterrows()]
    return HTML(daftar(butir, bernomor=True))
