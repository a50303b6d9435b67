"""Parameter dokumen per tahun: ``parameters/base.yml`` ditimpa ``parameters/<tahun>.yml``.

Parameter divalidasi sebelum satu kernel pun dijalankan; kesalahan dilaporkan
dalam satu pesan yang menyebut berkas, kunci, nilai dan aturannya.

Examples
--------
>>> p = muat(2025)
>>> p.tahun, p.periode
(2025, 'Triwulan I')
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from . import aturan as _aturan
from . import _yaml
from . import memo as _memo
from .kesalahan import KesalahanParameter, pesan_pydantic, ringkas
from .paths import folder_parameter
from .periode import PERIODE, urutan_periode

__all__ = ["PERIODE", "Parameter", "PitaSpek", "muat", "tahun_tersedia", "urutan_periode"]

# Daftar dan urutan periode ada sekali, di analisis.core.periode.


class Penandatangan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    jabatan: str
    nama: str
    pangkat: str | None = None
    golongan: str | None = None
    nip: str | None = None


class PitaSpek(BaseModel):
    """Satu pita di bagian ``aturan`` (lihat :class:`analisis.core.aturan.Pita`).

    >>> PitaSpek(batas_bawah=90, label="AA").inklusif
    False
    """

    model_config = ConfigDict(extra="forbid")
    batas_bawah: float
    label: str
    keterangan: str = ""
    inklusif: bool = False

    @field_validator("label")
    @classmethod
    def _label_isi(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("label pita tidak boleh kosong")
        return v


class Parameter(BaseModel):
    """Parameter satu dokumen tahunan."""

    model_config = ConfigDict(extra="forbid")
    tahun: int
    periode: str = "Tahunan"
    tanggal_dokumen: _dt.date | None = None
    tempat: str | None = None
    penandatangan: Penandatangan | None = None
    nomor_keputusan: str | None = None
    aturan: dict[str, list[PitaSpek]] = {}

    @field_validator("tahun")
    @classmethod
    def _tahun_wajar(cls, v: int) -> int:
        if not 2000 <= v <= 2100:
            raise ValueError("tahun harus antara 2000 dan 2100")
        return v

    @field_validator("periode")
    @classmethod
    def _periode_dikenal(cls, v: str) -> str:
        if v not in PERIODE:
            raise ValueError("periode harus salah satu dari: " + ", ".join(PERIODE))
        return v

    @field_validator("aturan")
    @classmethod
    def _aturan_sah(cls, v):
        for nama, daftar in v.items():
            if nama not in _aturan.ATURAN_BAWAAN:
                raise ValueError(f"aturan {nama!r} tidak dikenal (yang dikenal: {', '.join(_aturan.ATURAN_BAWAAN)})")
            if not daftar:
                raise ValueError(f"aturan {nama!r}: daftar pita kosong")
            batas = [p.batas_bawah for p in daftar]
            if any(b != b for b in batas):
                raise ValueError(f"aturan {nama!r}: batas_bawah harus angka")
            if batas != sorted(batas, reverse=True) or len(set(batas)) != len(batas):
                raise ValueError(f"aturan {nama!r}: pita harus urut dari batas_bawah tertinggi ke terendah, tanpa batas ganda")
        return v

    def tabel_aturan(self) -> dict:
        """Tabel pita yang berlaku (bawaan ditimpa bagian ``aturan``)."""
        return _aturan.dari_parameter({k: [p.model_dump() for p in v] for k, v in self.aturan.items()})


def _baca_yaml(jalur: Path, kosong_boleh: bool = True) -> dict:
    label = f"parameters/{jalur.name}"
    try:
        isi = _yaml.baca(jalur, label)
    except _yaml.YAMLTidakSah as e:
        raise KesalahanParameter(str(e)) from None
    except OSError as e:
        raise KesalahanParameter(f"{label}: berkas tidak dapat dibaca ({e.strerror})") from None
    if isi is None:
        if kosong_boleh:
            return {}
        raise KesalahanParameter(f"{label}: berkas kosong; isi setidaknya 'tahun: {jalur.stem}' dan 'periode: ...' "
                                 "(berkas kosong tidak lagi dianggap Tahunan)")
    if not isinstance(isi, dict):
        raise KesalahanParameter(f"{label}: isi berkas harus berupa pemetaan kunci: nilai")
    return isi


def tahun_tersedia(folder: Path | None = None) -> tuple[int, ...]:
    """Tahun yang memiliki berkas parameter (``parameters/<tahun>.yml``).

    >>> tahun_tersedia()
    (2024, 2025, 2026, 2027, 2028, 2029)
    """
    folder = folder or folder_parameter()
    return tuple(sorted(int(p.stem) for p in folder.glob("*.yml") if p.stem.isdigit()))


def muat(tahun: int, periode: str | None = None, folder: Path | None = None) -> Parameter:
    """Parameter tahun ``tahun`` (``periode`` menimpa periode berkas bila diberikan)."""
    folder = folder or folder_parameter()
    try:
        tahun = int(tahun)
    except (TypeError, ValueError):
        raise KesalahanParameter(f"tahun harus bilangan bulat, bukan {tahun!r}") from None
    dasar = folder / "base.yml"
    berkas = folder / f"{tahun}.yml"
    _memo.catat(dasar)  # bacaan parameter ikut kunci memo (analisis.core.memo) dan cache bab
    _memo.catat(berkas)
    if not berkas.exists():
        ada = ", ".join(str(t) for t in tahun_tersedia(folder)) or "tidak ada"
        raise KesalahanParameter(
            f"tidak ada parameter untuk tahun {tahun}: berkas parameters/{tahun}.yml tidak ditemukan "
            f"(tahun yang tersedia: {ada})"
        )
    gabungan = _baca_yaml(dasar) if dasar.exists() else {}
    khusus = _baca_yaml(berkas, kosong_boleh=False)
    gabungan.update(khusus)
    if periode is not None:
        gabungan["periode"] = periode
    if gabungan.get("tahun", tahun) != tahun:
        raise KesalahanParameter(
            f"parameters/{tahun}.yml, kunci 'tahun', nilai {ringkas(gabungan['tahun'])}: harus sama dengan nama berkas ({tahun})"
        )
    gabungan["tahun"] = tahun
    try:
        return Parameter(**gabungan)
    except ValidationError as e:
        pesan = []
        for err in e.errors():
            kunci = ".".join(str(x) for x in err["loc"]) or "(berkas)"
            nilai = err.get("input")
            aturan = pesan_pydantic(err)
            pesan.append(f"parameters/{tahun}.yml (atau base.yml), kunci '{kunci}', nilai {ringkas(nilai)}: {aturan}")
        raise KesalahanParameter("Parameter tidak valid:\n  - " + "\n  - ".join(pesan)) from None
