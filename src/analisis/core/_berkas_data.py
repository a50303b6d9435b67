"""Berkas ``data/`` yang dikenal dan validasi YAML-nya, tanpa pandas dan pandera.

``iku render`` memeriksa bahwa setiap berkas data ada dan setiap YAML sah
*sebelum* kernel mana pun dimulai (:func:`analisis.document.render._periksa_berkas_data`);
modul ini hanya memerlukan pydantic dan PyYAML, sehingga pemeriksaan itu tidak
menunggu impor pandas/pandera (±1,5 s) dan kernel dimulai lebih awal.
:mod:`analisis.core.data` mengekspor ulang semuanya; :mod:`analisis.core.skema`
memastikan :data:`BERKAS_CSV` sama dengan berkas setiap skemanya.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from . import _yaml, memo
from .kesalahan import KesalahanData, Pelanggaran, pesan_pydantic
from .paths import folder_data

#: Berkas CSV yang dikenal skema (:data:`analisis.core.skema.SKEMA`; skema memeriksa kesamaannya saat diimpor).
BERKAS_CSV = (
    "aset.csv", "asn_jabatan.csv", "asn_rincian.csv", "cascading.csv", "dasar_hukum.csv",
    "definisi_operasional.csv", "dicetak.csv", "indikator.csv", "kemiskinan.csv", "keputusan_temuan.csv",
    "lks.csv", "lks_daftar.csv", "pohon_faktor_penyebab.csv", "pohon_kinerja.csv", "ppks_pas.csv",
    "ppks_rekap.csv", "psks.csv", "realisasi.csv", "rencana_aksi.csv", "sakip.csv", "sdm_kesos.csv",
    "spm_layanan.csv", "spm_mutu.csv", "spm_permasalahan.csv", "spm_realisasi.csv", "spm_target.csv",
    "target.csv",
)

_jejak = memo.catat


class _Ketat(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Orang(_Ketat):
    jabatan: str
    nama: str
    pangkat: str | None = None
    golongan: str | None = None
    nip: str | None = None


class _Bidang(_Ketat):
    id: str
    nama: str
    singkatan: str | None = None


class _Periode(_Ketat):
    awal: int
    akhir: int


class _Instansi(_Ketat):
    pemerintah: str
    jenis_daerah: str
    nama_daerah: str
    provinsi: str
    ibu_kota: str
    nama_perangkat_daerah: str
    nama_lengkap: str
    singkatan: str | None = None
    periode_renstra: _Periode
    kepala: _Orang
    tanggal_dokumen: _dt.date | None = None
    tempat_dokumen: str | None = None
    tanggal_pohon_kinerja: _dt.date | None = None
    sektor_pohon_kinerja: str | None = None
    jumlah_kecamatan: int | None = None  # penyebut tetap DO IKK 13 (impor realisasi)
    tugas: str
    bidang: list[_Bidang]


class _Unit(_Ketat):
    id: str
    nama: str
    induk: str | None = None
    jenis: str
    tugas: str | None = None
    fungsi: list[str] = []


class _Organisasi(_Ketat):
    kalimat_pengantar: dict[str, str] = {}
    fungsi: list[str]
    susunan: list[_Unit]


class _Diktum(_Ketat):
    diktum: str
    teks: str


class _Keputusan(BaseModel):
    model_config = ConfigDict(extra="allow")
    nomor: str
    judul: str
    tentang: str
    menimbang: list[str]
    memutuskan: list[_Diktum]
    ditetapkan_di: str
    tanggal: _dt.date
    penandatangan: list[str]


class _Pohon(BaseModel):
    model_config = ConfigDict(extra="allow")
    masalah_ultimate: str


BERKAS_YAML = {
    "instansi": ("instansi.yaml", _Instansi),
    "organisasi": ("organisasi.yaml", _Organisasi),
    "keputusan": ("keputusan.yaml", _Keputusan),
    "pohon_kinerja_info": ("pohon_kinerja.yaml", _Pohon),
}


def _muat_yaml(nama: str, folder: Path | None = None) -> dict:
    return _muat_yaml_sah(nama, Path(folder or folder_data()))


@memo.ingat
def _muat_yaml_sah(nama: str, folder: Path) -> dict:
    berkas, model = BERKAS_YAML[nama]
    jalur = folder / berkas
    label = f"data/{berkas}"
    _jejak(jalur)
    if not jalur.exists():
        raise KesalahanData([Pelanggaran(label, None, None, None, "berkas tidak ditemukan")])
    try:
        isi = _yaml.baca(jalur, label)
    except _yaml.YAMLTidakSah as e:
        raise KesalahanData([Pelanggaran(label, e.baris, e.kunci, e.nilai, e.aturan)]) from None
    if not isinstance(isi, dict):
        raise KesalahanData([Pelanggaran(label, None, None, None, "isi berkas harus berupa pemetaan kunci: nilai")])
    try:
        model.model_validate(isi)
    except ValidationError as e:
        salah = []
        for err in e.errors():
            kunci_err = ".".join(str(x) for x in err["loc"])
            salah.append(Pelanggaran(label, None, kunci_err, err.get("input") if err["type"] != "missing" else None,
                                     pesan_pydantic(err)))
        raise KesalahanData(salah) from None
    return isi


def berkas_hilang(folder: Path | None = None) -> list[Pelanggaran]:
    """Pelanggaran untuk setiap berkas data yang dikenal (skema CSV dan YAML) tetapi tidak ada.

    Isi berkas tidak dibaca: pemeriksaan murah yang dipakai ``iku render``
    sebelum kernel apa pun dijalankan, agar bab-bab tidak dieksekusi hanya
    untuk gagal satu per satu karena berkas yang hilang.

    >>> berkas_hilang()
    []
    """
    akar = Path(folder or folder_data())
    if not akar.is_dir():
        return [Pelanggaran(f"{akar}", None, None, None, "folder data tidak ditemukan")]
    nama = sorted(set(BERKAS_CSV) | {b for b, _ in BERKAS_YAML.values()})
    return [Pelanggaran(f"data/{n}", None, None, None, "berkas tidak ditemukan; dokumen tidak dirender")
            for n in nama if not (akar / n).is_file()]
