"""Mesin papermill ``iku``: bab dieksekusi papermill di kernel yang dipakai ulang.

``iku render`` memanggil :func:`papermill.execute_notebook` per bab dengan
``engine_name="iku"``. Penyuntikan parameter (sel ``injected-parameters``),
metadata ``papermill`` buku yang dieksekusi, dan penandaan sel yang gagal (sel
``papermill-error-cell-tag`` dan :class:`papermill.exceptions.PapermillExecutionError`)
dengan demikian milik papermill sendiri. Yang berbeda dari mesin bawaan
(``nbclient``) hanya kernelnya: bila argumen ``kernel_iku`` diberikan (kernel
dari kumpulan :class:`analisis.document.render._Kolam`), sel dieksekusi di
kernel itu yang sudah hangat, bukan kernel baru per buku. Tanpa
``kernel_iku`` mesin ini sama dengan mesin bawaan papermill.

Mesin didaftarkan lewat titik masuk ``papermill.engine`` di ``pyproject.toml``
(``iku = "analisis.document.mesin:MesinIKU"``); :func:`daftarkan` mendaftarkannya
juga bila paket dipasang tanpa metadata itu. Modul ini dimuat papermill saat
papermill diimpor, jadi ia tidak mengimpor apa pun selain papermill.

``papermill notebooks/02_gambaran_umum.ipynb out.ipynb -p tahun 2026`` tetap
bekerja sendiri dengan mesin bawaan dan kernel biasa.
"""

from __future__ import annotations

from typing import Any

from papermill.engines import NBClientEngine

__all__ = ["NAMA", "MesinIKU", "daftarkan"]

#: Nama mesin untuk ``papermill.execute_notebook(..., engine_name=NAMA)``.
NAMA = "iku"


class MesinIKU(NBClientEngine):
    """Mesin papermill yang mengeksekusi buku di kernel hangat ``kernel_iku``.

    ``kernel_iku`` adalah objek dengan metode
    ``eksekusi_papermill(nb_man, **opsi)`` (lihat
    :meth:`analisis.document.render._Kernel.eksekusi_papermill`); tanpa itu
    eksekusi diserahkan ke :class:`papermill.engines.NBClientEngine`.
    """

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, kernel_iku: Any = None, **kwargs):
        if kernel_iku is None:
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
        return kernel_iku.eksekusi_papermill(nb_man, **kwargs)


def daftarkan() -> None:
    """Daftarkan :class:`MesinIKU` ke papermill bila titik masuknya belum terpasang."""
    from papermill.engines import papermill_engines

    if papermill_engines._engines.get(NAMA) is not MesinIKU:
        papermill_engines.register(NAMA, MesinIKU)
