"""Kata Pengantar, BAB I dan BAB II 2.1–2.3: setiap tabel, grafik dan kalimat berangka.

Buku catatan ``00_pengantar``, ``01_pendahuluan`` dan ``02_gambaran_umum``
hanya memanggil fungsi di sini (dan :mod:`analisis.chapters._organisasi` untuk 2.1).
Setiap angka dibaca dari ``data/`` lewat :mod:`analisis.core.data`, dijumlahkan
atau dihitung di sini dengan :mod:`analisis.core.rumus`, dan diformat dengan
:mod:`analisis.core.format`. Baris JUMLAH selalu dihitung dari baris data; angka
tercetak di dokumen sumber tidak pernah disalin (pemeriksa terpisah
membandingkan keduanya lewat ``data/dicetak.csv``).

Pemilihan tahun data
--------------------
Tabel "statis" BAB II (ASN, SDM Kesos, aset, PSKS, LKS, kemiskinan, SPM)
berasal dari tahun tertentu. Untuk dokumen tahun ``tahun`` dipakai tahun data
terakhir yang ≤ ``tahun`` (:func:`pilih_tahun`), atau tahun data paling awal
bila ``tahun`` mendahului semua data; tahun data selalu disebut di judul tabel
dan, bila berbeda dari ``tahun``, dijelaskan di catatan tabel.

Examples
--------
>>> kalimat_ppks(2025)
'Sampai dengan Triwulan I Tahun 2025 tercatat 42.583 jiwa PPKS terdata, 35.005 jiwa (82,20 %) di antaranya tertangani.'
>>> kalimat_ppks(2026)
'Data realisasi PPKS tahun 2026 belum tersedia. Tabel 2.5 menyajikan rincian terakhir yang tersedia, Triwulan I Tahun 2025: tercatat 42.583 jiwa PPKS terdata, 35.005 jiwa (82,20 %) di antaranya tertangani.'
"""

from __future__ import annotations

import datetime as _dt
import re
import textwrap
from decimal import Decimal

import pandas as pd
from IPython.display import HTML, Markdown

from ..core import data, kinerja, rumus
from ..core import format as fmt
from ..core.aturan import SUMBER_ATURAN, Pita
from ..presentation.grafik import Gambar, WARNA, bergaya, subplots, sumbu_angka, sumbu_persen
from ..core.kesalahan import KesalahanParameter
from ..core.parameter import muat as muat_parameter
from ..core.parameter import urutan_periode
from ..presentation.tabel import Kol, Tabel, daftar, esc, paragraf, pengantar_lanskap

__all__ = [
    "Kalimat",
    "KolBaris",
    "terbilang",
    "pilih_tahun",
    "periode_dokumen",
    "label_periode",
    # Kata Pengantar
    "tempat_tanggal",
    "penandatangan",
    "blok_tanda_tangan",
    # BAB I
    "pengantar_dasar_hukum",
    "daftar_dasar_hukum",
    # judul dan prosa
    "judul_bab2",
    "judul",
    "pengantar",
    # 2.2
    "rekap_asn",
    "kalimat_pns",
    "rincian_pns",
    "kalimat_honorer",
    "tabel_asn",
    "tabel_sdm_kesos",
    "tabel_aset",
    # 2.3.1
    "pilih_periode_pas",
    "rincian_pas",
    "tabel_ppks_pas",
    "grafik_ppks_pas",
    "kalimat_ppks",
    "tabel_psks",
    # 2.3.2
    "tabel_lks",
    "grafik_lks",
    "kalimat_lks",
    # 2.3.3
    "data_kemiskinan",
    "tabel_kemiskinan",
    "grafik_kemiskinan",
    "kalimat_kemiskinan",
    "tabel_rencana_aksi",
    # 2.3.4
    "realisasi_spm",
    "kalimat_spm",
    "tabel_spm",
    "grafik_spm",
    "permasalahan_spm",
    "uraian_pita",
]

NIHIL = "-"  #: tanda nol pada Tabel 2.2, sebagaimana dokumen sumber
TIDAK_ADA = "tdk ada"  #: kategori yang tidak terdapat di daerah (Tabel 2.5)


class Kalimat(str):
    """Teks biasa yang tampil di buku catatan sebagai satu paragraf HTML ter-escape.

    >>> Kalimat("a < b")._repr_html_()
    '<p>a &lt; b</p>'
    """

    def _repr_html_(self) -> str:
        return paragraf(str(self))


class KolBaris(Kol):
    """Kolom yang selnya berisi beberapa baris teks (daftar), masing-masing di-escape, dipisah ``<br>``.

    ``utuh=True``: setiap baris tidak dipatahkan (untuk baris pendek seperti "TW I: 2").

    >>> KolBaris("x", "X").sel(["a < b", "c"])
    'a &lt; b<br>c'
    """

    def __init__(self, *args, utuh: bool = False, **kw):
        super().__init__(*args, **kw)
        self.utuh = utuh

    def sel(self, nilai) -> str:
        if isinstance(nilai, (list, tuple)):
            butir = [esc(b) for b in nilai if b not in (None, "")]
            if self.utuh:
                butir = [f'<span style="white-space:nowrap">{b}</span>' for b in butir]
            return "<br>".join(butir)
        return super().sel(nilai)


# ----------------------------------------------------------------------------
# alat bantu umum

_SATUAN = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]


def terbilang(n: int) -> str:
    """Bilangan bulat tak negatif dalam kata (ejaan dokumen: "22 (dua puluh dua)").

    >>> terbilang(22), terbilang(21), terbilang(11), terbilang(0)
    ('dua puluh dua', 'dua puluh satu', 'sebelas', 'nol')
    >>> terbilang(147), terbilang(1000), terbilang(2_500_013)
    ('seratus empat puluh tujuh', 'seribu', 'dua juta lima ratus ribu tiga belas')
    """
    n = int(n)
    if n < 0:
        return "minus " + terbilang(-n)
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"

    def sisa(kepala: str, s: int) -> str:
        return kepala if s == 0 else f"{kepala} {terbilang(s)}"

    if n < 100:
        return sisa(f"{_SATUAN[n // 10]} puluh", n % 10)
    if n < 200:
        return sisa("seratus", n - 100)
    if n < 1000:
        return sisa(f"{_SATUAN[n // 100]} ratus", n % 100)
    if n < 2000:
        return sisa("seribu", n - 1000)
    for besar, nama in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= besar:
            return sisa(f"{terbilang(n // besar)} {nama}", n % besar)
    raise AssertionError("tidak terjangkau")


def _orang(n: int) -> str:
    return f"{fmt.angka(n)} ({terbilang(n)}) orang"


def pilih_tahun(tersedia, tahun: int) -> int | None:
    """Tahun data yang dipakai untuk dokumen tahun ``tahun``.

    Tahun terakhir yang ≤ ``tahun``; bila ``tahun`` mendahului semua data,
    tahun paling awal; ``None`` bila tidak ada data sama sekali.

    >>> pilih_tahun([2024], 2026), pilih_tahun([2025], 2024), pilih_tahun([2020, 2023, 2024], 2023), pilih_tahun([], 2025)
    (2024, 2025, 2023, None)
    """
    ada = sorted({int(t) for t in tersedia if not pd.isna(t)})
    if not ada:
        return None
    bawah = [t for t in ada if t <= tahun]
    return bawah[-1] if bawah else ada[0]


def periode_dokumen(tahun: int, periode: str | None = None) -> str:
    """Periode dokumen: ``periode`` bila diberikan, selain itu dari ``parameters/<tahun>.yml``.

    >>> periode_dokumen(2025), periode_dokumen(2026), periode_dokumen(2025, "Tahunan")
    ('Triwulan I', 'Tahunan', 'Tahunan')
    """
    if periode is not None:
        return periode
    try:
        return muat_parameter(tahun).periode
    except KesalahanParameter:
        return "Tahunan"


def label_periode(tahun: int, periode: str) -> str:
    """Label periode untuk kalimat dan judul: "Triwulan I Tahun 2025", "Tahun 2024".

    >>> label_periode(2025, "Triwulan I"), label_periode(2024, "Tahunan")
    ('Triwulan I Tahun 2025', 'Tahun 2024')
    """
    return f"Tahun {tahun}" if periode == "Tahunan" else f"{periode} Tahun {tahun}"


def _daerah() -> str:
    i = data.instansi()
    return f"{i['jenis_daerah']} {i['nama_daerah']}"


