"""BAB II 2.1–2.3 Gambaran Umum: frame numerik, tabel, grafik dan kalimat berangka.

Buku catatan ``02_gambaran_umum`` memuat setiap frame dengan fungsi di sini
(``pas = rincian_pas(tahun, periode)``), menampilkannya, lalu membangun tabel
dan grafik dari frame itu (``tabel_ppks_pas(pas, ...)``, ``grafik_ppks_pas(pas)``):
fungsi penyajian menerima frame dan tidak pernah membaca data sendiri. Frame
tetap numerik (cacah, persen, rupiah sebagai angka); format Indonesia
dinyatakan per kolom dan baru diterapkan saat tabel dirender
(:mod:`analisis.presentation.tabel`). Bagian 2.1 (tugas, fungsi, bagan
organisasi) ada di :mod:`analisis.chapters._organisasi`.

Setiap angka dibaca dari ``data/`` lewat :mod:`analisis.core.data`, dihitung
dengan :mod:`analisis.core.rumus`, dan diformat dengan :mod:`analisis.core.format`.
Baris JUMLAH selalu dihitung dari baris data; angka tercetak di dokumen sumber
tidak pernah disalin (pemeriksa terpisah membandingkan keduanya lewat
``data/dicetak.csv``). Tabel dan gambar diberi ``label``; nomornya diberi mesin
dokumen, dan kalimat merujuknya dengan token ``@tabel:label`` / ``@gambar:label``.

Pemilihan tahun data
--------------------
Tabel "statis" BAB II (ASN, SDM Kesos, aset, PSKS, LKS, kemiskinan, SPM)
berasal dari tahun tertentu. Untuk dokumen tahun ``tahun`` dipakai tahun data
terakhir yang ≤ ``tahun`` (:func:`pilih_tahun`), atau tahun data paling awal
bila ``tahun`` mendahului semua data; tahun data selalu disebut di judul tabel
dan, bila berbeda dari ``tahun``, dijelaskan di catatan tabel.

Examples
--------
>>> kalimat_ppks(evaluasi_ppks(2025), rincian_pas(2025), 2025)
'Sampai dengan Triwulan I Tahun 2025 tercatat 42.583 jiwa PPKS terdata, 35.005 jiwa (82,20 %) di antaranya tertangani.'
>>> kalimat_ppks(evaluasi_ppks(2026), rincian_pas(2026), 2026)
'Data realisasi PPKS tahun 2026 belum tersedia. @tabel:ppks-pas menyajikan rincian terakhir yang tersedia, Triwulan I Tahun 2025: tercatat 42.583 jiwa PPKS terdata, 35.005 jiwa (82,20 %) di antaranya tertangani.'
"""

from __future__ import annotations

import re
import textwrap
from decimal import Decimal

import pandas as pd
from IPython.display import HTML, Markdown

from ..core import data, kinerja, resmi, rumus
from ..core import format as fmt
from ..core.aturan import PITA_SPM, SUMBER_ATURAN, Pita, uraian_pita
from ..core.kesalahan import KesalahanParameter
from ..core.parameter import muat as muat_parameter
from ..core.periode import label_periode, periode_dokumen, urutan_periode
from ..presentation.grafik import Gambar, WARNA, bergaya, subplots, sumbu_angka, sumbu_persen, tata_letak_ketat
from ..presentation.tabel import Kol, Tabel, daftar, esc, paragraf, pengantar_lanskap, reviu_saja
from ..presentation.teks import Kalimat, bertanda
from ._organisasi import unit as _unit

__all__ = [
    "Kalimat",
    "KolBaris",
    "KolIsi",
    "pilih_tahun",
    # judul dan prosa
    "judul_bab2",
    "judul",
    "pengantar",
    # 2.2
    "asn_jabatan",
    "asn_rincian",
    "rekap_asn",
    "kalimat_pns",
    "rincian_pns",
    "kalimat_honorer",
    "tabel_asn",
    "sdm_kesos",
    "tabel_sdm_kesos",
    "aset",
    "tabel_aset",
    # 2.3.1
    "pilih_periode_pas",
    "rincian_pas",
    "jumlah_pas",
    "tabel_ppks_pas",
    "grafik_ppks_pas",
    "evaluasi_ppks",
    "kalimat_ppks",
    "psks",
    "tabel_psks",
    # 2.3.2
    "data_lks",
    "tabel_lks",
    "grafik_lks",
    "daftar_lks",
    "kalimat_lks",
    # 2.3.3
    "data_kemiskinan",
    "kemiskinan_per_tahun",
    "tabel_kemiskinan",
    "grafik_kemiskinan",
    "kalimat_kemiskinan",
    "kesimpulan_kemiskinan",
    "rencana_aksi",
    "tabel_rencana_aksi",
    # 2.3.4
    "realisasi_spm",
    "pita_spm",
    "kalimat_spm",
    "tabel_spm",
    "grafik_spm",
    "permasalahan_spm",
    "daftar_permasalahan_spm",
]

NIHIL = "-"  #: tanda nol pada Tabel ASN, sebagaimana dokumen sumber
TIDAK_ADA = "tdk ada"  #: kategori yang tidak terdapat di daerah (Tabel 12 PAS)


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


class KolIsi(Kol):
    """Kolom yang menampilkan sel kosong (NA) sebagai ``kosong`` (bawaan: sel kosong), bukan tanda pisah.

    Untuk kolom yang memang tidak diisi pada baris tertentu: nomor baris
    lanjutan, angka pada baris judul kelompok, "tdk ada" pada kategori yang
    tidak terdapat di daerah.

    >>> KolIsi("no", "No").sel(pd.NA), KolIsi("n", "N", "angka", kosong="tdk ada").sel(None), KolIsi("n", "N", "angka").sel(42583)
    ('', 'tdk ada', '42.583')
    """

    def __init__(self, *args, kosong: str = "", **kw):
        super().__init__(*args, **kw)
        self.kosong = kosong

    def sel(self, nilai) -> str:
        if nilai is None or (not isinstance(nilai, (str, list, tuple)) and pd.isna(nilai)):
            return esc(self.kosong) if self.kosong else ""
        return super().sel(nilai)


# ----------------------------------------------------------------------------
# alat bantu umum


def _orang(n: int) -> str:
    return f"{fmt.angka(n)} ({fmt.terbilang(n)}) orang"


