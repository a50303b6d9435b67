"""Impor buku kerja realisasi (.xlsx) ke ``data/``: tervalidasi, dengan pratinjau, semua atau tidak sama sekali.

Buku kerja dibuat oleh :func:`analisis.input.xlsx.buat_templat` dan diisi bidang.
Alurnya:

1. Setiap lembar isian dibaca menurut deskripsinya (:data:`analisis.input.xlsx.LEMBAR`):
   lembar yang hilang, judul kolom yang diganti nama, dan sel berumus tanpa
   nilai ditolak.
2. Baris yang diisi diubah menjadi teks CSV lalu divalidasi dengan **jalur yang
   sama** dengan berkas ``data/`` (:func:`analisis.core.skema.baca_csv` dengan skema
   :data:`analisis.core.skema.SKEMA`); setiap pelanggaran dipetakan kembali ke
   lembar, baris, kolom Excel, nilai dan aturannya.
3. Isian dibandingkan dengan data saat ini per berkas: baris ditambah, diubah
   (dengan nilai lama → baru) dan tetap. Baris yang kuncinya sudah ada diganti
   nilainya; baris lain dibiarkan.
4. Seluruh data baru (salinan ``data/`` dengan berkas yang berubah) divalidasi
   dengan :func:`analisis.core.data.periksa_semua`, termasuk aturan antar berkas.
5. Baru kemudian setiap berkas baru ditulis ke berkas sementara di ``data/``
   lalu dipindahkan dengan :func:`os.replace` (atomik per berkas); bila satu
   penggantian gagal, berkas yang sudah diganti dikembalikan.

Bila ada satu pelanggaran saja, tidak ada berkas yang ditulis. Mengimpor buku
kerja yang sama dua kali tidak mengubah apa pun pada kali kedua (nilai yang sama
dianggap tetap, berkas tidak ditulis ulang).

Examples
--------
>>> teks_sel(40241, "cacah"), teks_sel(95.76, "bilangan"), teks_sel(80, "persen"), teks_sel(1.5, "cacah")
('40.241', '95,76', '80 %', '1,5')
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import json
import os
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd

from ..core import data
from ..core.kesalahan import KesalahanData, Pelanggaran, pesan_os
from ..core.parameter import PERIODE
from ..core.paths import folder_data
from ..core.skema import SKEMA, Kolom, Skema, baca_csv
from .xlsx import (BARIS_DATA, BARIS_JUDUL_KOLOM, JENIS_TEMPLAT, LEMBAR_META, VERSI, Lembar, judul_kolom,
                   kunci_baris, label_periode, lembar_untuk, nilai_polos)

__all__ = [
    "skema_data", "muat_data", "teks_sel",
    "PerubahanData", "HasilImpor", "rencanakan", "terapkan", "impor", "pulihkan", "FAKTOR_LONJAKAN",
]

#: Nilai yang lebih dari sekian kali lipat (atau kurang dari 1/sekian) nilai periode lalu
#: ditolak kecuali dikonfirmasi dengan ``--terima-lonjakan`` (salah ketik pemisah ribuan, persen, dsb.).
FAKTOR_LONJAKAN = 10

# ----------------------------------------------------------------------------
# skema yang belum ada di analisis.core.skema

#: Skema ``data/spm_mutu.csv`` — **SEMENTARA, pindahkan ke analisis/skema.py**
#: (``SKEMA``). Komponen mutu indeks SPM (Permendagri 59/2021: indeks = 80 %
#: penerima layanan + 20 % mutu minimal barang/jasa dan SDM), persen 0–100 per
#: jenis layanan dasar (``no`` = nomor di ``spm_layanan.csv``) per tahun.
def skema_data(nama: str) -> Skema:
    """Skema berkas ``data/<nama>.csv`` (satu-satunya jalur validasi: :mod:`analisis.core.skema`).

    >>> skema_data("ppks_pas").berkas, skema_data("spm_mutu").kunci
    ('ppks_pas.csv', ('tahun', 'no'))
    """
    return SKEMA[nama]


def muat_data(nama: str, folder: Path | None = None) -> pd.DataFrame:
    """Tabel ``data/<nama>.csv`` tervalidasi (lewat :func:`analisis.core.data.muat`).

    >>> list(muat_data("spm_mutu").columns)
    ['_baris', 'tahun', 'no', 'mutu']
    """
    return data.muat(nama, folder)


# ----------------------------------------------------------------------------
# sel Excel → teks CSV berejaan Indonesia


def _desimal(v: float) -> str:
    s = format(Decimal(repr(float(v))), "f")
    return s


def _ribuan(bulat: str) -> str:
    tanda = "-" if bulat.startswith("-") else ""
    d = bulat.lstrip("-")
    kelompok = []
    while len(d) > 3:
        kelompok.insert(0, d[-3:])
        d = d[:-3]
    kelompok.insert(0, d)
    return tanda + ".".join(kelompok)


def teks_sel(nilai, jenis: str = "teks", nomor_bertitik: bool = False) -> str:
    """Teks CSV (ejaan ``data/``) untuk nilai sel Excel pada kolom berjenis ``jenis``.

    Angka ditulis dengan ejaan Indonesia (titik ribuan untuk cacah dan rupiah,
    koma desimal, ``%`` untuk persen) sehingga dibaca ulang oleh
    :func:`analisis.core.nilai.baca_bilangan`. Teks diteruskan apa adanya (dipangkas)
    agar pesan kesalahannya datang dari skema. Sel kosong → ``""``.

    >>> teks_sel(None), teks_sel("  tdk ada "), teks_sel(2026.0, "tahun"), teks_sel(1, "bulat", True)
    ('', 'tdk ada', '2026', '1.')
    >>> teks_sel(287994500, "rupiah"), teks_sel(-3, "cacah"), teks_sel(True, "cacah")
    ('287.994.500,00', '-3', 'TRUE')
    """
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "TRUE" if nilai else "FALSE"
    if isinstance(nilai, str):
        return nilai.strip()
    if isinstance(nilai, (int, float)) and not isinstance(nilai, bool):
        f = float(nilai)
        if f != f or f in (float("inf"), float("-inf")):
            return str(nilai)
        if isinstance(nilai, int) or f.is_integer():
            s = str(int(f)) if isinstance(nilai, float) else str(nilai)
        else:
            s = _desimal(f)
        bulat, _, pecahan = s.partition(".")
        if jenis in ("cacah", "rupiah"):
            bulat = _ribuan(bulat)
        if jenis == "rupiah":
            pecahan = (pecahan + "00")[:max(2, len(pecahan))]
        teks = bulat + ("," + pecahan if pecahan else "")
        if jenis == "persen":
            teks += " %"
        if jenis == "bulat" and nomor_bertitik and not pecahan:
            teks += "."
        return teks
    return str(nilai).strip()  # tanggal, waktu: ditolak skema sebagai bukan bilangan


# ----------------------------------------------------------------------------
# hasil


@dataclass
class PerubahanData:
    """Perubahan satu berkas ``data/``: baris ditambah, diubah, tetap."""

    nama: str
    berkas: str
    lembar: str
    diisi: int = 0
    ditambah: list[dict[str, str]] = field(default_factory=list)
    diubah: list[tuple[str, dict[str, tuple[str, str]]]] = field(default_factory=list)
    tetap: int = 0
    bita_lama: bytes | None = None
    teks_baru: str | None = None
    kunci: tuple[str, ...] = ()
    isian: tuple[str, ...] = ()  # kolom yang diisi bidang (ditampilkan untuk baris baru)

    @property
    def berubah(self) -> bool:
        return self.teks_baru is not None


@dataclass
class HasilImpor:
    """Rencana (dan hasil) impor satu buku kerja."""

    berkas: Path
    folder: Path
    tahun: int
    periode: str
    perubahan: list[PerubahanData]
    coba: bool = True
    ditulis: list[Path] = field(default_factory=list)
    peringatan: list[Pelanggaran] = field(default_factory=list)  # lonjakan yang diterima (--terima-lonjakan)

    @property
    def ada_perubahan(self) -> bool:
        return any(p.berubah for p in self.perubahan)

    def ringkasan(self, batas: int = 200) -> str:
        """Laporan perubahan per berkas dalam bahasa Indonesia."""
        out = [f"Buku kerja {self.berkas.name}: isian {label_periode(self.tahun, self.periode)}"]
        for p in self.perubahan:
            kepala = f"  data/{p.berkas} (lembar '{p.lembar}'): "
            if not p.diisi:
                out.append(kepala + "tidak ada baris yang diisi")
                continue
            out.append(kepala + f"{len(p.ditambah)} ditambah, {len(p.diubah)} diubah, {p.tetap} tetap")
            for i, b in enumerate(p.ditambah):
                if i == batas:
                    out.append(f"    … dan {len(p.ditambah) - batas} baris lain ditambah")
                    break
                kunci = " | ".join(b.get(k, "") for k in p.kunci)
                isi = "; ".join(f"{k} {v if v != '' else '(kosong)'}" for k, v in b.items()
                                if k not in p.kunci and (not p.isian or k in p.isian))
                out.append(f"    + {kunci}: {isi}")
            for i, (kunci, beda) in enumerate(p.diubah):
                if i == batas:
                    out.append(f"    … dan {len(p.diubah) - batas} baris lain diubah")
                    break
                isi = "; ".join(f"{k} {a or '(kosong)'} → {b or '(kosong)'}" for k, (a, b) in beda.items())
                out.append(f"    ~ {kunci}: {isi}")
        for w in self.peringatan:
            out.append(f"  Peringatan (diterima dengan --terima-lonjakan): {w}")
        out.append(baris_status(self.ada_perubahan, self.coba, self.ditulis))
        return "\n".join(out)


# ----------------------------------------------------------------------------
# membaca buku kerja


def _lembar_label(nama: str) -> str:
    return f"lembar '{nama}'"


def _buka(berkas: Path):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if not berkas.exists():
        raise KesalahanData([Pelanggaran(str(berkas), None, None, None, "berkas tidak ditemukan")])
    try:
        nilai = openpyxl.load_workbook(berkas, data_only=True)
        rumus = openpyxl.load_workbook(berkas, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError) as e:
        raise KesalahanData([Pelanggaran(berkas.name, None, None, None,
                                         f"bukan buku kerja Excel .xlsx yang dapat dibaca ({e.__class__.__name__})")]) from None
    return nilai, rumus


def _meta(wb, nama: str) -> tuple[int, str]:
    if LEMBAR_META not in wb.sheetnames:
        raise KesalahanData([Pelanggaran(nama, None, None, None,
                                         f"bukan templat realisasi: lembar tersembunyi '{LEMBAR_META}' tidak ada "
                                         "(buat templat dengan perintah 'iku templat')")])
    isi = {}
    kunci: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for baris in wb[LEMBAR_META].iter_rows(values_only=True):
        if baris and baris[0] == "baris" and len(baris) >= 3:
            try:
                nomor = int(baris[2])
            except (TypeError, ValueError):
                continue
            kunci.setdefault(str(baris[1]), []).append((nomor, tuple("" if v is None else str(v) for v in baris[3:])))
        elif baris and baris[0] is not None and baris[0] != "lembar":
            isi[str(baris[0])] = baris[1] if len(baris) > 1 else None
    salah = []
    label = _lembar_label(LEMBAR_META)
    if isi.get("jenis") != JENIS_TEMPLAT:
        salah.append(Pelanggaran(label, None, "jenis", isi.get("jenis"), f"bukan templat realisasi (harus {JENIS_TEMPLAT!r})"))
    if isi.get("versi") != VERSI:
        salah.append(Pelanggaran(label, None, "versi", isi.get("versi"), f"versi templat tidak didukung (harus {VERSI}); buat templat baru"))
    tahun, periode = isi.get("tahun"), isi.get("periode")
    if not isinstance(tahun, int) or not 2000 <= tahun <= 2100:
        salah.append(Pelanggaran(label, None, "tahun", tahun, "tahun templat harus bilangan bulat 2000–2100"))
    if periode not in PERIODE:
        salah.append(Pelanggaran(label, None, "periode", periode, "periode harus salah satu dari: " + ", ".join(PERIODE)))
    if salah:
        raise KesalahanData(salah)
    return tahun, periode, kunci


def _kosong(v) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


def _periksa_baris_realisasi(nilai: dict, folder: Path | None) -> str | None:
    """Lembar realisasi: hanya indikator dengan ``realisasi_dari = isian`` yang diisi di sini.

    Indikator persentase/rasio (kolom ``rumus`` ``data/indikator.csv``) diisi
    pembilang dan penyebut yang disebut Definisi Operasionalnya; realisasinya
    dihitung di sini dengan :func:`analisis.core.rumus.realisasi_rumus` (``nilai``
    dilengkapi). Indikator jumlah/skor diisi satu nilai realisasi.
    """
    from ..core import rumus

    ind = data.muat("indikator", folder).set_index("kode")
    kode = nilai.get("kode")
    if not isinstance(kode, str) or kode not in ind.index:
        return None  # diserahkan ke skema dan aturan antar berkas
    asal = ind.loc[kode, "realisasi_dari"]
    if asal != "isian":
        from .xlsx import ASAL_LAIN

        return f"realisasi {kode} tidak diisi di lembar ini: {ASAL_LAIN.get(asal, 'dihitung dari data lain')}"
    jenis = ind.loc[kode, "rumus"]
    a, b = nilai.get("pembilang"), nilai.get("penyebut")
    if jenis in ("persentase", "rasio", "penurunan"):
        if _kosong(a) or _kosong(b):
            return (f"{kode} dihitung dari pembilang dan penyebut (Definisi Operasional: {ind.loc[kode, 'pembilang']} / "
                    f"{ind.loc[kode, 'penyebut']}); isi keduanya")
        if float(b) == 0:
            return f"penyebut {kode} nol: realisasi tidak terdefinisi"
        if jenis == "persentase" and float(a) > float(b):
            return f"pembilang {kode} melebihi penyebut (persentase bagian dari keseluruhan, paling banyak 100 %)"
        nilai["realisasi"] = rumus.realisasi_rumus(jenis, a, b)
    elif not (_kosong(a) and _kosong(b)):
        return f"{kode} diisi satu nilai realisasi ({jenis}), bukan pembilang dan penyebut"
    elif _kosong(nilai.get("realisasi")):
        return f"realisasi {kode} belum diisi"
    return None


_PERIKSA_BARIS = {"realisasi": _periksa_baris_realisasi}


def _penyebut_tetap(penyebut_do, folder: Path | None) -> tuple[float, str] | None:
    """Penyebut yang ditetapkan data untuk penyebut Definisi Operasional ``penyebut_do`` (nilai, asalnya), atau ``None``.

    DO IKK 13 membagi dengan "Σ kecamatan di kabupaten": banyaknya kecamatan
    ``data/instansi.yaml`` (``jumlah_kecamatan``).

    >>> _penyebut_tetap("Σ kecamatan di kabupaten", None)
    (10.0, 'banyaknya kecamatan di kabupaten, data/instansi.yaml jumlah_kecamatan')
    >>> _penyebut_tetap("Σ Penerima Manfaat yang terdata", None) is None
    True
    """
    teks = " ".join(str(penyebut_do or "").lower().split())
    if teks in ("σ kecamatan di kabupaten", "jumlah kecamatan di kabupaten"):
        n = data.instansi(folder).get("jumlah_kecamatan")
        if n is not None:
            return float(n), "banyaknya kecamatan di kabupaten, data/instansi.yaml jumlah_kecamatan"
    return None


def _kewajaran_rasio(nilai: dict, tahun: int, periode: str, folder: Path | None) -> list[tuple[str, object, str]]:
    """Pembilang/penyebut indikator rasio yang perlu dikonfirmasi (``--terima-lonjakan``): ``(medan, nilai, aturan)``.

    - pembilang atau penyebut yang berbeda lebih dari :data:`FAKTOR_LONJAKAN`
      kali lipat dari nilai periode lalu di ``data/realisasi.csv`` (seperti
      nilai tunggal, :func:`_lonjakan`);
    - penyebut yang berbeda dengan penyebut tetap yang disebut Definisi
      Operasionalnya (:func:`_penyebut_tetap`, mis. IKK-13: banyaknya kecamatan).
    """
    from .xlsx import RUMUS_BERPEMBAGI, _periode_lalu, _pilih, _teks_periode

    ind = data.muat("indikator", folder).set_index("kode")
    kode = nilai.get("kode")
    if not isinstance(kode, str) or kode not in ind.index or ind.loc[kode, "rumus"] not in RUMUS_BERPEMBAGI:
        return []
    hasil = []
    real = data.muat("realisasi", folder)
    sub = real[real["kode"] == kode]
    lalu_tp = _periode_lalu(sub, tahun, periode)
    if lalu_tp is not None:
        lalu = _pilih(sub, *lalu_tp).iloc[-1]
        for medan in ("pembilang", "penyebut"):
            if pd.notna(lalu.get(medan)) and _lonjakan(nilai.get(medan), nilai_polos(lalu[medan])):
                hasil.append((medan, nilai[medan],
                              f"{medan} {kode} berbeda lebih dari {FAKTOR_LONJAKAN} kali lipat dari {medan} "
                              f"{_teks_periode(lalu_tp)} ({_angka_id(nilai_polos(lalu[medan]))}); periksa pemisah "
                              "ribuan/desimal. Bila memang benar, impor ulang dengan --terima-lonjakan"))
    tetap = _penyebut_tetap(ind.loc[kode, "penyebut"], folder)
    b = nilai.get("penyebut")
    if tetap is not None and isinstance(b, (int, float)) and not isinstance(b, bool) and float(b) != tetap[0]:
        hasil.append(("penyebut", b,
                      f"penyebut {kode} menurut Definisi Operasional adalah {ind.loc[kode, 'penyebut']} = "
                      f"{_angka_id(nilai_polos(tetap[0]))} ({tetap[1]}). Bila memang benar (mis. pemekaran "
                      "kecamatan), impor ulang dengan --terima-lonjakan"))
    return hasil


@dataclass
class _Isian:
    lembar: Lembar
    skema: Skema
    df: pd.DataFrame  # hasil baca_csv (bertipe, dengan _baris)
    teks: list[dict[str, str]]  # teks CSV per baris isian, urut seperti df
    baris_excel: list[int]


def _nomor_bertitik(nama: str, kolom: str, folder: Path) -> bool:
    """Apakah nomor di berkas itu ditulis "1." (gaya tercetak) — agar baris baru seragam."""
    jalur = folder / skema_data(nama).berkas
    if not jalur.exists():
        return False
    nilai = [r.get(kolom, "") for r in csv.DictReader(io.StringIO(jalur.read_text(encoding="utf-8-sig"), newline=""))]
    nilai = [v.strip() for v in nilai if v and v.strip()]
    return bool(nilai) and all(v.endswith(".") for v in nilai)


def _tanpa_ekor(t) -> tuple[str, ...]:
    t = list(t)
    while t and t[-1] == "":
        t.pop()
    return tuple(t)


def _periksa_identitas(ws, lembar: Lembar, posisi: dict[str, int], harap: list[tuple[int, tuple[str, ...]]],
                       label: str, salah: list[Pelanggaran]) -> bool:
    """Sel gabungan, lalu kunci dan urutan setiap baris dibandingkan dengan catatan ``_templat``."""
    n = len(salah)
    for rentang in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        salah.append(Pelanggaran(label, rentang.min_row, str(rentang), None,
                                 "sel digabung (merge); pisahkan kembali sel-selnya, templat tidak memakai sel gabungan"))
    if len(salah) > n:
        return False
    kunci_kolom = [k for k in lembar.kolom if k.peran == "kunci"]
    judul_kunci = " | ".join(k.judul for k in kunci_kolom) or "baris"
    for r, kunci in harap:
        ada = kunci_baris(lembar, {k.id: ws.cell(r, posisi[k.id]).value for k in kunci_kolom})
        if _tanpa_ekor(ada) != _tanpa_ekor(kunci):
            tampak = " | ".join(ada) if any(ada) else "(kosong)"
            salah.append(Pelanggaran(label, r, judul_kunci, tampak,
                                     f"baris berbeda dari templat: seharusnya '{' | '.join(kunci)}' (baris dihapus, "
                                     "disisipkan, dipindah, atau kolom terkunci diketik ulang?); buat templat baru "
                                     "atau kembalikan barisnya"))
    akhir = max((r for r, _ in harap), default=BARIS_DATA - 1)
    for r in range(akhir + 1, ws.max_row + 1):
        isi = [c.value for c in ws[r] if not _kosong(c.value)]
        if isi:
            salah.append(Pelanggaran(label, r, None, isi[0],
                                     f"baris tambahan di luar templat (templat berakhir di baris {akhir}); "
                                     "baris tidak boleh disisipkan atau ditambahkan"))
    return len(salah) == n


_BILANGAN_ISIAN = ("cacah", "cacah_tdk", "desimal", "persen100", "nilai100", "rupiah")
_JUMLAH = ("cacah", "cacah_tdk", "rupiah")


def _nilai_sel(sel, k) -> tuple[object, str | None]:
    """Nilai sel isian sebagaimana dimaksud buku kerja: persen berformat % → nilai persennya.

    >>> class S:  # sel tiruan
    ...     def __init__(self, v, f="General"): self.value, self.number_format = v, f
    >>> from analisis.input.xlsx import LEMBAR
    >>> real = next(k for k in LEMBAR[1].kolom if k.id == "realisasi")
    >>> _nilai_sel(S(0.85, "0%"), real), _nilai_sel(S(95.76), real)
    ((85.0, None), (95.76, None))
    >>> _nilai_sel(S(_dt.datetime(2026, 1, 2)), real)[1][:28]
    'sel berformat tanggal/waktu:'
    """
    v = sel.value
    if k.validasi not in _BILANGAN_ISIAN:
        return v, None
    if isinstance(v, (_dt.date, _dt.time, _dt.timedelta)):
        return v, ("sel berformat tanggal/waktu: Excel/LibreOffice mengubah ketikan seperti '1/2' atau '1-2' menjadi "
                   "tanggal; format sel sebagai angka lalu ketik ulang angkanya")
    if isinstance(v, (int, float)) and not isinstance(v, bool) and "%" in str(sel.number_format or ""):
        if k.validasi in _JUMLAH:
            return v, "sel berformat persen di kolom jumlah; ketik angkanya tanpa tanda %"
        return round(float(v) * 100, 9), None
    return v, None


def _lonjakan(baru, lalu) -> bool:
    """Apakah ``baru`` berbeda lebih dari :data:`FAKTOR_LONJAKAN` kali lipat dari ``lalu``.

    >>> _lonjakan(41, 40241), _lonjakan(41000, 40241), _lonjakan(0, 5), _lonjakan(3, None)
    (True, False, False, False)
    """
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (baru, lalu)):
        return False
    if baru <= 0 or lalu <= 0:
        return False
    rasio = baru / lalu
    return rasio > FAKTOR_LONJAKAN or rasio < 1 / FAKTOR_LONJAKAN


def _angka_id(v) -> str:
    return teks_sel(v, "cacah" if isinstance(v, int) or (isinstance(v, float) and v.is_integer()) else "bilangan")


def _baca_lembar(wb, wb_rumus, lembar: Lembar, tahun: int, periode: str, folder: Path,
                 salah: list[Pelanggaran], identitas: list | None = None,
                 lonjakan: list[Pelanggaran] | None = None) -> _Isian | None:
    from openpyxl.utils import get_column_letter

    label = _lembar_label(lembar.nama)
    if lembar.nama not in wb.sheetnames:
        salah.append(Pelanggaran(label, None, None, None, "lembar tidak ditemukan di buku kerja (dihapus atau diganti nama?)"))
        return None
    ws, wsf = wb[lembar.nama], wb_rumus[lembar.nama]
    harap = {judul_kolom(k, tahun, periode): k for k in lembar.kolom}
    ada: dict[str, int] = {}
    n_salah = len(salah)
    for c in ws[BARIS_JUDUL_KOLOM]:
        if _kosong(c.value):
            continue
        j = str(c.value).strip()
        if j in ada:
            salah.append(Pelanggaran(label, BARIS_JUDUL_KOLOM, f"{j} [{c.column_letter}]", j, "judul kolom ganda"))
        elif j not in harap:
            salah.append(Pelanggaran(label, BARIS_JUDUL_KOLOM, c.column_letter, j,
                                     "judul kolom tidak dikenal (kolom diganti nama atau disisipkan?)"))
        ada[j] = c.column
    for j in harap:
        if j not in ada:
            salah.append(Pelanggaran(label, BARIS_JUDUL_KOLOM, j, None,
                                     "kolom tidak ditemukan di baris judul (diganti nama atau dihapus?)"))
    if len(salah) > n_salah:
        return None
    posisi = {harap[j].id: i for j, i in ada.items()}
    if identitas is not None and not _periksa_identitas(ws, lembar, posisi, identitas, label, salah):
        return None
    akhir_templat = max((r for r, _ in identitas), default=BARIS_DATA - 1) if identitas is not None else ws.max_row
    nama_kolom = {k.medan: f"{judul_kolom(k, tahun, periode)} [{get_column_letter(posisi[k.id])}]" for k in lembar.kolom if k.medan}
    ada_id = {k.id for k in lembar.kolom}
    skema = skema_data(lembar.data)
    jenis = {k.nama: k.jenis for k in skema.kolom}
    bertitik = {k.nama: _nomor_bertitik(lembar.data, k.nama, folder) for k in skema.kolom if k.jenis == "bulat"}
    tetap = {"tahun": str(tahun), "periode": periode}
    isian = lembar.kolom_isian()
    periksa = _PERIKSA_BARIS.get(lembar.data)

    buf = io.StringIO()
    tulis = csv.writer(buf, lineterminator="\n")
    tulis.writerow(skema.kolom_nama())
    baris_ke = 1
    peta: dict[int, int] = {}  # baris CSV → baris Excel
    mentah: dict[int, dict] = {}  # baris CSV → nilai sel seperti diketik
    teks_baris, baris_excel = [], []
    for r in range(BARIS_DATA, akhir_templat + 1):
        nilai = {k.id: ws.cell(r, posisi[k.id]).value for k in lembar.kolom}
        for k in isian:
            sel = wsf.cell(r, posisi[k.id])
            if sel.data_type == "f" and _kosong(nilai[k.id]):
                salah.append(Pelanggaran(label, r, nama_kolom[k.medan], sel.value,
                                         "sel berisi rumus tanpa nilai tersimpan: buka dan simpan ulang di Excel, atau ketik nilainya"))
        if not any(not _kosong(nilai[k.id]) for k in isian if k.penentu):
            continue
        baris_salah = False
        for k in isian:
            v, pesan = _nilai_sel(ws.cell(r, posisi[k.id]), k)
            # kolom persen100/nilai100 dibatasi skema; realisasi indikator bersatuan % dibatasi di sini
            if pesan is None and isinstance(v, (int, float)) and not isinstance(v, bool) and v > 100 and (
                    lembar.data == "realisasi" and k.medan == "realisasi" and str(nilai.get("satuan") or "").strip() == "%"):
                pesan = "persentase lebih dari 100 (satuan indikator ini %)"
            if pesan:
                salah.append(Pelanggaran(label, r, nama_kolom[k.medan], ws.cell(r, posisi[k.id]).value, pesan))
                baris_salah = True
                continue
            nilai[k.id] = v
            lalu_id = f"{k.id}_lalu"
            if lonjakan is not None and lalu_id in ada_id and _lonjakan(v, nilai.get(lalu_id)):
                periode_lalu = nilai.get("periode_lalu") or nilai.get("tahun_lalu") or "periode lalu"
                lonjakan.append(Pelanggaran(
                    label, r, nama_kolom[k.medan], v,
                    f"berbeda lebih dari {FAKTOR_LONJAKAN} kali lipat dari nilai {periode_lalu} "
                    f"({_angka_id(nilai[lalu_id])}); periksa pemisah ribuan/desimal dan tanda %. Bila memang benar, "
                    "impor ulang dengan --terima-lonjakan"))
        if baris_salah:
            continue
        if periksa:
            pesan = periksa(nilai, folder)
            if pesan:
                k = next(k for k in isian if k.penentu and not _kosong(nilai[k.id]))
                salah.append(Pelanggaran(label, r, nama_kolom[k.medan], nilai[k.id], pesan))
                continue
        if lonjakan is not None and lembar.data == "realisasi":
            for medan, v, aturan in _kewajaran_rasio(nilai, tahun, periode, folder):
                lonjakan.append(Pelanggaran(label, r, nama_kolom[medan], v, aturan))
        medan = {k.medan: k for k in lembar.kolom if k.medan}
        teks = {}
        for c in skema.kolom_nama():
            if c in lembar.tetap:
                teks[c] = tetap[c]
            elif c in medan:
                teks[c] = teks_sel(nilai[medan[c].id], jenis[c], bertitik.get(c, False))
            else:
                teks[c] = ""
        sebelum = buf.tell()
        tulis.writerow([teks[c] for c in skema.kolom_nama()])
        baris_ke += buf.getvalue()[sebelum:].count("\n")
        peta[baris_ke] = r
        mentah[baris_ke] = {m: nilai[k.id] for m, k in medan.items()}
        teks_baris.append(teks)
        baris_excel.append(r)

    if not teks_baris:
        return _Isian(lembar, skema, pd.DataFrame(), [], [])
    try:
        df = baca_csv(Path(skema.berkas), skema, teks=buf.getvalue())
    except KesalahanData as e:
        for p in e.pelanggaran:
            kolom, nilai = None, p.nilai
            if p.kolom:
                kolom = ", ".join(nama_kolom.get(c.strip(), f"{c.strip()} (dari templat)") for c in p.kolom.split(","))
                sel = mentah.get(p.baris, {})
                if p.kolom in sel and sel[p.kolom] is not None:
                    nilai = sel[p.kolom]  # nilai seperti diketik di sel, bukan hasil tafsiran
            salah.append(Pelanggaran(label, peta.get(p.baris) if p.baris is not None else None, kolom, nilai, p.aturan))
        return None
    return _Isian(lembar, skema, df, teks_baris, baris_excel)


# ----------------------------------------------------------------------------
# membandingkan dengan data saat ini


def _sama(a, b) -> bool:
    a, b = nilai_polos(a), nilai_polos(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))
    return a == b


def _rekaman(teks: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Baris judul dan rekaman (nomor baris akhir, sel) berkas CSV."""
    pembaca = csv.reader(io.StringIO(teks, newline=""))
    judul = next(pembaca, [])
    rekaman = []
    for sel in pembaca:
        rekaman.append((pembaca.line_num, sel))
    return judul, rekaman


