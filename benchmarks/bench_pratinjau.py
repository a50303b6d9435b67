"""Ukur ``iku pratinjau`` (simpan → terlihat) dan ``iku render`` satu tahun terhadap loop papermill biasa.

Jalankan dari akar repositori::

    python benchmarks/bench_pratinjau.py                 # tahun 2025, ± 5 menit
    python benchmarks/bench_pratinjau.py --tanpa-polos   # tanpa loop papermill (a)
    python benchmarks/bench_pratinjau.py --json hasil.json

Semua dilakukan di salinan sementara repositori (lihat ``bench_render.py``);
``data/`` dan ``rendered/`` asli tidak disentuh. Dalam satu run, untuk satu tahun:

(a)  loop biasa: satu ``papermill`` + satu ``jupyter nbconvert --to html`` per bab;
(b1) ``iku render --tahun T --format html`` dingin (``rendered/`` kosong);
(b2) tanpa perubahan (median beberapa kali, termasuk start Python);
(b4) setelah isi satu CSV diubah (``--berkas``, baris kosong di akhir);
(c)  ``iku pratinjau --tahun T``: setelah render pertama, ``--suntingan`` kali
     nilai ``jumlah`` Pekerja Sosial (Profesional) di ``data/psks.csv`` diganti;
     waktu dari berkas selesai ditulis sampai halaman ``/`` memuat angka baru,
     menunggu di ``/versi?sejak=<versi>`` seperti skrip di halaman (server
     menjawab begitu versi atau status merender berubah), lalu memuat ``/``
     seperti peramban yang memuat ulang. Median dan setiap nilai dilaporkan,
     bersama rincian tahap dari log pratinjau.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bersama as br  # noqa: E402

BARIS = "2025,1,Pekerja Sosial (Profesional),{},1,"


def _format_id(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def ukur_pratinjau(akar: Path, env: dict, tahun: int, suntingan: int) -> dict:
    cmd = [*br.perintah_iku(), "pratinjau", "--tahun", str(tahun), "--port", "0"]
    p = subprocess.Popen(cmd, env=env, cwd=akar, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    port: list[int] = []
    siap = threading.Event()

    def baca():
        for b in p.stdout:
            log.append(b)
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", b)
            if m and not port:
                port.append(int(m.group(1)))
                siap.set()
        siap.set()

    threading.Thread(target=baca, daemon=True).start()
    t_mulai = time.perf_counter()
    try:
        if not siap.wait(120) or not port:
            raise SystemExit("pratinjau tidak mulai:\n" + "".join(log))
        url = f"http://127.0.0.1:{port[0]}"

        def versi(sejak: str | None = None, sedang: bool = False):
            tanya = "" if sejak is None else f"?sejak={urllib.parse.quote(sejak)}&sedang={int(sedang)}&tunggu=25"
            return json.load(urllib.request.urlopen(url + "/versi" + tanya, timeout=60))

        while True:
            d = versi()
            if d["jumlah_render"] >= 1 and not d["sedang"]:
                break
            time.sleep(0.1)
        pertama = time.perf_counter() - t_mulai
        if d["galat"]:
            raise SystemExit("render pertama pratinjau gagal:\n" + d["galat"])
        berkas = akar / "data" / "psks.csv"
        nilai_lama = 5
        waktu = []
        for i in range(suntingan):
            nilai = 9000 + 111 * i
            teks = berkas.read_text(encoding="utf-8")
            lama = BARIS.format(nilai_lama)
            assert teks.count(lama) == 1, lama
            v0 = versi()["versi"]
            time.sleep(1.0)  # halaman sudah tenang
            berkas.write_text(teks.replace(lama, BARIS.format(nilai)), encoding="utf-8")
            t0 = time.perf_counter()
            sedang = False
            while True:  # seperti skrip halaman: tunggu perubahan, tanpa selang tanya
                d = versi(v0, sedang)
                sedang = bool(d["sedang"])
                if d["versi"] != v0:
                    break
            halaman = urllib.request.urlopen(url + "/", timeout=30).read().decode("utf-8")
            dt = time.perf_counter() - t0
            if _format_id(nilai) not in halaman:
                raise SystemExit(f"angka {_format_id(nilai)} tidak ada di halaman; galat: {d['galat']}")
            waktu.append(round(dt, 2))
            nilai_lama = nilai
            print(f"    suntingan {i + 1}: {dt:.2f} s", flush=True)
        berkas.write_text(berkas.read_text(encoding="utf-8").replace(BARIS.format(nilai_lama), BARIS.format(5)),
                          encoding="utf-8")
    finally:
        if p.poll() is None:
            p.send_signal(signal.SIGINT)
            try:
                p.wait(120)
            except subprocess.TimeoutExpired:
                print("    pratinjau tidak berhenti 120 s setelah SIGINT; log terakhir:\n" + "".join(log[-10:]))
                p.kill()
                p.wait()
    rinci = [b.strip() for b in log if "Diperbarui dalam" in b and "psks.csv" in b]
    return {"render_pertama": round(pertama, 2), "detik": statistics.median(waktu), "semua_detik": waktu,
            "log": rinci, "kode_keluar": p.returncode}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tahun", type=int, default=2025)
    ap.add_argument("--berkas", default="data/lks.csv", help="CSV yang diubah untuk (b4) (bawaan: data/lks.csv)")
    ap.add_argument("--suntingan", type=int, default=5, help="jumlah suntingan yang diukur di pratinjau (c)")
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--tanpa-polos", action="store_true")
    ap.add_argument("--hanya-pratinjau", action="store_true", help="hanya (c); cache dibuat dulu oleh satu iku render")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    info = br.mesin()
    kerja = Path(tempfile.mkdtemp(prefix="iku-bench-pratinjau-"))
    akar = br.salin_repo(kerja / "repo")
    env = br.lingkungan(akar)
    pilih = [args.tahun]
    hasil: dict = {"mesin": info, "tahun": args.tahun, "beban_awal": br.beban()}
    br.cetak_mesin(info)
    print(f"Beban awal (loadavg): {hasil['beban_awal']}; salinan kerja: {akar}\n")
    try:
        if args.hanya_pratinjau:
            print("iku render (mengisi cache) ...", flush=True)
            br.render_iku(akar, env, None, pilih)
            print(f"(c) iku pratinjau: {args.suntingan} suntingan data/psks.csv ...", flush=True)
            hasil["pratinjau"] = ukur_pratinjau(akar, env, args.tahun, args.suntingan)
            for b in hasil["pratinjau"]["log"]:
                print(f"      {b}")
            print(f"  simpan → terlihat: median {hasil['pratinjau']['detik']} s, {hasil['pratinjau']['semua_detik']}; "
                  f"kode keluar {hasil['pratinjau']['kode_keluar']}; loadavg {br.beban()}")
            return 0
        if not args.tanpa_polos:
            print(f"(a) loop papermill + nbconvert, tahun {args.tahun} ...", flush=True)
            hasil["polos"] = br.loop_polos(akar, env, pilih)
            print(f"    {hasil['polos']['detik']:.1f} s; gagal: {hasil['polos']['gagal'] or 'tidak ada'}")
        print("(b1) iku render dingin ...", flush=True)
        hasil["dingin"] = br.render_iku(akar, env, None, pilih)
        print(f"    {hasil['dingin']['detik']:.1f} s")
        print("(b2) tanpa perubahan ...", flush=True)
        hasil["tanpa_perubahan"] = br.tanpa_perubahan(akar, env, None, pilih, args.ulang)
        print(f"    median {hasil['tanpa_perubahan']['detik']:.2f} s {hasil['tanpa_perubahan']['semua_detik']}")
        print(f"(b4) isi {args.berkas} diubah ...", flush=True)
        with open(akar / args.berkas, "ab") as f:
            f.write(b"\n")
        hasil["ubah_data"] = br.render_iku(akar, env, None, pilih)
        print(f"    {hasil['ubah_data']['detik']:.2f} s; dieksekusi: {', '.join(hasil['ubah_data']['dieksekusi'])}")
        print(f"(c) iku pratinjau: {args.suntingan} suntingan data/psks.csv ...", flush=True)
        hasil["pratinjau"] = ukur_pratinjau(akar, env, args.tahun, args.suntingan)
        for b in hasil["pratinjau"]["log"]:
            print(f"      {b}")
        hasil["beban_akhir"] = br.beban()
    finally:
        shutil.rmtree(kerja, ignore_errors=True)

    print("\nRingkasan")
    polos = hasil.get("polos", {}).get("detik")

    def baris(nama, detik, rasio=None):
        br.baris(nama, detik, rasio, lebar=58)

    if polos:
        baris(f"(a) papermill + nbconvert per bab, {args.tahun}", polos)
    baris("(b1) iku render, dingin", hasil["dingin"]["detik"], polos / hasil["dingin"]["detik"] if polos else None)
    baris("(b2) iku render, tanpa perubahan (median)", hasil["tanpa_perubahan"]["detik"])
    baris(f"(b4) iku render, isi {args.berkas} diubah", hasil["ubah_data"]["detik"],
          polos / hasil["ubah_data"]["detik"] if polos else None)
    baris("(c) pratinjau: simpan → terlihat (median)", hasil["pratinjau"]["detik"])
    print(f"      setiap suntingan: {hasil['pratinjau']['semua_detik']}; render pertama pratinjau "
          f"{hasil['pratinjau']['render_pertama']} s; kode keluar setelah SIGINT {hasil['pratinjau']['kode_keluar']}")
    print(f"  Beban (loadavg) awal {hasil['beban_awal']}, akhir {hasil['beban_akhir']}")
    br.simpan_json(args.json, hasil)
    return 0


if __name__ == "__main__":
    sys.exit(main())