def pilih_tahun(tersedia, tahun: int) -> int | None:
    """Tahun data yang dipakai untuk dokumen tahun ``tahun``.

    Tahun terakhir yang ≤ ``tahun``; ``None`` bila tidak ada: data sesudah
    tahun dokumen tidak pernah dipakai (edisi 2024 tidak menyajikan data 2025).

    >>> pilih_tahun([2024], 2026), pilih_tahun([2025], 2024), pilih_tahun([2020, 2023, 2024], 2023), pilih_tahun([], 2025)
    (2024, None, 2023, None)
    """
    ada = sorted({int(t) for t in tersedia if not pd.isna(t)})
    bawah = [t for t in ada if t <= tahun]
    return bawah[-1] if bawah else None


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
    >>> "2025" in pengantar("ppks_pengantar", 2024).data  # rincian PAS hanya ada untuk 2025: tanpa kalimat pengantar tabel
    False
    """
    paragraf_ = data.teks(nama).split("\n\n")
    pola = _FRASA_PERIODE.get(nama)
    ganti = None if pola is None or tahun is None else _periode_teks(nama, tahun, periode)
    if ganti is not None:
        paragraf_[-1] = re.sub(pola, lambda m: m.group("awal") + ganti, paragraf_[-1], count=1)
    elif pola is not None and tahun is not None and len(paragraf_) > 1:
        # tidak ada data sampai tahun dokumen: kalimat pengantar tabel (dengan periode teks sumber) tidak ditampilkan
        paragraf_ = paragraf_[:-1]
    if lanskap:
        paragraf_[-1] = pengantar_lanskap(paragraf_[-1])
    return Markdown("\n\n".join(paragraf_))


# ----------------------------------------------------------------------------
# 2.2.1 Sumber Daya Manusia


def asn_jabatan() -> pd.DataFrame:
    """Frame pegawai ASN per jabatan (``no``, ``nama_jabatan``, ``pns``, ``honorer``, ``kelas_jabatan``), urut dokumen.

    >>> asn = asn_jabatan()
    >>> int(asn["pns"].sum()), int(asn["honorer"].sum()), asn.iloc[0]["nama_jabatan"]
    (21, 21, 'KEPALA DINAS')
    """
    return data.muat("asn_jabatan").sort_values("urutan").reset_index(drop=True)


def asn_rincian() -> pd.DataFrame:
    """Frame rincian PNS per ``dimensi`` (eselon, golongan, pendidikan, jenis_kelamin), ``kategori`` dan ``jumlah``.

    >>> r = asn_rincian()
    >>> r.groupby("dimensi", sort=False)["jumlah"].sum().to_dict()
    {'eselon': 8, 'golongan': 22, 'pendidikan': 22, 'jenis_kelamin': 22}
    """
    return data.muat("asn_rincian")


def rekap_asn(asn: pd.DataFrame, rincian: pd.DataFrame) -> dict:
    """Jumlah PNS dan honorer (jumlah kolom Tabel ASN) dan jumlah tiap dimensi rincian PNS.

    >>> r = rekap_asn(asn_jabatan(), asn_rincian())
    >>> r["pns"], r["honorer"], r["rincian"]
    (21, 21, {'eselon': 8, 'golongan': 22, 'pendidikan': 22, 'jenis_kelamin': 22})
    """
    return {
        "pns": int(asn["pns"].sum()),
        "honorer": int(asn["honorer"].sum()),
        "rincian": {d: int(g["jumlah"].sum()) for d, g in rincian.groupby("dimensi", sort=False)},
    }


def kalimat_pns(rekap: dict) -> Kalimat:
    """Kalimat pembuka 2.2.1: jumlah PNS resmi (:func:`analisis.core.resmi.nilai`, temuan ``NARASI-ASN-PNS``).

    Jumlah kolom PNS Tabel ASN (21) berbeda dengan yang tercetak (22); yang
    tampil adalah keputusan register (tercetak, didukung tiga rincian).

    >>> kalimat_pns(rekap_asn(asn_jabatan(), asn_rincian()))
    'Dukungan Sumber Daya Manusia Aparatur Sipil Negara (ASN) pada Dinas Sosial Kabupaten Seruyan yang berstatus Pegawai Negeri Sipil (PNS) berjumlah 22 (dua puluh dua) orang menurut @tabel:asn, dengan rincian sebagai berikut:'
    """
    n = resmi.nilai("NARASI-ASN-PNS", rekap["pns"])
    jumlah = _orang(int(n.nilai))
    return bertanda(
        f"Dukungan Sumber Daya Manusia Aparatur Sipil Negara (ASN) pada {data.instansi()['nama_lengkap']} yang berstatus "
        f"Pegawai Negeri Sipil (PNS) berjumlah {jumlah} menurut @tabel:asn, dengan rincian sebagai berikut:",
        (jumlah, n),
    )


_DIMENSI = {"eselon": "eselon", "golongan": "golongan", "pendidikan": "pendidikan", "jenis_kelamin": "jenis kelamin"}


def rincian_pns(rincian: pd.DataFrame, rekap: dict) -> HTML:
    """Rincian PNS menurut eselon, golongan, pendidikan dan jenis kelamin (2.2.1).

    Bila jumlah suatu rincian (selain eselon, yang hanya mencakup jabatan
    struktural) berbeda dari jumlah baris PNS Tabel ASN, selisihnya disebut
    dalam catatan khusus edisi reviu.

    >>> rinci = asn_rincian()
    >>> h = rincian_pns(rinci, rekap_asn(asn_jabatan(), rinci)).data
    >>> "Menurut golongan terdiri dari:" in h and "<li>Golongan III: 14 orang</li>" in h
    True
    >>> "berjumlah 22 orang, berbeda 1 orang dari jumlah PNS pada @tabel:asn (21 orang)" in h
    True
    """
    bagian = []
    for d, g in rincian.groupby("dimensi", sort=False):
        bagian.append(paragraf(f"Menurut {_DIMENSI.get(d, d)} terdiri dari:"))
        bagian.append(daftar([f"{r.kategori}: {fmt.angka(r.jumlah)} orang" for r in g.itertuples()]))
    beda = {d: n for d, n in rekap["rincian"].items() if d != "eselon" and n != rekap["pns"]}
    if beda:
        nama = ", ".join(_DIMENSI.get(d, d) for d in beda)
        nama = re.sub(r", ([^,]+)$", r" dan \1", nama)
        jumlah = sorted(set(beda.values()))
        if len(jumlah) == 1:
            n = jumlah[0]
            teks = (
                f"Rincian menurut {nama} {'masing-masing ' if len(beda) > 1 else ''}berjumlah {fmt.angka(n)} orang, "
                f"berbeda {fmt.angka(abs(n - rekap['pns']))} orang dari jumlah PNS pada @tabel:asn ({fmt.angka(rekap['pns'])} orang); "
                "selisih ini perlu diverifikasi pada data kepegawaian."
            )
        else:
            teks = (
                f"Jumlah rincian menurut {nama} ({', '.join(fmt.angka(beda[d]) for d in beda)} orang) berbeda dari jumlah "
                f"PNS pada @tabel:asn ({fmt.angka(rekap['pns'])} orang); selisih ini perlu diverifikasi pada data kepegawaian."
            )
        # catatan pemeriksaan: hanya edisi reviu (edisi final menampilkan angka resmi tanpa membahas selisihnya)
        bagian.append(paragraf(teks, kelas="catatan reviu-saja"))
    return HTML("".join(bagian))


def kalimat_honorer(rekap: dict) -> Kalimat:
    """Kalimat tenaga honorer/kontrak (jumlah kolom Honorer Tabel ASN) dan pengantar tabelnya.

    >>> kalimat_honorer(rekap_asn(asn_jabatan(), asn_rincian()))[:95]
    'Selain tenaga Pegawai Negeri Sipil (PNS) dibantu dengan tenaga honorer/kontrak sebanyak 21 (dua'
    """
    return Kalimat(
        f"Selain tenaga Pegawai Negeri Sipil (PNS) dibantu dengan tenaga honorer/kontrak sebanyak {_orang(rekap['honorer'])}. "
        f"Adapun keberadaan (eksisting) Aparatur Sipil Negara (ASN) yang dimiliki {data.instansi()['nama_lengkap']} "
        "adalah sebagai berikut:"
    )


def _nihil(v) -> str:
    return NIHIL if v == 0 else fmt.angka(v)


def _dengan_jumlah(df: pd.DataFrame, jumlah: dict) -> pd.DataFrame:
    """``df`` dengan kolom ``kelas`` (kosong) dan satu baris total (kelas ``jumlah``); kolom yang tidak dijumlah berisi NA."""
    total = pd.DataFrame([jumlah | {"kelas": "jumlah"}])
    hasil = pd.concat([df.assign(kelas=""), total], ignore_index=True)
    return hasil.astype({k: str(df[k].dtype) for k in df.columns if str(df[k].dtype) in ("Int64", "Float64")})


def tabel_asn(asn: pd.DataFrame) -> Tabel:
    """Tabel ASN "Data Existing Pegawai ASN": baris jabatan dan baris JUMLAH yang dihitung dari ``asn``.

    Nol ditampilkan "-" seperti dokumen sumber; frame di balik tabel tetap angka.

    Baris JUMLAH: jumlah kolom, atau angka resmi bila tercetak berbeda
    (:func:`analisis.core.resmi.nilai`, temuan ``JUMLAH-ASN-PNS``: tercetak 22,
    jumlah baris 21).

    >>> t = tabel_asn(asn_jabatan())
    >>> t.df.iloc[-1]["nama_jabatan"], int(t.df.iloc[-1]["pns"]), int(t.df.iloc[-1]["honorer"])
    ('JUMLAH', 22, 21)
    >>> '<td class="rata-kanan">-</td>' in t.html(), t.label, 'data-kode="JUMLAH-ASN-PNS"' in t.html()
    (True, 'asn', True)
    """
    df = asn[["no", "nama_jabatan", "pns", "honorer", "kelas_jabatan"]]
    pns = resmi.nilai("JUMLAH-ASN-PNS", int(asn["pns"].sum()))
    df = _dengan_jumlah(df, {"nama_jabatan": "JUMLAH", "pns": int(pns.nilai), "honorer": int(asn["honorer"].sum())})
    return Tabel(
        df, label="asn", judul=f"Data Existing Pegawai ASN {data.instansi()['nama_perangkat_daerah']}",
        kolom=[KolIsi("no", "No", rata="tengah"), Kol("nama_jabatan", "Nama Jabatan"), KolIsi("pns", "PNS", _nihil),
               KolIsi("honorer", "Honorer", _nihil), KolIsi("kelas_jabatan", "Kelas Jabatan", "angka", rata="tengah")],
        catatan=["Tanda - berarti tidak ada pegawai pada jabatan tersebut."],
        baris_kelas="kelas", temuan={(len(df) - 1, "pns"): pns},
    )


def sdm_kesos(tahun: int) -> pd.DataFrame:
    """Frame SDM Kesejahteraan Sosial tahun data terakhir ≤ ``tahun`` (kelompok, jenis, jumlah).

    >>> s = sdm_kesos(2025)
    >>> int(s["tahun"].iloc[0]), int(s["jumlah"].sum())
    (2024, 147)
    """
    sdm = data.muat("sdm_kesos")
    th = pilih_tahun(sdm["tahun"], tahun)
    return sdm[sdm["tahun"] == th].reset_index(drop=True)


def tabel_sdm_kesos(sdm: pd.DataFrame, tahun: int) -> Tabel:
    """Tabel Data SDM Kesejahteraan Sosial dari frame :func:`sdm_kesos`: baris kelompok dan Jumlah dihitung.

    >>> t = tabel_sdm_kesos(sdm_kesos(2025), 2025)
    >>> t.judul, int(t.df.iloc[-1]["jumlah"]), t.df.iloc[0][["no", "kelas"]].tolist()
    ('Data SDM Kesejahteraan Sosial Tahun 2024', 147, ['I', 'kelompok'])
    """
    th = int(sdm["tahun"].iloc[0])
    baris = []
    for (kno, kel), g in sdm.groupby(["kelompok_no", "kelompok"], sort=False):
        baris.append({"no": kno, "jenis": kel, "jumlah": pd.NA, "kelas": "kelompok"})
        baris.extend({"no": str(int(r.no)), "jenis": r.jenis, "jumlah": int(r.jumlah), "kelas": ""} for r in g.itertuples())
    baris.append({"no": pd.NA, "jenis": "Jumlah", "jumlah": int(sdm["jumlah"].sum()), "kelas": "jumlah"})
    df = pd.DataFrame(baris).astype({"jumlah": "Int64"})
    return Tabel(
        df, label="sdm-kesos", judul=f"Data SDM Kesejahteraan Sosial Tahun {th}",
        kolom=[KolIsi("no", "No", rata="tengah"), Kol("jenis", "SDM Kesejahteraan Sosial"), KolIsi("jumlah", "Jumlah", "angka")],
        catatan_reviu=_catatan_tahun(tahun, th, "SDM Kesejahteraan Sosial"), baris_kelas="kelas",
    )


# ----------------------------------------------------------------------------
# 2.2.2 Sarana dan Prasarana


def aset(tahun: int) -> pd.DataFrame:
    """Frame nilai aset tetap per klasifikasi, tahun data terakhir ≤ ``tahun``.

    >>> a = aset(2025)
    >>> int(a["tahun"].iloc[0]), fmt.rupiah(a["nilai"].sum())
    (2024, 'Rp 11.079.039.430')
    """
    df = data.muat("aset")
    th = pilih_tahun(df["tahun"], tahun)
    return df[df["tahun"] == th].sort_values(["kelompok_no", "_baris"]).reset_index(drop=True)


def tabel_aset(aset: pd.DataFrame, tahun: int) -> Tabel:
    """Tabel Sarana Prasarana dari frame :func:`aset`: subtotal kelompok (tebal) dan TOTAL dihitung.

    >>> t = tabel_aset(aset(2025), 2025)
    >>> t.sumber
    'Subbagian Umum, Perlengkapan dan Kepegawaian'
    >>> fmt.rupiah(t.df.iloc[-1]["nilai"]), t.df.iloc[2][["klasifikasi", "kelas"]].tolist(), fmt.rupiah(t.df.iloc[2]["nilai"])
    ('Rp 11.266.644.930', ['PERALATAN DAN MESIN', 'kelompok'], 'Rp 1.906.887.580')
    >>> fmt.rupiah(t.df[t.df["kelas"] == "kelompok"]["nilai"].iloc[-1])  # subtotal kelompok 5 seperti tercetak
    'Rp 484.557.500'
    
    """
    th = int(aset["tahun"].iloc[0])
    baris, temuan = [], {}
    for (kno, kel), g in aset.groupby(["kelompok_no", "kelompok"], sort=False):
        sub = resmi.nilai(f"JUMLAH-ASET-SUBTOTAL-{int(kno)}", float(g["nilai"].sum()))
        temuan[(len(baris), "nilai")] = sub
        baris.append({"no": int(kno), "klasifikasi": kel, "nilai": float(sub.nilai), "kelas": "kelompok"})
        baris.extend({"no": pd.NA, "klasifikasi": r.klasifikasi, "nilai": float(r.nilai), "kelas": ""} for r in g.itertuples())
    total = resmi.nilai("JUMLAH-ASET-TOTAL", float(aset["nilai"].sum()))
    temuan[(len(baris), "nilai")] = total
    baris.append({"no": pd.NA, "klasifikasi": "TOTAL", "nilai": float(total.nilai), "kelas": "jumlah"})
    return Tabel(
        pd.DataFrame(baris).astype({"no": "Int64"}), label="aset",
        judul=f"Sarana Prasarana {data.instansi()['nama_perangkat_daerah']} Tahun {th}",
        kolom=[KolIsi("no", "No.", rata="tengah"), Kol("klasifikasi", "Klasifikasi"), Kol("nilai", "Nilai Aset Tetap", "rupiah")],
        catatan=["Baris kelompok (tebal) adalah jumlah klasifikasi di bawahnya; TOTAL adalah jumlah seluruh klasifikasi."],
        catatan_reviu=_catatan_tahun(tahun, th, "aset"),
        sumber=_nama_unit("subbag_umum"), baris_kelas="kelas", temuan=temuan,
    )


def _nama_unit(id_: str) -> str | None:
    """Nama unit organisasi (sumber data tabel), ``None`` bila unit itu tidak ada."""
    try:
        return _unit(id_)["nama"]
    except KeyError:
        return None


# ----------------------------------------------------------------------------
# 2.3.1 PPKS (12 PAS) dan PSKS


def pilih_periode_pas(tahun: int, periode: str | None = None) -> tuple[int, str] | None:
    """(tahun, periode) rincian 12 PAS yang disajikan untuk dokumen ``tahun``/``periode``.

    Periode terakhir yang tidak melewati periode dokumen; bila tahun itu tidak
    berdata, periode terakhir tahun data terakhir ≤ ``tahun``; ``None`` bila
    tidak ada rincian sampai periode dokumen (data sesudahnya tidak dipakai).

    >>> pilih_periode_pas(2025), pilih_periode_pas(2026), pilih_periode_pas(2024)
    ((2025, 'Triwulan I'), (2025, 'Triwulan I'), None)
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
        return (th, cocok[-1]) if cocok else None
    return th, per[-1]