def _catatan_tahun(tahun: int, tahun_data: int | None, apa: str) -> list[str]:
    """Catatan bila tabel menyajikan data tahun lain daripada tahun dokumen."""
    if tahun_data is None or tahun_data == tahun:
        return []
    if tahun_data < tahun:
        return [f"Data {apa} tahun {tahun} belum tersedia; disajikan data tahun {tahun_data}, data terakhir yang tersedia."]
    return [f"Data {apa} tahun {tahun} tidak tersedia; disajikan data tahun {tahun_data}, data paling awal yang tersedia."]


# ----------------------------------------------------------------------------
# Kata Pengantar


def _tanggal(tahun: int, periode: str | None) -> _dt.date | None:
    try:
        p = muat_parameter(tahun, periode)
    except KesalahanParameter:
        p = None
    if p is not None and p.tanggal_dokumen is not None:
        return p.tanggal_dokumen
    t = data.instansi().get("tanggal_dokumen")
    if t is not None:
        t = _dt.date.fromisoformat(str(t))
        if t.year == tahun:  # tanggal instansi hanya berlaku untuk tahunnya sendiri
            return t
    return None


def tempat_tanggal(tahun: int, periode: str | None = None) -> str:
    """Tempat dan tanggal penandatanganan ("Kuala Pembuang, 22 September 2025").

    Tempat: parameter ``tempat``, lalu ``tempat_dokumen`` atau ``ibu_kota``
    instansi. Tanggal: parameter ``tanggal_dokumen`` (atau tanggal dokumen
    instansi bila tahunnya sama); bila belum ada, dikosongkan untuk diisi.

    >>> tempat_tanggal(2025)
    'Kuala Pembuang, 22 September 2025'
    >>> tempat_tanggal(2026)
    'Kuala Pembuang, ……………… 2026'
    """
    try:
        tempat = muat_parameter(tahun, periode).tempat
    except KesalahanParameter:
        tempat = None
    i = data.instansi()
    tempat = tempat or i.get("tempat_dokumen") or i["ibu_kota"]
    tgl = _tanggal(tahun, periode)
    return f"{tempat}, {fmt.tanggal(tgl) if tgl else f'……………… {tahun}'}"


def penandatangan(tahun: int, periode: str | None = None) -> dict:
    """Penandatangan: parameter ``penandatangan``, selain itu kepala perangkat daerah (instansi.yaml).

    >>> p = penandatangan(2025)
    >>> p["jabatan"], p["nama"], p["golongan"]
    ('Kepala Dinas', 'ANGGA, SE', 'IV/c')
    """
    try:
        p = muat_parameter(tahun, periode).penandatangan
    except KesalahanParameter:
        p = None
    return p.model_dump() if p is not None else dict(data.instansi()["kepala"])


def blok_tanda_tangan(tahun: int, periode: str | None = None) -> HTML:
    """Blok tanda tangan Kata Pengantar: tempat, tanggal, jabatan, nama, pangkat (golongan), NIP.

    >>> h = blok_tanda_tangan(2025).data
    >>> "KEPALA DINAS," in h and "Pembina Utama Muda (IV/c)" in h and "NIP. 19680405 198703 1 010" in h
    True
    """
    p = penandatangan(tahun, periode)
    pangkat = " ".join(x for x in [p.get("pangkat"), f"({p['golongan']})" if p.get("golongan") else None] if x)
    baris = [
        f"<p>{esc(tempat_tanggal(tahun, periode))}</p>",
        f"<p><strong>{esc(p['jabatan'].upper())},</strong></p>",
        '<div style="height:3.5em"></div>',
        f"<p><strong>{esc(p['nama'])}</strong></p>",
    ]
    if pangkat:
        baris.append(f"<p>{esc(pangkat)}</p>")
    if p.get("nip"):
        baris.append(f"<p>NIP. {esc(p['nip'])}</p>")
    gaya = "margin:1.2em 0 0 50%;text-align:center;break-inside:avoid;page-break-inside:avoid"
    isi = "".join(b.replace("<p>", '<p style="text-align:center;margin:0">') for b in baris)
    return HTML(f'<div class="tanda-tangan" style="{gaya}">{isi}</div>')


# ----------------------------------------------------------------------------
# BAB I


def pengantar_dasar_hukum() -> Kalimat:
    """Kalimat pengantar B. Dasar Hukum, dari nama instansi dan periode Renstra.

    >>> pengantar_dasar_hukum()
    'Dasar Hukum Penyusunan Dokumen Indikator Kinerja Utama Dinas Sosial Kabupaten Seruyan Tahun 2025-2029 adalah sebagai berikut:'
    """
    i = data.instansi()
    r = i["periode_renstra"]
    return Kalimat(
        f"Dasar Hukum Penyusunan Dokumen Indikator Kinerja Utama {i['nama_lengkap']} Tahun {r['awal']}-{r['akhir']} "
        "adalah sebagai berikut:"
    )


def daftar_dasar_hukum() -> HTML:
    """Daftar bernomor dasar hukum (BAB I B) dari ``data/dasar_hukum.csv``, nomor sesuai kolom ``no``.

    >>> h = daftar_dasar_hukum().data
    >>> h.count("<li"), h.startswith("<ol")
    (20, True)
    """
    df = data.muat("dasar_hukum").sort_values("no")
    isi = "".join(f'<li value="{int(r.no)}">{esc(r.teks)}</li>' for r in df.itertuples())
    return HTML(f'<ol style="list-style-type:decimal">{isi}</ol>')


# ----------------------------------------------------------------------------
# judul dan prosa BAB II


def judul_bab2() -> Markdown:
    """Judul BAB II dengan nama instansi (huruf kapital).

    >>> judul_bab2().data
    '# BAB II GAMBARAN UMUM DINAS SOSIAL KABUPATEN SERUYAN'
    """
    return Markdown(f"# BAB II GAMBARAN UMUM {esc(data.instansi()['nama_lengkap'].upper())}")


def judul(kode: str, tahun: int | None = None, periode: str | None = None) -> Markdown:
    """Judul subbab BAB II yang memuat nama instansi atau periode.

    >>> judul("2.1").data
    '## 2.1 Tugas, Fungsi dan Struktur Dinas Sosial Kabupaten Seruyan'
    >>> judul("2.3.1", 2025).data[:40], judul("2.3.1", 2025).data.endswith("(PSKS) Triwulan I Tahun 2025")
    ('### 2.3.1 Kinerja Pelayanan dari Pemerlu', True)
    """
    nama = esc(data.instansi()["nama_lengkap"])
    if kode == "2.1":
        return Markdown(f"## 2.1 Tugas, Fungsi dan Struktur {nama}")
    if kode == "2.2":
        return Markdown(f"## 2.2 Sumber Daya {nama}")
    if kode == "2.3":
        return Markdown(f"## 2.3 Kinerja Pelayanan {nama}")
    if kode == "2.3.1":
        if tahun is None:
            raise ValueError("judul 2.3.1 memerlukan tahun")
        label = label_periode(tahun, periode_dokumen(tahun, periode))
        return Markdown(
            "### 2.3.1 Kinerja Pelayanan dari Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang Tertangani "
            f"dan Potensi Sumber Kesejahteraan Sosial (PSKS) {label}"
        )
    raise KeyError(f"tidak ada judul bangkitan untuk {kode!r}")


#: Frasa periode di paragraf terakhir (kalimat pengantar tabel) setiap teks:
#: diganti dengan periode data yang benar-benar disajikan di tabelnya.
_FRASA_PERIODE = {
    "ppks_pengantar": r"(?P<awal>sampai dengan )(?:(?:Triwulan|Semester) [IV]+ )?Tahun \d{4}",
    "sdm_kesos_pengantar": r"(?P<awal>pada tahun )\d{4}",
    "aset_pengantar": r"(?P<awal>pada tahun )\d{4}",
    "psks_pengantar": r"(?P<awal>selama tahun )\d{4}",
    "kemiskinan_pengantar": r"(?P<awal>tahun )\d{4}\s*[-–]\s*\d{4}",
    "spm_permasalahan_pengantar": r"(?P<awal>Bidang Sosial )Tahun \d{4}",
}


