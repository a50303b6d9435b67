"""Bagian bersama benchmark ``bench_render.py``, ``bench_pratinjau.py`` dan ``profil_render.py``.

Keterangan mesin dan beban, salinan kerja sementara repositori beserta
lingkungannya, loop papermill + nbconvert biasa (a), ``iku render`` yang diukur
(b) dan bab mana yang dieksekusinya, serta baris ringkasan.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
POLA_BUKU = re.compile(r"^\d+[_-][^/]*\.ipynb$")  # sama dengan analisis.document.render.POLA_BUKU


# ---------------------------------------------------------------------------
# Mesin


def mesin() -> dict:
    info = {"nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        info["nproc"] = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        m = re.search(r"^model name\s*:\s*(.+)$", cpu, re.M)
        info["cpu"] = m.group(1).strip() if m else None
    except OSError:
        info["cpu"] = None
    try:
        mem = Path("/proc/meminfo").read_text()
        m = re.search(r"^MemTotal:\s*(\d+) kB", mem, re.M)
        info["ram_gib"] = round(int(m.group(1)) / 1024 / 1024, 1) if m else None
    except OSError:
        info["ram_gib"] = None
    return info


def beban() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# ---------------------------------------------------------------------------
# Salinan kerja


def salin_repo(tujuan: Path) -> Path:
    abaikan = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")
    tujuan.mkdir(parents=True)
    for nama in ("data", "parameters", "notebooks", "src"):
        shutil.copytree(AKAR / nama, tujuan / nama, ignore=abaikan)
    return tujuan


def lingkungan(akar: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("IKU_DATA", "IKU_RENDERED", "IKU_KERNEL_SEGAR", "IKU_JEJAK", "IKU_MEMO", "IKU_TANPA_JALUR_CEPAT"):
        env.pop(var, None)
    # Salinan kerja berperilaku seperti salinan analis: Python menyimpan bytecode
    # (__pycache__) di sana. Sebagian lingkungan (kontainer, CI) menyetel
    # PYTHONDONTWRITEBYTECODE=1 secara global; dengan itu setiap perintah,
    # termasuk loop biasa (a), mengompilasi ulang src/ pada setiap start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Memo lintas proses (analisis.core.memo) milik salinan ini saja: "dingin" benar-benar dingin.
    env["IKU_MEMO"] = str(akar.parent / "memo")
    env["IKU_ROOT"] = str(akar)
    env["PYTHONPATH"] = os.pathsep.join([str(akar / "src"), *[p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]])
    return env


def daftar_tahun(akar: Path) -> list[int]:
    return sorted(int(p.stem) for p in (akar / "parameters").glob("*.yml") if p.stem.isdigit())


def daftar_buku(akar: Path) -> list[Path]:
    return sorted(p for p in (akar / "notebooks").iterdir() if POLA_BUKU.match(p.name))


def jalankan(cmd: list[str], env: dict, cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - t0, p


def program(nama: str) -> str | None:
    """Skrip ``nama`` di lingkungan Python yang menjalankan benchmark ini, lalu di PATH.

    ``.venv/bin/python benchmarks/bench_render.py`` tanpa mengaktifkan
    lingkungan tetap memakai papermill, jupyter dan iku milik lingkungan itu.
    """
    samping = Path(sys.executable).parent / nama
    if samping.is_file() and os.access(samping, os.X_OK):
        return str(samping)
    return shutil.which(nama)


def perintah_iku() -> list[str]:
    iku = program("iku")
    return [iku] if iku else [sys.executable, "-m", "analisis.cli"]


# ---------------------------------------------------------------------------
# (a) loop biasa


def loop_polos(akar: Path, env: dict, tahun: list[int]) -> dict:
    # seperti pengguna menjalankannya: tanpa memo lintas proses yang hanya disetel iku render
    env = {k: v for k, v in env.items() if k != "IKU_MEMO"}
    papermill = program("papermill") or "papermill"
    jupyter = program("jupyter") or "jupyter"
    keluaran = akar / "polos"
    gagal = []
    ukuran = {}
    t0 = time.perf_counter()
    for t in tahun:
        folder = keluaran / str(t)
        folder.mkdir(parents=True)
        for buku in daftar_buku(akar):
            dieksekusi = folder / buku.name
            _, p = jalankan([papermill, str(buku), str(dieksekusi), "-p", "tahun", str(t),
                             "--cwd", str(akar / "notebooks")], env, akar)
            if p.returncode != 0:
                gagal.append(f"papermill {t} {buku.name}: {p.stderr.strip().splitlines()[-1:]}")
                continue
            _, p = jalankan([jupyter, "nbconvert", "--to", "html", str(dieksekusi)], env, akar)
            if p.returncode != 0:
                gagal.append(f"nbconvert {t} {buku.name}: {p.stderr.strip().splitlines()[-1:]}")
        ukuran[t] = sum(f.stat().st_size for f in folder.glob("*.html"))
    return {"detik": time.perf_counter() - t0, "gagal": gagal, "ukuran_html": ukuran,
            "perintah": 2 * len(tahun) * len(daftar_buku(akar))}


# ---------------------------------------------------------------------------
# (b) iku render --semua


def manifest(akar: Path) -> dict[str, dict]:
    """``"<tahun>/<bab>"`` → manifest cache (untuk melihat bab mana yang dieksekusi)."""
    hasil = {}
    for m in sorted((akar / "rendered").glob("[0-9][0-9][0-9][0-9]/.cache/*/manifest.json")):
        try:
            isi = json.loads(m.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        hasil[f"{m.parents[2].name}/{m.parent.name}"] = isi
    return hasil


def dieksekusi_antara(sebelum: dict, sesudah: dict) -> list[str]:
    return sorted(k for k, v in sesudah.items() if k not in sebelum or sebelum[k].get("dibuat") != v.get("dibuat"))


def render_iku(akar: Path, env: dict, jobs: int | None, tahun: list[int] | None) -> dict:
    cmd = [*perintah_iku(), "render", "--format", "html"]
    cmd += ["--semua"] if tahun is None else ["--tahun", str(tahun[0])]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    sebelum = manifest(akar)
    detik, p = jalankan(cmd, env, akar)
    sesudah = manifest(akar)
    if p.returncode != 0:
        raise SystemExit(f"iku render gagal ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return {"detik": detik, "dieksekusi": dieksekusi_antara(sebelum, sesudah), "stderr": p.stderr.strip()}


def ukuran_html(akar: Path) -> dict[int, int]:
    return {int(p.parent.name): p.stat().st_size for p in sorted((akar / "rendered").glob("[0-9]*/IKU-*.html"))}


def pembaca(akar: Path, berkas: str) -> list[str]:
    return sorted(k for k, v in manifest(akar).items() if berkas in v.get("komponen", {}).get("baca", {}))


def tanpa_perubahan(akar: Path, env: dict, jobs: int | None, tahun: list[int] | None, ulang: int) -> dict:
    """(b2) ``iku render`` tanpa perubahan apa pun, ``ulang`` kali (median, termasuk start Python)."""
    hasil = [render_iku(akar, env, jobs, tahun) for _ in range(max(1, ulang))]
    return {
        "detik": statistics.median(u["detik"] for u in hasil),
        "semua_detik": [round(u["detik"], 3) for u in hasil],
        "dieksekusi": sorted({d for u in hasil for d in u["dieksekusi"]}),
    }


def cetak_mesin(info: dict) -> None:
    print(f"Mesin: {info['nproc']} inti, {info['cpu']}, RAM {info['ram_gib']} GiB, Python {info['python']}")


def baris(nama: str, detik: float, rasio: float | None = None, lebar: int = 52) -> None:
    """Satu baris ringkasan: nama, detik, rasio terhadap loop biasa (bila ada)."""
    r = f"{rasio:>7.1f}×" if rasio else f"{'':>8}"
    print(f"  {nama:<{lebar}} {detik:>8.2f} {r}")


def simpan_json(jalur: Path | None, hasil: dict) -> None:
    if jalur:
        jalur.write_text(json.dumps(hasil, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
        print(f"Ditulis: {jalur}")