def rincian_pas(tahun: int, periode: str | None = None) -> pd.DataFrame:
    """Frame 12 PAS periode terpilih (:func:`pilih_periode_pas`) dengan kolom ``persen_tertangani`` (DO IKU 1).

    ``persen_tertangani`` = tertangani / terdata × 100 %; kosong (``None``)
    bila terdata nol atau kategori tidak ada ("tdk ada").

    >>> r = rincian_pas(2025)
    >>> int(r.loc[r["ada"], "terdata"].sum()), int(r.loc[r["ada"], "tertangani"].sum())
    (42583, 35005)
    >>> fmt.persen(r.loc[r["jenis"] == "Fakir Miskin", "persen_tertangani"].iloc[0])
    '86,84 %'
    """
    sel = pilih_periode_pas(tahun, periode)
    pas = data.muat("ppks_pas")
    if sel is None:  # frame kosong dengan kolom yang sama
        return pas.iloc[0:0].assign(persen_tertangani=pd.Series(dtype=object)).reset_index(drop=True)
    pas = pas[(pas["tahun"] == sel[0]) & (pas["periode"] == sel[1])].sort_values(["pas_no", "_baris"])
    pas = pas.assign(persen_tertangani=[
        rumus.persentase_tertangani(r.tertangani, r.terdata) if r.ada else None for r in pas.itertuples()
    ])
    return pas.reset_index(drop=True)


