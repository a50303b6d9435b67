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

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from . import aturan as _aturan
from .kesalahan import KesalahanParameter
from .paths import folder_parameter
from .periode import PERIODE, urutan_periode

__all__ = ["PERIODE", "Parameter", "muat", "tahun_tersedia", "urutan_periode"]

# Daftar dan urutan periode ada sekali, di analisis.core.periode.


class Penandatangan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    jabatan: str
    nama: str
    pangkat: str | None = None
    golongan: str | None = None
    nip: str | None = None


class Parameter(BaseModel):
    """Parameter satu dokumen tahunan."""

    model_config = ConfigDict(extra="forbid")
    tahun: int
    periode: str = "Tahunan"
    tanggal_dokumen: _dt.date | None = None
    tempat: str | None = None
    penandatangan: Penandatangan | None = None
    nomor_keputusan: str | None = None
    aturan: dict[str, list[dict[str, Any]]] = {}

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
        try:
            _aturan.dari_parameter(v)
        except (TypeError, ValueError) as e:
            raise ValueError(f"aturan tidak sah: {e}") from None
        return v

    def tabel_aturan(self) -> dict:
        """Tabel pita yang berlaku (bawaan ditimpa bagian ``aturan``)."""
        return _aturan.dari_parameter(self.aturan)


def _baca_yaml(jalur: Path) -> dict:
    try:
        isi = yaml.safe_load(jalur.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise KesalahanParameter(f"{jalur.name}: bukan YAML yang sah ({e})") from None
    except UnicodeDecodeError:
        raise KesalahanParameter(f"{jalur.name}: berkas bukan teks UTF-8") from None
    if not isinstance(isi, dict):
        raise KesalahanParameter(f"{jalur.name}: isi berkas harus berupa pemetaan kunci: nilai")
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
    if not berkas.exists():
        ada = ", ".join(str(t) for t in tahun_tersedia(folder)) or "tidak ada"
        raise KesalahanParameter(
            f"tidak ada parameter untuk tahun {tahun}: berkas parameters/{tahun}.yml tidak ditemukan "
            f"(tahun yang tersedia: {ada})"
        )
    gabungan = _baca_yaml(dasar) if dasar.exists() else {}
    khusus = _baca_yaml(berkas)
    gabungan.update(khusus)
    if periode is not None:
        gabungan["periode"] = periode
    if gabungan.get("tahun", tahun) != tahun:
        raise KesalahanParameter(
            f"parameters/{tahun}.yml, kunci 'tahun', nilai {gabungan['tahun']!r}: harus sama dengan nama berkas ({tahun})"
        )
    gabungan["tahun"] = tahun
    try:
        return Parameter(**gabungan)
    except ValidationError as e:
        pesan = []
        for err in e.errors():
            kunci = ".".join(str(x) for x in err["loc"]) or "(berkas)"
            nilai = err.get("input")
            aturan = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                aturan = "kunci tidak dikenal"
            elif err["type"] == "missing":
                aturan = "kunci wajib diisi"
            elif err["type"].startswith("date"):
                aturan = "harus tanggal dengan format YYYY-MM-DD"
            elif err["type"].startswith("int"):
                aturan = "harus bilangan bulat"
            pesan.append(f"parameters/{tahun}.yml (atau base.yml), kunci '{kunci}', nilai {nilai!r}: {aturan}")
        raise KesalahanParameter("Parameter tidak valid:\n  - " + "\n  - ".join(pesan)) from None
