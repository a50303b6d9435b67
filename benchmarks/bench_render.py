"""Ukur ``iku render --semua`` terhadap loop papermill + nbconvert biasa.

Jalankan dari akar repositori::

    python benchmarks/bench_render.py              # semua tahun, ~10 menit
    python benchmarks/bench_render.py --tahun 2025 # cepat: satu tahun
    python benchmarks/bench_render.py --tanpa-polos --json hasil.json

Semua pengukuran dilakukan di salinan sementara repositori (``data/``,
``parameters/``, ``notebooks/``, ``src/``), sehingga ``rendered/`` dan
``data/`` yang asli tidak tersentuh dan perubahan yang sedang dikerjakan
orang lain tidak mengganggu pengukuran. ``src/`` salinan dipakai lewat
``PYTHONPATH``.

Yang diukur, dalam satu run:

(a) loop biasa seperti yang ditulis pengguna: untuk setiap tahun dan bab,
    satu perintah ``papermill`` lalu satu perintah ``jupyter nbconvert --to
    html`` (berurutan);
(b) ``iku render --semua --format html``:
    1. dingin (``rendered/`` kosong),
    2. tanpa perubahan apa pun (diulang beberapa kali; median dilaporkan),
    3. setelah ``touch`` (hanya waktu ubah) sebuah berkas data,
    4. setelah isi berkas data itu diubah (baris kosong ditambahkan di akhir):
       bab yang dieksekusi ulang dibandingkan dengan bab yang menurut
       manifest cache membaca berkas itu.

Dicetak: setiap waktu, rasionya, bab yang dieksekusi ulang, ukuran HTML tiap
tahun, dan keterangan mesin (``nproc``, model CPU, RAM, beban).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
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
    for var in ("IKU_DATA", "IKU_RENDERED", "IKU_KERNEL_SEGAR", "IKU_JEJAK", "IKU_MEMO"):
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


# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tahun", type=int, help="hanya satu tahun (bawaan: semua tahun, iku render --semua)")
    ap.add_argument("--jobs", type=int, help="diteruskan ke iku render --jobs (bawaan: jumlah inti)")
    ap.add_argument("--berkas", default="data/lks.csv", help="berkas data yang disentuh (bawaan: data/lks.csv)")
    ap.add_argument("--ulang", type=int, default=3, help="pengulangan render tanpa perubahan (median)")
    ap.add_argument("--tanpa-polos", action="store_true", help="lewati loop papermill + nbconvert (a)")
    ap.add_argument("--json", type=Path, help="simpan hasil sebagai JSON ke berkas ini")
    ap.add_argument("--simpan", action="store_true", help="jangan hapus salinan sementara")
    args = ap.parse_args(argv)

    info = mesin()
    kerja = Path(tempfile.mkdtemp(prefix="iku-bench-"))
    akar = salin_repo(kerja / "repo")
    env = lingkungan(akar)
    tahun = [args.tahun] if args.tahun else daftar_tahun(akar)
    buku = daftar_buku(akar)
    hasil: dict = {"mesin": info, "tahun": tahun, "bab_per_tahun": len(buku), "beban_awal": beban()}
    print(f"Mesin: {info['nproc']} inti, {info['cpu']}, RAM {info['ram_gib']} GiB, Python {info['python']}")
    print(f"Beban awal (loadavg 1/5/15 menit): {hasil['beban_awal']}")
    print(f"Salinan kerja: {akar}")
    print(f"{len(tahun)} tahun × {len(buku)} bab = {len(tahun) * len(buku)} eksekusi bab\n")

    try:
        if not args.tanpa_polos:
            print("(a) loop papermill + jupyter nbconvert --to html, satu perintah per bab dan tahun ...", flush=True)
            hasil["polos"] = loop_polos(akar, env, tahun)
            print(f"    {hasil['polos']['detik']:.1f} s ({hasil['polos']['perintah']} perintah)")
            for g in hasil["polos"]["gagal"]:
                print(f"    GAGAL: {g}")

        pilih = None if not args.tahun else tahun
        print("(b1) iku render --semua, dingin ...", flush=True)
        hasil["dingin"] = render_iku(akar, env, args.jobs, pilih)
        print(f"    {hasil['dingin']['detik']:.1f} s, {len(hasil['dingin']['dieksekusi'])} bab dieksekusi")

        print("(b2) tanpa perubahan ...", flush=True)
        ulang = [render_iku(akar, env, args.jobs, pilih) for _ in range(max(1, args.ulang))]
        hasil["tanpa_perubahan"] = {
            "detik": statistics.median(u["detik"] for u in ulang),
            "semua_detik": [round(u["detik"], 3) for u in ulang],
            "dieksekusi": sorted({d for u in ulang for d in u["dieksekusi"]}),
        }
        print(f"    median {hasil['tanpa_perubahan']['detik']:.2f} s {hasil['tanpa_perubahan']['semua_detik']}, "
              f"{len(hasil['tanpa_perubahan']['dieksekusi'])} bab dieksekusi")

        berkas = akar / args.berkas
        print(f"(b3) touch {args.berkas} (isi sama) ...", flush=True)
        os.utime(berkas)
        hasil["touch"] = render_iku(akar, env, args.jobs, pilih)
        print(f"    {hasil['touch']['detik']:.2f} s, {len(hasil['touch']['dieksekusi'])} bab dieksekusi")

        harapan = pembaca(akar, args.berkas)
        print(f"(b4) isi {args.berkas} diubah (baris kosong di akhir); dibaca oleh {len(harapan)} bab ...", flush=True)
        with open(berkas, "ab") as f:
            f.write(b"\n")
        hasil["ubah_data"] = render_iku(akar, env, args.jobs, pilih)
        hasil["ubah_data"]["pembaca"] = harapan
        hasil["ubah_data"]["tepat"] = hasil["ubah_data"]["dieksekusi"] == harapan
        print(f"    {hasil['ubah_data']['detik']:.1f} s, {len(hasil['ubah_data']['dieksekusi'])} bab dieksekusi "
              f"({'tepat pembacanya' if hasil['ubah_data']['tepat'] else 'TIDAK SAMA dengan pembacanya'})")
        for d in hasil["ubah_data"]["dieksekusi"]:
            print(f"      {d}")

        hasil["ukuran_html"] = ukuran_html(akar)
        hasil["beban_akhir"] = beban()
        peringatan = [u for u in (hasil["dingin"]["stderr"], hasil["ubah_data"]["stderr"]) if u]
        if peringatan:
            print("\nKeluaran stderr iku render:\n" + "\n".join(peringatan))
    finally:
        if not args.simpan:
            shutil.rmtree(kerja, ignore_errors=True)

    # ---------------------------------------------------------------- ringkasan
    print("\nRingkasan")
    print(f"  {'pengukuran':<52} {'detik':>8} {'rasio':>8}")
    polos = hasil.get("polos", {}).get("detik")
    dingin = hasil["dingin"]["detik"]

    def baris(nama, detik, rasio=None):
        r = f"{rasio:>7.1f}×" if rasio else f"{'':>8}"
        print(f"  {nama:<52} {detik:>8.2f} {r}")

    if polos:
        baris("(a) papermill + nbconvert per bab", polos)
    baris("(b1) iku render --semua, dingin", dingin, polos / dingin if polos else None)
    baris("(b2) tanpa perubahan (median)", hasil["tanpa_perubahan"]["detik"])
    baris(f"(b3) touch {args.berkas}", hasil["touch"]["detik"])
    baris(f"(b4) isi {args.berkas} diubah: {len(hasil['ubah_data']['dieksekusi'])} bab", hasil["ubah_data"]["detik"],
          polos / hasil["ubah_data"]["detik"] if polos else None)
    print(f"  dingin / tanpa perubahan: {dingin / hasil['tanpa_perubahan']['detik']:.0f}×")
    print("\n  Ukuran HTML per tahun (iku render):")
    for t, u in hasil["ukuran_html"].items():
        print(f"    {t}: {u / 1024 / 1024:.2f} MiB ({u:,} bita)")
    if polos:
        print("  Ukuran HTML per tahun (loop biasa, jumlah semua bab):")
        for t, u in hasil["polos"]["ukuran_html"].items():
            print(f"    {t}: {u / 1024 / 1024:.2f} MiB")
    print(f"\n  Beban (loadavg) awal {hasil['beban_awal']}, akhir {hasil['beban_akhir']}")

    if args.json:
        args.json.write_text(json.dumps(hasil, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
        print(f"Ditulis: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