def jumlah_pas(pas: pd.DataFrame) -> dict:
    """Jumlah terdata dan tertangani 12 PAS (kategori "tdk ada" tidak dijumlahkan) dan persentasenya (DO IKU 1).

    >>> j = jumlah_pas(rincian_pas(2025))
    >>> j["terdata"], j["tertangani"], fmt.persen(j["persen_tertangani"])
    (42583, 35005, '82,20 %')
    """
    ada = pas[pas["ada"].astype(bool)] if "ada" in pas else pas
    terdata = int(ada["terdata"].sum()) if "terdata" in ada else 0
    tertangani = int(ada["tertangani"].sum()) if "tertangani" in ada else 0
    return {"terdata": terdata, "tertangani": tertangani,
            "persen_tertangani": rumus.persentase_tertangani(tertangani, terdata)}


def tabel_ppks_pas(pas: pd.DataFrame, tahun: int, periode: str | None = None) -> Tabel:
    """Tabel 12 PAS (Pemerlu Atensi Sosial) dari frame :func:`rincian_pas`: terdata, tertangani, % tertangani, JUMLAH dihitung.

    Frame di balik tabel adalah ``pas`` (kolom tambahan analis ikut terbawa)
    dengan nomor dan nama PAS dikosongkan pada baris lanjutan dan satu baris
    JUMLAH. ``tahun``/``periode`` dokumen hanya dipakai untuk catatan bila rincian
    yang disajikan berasal dari periode lain.

    >>> t = tabel_ppks_pas(rincian_pas(2025), 2025)
    >>> t.judul, t.label
    ('12 PAS (Pemerlu Atensi Sosial) Triwulan I Tahun 2025', 'ppks-pas')
    >>> list(map(int, t.df.iloc[-1][["terdata", "tertangani"]])), fmt.persen(t.df.iloc[-1]["persen_tertangani"])
    ([42583, 35005], '82,20 %')
    >>> kat = t.df[t.df["jenis"] == "Kelompok Adat Terpencil (KAT)"].iloc[0]
    >>> kat["terdata"] is pd.NA, '<td class="rata-kanan">tdk ada</td>' in t.html()
    (True, True)
    >>> tabel_ppks_pas(rincian_pas(2024), 2024).data[:41]  # tanpa rincian s.d. periode dokumen: catatan edisi reviu saja
    '<div class="reviu-saja tempat-kosong"><p>'
    """
    if pas.empty:
        per = periode_dokumen(tahun, periode)
        return HTML(reviu_saja(f"Rincian 12 PAS untuk {label_periode(tahun, per)} belum ada di data/ppks_pas.csv; "
                               "rincian periode sesudahnya tidak dipakai. Tabel ini tidak disajikan."))
    sel = (int(pas["tahun"].iloc[0]), pas["periode"].iloc[0])
    lanjutan = pas["pas_no"].duplicated()
    df = pas.assign(no=pas["pas_no"].mask(lanjutan), pas=pas["pas"].mask(lanjutan))
    df = df.drop(columns=[k for k in ("_baris", "tahun", "periode") if k in df.columns])
    j = jumlah_pas(pas)
    df = _dengan_jumlah(df, {"pas": "JUMLAH", "terdata": j["terdata"], "tertangani": j["tertangani"],
                             "persen_tertangani": j["persen_tertangani"], "ada": True})
    catatan = ["% Tertangani = tertangani ÷ terdata × 100 % (rumus Definisi Operasional IKU 1); tanda – berarti tidak "
               "terdefinisi karena terdata nol atau kategori tidak ada."]
    if not pas["ada"].all():
        catatan.append(f"tdk ada: kategori tersebut tidak terdapat di {_daerah()} (bukan nol) dan tidak ikut dijumlahkan.")
    catatan.append("Baris JUMLAH dihitung dari rincian di atasnya.")
    per = periode_dokumen(tahun, periode)
    if sel != (tahun, per):
        kata = "belum tersedia" if sel[0] <= tahun else "tidak tersedia"
        catatan.append(f"Rincian PAS untuk {label_periode(tahun, per)} {kata}; disajikan rincian {label_periode(*sel)}.")
    return Tabel(
        df, label="ppks-pas", judul=f"{pas['pas_no'].nunique()} PAS (Pemerlu Atensi Sosial) {label_periode(*sel)}",
        kolom=[KolIsi("no", "No", rata="tengah"), KolIsi("pas", "Pemerlu Atensi Sosial (PAS)"), Kol("jenis", "Jenis PPKS"),
               KolIsi("terdata", "Terdata", "angka", kosong=TIDAK_ADA), KolIsi("tertangani", "Tertangani", "angka", kosong=TIDAK_ADA),
               Kol("persen_tertangani", "% Tertangani", "persen"), Kol("bidang", "Bidang Penanggung Jawab Teknis")],
        catatan=catatan, baris_kelas="kelas",
    )


def _bungkus(teks: str, lebar: int) -> str:
    return "\n".join(textwrap.wrap(teks, lebar)) or teks


def pas_per_kelompok(pas: pd.DataFrame) -> pd.DataFrame:
    """Terdata dan tertangani per PAS (jumlah jenis PPKS yang ada), untuk grafik.

    ``ada`` salah bila tidak satu pun jenis PPKS PAS itu terdapat di daerah.

    >>> g = pas_per_kelompok(rincian_pas(2025))
    >>> len(g), int(g["terdata"].sum()), g.iloc[0]["label"], int(g.iloc[0]["terdata"]), int(g.iloc[0]["tertangani"])
    (12, 42583, '1. ANAK - ANAK RENTAN', 290, 11)
    """
    baris = []
    if pas.empty:
        return pd.DataFrame(columns=["tahun", "periode", "pas_no", "label", "ada", "terdata", "tertangani"])
    for (no, nama), g in pas.groupby(["pas_no", "pas"], sort=True):
        a = g[g["ada"]]
        baris.append({"tahun": int(g["tahun"].iloc[0]), "periode": g["periode"].iloc[0],
                      "pas_no": int(no), "label": f"{int(no)}. {nama}", "ada": bool(len(a)),
                      "terdata": int(a["terdata"].sum()), "tertangani": int(a["tertangani"].sum())})
    return pd.DataFrame(baris)