def _gabung(isian: _Isian, folder: Path) -> PerubahanData:
    skema = isian.skema
    jalur = folder / skema.berkas
    p = PerubahanData(isian.lembar.data, skema.berkas, isian.lembar.nama, diisi=len(isian.teks), kunci=skema.kunci,
                      isian=tuple(k.medan for k in isian.lembar.kolom_isian()))
    if jalur.exists():
        p.bita_lama = jalur.read_bytes()
        judul, rekaman = _rekaman(p.bita_lama.decode("utf-8-sig"))
        judul = [j.strip() for j in judul]
        lama = muat_data(isian.lembar.data, folder)
    else:
        judul, rekaman = skema.kolom_nama(), []
        lama = pd.DataFrame(columns=["_baris", *skema.kolom_nama()])
    if not isian.teks:
        return p
    indeks_rekaman = {nomor: i for i, (nomor, _) in enumerate(rekaman)}
    lama_per_kunci = {}
    for _, r in lama.iterrows():
        lama_per_kunci[tuple(nilai_polos(r[c]) for c in skema.kunci)] = (r, indeks_rekaman[int(r["_baris"])])
    nonkunci = [c for c in skema.kolom_nama() if c not in skema.kunci]
    berubah = False
    for (_, baru), teks in zip(isian.df.iterrows(), isian.teks):
        k = tuple(nilai_polos(baru[c]) for c in skema.kunci)
        if k in lama_per_kunci:
            r_lama, i = lama_per_kunci[k]
            sel = rekaman[i][1]
            beda = {}
            for c in nonkunci:
                if not _sama(r_lama[c], baru[c]):
                    j = judul.index(c)
                    beda[c] = (sel[j] if j < len(sel) else "", teks[c])
                    sel[j] = teks[c]
            if beda:
                p.diubah.append((" | ".join(teks[c] for c in skema.kunci), beda))
                berubah = True
            else:
                p.tetap += 1
        else:
            p.ditambah.append(teks)
            rekaman.append((-1, [teks.get(c, "") for c in judul]))
            berubah = True
    if berubah:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(judul)
        for _, sel in rekaman:
            w.writerow(sel)
        p.teks_baru = buf.getvalue()
    return p



