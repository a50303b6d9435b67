"""BAB IV Penutup dan Lampiran: tanda tangan, keputusan penetapan IKU, CSF pohon kinerja.

Sumber:

- BAB IV Penutup: teks ``data/teks/penutup.md``; tempat, tanggal dan
  penandatangan dari ``parameters/<tahun>.yml`` (kosong = ``data/instansi.yaml``).
- Lampiran 1: Keputusan Bupati Seruyan Nomor 800/143/DINSOS/IX/2025 tentang
  Penetapan Indikator Kinerja Utama (``data/keputusan.yaml``); "Mengingat" =
  ``data/dasar_hukum.csv``; tabel IKU lampiran keputusan = Tabel 4.1 tanpa
  kolom target (``data/indikator.csv`` + ``data/definisi_operasional.csv``).
- Lampiran 2: Critical Success Factors (CSF) Pohon Kinerja, Tahap I – Tahap III
  Output (``data/pohon_kinerja.yaml``, ``data/pohon_faktor_penyebab.csv``), yang
  tabelnya diturunkan dari pohon kinerja lewat :class:`analisis.presentation.pohon.Pohon`.

Semua teks dari data di-escape (:func:`analisis.presentation.tabel.esc`).

Examples
--------
>>> "NOMOR 800/143/DINSOS/IX/2025" in keputusan(2025).data
True
>>> "22 September 2025" in tanda_tangan_penutup(2025).data
True
>>> "……………… 2026" in tanda_tangan_penutup(2026).data
True
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML, Markdown

from ..core import data, parameter
from ..core import format as fmt
from ..presentation.pohon import TabelGabung, muat_pohon
from ..presentation.tabel import Kol, Tabel, daftar, esc, paragraf

__all__ = [
    "Penandatangan",
    "penandatangan_dokumen",
    "tempat_tanggal_dokumen",
    "blok_tanda_tangan",
    "tanda_tangan_penutup",
    "nomor_keputusan",
    "keputusan",
    "catatan_keputusan",
    "ditetapkan_keputusan",
    "identitas_iku",
    "tabel_iku_lampiran",
    "lampiran_iku",
    "kepala_pohon",
    "daftar_tahap",
    "tabel_csf",
    "tanda_tangan_pohon",
    "tahap_csf",
    "rujukan_form_indikator",
]

TITIK_TANGGAL = "………………"


# ----------------------------------------------------------------------------
# tanda tangan


@dataclass(frozen=True)
class Penandatangan:
    """Pejabat penanda tangan (jabatan, nama, pangkat, golongan, NIP)."""

    jabatan: str
    nama: str
    pangkat: str | None = None
    golongan: str | None = None
    nip: str | None = None

    @classmethod
    def dari(cls, isi) -> "Penandatangan":
        if hasattr(isi, "model_dump"):
            isi = isi.model_dump()
        return cls(**{k: isi.get(k) for k in ("jabatan", "nama", "pangkat", "golongan", "nip")})

    @property
    def pangkat_golongan(self) -> str | None:
        """Mis. ``"Pembina Utama Muda (IV/c)"``."""
        if self.pangkat and self.golongan:
            return f"{self.pangkat} ({self.golongan})"
        return self.pangkat or self.golongan


def penandatangan_dokumen(tahun: int, periode: str | None = None) -> Penandatangan:
    """Penanda tangan dokumen: parameter tahun itu, atau kepala dari ``data/instansi.yaml``.

    >>> penandatangan_dokumen(2025).nama, penandatangan_dokumen(2025).pangkat_golongan
    ('ANGGA, SE', 'Pembina Utama Muda (IV/c)')
    """
    p = parameter.muat(tahun, periode)
    return Penandatangan.dari(p.penandatangan or data.instansi()["kepala"])


def tempat_tanggal_dokumen(tahun: int, periode: str | None = None) -> str:
    """"<tempat>, <tanggal>" penandatanganan dokumen (BAB IV Penutup).

    Tempat: ``parameter.tempat`` → ``instansi.tempat_dokumen`` → ``instansi.ibu_kota``.
    Tanggal: ``parameter.tanggal_dokumen``; bila belum ditetapkan, titik-titik
    diikuti tahun dokumen.

    >>> tempat_tanggal_dokumen(2025)
    'Kuala Pembuang, 22 September 2025'
    >>> tempat_tanggal_dokumen(2029)
    'Kuala Pembuang, ……………… 2029'
    """
    p = parameter.muat(tahun, periode)
    ins = data.instansi()
    tempat = p.tempat or ins.get("tempat_dokumen") or ins["ibu_kota"]
    tanggal = fmt.tanggal(p.tanggal_dokumen) if p.tanggal_dokumen else f"{TITIK_TANGGAL} {int(tahun)}"
    return f"{tempat}, {tanggal}"


def blok_tanda_tangan(baris_atas: list[str], nama: str, baris_bawah: list[str] = ()) -> str:
    """HTML blok tanda tangan rata kanan (semua teks di-escape).

    >>> blok_tanda_tangan(["Kuala Pembuang, 1 Mei 2025", "Kepala <Dinas>,"], "A & B", ["NIP. 1"]).count("&lt;Dinas&gt;")
    1
    """
    atas = "".join(f'<p style="margin:0;text-align:left">{esc(b)}</p>' for b in baris_atas)
    bawah = "".join(f'<p style="margin:0;text-align:left">{esc(b)}</p>' for b in baris_bawah if b)
    return (
        '<div class="tanda-tangan" style="margin:1.5em 0 1.2em 55%;break-inside:avoid;page-break-inside:avoid">'
        f'{atas}<p style="margin:3.2em 0 0;text-align:left;font-weight:bold;text-decoration:underline">{esc(nama)}</p>'
        f"{bawah}</div>"
    )


def _blok_pejabat(tempat_tanggal: str, pen: Penandatangan, jabatan_kapital: bool = False) -> str:
    jabatan = pen.jabatan.upper() if jabatan_kapital else pen.jabatan
    return blok_tanda_tangan(
        [tempat_tanggal, f"{jabatan},"],
        pen.nama,
        [pen.pangkat_golongan or "", f"NIP. {pen.nip}" if pen.nip else ""],
    )


def tanda_tangan_penutup(tahun: int, periode: str | None = None) -> HTML:
    """Tempat, tanggal dan tanda tangan di akhir BAB IV Penutup.

    Sumber: BAB IV dokumen 2025 ("Kuala Pembuang, 22 September 2025 /
    KEPALA DINAS, / ANGGA, SE / Pembina Utama Muda ( IV/c ) / NIP. 19680405 198703 1 010").

    >>> t = tanda_tangan_penutup(2025).data
    >>> "KEPALA DINAS," in t and "NIP. 19680405 198703 1 010" in t
    True
    """
    return HTML(_blok_pejabat(tempat_tanggal_dokumen(tahun, periode), penandatangan_dokumen(tahun, periode), True))


# ----------------------------------------------------------------------------
# Lampiran 1: keputusan


def nomor_keputusan(tahun: int, periode: str | None = None) -> str:
    """Nomor keputusan: ``parameter.nomor_keputusan`` atau ``data/keputusan.yaml``.

    >>> nomor_keputusan(2025)
    '800/143/DINSOS/IX/2025'
    """
    p = parameter.muat(tahun, periode)
    return p.nomor_keputusan or data.keputusan()["nomor"]


def _tengah(teks: str, tebal: bool = True) -> str:
    gaya = "text-align:center;margin:0" + (";font-weight:bold" if tebal else "")
    return f'<p style="{gaya}">{esc(teks)}</p>'


def _baris_label(label_html: str, isi_html: str, lebar_em: float) -> str:
    """Baris "label : isi" dengan isi menggantung rata (keduanya HTML yang sudah di-escape)."""
    return (
        f'<div style="display:flex;margin:0 0 0.35em;text-align:left">'
        f'<div style="flex:0 0 {float(lebar_em):.1f}em">{label_html}</div><div style="flex:0 0 1em">:</div>'
        f'<div style="flex:1 1 auto;text-align:justify">{isi_html}</div></div>'
    )


def _mengingat() -> list[str]:
    kep = data.keputusan()
    m = kep.get("mengingat")
    if isinstance(m, list):
        return [str(x) for x in m]
    dh = data.muat("dasar_hukum").sort_values("no")
    return list(dh["teks"])


def ditetapkan_keputusan() -> HTML:
    """"Ditetapkan di … pada tanggal …" dan penanda tangan keputusan (``data/keputusan.yaml``).

    >>> t = ditetapkan_keputusan().data
    >>> "Ditetapkan di Kuala Pembuang" in t and "pada tanggal 29 September 2025" in t and "A.n. Bupati Seruyan" in t
    True
    """
    kep = data.keputusan()
    pen = list(kep["penandatangan"])
    atas = [f"Ditetapkan di {kep['ditetapkan_di']}", f"pada tanggal {fmt.tanggal(kep['tanggal'])}", ""] + pen[:-1]
    return HTML(blok_tanda_tangan(atas, pen[-1] if pen else ""))


def keputusan(tahun: int, periode: str | None = None) -> HTML:
    """Naskah keputusan penetapan IKU (Lampiran 1) dari ``data/keputusan.yaml``.

    Kepala (kop, judul, nomor, TENTANG), Menimbang (a, b, …), Mengingat
    (= dasar hukum BAB I, ``data/dasar_hukum.csv``), MEMUTUSKAN (diktum
    KESATU …), lalu tempat/tanggal penetapan dan penanda tangan.

    >>> t = keputusan(2025).data
    >>> "KEPUTUSAN BUPATI SERUYAN" in t and "TENTANG" in t and "KEENAM" in t
    True
    >>> t.count("<li>") == 2 + 20
    True
    """
    kep = data.keputusan()
    bagian = [_tengah(k) for k in kep.get("kop", [])]
    bagian.append('<div style="height:0.8em"></div>')
    bagian.append(_tengah(kep["judul"]))
    bagian.append(_tengah(f"NOMOR {nomor_keputusan(tahun, periode)}"))
    bagian.append('<div style="height:0.6em"></div>')
    bagian.append(_tengah("TENTANG"))
    bagian.append(_tengah(kep["tentang"]))
    bagian.append('<div style="height:0.6em"></div>')
    if kep.get("pejabat"):
        bagian.append(_tengah(f"{kep['pejabat']},"))
    bagian.append('<p style="margin:0.8em 0 0.2em"><b>Menimbang</b> :</p>')
    bagian.append(daftar(list(kep["menimbang"]), gaya="lower-alpha"))
    bagian.append('<p style="margin:0.8em 0 0.2em"><b>Mengingat</b> :</p>')
    bagian.append(daftar(_mengingat(), bernomor=True, gaya="decimal"))
    bagian.append('<p style="text-align:center;font-weight:bold;margin:1em 0 0.5em">MEMUTUSKAN:</p>')
    bagian.append('<p style="margin:0 0 0.3em"><b>Menetapkan</b> :</p>')
    diktum = []
    for d in kep["memutuskan"]:
        baris = [b.strip() for b in str(d["teks"]).split("\n") if b.strip()]
        isi = "<br>".join(esc(b) for b in baris)
        diktum.append(_baris_label(f"<b>{esc(d['diktum'])}</b>", isi, 6.5))
    bagian.extend(diktum[:-1])
    # diktum terakhir dan penanda tangan tidak dipisah halaman: blok tanda
    # tangan tidak pernah tercetak sendirian di halaman sesudah naskahnya
    bagian.append('<div style="break-inside:avoid;page-break-inside:avoid">' + "".join(diktum[-1:])
                  + ditetapkan_keputusan().data + "</div>")
    return HTML('<div class="keputusan">' + "".join(bagian) + "</div>")


def catatan_keputusan(tahun: int, periode: str | None = None) -> HTML:
    """Catatan bila Daftar Isi sumber menyebut judul/nomor keputusan yang berbeda dengan naskahnya.

    >>> "800 /143 /DINSOS /VIII /2025" in catatan_keputusan(2025).data
    True
    """
    kep = data.keputusan()
    p = parameter.muat(tahun, periode)
    di_daftar = kep.get("nomor_di_daftar_isi")
    judul_daftar = kep.get("judul_di_daftar_isi")
    if p.nomor_keputusan or not di_daftar:
        return HTML("")
    normal = lambda s: re.sub(r"\s+", "", str(s))  # noqa: E731
    if normal(di_daftar) == normal(kep["nomor"]) and (not judul_daftar or judul_daftar == kep["judul"]):
        return HTML("")
    kal = (
        f"Catatan: Daftar Isi dokumen sumber menyebut lampiran ini sebagai {judul_daftar or kep['judul']} "
        f"Nomor {di_daftar}, sedangkan naskahnya berjudul {kep['judul']} Nomor {kep['nomor']}. "
        f"Yang disajikan di sini adalah naskahnya."
    )
    return HTML(paragraf(kal, kelas="catatan reviu-saja"))  # catatan untuk pemeriksa: tidak di edisi final


def identitas_iku() -> HTML:
    """Kepala tabel IKU lampiran keputusan: unit kerja, jabatan, tugas, fungsi (a–k).

    >>> t = identitas_iku().data
    >>> "INDIKATOR KINERJA UTAMA (IKU)" in t and "Kepala Dinas Sosial Kabupaten Seruyan" in t and t.count("<li>")
    11
    """
    ins = data.instansi()
    org = data.organisasi()
    bagian = [
        _tengah("INDIKATOR KINERJA UTAMA (IKU)"),
        _tengah(ins["nama_perangkat_daerah"].upper()),
        '<div style="height:0.6em"></div>',
    ]
    for label, nilai in (
        ("Unit Kerja", ins["nama_lengkap"]),
        ("Jabatan", f"Kepala {ins['nama_lengkap']}"),
        ("Tugas", ins["tugas"]),
    ):
        bagian.append(_baris_label(esc(label), esc(nilai), 6))
    bagian.append(_baris_label("Fungsi", "", 6))
    bagian.append(daftar(list(org.get("fungsi", [])), gaya="lower-alpha"))
    return HTML("".join(bagian))


@dataclass
class _KolParagraf(Kol):
    """Kolom berisi daftar (judul, teks): tiap unsur menjadi satu paragraf, judul tebal."""

    def sel(self, nilai) -> str:
        if not nilai:
            return fmt.TIDAK_TERDEFINISI
        hasil = []
        for judul, teks in nilai:
            kepala = f"<b>{esc(judul)}</b> " if judul else ""
            hasil.append(f"<p>{kepala}{esc(teks)}</p>")
        return "".join(hasil)


def tabel_iku_lampiran() -> Tabel:
    """Tabel L1.1 Indikator Kinerja Utama, lampiran keputusan penetapan IKU.

    Kolom sama dengan lampiran keputusan di sumber (Tabel 4.1 tanpa kolom
    target): tujuan, indikator tujuan, sasaran strategis, IKU, definisi
    operasional dan formulasi (baris IKU di ``data/definisi_operasional.csv``,
    Tabel 4.4), sumber data, penanggung jawab.

    >>> t = tabel_iku_lampiran()
    >>> t.label, list(t.df["nama"])
    ('lampiran-iku', ['Persentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang Tertangani', 'Nilai SAKIP Dinas Sosial'])
    >>> t.df.iloc[1]["do"][1]
    ('Formulasi Perhitungan:', 'Hasil Evaluasi SAKIP dari APIP')
    >>> t.df.iloc[1]["sumber_data"]
    [('', '– data SAKIP Dinas Sosial'), ('', '– BA LHE SAKIP dari Inspektorat Kab. Seruyan')]
    """
    ind = data.muat("indikator")
    ind = ind[ind["jenis"] == "IKU"].sort_values("no")
    do = data.muat("definisi_operasional").set_index("kode")
    baris = []
    for _, r in ind.iterrows():
        d = do.loc[r["kode"]] if r["kode"] in do.index else None
        isi_do = []
        if d is not None:
            isi_do = [("Definisi Operasional:", d["definisi"]), ("Formulasi Perhitungan:", d["rumus"])]
        sumber = [("", f"– {s.strip()}") for s in str(r["sumber_data"] or "").split(";") if s.strip()]
        baris.append({
            "no": int(r["no"]),
            "tujuan": r["tujuan"],
            "indikator_tujuan": r["indikator_tujuan"],
            "sasaran": r["sasaran"],
            "nama": r["nama"],
            "do": isi_do,
            "sumber_data": sumber,
            "penanggung_jawab": r["penanggung_jawab"],
        })
    ins = data.instansi()
    per = ins["periode_renstra"]
    return TabelGabung(
        pd.DataFrame(baris),
        label="lampiran-iku",  # nomornya (Tabel L1.1) diberi mesin dokumen
        judul=f"Indikator Kinerja Utama {ins['nama_lengkap']} Tahun {per['awal']}–{per['akhir']}",
        kolom=[
            Kol("no", "No.", lambda v: f"{int(v)}.", rata="tengah"),
            Kol("tujuan", "Tujuan"),
            Kol("indikator_tujuan", "Indikator Tujuan"),
            Kol("sasaran", "Sasaran Strategis"),
            Kol("nama", "Indikator Kinerja Utama"),
            _KolParagraf("do", "Definisi Operasional / Formulasi Perhitungan"),
            _KolParagraf("sumber_data", "Sumber Data"),
            Kol("penanggung_jawab", "Penanggung Jawab"),
        ],
        sumber="Lampiran Keputusan penetapan IKU; Definisi Operasional dari Tabel 4.4",
        lebar=True,
        lebar_kolom=[4, 12, 12, 12, 13, 26, 10.5, 10.5],
        utuh=True,
    )


def lampiran_iku() -> HTML:
    """Lampiran keputusan dalam satu bagian halaman mendatar: identitas, Tabel L1.1, penetapan.

    Blok "Ditetapkan di …" menjadi baris terakhir tabel agar tidak tercetak
    sendirian di halaman sesudah tabel (lihat :func:`analisis.presentation.tabel.tubuh_tabel`).

    >>> t = lampiran_iku().data
    >>> t.startswith('<section class="lanskap">') and 'data-label="lampiran-iku"' in t and "Ditetapkan di" in t
    True
    >>> t.index("Ditetapkan di") < t.index("</table>")
    True
    """
    tabel = tabel_iku_lampiran()
    tabel.penutup = ditetapkan_keputusan().data
    return HTML('<section class="lanskap">' + identitas_iku().data + tabel.html() + "</section>")


# ----------------------------------------------------------------------------
# Lampiran 2: CSF pohon kinerja


def _instansi_pohon() -> tuple[dict, dict, object]:
    """Identitas instansi, keterangan pohon kinerja dan tanggal pohon kinerja (instansi dulu, lalu pohon)."""
    ins, info = data.instansi(), data.pohon_info()
    return ins, info, ins.get("tanggal_pohon_kinerja") or info.get("tanggal")


def kepala_pohon() -> HTML:
    """Kepala Lampiran 2: pemerintah, judul, sektor, instansi dan tahun pohon kinerja.

    >>> t = kepala_pohon().data
    >>> "POHON KINERJA" in t and "Sektor Pengentasan Kemiskinan Urusan Sosial" in t and "TAHUN 2025" in t
    True
    """
    ins, info, tanggal = _instansi_pohon()
    tahun = info.get("tahun") or (_dt.date.fromisoformat(str(tanggal)).year if tanggal else None)
    nama = info.get("instansi") or ins["nama_lengkap"].upper()
    baris = [
        ins["pemerintah"].upper(),
        info.get("judul") or "POHON KINERJA",
        ins.get("sektor_pohon_kinerja") or info.get("sektor") or "",
        f"{nama} TAHUN {tahun}" if tahun else nama,
    ]
    return HTML('<div style="margin:0.5em 0 1em">' + "".join(_tengah(b) for b in baris if b) + "</div>")


_ROMAWI = re.compile(r"^[IVXLC]+$")


def _judul_tahap(label: str) -> str:
    """``"TAHAP II ANTARA"`` → ``"Tahap II Antara"`` (angka Romawi tetap kapital).

    >>> _judul_tahap("TAHAP III OUTPUT")
    'Tahap III Output'
    """
    kata = re.sub(r"[^\w\s()\-]", "", label).split()
    return " ".join(k if _ROMAWI.match(k) else k.capitalize() for k in kata)


def daftar_tahap() -> list[dict]:
    """Tahap CSF dari ``data/pohon_kinerja.yaml`` beserta level induk → anak.

    Tahap I memasangkan faktor penyebab (``pohon_faktor_penyebab.csv``) dengan
    simpul level 2; tahap lain memasangkan level ``n`` dengan level ``n + 1``
    (dibaca dari kunci ``isi``, mis. "simpul level 2 -> level 3"). Tahap
    *Form Indikator* disajikan sebagai Tabel 4.8 sehingga tidak ikut.

    >>> [(t["judul"], t["dari"], t["ke"]) for t in daftar_tahap()]
    [('Tahap I', None, 2), ('Tahap II Antara', 2, 3), ('Tahap III Antara', 3, 4), ('Tahap III Output', 4, 5)]
    """
    hasil = []
    for t in data.pohon_info().get("tahap", []):
        isi = str(t.get("isi", ""))
        m = re.search(r"level\s*(\d+)\s*->\s*level\s*(\d+)", isi)
        if m:
            dari, ke = int(m.group(1)), int(m.group(2))
        elif "faktor_penyebab" in isi:
            m2 = re.search(r"level\s*(\d+)", isi)
            dari, ke = None, int(m2.group(1)) if m2 else 2
        else:
            continue  # Form Indikator: Tabel 4.8
        hasil.append({"label": t["label"], "judul": _judul_tahap(t["label"]), "kolom": list(t["kolom"]), "dari": dari, "ke": ke})
    return hasil


def tabel_csf(i: int) -> Tabel:
    """Tabel L2.<i+1>: pasangan kondisi tahap ``i`` diturunkan dari pohon kinerja.

    Tahap I: faktor penyebab berdampingan dengan kondisi level 2. Tahap
    berikutnya: setiap simpul level ``n`` (sel digabung atas anak-anaknya,
    seperti sel gabungan di Lampiran 2 sumber) dengan anak level ``n + 1``.

    >>> t = tabel_csf(0)
    >>> t.label, len(t.df), list(t.df["kiri"])
    ('csf-tahap-1', 4, ['MASIH TINGGINYA ANGKA PEMERLU PELAYANAN KESEJAHTERAAN SOSIAL (PPKS) DI KABUPATEN SERUYAN', 'MASIH RENDAHNYA MUTU PELAYANAN KESEJAHTERAAN SOSIAL', '', ''])
    >>> [len(tabel_csf(k).df) for k in range(4)]
    [4, 9, 20, 52]
    >>> r = tabel_csf(1).df.iloc[2]
    >>> r["kiri"], r["kanan"]
    ('MENINGKATNYA PELAYANAN DASAR REHABILITASI SOSIAL', 'MENINGKATNYA PELAYANAN REHABILITASI SOSIAL UNTUK PPKS')
    >>> tabel_csf(3).html().count("border-top-style:hidden")
    32
    """
    t = daftar_tahap()[i]
    p = muat_pohon()
    gabung = {}
    if t["dari"] is None:
        faktor = list(data.muat("pohon_faktor_penyebab").sort_values("no")["faktor_penyebab"])
        kanan = [s.uraian for s in p.level(t["ke"])]
        baris = [{"kiri": a or "", "kanan": b or "", "id": None} for a, b in itertools.zip_longest(faktor, kanan)]
    else:
        baris = []
        for s in p.level(t["dari"]):
            for a in p.anak(s.id) or [None]:
                baris.append({"kiri": s.uraian, "kanan": a.uraian if a else "", "id": s.id})
        gabung = {"kiri": "id"}
    ins = data.instansi()
    return TabelGabung(
        pd.DataFrame(baris),
        label=f"csf-tahap-{i + 1}",  # nomornya (Tabel L2.<i+1>) diberi mesin dokumen
        judul=f"{t['judul']} Pohon Kinerja {ins['nama_lengkap']}",
        kolom=[Kol("kiri", t["kolom"][0]), Kol("kanan", t["kolom"][1])],
        gabung=gabung,
        lebar_kolom=[45, 55],
    )


def tanda_tangan_pohon() -> HTML:
    """Tempat, tanggal pohon kinerja (``instansi.tanggal_pohon_kinerja``) dan penanda tangan.

    >>> t = tanda_tangan_pohon().data
    >>> "Kuala Pembuang, 20 Januari 2025" in t and "Kepala Dinas," in t and "ANGGA, SE" in t
    True
    """
    ins, info, tanggal = _instansi_pohon()
    tempat = info.get("tempat") or ins.get("tempat_dokumen") or ins["ibu_kota"]
    teks_tgl = fmt.tanggal(tanggal) if tanggal else TITIK_TANGGAL
    pen = Penandatangan.dari(info.get("penandatangan") or ins["kepala"])
    return HTML(_blok_pejabat(f"{tempat}, {teks_tgl}", pen))


def tahap_csf(i: int) -> tuple:
    """Isi satu tahap CSF: judul (Markdown), masalah ultimate bila tahap I, tabel, tanda tangan.

    >>> judul, blok, ttd = tahap_csf(0)
    >>> judul.data, "MASIH RENDAHNYA KESEJAHTERAAN SOSIAL (ULTIMATE)" in blok.data
    ('### Tahap I', True)
    """
    t = daftar_tahap()[i]
    isi = ""
    if t["dari"] is None:
        masalah = data.pohon_info().get("masalah_ultimate")
        if masalah:
            isi += f'<p style="text-align:center;font-weight:bold;border:1px solid #333;padding:4pt;margin:0.5em 15%">{esc(masalah)}</p>'
    isi += tabel_csf(i).html()
    return Markdown(f"### {t['judul']}"), HTML(isi), tanda_tangan_pohon()


def rujukan_form_indikator() -> HTML:
    """Kalimat rujukan ke Form Indikator di subbab 4.3 (tahap *Form Indikator* Lampiran 2 sumber).

    >>> rujukan_form_indikator().data
    '<p>Tahap Form Indikator pohon kinerja (kondisi dan indikator level 0–5, 52 jalur sampai output) disajikan pada <a class="rujukan" href="#tabel-form-indikator" data-jenis="tabel" data-label="form-indikator">Tabel [form-indikator]</a> di subbab 4.3.</p>'
    """
    from ..presentation.tabel import rujuk

    p = muat_pohon()
    kal = (
        f"Tahap Form Indikator pohon kinerja (kondisi dan indikator level 0–{p.level_maks}, "
        f"{fmt.angka(len(p.jalur()))} jalur sampai output) disajikan pada {rujuk('tabel', 'form-indikator')} di subbab 4.3."
    )
    return HTML(f"<p>{kal}</p>")  # teks tetap, angka dan rujukan
