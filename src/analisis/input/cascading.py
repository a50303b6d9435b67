"""Buku kerja cascading untuk perencana (``iku templat --cascading``) dan impornya (``iku impor``).

Satu lembar "Cascading", satu baris per simpul (kolom seperti
``data/cascading.csv``), simpul yang dikirim sudah terisi; kolom Induk dipilih
dari daftar id (validasi data Excel), Tingkat dan Penanggung jawab dari daftar,
target dibatasi angka ≥ 0. Impor memakai skema dan aturan
:mod:`analisis.core.cascading` dengan kelengkapan sebagai galat, lalu
mengganti ``data/cascading.csv`` utuh lewat penulis atomik
:func:`analisis.input.impor.terapkan` (semua atau tidak sama sekali; ``coba``
hanya pratinjau; impor kedua tidak mengubah apa pun).

Examples
--------
>>> import tempfile, pathlib, shutil
>>> from analisis.core import paths
>>> with tempfile.TemporaryDirectory() as d:
...     t = buat_templat(pathlib.Path(d) / "c.xlsx")
...     adalah_templat(t)
True
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..core import cascading as casc
from ..core import data
from ..core.kesalahan import KesalahanData, Pelanggaran
from ..core.paths import folder_data
from ..core.skema import baca_csv
from .xlsx import _periksa_keluaran, jadikan_teks, nilai_polos, simpan_buku_kerja

__all__ = ["JENIS_TEMPLAT", "LEMBAR", "buat_templat", "adalah_templat", "rencanakan"]

JENIS_TEMPLAT = "templat-cascading-iku"
VERSI = 1
LEMBAR = "Cascading"
LEMBAR_META = "_templat"
BARIS_JUDUL = 3
BARIS_DATA = BARIS_JUDUL + 1
BARIS_MAKS = 500  #: baris isian yang disiapkan (validasi data sampai baris ini)
_KUNING = PatternFill("solid", fgColor="FFF2CC")

#: (kolom data, judul kolom Excel, lebar)
KOLOM = [
    ("id", "ID simpul", 10), ("tingkat", "Tingkat", 13), ("induk", "Induk (ID)", 10), ("no", "No.", 5),
    ("nama", "Nama", 34), ("sasaran", "Sasaran Sub Kegiatan", 26), ("kinerja", "Kinerja", 26),
    ("indikator", "Indikator", 30), ("rumusan", "Rumusan", 30), ("satuan", "Satuan", 9),
    *((casc.kolom_target(th), f"Target {th}", 9) for th in casc.TAHUN + casc.TAHUN_TAMBAHAN),
    ("penanggung_jawab", "Penanggung jawab", 24), ("pagu", "Pagu (Rp)", 14),
    ("kode_iku", "Kode IKU", 10), ("kode_ikk", "Kode IKK", 10), ("kode_pohon", "Kode pohon kinerja", 12),
]
_JUDUL = {k: j for k, j, _ in KOLOM}


def _huruf(kolom: str) -> str:
    return get_column_letter([k for k, _, _ in KOLOM].index(kolom) + 1)


def buat_templat(keluaran: str | Path | None = None, folder: Path | None = None, timpa: bool = False) -> Path:
    """Tulis buku kerja cascading (simpul ``data/cascading.csv`` terisi) dan kembalikan jalurnya.

    Aturan keluaran sama dengan templat realisasi
    (:func:`analisis.input.xlsx.simpan_buku_kerja`): hanya jalur ``.xlsx``,
    berkas yang ada tidak ditimpa tanpa ``timpa``, teks berawalan rumus
    disimpan sebagai teks, berkas diganti atomik.
    """
    jalur = Path(keluaran) if keluaran else Path.cwd() / "cascading.xlsx"
    _periksa_keluaran(jalur, timpa)  # sebelum data dibaca: satu pesan, tidak ada yang ditulis
    df = casc.urut_pra(data.muat("cascading", folder))
    rj = casc.rujukan_data(folder)
    wb = Workbook()
    pet = wb.active
    pet.title = "Petunjuk"
    ws = wb.create_sheet(LEMBAR)
    ws["A1"] = f"Cascading (Penjenjangan) Kinerja — {data.instansi(folder).get('nama_lengkap', '')}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Satu baris per simpul. Induk dipilih dari kolom ID simpul; lihat lembar Petunjuk."
    for i, (k, j, w) in enumerate(KOLOM, start=1):
        c = ws.cell(BARIS_JUDUL, i, j)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = w
    for n, (_, r) in enumerate(df.iterrows()):
        for i, (k, _, _) in enumerate(KOLOM, start=1):
            ws.cell(BARIS_DATA + n, i, nilai_polos(r.get(k)))
    for rr in range(BARIS_DATA, BARIS_MAKS + 1):
        for i in range(1, len(KOLOM) + 1):
            ws.cell(rr, i).fill = _KUNING
            ws.cell(rr, i).protection = Protection(locked=False)
    # daftar pilihan di lembar tersembunyi
    dl = wb.create_sheet("_daftar")
    for i, t in enumerate(casc.TINGKAT, start=1):
        dl.cell(i, 1, t)
    for i, u in enumerate(rj["unit"], start=1):
        dl.cell(i, 2, u)
    dl.sheet_state = "hidden"
    akhir = f"{BARIS_DATA}:{BARIS_MAKS}"

    def validasi(kolom, **kw):
        dv = DataValidation(allow_blank=True, showErrorMessage=True, errorTitle="Isian tidak sah", **kw)
        h = _huruf(kolom)
        dv.add(f"{h}{BARIS_DATA}:{h}{BARIS_MAKS}")
        ws.add_data_validation(dv)

    validasi("tingkat", type="list", formula1=f"_daftar!$A$1:$A${len(casc.TINGKAT)}", error="Pilih tingkat dari daftar.")
    validasi("induk", type="list", formula1=f"${_huruf('id')}${BARIS_DATA}:${_huruf('id')}${BARIS_MAKS}",
             error="Induk harus ID simpul yang ada di kolom ID simpul.")
    validasi("penanggung_jawab", type="list", formula1=f"_daftar!$B$1:$B${len(rj['unit'])}", error="Pilih unit dari daftar.")
    for th in casc.TAHUN + casc.TAHUN_TAMBAHAN:
        validasi(casc.kolom_target(th), type="decimal", operator="greaterThanOrEqual", formula1="0",
                 error="Target angka ≥ 0 (persen 0–100, tanpa tanda %).")
    validasi("pagu", type="decimal", operator="greaterThanOrEqual", formula1="0", error="Pagu rupiah ≥ 0.")
    ws.freeze_panes = ws.cell(BARIS_DATA, 3)
    del akhir
    petunjuk = [
        "Petunjuk Pengisian Cascading (Penjenjangan) Kinerja",
        "1. Satu baris per simpul: tujuan, sasaran, program, kegiatan, sub kegiatan. ID simpul unik (mis. P-2).",
        "2. Induk: pilih ID simpul satu tingkat di atas (sasaran → tujuan, program → sasaran, kegiatan → program, "
        "sub kegiatan → kegiatan). Tujuan tidak berinduk.",
        f"3. Indikator, rumusan, satuan dan target {casc.TAHUN[0]}–{casc.TAHUN[-1]} wajib untuk setiap simpul; "
        "target persen 0–100 tanpa tanda %, target cacah (Paket, Dokumen, Unit, orang) bilangan bulat.",
        "4. Setiap sub kegiatan mempunyai penanggung jawab (bidang); setiap IKU (Kode IKU pada sasaran) dilayani "
        "sebuah sasaran, setiap sasaran sedikitnya satu program. Beberapa kode dipisah titik koma (IKK-02; IKK-03).",
        "5. Lembar ini menggantikan seluruh cascading: simpul yang dihapus dari lembar dihapus dari data.",
        "6. Periksa: iku impor BERKAS.xlsx --coba ; tulis: iku impor BERKAS.xlsx (semua atau tidak sama sekali).",
    ]
    for i, t in enumerate(petunjuk, start=1):
        pet.cell(i, 1, t).alignment = Alignment(wrap_text=True)
    pet["A1"].font = Font(bold=True, size=13)
    pet.column_dimensions["A"].width = 120
    meta = wb.create_sheet(LEMBAR_META)
    for b in (("jenis", JENIS_TEMPLAT), ("versi", VERSI), ("lembar", LEMBAR, "cascading")):
        meta.append(list(b))
    meta.sheet_state = "veryHidden"
    for lembar in (pet, ws, dl, meta):
        jadikan_teks(lembar)
    return simpan_buku_kerja(wb, jalur, timpa)


def adalah_templat(berkas: str | Path) -> bool:
    """Apakah ``berkas`` buku kerja cascading (lembar ``_templat`` berjenis :data:`JENIS_TEMPLAT`)."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(berkas, read_only=True)
    except Exception:  # noqa: BLE001  bukan buku kerja: biar pengimpor biasa yang melaporkannya
        return False
    if LEMBAR_META not in wb.sheetnames:
        return False
    for b in wb[LEMBAR_META].iter_rows(values_only=True):
        if b and b[0] == "jenis":
            return b[1] == JENIS_TEMPLAT
    return False


