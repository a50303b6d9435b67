"""Perintah ``iku``: memeriksa data dan merender dokumen IKU.

Contoh::

    iku periksa                 # validasi data/ dan cocokkan angka tercetak
    iku render --tahun 2025     # dokumen HTML dan PDF tahun 2025
    iku render --semua          # semua tahun yang memiliki parameter
    iku templat --tahun 2026    # templat isian realisasi (.xlsx) untuk bidang
    iku impor isian.xlsx --coba # periksa isian dan tampilkan perubahannya
"""

from __future__ import annotations

import argparse
import sys

from .core.kesalahan import KesalahanIKU

__all__ = ["main"]


def _periksa(args) -> int:
    from .core import data
    from .core.skema import SKEMA

    salah = data.periksa_semua()
    if salah:
        print(f"Validasi skema: {len(salah)} pelanggaran", file=sys.stderr)
        for p in salah:
            print(f"  - {p}", file=sys.stderr)
        return 1
    print("Validasi skema: semua berkas data sah.")
    print(f"  {'berkas':<28} {'baris':>6}  isi")
    for nama, skema in SKEMA.items():
        print(f"  {skema.berkas:<28} {len(data.muat(nama)):>6}  {skema.judul}")
    try:
        from .core import periksa
    except ImportError:
        return 0
    return periksa.jalankan_cli(ketat=args.ketat)


def _render(args) -> int:
    from .core import parameter
    from .document import render
    fmt = ("html", "pdf") if args.format == "keduanya" else (args.format,)
    if args.semua:
        hasil = render.render_semua(format=fmt, chromium=args.chromium, paralel=args.jobs, paksa=args.paksa,
                                    batas_waktu=args.batas_waktu, tunggu=args.tunggu)
        for h in hasil:
            _lapor(h)
        return 0
    tahun = args.tahun
    if tahun is None:
        import datetime

        tersedia = parameter.tahun_tersedia()
        tahun = max([t for t in tersedia if t <= datetime.date.today().year] or tersedia)
    h = render.render_tahun(tahun, periode=args.periode, format=fmt, chromium=args.chromium, paralel=args.jobs,
                            paksa=args.paksa, batas_waktu=args.batas_waktu, tunggu=args.tunggu)
    _lapor(h)
    return 0


def _lapor(h) -> None:
    for nama in ("html", "pdf"):
        jalur = getattr(h, nama, None)
        if jalur:
            print(f"Ditulis: {jalur}")
    for p in getattr(h, "peringatan", []) or []:
        print(f"Peringatan: {p}", file=sys.stderr)


def _templat(args) -> int:
    from .input import xlsx
    jalur = xlsx.buat_templat(args.tahun, periode=args.periode, keluaran=args.keluaran)
    print(f"Ditulis: {jalur}")
    return 0


def _impor(args) -> int:
    from .input import impor
    hasil = impor.impor(args.berkas, coba=args.coba)
    print(hasil.ringkasan())
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="iku", description="Ruang kerja dokumen Indikator Kinerja Utama (IKU).")
    sub = ap.add_subparsers(dest="perintah", required=True)
    p = sub.add_parser("periksa", help="validasi data/ dan cocokkan angka tercetak dengan rumusnya")
    p.add_argument("--ketat", action="store_true", help="peringatan juga dianggap gagal")
    p.set_defaults(fungsi=_periksa)
    r = sub.add_parser("render", help="eksekusi buku per bab dan tulis dokumen HTML/PDF")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--tahun", type=int, help="tahun dokumen (bawaan: tahun berjalan atau tahun terakhir yang ada parameternya)")
    g.add_argument("--semua", action="store_true", help="render semua tahun yang memiliki berkas parameter")
    r.add_argument("--periode", help='periode realisasi, mis. "Triwulan I" (bawaan: dari parameter tahun itu)')
    r.add_argument("--format", choices=("html", "pdf", "keduanya"), default="keduanya")
    r.add_argument("--chromium", help="jalur peramban Chromium untuk PDF (atau variabel lingkungan IKU_CHROMIUM)")
    r.add_argument("--paksa", action="store_true", help="eksekusi ulang semua bab walaupun cache-nya masih berlaku")
    r.add_argument("--jobs", type=int, metavar="N",
                   help="jumlah bab yang dieksekusi bersamaan (bawaan: jumlah inti prosesor)")
    r.add_argument("--batas-waktu", type=float, metavar="DETIK",
                   help="batas waktu satu sel; sel yang lebih lama dihentikan (bawaan: IKU_BATAS_WAKTU_SEL atau 600)")
    r.add_argument("--tunggu", type=float, metavar="DETIK",
                   help="tunggu sekian detik bila render lain sedang berjalan (bawaan: IKU_TUNGGU_KUNCI atau 0, "
                        "langsung menolak)")
    r.set_defaults(fungsi=_render)
    t = sub.add_parser("templat", help="tulis templat isian realisasi (.xlsx) untuk bidang")
    t.add_argument("--tahun", type=int, required=True, help="tahun realisasi yang diisi")
    t.add_argument("--periode", default="Tahunan", help='periode isian, mis. "Triwulan II" (bawaan: Tahunan)')
    t.add_argument("--keluaran", help="berkas tujuan (bawaan: realisasi_<tahun>_<periode>.xlsx di folder kerja)")
    t.set_defaults(fungsi=_templat)
    i = sub.add_parser("impor", help="validasi templat yang sudah diisi lalu tulis ke data/ (semua atau tidak sama sekali)")
    i.add_argument("berkas", help="buku kerja .xlsx hasil 'iku templat' yang sudah diisi")
    i.add_argument("--coba", action="store_true", help="tampilkan perubahan tanpa menulis data/")
    i.set_defaults(fungsi=_impor)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.fungsi(args)
    except KesalahanIKU as e:
        print(f"Gagal: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Dihentikan.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
