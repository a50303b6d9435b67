"""Ke mana waktu render pergi: per bab, per tahap, dan jalur "tidak ada yang berubah".

Jalankan dari akar repositori::

    python benchmarks/profil_render.py               # semua tahun
    python benchmarks/profil_render.py --tahun 2025

Di salinan sementara repositori (seperti ``bench_render.py``):

1. ``render_semua(paralel=1)``: satu kernel, bab berurutan, sehingga waktu per
   bab tidak tercampur dengan bab lain yang berjalan bersamaan. Dicetak:
   waktu mulai kernel, rata-rata eksekusi dan ekspor HTML setiap bab, dan
   perakitan dokumen per tahun;
2. render kedua tanpa perubahan di bawah ``cProfile``: fungsi yang paling
   banyak memakan waktu pada jalur yang seharusnya hampir gratis.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bersama as bench_render  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tahun", type=int, action="append", help="tahun (boleh berulang; bawaan semua)")
    args = ap.parse_args(argv)

    kerja = Path(tempfile.mkdtemp(prefix="iku-profil-"))
    try:
        akar = bench_render.salin_repo(kerja / "repo")
        for k, v in bench_render.lingkungan(akar).items():
            os.environ[k] = v
        sys.path.insert(0, str(akar / "src"))
        for nama in [n for n in sys.modules if n == "analisis" or n.startswith("analisis.")]:
            del sys.modules[nama]
        from analisis.document import render

        mulai_kernel: list[float] = []
        asli = render._Kernel.mulai

        def mulai(self):
            t0 = time.perf_counter()
            try:
                return asli(self)
            finally:
                mulai_kernel.append(time.perf_counter() - t0)

        render._Kernel.mulai = mulai
        tahun = tuple(args.tahun) if args.tahun else None
        print(f"Beban awal: {bench_render.beban()}")
        t0 = time.perf_counter()
        hasil = render.render_semua(("html",), tahun=tahun, paralel=1)
        total = time.perf_counter() - t0

        eksekusi: dict[str, list[float]] = defaultdict(list)
        ekspor: dict[str, list[float]] = defaultdict(list)
        for h in hasil:
            for b in h.bab:
                eksekusi[b.berkas].append(b.durasi_eksekusi)
                ekspor[b.berkas].append(b.durasi_html)
        jumlah_eks = sum(sum(v) for v in eksekusi.values())
        print(f"\nRender dingin, satu kernel, {len(hasil)} tahun: {total:.1f} s")
        print(f"  mulai kernel: {', '.join(f'{x:.2f} s' for x in mulai_kernel)}")
        print(f"  {'bab':<34} {'eksekusi (rata-rata)':>21} {'ekspor HTML':>12} {'porsi':>7}")
        for nama in eksekusi:
            e, x = statistics.mean(eksekusi[nama]), statistics.mean(ekspor[nama])
            print(f"  {nama:<34} {e:>19.2f} s {x:>10.2f} s {sum(eksekusi[nama]) / jumlah_eks:>6.0%}")
        rakit = [h.durasi.get("html", 0.0) for h in hasil]
        print(f"  perakitan dokumen per tahun (rata-rata): {statistics.mean(rakit):.2f} s")

        profil = cProfile.Profile()
        t0 = time.perf_counter()
        profil.enable()
        hasil = render.render_semua(("html",), tahun=tahun, paralel=1)
        profil.disable()
        print(f"\nRender kedua tanpa perubahan (di proses yang sama): {time.perf_counter() - t0:.3f} s, "
              f"{sum(len(h.dieksekusi) for h in hasil)} bab dieksekusi")
        keluaran = io.StringIO()
        pstats.Stats(profil, stream=keluaran).sort_stats("cumulative").print_stats(15)
        print(keluaran.getvalue())
    finally:
        shutil.rmtree(kerja, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
