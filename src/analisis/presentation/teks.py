"""Teks dokumen: kalimat berangka yang dibangkitkan bab.

:class:`Kalimat` adalah ``str`` biasa (mudah diuji dan digabung) yang tampil di
JupyterLab dan di dokumen sebagai satu paragraf HTML ter-escape. Rujukan ke
tabel/gambar ditulis sebagai token ``@tabel:label`` / ``@gambar:label``; mesin
dokumen mengisinya dengan "Tabel 2.5" (lihat :mod:`analisis.document.penomoran`).
"""

from __future__ import annotations

from .tabel import esc, paragraf

__all__ = ["Kalimat", "bertanda"]


class Kalimat(str):
    """Teks biasa yang tampil sebagai satu paragraf HTML ter-escape.

    >>> Kalimat("a < b")._repr_html_()
    '<p>a &lt; b</p>'
    >>> Kalimat("lihat @tabel:ppks-pas").upper()  # tetap str
    'LIHAT @TABEL:PPKS-PAS'
    """

    def _repr_html_(self) -> str:
        return paragraf(str(self))


class _KalimatBertanda(Kalimat):
    """Kalimat yang sebagian teksnya bertanda temuan (edisi reviu); tetap ``str`` biasa."""

    tanda: tuple = ()

    def _repr_html_(self) -> str:
        html = paragraf(str(self))
        for teks, nilai_resmi in self.tanda:
            dicari = esc(teks)
            if dicari in html:
                html = html.replace(dicari, nilai_resmi.tanda(dicari), 1)
        return html


def bertanda(kalimat: str, *tanda) -> Kalimat:
    """Kalimat dengan bagian bertemuan: ``bertanda(teks, ("22 (dua puluh dua)", nilai_resmi), ...)``.

    Di HTML, bagian itu dibungkus penanda temuan bila ``nilai_resmi`` punya
    temuan (:meth:`analisis.core.resmi.NilaiResmi.tanda`); sebagai ``str``
    kalimatnya tidak berubah.

    >>> from analisis.core import resmi
    >>> k = bertanda("PNS berjumlah 22 orang", ("22", resmi.nilai("NARASI-ASN-PNS", 21, tahun=2025)))
    >>> str(k), 'data-kode="NARASI-ASN-PNS"' in k._repr_html_()
    ('PNS berjumlah 22 orang', True)
    """
    k = _KalimatBertanda(kalimat)
    k.tanda = tuple(tanda)
    return k
