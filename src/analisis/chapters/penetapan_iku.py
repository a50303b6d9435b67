"""BAB III Indikator Kinerja Utama: tabel penetapan IKU, IKK, target SPM dan Definisi Operasional.

Semua isi tabel BAB III (Tabel 4.1–4.5 dokumen sumber) diambil dari
``data/indikator.csv``, ``data/target.csv``, ``data/definisi_operasional.csv``,
``data/spm_layanan.csv``, ``data/spm_target.csv``, ``data/instansi.yaml`` dan
``data/organisasi.yaml``. Tidak ada yang bergantung pada data realisasi, jadi
setiap tahun dokumen menampilkan tabel yang sama; kolom tahun dokumen
ditandai ``▸`` pada judul kolomnya (dan kelas CSS ``tahun-terpilih``).

Tabel diberi label (:data:`LABEL`); nomornya (Tabel 4.1–4.5 di sumber)
diberi mesin dokumen menurut urutan baca. Target IKK dan target SPM disimpan
sebagai angka di frame tabel dan baru diformat saat dirender; target IKU
disimpan sebagai angka dan predikat SAKIP yang setara, lalu dicetak bergabung
("58 (CC)") seperti sumber mencetaknya.

Examples
--------
>>> judul_penetapan()
'## 4.1 Penetapan Indikator Kinerja Dinas Sosial Kabupaten Seruyan Tahun 2025–2029'
>>> teks_target("IKU-02", 2025), teks_target("IKU-01", 2025)
('58 (CC)', '100 %')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd
from IPython.display import HTML, Markdown

from ..core import data, kinerja, parameter, rumus
from ..core.data import periode_renstra
from ..core.format import bilangan
from ..core import format as fmt
from ..presentation.tabel import Kol, Tabel, daftar, esc, pengantar_lanskap, reviu_saja

__all__ = [
    "LABEL",
    "PENANDA_TAHUN",
    "judul_penetapan",
    "identitas",
    "tahun_target",
    "teks_target",
    "tabel_iku",
    "tabel_ikk",
    "tabel_target_spm",
    "pengantar_do",
    "tabel_do_iku",
    "tabel_do_ikk",
    "catatan_rumus_evaluasi",
]

#: Penanda kolom tahun dokumen pada judul kolom tabel target.
PENANDA_TAHUN = "▸"

#: Label tabel BAB III (nomornya diberi mesin dokumen menurut urutan baca).
LABEL = {"iku": "penetapan-iku", "ikk": "penetapan-ikk", "spm": "target-spm", "do_iku": "do-iku", "do_ikk": "do-ikk"}


# ----------------------------------------------------------------------------
# bantuan




def _pita_sakip(tahun: int | None):
    """Pita predikat SAKIP yang berlaku untuk dokumen ``tahun`` (parameter), bawaan bila ``None``."""
    if tahun is None:
        from ..core.aturan import PITA_SAKIP

        return PITA_SAKIP
    return parameter.muat(tahun).tabel_aturan()["sakip"]


def _indikator() -> pd.DataFrame:
    return data.muat("indikator").sort_values(["jenis", "no"], ascending=[False, True]).reset_index(drop=True)


@dataclass
class _KolHtml(Kol):
    """Kolom yang selnya dibangun oleh ``buat`` (fungsi yang WAJIB meng-escape teks data)."""

    buat: Callable[[object], str] | None = None

    def sel(self, nilai) -> str:
        return self.buat(nilai)


@dataclass
class _KolTahun(Kol):
    """Kolom target satu tahun; kolom tahun dokumen mendapat kelas ``tahun-terpilih``."""

    terpilih: bool = False

    @property
    def kelas(self) -> str:
        dasar = f"angka rata-{self.rata or 'tengah'}"  # td.angka: tanpa pindah baris; rata-tengah: di tengah
        return f"{dasar} tahun-terpilih" if self.terpilih else dasar


def _judul_tahun(th: int, tahun: int | None, awalan: str = "") -> str:
    judul = f"{awalan}{th}"
    return f"{judul} {PENANDA_TAHUN}" if th == tahun else judul


def _catatan_tahun(tahun: int | None, daftar_tahun: list[int]) -> list[str]:
    if tahun is None or not daftar_tahun:
        return []
    if tahun in daftar_tahun:
        return [f"Tanda {PENANDA_TAHUN} menandai kolom tahun {tahun}, tahun dokumen ini."]
    return [f"Tahun dokumen ({tahun}) berada di luar rentang target tabel ini ({daftar_tahun[0]}–{daftar_tahun[-1]})."]


def _daftar_butir(teks) -> str:
    """Sel berisi beberapa butir dipisah "; " menjadi daftar HTML (di-escape)."""
    if not isinstance(teks, str) or not teks.strip():
        return ""
    butir = [b.strip() for b in teks.split(";") if b.strip()]
    if len(butir) == 1:
        return esc(butir[0])
    return daftar(butir)


def _teks_atau_kosong(nilai) -> str:
    return nilai if isinstance(nilai, str) else ""


# ----------------------------------------------------------------------------
# judul dan identitas


def judul_penetapan() -> str:
    """Judul subbab 4.1 (Markdown) dengan nama instansi dan periode Renstra dari ``data/instansi.yaml``.

    >>> judul_penetapan().startswith("## 4.1 Penetapan Indikator Kinerja ")
    True
    """
    awal, akhir = periode_renstra()
    nama = esc(data.instansi()["nama_lengkap"])
    return f"## 4.1 Penetapan Indikator Kinerja {nama} Tahun {awal}–{akhir}"


def identitas() -> HTML:
    """Blok identitas di atas Tabel 4.1: Unit Kerja, Jabatan, Tugas, Fungsi (a–k).

    Sumber: Tabel 4.1 dokumen sumber; isi dari ``data/instansi.yaml`` (nama,
    tugas) dan ``data/organisasi.yaml`` (fungsi).

    >>> h = identitas().data
    >>> "Unit Kerja" in h and "Kepala Dinas Sosial Kabupaten Seruyan" in h and 'lower-alpha' in h
    True
    """
    ins = data.instansi()
    org = data.organisasi()
    nama = ins["nama_lengkap"]
    jabatan = f"Kepala {nama}" if not nama.lower().startswith("kepala") else nama
    baris = [
        ("Unit Kerja", esc(nama)),
        ("Jabatan", esc(jabatan)),
        ("Tugas", esc(ins["tugas"])),
        ("Fungsi", daftar(list(org["fungsi"]), gaya="lower-alpha")),
    ]
    gaya = "text-align:left;vertical-align:top;border:none;background:none;padding:1pt 4pt"
    isi = "".join(
        f'<tr><td style="{gaya};width:14%;white-space:nowrap">{esc(k)}</td><td style="{gaya};width:1%">:</td>'
        f'<td style="{gaya}">{v}</td></tr>'
        for k, v in baris
    )
    return HTML(f'<div class="identitas"><table class="identitas" style="border:none;width:100%"><tbody>{isi}</tbody></table></div>')


# ----------------------------------------------------------------------------
# target


def tahun_target(jenis: str) -> list[int]:
    """Tahun-tahun target indikator ``jenis`` yang tercantum di BAB III.

    IKU: tahun dalam periode Renstra (Tabel 4.1; target 2024 dari Tabel 2.11
    tidak termasuk). IKK: semua tahun di ``data/target.csv`` (Tabel 4.2, sampai 2030).

    >>> tahun_target("IKU"), tahun_target("IKK")
    ([2025, 2026, 2027, 2028, 2029], [2025, 2026, 2027, 2028, 2029, 2030])
    """
    t = data.muat("target")
    t = t[t["kode"].str.startswith(jenis)]
    th = sorted(int(x) for x in t["tahun"].unique())
    if jenis == "IKU":
        awal, akhir = periode_renstra()
        th = [x for x in th if awal <= x <= akhir]
    return th


def teks_target(kode: str, th: int, tahun: int | None = None, satuan: bool = True) -> str:
    """Target indikator ``kode`` tahun ``th`` seperti ditampilkan di Tabel 4.1/4.2.

    Target persen: "100 %"; target nilai SAKIP: "58 (CC)" dengan predikat
    dari :func:`analisis.core.rumus.predikat_sakip` (pita parameter dokumen
    ``tahun``); target berupa predikat (Tabel 2.11, 2024): "B". ``satuan=False``
    memberi angka saja (Tabel 4.2 mencantumkan satuan di kolom sendiri).

    >>> teks_target("IKU-02", 2027), teks_target("IKU-02", 2024), teks_target("IKK-14", 2026, satuan=False)
    ('62 (B)', 'B', '1,5')
    >>> teks_target("IKU-01", 2031)
    '–'
    """
    angka, pred = kinerja.target(kode, th)
    if angka is None or not satuan:
        return _teks_target_angka(angka, pred if angka is None else None, "")
    r = data.muat("indikator").set_index("kode").loc[kode]
    return _teks_target_angka(angka, _predikat_setara(angka, r, _pita_sakip(tahun)), r["satuan"])


def _predikat_setara(angka, r, pita) -> str | None:
    """Predikat SAKIP yang setara dengan target angka indikator bernilai SAKIP (selain itu ``None``)."""
    if r.get("realisasi_dari") != "nilai_sakip" or not fmt.terdefinisi(angka):
        return None
    return rumus.predikat_sakip(angka, pita).kode


def _teks_target_angka(angka, predikat, satuan: str) -> str:
    """Teks sel target dari angka, predikat dan satuan: "100 %", "58 (CC)", "B", "1,5", "–".

    >>> _teks_target_angka(100.0, None, "%"), _teks_target_angka(58.0, "CC", "nilai"), _teks_target_angka(None, "B", "")
    ('100 %', '58 (CC)', 'B')
    """
    if not fmt.terdefinisi(angka):
        return predikat if isinstance(predikat, str) and predikat else fmt.TIDAK_TERDEFINISI
    if satuan == "%":
        return f"{bilangan(angka)} %"
    return f"{bilangan(angka)} ({predikat})" if isinstance(predikat, str) else bilangan(angka)


def _kolom_tahun(daftar_tahun: list[int], tahun: int | None, awalan_kunci: str = "t", awalan_judul: str = "",
                 format=None, baris: bool = False) -> list[Kol]:
    return [
        _KolTahun(f"{awalan_kunci}{th}", _judul_tahun(th, tahun, awalan_judul),
                  (lambda r, th=th: format(r, th)) if baris else format, "tengah", baris=baris, terpilih=(th == tahun))
        for th in daftar_tahun
    ]


def _sel_target_iku(r, th: int) -> str:
    """Sel target Tabel 4.1 dari kolom numerik ``t<th>``, ``predikat_t<th>`` dan ``satuan``."""
    return _teks_target_angka(r[f"t{th}"], r[f"predikat_t{th}"], r["satuan"])


def _do_iku_html(r) -> str:
    """Sel "Definisi Operasional / Formulasi Perhitungan" Tabel 4.1 (escaped)."""
    return (
        f"<p><b>Definisi Operasional:</b> {esc(r['definisi'])}</p>"
        f"<p><b>Formulasi Perhitungan:</b> {esc(r['rumus'])}</p>"
    )


def tabel_iku(tahun: int | None = None) -> Tabel:
    """Tabel 4.1 Indikator Kinerja Utama (IKU) dengan target per tahun periode Renstra.

    Kolom: No, Tujuan, Indikator Tujuan, Sasaran Strategis, IKU, Definisi
    Operasional/Formulasi (``definisi_operasional.csv``), target tiap tahun,
    Sumber Data, Penanggung Jawab. Kolom tahun ``tahun`` ditandai.

    Frame: target ``t<tahun>`` berupa angka (``NaN`` bila ditetapkan sebagai
    predikat saja), ``predikat_t<tahun>`` predikat SAKIP yang setara (pita
    parameter dokumen) atau predikat target, dan ``satuan``; sel "58 (CC)" /
    "100 %" baru disusun saat dirender.

    >>> t = tabel_iku(2026)
    >>> d = t.df.set_index("kode")
    >>> d.loc["IKU-02", ["t2025", "t2026", "t2029"]].tolist(), d.loc["IKU-02", ["predikat_t2025", "predikat_t2029"]].tolist()
    ([58.0, 60.0, 66.0], ['CC', 'B'])
    >>> ">58 (CC)<" in t.html(), ">100 %<" in t.html(), "2026 ▸" in t.html(), t.lebar
    (True, True, True, True)
    """
    ind = _indikator()
    ind = ind[ind["jenis"] == "IKU"].copy()
    do = data.muat("definisi_operasional").set_index("kode")
    daftar_tahun = tahun_target("IKU")
    pita = _pita_sakip(tahun)
    for th in daftar_tahun:
        target = [kinerja.target(k, th) for k in ind["kode"]]
        ind[f"t{th}"] = [float("nan") if a is None else float(a) for a, _ in target]
        ind[f"predikat_t{th}"] = [pred if a is None else _predikat_setara(a, r, pita)
                                  for (a, pred), (_, r) in zip(target, ind.iterrows())]
    ind["do"] = [
        {"definisi": do.loc[k, "definisi"], "rumus": do.loc[k, "rumus"]} if k in do.index else {"definisi": None, "rumus": None}
        for k in ind["kode"]
    ]
    for k in ("tujuan", "indikator_tujuan", "sasaran", "penanggung_jawab"):
        ind[k] = ind[k].map(_teks_atau_kosong)
    nama = data.instansi()["nama_lengkap"]
    kolom = [
        Kol("no", "No.", None, "tengah"),
        Kol("tujuan", "Tujuan"),
        Kol("indikator_tujuan", "Indikator Tujuan"),
        Kol("sasaran", "Sasaran Strategis"),
        Kol("nama", "Indikator Kinerja Utama"),
        _KolHtml("do", "Definisi Operasional / Formulasi Perhitungan", buat=_do_iku_html),
        *_kolom_tahun(daftar_tahun, tahun, format=_sel_target_iku, baris=True),
        _KolHtml("sumber_data", "Sumber Data", buat=_daftar_butir),
        Kol("penanggung_jawab", "Penanggung Jawab"),
    ]
    catatan = [
        "Target nilai SAKIP disertai predikat yang setara menurut " + _sumber_pita_sakip(tahun) + ".",
        *_catatan_tahun(tahun, daftar_tahun),
    ]
    return Tabel(
        ind, label=LABEL["iku"], judul=f"Indikator Kinerja Utama (IKU) {nama}", kolom=kolom, catatan=catatan, lebar=True,
        judul_kelompok=[("", 6), ("Target Kinerja Sasaran Tahun", len(daftar_tahun)), ("", 2)],
    )


def _sumber_pita_sakip(tahun: int | None) -> str:
    from ..core.aturan import SUMBER_ATURAN

    if tahun is not None and "sakip" in (parameter.muat(tahun).aturan or {}):
        return "tabel pita predikat yang ditetapkan pada parameter dokumen"
    return SUMBER_ATURAN["sakip"]


def tabel_ikk(tahun: int | None = None) -> Tabel:
    """Tabel 4.2 Indikator Kinerja Kunci (IKK): No, Indikator, Satuan, target 2025–2030, Ket.

    Kolom target ``t<tahun>`` berisi angka (``None`` bila tidak ditetapkan),
    dicetak ringkas seperti sumber ("1,5", "350").

    >>> t = tabel_ikk(2025)
    >>> d = t.df.set_index("no")
    >>> d.loc[14, ["t2025", "t2026", "t2028"]].tolist(), float(d.loc[23, "t2029"]), float(d.loc[24, "t2025"])
    ([1.0, 1.5, 2.5], 350.0, 95.0)
    >>> ">1,5<" in t.html(), t.label
    (True, 'penetapan-ikk')
    """
    ind = _indikator()
    ind = ind[ind["jenis"] == "IKK"].copy()
    daftar_tahun = tahun_target("IKK")
    for th in daftar_tahun:
        ind[f"t{th}"] = [kinerja.target(k, th)[0] for k in ind["kode"]]
    ind["keterangan"] = ind["keterangan"].map(_teks_atau_kosong)
    nama = data.instansi()["nama_lengkap"]
    kolom = [
        Kol("no", "No.", None, "tengah"),
        Kol("nama", "Indikator"),
        Kol("satuan", "Satuan", None, "tengah"),
        *_kolom_tahun(daftar_tahun, tahun, format=bilangan),
        Kol("keterangan", "Ket."),
    ]
    return Tabel(
        ind, label=LABEL["ikk"], judul=f"Indikator Kinerja Kunci (IKK) {nama}", kolom=kolom,
        catatan=_catatan_tahun(tahun, daftar_tahun), lebar=True,
        judul_kelompok=[("", 3), ("Target Tahun", len(daftar_tahun)), ("", 1)],
    )


def tabel_target_spm(tahun: int | None = None) -> Tabel:
    """Tabel 4.3 Target SPM Bidang Sosial: target penerima layanan dan target NSPK per tahun.

    >>> t = tabel_target_spm(2027)
    >>> t.df.set_index("no").loc[5, ["p2025", "p2027", "p2030", "n2027"]].tolist()
    [200.0, 250.0, 350.0, 100.0]
    >>> "100 %" in t.html(), t.label
    (True, 'target-spm')
    >>> t.judul
    'Target SPM Bidang Sosial Tahun 2025–2030'
    """
    lay = data.muat("spm_layanan").sort_values("no")
    tgt = data.muat("spm_target")
    daftar_tahun = sorted(int(x) for x in tgt["tahun"].unique())
    df = lay[["no", "jenis_pelayanan", "indikator"]].copy().reset_index(drop=True)
    for th in daftar_tahun:
        sub = tgt[tgt["tahun"] == th].set_index("no")
        df[f"p{th}"] = [float(sub.loc[n, "target_penerima"]) if n in sub.index else None for n in df["no"]]
        df[f"n{th}"] = [float(sub.loc[n, "target_nspk"]) if n in sub.index else None for n in df["no"]]
    kolom = [
        Kol("no", "No.", None, "tengah"),
        Kol("jenis_pelayanan", "Jenis Pelayanan Dasar"),
        Kol("indikator", "Indikator Pencapaian"),
        *_kolom_tahun(daftar_tahun, tahun, "p", format=bilangan),
        *_kolom_tahun(daftar_tahun, tahun, "n", format=lambda v: fmt.persen(v, 0)),
    ]
    n = len(daftar_tahun)
    return Tabel(
        df, label=LABEL["spm"], judul=f"Target SPM Bidang Sosial Tahun {daftar_tahun[0]}–{daftar_tahun[-1]}", kolom=kolom,
        catatan=_catatan_tahun(tahun, daftar_tahun), lebar=True,
        judul_kelompok=[("", 3), ("Target Penerima Layanan (orang)", n), ("Target NSPK", n)],
    )


# ----------------------------------------------------------------------------
# Definisi Operasional


def _blok_markdown(teks: str) -> list[str]:
    """Blok-blok Markdown (dipisah baris kosong)."""
    return [b.strip() for b in teks.split("\n\n") if b.strip()]


def pengantar_do() -> tuple[Markdown, Markdown]:
    """Teks 4.2 dibagi dua: (pengantar + terminologi + kalimat pengantar Tabel 4.4, kalimat pengantar Tabel 4.5).

    Blok terakhir ``data/teks/do_pengantar.md`` adalah kalimat pengantar Tabel 4.5.
    Kalimat pengantar kedua tabel lebar itu tercetak di halaman mendatar
    bersama tabelnya (:func:`analisis.presentation.tabel.pengantar_lanskap`).

    >>> a, b = pengantar_do()
    >>> b.data.startswith('<div class="lanskap"><p>Sedangkan'), "Tabel" not in a.data[:10]
    (True, True)
    """
    blok = _blok_markdown(data.teks("do_pengantar"))
    awal = blok[:-2] + [pengantar_lanskap(blok[-2])]
    return Markdown("\n\n".join(awal)), Markdown(pengantar_lanskap(blok[-1]))


def _tabel_do(jenis: str, label: str, judul_ket: str) -> Tabel:
    ind = _indikator()
    ind = ind[ind["jenis"] == jenis][["kode", "no", "nama", "penanggung_jawab"]]
    do = data.muat("definisi_operasional")[["kode", "nama_tercetak", "definisi", "rumus", "keterangan", "penanggung_jawab"]]
    df = ind.merge(do, on="kode", how="left", suffixes=("_ind", ""))
    df["penanggung_jawab"] = [
        a if isinstance(a, str) and a else (b if isinstance(b, str) else "") for a, b in zip(df["penanggung_jawab"], df["penanggung_jawab_ind"])
    ]
    df["indikator"] = [a if isinstance(a, str) else b for a, b in zip(df["nama_tercetak"], df["nama"])]
    df["keterangan"] = df["keterangan"].map(_teks_atau_kosong)
    for k in ("definisi", "rumus"):
        df[k] = df[k].map(lambda v: v if isinstance(v, str) else fmt.TIDAK_TERDEFINISI)
    ins = data.instansi()
    awal, akhir = periode_renstra()
    singkatan = "IKU" if jenis == "IKU" else "IKK"
    nama_jenis = "Indikator Kinerja Utama" if jenis == "IKU" else "Indikator Kinerja Kunci"
    kolom = [
        Kol("no", "No.", None, "tengah"),
        Kol("indikator", "Indikator"),
        Kol("definisi", "Definisi Operasional"),
        Kol("rumus", "Rumus"),
        Kol("keterangan", judul_ket),
        Kol("penanggung_jawab", "Penanggung Jawab"),
    ]
    return Tabel(
        df.reset_index(drop=True), label=label,
        judul=f"Definisi Operasional (DO) {nama_jenis} ({singkatan}) {ins['nama_lengkap']} Tahun {awal}–{akhir}",
        kolom=kolom, lebar=True,
    )


def tabel_do_iku() -> Tabel:
    """Tabel 4.4 Definisi Operasional (DO) IKU (``definisi_operasional.csv``, penanggung jawab dari ``indikator.csv``).

    >>> t = tabel_do_iku()
    >>> len(t.df), t.df.loc[0, "rumus"], t.df.loc[1, "penanggung_jawab"]
    (2, 'Σ PPKS yang mendapat penanganan / Σ PPKS di Kabupaten Seruyan tahun n × 100%', 'Dinas Sosial')
    """
    return _tabel_do("IKU", LABEL["do_iku"], "Keterangan")


def tabel_do_ikk() -> Tabel:
    """Tabel 4.5 Definisi Operasional (DO) IKK (24 baris, kolom Penjelasan dan Penanggung Jawab Teknis).

    >>> t = tabel_do_ikk()
    >>> len(t.df), t.df.iloc[-1]["rumus"].startswith("(Σ PPKS Tahun N-1")
    (24, True)
    """
    return _tabel_do("IKK", LABEL["do_ikk"], "Penjelasan")


def catatan_rumus_evaluasi() -> HTML:
    """Catatan edisi reviu: indikator yang dievaluasi dengan rumus lain daripada DO tercetak.

    DO tetap tampil seperti tercetak; rumus yang dipakai evaluasi dinyatakan di
    ``data/indikator.csv`` (kolom ``rumus``, ``pembilang``, ``penyebut``,
    ``polaritas``). IKK 24: DO tercetak merumuskan penurunan (makin tinggi makin
    baik), sedangkan target 95 → 75 hanya bermakna sebagai rasio Σ PPKS N /
    Σ PPKS N−1 × 100 (makin rendah makin baik; keputusan ``ARAH-TARGET-IKK-24``).
    Edisi final membuang catatan ini.

    >>> h = catatan_rumus_evaluasi().data
    >>> h.startswith('<div class="reviu-saja') and "IKK-24" in h and "Σ PPKS terdata tahun N / Σ PPKS terdata tahun N−1" in h
    True
    """
    ind = data.muat("indikator").set_index("kode")
    do = data.muat("definisi_operasional").set_index("kode")
    butir = []
    for kode, r in ind.iterrows():
        if kode not in do.index or r["rumus"] not in ("rasio", "penurunan"):
            continue
        tercetak = str(do.loc[kode, "rumus"])
        dicetak_penurunan = any(t in tercetak for t in (" - ", " − ", "dikurangi"))
        if (r["rumus"] == "rasio") != (not dicetak_penurunan):
            arah = "makin rendah makin baik" if r["polaritas"] == rumus.NEGATIF else "makin tinggi makin baik"
            butir.append(f"{kode}: Definisi Operasional tercetak \"{tercetak}\"; evaluasi capaian memakai "
                         f"{r['pembilang']} / {r['penyebut']} × 100 % ({r['rumus']}, {arah}), sesuai arah target yang "
                         f"ditetapkan (keputusan ARAH-TARGET-{kode} di data/keputusan_temuan.csv).")
    if not butir:
        return HTML("")
    return HTML(reviu_saja("Catatan reviu — rumus evaluasi yang berbeda dengan DO tercetak: " + " ".join(butir)))