def _periode_teks(nama: str, tahun: int, periode: str | None) -> str | None:
    if nama == "ppks_pengantar":
        sel = pilih_periode_pas(tahun, periode)
        return None if sel is None else label_periode(*sel)
    if nama == "sdm_kesos_pengantar":
        return _str(pilih_tahun(data.muat("sdm_kesos")["tahun"], tahun))
    if nama == "aset_pengantar":
        return _str(pilih_tahun(data.muat("aset")["tahun"], tahun))
    if nama == "psks_pengantar":
        return _str(pilih_tahun(data.muat("psks")["tahun"], tahun))
    if nama == "kemiskinan_pengantar":
        th = sorted(data_kemiskinan(tahun)["tahun"].unique())
        return None if not th else (str(th[0]) if len(th) == 1 else f"{th[0]}–{th[-1]}")
    if nama == "spm_permasalahan_pengantar":
        t = pilih_tahun(data.muat("spm_permasalahan")["tahun"], tahun)
        return None if t is None else f"Tahun {t}"
    return None


def _str(x) -> str | None:
    return None if x is None else str(x)


def pengantar(nama: str, tahun: int | None = None, periode: str | None = None, lanskap: bool = False) -> Markdown:
    """Prosa ``data/teks/<nama>.md``; tahun/periode di kalimat pengantar tabel disesuaikan dengan data yang disajikan.

    Hanya paragraf terakhir (kalimat "... sebagai berikut :") yang disesuaikan,
    dan hanya frasa periodenya (:data:`_FRASA_PERIODE`); teks lain tampil apa adanya.
    ``lanskap=True``: paragraf terakhir dibungkus ``<div class="lanskap">`` agar
    tercetak di halaman mendatar bersama tabel lebar yang diantarnya (tidak
    tertinggal sendirian di halaman tegak).

    >>> h = pengantar("kemiskinan", lanskap=True).data
    >>> h.endswith("</p></div>"), h.count('<div class="lanskap"><p>Rencana Aksi')
    (True, 1)
    >>> (chr(10) * 2) in h[h.index('<div class="lanskap">'):]  # tanpa baris kosong di dalam div
    False

    >>> pengantar("ppks_pengantar", 2026).data.endswith("sampai dengan Triwulan I Tahun 2025 adalah sebagai berikut :")
    True
    >>> "pada tahun 2024 sebagai berikut" in pengantar("sdm_kesos_pengantar", 2029).data
    True
    """
    paragraf_ = data.teks(nama).split("\n\n")
    pola = _FRASA_PERIODE.get(nama)
    ganti = None if pola is None or tahun is None else _periode_teks(nama, tahun, periode)
    if ganti is not None:
        paragraf_[-1] = re.sub(pola, lambda m: m.group("awal") + ganti, paragraf_[-1], count=1)
    if lanskap:
        paragraf_[-1] = pengantar_lanskap(paragraf_[-1])
    return Markdown("\n\n".join(paragraf_))


# ----------------------------------------------------------------------------
# 2.2.1 Sumber Daya Manusia

_DIMENSI = {"eselon": "eselon", "golongan": "golongan", "pendidikan": "pendidikan", "jenis_kelamin": "jenis kelamin"}


def rekap_asn() -> dict:
    """Jumlah PNS dan honorer dari Tabel 2.2 (jumlah baris) dan jumlah tiap dimensi rincian PNS.

    >>> r = rekap_asn()
    >>> r["pns"], r["honorer"], r["rincian"]
    (21, 21, {'eselon': 8, 'golongan': 22, 'pendidikan': 22, 'jenis_kelamin': 22})
    """
    asn = data.muat("asn_jabatan")
    rinci = data.muat("asn_rincian")
    return {
        "pns": int(asn["pns"].sum()),
        "honorer": int(asn["honorer"].sum()),
        "rincian": {d: int(g["jumlah"].sum()) for d, g in rinci.groupby("dimensi", sort=False)},
    }


def kalimat_pns() -> Kalimat:
    """Kalimat pembuka 2.2.1: jumlah PNS = jumlah kolom PNS Tabel 2.2.

    >>> kalimat_pns()
    'Dukungan Sumber Daya Manusia Aparatur Sipil Negara (ASN) pada Dinas Sosial Kabupaten Seruyan yang berstatus Pegawai Negeri Sipil (PNS) berjumlah 21 (dua puluh satu) orang menurut Tabel 2.2, dengan rincian sebagai berikut:'
    """
    r = rekap_asn()
    return Kalimat(
        f"Dukungan Sumber Daya Manusia Aparatur Sipil Negara (ASN) pada {data.instansi()['nama_lengkap']} yang berstatus "
        f"Pegawai Negeri Sipil (PNS) berjumlah {_orang(r['pns'])} menurut Tabel 2.2, dengan rincian sebagai berikut:"
    )


def rincian_pns() -> HTML:
    """Rincian PNS menurut eselon, golongan, pendidikan dan jenis kelamin (2.2.1), dari ``asn_rincian``.

    Bila jumlah suatu rincian (selain eselon, yang hanya mencakup jabatan
    struktural) berbeda dari jumlah PNS Tabel 2.2, selisihnya disebut.

    >>> h = rincian_pns().data
    >>> "Menurut golongan terdiri dari:" in h and "<li>Golongan III: 14 orang</li>" in h
    True
    >>> "berjumlah 22 orang, berbeda 1 orang dari jumlah PNS pada Tabel 2.2 (21 orang)" in h
    True
    """
    rinci = data.muat("asn_rincian")
    bagian = []
    for d, g in rinci.groupby("dimensi", sort=False):
        bagian.append(paragraf(f"Menurut {_DIMENSI.get(d, d)} terdiri dari:"))
        bagian.append(daftar([f"{r.kategori}: {fmt.angka(r.jumlah)} orang" for r in g.itertuples()]))
    r = rekap_asn()
    beda = {d: n for d, n in r["rincian"].items() if d != "eselon" and n != r["pns"]}
    if beda:
        nama = ", ".join(_DIMENSI.get(d, d) for d in beda)
        nama = re.sub(r", ([^,]+)$", r" dan \1", nama)
        jumlah = sorted(set(beda.values()))
        if len(jumlah) == 1:
            n = jumlah[0]
            teks = (
                f"Rincian menurut {nama} {'masing-masing ' if len(beda) > 1 else ''}berjumlah {fmt.angka(n)} orang, "
                f"berbeda {fmt.angka(abs(n - r['pns']))} orang dari jumlah PNS pada Tabel 2.2 ({fmt.angka(r['pns'])} orang); "
                "selisih ini perlu diverifikasi pada data kepegawaian."
            )
        else:
            teks = (
                f"Jumlah rincian menurut {nama} ({', '.join(fmt.angka(beda[d]) for d in beda)} orang) berbeda dari jumlah "
                f"PNS pada Tabel 2.2 ({fmt.angka(r['pns'])} orang); selisih ini perlu diverifikasi pada data kepegawaian."
            )
        bagian.append(paragraf(teks, kelas="catatan"))
    return HTML("".join(bagian))


def kalimat_honorer() -> Kalimat:
    """Kalimat tenaga honorer/kontrak (jumlah kolom HONORER Tabel 2.2) dan pengantar Tabel 2.2.

    >>> kalimat_honorer()[:95]
    'Selain tenaga Pegawai Negeri Sipil (PNS) dibantu dengan tenaga honorer/kontrak sebanyak 21 (dua'
    """
    r = rekap_asn()
    return Kalimat(
        f"Selain tenaga Pegawai Negeri Sipil (PNS) dibantu dengan tenaga honorer/kontrak sebanyak {_orang(r['honorer'])}. "
        f"Adapun keberadaan (eksisting) Aparatur Sipil Negara (ASN) yang dimiliki {data.instansi()['nama_lengkap']} "
        "adalah sebagai berikut:"
    )


def _nihil(v) -> str:
    return NIHIL if v == 0 else fmt.angka(v)


def tabel_asn() -> Tabel:
    """Tabel 2.2 Data Existing Pegawai ASN: baris jabatan dan baris JUMLAH yang dihitung.

    Nol ditampilkan "-" seperti dokumen sumber.

    >>> t = tabel_asn()
    >>> t.df.iloc[-1][["nama_jabatan", "pns", "honorer"]].tolist()
    ['JUMLAH', '21', '21']
    >>> t.df.iloc[1]["pns"]
    '-'
    """
    asn = data.muat("asn_jabatan").sort_values("urutan")
    df = pd.DataFrame({
        "no": [("" if pd.isna(v) else str(int(v))) for v in asn["no"]],
        "nama_jabatan": asn["nama_jabatan"].tolist(),
        "pns": [_nihil(v) for v in asn["pns"]],
        "honorer": [_nihil(v) for v in asn["honorer"]],
        "kelas_jabatan": [fmt.angka(v) for v in asn["kelas_jabatan"]],
        "kelas": "",
    })
    jumlah = {"no": "", "nama_jabatan": "JUMLAH", "pns": _nihil(int(asn["pns"].sum())),
              "honorer": _nihil(int(asn["honorer"].sum())), "kelas_jabatan": "", "kelas": "jumlah"}
    df = pd.concat([df, pd.DataFrame([jumlah])], ignore_index=True)
    return Tabel(
        df, nomor="2.2", judul=f"Data Existing Pegawai ASN {data.instansi()['nama_perangkat_daerah']}",
        kolom=[Kol("no", "No", rata="tengah"), Kol("nama_jabatan", "Nama Jabatan"), Kol("pns", "PNS", rata="kanan"),
               Kol("honorer", "Honorer", rata="kanan"), Kol("kelas_jabatan", "Kelas Jabatan", rata="tengah")],
        catatan=["Tanda - berarti tidak ada pegawai pada jabatan tersebut. Nomor urut sesuai dokumen sumber.",
                 "Baris JUMLAH dihitung dari baris jabatan. Berkas data kepegawaian tidak mencantumkan tahun data."],
        baris_kelas="kelas",
    )


