"""BAB II 2.4 Evaluasi terhadap capaian IKU: Tabel 2.11, narasi, dan grafik.

Setiap angka dihitung dari ``data/`` lewat :mod:`analisis.core.kinerja`:

- IKU 1 (persentase PPKS tertangani, DO Tabel 4.4 baris 1) dan penurunan
  jumlah PPKS menurut **Definisi Operasional IKK 24** (Tabel 4.5 baris 24):
  (Σ PPKS terdata N−1 − Σ PPKS terdata N) / Σ PPKS terdata N−1 × 100 %
  (:func:`analisis.core.kinerja.evaluasi_ppks`). Narasi sumber menghitung
  penurunan dari angka *tertangani* (8.108 jiwa, 16,22 %); angka narasi yang
  tercetak tampil menurut register keputusan (:func:`analisis.core.resmi.nilai`,
  temuan ``PENURUNAN-PPKS-<tahun>-*``) dan bertanda di edisi reviu.
- IKU 2 (nilai SAKIP): predikat menurut pita PermenPANRB 88/2021
  (:func:`analisis.core.rumus.predikat_sakip`), capaian terhadap target angka
  dengan :func:`analisis.core.rumus.capaian` dan kategorinya dengan
  :func:`analisis.core.rumus.kategori_capaian`. Pita yang dipakai adalah pita
  parameter dokumen (:meth:`analisis.core.parameter.Parameter.tabel_aturan`).

Tabel realisasi IKU (Tabel 2.11 sumber) menyajikan tahun N−1 (tahunan) dan
tahun N (periode dokumen). Buku ``03_evaluasi_iku`` memuat frame numerik
``ev = evaluasi_iku(tahun, periode)`` dan frame grafik (``data_grafik_*``) lalu
menyajikannya dengan fungsi yang menerima frame itu; tabel dan gambar diberi
label dan nomornya diberi mesin dokumen.

Narasi milik satu tahun (faktor penyebab perubahan PPKS, tindak lanjut LHE
SAKIP, penjelasan nilai AKIP) dibaca dari ``data/teks/<tahun>/``
(:func:`analisis.core.data.teks_tahun`); tahun tanpa berkasnya tidak menampilkan
paragraf itu di edisi final dan menampilkan tempat kosong di edisi reviu.

Examples
--------
>>> k = kalimat_ppks(2023, "Tahunan", tahun_dokumen=2024)
>>> "tidak tersedia" in k and "50.001 jiwa" in k
True
>>> kalimat_ppks(2026, "Tahunan", tahun_dokumen=2026)
'Data realisasi tahun 2026 belum tersedia, sehingga capaian IKU 1 (Persentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang Tertangani) dan penurunan jumlah PPKS tahun 2026 belum dapat dihitung.'
"""

from __future__ import annotations

import html as _html_lib
import math
import re
from matplotlib.ticker import MultipleLocator
import pandas as pd
from IPython.display import HTML, Markdown

from ..core import data, kinerja, parameter, resmi, rumus
from ..core import format as fmt
from ..core.aturan import SUMBER_ATURAN, Pita, uraian_pita
from ..core.data import periode_renstra
from ..core.format import bilangan, terbilang
from ..core.periode import label_periode, label_singkat, periode_dokumen
from ..presentation.grafik import Gambar, WARNA, bergaya, ruang_kanvas, subplots, sumbu_angka, sumbu_persen
from ..presentation.tabel import Kol, Tabel, esc, paragraf, reviu_saja, rujuk
from ..presentation.teks import Kalimat, bertanda

__all__ = [
    "LABEL",
    "kolom_evaluasi",
    "evaluasi_iku",
    "pengantar",
    "tabel_realisasi_iku",
    "sel_tabel",
    "kalimat_ketersediaan",
    "RUMUS_PENURUNAN",
    "kalimat_aturan",
    "kalimat_tujuan",
    "kalimat_ppks",
    "narasi_ppks",
    "faktor_penurunan",
    "blok_teks_tahun",
    "kalimat_sakip",
    "narasi_sakip",
    "tindak_lanjut_sakip",
    "data_grafik_ppks",
    "grafik_ppks",
    "data_grafik_capaian_ppks",
    "grafik_capaian_ppks",
    "data_grafik_sakip",
    "grafik_sakip",
]

#: Label tabel dan gambar subbab 2.4 (nomornya diberi mesin dokumen menurut urutan baca).
LABEL = {"tabel": "realisasi-iku", "ppks": "ppks-per-tahun", "capaian_ppks": "capaian-ppks", "sakip": "nilai-sakip"}

#: Ukuran huruf terkecil grafik pada ukuran cetak (issue 14: ≥ 8 pt); grafik selebar halaman A4 tegak.
HURUF = 8
LEBAR_CETAK = 6.5

_KODE_PPKS = "ppks_tertangani"
_KODE_SAKIP = "nilai_sakip"

# ----------------------------------------------------------------------------
# bantuan umum


def _html(kalimat) -> str:
    """Paragraf HTML dari ``str`` biasa atau :class:`Kalimat` (yang membawa penanda temuan)."""
    return kalimat._repr_html_() if isinstance(kalimat, Kalimat) else paragraf(kalimat)


def _teks_tahun_polos(topik: str, tahun: int) -> str | None:
    """Teks ``data/teks/<tahun>/<topik>.md`` sebagai teks biasa (untuk disisipkan dalam kalimat)."""
    import html

    isi = data.teks_tahun(topik, tahun)
    return None if isi is None else " ".join(html.unescape(isi).split())


def _tempat_kosong(uraian: str, topik: str, tahun: int) -> str:
    """Blok edisi reviu untuk teks tahun ``tahun`` yang belum diisi (edisi final membuangnya)."""
    return reviu_saja(f"{uraian} tahun {tahun} belum diisi (data/teks/{tahun}/{topik}.md).")


def blok_teks_tahun(topik: str, tahun: int, uraian: str):
    """Markdown ``data/teks/<tahun>/<topik>.md``; bila belum ada, tempat kosong edisi reviu.

    >>> blok_teks_tahun("evaluasi_faktor_penurunan", 2025, "Faktor penyebab").data.startswith("Penurunan jumlah PPKS")
    True
    >>> blok_teks_tahun("evaluasi_faktor_penurunan", 2026, "Faktor penyebab").data
    '<div class="reviu-saja tempat-kosong"><p>Faktor penyebab tahun 2026 belum diisi (data/teks/2026/evaluasi_faktor_penurunan.md).</p></div>'
    """
    isi = data.teks_tahun(topik, tahun)
    if isi is not None:
        return Markdown(isi)
    return HTML(_tempat_kosong(uraian, topik, tahun))

def _urutan(n: int) -> str:
    return "pertama" if n == 1 else f"ke{terbilang(n)}" if n < 12 else f"ke-{n}"


def _awal_kalimat(tahun: int, periode: str | None) -> str:
    """ "Pada Tahun 2024" atau "Sampai dengan Triwulan I Tahun 2025" (seperti narasi 2.4)."""
    return f"Pada {label_periode(tahun, periode)}" if periode in (None, "Tahunan") else f"Sampai dengan {label_periode(tahun, periode)}"


def _aturan(tahun: int, periode: str | None = None) -> dict[str, tuple[Pita, ...]]:
    return parameter.muat(tahun, periode).tabel_aturan()


def _pita_diubah(tahun: int, nama: str) -> bool:
    return nama in (parameter.muat(tahun).aturan or {})


def _interpretasi(label: str | None, pita: tuple[Pita, ...]) -> str | None:
    for p in pita:
        if p.label == label:
            return p.keterangan or None
    return None


def _peringkat(label: str, pita: tuple[Pita, ...]) -> int:
    """Peringkat predikat (makin besar makin baik) menurut urutan pita."""
    labels = [p.label for p in pita]
    return len(labels) - labels.index(label)


def _indikator() -> pd.DataFrame:
    return data.muat("indikator").set_index("kode")


