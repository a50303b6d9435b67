"""Kernel siaga: kernel hangat yang ditinggalkan satu ``iku render`` untuk render berikutnya.

Memulai kernel dan mengimpor paket beratnya (pandas, matplotlib, pandera)
memakan ±2 s (mesin 2 inti lengang), lebih lama dari eksekusi bab yang berubah setelah satu CSV
disunting. Karena itu, ketika sebuah render (atau ``iku pratinjau``) selesai
dengan normal, kernel yang masih sehat tidak dimatikan tetapi *diparkir*:

- kernel diberi tahu (``_iku_kernel.parkir``) bahwa ia siaga, lalu satu berkas
  ``<rendered>/.kernel/<id>.json`` (mode 0600) mencatat pid, info koneksi dan
  sidik lingkungannya;
- render berikutnya dengan sidik yang sama *mengklaim* berkas itu dengan
  ``os.rename`` (atomik: hanya satu proses yang berhasil), menyambung ke
  kernelnya, dan memakainya seperti kernel yang baru dimulai. Sebelum setiap
  bab kernel tetap dikembalikan ke keadaan segar (``_iku_kernel.mulai``: ruang
  nama, modul ``analisis`` dan modul proyek lain, matplotlib, ``warnings``,
  ``sys.path``, lingkungan, folder kerja);
- sidik memuat interpreter Python, waktu ubah folder ``site-packages`` (paket
  yang dipasang atau diperbarui), variabel lingkungan kernel, folder kerja,
  folder yang dilacak, dan kode persiapan kernel. Sidik yang berbeda: kernel
  itu tidak dipakai (dan dimatikan bila sudah usang);
- kernel siaga berhenti sendiri setelah :data:`DETIK_BAWAAN` detik tanpa
  dipakai (``IKU_KERNEL_SIAGA=<detik>``), segera bila folder ``.kernel``-nya
  hilang (mis. ``rendered/`` dihapus), dan — selama dipakai — segera bila
  proses ``iku`` pemakainya mati (seperti kernel biasa).

``IKU_KERNEL_SIAGA=0`` mematikan semuanya (kernel ditutup di akhir render,
seperti sebelumnya); test suite memakainya kecuali tes kernel siaga sendiri.
Setelah Ctrl-C, kernel dibunuh dan tidak diparkir.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["DETIK_BAWAAN", "detik_siaga", "sidik", "klaim", "parkir", "hentikan_semua"]

#: Lama (detik) kernel siaga menunggu dipakai sebelum berhenti sendiri.
DETIK_BAWAAN = 600

#: Variabel lingkungan yang berubah antar-perintah di shell yang sama (tidak ikut sidik).
_LINGKUNGAN_BERUBAH = frozenset({"_", "OLDPWD", "SHLVL", "PWD"})


def detik_siaga() -> int:
    """Detik kernel siaga menunggu (``IKU_KERNEL_SIAGA``; 0 = tanpa kernel siaga).

    >>> import os; os.environ["IKU_KERNEL_SIAGA"] = "0"; detik_siaga()
    0
    >>> os.environ["IKU_KERNEL_SIAGA"] = "bukan angka"; detik_siaga() == DETIK_BAWAAN
    True
    >>> del os.environ["IKU_KERNEL_SIAGA"]
    """
    nilai = os.environ.get("IKU_KERNEL_SIAGA", "").strip()
    if not nilai:
        return DETIK_BAWAAN
    try:
        return max(0, int(float(nilai)))
    except ValueError:
        return DETIK_BAWAAN


def _site_packages() -> list[str]:
    hasil = []
    for p in sys.path:
        if p and ("site-packages" in p or "dist-packages" in p) and os.path.isdir(p):
            with contextlib.suppress(OSError):
                hasil.append(f"{p}:{os.stat(p).st_mtime_ns}")
    return hasil


def sidik(env: dict[str, str], cwd: Path | str, akar_jejak: list[str], kode_persiapan: str) -> str:
    """Sidik yang harus sama agar kernel siaga boleh dipakai (lihat docstring modul).

    >>> a = sidik({"A": "1", "SHLVL": "2"}, "/x", ["/x/data"], "kode")
    >>> a == sidik({"A": "1", "SHLVL": "3"}, "/x", ["/x/data"], "kode"), a == sidik({"A": "2"}, "/x", ["/x/data"], "kode")
    (True, False)
    """
    h = hashlib.sha256()
    bagian = [sys.executable, sys.version, os.path.abspath(str(cwd)), *sorted(akar_jejak), *_site_packages(),
              hashlib.sha256(kode_persiapan.encode()).hexdigest()]
    bagian += [f"{k}={v}" for k, v in sorted(env.items()) if k not in _LINGKUNGAN_BERUBAH]
    for b in bagian:
        h.update(b.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def _proses_kernel(pid: int, folder_ipc: str) -> bool:
    """``pid`` masih hidup dan memang kernel dengan soket di ``folder_ipc`` (bukan pid yang dipakai ulang)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().decode("utf-8", "replace")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return os.path.isdir(folder_ipc)  # tanpa /proc: cukup folder soketnya masih ada
    return "ipykernel" in cmd and folder_ipc in cmd