def tabel_sdm_kesos(tahun: int) -> Tabel:
    """Tabel 2.3 Data SDM Kesejahteraan Sosial (tahun data terakhir ≤ ``tahun``), baris kelompok dan Jumlah.

    >>> t = tabel_sdm_kesos(2025)
    >>> t.judul, t.df.iloc[-1]["jumlah"], t.df.iloc[0][["no", "kelas"]].tolist()
    ('Data SDM Kesejahteraan Sosial Tahun 2024', '147', ['I', 'kelompok'])
    """
    sdm = data.muat("sdm_kesos")
    th = pilih_tahun(sdm["tahun"], tahun)
    sdm = sdm[sdm["tahun"] == th]
    baris = []
    for (kno, kel), g in sdm.groupby(["kelompok_no", "kelompok"], sort=False):
        baris.append({"no": kno, "jenis": kel, "jumlah": "", "kelas": "kelompok"})
        baris.extend({"no": str(int(r.no)), "jenis": r.jenis, "jumlah": fmt.angka(r.jumlah), "kelas": ""} for r in g.itertuples())
    baris.append({"no": "", "jenis": "Jumlah", "jumlah": fmt.angka(int(sdm["jumlah"].sum())), "kelas": "jumlah"})
    return Tabel(
        pd.DataFrame(baris), nomor="2.3", judul=f"Data SDM Kesejahteraan Sosial Tahun {th}",
        kolom=[Kol("no", "No", rata="tengah"), Kol("jenis", "SDM Kesejahteraan Sosial"), Kol("jumlah", "Jumlah", rata="kanan")],
        catatan=_catatan_tahun(tahun, th, "SDM Kesejahteraan Sosial"), baris_kelas="kelas",
    )


# ----------------------------------------------------------------------------
# 2.2.2 Sarana dan Prasarana


def tabel_aset(tahun: int) -> Tabel:
    """Tabel 2.4 Sarana Prasarana: nilai aset tetap per klasifikasi, subtotal kelompok (tebal) dan TOTAL.

    >>> t = tabel_aset(2025)
    >>> t.sumber
    'Subbagian Umum, Perlengkapan dan Kepegawaian'
    >>> t.df.iloc[-1]["nilai"], t.df.iloc[2][["klasifikasi", "nilai", "kelas"]].tolist()
    ('Rp 11.079.039.430', ['PERALATAN DAN MESIN', 'Rp 1.906.887.580', 'kelompok'])
    """
    aset = data.muat("aset")
    th = pilih_tahun(aset["tahun"], tahun)
    aset = aset[aset["tahun"] == th].sort_values(["kelompok_no", "_baris"])
    baris = []
    for (kno, kel), g in aset.groupby(["kelompok_no", "kelompok"], sort=False):
        baris.append({"no": str(int(kno)), "klasifikasi": kel, "nilai": fmt.rupiah(g["nilai"].sum()), "kelas": "kelompok"})
        baris.extend({"no": "", "klasifikasi": r.klasifikasi, "nilai": fmt.rupiah(r.nilai), "kelas": ""} for r in g.itertuples())
    baris.append({"no": "", "klasifikasi": "TOTAL", "nilai": fmt.rupiah(aset["nilai"].sum()), "kelas": "jumlah"})
    return Tabel(
        pd.DataFrame(baris), nomor="2.4", judul=f"Sarana Prasarana {data.instansi()['nama_perangkat_daerah']} Tahun {th}",
        kolom=[Kol("no", "No.", rata="tengah"), Kol("klasifikasi", "Klasifikasi"), Kol("nilai", "Nilai Aset Tetap", rata="kanan")],
        catatan=["Baris kelompok (tebal) adalah jumlah klasifikasi di bawahnya; TOTAL adalah jumlah seluruh klasifikasi."]
        + _catatan_tahun(tahun, th, "aset"),
        sumber=_nama_unit("subbag_umum"), baris_kelas="kelas",
    )


def _nama_unit(id_: str) -> str | None:
    """Nama unit organisasi (sumber data tabel), ``None`` bila unit itu tidak ada."""
    from ._organisasi import unit

    try:
        return unit(id_)["nama"]
    except KeyError:
        return None


# ----------------------------------------------------------------------------
# 2.3.1 PPKS (12 PAS) dan PSKS


def pilih_periode_pas(tahun: int, periode: str | None = None) -> tuple[int, str] | None:
    """(tahun, periode) rincian 12 PAS yang disajikan untuk dokumen ``tahun``/``periode``.

    Periode terakhir yang tidak melewati periode dokumen; bila tahun itu tidak
    berdata, periode terakhir tahun data terakhir ≤ ``tahun`` (atau paling
    awal bila ``tahun`` mendahului semua data).

    >>> pilih_periode_pas(2025), pilih_periode_pas(2026), pilih_periode_pas(2024)
    ((2025, 'Triwulan I'), (2025, 'Triwulan I'), (2025, 'Triwulan I'))
    """
    pas = data.muat("ppks_pas")
    th = pilih_tahun(pas["tahun"], tahun)
    if th is None:
        return None
    per = pas.loc[pas["tahun"] == th, "periode"].drop_duplicates().tolist()
    per.sort(key=lambda p: (urutan_periode(p), p == "Tahunan"))
    if th == tahun:
        batas = urutan_periode(periode_dokumen(tahun, periode))
        cocok = [p for p in per if urutan_periode(p) <= batas]
        if cocok:
            return th, cocok[-1]
    return th, per[-1]