def _periksa_gabungan(perubahan: list[PerubahanData], folder: Path) -> list[Pelanggaran]:
    """Validasi seluruh data baru: salinan ``data/`` dengan berkas yang berubah."""
    with tempfile.TemporaryDirectory(prefix="iku-impor-") as d:
        salinan = Path(d) / "data"
        shutil.copytree(folder, salinan)
        for p in perubahan:
            if p.teks_baru is not None:
                (salinan / p.berkas).write_text(p.teks_baru, encoding="utf-8", newline="")
        return data.periksa_semua(salinan)


# ----------------------------------------------------------------------------
# API


def baris_status(ada_perubahan: bool, coba: bool, ditulis) -> str:
    """Baris terakhir ringkasan impor: tidak berubah, pratinjau, atau berkas yang ditulis.

    >>> baris_status(True, False, [Path("data/cascading.csv")])
    'Ditulis: data/cascading.csv'
    >>> baris_status(False, True, [])
    'Tidak ada perubahan: data/ tidak diubah.'
    """
    if not ada_perubahan:
        return "Tidak ada perubahan: data/ tidak diubah."
    if coba:
        return "Pratinjau (--coba): tidak ada berkas yang ditulis."
    return "Ditulis: " + ", ".join(f"data/{Path(j).name}" for j in ditulis or ())