def _kode_sumber(sumber: str) -> str | None:
    ind = data.muat("indikator")
    kode = ind.loc[ind["realisasi_dari"] == sumber, "kode"]
    kode = [k for k in kode if k.startswith("IKU")] or list(kode)
    return kode[0] if kode else None


# ----------------------------------------------------------------------------
# evaluasi


def kolom_evaluasi(tahun: int, periode: str | None = None) -> list[tuple[int, str]]:
    """Tahun dan periode yang disajikan Tabel 2.11: N−1 (tahunan) dan N (periode dokumen).

    >>> kolom_evaluasi(2025), kolom_evaluasi(2026)
    ([(2024, 'Tahunan'), (2025, 'Triwulan I')], [(2025, 'Tahunan'), (2026, 'Tahunan')])
    """
    return [(tahun - 1, "Tahunan"), (tahun, periode_dokumen(tahun, periode))]


def evaluasi_iku(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Target, realisasi, capaian dan predikat IKU untuk tahun-tahun Tabel 2.11.

    Dihitung dengan :func:`analisis.core.kinerja.evaluasi_indikator` (pita
    kategori capaian dari parameter dokumen); predikat SAKIP realisasi dan
    predikat yang setara dengan target angka dihitung ulang dengan pita
    parameter dokumen (:func:`analisis.core.rumus.predikat_sakip`).

    Kolom tambahan: ``tahun``, ``periode`` (periode kolom tabel), ``no``,
    ``tujuan``, ``indikator_tujuan``, ``sasaran``, ``realisasi_dari``,
    ``interpretasi``, ``predikat_target``, ``interpretasi_target``.

    >>> e = evaluasi_iku(2025).set_index(["tahun", "kode"])
    >>> round(float(e.loc[(2024, "IKU-01"), "capaian"]), 2), round(float(e.loc[(2025, "IKU-01"), "capaian"]), 2)
    (95.76, 82.2)
    >>> e.loc[(2024, "IKU-02"), ["predikat", "target_predikat", "tercapai"]].tolist()
    ['CC', 'B', False]
    >>> e.loc[(2025, "IKU-02"), ["predikat", "predikat_target", "periode_realisasi"]].tolist()
    ['B', 'CC', 'Triwulan II']
    """
    aturan = _aturan(tahun, periode)
    pita_sakip, pita_capaian = aturan["sakip"], aturan["capaian"]
    ind = _indikator()
    bagian = []
    for th, per in kolom_evaluasi(tahun, periode):
        e = kinerja.evaluasi_indikator(th, per, jenis=("IKU",), pita_capaian=pita_capaian)
        e = e.assign(tahun=th, periode=per)
        for k in ("no", "tujuan", "indikator_tujuan", "sasaran", "realisasi_dari"):
            e[k] = e["kode"].map(ind[k])
        pred, interp, pred_t, interp_t, tercapai = [], [], [], [], []
        for _, r in e.iterrows():
            sakip = r["realisasi_dari"] == _KODE_SAKIP
            p = rumus.predikat_sakip(r["realisasi"], pita_sakip) if sakip and r["tersedia"] else None
            pt = rumus.predikat_sakip(r["target"], pita_sakip) if sakip and fmt.terdefinisi(r["target"]) else None
            pred.append(None if p is None else p.kode)
            interp.append(None if p is None else p.interpretasi)
            pred_t.append(None if pt is None else pt.kode)
            interp_t.append(_interpretasi(r["target_predikat"], pita_sakip) if isinstance(r["target_predikat"], str) else (None if pt is None else pt.interpretasi))
            t = r["tercapai"]
            if sakip and p is not None and isinstance(r["target_predikat"], str) and not fmt.terdefinisi(r["target"]):
                t = _peringkat(p.kode, pita_sakip) >= _peringkat(r["target_predikat"], pita_sakip)
            tercapai.append(None if t is None or (not isinstance(t, bool) and pd.isna(t)) else bool(t))
        e["predikat"], e["interpretasi"], e["predikat_target"], e["interpretasi_target"] = pred, interp, pred_t, interp_t
        e["tercapai"] = pd.Series(tercapai, index=e.index, dtype=object)
        bagian.append(e)
    hasil = pd.concat(bagian, ignore_index=True)
    hasil.attrs.update(tahun=tahun, periode=periode_dokumen(tahun, periode))
    return hasil


def _kolom_frame(ev: pd.DataFrame) -> list[tuple[int, str]]:
    """(tahun, periode) kolom tabel menurut urutan frame :func:`evaluasi_iku`."""
    return list(dict.fromkeys(zip(ev["tahun"].astype(int), ev["periode"])))


# ----------------------------------------------------------------------------
# pengantar dan Tabel 2.11


def pengantar(tahun: int, periode: str | None = None) -> Markdown:
    """Teks pengantar 2.4 (``data/teks/evaluasi_pengantar.md``) dengan kalimat pengantar tabel dibangkitkan.

    Blok terakhir teks sumber ("Berikut ini capaian ... sampai dengan Tahun
    2025 ...") memuat tahun dokumen sumber, jadi diganti kalimat yang dibangun
    dari ``tahun``/``periode`` dan nama instansi.

    >>> pengantar(2026).data.endswith("sampai dengan Tahun 2026 yang tersaji pada tabel berikut:")
    True
    """
    blok = [b.strip() for b in data.teks("evaluasi_pengantar").split("\n\n") if b.strip()]
    if blok and blok[-1].rstrip().endswith(":"):
        blok = blok[:-1]
    nama = esc(data.instansi()["nama_lengkap"])
    per = periode_dokumen(tahun, periode)
    blok.append(
        f"Berikut ini capaian indikator kinerja utama pada {nama} sampai dengan {label_periode(tahun, per)} "
        "yang tersaji pada tabel berikut:"
    )
    return Markdown("\n\n".join(blok))


#: Kolom :func:`evaluasi_iku` yang dibawa frame Tabel 2.11 untuk setiap tahun (akhiran ``_<tahun>``).
_KOLOM_TAHUN = ("periode", "target", "target_predikat", "predikat_target", "interpretasi_target", "tersedia",
                "realisasi", "periode_realisasi", "predikat", "interpretasi", "capaian", "kategori", "tercapai")


def _tahun_baris(r, th: int) -> dict:
    """Nilai satu tahun dari baris frame Tabel 2.11 (kolom berakhiran ``_<th>``) beserta kolom bersama."""
    v = {k: r[f"{k}_{th}"] for k in (*_KOLOM_TAHUN, "keterangan", "target_tercetak", "predikat_target_tercetak")}
    v.update(satuan=r["satuan"], realisasi_dari=r["realisasi_dari"])
    return v


def _teks_target(r) -> str:
    if isinstance(r.get("target_tercetak"), str):
        return r["target_tercetak"]
    if isinstance(r["target_predikat"], str) and not fmt.terdefinisi(r["target"]):
        it = r["interpretasi_target"]
        return f"{r['target_predikat']} ({it})" if isinstance(it, str) else r["target_predikat"]
    if not fmt.terdefinisi(r["target"]):
        return fmt.TIDAK_TERDEFINISI
    if r["satuan"] == "%":
        return f"{bilangan(r['target'])} %"
    if isinstance(r["predikat_target"], str):
        return f"{bilangan(r['target'])} ({r['predikat_target']})"
    return bilangan(r["target"])


def _tidak_ada(r) -> str:
    """ "tidak tersedia" bila data tahun itu ada tetapi tidak lengkap (mis. PPKS tertangani 2023), selain itu "belum tersedia"."""
    if r["realisasi_dari"] == _KODE_PPKS and kinerja.evaluasi_ppks(int(r["tahun"]), r["periode"]) is not None:
        return "tidak tersedia"
    return "belum tersedia"


def _teks_realisasi(r) -> str:
    if not r["tersedia"]:
        return r["keterangan"]
    if r["realisasi_dari"] == _KODE_SAKIP:
        s = f"{r['predikat']} (nilai {fmt.desimal(r['realisasi'], 2)}"
    elif r["satuan"] == "%":
        s = fmt.persen(r["realisasi"])
    else:
        s = bilangan(r["realisasi"])
    beda = isinstance(r["periode_realisasi"], str) and r["periode_realisasi"] != r["periode"]
    if r["realisasi_dari"] == _KODE_SAKIP:
        return s + (f"; s.d. {r['periode_realisasi']})" if beda else ")")
    return s + (f" (s.d. {r['periode_realisasi']})" if beda else "")


def _teks_capaian(r) -> str:
    if not r["tersedia"]:
        return r["keterangan"]
    tercetak = r.get("predikat_target_tercetak")
    if isinstance(tercetak, str) and isinstance(r["predikat"], str):
        # target tercetak berupa predikat (register keputusan): capaian dibandingkan predikatnya
        return f"{r['predikat']} ({r['interpretasi']}); " + ("mencapai target" if r["tercapai"] else f"di bawah target {tercetak}")
    if fmt.terdefinisi(r["capaian"]):
        teks = f"{fmt.persen(r['capaian'])} ({r['kategori']})"
        if isinstance(r["predikat"], str):
            teks += f"; predikat {r['predikat']} ({r['interpretasi']})"
        return teks
    if isinstance(r["target_predikat"], str) and isinstance(r["predikat"], str):
        status = "mencapai target" if r["tercapai"] else f"di bawah target {r['target_predikat']}"
        return f"{r['predikat']} ({r['interpretasi']}); {status}"
    return fmt.TIDAK_TERDEFINISI


#: Sel Tabel 2.11 per tahun: (kolom kunci frame, judul, penyusun teks dari nilai tahun itu).
_SEL_TAHUN = (("target", "Target", _teks_target), ("realisasi", "Realisasi", _teks_realisasi),
              ("capaian", "Capaian Kinerja", _teks_capaian))


def tabel_realisasi_iku(ev: pd.DataFrame) -> Tabel:
    """Tabel realisasi IKU (Tabel 2.11 sumber) dari frame :func:`evaluasi_iku`: tahun N−1 dan periode dokumen tahun N.

    Kolom: No, Tujuan, Indikator Tujuan, Sasaran, Indikator, lalu untuk setiap
    tahun Target / Realisasi / Capaian Kinerja. Frame tabel tetap numerik: satu
    baris per IKU dengan kolom ``target_<tahun>``, ``realisasi_<tahun>``,
    ``capaian_<tahun>`` (angka) dan kolom pendampingnya (``predikat_<tahun>``,
    ``kategori_<tahun>``, ``periode_realisasi_<tahun>``, …, ``satuan``). Sel
    tercetak menggabungkan beberapa nilai seperti sumber mencetaknya (realisasi
    nilai SAKIP "CC (nilai 58,30)"; capaian target angka "95,76 % (Sangat
    Tinggi)"; target predikat dibandingkan predikatnya) dan baru disusun saat
    tabel dirender (``Kol(baris=True)``). Target yang tercetak berbeda menurut
    register keputusan ada di ``target_tercetak_<tahun>``.

    >>> t = tabel_realisasi_iku(evaluasi_iku(2025))
    >>> d = t.df.set_index("kode")
    >>> d.loc["IKU-01", ["target_2024", "realisasi_2024", "capaian_2025"]].round(2).tolist()
    [100.0, 95.76, 82.2]
    >>> [d.loc["IKU-02", k] for k in ("predikat_target_2025", "target_tercetak_2025")], d.loc["IKU-02", "target_2025"] + 0
    (['CC', 'B Baik'], np.float64(58.0))
    >>> sel = sel_tabel(t)
    >>> sel["IKU-01"][5:]
    ['100 %', '95,76 %', '95,76 % (Sangat Tinggi)', '100 %', '82,20 %', '82,20 % (Tinggi)']
    >>> sel["IKU-02"][5:]
    ['B (Baik)', 'CC (nilai 58,30)', 'CC (Cukup (Memadai)); di bawah target B', 'B Baik', 'B (nilai 60,70; s.d. Triwulan II)', 'B (Baik); mencapai target']
    >>> sorted(n.kode for n in t.temuan.values())
    ['TABEL-2-11-INDIKATOR-BARIS-2', 'TABEL-2-11-SASARAN-BARIS-2', 'TARGET-IKU-02-TABEL-2-11-2025']
    >>> sel_tabel(tabel_realisasi_iku(evaluasi_iku(2026)))["IKU-02"][-3:]
    ['60 (CC)', 'belum tersedia', 'belum tersedia']
    """
    tahun = int(ev.attrs.get("tahun", ev["tahun"].max()))
    kol = _kolom_frame(ev)
    df = ev[ev["tahun"] == kol[-1][0]][["kode", "no", "tujuan", "indikator_tujuan", "sasaran", "nama", "satuan",
                                        "realisasi_dari"]]
    df = df.sort_values("no").reset_index(drop=True)
    for k in ("tujuan", "indikator_tujuan", "sasaran"):
        df[k] = df[k].map(lambda v: v if isinstance(v, str) else "")
    kolom = [Kol("no", "No.", None, "tengah")] + [Kol(k, j) for k, j in (
        ("tujuan", "Tujuan"), ("indikator_tujuan", "Indikator Tujuan"), ("sasaran", "Sasaran"), ("nama", "Indikator"))]
    kelompok = [("", 5)]
    ada_kosong, ada_strip = False, False
    temuan = {}
    # sel Tabel 2.11 yang tercetak berbeda (indikator dan sasaran baris 2): menurut register keputusan
    for kolom_df, kode_t in (("nama", "TABEL-2-11-INDIKATOR-BARIS-2"), ("sasaran", "TABEL-2-11-SASARAN-BARIS-2")):
        if len(df) > 1:
            n = resmi.nilai(kode_t, df.loc[1, kolom_df], tahun=tahun)
            if n.bertemuan:
                df.loc[1, kolom_df] = n.nilai
                temuan[(1, kolom_df)] = n
    for th, per in kol:
        sub = ev[ev["tahun"] == th].set_index("kode").reindex(df["kode"])
        for k in _KOLOM_TAHUN:
            df[f"{k}_{th}"] = sub[k].to_numpy()
        for k in ("target", "realisasi", "capaian"):  # angka, juga bila belum ada satu pun (NaN, bukan None)
            df[f"{k}_{th}"] = pd.to_numeric(df[f"{k}_{th}"], errors="coerce").astype(float)
        df[f"keterangan_{th}"] = [None if r["tersedia"] else _tidak_ada(r) for _, r in sub.iterrows()]
        df[f"target_tercetak_{th}"] = df[f"predikat_target_tercetak_{th}"] = None
        df[f"tercapai_{th}"] = df[f"tercapai_{th}"].astype(object)
        for pos, k in enumerate(df["kode"]):
            dihitung = _teks_target(_tahun_baris(df.loc[pos], th))
            n = resmi.nilai(f"TARGET-{k}-TABEL-2-11-{th}", dihitung, tahun=tahun)
            if not n.bertemuan or n.nilai == dihitung:
                continue
            df.loc[pos, f"target_tercetak_{th}"] = n.nilai
            temuan[(pos, f"target_{th}")] = n
            r = sub.loc[k]
            pred_t = str(n.nilai).split()[0]
            if isinstance(r["predikat"], str) and pred_t in kinerja.URUTAN_PREDIKAT:
                df.loc[pos, f"predikat_target_tercetak_{th}"] = pred_t
                df.loc[pos, f"tercapai_{th}"] = kinerja.URUTAN_PREDIKAT[r["predikat"]] >= kinerja.URUTAN_PREDIKAT[pred_t]
        ada_kosong |= not sub["tersedia"].all()
        ada_strip |= any(_teks_target(_tahun_baris(r, th)) == fmt.TIDAK_TERDEFINISI for _, r in df.iterrows())
        kolom += [Kol(f"{k}_{th}", judul, lambda r, th=th, f=f: f(_tahun_baris(r, th)), "tengah", baris=True)
                  for k, judul, f in _SEL_TAHUN]
        kelompok.append((f"Target Kinerja Tujuan/Sasaran pada {label_periode(th, per)}", 3))
    catatan = [kalimat_aturan(tahun, kol[-1][1])]
    if ada_kosong:
        catatan.append("belum tersedia / tidak tersedia: data realisasi periode itu belum ada atau tidak tercatat.")
    if ada_strip:
        catatan.append("–: target tahun itu tidak tercantum dalam dokumen penetapan target.")
    catatan.append("s.d.: realisasi yang tersedia adalah sampai dengan periode yang disebut.")
    (th0, per0), (th1, per1) = kol
    return Tabel(
        df, label=LABEL["tabel"],
        judul=f"Realisasi Indikator Kinerja Utama (IKU) {label_periode(th0, per0)} dan {label_periode(th1, per1)}",
        kolom=kolom, catatan=catatan, lebar=True, judul_kelompok=kelompok, temuan=temuan,
        sumber="target: @tabel:penetapan-iku dan penetapan tahun sebelumnya; realisasi: data PPKS dan hasil evaluasi SAKIP (diolah)",
    )


def sel_tabel(t: Tabel) -> dict[str, list[str]]:
    """Teks tercetak setiap sel badan tabel per ``kode`` baris (untuk memeriksa tampilan dari frame numerik).

    >>> sel_tabel(tabel_realisasi_iku(evaluasi_iku(2024)))["IKU-01"][5:8]  # 2023: target tidak tercantum
    ['–', 'tidak tersedia', 'tidak tersedia']
    """
    polos = lambda h: _html_lib.unescape(re.sub(r"<[^>]+>", "", h))  # noqa: E731
    return {r["kode"]: [polos(k.sel(r if k.baris else r[k.kunci])) for k in t.kolom] for _, r in t.df.iterrows()}


def kalimat_ketersediaan(ev: pd.DataFrame) -> HTML:
    """Kalimat tentang realisasi tahun dokumen yang belum tersedia (kosong bila semuanya tersedia), dari frame :func:`evaluasi_iku`.

    >>> print(kalimat_ketersediaan(evaluasi_iku(2027)).data)
    <p>Data realisasi tahun 2027 belum tersedia. <a class="rujukan" href="#tabel-realisasi-iku" data-jenis="tabel" data-label="realisasi-iku">Tabel [realisasi-iku]</a> menyajikan target tahun 2027; realisasi dan capaian kinerjanya akan diisi setelah data realisasi dilaporkan. Realisasi terakhir yang tersedia: data PPKS Triwulan I Tahun 2025; nilai SAKIP Triwulan II Tahun 2025.</p>
    >>> kalimat_ketersediaan(evaluasi_iku(2025)).data
    ''
    """
    tahun = int(ev.attrs.get("tahun", ev["tahun"].max()))
    kini = ev[ev["tahun"] == tahun]
    kosong = kini[~kini["tersedia"].astype(bool)]
    if kosong.empty:
        return HTML("")
    if len(kosong) == len(kini):
        s = (f"Data realisasi tahun {tahun} belum tersedia. @@TABEL@@ menyajikan target tahun {tahun}; realisasi dan "
             "capaian kinerjanya akan diisi setelah data realisasi dilaporkan.")
    else:
        nama = ", ".join(kosong["nama"])
        s = f"Data realisasi tahun {tahun} untuk indikator {nama} belum tersedia."
    terakhir = _realisasi_terakhir(tahun)
    if terakhir:
        s += " Realisasi terakhir yang tersedia: " + "; ".join(terakhir) + "."
    return HTML(paragraf(s).replace("@@TABEL@@", rujuk("tabel", LABEL["tabel"])))


def _realisasi_terakhir(tahun: int) -> list[str]:
    """Uraian periode realisasi terakhir (sampai ``tahun``) untuk PPKS dan nilai SAKIP."""
    hasil = []
    r = kinerja.rekap_ppks()
    r = r[r["tahun"] <= tahun]
    if not r.empty:
        b = r.iloc[-1]
        hasil.append(f"data PPKS {label_periode(int(b['tahun']), b['periode'])}")
    sk = data.muat("sakip")
    sk = sk[sk["tahun"] <= tahun]
    if not sk.empty:
        th = int(sk["tahun"].max())
        n = kinerja.nilai_sakip(th)
        hasil.append(f"nilai SAKIP {label_periode(th, n[1])}")
    return hasil


def kalimat_aturan(tahun: int, periode: str | None = None) -> str:
    """Kalimat yang menyebut aturan predikat SAKIP dan kategori capaian yang dipakai.

    >>> k = kalimat_aturan(2025)
    >>> "PermenPANRB Nomor 88 Tahun 2021" in k and "Permendagri Nomor 86 Tahun 2017" in k
    True
    """
    aturan = _aturan(tahun, periode)
    sumber_sakip = "pita yang ditetapkan pada parameter dokumen" if _pita_diubah(tahun, "sakip") else SUMBER_ATURAN["sakip"]
    sumber_cap = "pita yang ditetapkan pada parameter dokumen" if _pita_diubah(tahun, "capaian") else SUMBER_ATURAN["capaian"].split(":")[0]
    return (
        f"Capaian kinerja = realisasi / target × 100 % (indikator dengan polaritas positif); kategori capaian menurut "
        f"{sumber_cap} ({uraian_pita(aturan['capaian'])}). Predikat SAKIP menurut {sumber_sakip} "
        f"({uraian_pita(aturan['sakip'])}; batas bawah tidak termasuk)."
    )


# ----------------------------------------------------------------------------
# narasi


def _target_renstra(kode: str) -> list[tuple[int, float | None, str | None]]:
    awal, akhir = periode_renstra()
    return [(th, *kinerja.target(kode, th)) for th in range(awal, akhir + 1)]


def _teks_target_angka(nilai: float, satuan: str, sakip: bool, pita_sakip) -> str:
    if satuan == "%":
        return f"{bilangan(nilai)} %"
    if sakip:
        return f"{bilangan(nilai)} (setara predikat {rumus.predikat_sakip(nilai, pita_sakip).kode})"
    return bilangan(nilai)


def kalimat_tujuan(kode: str, tahun: int) -> Kalimat:
    """Paragraf tujuan, sasaran dan target indikator ``kode`` (Tabel 4.1), seperti paragraf "Tujuan (Urusan Wajib Sosial) Dinas Sosial adalah ...".

    Label urusan dari kolom ``urusan`` ``data/indikator.csv``. Kalimat target
    nilai SAKIP mengikuti register keputusan (temuan
    ``TARGET-<kode>-NARASI-SETIAP-TAHUN``: dokumen yang ditandatangani mencetak
    "target capaian B (Baik) dalam setiap tahun"; target angka Tabel 4.1
    bertahap 58 → 66).

    >>> k = kalimat_tujuan("IKU-02", 2025)
    >>> k.startswith("Tujuan (Urusan Penunjang) Dinas Sosial adalah Mewujudkan tata kelola")
    True
    >>> "Ditetapkan target capaian B (Baik) dalam setiap tahun." in k
    True
    >>> "100 % dalam setiap tahun" in kalimat_tujuan("IKU-01", 2025)
    True
    """
    ind = _indikator().loc[kode]
    ins = data.instansi()
    pita_sakip = _aturan(tahun)["sakip"]
    sakip = ind["realisasi_dari"] == _KODE_SAKIP
    awal, akhir = periode_renstra()
    urusan = ind.get("urusan")
    label = f" ({urusan})" if isinstance(urusan, str) and urusan else ""
    kal = []
    if isinstance(ind["tujuan"], str):
        if label:
            s = f"Tujuan{label} {ins['nama_perangkat_daerah']} adalah {ind['tujuan']}"
        else:
            s = f"Tujuan {ins['nama_perangkat_daerah']} yang diukur dengan IKU {ind['no']} adalah {ind['tujuan']}"
        if isinstance(ind["indikator_tujuan"], str):
            s += f" dengan indikator tujuan {ind['indikator_tujuan']}"
        kal.append(s + ".")
    if isinstance(ind["sasaran"], str):
        if label:
            kal.append(f"Sasaran{label} {ins['nama_perangkat_daerah']} adalah {ind['sasaran']}, dengan indikator {ind['nama']}.")
        else:
            kal.append(f"Sasarannya adalah {ind['sasaran']}, dengan indikator {ind['nama']}.")
    tgt = [(th, a) for th, a, _ in _target_renstra(kode) if a is not None]
    kalimat_target = None
    if tgt:
        nilai = {a for _, a in tgt}
        if len(nilai) == 1 and len(tgt) == akhir - awal + 1:
            kalimat_target = (f"Ditetapkan target {_teks_target_angka(tgt[0][1], ind['satuan'], sakip, pita_sakip)} dalam "
                              f"setiap tahun periode Renstra {awal}–{akhir}.")
        else:
            rinci = [f"{_teks_target_angka(a, ind['satuan'], sakip, pita_sakip)} pada tahun {th}" for th, a in tgt]
            kalimat_target = "Target ditetapkan bertahap: " + ", ".join(rinci[:-1]) + f" dan {rinci[-1]}."
    tanda = []
    if kalimat_target is not None and sakip:
        n = resmi.nilai(f"TARGET-{kode}-NARASI-SETIAP-TAHUN", kalimat_target, tahun=tahun)
        if n.nilai != kalimat_target:
            kalimat_target = f"Ditetapkan target capaian {n.nilai} dalam setiap tahun."
            tanda.append((str(n.nilai), n))
    if kalimat_target:
        kal.append(kalimat_target)
    return bertanda(" ".join(kal), *tanda)


#: Rumus Definisi Operasional IKK 24 (Tabel 4.5 baris 24), dalam kata-kata dokumen.
RUMUS_PENURUNAN = "(Σ PPKS terdata tahun N−1 − Σ PPKS terdata tahun N) / Σ PPKS terdata tahun N−1 × 100 %"


def _kalimat_harapan_ppks() -> str:
    pas = data.muat("ppks_pas")
    n = int(pas["pas_no"].nunique())
    awal, akhir = periode_renstra()
    lama = akhir - awal + 1
    return (f"Diharapkan {n} ({terbilang(n)}) PAS (Pemerlu Atensi Sosial) dapat terdata dan tertangani secara optimal "
            f"selama jangka waktu {lama} ({terbilang(lama)}) tahun dan jumlah PPKS dapat menurun secara signifikan. "
            f"Tingkat penurunan jumlah PPKS dihitung menurut Definisi Operasional IKK 24: {RUMUS_PENURUNAN}.")


def kalimat_ppks(th: int, periode: str | None = None, tahun_dokumen: int | None = None) -> Kalimat:
    """Paragraf capaian IKU 1 dan penurunan PPKS satu tahun (narasi 2.4 "Pada Tahun 2024 capaian kinerja ...").

    Penurunan menurut DO IKK 24 (Tabel 4.5): (Σ PPKS terdata N−1 − Σ PPKS
    terdata N) / Σ PPKS terdata N−1 × 100 %, dari :func:`analisis.core.kinerja.evaluasi_ppks`.

    Angka penurunan yang punya temuan (narasi sumber: 8.108 jiwa dan 16,22 %
    untuk 2024; 41.893, 6.888 jiwa dan 16,44 % untuk 2025) tampil menurut
    register keputusan (:func:`analisis.core.resmi.nilai`) dan bertanda di
    edisi reviu.

    >>> kalimat_ppks(2024, "Tahunan")[:119]
    'Pada Tahun 2024 capaian kinerja pelayanan urusan sosial (IKU 1) terealisasi 95,76 % dari target kinerja 100 %, sehingga'
    >>> k = kalimat_ppks(2024, "Tahunan", tahun_dokumen=2025)
    >>> "8.108 jiwa" in k and "16,22 %" in k and 'data-kode="PENURUNAN-PPKS-2024-JIWA"' in k._repr_html_()
    True
    >>> k = kalimat_ppks(2025, "Triwulan I")
    >>> "6.888 jiwa" in k and "16,44 %" in k and "tahun pertama pelaksanaan Renstra 2025–2029" in k
    True
    >>> "tidak tersedia" in kalimat_ppks(2023, "Tahunan", tahun_dokumen=2024)
    True
    """
    tahun_dokumen = th if tahun_dokumen is None else tahun_dokumen
    kode = _kode_sumber(_KODE_PPKS)
    ind = _indikator().loc[kode]
    e = kinerja.evaluasi_ppks(th, periode)
    if e is None:
        return (f"Data realisasi tahun {th} belum tersedia, sehingga capaian IKU {ind['no']} ({ind['nama']}) dan "
                f"penurunan jumlah PPKS tahun {th} belum dapat dihitung.")
    pita_cap = _aturan(tahun_dokumen)["capaian"]
    awal_k = _awal_kalimat(th, e.periode)
    target, _ = kinerja.target(kode, th)
    kal = []
    if e.persen_tertangani is not None:
        s = f"{awal_k} capaian kinerja pelayanan urusan sosial (IKU {ind['no']}) terealisasi {fmt.persen(e.persen_tertangani)}"
        if target is not None:
            cap = rumus.capaian(e.persen_tertangani, target, ind["polaritas"])
            s += (f" dari target kinerja {bilangan(target)} %, sehingga capaian kinerja sebesar {fmt.persen(cap)} "
                  f"(kategori {rumus.kategori_capaian(cap, pita_cap)}).")
        else:
            s += f"; target kinerja tahun {th} tidak tercantum dalam data."
        kal.append(s)
        kal.append(f"Dengan perhitungan penanganan terhadap PPKS sebanyak {fmt.angka(e.tertangani)} jiwa dari PPKS yang "
                   f"terdata {fmt.angka(e.terdata)} jiwa.")
    else:
        kal.append(f"{awal_k} jumlah PPKS yang terdata sebanyak {fmt.angka(e.terdata)} jiwa; data PPKS yang tertangani tidak "
                   f"tersedia sehingga persentase PPKS yang tertangani (IKU {ind['no']}) tidak dapat dihitung.")
    tanda = []
    if e.terdata_sebelumnya is None:
        kal.append(f"Data PPKS tahun {th - 1} tidak tersedia sehingga penurunan jumlah PPKS tahun {th} tidak dapat dihitung.")
    else:
        # angka narasi tercetak (8.108 jiwa, 16,22 %) menurut register keputusan; bertanda di edisi reviu
        n_lalu = resmi.nilai(f"PENURUNAN-PPKS-{th}-TAHUN-SEBELUMNYA", e.terdata_sebelumnya, tahun=tahun_dokumen)
        n_jiwa = resmi.nilai(f"PENURUNAN-PPKS-{th}-JIWA", e.penurunan_jiwa, tahun=tahun_dokumen)
        n_pers = resmi.nilai(f"PENURUNAN-PPKS-{th}-PERSEN", e.penurunan_persen, tahun=tahun_dokumen)
        lalu, jiwa, pers = fmt.angka(n_lalu.nilai), fmt.angka(abs(n_jiwa.nilai)), fmt.persen(n_pers.nilai)
        tanda += [(f"{x} jiwa", n) for x, n in ((jiwa, n_jiwa), (lalu, n_lalu)) if n.bertemuan]
        if n_pers.bertemuan:
            tanda.append((pers, n_pers))
        sebelum = f"tahun sebelumnya ({e.tahun_sebelumnya}) sebanyak {lalu} jiwa"
        # "menjadi N jiwa" hanya bila angka yang tampil adalah hasil hitung (angka tercetak tidak selalu berselisih tepat)
        menjadi = "" if (n_jiwa.bertemuan or n_lalu.bertemuan) else f" menjadi {fmt.angka(e.terdata)} jiwa"
        terdata = "" if (n_jiwa.bertemuan or n_lalu.bertemuan) else " terdata"
        if n_jiwa.nilai > 0:
            s = f"Terdapat penurunan jumlah PPKS{terdata} sebanyak {jiwa} jiwa dari {sebelum}{menjadi}."
        elif n_jiwa.nilai < 0:
            s = f"Terdapat kenaikan jumlah PPKS{terdata} sebanyak {jiwa} jiwa dari {sebelum}{menjadi}."
        else:
            s = f"Jumlah PPKS terdata sama dengan {sebelum}."
        if e.periode != "Tahunan":
            s += f" Angka {e.periode} {th} dibandingkan dengan angka setahun penuh tahun {e.tahun_sebelumnya}."
        kal.append(s)
        awal, akhir = periode_renstra()
        pembuka = (f"Pada tahun {_urutan(th - awal + 1)} pelaksanaan Renstra {awal}–{akhir} terealisasi"
                   if awal <= th <= akhir else f"Pada tahun {th} terealisasi")
        kal.append(f"{pembuka} tingkat penurunan jumlah PPKS sebesar {pers} (Definisi Operasional IKK 24).")
    return bertanda(" ".join(kal), *tanda)


def narasi_ppks(tahun: int, periode: str | None = None) -> HTML:
    """Paragraf tujuan IKU 1 lalu satu paragraf per tahun Tabel 2.11 (N−1 dan N).

    >>> h = narasi_ppks(2024).data
    >>> h.count("<p>"), "50.001 jiwa" in h, "16,22" in h  # angka tercetak 2024 menurut register
    (3, True, True)
    """
    kode = _kode_sumber(_KODE_PPKS)
    tujuan = kalimat_tujuan(kode, tahun)
    par = [_html(bertanda(tujuan + " " + _kalimat_harapan_ppks(), *getattr(tujuan, "tanda", ())))]
    par += [_html(kalimat_ppks(th, per, tahun_dokumen=tahun)) for th, per in kolom_evaluasi(tahun, periode)]
    return HTML("".join(par))


def faktor_penurunan(tahun: int, periode: str | None = None):
    """Faktor penyebab perubahan jumlah PPKS tahun dokumen: ``data/teks/<tahun>/evaluasi_faktor_penurunan.md``.

    Penjelasan itu milik satu edisi (narasi sumber 2025: "Penurunan jumlah PPKS
    yang signifikan disebabkan antara lain oleh: ..."); edisi tahun lain tidak
    pernah memakainya. Tanpa berkas tahun itu: tempat kosong edisi reviu.

    >>> faktor_penurunan(2025).data.startswith("Penurunan jumlah PPKS")
    True
    >>> "belum diisi (data/teks/2026/evaluasi_faktor_penurunan.md)" in faktor_penurunan(2026).data
    True
    """
    return blok_teks_tahun("evaluasi_faktor_penurunan", tahun, "Uraian faktor penyebab perubahan jumlah PPKS")


def kalimat_sakip(th: int, periode: str | None = None, tahun_dokumen: int | None = None) -> Kalimat:
    """Paragraf capaian IKU 2 (nilai SAKIP) satu tahun, seperti narasi 2.4 "Tahun 2024 capaian kinerja pelayanan urusan administrasi penunjang ...".

    Penjelasan nilai tahun ``th`` (``data/teks/<th>/sakip_penjelasan.md``, mis.
    "Terdapat gambaran bahwa AKIP cukup baik ..." untuk 2024) disisipkan
    sebelum perbandingan dengan tahun sebelumnya.

    >>> kalimat_sakip(2024, "Tahunan")
    'Pada Tahun 2024 capaian kinerja pelayanan urusan administrasi penunjang (IKU 2, Nilai SAKIP Dinas Sosial) terealisasi predikat CC (Cukup (Memadai)) dengan nilai 58,30 dari target kinerja predikat B (Baik); target belum tercapai. Terdapat gambaran bahwa AKIP cukup baik, namun demikian masih banyak perlu perbaikan walaupun tidak mendasar khususnya akuntabilitas kinerja pada Dinas Sosial. Dibandingkan tahun sebelumnya (2023) dengan nilai 60,60 predikat B, nilai SAKIP turun 2,30 poin.'
    >>> k = kalimat_sakip(2025, "Triwulan I")
    >>> k.startswith("Sampai dengan Triwulan II Tahun 2025") and "target kinerja predikat B (Baik); target tercapai" in k
    True
    >>> 'data-kode="TARGET-IKU-02-NARASI-2025"' in k._repr_html_() and "naik 2,40 poin" in k
    True
    """
    tahun_dokumen = th if tahun_dokumen is None else tahun_dokumen
    kode = _kode_sumber(_KODE_SAKIP)
    ind = _indikator().loc[kode]
    aturan = _aturan(tahun_dokumen)
    pita_sakip, pita_cap = aturan["sakip"], aturan["capaian"]
    n = kinerja.nilai_sakip(th, periode)
    if n is None:
        return (f"Data realisasi tahun {th} belum tersedia untuk IKU {ind['no']} ({ind['nama']}): nilai hasil evaluasi "
                f"SAKIP tahun {th} belum ditetapkan.")
    nilai, per = n
    p = rumus.predikat_sakip(nilai, pita_sakip)
    target, target_pred = kinerja.target(kode, th)
    tanda = []
    if target is not None:
        n_t = resmi.nilai(f"TARGET-{kode}-NARASI-{th}", target, tahun=tahun_dokumen)
        if isinstance(n_t.nilai, str):  # register: target predikat sebagaimana tercetak ("B")
            target, target_pred = None, n_t.nilai.split()[0]
            tanda.append((f"target kinerja predikat {target_pred}", n_t))
    s = (f"{_awal_kalimat(th, per)} capaian kinerja pelayanan urusan administrasi penunjang (IKU {ind['no']}, {ind['nama']}) "
         f"terealisasi predikat {p.kode} ({p.interpretasi}) dengan nilai {fmt.desimal(nilai, 2)}")
    if target is not None:
        pt = rumus.predikat_sakip(target, pita_sakip)
        cap = rumus.capaian(nilai, target, ind["polaritas"])
        status = "target tercapai" if cap >= 100 else "target belum tercapai"
        s += (f" dari target nilai {bilangan(target)} (setara predikat {pt.kode}), sehingga capaian kinerja sebesar "
              f"{fmt.persen(cap)} (kategori {rumus.kategori_capaian(cap, pita_cap)}); {status}.")
    elif target_pred is not None:
        it = _interpretasi(target_pred, pita_sakip)
        ok = _peringkat(p.kode, pita_sakip) >= _peringkat(target_pred, pita_sakip)
        s += f" dari target kinerja predikat {target_pred}" + (f" ({it})" if it else "") + f"; target {'tercapai' if ok else 'belum tercapai'}."
    else:
        s += f"; target tahun {th} tidak tercantum dalam data."
    penjelasan = _teks_tahun_polos("sakip_penjelasan", th)
    if penjelasan:
        s += " " + penjelasan
    lalu = kinerja.nilai_sakip(th - 1, "Tahunan")
    if lalu is None:
        s += f" Nilai SAKIP tahun {th - 1} tidak tersedia sebagai pembanding."
    else:
        nl = lalu[0]
        pl = rumus.predikat_sakip(nl, pita_sakip)
        beda = nilai - nl
        arah = "naik" if beda > 0 else "turun" if beda < 0 else "tetap"
        s += f" Dibandingkan tahun sebelumnya ({th - 1}) dengan nilai {fmt.desimal(nl, 2)} predikat {pl.kode}, nilai SAKIP {arah}"
        s += f" {fmt.desimal(abs(beda), 2)} poin." if beda else "."
    return bertanda(s, *tanda)


def narasi_sakip(tahun: int, periode: str | None = None) -> HTML:
    """Paragraf tujuan IKU 2 lalu satu paragraf nilai SAKIP per tahun Tabel 2.11.

    Tahun yang nilai SAKIP-nya ada tetapi penjelasannya belum diisi
    (``data/teks/<tahun>/sakip_penjelasan.md``) mendapat tempat kosong edisi reviu.

    >>> h = narasi_sakip(2026).data
    >>> "Data realisasi tahun 2026 belum tersedia" in h and "60,70" in h
    True
    >>> h = narasi_sakip(2025).data
    >>> "Terdapat gambaran bahwa AKIP cukup baik" in h, "data/teks/2025/sakip_penjelasan.md" in h
    (True, True)
    """
    kode = _kode_sumber(_KODE_SAKIP)
    par = [_html(kalimat_tujuan(kode, tahun))]
    for th, per in kolom_evaluasi(tahun, periode):
        par.append(_html(kalimat_sakip(th, per, tahun_dokumen=tahun)))
        if kinerja.nilai_sakip(th, per) is not None and data.teks_tahun("sakip_penjelasan", th) is None:
            par.append(_tempat_kosong("Penjelasan hasil evaluasi AKIP", "sakip_penjelasan", th))
    return HTML("".join(par))


def tindak_lanjut_sakip(tahun: int):
    """Tindak lanjut rekomendasi LHE SAKIP yang dilaporkan edisi ``tahun``: ``data/teks/<tahun>/evaluasi_tindak_lanjut_sakip.md``.

    >>> tindak_lanjut_sakip(2025).data.startswith("Rekomendasi perbaikan SAKIP dari hasil LHE SAKIP Dinas Sosial tahun 2024")
    True
    >>> "reviu-saja" in tindak_lanjut_sakip(2026).data
    True
    """
    return blok_teks_tahun("evaluasi_tindak_lanjut_sakip", tahun, "Tindak lanjut rekomendasi LHE SAKIP")


# ----------------------------------------------------------------------------
# grafik


def data_grafik_ppks(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """PPKS terdata dan tertangani per tahun sampai ``tahun`` (periode terakhir setiap tahun; tahun dokumen: periodenya).

    >>> data_grafik_ppks(2025)[["label", "terdata", "tertangani"]].values.tolist()
    [['2023', 50001, None], ['2024', 43746, 41893], ['2025 (TW I)', 42583, 35005]]
    >>> data_grafik_ppks(2024)["label"].tolist()
    ['2023', '2024']
    """
    per = periode_dokumen(tahun, periode)
    baris = []
    for th in sorted(int(x) for x in kinerja.rekap_ppks()["tahun"].unique()):
        if th > tahun:
            continue
        e = kinerja.evaluasi_ppks(th, per if th == tahun else "Tahunan")
        baris.append({"tahun": th, "periode": e.periode, "label": label_singkat(th, e.periode),
                      "terdata": e.terdata, "tertangani": e.tertangani})
    d = pd.DataFrame(baris, columns=["tahun", "periode", "label", "terdata", "tertangani"], dtype=object)
    d.attrs.update(tahun=tahun, periode=per)
    return d


def _label_batang(ax, x, y, teks, **kw):
    ax.annotate(teks, (x, y), xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontsize=HURUF, **kw)


@bergaya
def grafik_ppks(d: pd.DataFrame) -> Gambar:
    """Gambar PPKS terdata dan tertangani per tahun dari frame :func:`data_grafik_ppks`.

    >>> g = grafik_ppks(data_grafik_ppks(2025))
    >>> s = g.svg()
    >>> g.label, "(TW I)" in s and "42.583" in s
    ('ppks-per-tahun', True)
    """
    tahun = int(d.attrs.get("tahun", d["tahun"].max()))
    fig, ax = subplots(figsize=(LEBAR_CETAK, 3.4))
    x = list(range(len(d)))
    lebar = 0.38
    ax.bar([i - lebar / 2 for i in x], d["terdata"].astype(float), lebar, color=WARNA["utama"], label="PPKS terdata")
    tt = [float(v) if v is not None else 0.0 for v in d["tertangani"]]
    ax.bar([i + lebar / 2 for i in x], tt, lebar, color=WARNA["kedua"], label="PPKS tertangani")
    for i, r in d.iterrows():
        _label_batang(ax, i - lebar / 2, r["terdata"], fmt.angka(r["terdata"]))
        if r["tertangani"] is None:
            _label_batang(ax, i + lebar / 2, 0, "tidak\ntersedia", color=WARNA["abu"])
        else:
            _label_batang(ax, i + lebar / 2, r["tertangani"], fmt.angka(r["tertangani"]))
    ax.set_xticks(x, [str(v).replace(" (", "\n(") for v in d["label"]])
    ax.set_ylabel("jiwa")
    ax.set_ylim(0, max(d["terdata"]) * 1.15 if len(d) else 1)
    sumbu_angka(ax)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False, fontsize=HURUF, borderaxespad=0)
    ruang_kanvas(fig, bawah=0.4)  # label tahun dua baris di dalam kanvas: digambar sekali (tampilan sama)
    judul = "PPKS terdata dan tertangani per tahun"
    if len(d) and int(d["tahun"].iloc[-1]) < tahun:
        judul += f" (data tersedia sampai tahun {int(d['tahun'].iloc[-1])})"
    return Gambar(fig, label=LABEL["ppks"], judul=judul,
                  sumber="rekap data PPKS (rincian 12 PAS dan rekap tahunan), diolah")


def _tahun_grafik(kode: str, tahun_data: list[int], tahun: int) -> list[int]:
    t = data.muat("target")
    tt = [int(x) for x in t.loc[t["kode"] == kode, "tahun"]]
    _, akhir = periode_renstra()
    semua = sorted(set(tahun_data) | set(tt))
    if not semua:
        return []
    return list(range(semua[0], max(max(semua), akhir, tahun) + 1))


def data_grafik_capaian_ppks(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """IKU 1 per tahun: target, realisasi (% tertangani, hanya sampai ``tahun``) dan capaian.

    >>> d = data_grafik_capaian_ppks(2025).set_index("tahun")
    >>> [round(v, 2) if v is not None else None for v in d["realisasi"]][:3], d.loc[2029, "target"], d.loc[2025, "label"]
    ([None, 95.76, 82.2], 100.0, '2025 (TW I)')
    """
    kode = _kode_sumber(_KODE_PPKS)
    per = periode_dokumen(tahun, periode)
    ppks_th = [int(x) for x in kinerja.rekap_ppks()["tahun"].unique()]
    ind = _indikator().loc[kode]
    baris = []
    for th in _tahun_grafik(kode, ppks_th, tahun):
        tgt, _ = kinerja.target(kode, th)
        e = kinerja.evaluasi_ppks(th, per if th == tahun else "Tahunan") if th <= tahun else None
        real = None if e is None else e.persen_tertangani
        p = None if e is None else e.periode
        baris.append({"tahun": th, "label": label_singkat(th, p), "target": tgt, "realisasi": real,
                      "capaian": None if real is None or tgt is None else rumus.capaian(real, tgt, ind["polaritas"]),
                      "ada_data": e is not None, "kode": kode, "no": ind["no"], "nama": ind["nama"]})
    d = pd.DataFrame(baris, columns=["tahun", "label", "target", "realisasi", "capaian", "ada_data", "kode", "no", "nama"],
                     dtype=object)
    d.attrs.update(tahun=tahun, periode=per)
    return d


@bergaya
def grafik_capaian_ppks(d: pd.DataFrame) -> Gambar:
    """Gambar realisasi IKU 1 (persentase PPKS tertangani) terhadap target per tahun, dari :func:`data_grafik_capaian_ppks`.

    >>> g = grafik_capaian_ppks(data_grafik_capaian_ppks(2026))
    >>> s = g.svg()
    >>> g.label, "95,76 %" in s and "belum" in s and "(TW I)" in s
    ('capaian-ppks', True)
    """
    tahun = int(d.attrs.get("tahun", d["tahun"].max()))
    ind = {"no": d["no"].iloc[0], "nama": d["nama"].iloc[0]}
    fig, ax = subplots(figsize=(LEBAR_CETAK, 3.4))
    x = list(range(len(d)))
    real = [float(v) if v is not None else 0.0 for v in d["realisasi"]]
    ax.bar(x, real, 0.72, color=WARNA["utama"], label="Realisasi (PPKS tertangani)")
    tx = [i for i, v in zip(x, d["target"]) if v is not None]
    ty = [float(v) for v in d["target"] if v is not None]
    ax.hlines(ty, [i - 0.42 for i in tx], [i + 0.42 for i in tx], color=WARNA["target"], linewidth=2, label="Target")
    for i, r in d.iterrows():
        if r["realisasi"] is not None:
            ax.annotate(fmt.persen(r["realisasi"]), (i, float(r["realisasi"])), xytext=(0, -4), textcoords="offset points",
                        ha="center", va="top", fontsize=HURUF, color="white")
        elif r["tahun"] <= tahun:
            kata = "tidak tersedia" if r["ada_data"] else "belum tersedia"
            _label_batang(ax, i, 0, kata.replace(" ", "\n"), color=WARNA["abu"])
    ax.set_xticks(x, [str(v).replace(" (", "\n(") for v in d["label"]])
    ax.set_ylim(0, 112)
    ax.yaxis.set_major_locator(MultipleLocator(20))
    sumbu_persen(ax)
    ax.set_ylabel(f"IKU {ind['no']}")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False, fontsize=HURUF)
    ruang_kanvas(fig, bawah=0.4)  # label tahun dua baris di dalam kanvas: digambar sekali (tampilan sama)
    return Gambar(fig, label=LABEL["capaian_ppks"],
                  judul=f"Capaian IKU {ind['no']} ({ind['nama']}) terhadap target",
                  sumber=f"target: @tabel:penetapan-iku dan @tabel:{LABEL['tabel']}; realisasi: rekap data PPKS, diolah")


def data_grafik_sakip(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Nilai SAKIP (realisasi sampai ``tahun``) dan target IKU 2 per tahun.

    >>> d = data_grafik_sakip(2025)
    >>> d[["tahun", "nilai", "target", "target_predikat"]].values.tolist()[:3]
    [[2023, 60.6, None, None], [2024, 58.3, None, 'B'], [2025, 60.7, 58.0, None]]
    >>> d["label"].tolist()[2], d["tahun"].tolist()[-1]
    ('2025 (TW II)', 2029)
    """
    kode = _kode_sumber(_KODE_SAKIP)
    per = periode_dokumen(tahun, periode)
    sakip_th = [int(x) for x in data.muat("sakip")["tahun"].unique()]
    baris = []
    for th in _tahun_grafik(kode, sakip_th, tahun):
        n = kinerja.nilai_sakip(th, per if th == tahun else "Tahunan") if th <= tahun else None
        tgt, tp = kinerja.target(kode, th)
        baris.append({"tahun": th, "label": label_singkat(th, None if n is None else n[1]),
                      "nilai": None if n is None else n[0], "target": tgt, "target_predikat": tp})
    d = pd.DataFrame(baris, columns=["tahun", "label", "nilai", "target", "target_predikat"], dtype=object)
    d.attrs.update(tahun=tahun, periode=per)
    return d


def _batas_pita(pita: tuple[Pita, ...]) -> list[tuple[str, float, float]]:
    """(label, bawah, atas) setiap pita, dengan batas 0–100."""
    hasil = []
    for i, p in enumerate(pita):
        atas = 100.0 if i == 0 else float(pita[i - 1].batas_bawah)
        bawah = 0.0 if math.isinf(p.batas_bawah) else float(p.batas_bawah)
        hasil.append((p.label, bawah, atas))
    return hasil


@bergaya
def grafik_sakip(d: pd.DataFrame, pita: tuple[Pita, ...] | None = None) -> Gambar:
    """Gambar nilai SAKIP terhadap target (frame :func:`data_grafik_sakip`), dengan pita predikat sebagai latar.

    ``pita``: pita predikat SAKIP; bawaan pita parameter dokumen tahun frame itu
    (PermenPANRB 88/2021 bila tidak ditimpa).

    >>> g = grafik_sakip(data_grafik_sakip(2025))
    >>> g.label, g.judul, "60,70" in g.svg()
    ('nilai-sakip', 'Nilai SAKIP terhadap target 2023–2029', True)
    """
    if pita is None:
        pita = _aturan(int(d.attrs.get("tahun", d["tahun"].max())), d.attrs.get("periode"))["sakip"]
    fig, ax = subplots(figsize=(LEBAR_CETAK, 3.6))
    x = list(range(len(d)))
    semua = [float(v) for v in list(d["nilai"]) + list(d["target"]) if v is not None]
    pred_target = [(i, tp) for i, tp in zip(x, d["target_predikat"]) if isinstance(tp, str)]
    batas = {lbl: (b, a) for lbl, b, a in _batas_pita(pita)}
    for _, tp in pred_target:
        semua.append(batas[tp][0])
    lo = max(0.0, math.floor((min(semua) if semua else 50) - 6))
    hi = min(100.0, math.ceil((max(semua) if semua else 70) + 6))
    warna_pita = ["#f3f3f3", "#ffffff"]
    for j, (lbl, b, a) in enumerate(_batas_pita(pita)):
        if a <= lo or b >= hi:
            continue
        ax.axhspan(max(b, lo), min(a, hi), color=warna_pita[j % 2], zorder=0)
        ax.axhline(b, color="#d0d0d0", linewidth=0.6, zorder=0)
        ket = next((p.keterangan for p in pita if p.label == lbl), "")
        ax.text(len(d) - 0.55, (max(b, lo) + min(a, hi)) / 2, f"{lbl}\n{ket}" if ket else lbl, ha="left", va="center",
                fontsize=HURUF, color=WARNA["abu"])
    tx = [i for i, v in zip(x, d["target"]) if v is not None]
    ty = [float(v) for v in d["target"] if v is not None]
    if tx:
        ax.hlines(ty, [i - 0.32 for i in tx], [i + 0.32 for i in tx], color=WARNA["target"], linewidth=2,
                  label="Target nilai (Renstra)")
        for i, v in zip(tx, ty):
            ax.annotate(bilangan(v), (i, v), xytext=(0, -10), textcoords="offset points", ha="center", fontsize=HURUF,
                        color=WARNA["target"])
    for i, tp in pred_target:
        b, _a = batas[tp]
        ax.hlines([b], [i - 0.32], [i + 0.32], color=WARNA["target"], linewidth=2, linestyle=(0, (2, 1)),
                  label=f"Target predikat {tp} (batas bawah pita)" if i == pred_target[0][0] else None)
    nx = [i for i, v in zip(x, d["nilai"]) if v is not None]
    ny = [float(v) for v in d["nilai"] if v is not None]
    ax.plot(nx, ny, color=WARNA["utama"], marker="o", linewidth=1.5, label="Nilai SAKIP (realisasi)", zorder=3)
    garis = {i: [float(v)] for i, v in zip(tx, ty)}
    for i, tp in pred_target:
        garis.setdefault(i, []).append(batas[tp][0])
    for i, v in zip(nx, ny):
        p = rumus.predikat_sakip(v, pita)
        bawah = any(0 <= g - v <= 3 for g in garis.get(i, []))
        ax.annotate(f"{fmt.desimal(v, 2)} ({p.kode})", (i, v), xytext=(0, -9 if bawah else 7), textcoords="offset points",
                    ha="center", va="top" if bawah else "bottom", fontsize=HURUF, color=WARNA["utama"])
    ax.set_xticks(x, [str(v).replace(" (", "\n(") for v in d["label"]])
    ax.set_xlim(-0.5, len(d) + 0.6)
    ax.set_ylim(lo, hi)
    ax.yaxis.set_major_locator(MultipleLocator(5))
    sumbu_angka(ax)
    ax.set_ylabel("nilai SAKIP")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.17), ncol=2, frameon=False, fontsize=HURUF)
    ruang_kanvas(fig, bawah=0.9)  # legenda di bawah sumbu di dalam kanvas: digambar sekali (tampilan sama)
    th = d["tahun"].tolist()
    return Gambar(fig, label=LABEL["sakip"], judul=f"Nilai SAKIP terhadap target {th[0]}–{th[-1]}",
                  sumber=f"hasil evaluasi SAKIP; target @tabel:penetapan-iku dan @tabel:{LABEL['tabel']}; pita predikat {SUMBER_ATURAN['sakip'].split(' tentang')[0]}")