def _teks_sel(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return (f"{v:.10g}").replace(".", ",")
    return str(v).replace("\r", " ").replace("\n", " ").strip()


@dataclass
class _Hasil:
    berkas: Path
    folder: Path
    perubahan: list
    coba: bool = True
    ditulis: list | None = None

    @property
    def ada_perubahan(self) -> bool:
        return any(p.berubah for p in self.perubahan)

    def ringkasan(self) -> str:
        p = self.perubahan[0]
        out = [f"Buku kerja {self.berkas.name}: cascading, {p.diisi} simpul"]
        out.append(f"  data/cascading.csv: {len(p.ditambah)} ditambah, {len(p.diubah)} diubah, {p.tetap} tetap")
        from .impor import baris_status

        out.append(baris_status(self.ada_perubahan, self.coba, self.ditulis or [self.folder / casc.SKEMA.berkas]))
        return "\n".join(out)


def rencanakan(berkas: str | Path, folder: Path | None = None):
    """Baca dan validasi buku kerja cascading; bandingkan dengan ``data/cascading.csv``. Tidak menulis apa pun."""
    import openpyxl

    from .impor import PerubahanData

    berkas, folder = Path(berkas), Path(folder) if folder else folder_data()
    wb = openpyxl.load_workbook(berkas, data_only=True)
    tempat = f"lembar '{LEMBAR}'"
    if LEMBAR not in wb.sheetnames:
        raise KesalahanData([Pelanggaran(berkas.name, None, None, None, f"lembar '{LEMBAR}' tidak ada")])
    ws = wb[LEMBAR]
    judul = [ws.cell(BARIS_JUDUL, i).value for i in range(1, len(KOLOM) + 1)]
    salah = [Pelanggaran(tempat, BARIS_JUDUL, get_column_letter(i), j, f"judul kolom harus '{h}' (jangan mengubah judul kolom)")
             for i, (j, (_, h, _)) in enumerate(zip(judul, KOLOM), start=1) if j != h]
    if salah:
        raise KesalahanData(salah)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([k for k, _, _ in KOLOM])
    baris_excel = []
    for r in range(BARIS_DATA, max(ws.max_row, BARIS_DATA) + 1):
        sel = [_teks_sel(ws.cell(r, i).value) for i in range(1, len(KOLOM) + 1)]
        if not any(sel):
            continue
        w.writerow(sel)
        baris_excel.append(r)
    teks = buf.getvalue()
    ke_excel = {i + 2: r for i, r in enumerate(baris_excel)}
    judul_kol = lambda k: f"{_huruf(k)} ({_JUDUL[k]})" if k in _JUDUL else k  # noqa: E731

    def petakan(p: Pelanggaran) -> Pelanggaran:
        kol = p.kolom
        if kol and "," not in str(kol) and kol in _JUDUL:
            kol = judul_kol(kol)
        return Pelanggaran(tempat, ke_excel.get(p.baris, p.baris), kol, p.nilai, p.aturan)

    try:
        df = baca_csv(folder / casc.SKEMA.berkas, casc.SKEMA, teks=teks)
    except KesalahanData as e:
        raise KesalahanData([petakan(p) for p in e.pelanggaran]) from None
    masalah = casc.periksa(df, **casc.rujukan_data(folder), tempat=tempat, baris=lambda b: ke_excel.get(int(b), int(b)),
                           judul_kolom=judul_kol)
    if masalah:
        raise KesalahanData([m.pelanggaran for m in masalah])
    jalur = folder / casc.SKEMA.berkas
    lama = jalur.read_bytes() if jalur.exists() else None
    p = PerubahanData("cascading", casc.SKEMA.berkas, LEMBAR, diisi=len(df), kunci=("id",), bita_lama=lama)
    ids_lama = {}
    if lama is not None:
        for r in csv.DictReader(io.StringIO(lama.decode("utf-8-sig"))):
            ids_lama[r["id"]] = r
    # bandingkan nilai bertipe, bukan teks, agar impor kedua tidak mengubah apa pun
    lama_df = data.muat("cascading", folder) if lama is not None else None
    lama_per_id = {r["id"]: r for _, r in lama_df.iterrows()} if lama_df is not None else {}
    from .impor import _sama

    for _, r in df.iterrows():
        if r["id"] not in lama_per_id:
            p.ditambah.append({"id": r["id"]})
            continue
        beda = {k: (str(lama_per_id[r["id"]][k]), str(r[k])) for k, _, _ in KOLOM if not _sama(lama_per_id[r["id"]][k], r[k])}
        if beda:
            p.diubah.append((r["id"], beda))
        else:
            p.tetap += 1
    dihapus = set(lama_per_id) - set(df["id"])
    urutan_sama = lama_df is not None and list(lama_df["id"]) == list(df["id"])
    if p.ditambah or p.diubah or dihapus or not urutan_sama:
        p.teks_baru = teks
    return _Hasil(berkas, folder, [p])


def impor(berkas: str | Path, folder: Path | None = None, coba: bool = False):
    """Impor buku kerja cascading ke ``data/cascading.csv`` (``coba=True``: hanya pratinjau)."""
    from .impor import terapkan

    hasil = rencanakan(berkas, folder)
    if not coba and hasil.ada_perubahan:
        terapkan(hasil)
    hasil.coba = coba
    return hasil