def rencanakan(berkas: str | Path, folder: Path | None = None, terima_lonjakan: bool = False) -> HasilImpor:
    """Baca, validasi dan bandingkan buku kerja dengan ``data/``; tidak menulis apa pun.

    Selain skema ``data/``: setiap baris harus sama kunci dan urutannya dengan
    yang dicatat templat (lembar ``_templat``), tanpa sel gabungan atau baris
    tambahan; sel berformat persen dibaca sebagai nilai persennya, sel
    bertanggal di kolom angka dan persentase di atas 100 ditolak; nilai yang
    berbeda lebih dari :data:`FAKTOR_LONJAKAN` kali lipat dari periode lalu
    ditolak kecuali ``terima_lonjakan`` (lalu dicantumkan sebagai peringatan).

    Raises
    ------
    KesalahanData
        Semua pelanggaran sekaligus: lembar, baris dan kolom Excel, nilai, aturan
        (atau berkas ``data/`` bila pelanggarannya muncul setelah digabung).
    """
    berkas = Path(berkas)
    folder = Path(folder) if folder else folder_data()
    wb, wb_rumus = _buka(berkas)
    tahun, periode, identitas = _meta(wb, berkas.name)
    salah: list[Pelanggaran] = []
    lonjakan: list[Pelanggaran] = []
    isian = [_baca_lembar(wb, wb_rumus, l, tahun, periode, folder, salah, identitas.get(l.nama, []), lonjakan)
             for l in lembar_untuk(periode)]
    if salah or (lonjakan and not terima_lonjakan):
        raise KesalahanData(salah + lonjakan)
    perubahan = [_gabung(i, folder) for i in isian]
    if any(p.berubah for p in perubahan):
        salah = _periksa_gabungan(perubahan, folder)
        if salah:
            raise KesalahanData(salah)
    return HasilImpor(berkas, folder, tahun, periode, perubahan, peringatan=lonjakan)


