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
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bersama import (  # noqa: E402
    baris, beban, cetak_mesin, daftar_buku, daftar_tahun, lingkungan, loop_polos, mesin, pembaca, render_iku,
    salin_repo, simpan_json, tanpa_perubahan, ukuran_html,
)


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
    cetak_mesin(info)
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
        hasil["tanpa_perubahan"] = tanpa_perubahan(akar, env, args.jobs, pilih, args.ulang)
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

    simpan_json(args.json, hasil)
    return 0


if __name__ == "__main__":
    sys.exit(main())
