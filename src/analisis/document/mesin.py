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
papermill diimpor; kelasnya baru dibuat saat pertama diminta (lihat :func:`_buat_kelas`).

``papermill notebooks/02_gambaran_umum.ipynb out.ipynb -p tahun 2026`` tetap
bekerja sendiri dengan mesin bawaan dan kernel biasa.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NAMA", "MesinIKU", "daftarkan", "tanpa_rfc3987_syntax"]

#: Nama mesin untuk ``papermill.execute_notebook(..., engine_name=NAMA)``.
NAMA = "iku"


#: Paket yang dicegah dimuat oleh :func:`tanpa_rfc3987_syntax`: hanya dipakai ``jsonschema.FormatChecker``.
PEMERIKSA_FORMAT = ("rfc3987_syntax", "rfc3986_validator", "rfc3339_validator", "isoduration", "webcolors",
                    "uri_template", "fqdn")

#: :func:`tanpa_rfc3987_syntax` sebagai kode yang dijalankan di kernel.
KODE_TANPA_RFC3987 = '__import__("sys").modules.setdefault("rfc3987_syntax", None)'


def tanpa_rfc3987_syntax() -> None:
    """Cegah ``jsonschema`` memuat ``rfc3987_syntax`` (dipanggil sebelum nbformat/papermill diimpor).

    ``jsonschema`` (diimpor ``nbformat``, ``nbconvert`` dan ``papermill``)
    memuat ``rfc3987_syntax`` bila paket itu terpasang (ikut terpasang lewat
    ``jupyter-events``), dan paket itu menyusun 39 tata bahasa ``lark`` saat
    diimpor: 2–7 s per proses di mesin 2 inti, lebih lama dari eksekusi satu
    bab. Yang hilang hanya pemeriksa format ``"iri"``/``"iri-reference"``
    ``jsonschema.FormatChecker``, yang tidak dipakai nbformat, nbconvert,
    nbclient maupun papermill (validasinya tanpa ``FormatChecker``).
    Dipanggil oleh ``iku render``/``iku pratinjau`` saat berjalan, tidak saat
    paket diimpor; bila ``rfc3987_syntax`` sudah dimuat, tidak ada yang berubah.

    Begitu juga paket pemeriksa format lain yang dimuat ``jsonschema._format``
    hanya untuk ``FormatChecker`` (:data:`PEMERIKSA_FORMAT`: ``isoduration``
    memuat ``arrow``, ``rfc3986_validator`` menyusun ekspresi reguler besar),
    ±40 ms per proses.

    >>> import sys
    >>> tanpa_rfc3987_syntax()
    >>> "rfc3987_syntax" in sys.modules
    True
    """
    import sys

    for nama in PEMERIKSA_FORMAT:
        sys.modules.setdefault(nama, None)


def _buat_kelas() -> type:
    """Kelas :class:`MesinIKU`, dibuat saat pertama diminta.

    Tidak dibuat saat modul diimpor: papermill memuat titik masuk ini ketika
    ``papermill.engines`` sedang diimpor, dan ``analisis.document`` tidak boleh
    memuat papermill (lambat: nbformat, jsonschema) di jalur tanpa eksekusi.
    Pemanggilan bersarang (papermill memuat titik masuk saat kelas sedang
    dibuat) mendapat kelas yang sama.
    """
    kelas = globals().get("MesinIKU")
    if kelas is not None:
        return kelas
    from papermill.engines import NBClientEngine

    kelas = globals().get("MesinIKU")
    if kelas is not None:  # dibuat oleh pemanggilan bersarang selama impor di atas
        return kelas

    class MesinIKU(NBClientEngine):
        """Mesin papermill yang mengeksekusi buku di kernel hangat ``kernel_iku``.

        ``kernel_iku`` adalah objek dengan metode ``eksekusi_papermill(nb_man, **opsi)``
        (lihat :meth:`analisis.document.render._Kernel.eksekusi_papermill`); tanpa
        itu eksekusi diserahkan ke :class:`papermill.engines.NBClientEngine`.
        """

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, kernel_iku: Any = None, **kwargs):
            if kernel_iku is None:
                return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
            return kernel_iku.eksekusi_papermill(nb_man, **kwargs)

    MesinIKU.__module__ = __name__
    MesinIKU.__qualname__ = "MesinIKU"
    globals()["MesinIKU"] = MesinIKU
    return MesinIKU


def __getattr__(nama: str) -> Any:
    if nama == "MesinIKU":
        return _buat_kelas()
    raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")


def daftarkan() -> type:
    """Daftarkan ``MesinIKU`` ke papermill bila titik masuknya belum terpasang; kembalikan kelasnya."""
    kelas = _buat_kelas()
    from papermill.engines import papermill_engines

    if papermill_engines._engines.get(NAMA) is not kelas:
        papermill_engines.register(NAMA, kelas)
    return kelas