#: Jurnal impor di ``data/``: ada = keputusan menulis sudah diambil (lihat :func:`pulihkan`).
JURNAL = ".impor-jurnal.json"
#: Folder berkas baru yang disiapkan sebelum jurnal ditulis.
PANGGUNG = ".impor-sementara"


def _tulis_bita(jalur: Path, isi: bytes, mode: int = 0o644) -> None:
    """Tulis ``isi`` ke ``jalur`` baru dan fsync (satu tempat, agar tes dapat mensimulasikan disk penuh)."""
    with open(jalur, "wb") as f:
        f.write(isi)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(jalur, mode)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def _tulis_atomik(jalur: Path, isi: bytes, mode: int) -> None:
    fd, sementara = tempfile.mkstemp(dir=jalur.parent, prefix=f".{jalur.name}.", suffix=".tmp")
    os.close(fd)
    try:
        _tulis_bita(Path(sementara), isi, mode)
        os.replace(sementara, jalur)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


def _sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def _jeda_uji() -> None:
    """Kait khusus tes (``IKU_UJI_JEDA_IMPOR`` detik) di antara dua penggantian berkas: untuk membunuh impor di tengah."""
    jeda = os.environ.get("IKU_UJI_JEDA_IMPOR")
    if jeda:
        time.sleep(float(jeda))


