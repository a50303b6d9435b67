"""Skema setiap berkas ``data/``, sebagai kode, diperiksa ketika berkas dimuat.

Setiap berkas CSV dibaca sebagai teks, setiap sel dibaca menurut jenis
kolomnya (lihat :mod:`analisis.core.nilai`), lalu diperiksa dengan pandera: jenis,
nilai yang diizinkan, cacah tidak negatif, tahun dalam rentang, kunci unik,
aturan antar kolom (misalnya ``tertangani ≤ terdata``) dan induk setiap simpul
pohon kinerja. Semua pelanggaran dikumpulkan menjadi satu
:class:`~analisis.core.kesalahan.KesalahanData` yang menyebut berkas, baris, kolom,
nilai dan aturan.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
import pandera.pandas as pa

from . import memo
from .kesalahan import KesalahanData, Pelanggaran
from .nilai import adalah_nihil, adalah_tidak_ada, baca_bilangan
from .periode import PERIODE

__all__ = ["Kolom", "AturanBaris", "Skema", "SKEMA", "baca_csv"]

JENIS = ("teks", "cacah", "bulat", "bilangan", "persen", "rupiah", "tahun", "pilihan")
_DTYPE = {
    "teks": "object", "pilihan": "object", "cacah": "Int64", "bulat": "Int64", "tahun": "Int64",
    "bilangan": "Float64", "persen": "Float64", "rupiah": "Float64",
}
TAHUN_MIN, TAHUN_MAKS = 2000, 2100
BATAS_ANGKA = 10**15  #: nilai aset terbesar dokumen ~10^10; di atas ini pasti salah ketik


@dataclass(frozen=True)
class Kolom:
    """Satu kolom berkas data.

    ``nihil``: ejaan ``-`` berarti 0. ``tidak_ada``: ejaan ``tdk ada`` berarti
    kategori tidak ada (nilai kosong, baris ditandai ``ada = False``).
    ``wajib``: sel tidak boleh kosong.
    """

    nama: str
    jenis: str = "teks"
    wajib: bool = True
    nihil: bool = False
    tidak_ada: bool = False
    pilihan: tuple[str, ...] = ()
    minimum: float | None = None
    maksimum: float | None = None

    def __post_init__(self):
        if self.jenis not in JENIS:
            raise ValueError(f"jenis kolom tidak dikenal: {self.jenis}")


@dataclass(frozen=True)
class AturanBaris:
    """Aturan yang melibatkan beberapa kolom atau beberapa baris."""

    pesan: str
    kolom: tuple[str, ...]
    uji: Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Skema:
    berkas: str
    judul: str
    kolom: tuple[Kolom, ...]
    kunci: tuple[str, ...] = ()
    aturan: tuple[AturanBaris, ...] = field(default=())

    @property
    def nama(self) -> str:
        return self.berkas.rsplit(".", 1)[0]

    def kolom_nama(self) -> list[str]:
        return [k.nama for k in self.kolom]

    # -- pandera -------------------------------------------------------------
    def pandera(self) -> pa.DataFrameSchema:
        kolom = {}
        for k in self.kolom:
            cek = []
            if k.jenis == "cacah" or k.jenis == "rupiah":
                cek.append(pa.Check.ge(0, error="tidak boleh negatif"))
            if k.jenis == "tahun":
                cek.append(pa.Check.in_range(TAHUN_MIN, TAHUN_MAKS, error=f"tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}"))
            if k.jenis == "pilihan":
                cek.append(pa.Check.isin(list(k.pilihan), error="harus salah satu dari: " + ", ".join(k.pilihan)))
            if k.minimum is not None:
                cek.append(pa.Check.ge(k.minimum, error=f"harus ≥ {k.minimum:g}"))
            if k.maksimum is not None:
                cek.append(pa.Check.le(k.maksimum, error=f"harus ≤ {k.maksimum:g}"))
            kolom[k.nama] = pa.Column(_DTYPE[k.jenis], checks=cek, nullable=True, coerce=False)
        aturan = [pa.Check(a.uji, error=a.pesan) for a in self.aturan]
        return pa.DataFrameSchema(kolom, checks=aturan, unique=list(self.kunci) or None, strict=False)


# ----------------------------------------------------------------------------
# membaca


def _baca_sel(k: Kolom, teks: str):
    """(nilai, tidak_ada, pesan_kesalahan)"""
    t = teks.strip()
    if t == "":
        if k.wajib:
            return None, False, "sel wajib diisi"
        return None, False, None
    if k.jenis in ("teks", "pilihan"):
        return t, False, None
    if k.tidak_ada and adalah_tidak_ada(t):
        return None, True, None
    if adalah_nihil(t):
        if k.nihil:
            return 0, False, None
        return None, False, "tanda '-' tidak diizinkan di kolom ini (isi angkanya)"
    if k.jenis == "bulat" and t.endswith(".") and t[:-1].isdigit():
        t = t[:-1]  # nomor urut tercetak "1." = 1
    try:
        v = baca_bilangan(t)
    except ValueError as e:
        return None, False, str(e)
    if abs(v) > BATAS_ANGKA:
        return None, False, "angka terlalu besar (lebih dari 10^15)"
    if k.jenis in ("cacah", "bulat", "tahun") and not float(v).is_integer():
        return None, False, "harus bilangan bulat"
    return v, False, None


def _pesan_csv(e: Exception) -> str:
    """Pesan Indonesia untuk galat modul :mod:`csv`.

    >>> _pesan_csv(csv.Error("field larger than field limit (131072)"))
    'CSV rusak: satu sel lebih panjang dari 131.072 karakter (tanda petik yang tidak ditutup?)'
    >>> _pesan_csv(csv.Error("unexpected end of data"))
    'CSV rusak: berkas berakhir di dalam sel bertanda petik (tanda petik tidak ditutup)'
    """
    teks = str(e)
    if "field larger than field limit" in teks:
        return (f"CSV rusak: satu sel lebih panjang dari {csv.field_size_limit():,} karakter "
                "(tanda petik yang tidak ditutup?)").replace(",", ".")
    if "unexpected end of data" in teks or "EOF" in teks:
        return "CSV rusak: berkas berakhir di dalam sel bertanda petik (tanda petik tidak ditutup)"
    if "new-line character seen in unquoted field" in teks:
        return "CSV rusak: baris baru di dalam sel tanpa tanda petik"
    if "line contains NUL" in teks:
        return "CSV rusak: berkas memuat karakter NUL"
    return "CSV rusak: struktur sel tidak dapat dibaca (cek pemisah koma dan tanda petik)"


def baca_csv(jalur: Path, skema: Skema, teks: str | None = None) -> pd.DataFrame:
    """Baca dan validasi satu berkas CSV; kembalikan DataFrame bertipe.

    Kolom ``_baris`` memuat nomor baris berkas (judul = 1). Bila ada kolom
    ``tidak_ada``, kolom ``ada`` (bool) ditambahkan. Semua pelanggaran
    dikumpulkan dan dilemparkan sekaligus sebagai :class:`KesalahanData`.
    """
    nama = f"data/{skema.berkas}"
    if teks is None:
        try:
            mentah = jalur.read_bytes()
        except FileNotFoundError:
            raise KesalahanData([Pelanggaran(nama, None, None, None, "berkas tidak ditemukan")]) from None
        try:
            teks = mentah.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise KesalahanData([Pelanggaran(nama, None, None, None, f"berkas bukan teks UTF-8 (bita ke-{e.start})")]) from None
    if "\x00" in teks:
        raise KesalahanData([Pelanggaran(nama, None, None, None, "berkas memuat karakter NUL (bukan teks CSV)")])
    pembaca = csv.reader(io.StringIO(teks, newline=""))
    try:
        judul = next(pembaca)
    except StopIteration:
        raise KesalahanData([Pelanggaran(nama, None, None, None, "berkas kosong (tidak ada baris judul kolom)")]) from None
    except csv.Error as e:
        raise KesalahanData([Pelanggaran(nama, 1, None, None, _pesan_csv(e))]) from None
    judul = [j.strip() for j in judul]
    salah: list[Pelanggaran] = []
    harap = skema.kolom_nama()
    for k in harap:
        if k not in judul:
            salah.append(Pelanggaran(nama, 1, k, None, "kolom wajib tidak ada di baris judul"))
    for j in judul:
        if j not in harap:
            salah.append(Pelanggaran(nama, 1, j, None, "kolom tidak dikenal (salah ketik atau kolom yang diganti nama?)"))
    if len(set(judul)) != len(judul):
        salah.append(Pelanggaran(nama, 1, None, None, "nama kolom ganda di baris judul"))
    if salah:
        raise KesalahanData(salah)

    baris_data: list[dict] = []
    try:
        for rekaman in pembaca:
            nomor = pembaca.line_num
            if not any(s.strip() for s in rekaman):
                continue  # baris kosong diabaikan
            if len(rekaman) != len(judul):
                salah.append(Pelanggaran(nama, nomor, None, None, f"jumlah sel {len(rekaman)}, seharusnya {len(judul)} (cek pemisah koma dan tanda petik)"))
                continue
            sel = dict(zip(judul, rekaman))
            hasil = {"_baris": nomor}
            ada = True
            for k in skema.kolom:
                v, tidak_ada, pesan = _baca_sel(k, sel[k.nama])
                if pesan:
                    salah.append(Pelanggaran(nama, nomor, k.nama, sel[k.nama], pesan))
                ada = ada and not tidak_ada
                hasil[k.nama] = v
            hasil["ada"] = ada
            baris_data.append(hasil)
    except csv.Error as e:
        salah.append(Pelanggaran(nama, pembaca.line_num, None, None, _pesan_csv(e)))
    if salah:
        raise KesalahanData(salah)

    df = pd.DataFrame(baris_data, columns=["_baris", *harap, "ada"])
    for k in skema.kolom:
        if _DTYPE[k.jenis] == "object":
            df[k.nama] = df[k.nama].astype(object)
        else:
            df[k.nama] = pd.array(df[k.nama].tolist(), dtype=_DTYPE[k.jenis])
    df["_baris"] = df["_baris"].astype(int)
    df["ada"] = df["ada"].astype(bool)
    if not any(k.tidak_ada for k in skema.kolom):
        df = df.drop(columns="ada")
    _validasi_sekali(df, skema, nama, teks)
    return df.reset_index(drop=True)


_SIDIK_SKEMA: dict[int, str] = {}


def _sidik_skema(skema: Skema) -> str:
    """Sidik skema: definisinya dan isi modul yang membangun dan mengujinya (:func:`analisis.core.memo.sidik_modul`)."""
    sidik = _SIDIK_SKEMA.get(id(skema))
    if sidik is None:
        import hashlib

        modul = {__name__, _baca_sel.__module__, baca_bilangan.__module__, "analisis.core.periode"}
        modul |= {a.uji.__module__ for a in skema.aturan}
        h = hashlib.sha256(f"{skema.berkas} {skema.kolom} {skema.kunci}".encode())
        for a in skema.aturan:
            h.update(f"{a.pesan} {a.kolom} {a.uji.__qualname__}".encode())
        h.update(memo.sidik_modul(*modul).encode())
        sidik = _SIDIK_SKEMA[id(skema)] = h.hexdigest()
    return sidik


def _validasi_sekali(df: pd.DataFrame, skema: Skema, nama: str, teks: str) -> None:
    """Validasi pandera, dilewati bila isi ``teks`` yang sama persis sudah lolos dengan skema yang sama.

    Hanya bila lapisan disk :mod:`analisis.core.memo` hidup (``$IKU_MEMO``,
    disetel ``iku render``/``iku pratinjau``): penanda disimpan dengan kunci
    SHA-256 isi berkas dan sidik skema (:func:`_sidik_skema`; versi Python,
    pandas dan pandera ikut kunci memo), dan dibuat hanya setelah validasi lolos.
    Validasi tidak mengubah ``df``, jadi hasil :func:`baca_csv` sama dengan
    atau tanpa penanda; isi yang gagal selalu divalidasi ulang dan pesannya sama.
    """
    if memo.folder() is None:
        _validasi_pandera(df, skema, nama)
        return
    import hashlib

    kunci = "validasi\0" + _sidik_skema(skema) + "\0" + hashlib.sha256(teks.encode("utf-8", "surrogatepass")).hexdigest()
    if memo.ambil(kunci) is True:
        return
    _validasi_pandera(df, skema, nama)
    memo.simpan(kunci, True)  # gagal disimpan: validasi berikutnya berjalan lagi


def _validasi_pandera(df: pd.DataFrame, skema: Skema, nama: str) -> None:
    try:
        skema.pandera().validate(df, lazy=True)
    except pa.errors.SchemaErrors as e:
        fc = e.failure_cases
        salah, terlihat = [], set()
        pesan_aturan = {a.pesan: a.kolom for a in skema.aturan}
        for _, r in fc.iterrows():
            idx = r["index"]
            baris = int(df.loc[idx, "_baris"]) if idx is not None and not pd.isna(idx) and idx in df.index else None
            cek = str(r["check"])
            kolom = r["column"]
            if cek in pesan_aturan:
                kunci = (cek, baris)
                if kunci in terlihat:
                    continue
                terlihat.add(kunci)
                kol = pesan_aturan[cek]
                nilai = ", ".join(f"{c}={df.loc[idx, c]}" for c in kol) if baris is not None else None
                salah.append(Pelanggaran(nama, baris, ", ".join(kol), nilai, cek))
            elif "uniqueness" in cek:
                kunci = ("unik", baris)
                if kunci in terlihat:
                    continue
                terlihat.add(kunci)
                nilai = ", ".join(str(df.loc[idx, c]) for c in skema.kunci) if baris is not None else None
                salah.append(Pelanggaran(nama, baris, ", ".join(skema.kunci), nilai, "kunci ganda: kombinasi kolom ini harus unik"))
            elif cek.startswith("dtype"):
                salah.append(Pelanggaran(nama, None, kolom, None, f"jenis data kolom salah ({cek})"))
            else:
                salah.append(Pelanggaran(nama, baris, kolom, r["failure_case"], cek))
        raise KesalahanData(salah) from None


# ----------------------------------------------------------------------------
# aturan bersama


def _tertangani_le_terdata(df: pd.DataFrame) -> pd.Series:
    return df["tertangani"].isna() | df["terdata"].isna() | (df["tertangani"] <= df["terdata"])


def _induk_ada(df: pd.DataFrame) -> pd.Series:
    ids = set(df["id"])
    return df["induk"].isna() | df["induk"].isin(ids)


def _satu_akar(df: pd.DataFrame) -> pd.Series:
    akar = df["induk"].isna()
    return ~akar | (akar.sum() == 1)


def _level_induk(df: pd.DataFrame) -> pd.Series:
    level = dict(zip(df["id"], df["level"]))
    induk_level = df["induk"].map(lambda i: level.get(i) if isinstance(i, str) else None)
    return df["induk"].isna() | induk_level.isna() | (df["level"] == induk_level.astype("Float64") + 1)


def _akar_level_nol(df: pd.DataFrame) -> pd.Series:
    return df["induk"].notna() | (df["level"] == 0)


KODE_INDIKATOR = r"^(IKU|IKK)-\d{2}$"


def _kode_sah(kolom: str) -> AturanBaris:
    return AturanBaris(
        f"kode indikator harus berbentuk IKU-01 atau IKK-01",
        (kolom,),
        lambda df: df[kolom].isna() | df[kolom].astype(str).str.match(KODE_INDIKATOR),
    )


def _tanggal_sah(kolom: str) -> Callable[[pd.DataFrame], pd.Series]:
    def uji(df: pd.DataFrame) -> pd.Series:
        def sah(v) -> bool:
            try:
                _dt.date.fromisoformat(str(v))
                return True
            except ValueError:
                return False
        return df[kolom].isna() | df[kolom].map(sah)
    return uji


T = Kolom  # singkatan untuk tabel di bawah

SKEMA: dict[str, Skema] = {
    s.nama: s
    for s in [
        Skema("dasar_hukum.csv", "Dasar hukum (BAB I B)", (T("no", "bulat"), T("teks")), ("no",)),
        Skema(
            "asn_jabatan.csv", "Tabel 2.2 Data existing pegawai ASN",
            (T("urutan", "bulat"), T("no", "bulat", wajib=False),
             T("unit", "pilihan", pilihan=("kepala_dinas", "fungsional", "sekretariat", "subbag_program", "subbag_umum", "linjamsos", "resos", "dayasos", "bencana")),
             T("nama_jabatan"), T("pns", "cacah", nihil=True), T("honorer", "cacah", nihil=True), T("kelas_jabatan", "bulat", minimum=1, maksimum=17)),
            ("urutan",),
        ),
        Skema(
            "asn_rincian.csv", "Rincian PNS menurut eselon, golongan, pendidikan, jenis kelamin (2.2.1)",
            (T("dimensi", "pilihan", pilihan=("eselon", "golongan", "pendidikan", "jenis_kelamin")), T("kategori"), T("jumlah", "cacah")),
            ("dimensi", "kategori"),
        ),
        Skema(
            "sdm_kesos.csv", "Tabel 2.3 Data SDM Kesejahteraan Sosial",
            (T("tahun", "tahun"), T("kelompok_no"), T("kelompok"), T("no", "bulat"), T("jenis"), T("jumlah", "cacah")),
            ("tahun", "kelompok_no", "no"),
        ),
        Skema(
            "aset.csv", "Tabel 2.4 Sarana prasarana (nilai aset tetap)",
            (T("tahun", "tahun"), T("kelompok_no", "bulat"), T("kelompok"), T("klasifikasi"), T("nilai", "rupiah")),
            ("tahun", "kelompok_no", "klasifikasi"),
        ),
        Skema(
            "ppks_pas.csv", "Tabel 2.5 12 PAS (Pemerlu Atensi Sosial)",
            (T("tahun", "tahun"), T("periode", "pilihan", pilihan=PERIODE), T("pas_no", "bulat", minimum=1), T("pas"), T("jenis"),
             T("terdata", "cacah", tidak_ada=True), T("tertangani", "cacah", tidak_ada=True), T("bidang")),
            ("tahun", "periode", "pas_no", "jenis"),
            (AturanBaris("tertangani tidak boleh melebihi terdata", ("terdata", "tertangani"), _tertangani_le_terdata),),
        ),
        Skema(
            "ppks_rekap.csv", "Jumlah PPKS tahunan tanpa rincian PAS (narasi 2.4)",
            (T("tahun", "tahun"), T("periode", "pilihan", pilihan=PERIODE), T("terdata", "cacah"), T("tertangani", "cacah", wajib=False), T("sumber")),
            ("tahun", "periode"),
            (AturanBaris("tertangani tidak boleh melebihi terdata", ("terdata", "tertangani"), _tertangani_le_terdata),),
        ),
        Skema(
            "psks.csv", "Tabel 2.6 Potensi dan Sumber Kesejahteraan Sosial",
            (T("tahun", "tahun"), T("no", "bulat"), T("jenis"), T("jumlah", "cacah"), T("bersertifikat", "cacah", wajib=False), T("sumber_data", wajib=False)),
            ("tahun", "no"),
            (AturanBaris("bersertifikat tidak boleh melebihi jumlah", ("jumlah", "bersertifikat"),
                         lambda df: df["bersertifikat"].isna() | (df["bersertifikat"] <= df["jumlah"])),),
        ),
        Skema("lks.csv", "Tabel 2.7 Jumlah Lembaga Kesejahteraan Sosial", (T("tahun", "tahun"), T("jumlah", "cacah")), ("tahun",)),
        Skema(
            "lks_daftar.csv", "Daftar LKS terdaftar (2.3.2)",
            (T("tahun", "tahun"), T("no", "bulat"), T("nama"), T("jenis", "pilihan", pilihan=("LKS", "LKSA"))),
            ("tahun", "no"),
        ),
        Skema(
            "kemiskinan.csv", "Tabel 2.8 Data kemiskinan",
            (T("indikator"), T("satuan"), T("tahun", "tahun"), T("nilai", "bilangan", minimum=0, maksimum=100)),
            ("indikator", "tahun"),
        ),
        Skema(
            "rencana_aksi.csv", "Rencana aksi pengentasan kemiskinan (2.3.3, baris yang tersisa)",
            (T("urutan", "bulat"), T("permasalahan"), T("sasaran"), T("indikator"), T("target"), T("rencana_aksi"), T("uraian_kegiatan"),
             T("target_output"), T("indikator_output"), T("tw1"), T("tw2"), T("tw3"), T("tw4"), T("jumlah_target"), T("sesuai", wajib=False),
             T("anggaran", "rupiah"), T("realisasi_kegiatan", wajib=False), T("realisasi_anggaran", "rupiah", wajib=False),
             T("tautan_bukti", wajib=False), T("pelaksana"), T("instansi")),
            ("urutan",),
            (AturanBaris("realisasi anggaran tidak boleh melebihi anggaran", ("anggaran", "realisasi_anggaran"),
                         lambda df: df["realisasi_anggaran"].isna() | (df["realisasi_anggaran"] <= df["anggaran"])),),
        ),
        Skema(
            "spm_realisasi.csv", "Tabel 2.10 Realisasi SPM bidang sosial",
            (T("tahun", "tahun"), T("no", "bulat"), T("jenis_pelayanan"), T("indikator"), T("penerima", "cacah"),
             T("target_nspk", "persen", minimum=0), T("realisasi", "persen", minimum=0, maksimum=100)),
            ("tahun", "no"),
        ),
        Skema("spm_permasalahan.csv", "Permasalahan dan kendala penerapan SPM", (T("tahun", "tahun"), T("no", "bulat"), T("teks")), ("tahun", "no")),
        Skema(
            "spm_mutu.csv", "Mutu minimal layanan dasar SPM (komponen mutu indeks SPM, Permendagri 59/2021)",
            (T("tahun", "tahun"), T("no", "bulat"), T("mutu", "persen", minimum=0, maksimum=100)),
            ("tahun", "no"),
        ),
        Skema(
            "spm_layanan.csv", "Tabel 4.3 Jenis pelayanan dasar SPM",
            (T("no", "bulat"), T("jenis_pelayanan"), T("indikator"), T("kode_ikk")),
            ("no",), (_kode_sah("kode_ikk"),),
        ),
        Skema(
            "spm_target.csv", "Tabel 4.3 Target SPM",
            (T("no", "bulat"), T("tahun", "tahun"), T("target_penerima", "cacah"), T("target_nspk", "persen", minimum=0)),
            ("no", "tahun"),
        ),
        Skema(
            "indikator.csv", "Tabel 4.1 dan 4.2 Indikator (IKU dan IKK)",
            (T("kode"), T("jenis", "pilihan", pilihan=("IKU", "IKK")), T("no", "bulat"), T("nama"), T("satuan"),
             T("polaritas", "pilihan", pilihan=("positif", "negatif")), T("tujuan", wajib=False), T("indikator_tujuan", wajib=False),
             T("sasaran", wajib=False), T("sumber_data", wajib=False), T("penanggung_jawab", wajib=False), T("keterangan", wajib=False),
             T("realisasi_dari", "pilihan", pilihan=("ppks_tertangani", "penurunan_ppks", "rasio_ppks", "nilai_sakip", "spm_penerima", "isian")),
             T("rumus", "pilihan", pilihan=("persentase", "rasio", "penurunan", "skor", "cacah")),
             T("pembilang", wajib=False), T("penyebut", wajib=False), T("urusan", wajib=False)),
            ("kode",),
            (_kode_sah("kode"), AturanBaris("awalan kode harus sama dengan jenis", ("kode", "jenis"), lambda df: df["kode"].str[:3] == df["jenis"]),
             AturanBaris("rumus persentase, rasio dan penurunan harus menyebut pembilang dan penyebut (dari Definisi Operasional)",
                         ("rumus", "pembilang", "penyebut"),
                         lambda df: ~df["rumus"].isin(("persentase", "rasio", "penurunan")) | (df["pembilang"].notna() & df["penyebut"].notna()))),
        ),
        Skema(
            "target.csv", "Target indikator per tahun (Tabel 4.1, 4.2, 2.11)",
            (T("kode"), T("tahun", "tahun"), T("target", "bilangan", wajib=False), T("target_predikat", "pilihan", wajib=False, pilihan=("AA", "A", "BB", "B", "CC", "C", "D")), T("sumber")),
            ("kode", "tahun"),
            (_kode_sah("kode"), AturanBaris("target atau target_predikat harus diisi", ("target", "target_predikat"),
                                            lambda df: df["target"].notna() | df["target_predikat"].notna())),
        ),
        Skema(
            "realisasi.csv", "Realisasi indikator yang diisi bidang (realisasi_dari = isian)",
            (T("kode"), T("tahun", "tahun"), T("periode", "pilihan", pilihan=PERIODE), T("realisasi", "bilangan", minimum=0), T("sumber", wajib=False),
             T("pembilang", "bilangan", wajib=False, minimum=0), T("penyebut", "bilangan", wajib=False, minimum=0)),
            ("kode", "tahun", "periode"), (_kode_sah("kode"),),
        ),
        Skema(
            "definisi_operasional.csv", "Tabel 4.4 dan 4.5 Definisi Operasional",
            (T("kode"), T("nama_tercetak"), T("definisi"), T("rumus"), T("keterangan", wajib=False), T("penanggung_jawab", wajib=False)),
            ("kode",), (_kode_sah("kode"),),
        ),
        Skema(
            "sakip.csv", "Nilai hasil evaluasi SAKIP",
            (T("tahun", "tahun"), T("periode", "pilihan", pilihan=PERIODE), T("nilai", "bilangan", minimum=0, maksimum=100), T("sumber")),
            ("tahun", "periode"),
        ),
        Skema(
            "pohon_kinerja.csv", "Pohon kinerja (Form Indikator level 0–5)",
            (T("id"), T("induk", wajib=False), T("level", "bulat", minimum=0, maksimum=5),
             T("jenis", "pilihan", pilihan=("ultimate_outcome", "intermediate_outcome", "immediate_outcome", "output")), T("uraian"), T("indikator")),
            ("id",),
            (AturanBaris("induk tidak ditemukan di kolom id", ("induk",), _induk_ada),
             AturanBaris("pohon harus memiliki tepat satu akar (induk kosong)", ("induk",), _satu_akar),
             AturanBaris("akar pohon harus level 0", ("induk", "level"), _akar_level_nol),
             AturanBaris("level harus satu tingkat di bawah level induknya", ("induk", "level"), _level_induk)),
        ),
        Skema("pohon_faktor_penyebab.csv", "Pohon kinerja tahap I: faktor penyebab", (T("no", "bulat"), T("faktor_penyebab")), ("no",)),
        Skema(
            "dicetak.csv", "Angka tercetak (jumlah, persen, predikat, kategori, angka narasi)",
            (T("id"), T("tabel"), T("lokasi"), T("tahun", "tahun", wajib=False), T("periode", wajib=False), T("besaran"), T("baris", wajib=False), T("nilai_tercetak")),
            ("id",),
        ),
        Skema(
            "keputusan_temuan.csv", "Register keputusan atas temuan pemeriksaan (angka yang ditampilkan dokumen)",
            (T("kode"), T("tampil", "pilihan", pilihan=("tercetak", "dihitung", "nilai")), T("nilai", wajib=False),
             T("alasan"), T("diputuskan_oleh"), T("tanggal")),
            ("kode",),
            (AturanBaris("tanggal harus berbentuk YYYY-MM-DD dan ada di kalender", ("tanggal",), _tanggal_sah("tanggal")),
             AturanBaris("tampil 'nilai' harus mengisi kolom nilai", ("tampil", "nilai"),
                         lambda df: (df["tampil"] != "nilai") | df["nilai"].notna())),
        ),
    ]
}

from . import cascading as _cascading  # noqa: E402,F401  skema data/cascading.csv (mendaftarkan dirinya di SKEMA)

from ._berkas_data import BERKAS_CSV as _BERKAS_CSV  # noqa: E402

if {s.berkas for s in SKEMA.values()} != set(_BERKAS_CSV):  # pragma: no cover - dijaga saat impor
    raise RuntimeError("analisis.core._berkas_data.BERKAS_CSV tidak sama dengan berkas skema: "
                       f"{sorted({s.berkas for s in SKEMA.values()} ^ set(_BERKAS_CSV))}")