@bergaya
def grafik_ppks_pas(kelompok: pd.DataFrame) -> Gambar:
    """Gambar PPKS terdata dan tertangani per PAS dari :func:`pas_per_kelompok`: batang mendatar berpasangan, sumbu linear.

    Sumbu linear (cacah): batang PAS kecil memang pendek di samping fakir
    miskin; setiap batang diberi angkanya, nol dan "tdk ada" ditulis di pangkal
    sumbu. Teks 8 pt pada lebar cetak (6,4 inci).

    >>> g = grafik_ppks_pas(pas_per_kelompok(rincian_pas(2025)))
    >>> g.judul, g.label, g.fig.axes[0].get_xscale()
    ('PPKS Terdata dan Tertangani per PAS, Triwulan I Tahun 2025', 'ppks-pas', 'linear')
    """
    from matplotlib.patches import Patch

    if kelompok.empty:
        return HTML("")
    n = len(kelompok)
    fig, ax = subplots(figsize=(6.4, 0.34 * n + 0.9))  # setinggi ±13 cm: muat di bawah akhir Tabel PPKS per PAS
    tinggi = 0.38
    maks = max([int(v) for v in kelompok["terdata"]] + [10])
    geser = maks * 0.01
    for i, r in enumerate(kelompok.itertuples()):
        for dy, nilai, warna in ((-tinggi / 2, r.terdata, WARNA["utama"]), (tinggi / 2, r.tertangani, WARNA["kedua"])):
            yy = i + dy
            if r.ada and nilai > 0:
                ax.barh(yy, nilai, height=tinggi, color=warna)
            teks = fmt.angka(nilai) if r.ada else TIDAK_ADA
            ax.text(max(nilai, 0) + geser, yy, teks, va="center", fontsize=8, color="#222222" if r.ada else "#555555")
    ax.set_xlim(0, maks * 1.16)
    sumbu_angka(ax, "x")
    ax.tick_params(axis="x", labelsize=8)
    ax.set_yticks(range(n), [_bungkus(v, 34) for v in kelompok["label"]], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("Jumlah jiwa", fontsize=8)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(handles=[Patch(color=WARNA["utama"], label="Terdata"), Patch(color=WARNA["kedua"], label="Tertangani")],
              loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False)
    tata_letak_ketat(fig)  # margin tight_layout, dihitung sekali saat digambar
    sel = (int(kelompok["tahun"].iloc[0]), kelompok["periode"].iloc[0])
    return Gambar(fig, label="ppks-pas", judul=f"PPKS Terdata dan Tertangani per PAS, {label_periode(*sel)}",
                  sumber="@tabel:ppks-pas")


def _kalimat_jumlah(terdata: int, tertangani: int | None) -> str:
    if tertangani is None:
        return f"tercatat {fmt.angka(terdata)} jiwa PPKS terdata; jumlah yang tertangani tidak tercatat."
    persen = fmt.persen(rumus.persentase_tertangani(tertangani, terdata))
    return (f"tercatat {fmt.angka(terdata)} jiwa PPKS terdata, {fmt.angka(tertangani)} jiwa ({persen}) "
            "di antaranya tertangani.")


def _sampai(tahun: int, periode: str) -> str:
    return f"akhir Tahun {tahun}" if periode == "Tahunan" else label_periode(tahun, periode)


def evaluasi_ppks(tahun: int, periode: str | None = None):
    """PPKS terdata dan tertangani periode dokumen (:func:`analisis.core.kinerja.evaluasi_ppks`; ``None`` bila belum ada).

    >>> e = evaluasi_ppks(2025)
    >>> e.periode, e.terdata, e.tertangani, evaluasi_ppks(2026)
    ('Triwulan I', 42583, 35005, None)
    """
    return kinerja.evaluasi_ppks(tahun, periode_dokumen(tahun, periode))


def kalimat_ppks(ppks, pas: pd.DataFrame, tahun: int) -> Kalimat:
    """Kalimat jumlah PPKS terdata dan tertangani untuk periode dokumen (DO IKU 1).

    ``ppks``: hasil :func:`evaluasi_ppks` (rincian 12 PAS atau rekap tahunan;
    ``None`` bila belum ada); ``pas``: frame :func:`rincian_pas` yang disajikan
    di tabel. Bila periode dokumen tidak dirinci per PAS, tabel yang disajikan disebut.

    >>> kalimat_ppks(evaluasi_ppks(2024), rincian_pas(2024), 2024)
    'Sampai dengan akhir Tahun 2024 tercatat 43.746 jiwa PPKS terdata, 41.893 jiwa (95,76 %) di antaranya tertangani. Rincian per PAS untuk periode tersebut tidak tersedia.'
    """
    e = ppks
    sel = None if pas.empty else (int(pas["tahun"].iloc[0]), str(pas["periode"].iloc[0]))
    if e is None:
        teks = f"Data realisasi PPKS tahun {tahun} belum tersedia."
        if sel is not None:
            j = jumlah_pas(pas)
            teks += (f" @tabel:ppks-pas menyajikan rincian terakhir yang tersedia, {label_periode(*sel)}: "
                     + _kalimat_jumlah(j["terdata"], j["tertangani"]))
        return Kalimat(teks)
    teks = f"Sampai dengan {_sampai(e.tahun, e.periode)} " + _kalimat_jumlah(e.terdata, e.tertangani)
    if sel is None:
        teks += " Rincian per PAS untuk periode tersebut tidak tersedia."
    elif sel != (e.tahun, e.periode):
        teks += f" Rincian per PAS untuk periode tersebut tidak tersedia; @tabel:ppks-pas menyajikan rincian {label_periode(*sel)}."
    return Kalimat(teks)


def psks(tahun: int) -> pd.DataFrame:
    """Frame PSKS tahun data terakhir ≤ ``tahun`` (jenis, jumlah, bersertifikat, sumber_data), urut nomor.

    >>> p = psks(2025)
    >>> int(p["jumlah"].sum()), int(p["bersertifikat"].sum())
    (161, 76)
    """
    df = data.muat("psks")
    th = pilih_tahun(df["tahun"], tahun)
    return df[df["tahun"] == th].sort_values("no").reset_index(drop=True)


def tabel_psks(psks: pd.DataFrame, tahun: int) -> Tabel:
    """Tabel Potensi dan Sumber Kesejahteraan Sosial (PSKS) dari frame :func:`psks`, baris JUMLAH PSKS dihitung.

    >>> t = tabel_psks(psks(2025), 2025)
    >>> t.judul, list(map(int, t.df.iloc[-1][["jumlah", "bersertifikat"]]))
    ('Potensi dan Sumber Kesejahteraan Sosial (PSKS) Tahun 2025', [161, 76])
    >>> tabel_psks(psks(2024), 2024).data  # hanya ada data 2025: satu kalimat, tanpa data tahun sesudahnya
    '<p>Data Potensi dan Sumber Kesejahteraan Sosial (PSKS) sampai dengan tahun 2024 tidak tersedia.</p>'
    """
    if psks.empty:
        return HTML(paragraf(f"Data Potensi dan Sumber Kesejahteraan Sosial (PSKS) sampai dengan tahun {tahun} tidak tersedia."))
    th = int(psks["tahun"].iloc[0])
    df = psks[["no", "jenis", "jumlah", "bersertifikat", "sumber_data"]]
    df = _dengan_jumlah(df, {"jenis": "JUMLAH PSKS", "jumlah": int(psks["jumlah"].sum()),
                             "bersertifikat": int(psks["bersertifikat"].sum())})
    return Tabel(
        df, label="psks", judul=f"Potensi dan Sumber Kesejahteraan Sosial (PSKS) Tahun {th}",
        kolom=[KolIsi("no", "No", rata="tengah"), Kol("jenis", "Potensi dan Sumber Kesejahteraan Sosial"),
               Kol("jumlah", "Jumlah", "angka"), Kol("bersertifikat", "Sertifikat Kompetensi / Akreditasi", "angka"),
               KolIsi("sumber_data", "Sumber Data")],
        catatan=["Tanda – berarti data sertifikasi/akreditasi tidak tercatat; baris JUMLAH PSKS dihitung dari baris di atasnya."],
        catatan_reviu=_catatan_tahun(tahun, th, "PSKS"),
        baris_kelas="kelas",
    )


# ----------------------------------------------------------------------------
# 2.3.2 LKS


def data_lks(tahun: int) -> pd.DataFrame:
    """Frame jumlah LKS per tahun, semua tahun ≤ ``tahun`` (atau tahun paling awal bila ``tahun`` mendahuluinya).

    >>> data_lks(2025)[["tahun", "jumlah"]].values.tolist()[-2:]
    [[2024, 9], [2025, 9]]
    """
    lks = data.muat("lks").sort_values("tahun")
    sub = lks[lks["tahun"] <= tahun]
    return (sub if not sub.empty else lks.head(1)).reset_index(drop=True)


def _rentang(th: list) -> str:
    th = [str(int(t)) for t in th]
    return th[0] if len(th) == 1 else f"{th[0]}–{th[-1]}"


def tabel_lks(lks: pd.DataFrame, tahun: int) -> Tabel:
    """Tabel Realisasi Capaian Kinerja Pelayanan LKS dari frame :func:`data_lks`, tahun sebagai kolom.

    >>> t = tabel_lks(data_lks(2025), 2025)
    >>> t.judul, [k.judul for k in t.kolom][1:], int(t.df.iloc[0]["2025"])
    ('Realisasi Capaian Kinerja Pelayanan LKS Tahun 2020–2025', ['2020', '2021', '2022', '2023', '2024', '2025'], 9)
    """
    th = [str(int(t)) for t in lks["tahun"]]
    df = pd.DataFrame([{"uraian": "Lembaga Kesejahteraan Sosial"} | {t: int(v) for t, v in zip(th, lks["jumlah"])}])
    return Tabel(
        df, label="lks", judul=f"Realisasi Capaian Kinerja Pelayanan LKS Tahun {_rentang(th)}",
        kolom=[Kol("uraian", "Uraian")] + [Kol(t, t, "angka") for t in th],
        catatan_reviu=_catatan_tahun(tahun, int(th[-1]), "LKS"),
    )


@bergaya
def grafik_lks(lks: pd.DataFrame) -> Gambar:
    """Gambar jumlah LKS per tahun dari frame :func:`data_lks` (batang, dengan angka).

    >>> g = grafik_lks(data_lks(2025))
    >>> g.judul, g.label
    ('Jumlah Lembaga Kesejahteraan Sosial Tahun 2020–2025', 'lks')
    """
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
    tata_letak_ketat(fig)  # margin tight_layout, dihitung sekali saat digambar
    return Gambar(fig, label="lks", judul=f"Jumlah Lembaga Kesejahteraan Sosial Tahun {_rentang(th)}", sumber="@tabel:lks")


def _gabung(butir: list[str]) -> str:
    return butir[0] if len(butir) == 1 else ", ".join(butir[:-1]) + " dan " + butir[-1]


def daftar_lks(tahun: int) -> pd.DataFrame:
    """Frame nama LKS terdaftar (``data/lks_daftar.csv``) tahun daftar terakhir ≤ ``tahun``, urut nomor (kosong bila tidak ada).

    >>> d = daftar_lks(2025)
    >>> len(d), int(d["tahun"].iloc[0]), len(daftar_lks(2024))
    (9, 2025, 0)
    """
    semua = data.muat("lks_daftar")
    th = pilih_tahun(semua["tahun"], tahun)
    return semua[semua["tahun"] == th].sort_values("no").reset_index(drop=True)


def kalimat_lks(daftar_: pd.DataFrame, lks: pd.DataFrame, tahun: int) -> Kalimat:
    """Kalimat jumlah dan nama LKS terdaftar dari frame :func:`daftar_lks` dan :func:`data_lks`.

    Bila jumlah nama berbeda dengan jumlah LKS tahun itu di Tabel 2.7, selisihnya disebut.

    >>> kalimat_lks(daftar_lks(2025), data_lks(2025), 2025)[:120]
    'Pada tahun 2025 Lembaga Kesejahteraan Sosial terdaftar di Dinas Sosial berjumlah 9 LKS yang terdiri dari LKSA Nuruzh zho'
    >>> kalimat_lks(daftar_lks(2024), data_lks(2024), 2024)  # daftar hanya ada untuk 2025: tidak dipinjam oleh edisi 2024
    'Daftar nama LKS sampai dengan tahun 2024 tidak tersedia.'
    """
    if daftar_.empty:
        return Kalimat(f"Daftar nama LKS sampai dengan tahun {tahun} tidak tersedia.")
    d = daftar_.sort_values("no")
    th = int(d["tahun"].iloc[0])
    awal = "" if th == tahun else (f"Daftar nama LKS tahun {tahun} " + ("belum tersedia. " if th < tahun else "tidak tersedia. "))
    teks = (f"{awal}Pada tahun {th} Lembaga Kesejahteraan Sosial terdaftar di {data.instansi()['nama_perangkat_daerah']} "
            f"berjumlah {fmt.angka(len(d))} LKS yang terdiri dari {_gabung(d['nama'].tolist())}.")
    tercatat = lks.loc[lks["tahun"] == th, "jumlah"]
    if not tercatat.empty and int(tercatat.iloc[0]) != len(d):
        teks += f" Jumlah ini berbeda dengan @tabel:lks ({fmt.angka(int(tercatat.iloc[0]))} LKS pada tahun {th})."
    return Kalimat(teks)


# ----------------------------------------------------------------------------
# 2.3.3 Kemiskinan


def data_kemiskinan(tahun: int, jumlah_tahun: int = 3) -> pd.DataFrame:
    """Frame data kemiskinan ``jumlah_tahun`` tahun terakhir yang ≤ ``tahun``, per indikator (bentuk panjang).

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


def kesimpulan_kemiskinan(km: pd.DataFrame):
    """Kesimpulan 2.3.3 milik tahun data terakhir yang disajikan: ``data/teks/<tahun>/kemiskinan_kesimpulan.md``.

    Tahun tanpa berkas itu: tempat kosong edisi reviu (edisi final tanpa paragraf).

    >>> kesimpulan_kemiskinan(data_kemiskinan(2025)).data.startswith("Hal ini menunjukkan bahwa tingkat pendapatan")
    True
    >>> "data/teks/2023/kemiskinan_kesimpulan.md" in kesimpulan_kemiskinan(data_kemiskinan(2023)).data
    True
    """
    if km.empty:
        return HTML("")
    th = int(km["tahun"].max())
    isi = data.teks_tahun("kemiskinan_kesimpulan", th)
    if isi is not None:
        return Markdown(isi)
    return HTML(reviu_saja(f"Kesimpulan perkembangan kemiskinan tahun {th} belum diisi "
                           f"(data/teks/{th}/kemiskinan_kesimpulan.md)."))


def _selisih(a: float, b: float) -> float:
    """b − a, dibulatkan 4 desimal agar galat titik mengambang tidak tampil."""
    return float(round(Decimal(str(b)) - Decimal(str(a)), 4))


def _nilai_satuan(v, satuan: str) -> str:
    return fmt.persen(v) if satuan == "persen" else f"{fmt.desimal(v)} {satuan}"


def kemiskinan_per_tahun(km: pd.DataFrame) -> pd.DataFrame:
    """Frame lebar dari :func:`data_kemiskinan`: satu baris per indikator, tahun sebagai kolom, dan ``perubahan``.

    ``perubahan`` = nilai tahun terakhir − nilai tahun sebelumnya (poin persen
    untuk indikator persentase), dihitung dengan desimal tepat.

    >>> lebar = kemiskinan_per_tahun(data_kemiskinan(2025))
    >>> lebar.iloc[0][["2022", "2023", "2024", "perubahan"]].astype(float).tolist()
    [7.43, 7.12, 7.08, -0.04]
    """
    th = [int(t) for t in sorted(km["tahun"].unique())]
    baris = []
    for i, (ind, g) in enumerate(km.groupby("indikator", sort=False), start=1):
        nilai = dict(zip(g["tahun"].astype(int), g["nilai"].astype(float)))
        satuan = g["satuan"].iloc[0]
        b = {"no": i, "indikator": ind, "satuan": satuan} | {str(t): nilai.get(t, float("nan")) for t in th}
        ada = [t for t in th if t in nilai]
        b["perubahan"] = _selisih(nilai[ada[-2]], nilai[ada[-1]]) if len(ada) >= 2 else float("nan")
        baris.append(b)
    return pd.DataFrame(baris)


def tabel_kemiskinan(lebar: pd.DataFrame, tahun: int) -> Tabel:
    """Tabel Data Kemiskinan dari frame :func:`kemiskinan_per_tahun`: tahun sebagai kolom dan Kenaikan / Penurunan.

    Bilangan negatif memakai tanda minus tipografis ("−0,04", :mod:`analisis.core.format`).

    >>> t = tabel_kemiskinan(kemiskinan_per_tahun(data_kemiskinan(2025)), 2025)
    >>> t.judul, t.label, '<td class="rata-kanan">−0,04</td>' in t.html()
    ('Data Kemiskinan Kabupaten Seruyan Tahun 2022–2024', 'kemiskinan', True)
    """
    th = [k for k in lebar.columns if re.fullmatch(r"\d{4}", str(k))]
    catatan = []
    if len(th) >= 2:
        catatan.append(f"Kenaikan / Penurunan = nilai tahun {th[-1]} − nilai tahun {th[-2]} (poin persen untuk indikator "
                       "persentase); tanda minus berarti penurunan.")
    return Tabel(
        lebar, label="kemiskinan", judul=f"Data Kemiskinan {_daerah()} Tahun {_rentang(th)}",
        kolom=[Kol("no", "No", rata="tengah"),
               Kol("indikator", "Kemiskinan", lambda r: f"{r['indikator']} ({r['satuan'].capitalize()})", "kiri", baris=True)]
        + [Kol(t, t, "desimal") for t in th]
        + [Kol("perubahan", "Kenaikan / Penurunan", "desimal")],
        catatan=catatan, catatan_reviu=_catatan_tahun(tahun, int(th[-1]), "kemiskinan"),
    )


@bergaya
def grafik_kemiskinan(km: pd.DataFrame) -> Gambar:
    """Gambar indikator kemiskinan per tahun dari :func:`data_kemiskinan` (grafik yang hilang di dokumen sumber).

    >>> g = grafik_kemiskinan(data_kemiskinan(2025))
    >>> g.judul, g.label
    ('Persentase Penduduk Miskin Kabupaten Seruyan Tahun 2022–2024', 'kemiskinan')
    """
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
    tata_letak_ketat(fig)  # margin tight_layout, dihitung sekali saat digambar
    judul = kelompok[0][0].split(" (")[0] if len(kelompok) == 1 else "Indikator Kemiskinan"
    return Gambar(fig, label="kemiskinan", judul=f"{judul} {_daerah()} Tahun {_rentang(sorted(km['tahun'].unique()))}",
                  sumber="@tabel:kemiskinan")


def kalimat_kemiskinan(km: pd.DataFrame) -> Kalimat:
    """Paragraf arah dan besar perubahan kemiskinan dari :func:`data_kemiskinan` (pengganti "Dari grafik dapat dilihat ...").

    >>> kalimat_kemiskinan(data_kemiskinan(2025))
    '@gambar:kemiskinan menunjukkan bahwa Persentase Penduduk Miskin (P0) Kabupaten Seruyan pada tahun 2024 mengalami penurunan dibandingkan tahun 2023, yaitu turun 0,04 poin persen dari 7,12 % pada tahun 2023 menjadi 7,08 % pada tahun 2024. Selama tahun 2022–2024 angka tersebut turun 0,35 poin persen dari 7,43 % pada tahun 2022.'
    """
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
                f"{'@gambar:kemiskinan menunjukkan bahwa ' if not kalimat else ''}{ind} {_daerah()} pada tahun {th[-1]} mengalami "
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


def rencana_aksi() -> pd.DataFrame:
    """Frame Rencana Aksi Pengentasan Kemiskinan (baris yang terbaca), urut dokumen; anggaran dan realisasi dalam rupiah.

    >>> ra = rencana_aksi()
    >>> fmt.rupiah(ra["anggaran"].sum()), fmt.rupiah(ra["realisasi_anggaran"].sum())
    ('Rp 567.515.600', 'Rp 28.033.400')
    """
    return data.muat("rencana_aksi").sort_values("urutan").reset_index(drop=True)


def tabel_rencana_aksi(ra: pd.DataFrame) -> Tabel:
    """Tabel Rencana Aksi Pengentasan Kemiskinan dari frame :func:`rencana_aksi`, lebar.

    Baris Jumlah anggaran: angka resmi (:func:`analisis.core.resmi.nilai`,
    temuan ``JUMLAH-RENCANA-AKSI-ANGGARAN``): tercetak 959.413.100, yang
    mencakup baris yang tidak tercetak di sumber; lima baris yang ada
    berjumlah 567.515.600 (dicatat di edisi reviu).

    >>> t = tabel_rencana_aksi(rencana_aksi())
    >>> t.lebar, [fmt.rupiah(v) for v in t.df.iloc[-1][["anggaran", "realisasi_anggaran"]]]
    (True, ['Rp 959.413.100', 'Rp 28.033.400'])
    """
    df = pd.DataFrame({
        "no": [str(int(v)) for v in ra["urutan"]],
        "permasalahan": ra["permasalahan"].tolist(), "sasaran": ra["sasaran"].tolist(),
        "indikator": [[i, f"Target: {t}"] for i, t in zip(ra["indikator"], ra["target"])],
        "rencana_aksi": ra["rencana_aksi"].tolist(), "uraian_kegiatan": ra["uraian_kegiatan"].tolist(),
        "output": [[t, f"({i})"] for t, i in zip(ra["target_output"], ra["indikator_output"])],
        "tw": [[f"TW {n}: {r[c]}" for n, c in (("I", "tw1"), ("II", "tw2"), ("III", "tw3"), ("IV", "tw4"))]
               + [f"Jumlah: {r['jumlah_target']}"] for _, r in ra.iterrows()],
        "anggaran": ra["anggaran"].astype(float),
        "realisasi_kegiatan": ["" if pd.isna(v) else v for v in ra["realisasi_kegiatan"]],
        "realisasi_anggaran": ra["realisasi_anggaran"].astype(float),
        "persen": [rumus.persentase(r, a) for r, a in zip(ra["realisasi_anggaran"], ra["anggaran"])],
        "pelaksana": ra["pelaksana"].tolist(), "kelas": "",
    })
    anggaran = resmi.nilai("JUMLAH-RENCANA-AKSI-ANGGARAN", float(ra["anggaran"].sum()))
    realisasi = float(ra["realisasi_anggaran"].sum())
    jumlah = {k: "" for k in df.columns} | {
        "permasalahan": "Jumlah", "anggaran": float(anggaran.nilai), "realisasi_anggaran": realisasi,
        "persen": rumus.persentase(realisasi, float(anggaran.nilai)), "kelas": "jumlah",
    }
    df = pd.concat([df, pd.DataFrame([jumlah])], ignore_index=True)
    # catatan tentang bagian tabel yang tidak tercetak di sumber: hanya untuk pemeriksa (edisi reviu)
    catatan_reviu = [
        "Judul, kepala kolom dan baris-baris awal tabel ini hilang pada dokumen sumber; yang disajikan adalah baris yang "
        "terbaca, dengan kepala kolom yang disusun ulang menurut isinya. Kolom kesesuaian, tautan bukti dukung dan "
        "instansi tidak ditampilkan.",
        f"Jumlah {fmt.terbilang(len(ra))} baris yang terbaca: {fmt.rupiah(float(ra['anggaran'].sum()))}; "
        "baris Jumlah mengikuti keputusan register (mencakup baris-baris yang hilang).",
    ]
    return Tabel(
        df, label="rencana-aksi", judul="Rencana Aksi Pengentasan Kemiskinan", catatan_reviu=catatan_reviu,
        temuan={(len(df) - 1, "anggaran"): anggaran},
        kolom=[Kol("no", "No", rata="tengah"), Kol("permasalahan", "Permasalahan"), Kol("sasaran", "Sasaran"),
               KolBaris("indikator", "Indikator dan Target"), Kol("rencana_aksi", "Rencana Aksi"),
               Kol("uraian_kegiatan", "Uraian Kegiatan"), KolBaris("output", "Target Output (Indikator Output)"),
               KolBaris("tw", "Target per Triwulan", utuh=True), Kol("anggaran", "Anggaran", "rupiah"),
               Kol("realisasi_kegiatan", "Realisasi Kegiatan"), Kol("realisasi_anggaran", "Realisasi Anggaran", "rupiah"),
               Kol("persen", "% Realisasi Anggaran", "persen"), Kol("pelaksana", "Pelaksana")],
        baris_kelas="kelas", lebar=True,
    )


# ----------------------------------------------------------------------------
# 2.3.4 SPM


def realisasi_spm(tahun: int) -> tuple[int | None, pd.DataFrame]:
    """(tahun data, frame) realisasi SPM Bidang Sosial terakhir ≤ ``tahun``.

    >>> th, df = realisasi_spm(2026)
    >>> th, df["penerima"].tolist()
    (2024, [60, 18, 10, 7, 164])
    """
    spm = data.muat("spm_realisasi")
    th = pilih_tahun(spm["tahun"], tahun)
    return th, spm[spm["tahun"] == th].sort_values("no").reset_index(drop=True)


def kalimat_spm(th: int | None, tahun: int) -> Kalimat:
    """Pernyataan ketersediaan data realisasi SPM untuk tahun dokumen ``tahun``; ``th``: tahun data dari :func:`realisasi_spm`.

    >>> kalimat_spm(realisasi_spm(2024)[0], 2024)
    'Realisasi SPM Bidang Sosial tahun 2024 disajikan pada @tabel:realisasi-spm.'
    >>> kalimat_spm(realisasi_spm(2026)[0], 2026)
    'Data realisasi SPM tahun 2026 belum tersedia. @tabel:realisasi-spm menyajikan realisasi tahun 2024, data terakhir yang tersedia.'
    """
    if th is None:
        return Kalimat(f"Data realisasi SPM tahun {tahun} belum tersedia.")
    if th == tahun:
        return Kalimat(f"Realisasi SPM Bidang Sosial tahun {tahun} disajikan pada @tabel:realisasi-spm.")
    if th < tahun:
        return Kalimat(f"Data realisasi SPM tahun {tahun} belum tersedia. @tabel:realisasi-spm menyajikan realisasi tahun {th}, "
                       "data terakhir yang tersedia.")
    return Kalimat(f"Data realisasi SPM tahun {tahun} tidak tersedia. @tabel:realisasi-spm menyajikan realisasi tahun {th}, "
                   "data paling awal yang tersedia.")


def pita_spm(tahun: int, periode: str | None = None) -> tuple[Pita, ...]:
    """Pita kategori SPM yang berlaku untuk dokumen ``tahun`` (parameter ``aturan.spm``, selain itu bawaan).

    >>> pita_spm(2025)[0].label
    'Tuntas Paripurna'
    """
    try:
        return muat_parameter(tahun, periode).tabel_aturan()["spm"]
    except KesalahanParameter:
        return PITA_SPM


def tabel_spm(spm: pd.DataFrame, pita: tuple[Pita, ...]) -> Tabel:
    """Tabel Realisasi SPM Bidang Sosial dari frame :func:`realisasi_spm`, Kategori dihitung dari realisasi (tanpa komponen mutu).

    Kategori = :func:`analisis.core.rumus.kategori_spm` atas persentase realisasi
    capaian yang diperlakukan sebagai komponen penerima layanan; komponen mutu
    (20 %, Permendagri 59/2021) tidak tersedia di data.

    >>> t = tabel_spm(realisasi_spm(2025)[1], pita_spm(2025))
    >>> t.judul, t.df["kategori"].tolist()
    ('Realisasi SPM Bidang Sosial Tahun 2024', ['Tuntas Pratama', 'Tuntas Paripurna', 'Tuntas Paripurna', 'Tuntas Paripurna', 'Tuntas Paripurna'])
    """
    th = int(spm["tahun"].iloc[0])
    df = spm.drop(columns=[k for k in ("_baris",) if k in spm.columns]).reset_index(drop=True)
    kategori = [resmi.nilai(f"KATEGORI-SPM-{th}-{int(no)}", rumus.kategori_spm(v, pita))
                for no, v in zip(df["no"], df["realisasi"])]
    df = df.assign(kategori=[k.nilai for k in kategori])
    catatan = [f"Pita kategori yang dipakai: {uraian_pita(pita, 'batas', ' %')}."]
    catatan_reviu = [
        "Kategori dihitung dari persentase realisasi capaian, yang diperlakukan sebagai komponen penerima layanan dasar. "
        "Komponen mutu minimal layanan (bobot 20 %) tidak tersedia dalam data, sehingga indeks SPM penuh menurut "
        f"{SUMBER_ATURAN['spm']} tidak dapat dihitung; kategori yang tercetak berbeda ditampilkan menurut keputusan register.",
    ]
    return Tabel(
        df, label="realisasi-spm", judul=f"Realisasi SPM Bidang Sosial Tahun {th}",
        kolom=[Kol("no", "No", lambda v: f"{int(v)}.", rata="tengah"), Kol("jenis_pelayanan", "Jenis Pelayanan Dasar"),
               Kol("indikator", "Indikator Pencapaian"), Kol("penerima", "Jumlah Penerima Layanan", "angka"),
               Kol("target_nspk", "Target NSPK", "persen0"), Kol("realisasi", "Realisasi Capaian", "persen0"),
               Kol("kategori", "Kategori")],
        catatan=catatan, catatan_reviu=catatan_reviu, temuan={(i, "kategori"): k for i, k in enumerate(kategori)},
    )


@bergaya
def grafik_spm(spm: pd.DataFrame) -> Gambar:
    """Gambar target NSPK dan realisasi capaian SPM per pelayanan dasar dari :func:`realisasi_spm` (batang berpasangan).

    >>> grafik_spm(realisasi_spm(2025)[1]).judul
    'Target NSPK dan Realisasi Capaian SPM Bidang Sosial Tahun 2024'
    """
    from matplotlib.patches import Patch

    th = int(spm["tahun"].iloc[0])
    n = len(spm)
    fig, ax = subplots(figsize=(6.4, 0.62 * n + 1.0))
    tinggi = 0.36
    for i, r in enumerate(spm.itertuples()):
        for dy, v, w in ((-tinggi / 2, float(r.target_nspk), WARNA["abu"]), (tinggi / 2, float(r.realisasi), WARNA["utama"])):
            ax.barh(i + dy, v, height=tinggi, color=w)
            ax.text(v + 1.5, i + dy, fmt.persen(v, 0), va="center", fontsize=8)
    ax.set_yticks(range(n), [_bungkus(f"{int(r.no)}. {r.jenis_pelayanan}", 38) for r in spm.itertuples()], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 118)
    sumbu_persen(ax, "x")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(handles=[Patch(color=WARNA["abu"], label="Target NSPK"), Patch(color=WARNA["utama"], label="Realisasi")],
              loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8, frameon=False)
    tata_letak_ketat(fig)  # margin tight_layout, dihitung sekali saat digambar
    return Gambar(fig, label="realisasi-spm", judul=f"Target NSPK dan Realisasi Capaian SPM Bidang Sosial Tahun {th}",
                  sumber="@tabel:realisasi-spm")


def permasalahan_spm(tahun: int) -> pd.DataFrame:
    """Frame permasalahan dan kendala penerapan SPM tahun data terakhir ≤ ``tahun``, urut nomor (kosong bila tidak ada).

    >>> len(permasalahan_spm(2026)), len(permasalahan_spm(2020))
    (6, 0)
    """
    semua = data.muat("spm_permasalahan")
    th = pilih_tahun(semua["tahun"], tahun)
    return semua[semua["tahun"] == th].sort_values("no").reset_index(drop=True)


def daftar_permasalahan_spm(permasalahan: pd.DataFrame, tahun: int) -> HTML:
    """Daftar bernomor permasalahan penerapan SPM dari frame :func:`permasalahan_spm`.

    Kalimat pengantarnya: ``pengantar("spm_permasalahan_pengantar", tahun)``.

    >>> daftar_permasalahan_spm(permasalahan_spm(2026), 2026).data.count("<li>")
    6
    >>> daftar_permasalahan_spm(permasalahan_spm(2020), 2020).data
    '<p>Data permasalahan penerapan SPM tahun 2020 belum tersedia.</p>'
    """
    if permasalahan.empty:
        return HTML(paragraf(f"Data permasalahan penerapan SPM tahun {tahun} belum tersedia."))
    return HTML(daftar(permasalahan.sort_values("no")["teks"].tolist(), bernomor=True))