def _bersihkan_sisa(folder: Path) -> list[str]:
    """Hapus berkas sementara yang tertinggal: panggung tanpa jurnal, ``.<berkas>.*.tmp``."""
    pesan = []
    panggung = folder / PANGGUNG
    if panggung.exists() and not (folder / JURNAL).exists():
        shutil.rmtree(panggung, ignore_errors=True)
        pesan.append(f"Impor yang terputus sebelum menulis dibatalkan: {panggung.name}/ dihapus; data/ tidak berubah.")
    for sisa in folder.glob(".*.tmp"):
        if sisa.is_file() and any(sisa.name.startswith(f".{n}.") for n in _berkas_dikenal()):
            sisa.unlink(missing_ok=True)
            pesan.append(f"Berkas sementara tertinggal dihapus: data/{sisa.name}")
    return pesan


def _berkas_dikenal() -> set[str]:
    return {sk.berkas for sk in SKEMA.values()} | {JURNAL}


def pulihkan(folder: Path | None = None) -> list[str]:
    """Selesaikan impor yang terputus di tengah penggantian berkas; kembalikan pesan untuk pengguna.

    Impor menulis setiap berkas baru ke ``data/.impor-sementara/``, lalu jurnal
    ``data/.impor-jurnal.json`` (atomik), lalu mengganti berkas satu per satu.
    Bila proses mati setelah jurnal ditulis, perintah ``iku`` berikutnya
    menyelesaikan penggantian yang tersisa (maju), sehingga ``data/`` selalu
    berisi seluruh impor atau tidak sama sekali. Bila mati sebelum jurnal
    ditulis, panggung dihapus dan ``data/`` tidak pernah berubah.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     pulihkan(pathlib.Path(d))
    []
    """
    folder = Path(folder) if folder else folder_data()
    if not folder.is_dir():
        return []
    jurnal = folder / JURNAL
    pesan: list[str] = []
    if jurnal.exists():
        try:
            isi = json.loads(jurnal.read_text(encoding="utf-8"))
            entri = isi["berkas"]
            assert isinstance(entri, list)
        except (ValueError, KeyError, AssertionError, UnicodeDecodeError):
            raise KesalahanData([Pelanggaran(f"data/{JURNAL}", None, None, None,
                                             "jurnal impor rusak; periksa data/ terhadap cadangan lalu hapus jurnal ini")]) from None
        panggung = folder / PANGGUNG
        selesai = []
        for e in entri:
            nama = str(e["berkas"])
            if "/" in nama or "\\" in nama or nama.startswith("."):
                continue
            sumber = panggung / nama
            tujuan = folder / nama
            if sumber.exists():
                if _sha(sumber.read_bytes()) != e["sha_baru"]:
                    raise KesalahanData([Pelanggaran(f"data/{PANGGUNG}/{nama}", None, None, None,
                                                     "berkas panggung impor tidak utuh; impor ulang buku kerjanya")])
                os.replace(sumber, tujuan)
                selesai.append(nama)
        _fsync_folder(folder)
        jurnal.unlink(missing_ok=True)
        shutil.rmtree(panggung, ignore_errors=True)
        _fsync_folder(folder)
        pesan.append("Impor yang terputus diselesaikan dari jurnal: "
                     + (", ".join(f"data/{n}" for n in selesai) if selesai else "semua berkas sudah diganti") + ".")
    pesan.extend(_bersihkan_sisa(folder))
    return pesan


