"""Teks dokumen: kalimat berangka yang dibangkitkan bab.

:class:`Kalimat` adalah ``str`` biasa (mudah diuji dan digabung) yang tampil di
JupyterLab dan di dokumen sebagai satu paragraf HTML ter-escape. Rujukan ke
tabel/gambar ditulis sebagai token ``@tabel:label`` / ``@gambar:label``; mesin
dokumen mengisinya dengan "Tabel 2.5" (lihat :mod:`analisis.document.penomoran`).
"""

from __future__ import annotations

from .tabel import paragraf

__all__ = ["Kalimat"]


class Kalimat(str):
    """Teks biasa yang tampil sebagai satu paragraf HTML ter-escape.

    >>> Kalimat("a < b")._repr_html_()
    '<p>a &lt; b</p>'
    >>> Kalimat("lihat @tabel:ppks-pas").upper()  # tetap str
    'LIHAT @TABEL:PPKS-PAS'
    """

    def _repr_html_(self) -> str:
        return paragraf(str(self))