def _hapus_folder_ipc(info: dict) -> None:
    """Folder soket kernel (hanya folder ``iku-k-*`` yang dibuat :class:`analisis.document.render._Kernel`)."""
    folder_ipc = str(info.get("folder_ipc") or "")
    if folder_ipc and os.path.basename(folder_ipc).startswith("iku-k"):
        shutil.rmtree(folder_ipc, ignore_errors=True)


def _matikan(info: dict) -> None:
    pid, folder_ipc = info.get("pid"), str(info.get("folder_ipc") or "")
    if isinstance(pid, int) and folder_ipc and _proses_kernel(pid, folder_ipc):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    _hapus_folder_ipc(info)


def klaim(folder: Path, sidik_: str, maks: int) -> list[dict]:
    """Klaim sampai ``maks`` kernel siaga bersidik ``sidik_`` di ``folder``; kernel usang dimatikan.

    Berkas yang diklaim dihapus (pemiliknya kini proses ini). Kernel yang
    sudah berhenti atau bersidik lain (setelah paket diperbarui, lingkungan
    lain) dibersihkan agar tidak menunggu sia-sia.
    """
    hasil: list[dict] = []
    try:
        nama = sorted(p for p in os.listdir(folder) if p.endswith(".json"))
    except OSError:
        return hasil
    for n in nama:
        if len(hasil) >= maks:
            break
        jalur = folder / n
        milik = jalur.with_name(f"{n}.{os.getpid()}.klaim")
        try:
            os.rename(jalur, milik)
        except OSError:
            continue  # diklaim proses lain
        try:
            info = json.loads(milik.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = None
        with contextlib.suppress(OSError):
            milik.unlink()
        if not isinstance(info, dict):
            continue
        if info.get("sidik") != sidik_ or not _proses_kernel(int(info.get("pid") or 0), str(info.get("folder_ipc"))):
            _matikan(info)
            continue
        hasil.append(info)
    return hasil


def parkir(folder: Path, info: dict) -> bool:
    """Catat kernel siaga ``info`` di ``folder`` (atomik, mode 0600); ``False`` bila tidak dapat ditulis."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        jalur = folder / f"{info['pid']}-{hashlib.sha256(str(info['folder_ipc']).encode()).hexdigest()[:8]}.json"
        sementara = jalur.with_name(f".{jalur.name}.tmp")
        fd = os.open(sementara, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(info, f)
        os.replace(sementara, jalur)
        return True
    except OSError:
        return False


def hentikan_semua(folder: Path) -> int:
    """Matikan setiap kernel siaga di ``folder`` (mis. sebelum ``rendered/`` dihapus); jumlahnya."""
    jumlah = 0
    for info in klaim(folder, "\0tidak-ada\0", maks=10**6):  # sidik yang tidak pernah cocok: semua dimatikan
        _matikan(info)
        jumlah += 1
    return jumlah


class _Proses:
    """Pengganti ``provisioner.process`` untuk kernel yang tidak dimulai proses ini."""

    def __init__(self, pid: int, folder_ipc: str):
        self.pid = pid
        self.folder_ipc = folder_ipc

    def poll(self) -> int | None:
        return None if _proses_kernel(self.pid, self.folder_ipc) else 0


class _Penyedia:
    def __init__(self, proses: _Proses):
        self.process = proses


class PengelolaAdopsi:
    """Pengganti ``KernelManager`` (yang dipakai nbclient dan :class:`analisis.document.render._Kernel`)
    untuk kernel siaga yang diklaim: hidup/interupsi/matikan lewat pid-nya."""

    def __init__(self, info: dict):
        self.info = info
        self.provisioner = _Penyedia(_Proses(int(info["pid"]), str(info["folder_ipc"])))
        self.has_kernel = True
        self.connection_info = info["koneksi"]

    async def is_alive(self) -> bool:
        return self.provisioner.process.poll() is None

    async def interrupt_kernel(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.provisioner.process.pid, signal.SIGINT)

    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        _matikan(self.info)

    def cleanup_resources(self, restart: bool = False) -> None:
        _hapus_folder_ipc(self.info)

    def get_connection_info(self) -> dict:
        return dict(self.connection_info)

    def client(self) -> Any:
        from jupyter_client.asynchronous import AsyncKernelClient

        kc = AsyncKernelClient()
        kc.load_connection_info(self.connection_info)
        return kc