def terapkan(hasil: HasilImpor) -> list[Path]:
    """Tulis semua berkas yang berubah, semua atau tidak sama sekali, juga bila proses dibunuh.

    1. Setiap berkas diperiksa belum berubah sejak :func:`rencanakan`.
    2. Berkas baru ditulis ke ``data/.impor-sementara/`` (fsync). Gagal di sini
       (disk penuh, hanya-baca) → panggung dihapus, ``data/`` tidak berubah.
    3. Jurnal ``data/.impor-jurnal.json`` ditulis atomik: sejak saat ini impor
       diselesaikan oleh :func:`pulihkan` bila proses mati.
    4. Setiap berkas diganti dengan :func:`os.replace`. Bila penggantian gagal
       dengan galat (bukan mati), berkas yang sudah diganti dikembalikan ke isi
       lamanya dan jurnal dihapus.
    """
    folder = hasil.folder
    pulihkan(folder)
    tulis = [p for p in hasil.perubahan if p.berubah]
    for p in tulis:
        jalur = folder / p.berkas
        sekarang = jalur.read_bytes() if jalur.exists() else None
        if sekarang != p.bita_lama:
            raise KesalahanData([Pelanggaran(f"data/{p.berkas}", None, None, None,
                                             "berkas berubah sejak isian diperiksa; ulangi impor")])
    if not tulis:
        hasil.ditulis, hasil.coba = [], False
        return []
    panggung = folder / PANGGUNG
    jurnal = folder / JURNAL
    mode = {p.berkas: ((folder / p.berkas).stat().st_mode & 0o777) if (folder / p.berkas).exists() else 0o644 for p in tulis}
    try:
        panggung.mkdir(exist_ok=True)
        for p in tulis:
            _tulis_bita(panggung / p.berkas, p.teks_baru.encode("utf-8"), mode[p.berkas])
        _fsync_folder(panggung)
        isi_jurnal = {"dibuat": _dt.datetime.now().isoformat(timespec="seconds"), "buku_kerja": hasil.berkas.name,
                      "berkas": [{"berkas": p.berkas, "sha_baru": _sha(p.teks_baru.encode("utf-8")),
                                  "sha_lama": None if p.bita_lama is None else _sha(p.bita_lama)} for p in tulis]}
        _tulis_atomik(jurnal, json.dumps(isi_jurnal, ensure_ascii=False, indent=1).encode("utf-8"), 0o644)
        _fsync_folder(folder)
    except OSError as e:
        jurnal.unlink(missing_ok=True)
        shutil.rmtree(panggung, ignore_errors=True)
        raise KesalahanData([Pelanggaran(f"data/{PANGGUNG}", None, None, None,
                                         f"{pesan_os(e, 'data/')}; tidak ada berkas data yang diubah")]) from None
    except BaseException:
        jurnal.unlink(missing_ok=True)
        shutil.rmtree(panggung, ignore_errors=True)
        raise
    diganti: list[PerubahanData] = []
    try:
        for p in tulis:
            os.replace(panggung / p.berkas, folder / p.berkas)
            diganti.append(p)
            if len(diganti) < len(tulis):
                _jeda_uji()
    except Exception:
        # Galat (bukan proses mati): kembalikan yang sudah diganti, lalu batalkan jurnal.
        for p in reversed(diganti):
            jalur = folder / p.berkas
            if p.bita_lama is None:
                jalur.unlink(missing_ok=True)
            else:
                _tulis_atomik(jalur, p.bita_lama, mode[p.berkas])
        jurnal.unlink(missing_ok=True)
        shutil.rmtree(panggung, ignore_errors=True)
        raise
    _fsync_folder(folder)
    jurnal.unlink(missing_ok=True)
    shutil.rmtree(panggung, ignore_errors=True)
    _fsync_folder(folder)
    hasil.ditulis = [folder / p.berkas for p in tulis]
    hasil.coba = False
    return hasil.ditulis