def rincian_pas(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Baris Tabel 2.5 periode terpilih dengan kolom ``persen_tertangani`` (DO IKU 1).

    ``persen_tertangani`` = tertangani / terdata × 100 %; kosong (``None``)
    bila terdata nol atau kategori tidak ada ("tdk ada").

    >>> r = rincian_pas(2025)
    >>> int(r.loc[r["ada"], "terdata"].sum()), int(r.loc[r["ada"], "tertangani"].sum())
    (42583, 35005)
    >>> fmt.persen(r.loc[r["jenis"] == "Fakir Miskin", "persen_tertangani"].iloc[0])
    '86,84 %'
    """
    sel = pilih_periode_pas(tahun, periode)
    if sel is None:
        return pd.DataFrame()
    pas = data.muat("ppks_pas")
    pas = pas[(pas["tahun"] == sel[0]) & (pas["periode"] == sel[1])].sort_values(["pas_no", "_baris"])
    pas = pas.assign(persen_tertangani=[
        rumus.persentase_tertangani(r.tertangani, r.terdata) if r.ada else None for r in pas.itertuples()
    ])
    return pas.reset_index(drop=True)


def tabel_ppks_pas(tahun: int, periode: str | None = None) -> Tabel:
    """Tabel 2.5 12 PAS (Pemerlu Atensi Sosial): terdata, tertangani, % tertangani, JUMLAH dihitung.

    >>> t = tabel_ppks_pas(2025)
    >>> t.judul
    '12 PAS (Pemerlu Atensi Sosial) Triwulan I Tahun 2025'
    >>> t.df.iloc[-1][["terdata", "tertangani"]].tolist(), fmt.persen(t.df.iloc[-1]["persen"])
    (['42.583', '35.005'], '82,20 %')
    >>> kat = t.df[t.df["jenis"] == "Kelompok Adat Terpencil (KAT)"].iloc[0]
    >>> kat["terdata"], fmt.persen(kat["persen"])
    ('tdk ada', '–')
    """
    r = rincian_pas(tahun, periode)
    sel = pilih_periode_pas(tahun, periode)
    baris, lalu = [], None
    for x in r.itertuples():
        pertama = x.pas_no != lalu
        lalu = x.pas_no
        baris.append({
            "no": str(int(x.pas_no)) if pertama else "", "pas": x.pas if pertama else "", "jenis": x.jenis,
            "terdata": fmt.angka(x.terdata) if x.ada else TIDAK_ADA,
            "tertangani": fmt.angka(x.tertangani) if x.ada else TIDAK_ADA,
            "persen": x.persen_tertangani, "bidang": x.bidang, "kelas": "",
        })
    ada = r[r["ada"]]
    terdata, tertangani = int(ada["terdata"].sum()), int(ada["tertangani"].sum())
    baris.append({"no": "", "pas": "JUMLAH", "jenis": "", "terdata": fmt.angka(terdata), "tertangani": fmt.angka(tertangani),
                  "persen": rumus.persentase_tertangani(tertangani, terdata), "bidang": "", "kelas": "jumlah"})
    catatan = ["% Tertangani = tertangani ÷ terdata × 100 % (rumus Definisi Operasional IKU 1); tanda – berarti tidak "
               "terdefinisi karena terdata nol atau kategori tidak ada."]
    if not r["ada"].all():
        catatan.append(f"tdk ada: kategori tersebut tidak terdapat di {_daerah()} (bukan nol) dan tidak ikut dijumlahkan.")
    catatan.append("Baris JUMLAH dihitung dari rincian di atasnya.")
    label_dok = label_periode(tahun, periode_dokumen(tahun, periode))
    if sel != (tahun, periode_dokumen(tahun, periode)):
        kata = "belum tersedia" if sel[0] <= tahun else "tidak tersedia"
        catatan.append(f"Rincian PAS untuk {label_dok} {kata}; disajikan rincian {label_periode(*sel)}.")
    return Tabel(
        pd.DataFrame(baris), nomor="2.5",
        judul=f"{r['pas_no'].nunique()} PAS (Pemerlu Atensi Sosial) {label_periode(*sel)}",
        kolom=[Kol("no", "No", rata="tengah"), Kol("pas", "Pemerlu Atensi Sosial (PAS)"), Kol("jenis", "Jenis PPKS"),
               Kol("terdata", "Terdata", rata="kanan"), Kol("tertangani", "Tertangani", rata="kanan"),
               Kol("persen", "% Tertangani", "persen"), Kol("bidang", "Bidang Penanggung Jawab Teknis")],
        catatan=catatan, baris_kelas="kelas",
    )


def _bungkus(teks: str, lebar: int) -> str:
    return "\n".join(textwrap.wrap(teks, lebar)) or teks


@bergaya
def grafik_ppks_pas(tahun: int, periode: str | None = None, nomor: str = "2.2") -> Gambar:
    """Gambar 2.2 PPKS terdata dan tertangani per PAS: batang mendatar berpasangan, skala logaritmik.

    Fakir miskin (puluhan ribu) jauh lebih besar dari PAS lain (satuan hingga
    ribuan), maka sumbu memakai skala logaritmik dengan label Indonesia dan
    setiap batang diberi angkanya; nol dan "tdk ada" ditulis di pangkal sumbu.

    >>> g = grafik_ppks_pas(2025)
    >>> g.judul
    'PPKS Terdata dan Tertangani per PAS, Triwulan I Tahun 2025'
    """
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    r = rincian_pas(tahun, periode)
    sel = pilih_periode_pas(tahun, periode)
    grup = []
    for (no, nama), g in r.groupby(["pas_no", "pas"], sort=True):
        a = g[g["ada"]]
        grup.append((f"{int(no)}. {nama}", bool(len(a)), int(a["terdata"].sum()), int(a["tertangani"].sum())))
    n = len(grup)
    fig, ax = subplots(figsize=(6.4, 0.5 * n + 1.0))
    y = list(range(n))
    tinggi = 0.38
    maks = max([g[2] for g in grup] + [10])
    kiri = 0.7
    for i, (label, ada, td, tt) in enumerate(grup):
        for dy, nilai, warna in ((-tinggi / 2, td, WARNA["utama"]), (tinggi / 2, tt, WARNA["kedua"])):
            yy = i + dy
            if ada and nilai > 0:
                ax.barh(yy, nilai - kiri, left=kiri, height=tinggi, color=warna)
                ax.text(nilai * 1.12, yy, fmt.angka(nilai), va="center", fontsize=7.5)
            else:
                ax.text(kiri * 1.12, yy, fmt.angka(nilai) if ada else TIDAK_ADA, va="center", fontsize=7.5, color="#444444")
    ax.set_xscale("log")
    ax.set_xlim(kiri, maks * 6)
    ax.xaxis.set_major_locator(LogLocator(base=10))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(v) if v >= 1 else ""))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_yticks(y, [_bungkus(g[0], 34) for g in grup], fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlabel("Jumlah jiwa (skala logaritmik)")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=WARNA["utama"], label="Terdata"), Patch(color=WARNA["kedua"], label="Tertangani")],
              loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    return Gambar(fig, nomor=nomor, judul=f"PPKS Terdata dan Tertangani per PAS, {label_periode(*sel)}", sumber="Tabel 2.5")


def _kalimat_jumlah(terdata: int, tertangani: int | None) -> str:
    if tertangani is None:
        return f"tercatat {fmt.angka(terdata)} jiwa PPKS terdata; jumlah yang tertangani tidak tercatat."
    persen = fmt.persen(rumus.persentase_tertangani(tertangani, terdata))
    return (f"tercatat {fmt.angka(terdata)} jiwa PPKS terdata, {fmt.angka(tertangani)} jiwa ({persen}) "
            "di antaranya tertangani.")


def _sampai(tahun: int, periode: str) -> str:
    return f"akhir Tahun {tahun}" if periode == "Tahunan" else label_periode(tahun, periode)


def kalimat_ppks(tahun: int, periode: str | None = None) -> Kalimat:
    """Kalimat jumlah PPKS terdata dan tertangani untuk periode dokumen (DO IKU 1).

    Angka periode dokumen dari :func:`analisis.core.kinerja.evaluasi_ppks` (rincian
    12 PAS atau rekap tahunan); bila periode itu tidak dirinci per PAS, tabel
    yang disajikan disebut.

    >>> kalimat_ppks(2024)
    'Sampai dengan akhir Tahun 2024 tercatat 43.746 jiwa PPKS terdata, 41.893 jiwa (95,76 %) di antaranya tertangani. Rincian per PAS untuk periode tersebut tidak tersedia; Tabel 2.5 menyajikan rincian Triwulan I Tahun 2025.'
    """
    per = periode_dokumen(tahun, periode)
    e = kinerja.evaluasi_ppks(tahun, per)
    sel = pilih_periode_pas(tahun, per)
    if e is None:
        teks = f"Data realisasi PPKS tahun {tahun} belum tersedia."
        if sel is not None:
            r = rincian_pas(tahun, per)
            a = r[r["ada"]]
            teks += (f" Tabel 2.5 menyajikan rincian terakhir yang tersedia, {label_periode(*sel)}: "
                     + _kalimat_jumlah(int(a["terdata"].sum()), int(a["tertangani"].sum())))
        return Kalimat(teks)
    teks = f"Sampai dengan {_sampai(e.tahun, e.periode)} " + _kalimat_jumlah(e.terdata, e.tertangani)
    if sel is not None and sel != (e.tahun, e.periode):
        teks += f" Rincian per PAS untuk periode tersebut tidak tersedia; Tabel 2.5 menyajikan rincian {label_periode(*sel)}."
    return Kalimat(teks)


def tabel_psks(tahun: int) -> Tabel:
    """Tabel 2.6 Potensi dan Sumber Kesejahteraan Sosial (PSKS), baris JUMLAH PSKS dihitung.

    >>> t = tabel_psks(2025)
    >>> t.judul, t.df.iloc[-1][["jumlah", "bersertifikat"]].tolist()
    ('Potensi dan Sumber Kesejahteraan Sosial (PSKS) Tahun 2025', ['161', '76'])
    """
    psks = data.muat("psks")
    th = pilih_tahun(psks["tahun"], tahun)
    psks = psks[psks["tahun"] == th].sort_values("no")
    df = pd.DataFrame({
        "no": [str(int(v)) for v in psks["no"]], "jenis": psks["jenis"].tolist(),
        "jumlah": [fmt.angka(v) for v in psks["jumlah"]],
        "bersertifikat": [fmt.angka(v) for v in psks["bersertifikat"]],
        "sumber_data": ["" if pd.isna(v) else v for v in psks["sumber_data"]], "kelas": "",
    })
    jumlah = {"no": "", "jenis": "JUMLAH PSKS", "jumlah": fmt.angka(int(psks["jumlah"].sum())),
              "bersertifikat": fmt.angka(int(psks["bersertifikat"].sum())), "sumber_data": "", "kelas": "jumlah"}
    df = pd.concat([df, pd.DataFrame([jumlah])], ignore_index=True)
    return Tabel(
        df, nomor="2.6", judul=f"Potensi dan Sumber Kesejahteraan Sosial (PSKS) Tahun {th}",
        kolom=[Kol("no", "No", rata="tengah"), Kol("jenis", "Potensi dan Sumber Kesejahteraan Sosial"),
               Kol("jumlah", "Jumlah", rata="kanan"), Kol("bersertifikat", "Sertifikat Kompetensi / Akreditasi", rata="kanan"),
               Kol("sumber_data", "Sumber Data")],
        catatan=["Tanda – berarti data sertifikasi/akreditasi tidak tercatat; baris JUMLAH PSKS dihitung dari baris di atasnya."]
        + _catatan_tahun(tahun, th, "PSKS"),
        baris_kelas="kelas",
    )


# ----------------------------------------------------------------------------
# 2.3.2 LKS


def _lks(tahun: int) -> pd.DataFrame:
    lks = data.muat("lks").sort_values("tahun")
    sub = lks[lks["tahun"] <= tahun]
    return sub if not sub.empty else lks.head(1)


def tabel_lks(tahun: int) -> Tabel:
    """Tabel 2.7 Realisasi Capaian Kinerja Pelayanan LKS, tahun sebagai kolom (semua tahun ≤ ``tahun``).

    >>> t = tabel_lks(2025)
    >>> t.judul, [k.judul for k in t.kolom][1:], t.df.iloc[0]["2025"]
    ('Realisasi Capaian Kinerja Pelayanan LKS Tahun 2020–2025', ['2020', '2021', '2022', '2023', '2024', '2025'], '9')
    """
    lks = _lks(tahun)
    th = [str(int(t)) for t in lks["tahun"]]
    baris = {"uraian": "Lembaga Kesejahteraan Sosial"} | {t: fmt.angka(v) for t, v in zip(th, lks["jumlah"])}
    rentang = th[0] if len(th) == 1 else f"{th[0]}–{th[-1]}"
    return Tabel(
        pd.DataFrame([baris]), nomor="2.7", judul=f"Realisasi Capaian Kinerja Pelayanan LKS Tahun {rentang}",
        kolom=[Kol("uraian", "Uraian")] + [Kol(t, t, rata="kanan") for t in th],
        catatan=_catatan_tahun(tahun, int(th[-1]), "LKS"),
    )


@bergaya
def grafik_lks(tahun: int, nomor: str = "2.3") -> Gambar:
    """Gambar 2.3 jumlah LKS per tahun (batang, dengan angka).

    >>> grafik_lks(2025).judul
    'Jumlah Lembaga Kesejahteraan Sosial Tahun 2020–2025'
    """

    lks = _lks(tahun)
    th = [str(int(t)) for t in lks["tahun"]]
    nilai = [int(v) for v in lks["jumlah"]]
    fig, ax = subplots(figsize=(5.2, 2.4))
    ax.bar(th, nilai, color=WARNA["utama"], width=0.6)
    for x, v in zip(th, nilai):
        ax.text(x, v, fmt.angka(v), ha="center", va="bottom", fontsize=8.5)
    ax.set_ylim(0, max(nilai) * 1.2 + 1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    sumbu_angka(ax)
    ax.set_ylabel("Jumlah LKS")
    fig.tight_layout()
    rentang = th[0] if len(th) == 1 else f"{th[0]}–{th[-1]}"
    return Gambar(fig, nomor=nomor, judul=f"Jumlah Lembaga Kesejahteraan Sosial Tahun {rentang}", sumber="Tabel 2.7")


def _gabung(butir: list[str]) -> str:
    return butir[0] if len(butir) == 1 else ", ".join(butir[:-1]) + " dan " + butir[-1]


def kalimat_lks(tahun: int) -> Kalimat:
    """Kalimat jumlah dan nama LKS terdaftar (daftar tahun terakhir ≤ ``tahun``).

    >>> kalimat_lks(2025)[:120]
    'Pada tahun 2025 Lembaga Kesejahteraan Sosial terdaftar di Dinas Sosial berjumlah 9 LKS yang terdiri dari LKSA Nuruzh zho'
    >>> kalimat_lks(2024)[:60]
    'Daftar nama LKS tahun 2024 tidak tersedia. Pada tahun 2025 L'
    """
    daftar_ = data.muat("lks_daftar")
    th = pilih_tahun(daftar_["tahun"], tahun)
    if th is None:
        return Kalimat("Daftar nama LKS belum tersedia.")
    d = daftar_[daftar_["tahun"] == th].sort_values("no")
    awal = "" if th == tahun else (f"Daftar nama LKS tahun {tahun} " + ("belum tersedia. " if th < tahun else "tidak tersedia. "))
    teks = (f"{awal}Pada tahun {th} Lembaga Kesejahteraan Sosial terdaftar di {data.instansi()['nama_perangkat_daerah']} "
            f"berjumlah {fmt.angka(len(d))} LKS yang terdiri dari {_gabung(d['nama'].tolist())}.")
    lks = data.muat("lks")
    tercatat = lks.loc[lks["tahun"] == th, "jumlah"]
    if not tercatat.empty and int(tercatat.iloc[0]) != len(d):
        teks += f" Jumlah ini berbeda dengan Tabel 2.7 ({fmt.angka(int(tercatat.iloc[0]))} LKS pada tahun {th})."
    return Kalimat(teks)


# ----------------------------------------------------------------------------
# 2.3.3 Kemiskinan


def data_kemiskinan(tahun: int, jumlah_tahun: int = 3) -> pd.DataFrame:
    """Data kemiskinan ``jumlah_tahun`` tahun terakhir yang ≤ ``tahun`` (Tabel 2.8), per indikator.

    >>> d = data_kemiskinan(2025)
    >>> d[["tahun", "nilai"]].values.tolist()
    [[2022, 7.43], [2023, 7.12], [2024, 7.08]]
    """
    km = data.muat("kemiskinan")
    th = pilih_tahun(km["tahun"], tahun)
    if th is None:
        return km
    tahun_ada = sorted(t for t in km["tahun"].unique() if t <= th)[-jumlah_tahun:]
    return km[km["tahun"].isin(tahun_ada)].sort_values(["_baris"]).reset_index(drop=True)


def _selisih(a: float, b: float) -> float:
    """b − a, dibulatkan 4 desimal agar galat titik mengambang tidak tampil."""
    return float(round(Decimal(str(b)) - Decimal(str(a)), 4))


def _nilai_satuan(v, satuan: str) -> str:
    return fmt.persen(v) if satuan == "persen" else f"{fmt.desimal(v)} {satuan}"


def tabel_kemiskinan(tahun: int) -> Tabel:
    """Tabel 2.8 Data Kemiskinan: tahun sebagai kolom dan kolom Kenaikan / Penurunan DIHITUNG (tahun terakhir − sebelumnya).

    >>> t = tabel_kemiskinan(2025)
    >>> t.judul, t.df.iloc[0][["2022", "2023", "2024", "perubahan"]].tolist()
    ('Data Kemiskinan Kabupaten Seruyan Tahun 2022–2024', ['7,43', '7,12', '7,08', '-0,04'])
    """
    km = data_kemiskinan(tahun)
    th = [int(t) for t in sorted(km["tahun"].unique())]
    baris = []
    for i, (ind, g) in enumerate(km.groupby("indikator", sort=False), start=1):
        nilai = dict(zip(g["tahun"].astype(int), g["nilai"]))
        satuan = g["satuan"].iloc[0]
        b = {"no": str(i), "indikator": f"{ind} ({satuan.capitalize()})"}
        b |= {str(t): fmt.desimal(nilai[t]) if t in nilai else fmt.TIDAK_TERDEFINISI for t in th}
        ada = [t for t in th if t in nilai]
        b["perubahan"] = fmt.desimal(_selisih(nilai[ada[-2]], nilai[ada[-1]])) if len(ada) >= 2 else fmt.TIDAK_TERDEFINISI
        baris.append(b)
    rentang = str(th[0]) if len(th) == 1 else f"{th[0]}–{th[-1]}"
    catatan = []
    if len(th) >= 2:
        catatan.append(f"Kenaikan / Penurunan = nilai tahun {th[-1]} − nilai tahun {th[-2]} (poin persen untuk indikator "
                       "persentase); tanda minus berarti penurunan.")
    catatan += _catatan_tahun(tahun, th[-1], "kemiskinan")
    return Tabel(
        pd.DataFrame(baris), nomor="2.8", judul=f"Data Kemiskinan {_daerah()} Tahun {rentang}",
        kolom=[Kol("no", "No", rata="tengah"), Kol("indikator", "Kemiskinan")] + [Kol(str(t), str(t), rata="kanan") for t in th]
        + [Kol("perubahan", "Kenaikan / Penurunan", rata="kanan")],
        catatan=catatan,
    )


@bergaya
def grafik_kemiskinan(tahun: int, nomor: str = "2.4") -> Gambar:
    """Gambar 2.4 persentase penduduk miskin per tahun (grafik yang hilang di dokumen sumber).

    >>> grafik_kemiskinan(2025).judul
    'Persentase Penduduk Miskin Kabupaten Seruyan Tahun 2022–2024'
    """

    km = data_kemiskinan(tahun)
    kelompok = list(km.groupby("indikator", sort=False))
    fig, axes = subplots(1, len(kelompok), figsize=(5.2 if len(kelompok) == 1 else 3.2 * len(kelompok), 2.6), squeeze=False)
    for ax, (ind, g) in zip(axes[0], kelompok):
        th = [str(int(t)) for t in g["tahun"]]
        nilai = [float(v) for v in g["nilai"]]
        satuan = g["satuan"].iloc[0]
        ax.bar(th, nilai, color=WARNA["utama"], width=0.55)
        for x, v in zip(th, nilai):
            ax.text(x, v, _nilai_satuan(v, satuan), ha="center", va="bottom", fontsize=8.5)
        ax.set_ylim(0, max(nilai) * 1.2)
        if satuan == "persen":
            sumbu_persen(ax)
        else:
            sumbu_angka(ax, digit=1)
        if len(kelompok) > 1:
            ax.set_title(ind, fontsize=9)
    fig.tight_layout()
    judul = kelompok[0][0].split(" (")[0] if len(kelompok) == 1 else "Indikator Kemiskinan"
    th = sorted(int(t) for t in km["tahun"].unique())
    rentang = str(th[0]) if len(th) == 1 else f"{th[0]}–{th[-1]}"
    return Gambar(fig, nomor=nomor, judul=f"{judul} {_daerah()} Tahun {rentang}", sumber="Tabel 2.8")


def kalimat_kemiskinan(tahun: int) -> Kalimat:
    """Paragraf arah dan besar perubahan kemiskinan (pengganti paragraf "Dari grafik dapat dilihat ...").

    >>> kalimat_kemiskinan(2025)
    'Gambar 2.4 menunjukkan bahwa Persentase Penduduk Miskin (P0) Kabupaten Seruyan pada tahun 2024 mengalami penurunan dibandingkan tahun 2023, yaitu turun 0,04 poin persen dari 7,12 % pada tahun 2023 menjadi 7,08 % pada tahun 2024. Selama tahun 2022–2024 angka tersebut turun 0,35 poin persen dari 7,43 % pada tahun 2022.'
    """
    km = data_kemiskinan(tahun)
    kalimat = []
    for ind, g in km.groupby("indikator", sort=False):
        g = g.sort_values("tahun")
        satuan = g["satuan"].iloc[0]
        poin = "poin persen" if satuan == "persen" else satuan
        th = [int(t) for t in g["tahun"]]
        v = [float(x) for x in g["nilai"]]
        if len(th) < 2:
            kalimat.append(f"{ind} {_daerah()} pada tahun {th[0]} sebesar {_nilai_satuan(v[0], satuan)}; "
                           "data tahun sebelumnya belum tersedia untuk perbandingan.")
            continue
        d = _selisih(v[-2], v[-1])
        if d == 0:
            kalimat.append(f"{ind} {_daerah()} pada tahun {th[-1]} tidak berubah dibandingkan tahun {th[-2]}, "
                           f"tetap {_nilai_satuan(v[-1], satuan)}.")
        else:
            arah, kata = ("penurunan", "turun") if d < 0 else ("kenaikan", "naik")
            kalimat.append(
                f"{'Gambar 2.4 menunjukkan bahwa ' if not kalimat else ''}{ind} {_daerah()} pada tahun {th[-1]} mengalami "
                f"{arah} dibandingkan tahun {th[-2]}, yaitu {kata} {fmt.desimal(abs(d))} {poin} dari "
                f"{_nilai_satuan(v[-2], satuan)} pada tahun {th[-2]} menjadi {_nilai_satuan(v[-1], satuan)} pada tahun {th[-1]}."
            )
        if len(th) >= 3:
            d0 = _selisih(v[0], v[-1])
            if d0 != 0:
                kata = "turun" if d0 < 0 else "naik"
                kalimat.append(f"Selama tahun {th[0]}–{th[-1]} angka tersebut {kata} {fmt.desimal(abs(d0))} {poin} dari "
                               f"{_nilai_satuan(v[0], satuan)} pada tahun {th[0]}.")
    return Kalimat(" ".join(kalimat))


def tabel_rencana_aksi() -> Tabel:
    """Tabel 2.9 Rencana Aksi Pengentasan Kemiskinan (bagian yang terbaca), lebar, dengan baris Jumlah dihitung.

    >>> t = tabel_rencana_aksi()
    >>> t.lebar, t.df.iloc[-1][["anggaran", "realisasi_anggaran"]].tolist()
    (True, ['Rp 567.515.600', 'Rp 28.033.400'])
    """
    ra = data.muat("rencana_aksi").sort_values("urutan")
    df = pd.DataFrame({
        "no": [str(int(v)) for v in ra["urutan"]],
        "permasalahan": ra["permasalahan"].tolist(), "sasaran": ra["sasaran"].tolist(),
        "indikator": [[i, f"Target: {t}"] for i, t in zip(ra["indikator"], ra["target"])],
        "rencana_aksi": ra["rencana_aksi"].tolist(), "uraian_kegiatan": ra["uraian_kegiatan"].tolist(),
        "output": [[t, f"({i})"] for t, i in zip(ra["target_output"], ra["indikator_output"])],
        "tw": [[f"TW {n}: {r[c]}" for n, c in (("I", "tw1"), ("II", "tw2"), ("III", "tw3"), ("IV", "tw4"))]
               + [f"Jumlah: {r['jumlah_target']}"] for _, r in ra.iterrows()],
        "anggaran": [fmt.rupiah(v) for v in ra["anggaran"]],
        "realisasi_kegiatan": ["" if pd.isna(v) else v for v in ra["realisasi_kegiatan"]],
        "realisasi_anggaran": [fmt.rupiah(v) for v in ra["realisasi_anggaran"]],
        "persen": [rumus.persentase(r, a) for r, a in zip(ra["realisasi_anggaran"], ra["anggaran"])],
        "pelaksana": ra["pelaksana"].tolist(), "kelas": "",
    })
    anggaran = float(ra["anggaran"].sum())
    realisasi = float(ra["realisasi_anggaran"].sum())
    jumlah = {k: "" for k in df.columns} | {
        "permasalahan": "Jumlah", "anggaran": fmt.rupiah(anggaran), "realisasi_anggaran": fmt.rupiah(realisasi),
        "persen": rumus.persentase(realisasi, anggaran), "kelas": "jumlah",
    }
    df = pd.concat([df, pd.DataFrame([jumlah])], ignore_index=True)
    catatan = [
        "Judul, kepala kolom dan baris-baris awal tabel ini hilang pada dokumen sumber; yang disajikan adalah baris yang "
        "terbaca, dengan kepala kolom yang disusun ulang menurut isinya. Kolom kesesuaian, tautan bukti dukung dan "
        "instansi tidak ditampilkan.",
        f"Baris Jumlah dihitung dari {terbilang(len(ra))} baris yang terbaca saja.",
    ]
    try:
        tercetak = data.dicetak("rencana_aksi.jumlah_anggaran")
        catatan[-1] += (f" Dokumen sumber mencetak jumlah anggaran {tercetak}, yang mencakup baris-baris yang hilang, "
                        "sehingga tidak sama dengan jumlah di atas.")
    except KeyError:
        pass
    return Tabel(
        df, nomor="2.9", judul="Rencana Aksi Pengentasan Kemiskinan (bagian yang terbaca)",
        kolom=[Kol("no", "No", rata="tengah"), Kol("permasalahan", "Permasalahan"), Kol("sasaran", "Sasaran"),
               KolBaris("indikator", "Indikator dan Target"), Kol("rencana_aksi", "Rencana Aksi"),
               Kol("uraian_kegiatan", "Uraian Kegiatan"), KolBaris("output", "Target Output (Indikator Output)"),
               KolBaris("tw", "Target per Triwulan", utuh=True), Kol("anggaran", "Anggaran", rata="kanan"),
               Kol("realisasi_kegiatan", "Realisasi Kegiatan"), Kol("realisasi_anggaran", "Realisasi Anggaran", rata="kanan"),
               Kol("persen", "% Realisasi Anggaran", "persen"), Kol("pelaksana", "Pelaksana")],
        catatan=catatan, baris_kelas="kelas", lebar=True,
    )


# ----------------------------------------------------------------------------
# 2.3.4 SPM


def realisasi_spm(tahun: int) -> tuple[int | None, pd.DataFrame]:
    """(tahun data, baris Tabel 2.10) realisasi SPM terakhir ≤ ``tahun``.

    >>> th, df = realisasi_spm(2026)
    >>> th, df["penerima"].tolist()
    (2024, [60, 18, 10, 7, 164])
    """
    spm = data.muat("spm_realisasi")
    th = pilih_tahun(spm["tahun"], tahun)
    return th, spm[spm["tahun"] == th].sort_values("no").reset_index(drop=True)


def kalimat_spm(tahun: int) -> Kalimat:
    """Pernyataan ketersediaan data realisasi SPM untuk tahun dokumen.

    >>> kalimat_spm(2024)
    'Realisasi SPM Bidang Sosial tahun 2024 disajikan pada Tabel 2.10.'
    >>> kalimat_spm(2026)
    'Data realisasi SPM tahun 2026 belum tersedia. Tabel 2.10 menyajikan realisasi tahun 2024, data terakhir yang tersedia.'
    """
    th, _ = realisasi_spm(tahun)
    if th is None:
        return Kalimat(f"Data realisasi SPM tahun {tahun} belum tersedia.")
    if th == tahun:
        return Kalimat(f"Realisasi SPM Bidang Sosial tahun {tahun} disajikan pada Tabel 2.10.")
    if th < tahun:
        return Kalimat(f"Data realisasi SPM tahun {tahun} belum tersedia. Tabel 2.10 menyajikan realisasi tahun {th}, "
                       "data terakhir yang tersedia.")
    return Kalimat(f"Data realisasi SPM tahun {tahun} tidak tersedia. Tabel 2.10 menyajikan realisasi tahun {th}, "
                   "data paling awal yang tersedia.")


def uraian_pita(pita: tuple[Pita, ...]) -> str:
    """Uraian tabel pita kategori untuk catatan dokumen.

    >>> from analisis.core.aturan import PITA_SPM
    >>> uraian_pita(PITA_SPM)
    '≥ 100 % Tuntas Paripurna; ≥ 90 % Tuntas Utama; ≥ 80 % Tuntas Madya; ≥ 70 % Tuntas Pratama; ≥ 60 % Tuntas Muda; selain itu Belum Tuntas'
    """
    bagian = []
    for p in pita:
        if p.batas_bawah == float("-inf"):
            bagian.append(f"selain itu {p.label}")
        else:
            bagian.append(f"{'≥' if p.inklusif else '>'} {fmt.persen(p.batas_bawah, 0)} {p.label}")
    return "; ".join(bagian)


def _pita_spm(tahun: int, periode: str | None):
    try:
        return muat_parameter(tahun, periode).tabel_aturan()["spm"]
    except KesalahanParameter:
        from ..core.aturan import PITA_SPM

        return PITA_SPM


def tabel_spm(tahun: int, periode: str | None = None) -> Tabel:
    """Tabel 2.10 Realisasi SPM Bidang Sosial dengan Kategori dihitung dari realisasi (tanpa komponen mutu).

    Kategori = :func:`analisis.core.rumus.kategori_spm` atas persentase realisasi
    capaian yang diperlakukan sebagai komponen penerima layanan; komponen mutu
    (20 %, Permendagri 59/2021) tidak tersedia di data.

    >>> t = tabel_spm(2025)
    >>> t.judul, t.df["kategori"].tolist()
    ('Realisasi SPM Bidang Sosial Tahun 2024', ['Tuntas Madya', 'Tuntas Paripurna', 'Tuntas Paripurna', 'Tuntas Paripurna', 'Tuntas Paripurna'])
    """
    th, spm = realisasi_spm(tahun)
    pita = _pita_spm(tahun, periode)
    df = pd.DataFrame({
        "no": [f"{int(v)}." for v in spm["no"]], "jenis_pelayanan": spm["jenis_pelayanan"].tolist(),
        "indikator": spm["indikator"].tolist(), "penerima": [fmt.angka(v) for v in spm["penerima"]],
        "target_nspk": [fmt.persen(v, 0) for v in spm["target_nspk"]],
        "realisasi": [fmt.persen(v, 0) for v in spm["realisasi"]],
        "kategori": [rumus.kategori_spm(v, pita) for v in spm["realisasi"]],
    })
    catatan = [
        "Kategori dihitung dari persentase realisasi capaian, yang diperlakukan sebagai komponen penerima layanan dasar. "
        "Komponen mutu minimal layanan (bobot 20 %) tidak tersedia dalam data, sehingga indeks SPM penuh menurut "
        f"{SUMBER_ATURAN['spm']} tidak dapat dihitung.",
        f"Pita kategori yang dipakai: {uraian_pita(pita)}.",
    ]
    return Tabel(
        df, nomor="2.10", judul=f"Realisasi SPM Bidang Sosial Tahun {th}",
        kolom=[Kol("no", "No", rata="tengah"), Kol("jenis_pelayanan", "Jenis Pelayanan Dasar"),
               Kol("indikator", "Indikator Pencapaian"), Kol("penerima", "Jumlah Penerima Layanan", rata="kanan"),
               Kol("target_nspk", "Target NSPK", rata="kanan"), Kol("realisasi", "Realisasi Capaian", rata="kanan"),
               Kol("kategori", "Kategori")],
        catatan=catatan,
    )


@bergaya
def grafik_spm(tahun: int, nomor: str = "2.5") -> Gambar:
    """Gambar 2.5 target NSPK dan realisasi capaian SPM per pelayanan dasar (batang mendatar berpasangan).

    >>> grafik_spm(2025).judul
    'Target NSPK dan Realisasi Capaian SPM Bidang Sosial Tahun 2024'
    """
    from matplotlib.patches import Patch

    th, spm = realisasi_spm(tahun)
    n = len(spm)
    fig, ax = subplots(figsize=(6.4, 0.62 * n + 1.0))
    tinggi = 0.36
    for i, r in enumerate(spm.itertuples()):
        for dy, v, w in ((-tinggi / 2, float(r.target_nspk), WARNA["abu"]), (tinggi / 2, float(r.realisasi), WARNA["utama"])):
            ax.barh(i + dy, v, height=tinggi, color=w)
            ax.text(v + 1.5, i + dy, fmt.persen(v, 0), va="center", fontsize=7.5)
    ax.set_yticks(range(n), [_bungkus(f"{int(r.no)}. {r.jenis_pelayanan}", 38) for r in spm.itertuples()], fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 118)
    sumbu_persen(ax, "x")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(handles=[Patch(color=WARNA["abu"], label="Target NSPK"), Patch(color=WARNA["utama"], label="Realisasi")],
              loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    return Gambar(fig, nomor=nomor, judul=f"Target NSPK dan Realisasi Capaian SPM Bidang Sosial Tahun {th}", sumber="Tabel 2.10")


def permasalahan_spm(tahun: int) -> HTML:
    """Daftar bernomor permasalahan dan kendala penerapan SPM (tahun data terakhir ≤ ``tahun``).

    Kalimat pengantarnya: ``pengantar("spm_permasalahan_pengantar", tahun)``.

    >>> permasalahan_spm(2026).data.count("<li>")
    6
    """
    per = data.muat("spm_permasalahan")
    th = pilih_tahun(per["tahun"], tahun)
    if th is None:
        return HTML(paragraf(f"Data permasalahan penerapan SPM tahun {tahun} belum tersedia."))
    p = per[per["tahun"] == th].sort_values("no")
    return HTML(daftar(p["teks"].tolist(), bernomor=True))
