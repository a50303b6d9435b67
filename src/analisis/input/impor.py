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
import io
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd

from ..core import data
from ..core.kesalahan import KesalahanData, Pelanggaran
from ..core.parameter import PERIODE
from ..core.paths import folder_data
from ..core.skema import SKEMA, Kolom, Skema, baca_csv
from .xlsx import (BARIS_DATA, BARIS_JUDUL_KOLOM, JENIS_TEMPLAT, LEMBAR_META, VERSI, Lembar, judul_kolom,
                   label_periode, lembar_untuk)

__all__ = [
    "skema_data", "muat_data", "teks_sel",
    "PerubahanData", "HasilImpor", "rencanakan", "terapkan", "impor",
]

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
        if not self.ada_perubahan:
            out.append("Tidak ada perubahan: data/ tidak diubah.")
        elif self.coba:
            out.append("Pratinjau (--coba): tidak ada berkas yang ditulis.")
        else:
            out.append("Ditulis: " + ", ".join(f"data/{j.name}" for j in self.ditulis))
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
    for baris in wb[LEMBAR_META].iter_rows(values_only=True):
        if baris and baris[0] is not None and baris[0] != "lembar":
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
    return tahun, periode


def _kosong(v) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


def _periksa_baris_realisasi(nilai: dict, folder: Path | None) -> str | None:
    """Lembar realisasi: hanya indikator dengan ``realisasi_dari = isian`` yang diisi di sini."""
    ind = data.muat("indikator", folder).set_index("kode")
    kode = nilai.get("kode")
    if not isinstance(kode, str) or kode not in ind.index:
        return None  # diserahkan ke skema dan aturan antar berkas
    asal = ind.loc[kode, "realisasi_dari"]
    if asal != "isian":
        from .xlsx import ASAL_LAIN

        return f"realisasi {kode} tidak diisi di lembar ini: {ASAL_LAIN.get(asal, 'dihitung dari data lain')}"
    return None


_PERIKSA_BARIS = {"realisasi": _periksa_baris_realisasi}


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


def _baca_lembar(wb, wb_rumus, lembar: Lembar, tahun: int, periode: str, folder: Path,
                 salah: list[Pelanggaran]) -> _Isian | None:
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
    nama_kolom = {k.medan: f"{judul_kolom(k, tahun, periode)} [{get_column_letter(posisi[k.id])}]" for k in lembar.kolom if k.medan}
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
    for r in range(BARIS_DATA, ws.max_row + 1):
        nilai = {k.id: ws.cell(r, posisi[k.id]).value for k in lembar.kolom}
        for k in isian:
            sel = wsf.cell(r, posisi[k.id])
            if sel.data_type == "f" and _kosong(nilai[k.id]):
                salah.append(Pelanggaran(label, r, nama_kolom[k.medan], sel.value,
                                         "sel berisi rumus tanpa nilai tersimpan: buka dan simpan ulang di Excel, atau ketik nilainya"))
        if not any(not _kosong(nilai[k.id]) for k in isian if k.penentu):
            continue
        if periksa:
            pesan = periksa(nilai, folder)
            if pesan:
                k = next(k for k in isian if k.penentu and not _kosong(nilai[k.id]))
                salah.append(Pelanggaran(label, r, nama_kolom[k.medan], nilai[k.id], pesan))
                continue
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


def _polos(v):
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _sama(a, b) -> bool:
    a, b = _polos(a), _polos(b)
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
        lama_per_kunci[tuple(_polos(r[c]) for c in skema.kunci)] = (r, indeks_rekaman[int(r["_baris"])])
    nonkunci = [c for c in skema.kolom_nama() if c not in skema.kunci]
    berubah = False
    for (_, baru), teks in zip(isian.df.iterrows(), isian.teks):
        k = tuple(_polos(baru[c]) for c in skema.kunci)
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


def rencanakan(berkas: str | Path, folder: Path | None = None) -> HasilImpor:
    """Baca, validasi dan bandingkan buku kerja dengan ``data/``; tidak menulis apa pun.

    Raises
    ------
    KesalahanData
        Semua pelanggaran sekaligus: lembar, baris dan kolom Excel, nilai, aturan
        (atau berkas ``data/`` bila pelanggarannya muncul setelah digabung).
    """
    berkas = Path(berkas)
    folder = Path(folder) if folder else folder_data()
    wb, wb_rumus = _buka(berkas)
    tahun, periode = _meta(wb, berkas.name)
    salah: list[Pelanggaran] = []
    isian = [_baca_lembar(wb, wb_rumus, l, tahun, periode, folder, salah) for l in lembar_untuk(periode)]
    if salah:
        raise KesalahanData(salah)
    perubahan = [_gabung(i, folder) for i in isian]
    if any(p.berubah for p in perubahan):
        salah = _periksa_gabungan(perubahan, folder)
        if salah:
            raise KesalahanData(salah)
    return HasilImpor(berkas, folder, tahun, periode, perubahan)


def _tulis_atomik(jalur: Path, isi: bytes, mode: int) -> None:
    fd, sementara = tempfile.mkstemp(dir=jalur.parent, prefix=f".{jalur.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(sementara, mode)
        os.replace(sementara, jalur)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


def terapkan(hasil: HasilImpor) -> list[Path]:
    """Tulis semua berkas yang berubah: berkas sementara di ``data/``, lalu :func:`os.replace`.

    Sebelum mengganti, setiap berkas diperiksa belum berubah sejak
    :func:`rencanakan`. Bila satu penggantian gagal, berkas yang sudah diganti
    dikembalikan ke isi lamanya.
    """
    folder = hasil.folder
    tulis = [p for p in hasil.perubahan if p.berubah]
    for p in tulis:
        jalur = folder / p.berkas
        sekarang = jalur.read_bytes() if jalur.exists() else None
        if sekarang != p.bita_lama:
            raise KesalahanData([Pelanggaran(f"data/{p.berkas}", None, None, None,
                                             "berkas berubah sejak isian diperiksa; ulangi impor")])
    sementara: list[tuple[str, Path, PerubahanData, int]] = []
    try:
        for p in tulis:
            jalur = folder / p.berkas
            mode = (jalur.stat().st_mode & 0o777) if jalur.exists() else 0o644
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{p.berkas}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(p.teks_baru.encode("utf-8"))
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, mode)
            sementara.append((tmp, jalur, p, mode))
        diganti: list[tuple[Path, PerubahanData, int]] = []
        try:
            for tmp, jalur, p, mode in sementara:
                os.replace(tmp, jalur)
                diganti.append((jalur, p, mode))
        except BaseException:
            for jalur, p, mode in reversed(diganti):
                if p.bita_lama is None:
                    jalur.unlink(missing_ok=True)
                else:
                    _tulis_atomik(jalur, p.bita_lama, mode)
            raise
    finally:
        for tmp, *_ in sementara:
            Path(tmp).unlink(missing_ok=True)
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass
    hasil.ditulis = [folder / p.berkas for p in tulis]
    hasil.coba = False
    return hasil.ditulis


def impor(berkas: str | Path, folder: Path | None = None, coba: bool = False) -> HasilImpor:
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
    hasil = rencanakan(berkas, folder)
    if not coba and hasil.ada_perubahan:
        terapkan(hasil)
    hasil.coba = coba
    return hasil