def impor(berkas: str | Path, folder: Path | None = None, coba: bool = False,
          terima_lonjakan: bool = False) -> HasilImpor:
    """Impor buku kerja isian ke ``data/`` (``coba=True``: hanya pratinjau).

    Examples
    --------
    >>> import tempfile, pathlib, shutil
    >>> from analisis.input import xlsx
    >>> from analisis.core import paths
    >>> with tempfile.TemporaryDirectory() as d:
    ...     folder = pathlib.Path(d) / "data"
    ...     _ = shutil.copytree(paths.folder_data(), folder)
    ...     t = xlsx.buat_templat(2025, "Triwulan I", pathlib.Path(d) / "t.xlsx", folder=folder)
    ...     h = impor(t, folder=folder)
    ...     [(p.berkas, len(p.ditambah), len(p.diubah), p.tetap) for p in h.perubahan if p.diisi]
    [('ppks_pas.csv', 0, 0, 28)]
    """
    from . import cascading as _cascading  # buku kerja cascading dikenali dari lembar _templat-nya
    if _cascading.adalah_templat(berkas):
        return _cascading.impor(berkas, folder, coba)
    pulihkan(folder)
    hasil = rencanakan(berkas, folder, terima_lonjakan=terima_lonjakan)
    if not coba and hasil.ada_perubahan:
        terapkan(hasil)
    hasil.coba = coba
    return hasil
