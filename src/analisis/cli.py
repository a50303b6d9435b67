"""Perintah ``iku``: memeriksa data dan merender dokumen IKU.

Contoh::

    iku periksa                 # validasi data/ dan cocokkan angka tercetak
    iku render --tahun 2025     # edisi reviu, dan edisi final bila masukannya lengkap
    iku render --edisi final    # hanya edisi final (menolak bila masukannya belum lengkap)
    iku render --semua          # semua tahun yang memiliki parameter
    iku templat --tahun 2026    # templat isian realisasi (.xlsx) untuk bidang
    iku impor isian.xlsx --coba # periksa isian dan tampilkan perubahannya
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys

from .core.kesalahan import KesalahanIKU, pesan_os, ringkas

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
    if getattr(args, "tahun", None) is None:
        return periksa.jalankan_cli(ketat=args.ketat)
    # temuan naskah satu tahun: sama dengan lampiran temuan edisi reviunya (document.edisi.saring_temuan)
    from .core import paths
    from .document import edisi

    daftar, keterangan = edisi.temuan_naskah(args.tahun, args.periode)
    return periksa.jalankan_cli(ketat=args.ketat, daftar=daftar, keterangan=keterangan,
                                folder=paths.folder_render() / "pemeriksaan" / str(args.tahun))


def _tahun_bawaan() -> int:
    """Tahun berjalan, atau tahun terakhir yang memiliki ``parameters/<tahun>.yml``.

    Sama dengan :func:`analisis.core.parameter.tahun_tersedia` tanpa mengimpor
    pydantic (jalur cepat render tanpa perubahan).
    """
    import datetime

    from .core.paths import folder_parameter

    folder = folder_parameter()
    tersedia = sorted(int(p.stem) for p in folder.glob("*.yml") if p.stem.isdigit())
    if not tersedia:
        from .core.kesalahan import KesalahanParameter
        raise KesalahanParameter(f"Tidak ada berkas parameter tahun (<tahun>.yml) di {folder}; sebutkan --tahun.")
    return max([t for t in tersedia if t <= datetime.date.today().year] or tersedia)


def _folder_masukan() -> dict:
    from .core import paths
    from .document.cache import FOLDER_KODE

    return {"kode": FOLDER_KODE, "data": paths.folder_data(), "parameters": paths.folder_parameter(),
            "notebooks": paths.folder_notebook()}


def _aset_buku(folder_nb) -> list[str]:
    """Gambar yang dirujuk sel Markdown buku bab (dibaca saat ekspor HTML).

    Buku yang tidak terbaca dilewati di sini: render penuh melaporkannya
    dengan pesannya sendiri (dan tidak ada catatan jalur cepat yang ditulis).
    """
    from .document import cache, render

    aset: list[str] = []
    try:
        buku = render.daftar_buku(folder_nb)
    except KesalahanIKU:
        return aset
    for s in buku:
        try:
            aset.extend(str(folder_nb / r) for r in cache.aset_buku(s.read_bytes(), folder_nb))
        except (OSError, ValueError):
            continue
    return aset


def _render_cepat(args, tahun: int, permintaan: dict) -> bool:
    """Jalur cepat tanpa perubahan (:mod:`analisis.document.cepat`): ``True`` bila sudah dilaporkan."""
    from .core import paths
    from .document import cepat
    from .document.kunci import kunci_render

    keluaran = paths.folder_render()
    if not cepat.jalur_catatan(keluaran, tahun).is_file():
        return False
    with kunci_render(keluaran, args.tunggu):
        baris = cepat.coba(keluaran, tahun, permintaan, _folder_masukan())
    if baris is None:
        return False
    for aliran, teks in baris:
        print(teks, file=sys.stderr if aliran == "stderr" else sys.stdout)
    return True


def _render(args) -> int:
    fmt = ("html", "pdf") if args.format == "keduanya" else (args.format,)
    edisi = args.edisi  # None: reviu, ditambah final bila lengkap
    if args.semua:
        from .document import render
        hasil = render.render_semua(format=fmt, chromium=args.chromium, paralel=args.jobs, paksa=args.paksa,
                                    batas_waktu=args.batas_waktu, tunggu=args.tunggu, edisi=edisi)
        for h in hasil:
            _lapor(h)
        return 0
    tahun = args.tahun if args.tahun is not None else _tahun_bawaan()
    permintaan = {"tahun": tahun, "periode": args.periode, "format": list(fmt), "edisi": edisi,
                  "chromium": args.chromium}
    if not args.paksa and os.environ.get("IKU_TANPA_JALUR_CEPAT", "") in ("", "0") \
            and _render_cepat(args, tahun, permintaan):
        return 0
    import time

    from .core import paths
    from .document import cepat, render

    keluaran = paths.folder_render()
    cepat.hapus(keluaran, tahun)
    waktu = time.time_ns()
    folder = _folder_masukan()
    masukan = cepat.jejak_masukan(folder, _aset_buku(folder["notebooks"]), waktu_ns=waktu)
    h = render.render_tahun(tahun, periode=args.periode, format=fmt, chromium=args.chromium, paralel=args.jobs,
                            paksa=args.paksa, batas_waktu=args.batas_waktu, tunggu=args.tunggu, edisi=edisi)
    baris = _baris_lapor(h)
    for aliran, teks in baris:
        print(teks, file=sys.stderr if aliran == "stderr" else sys.stdout)
    if _hasil_di(h, keluaran / str(tahun)):
        cepat.tulis(keluaran, tahun, permintaan, masukan, baris)
    return 0


def _hasil_di(h, folder) -> bool:
    """Hasil render ``h`` benar-benar ada di ``folder`` (syarat menulis catatan jalur cepat)."""
    from pathlib import Path

    try:
        folder = Path(folder).resolve()
        berkas = [Path(b) for e in (getattr(h, "edisi", None) or {}).values() for b in e.values() if b]
        return Path(h.folder).resolve() == folder and bool(berkas) and all(
            b.resolve().parent == folder and b.is_file() for b in berkas)
    except (OSError, TypeError, AttributeError):
        return False


def _baris_lapor(h) -> list[list[str]]:
    """Baris yang dicetak untuk hasil render ``h``: ``[aliran, teks]``."""
    baris: list[list[str]] = []
    edisi = getattr(h, "edisi", None) or {"": {"html": getattr(h, "html", None), "pdf": getattr(h, "pdf", None)}}
    for berkas in edisi.values():
        for nama in ("html", "pdf"):
            if berkas.get(nama):
                baris.append(["stdout", f"Ditulis: {berkas[nama]}"])
    kurang = getattr(h, "final_belum", None)
    if kurang:
        baris.append(["stdout", f"Edisi final {h.tahun} belum ditulis; masih dibutuhkan: {'; '.join(kurang)}."])
    for p in getattr(h, "peringatan", []) or []:
        baris.append(["stderr", f"Peringatan: {p}"])
    return baris


def _lapor(h) -> None:
    for aliran, teks in _baris_lapor(h):
        print(teks, file=sys.stderr if aliran == "stderr" else sys.stdout)


def _templat(args) -> int:
    from .input import xlsx
    if args.cascading:
        from .input import cascading
        print(f"Ditulis: {cascading.buat_templat(keluaran=args.keluaran, timpa=args.timpa)}")
        return 0
    if args.tahun is None:
        from .core.kesalahan import KesalahanParameter
        raise KesalahanParameter("iku templat: --tahun wajib diisi (kecuali dengan --cascading)")
    jalur = xlsx.buat_templat(args.tahun, periode=args.periode, keluaran=args.keluaran, timpa=args.timpa)
    print(f"Ditulis: {jalur}")
    return 0


def _impor(args) -> int:
    from .input import impor
    hasil = impor.impor(args.berkas, coba=args.coba, terima_lonjakan=args.terima_lonjakan)
    print(hasil.ringkasan())
    return 0


def _pratinjau(args) -> int:
    from .document import pratinjau
    tahun = args.tahun if args.tahun is not None else _tahun_bawaan()
    ulang = ["pratinjau", "--tahun", str(tahun), "--edisi", args.edisi]
    if args.periode:
        ulang += ["--periode", args.periode]
    if args.jobs:
        ulang += ["--jobs", str(args.jobs)]
    return pratinjau.jalankan(tahun, periode=args.periode, edisi=args.edisi, port=args.port, paralel=args.jobs,
                              argv_mulai_ulang=ulang)


#: Pesan argparse (bahasa Inggris) → bahasa Indonesia.
_ARGPARSE = (
    (r"the following arguments are required: (.*)", r"argumen wajib belum diberikan: \1"),
    (r"argument (\S+): invalid int value: (.*)", r"argumen \1: \2 bukan bilangan bulat"),
    (r"argument (\S+): invalid float value: (.*)", r"argumen \1: \2 bukan angka"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"argumen \1: pilihan \2 tidak dikenal (pilih salah satu: \3)"),
    (r"argument (\S+): expected one argument", r"argumen \1 memerlukan satu nilai"),
    (r"argument (\S+): not allowed with argument (\S+)", r"argumen \1 tidak boleh dipakai bersama \2"),
    (r"argument (\S+): ignored explicit argument (.*)", r"argumen \1 tidak menerima nilai \2"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"opsi \1 ambigu, bisa berarti: \2"),
)


def _terjemah_argparse(pesan: str) -> str:
    """Pesan kesalahan argparse dalam bahasa Indonesia.

    >>> _terjemah_argparse("argument --tahun: invalid int value: 'dua ribu'")
    "argumen --tahun: 'dua ribu' bukan bilangan bulat"
    >>> _terjemah_argparse("the following arguments are required: --tahun")
    'argumen wajib belum diberikan: --tahun'
    """
    for pola, ganti in _ARGPARSE:
        if re.fullmatch(pola, pesan, flags=re.DOTALL):
            return re.sub(pola, ganti, pesan, flags=re.DOTALL)
    return pesan


class _Pengurai(argparse.ArgumentParser):
    """ArgumentParser yang melaporkan kesalahan dalam bahasa Indonesia, satu baris, kode keluar 2."""

    def __init__(self, *a, **k):
        k.setdefault("add_help", False)
        super().__init__(*a, **k)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="tampilkan bantuan ini lalu keluar")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "penggunaan:", 1)

    def format_help(self) -> str:
        return (super().format_help().replace("usage:", "penggunaan:", 1)
                .replace("positional arguments:", "argumen:").replace("options:", "opsi:"))

    def error(self, message: str):
        self.exit(2, f"{self.prog}: gagal: {ringkas(_terjemah_argparse(message), 300)[1:-1]}\n"
                     f"Lihat '{self.prog} --help'.\n")


def parser() -> argparse.ArgumentParser:
    ap = _Pengurai(prog="iku", description="Ruang kerja dokumen Indikator Kinerja Utama (IKU).")
    sub = ap.add_subparsers(dest="perintah", required=True, parser_class=_Pengurai, title="perintah",
                            metavar="{periksa,render,templat,impor,pratinjau}")
    p = sub.add_parser("periksa", help="validasi data/ dan cocokkan angka tercetak dengan rumusnya")
    p.add_argument("--ketat", action="store_true", help="peringatan juga dianggap gagal")
    p.add_argument("--tahun", type=int, help="hanya temuan naskah tahun itu (seperti lampiran edisi reviunya); tanpa ini: semua")
    p.add_argument("--periode", help='periode realisasi, mis. "Triwulan I" (bawaan: dari parameter tahun itu)')
    p.set_defaults(fungsi=_periksa)
    r = sub.add_parser("render", help="eksekusi buku per bab dan tulis dokumen HTML/PDF")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--tahun", type=int, help="tahun dokumen (bawaan: tahun berjalan atau tahun terakhir yang ada parameternya)")
    g.add_argument("--semua", action="store_true", help="render semua tahun yang memiliki berkas parameter")
    r.add_argument("--periode", help='periode realisasi, mis. "Triwulan I" (bawaan: dari parameter tahun itu)')
    r.add_argument("--format", choices=("html", "pdf", "keduanya"), default="keduanya")
    r.add_argument("--edisi", choices=("reviu", "final"),
                   help="hanya edisi ini: reviu (naskah bertanda untuk pemeriksa) atau final (untuk ditandatangani; "
                        "ditolak bila masukannya belum lengkap). Bawaan: reviu, ditambah final bila lengkap")
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
    t.add_argument("--tahun", type=int, help="tahun realisasi yang diisi (wajib kecuali dengan --cascading)")
    t.add_argument("--cascading", action="store_true", help="buku kerja cascading (Tabel 4.6) untuk perencana")
    t.add_argument("--periode", default="Tahunan", help='periode isian, mis. "Triwulan II" (bawaan: Tahunan)')
    t.add_argument("--keluaran", help="berkas tujuan .xlsx (bawaan: realisasi_<tahun>_<periode>.xlsx di folder kerja)")
    t.add_argument("--timpa", action="store_true", help="timpa berkas tujuan bila sudah ada")
    t.set_defaults(fungsi=_templat)
    i = sub.add_parser("impor", help="validasi templat yang sudah diisi lalu tulis ke data/ (semua atau tidak sama sekali)")
    i.add_argument("berkas", help="buku kerja .xlsx hasil 'iku templat' yang sudah diisi")
    i.add_argument("--coba", action="store_true", help="tampilkan perubahan tanpa menulis data/")
    i.add_argument("--terima-lonjakan", action="store_true",
                   help="terima nilai yang berbeda lebih dari 10 kali lipat dari periode lalu (setelah diperiksa)")
    i.set_defaults(fungsi=_impor)
    v = sub.add_parser("pratinjau", help="pratinjau langsung di peramban: render ulang setiap kali berkas disimpan")
    v.add_argument("--tahun", type=int, help="tahun dokumen (bawaan: seperti iku render)")
    v.add_argument("--periode", help='periode realisasi, mis. "Triwulan I" (bawaan: dari parameter tahun itu)')
    v.add_argument("--edisi", choices=("reviu", "final"), default="reviu", help="edisi yang ditampilkan (bawaan: reviu)")
    v.add_argument("--port", type=int, default=8765, help="port di 127.0.0.1 (bawaan: 8765; 0 = port bebas mana pun)")
    v.add_argument("--jobs", type=int, metavar="N", help="jumlah kernel hangat (bawaan: jumlah inti prosesor)")
    v.set_defaults(fungsi=_pratinjau)
    return ap


def _pulihkan() -> None:
    """Selesaikan impor yang terputus (jurnal di ``data/``) sebelum perintah apa pun.

    Pemeriksaan awalnya murah (hanya nama berkas), agar perintah yang tidak
    terdampak tidak perlu mengimpor openpyxl dan pandas.
    """
    from .core.paths import folder_data

    try:
        folder = folder_data()
        sisa = (folder / ".impor-jurnal.json").exists() or (folder / ".impor-sementara").exists() \
            or any(folder.glob(".*.tmp"))
    except (OSError, FileNotFoundError):
        return
    if not sisa:
        return
    from .input import impor

    for pesan in impor.pulihkan():
        print(pesan, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        _pulihkan()
        return args.fungsi(args)
    except KesalahanIKU as e:
        print(f"Gagal: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"Gagal: {pesan_os(e)}", file=sys.stderr)
        return 2
    except MemoryError:
        print("Gagal: memori habis (masukan terlalu besar?)", file=sys.stderr)
        return 2
    except RecursionError:
        print("Gagal: masukan bersarang terlalu dalam", file=sys.stderr)
        return 2
    except KeyboardInterrupt as e:
        # Pengguna sudah meminta berhenti: Ctrl-C berikutnya selama pesan dan penutupan
        # tidak lagi memutus proses di tengah jalan (kode keluar tetap 130, bukan −SIGINT).
        import signal

        with contextlib.suppress(ValueError):  # bukan utas utama
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        print(str(e) or "Dihentikan.", file=sys.stderr)
        _keluar_bila_utas_macet(130)
        return 130


def _keluar_bila_utas_macet(kode: int) -> None:
    """Setelah Ctrl-C: bila utas pekerja yang bukan daemon masih tertahan (kernel sudah dibunuh,
    dokumen lama utuh), keluar sekarang alih-alih menunggunya saat interpreter ditutup."""
    import threading

    macet = [u for u in threading.enumerate() if u is not threading.main_thread() and not u.daemon]
    for u in macet:
        u.join(timeout=1.0)
    if any(u.is_alive() for u in macet):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(kode)


def jalankan() -> None:
    """Titik masuk perintah ``iku``: :func:`main`, lalu keluar tanpa membongkar interpreter.

    Setelah render, membongkar interpreter (mengumpulkan jutaan objek pandas,
    menutup konteks ZeroMQ) memakan ±0,7 s yang tidak berguna bagi proses
    yang segera berakhir. Kait ``atexit`` tetap dijalankan dan aliran keluaran
    dikosongkan lebih dulu; berkas yang ditulis ``iku`` sudah ditutup.
    :func:`main` sendiri (dipakai tes dan kode lain) tidak keluar dari proses.
    """
    import atexit

    try:
        kode = main()
    except SystemExit as e:  # argparse: --help, argumen salah
        kode = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
        if e.code is not None and not isinstance(e.code, int):
            print(e.code, file=sys.stderr)
    atexit._run_exitfuncs()
    for aliran in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            aliran.flush()
    os._exit(kode)


if __name__ == "__main__":
    jalankan()
