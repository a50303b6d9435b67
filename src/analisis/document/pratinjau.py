"""``iku pratinjau``: pratinjau langsung dokumen satu tahun di peramban.

Pratinjau menyajikan ``IKU-<tahun>-<edisi>.html`` di ``http://127.0.0.1:<port>/``
(hanya alamat loopback), memantau ``data/``, ``parameters/``, ``notebooks/``
dan ``src/`` dengan :mod:`watchfiles`, dan setelah setiap simpan:

1. memvalidasi berkas data (:func:`analisis.core.data.periksa_semua`; hanya
   berkas yang isinya berubah dibaca ulang);
2. memanggil :func:`analisis.document.render.render_tahun` dengan kumpulan
   kernel yang tetap hangat selama pratinjau hidup (:class:`KolamHangat`):
   cache render sudah tahu bab mana yang membaca berkas yang berubah, jadi
   hanya bab itu yang dieksekusi ulang, lalu dokumen dirakit ulang dan
   ``rendered/<tahun>/`` ditukar atomik seperti ``iku render``;
3. menaikkan nomor versi; halaman yang terbuka menunggu di ``/versi?sejak=<versi>``
   (server menjawab begitu versi atau status merender berubah) dan memuat
   ulang dirinya (posisi gulir dipertahankan).

Skrip pemuat ulang hanya disisipkan ke halaman yang *disajikan*; berkas di
``rendered/`` tidak pernah memuatnya. Bila data tidak sah atau sebuah bab
gagal, halaman menampilkan pesan :class:`~analisis.core.kesalahan.KesalahanIKU`
(berkas, baris, kolom, nilai, aturan; atau bab dan nomor sel) di atas versi
terakhir yang berhasil, yang juga tersedia utuh di ``/terakhir``. Simpan
berikutnya yang memperbaiki berkas memulihkan pratinjau.

Pratinjau tidak pernah menulis ``data/``. Ctrl-C (SIGINT) atau SIGTERM
menghentikan render yang sedang berjalan dengan cara yang sama seperti
``iku render`` yang dihentikan (dokumen lama utuh), menutup semua kernel,
lalu keluar.

Perubahan kode di ``src/analisis`` di luar ``chapters/`` dan
``presentation/`` (kode yang juga dipakai proses pratinjau sendiri untuk
merakit dokumen) membuat pratinjau memulai ulang dirinya (``os.execv``) agar
tidak merakit dengan kode lama; perubahan lain cukup dirender ulang.
"""

from __future__ import annotations

import html as _html
import inspect
import json
import logging
import os
import secrets
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs

from . import render as _render
from ..core import paths
from ..core.kesalahan import KesalahanIKU, KesalahanParameter

__all__ = ["KolamHangat", "Pratinjau", "sisipkan_pemuat_ulang", "abaikan", "jalankan"]

log = logging.getLogger(__name__)

#: Alamat yang didengar: hanya loopback.
ALAMAT = "127.0.0.1"

#: Port bawaan.
PORT = 8765

#: Diimpor di setiap kernel hangat sebelum bab pertama (lihat :meth:`KolamHangat.panaskan`).
#: ``matplotlib.figure`` dan ``matplotlib.backends.backend_svg``: setiap grafik; mistune:
#: ``pengantar_lanskap`` di bab gambaran umum dan penetapan IKU.
#:
#: Lalu satu validasi pandera kecil mendaftarkan backend pandas pandera, yang
#: biasanya dimuat saat validasi pertama. Backend itu memuat modul strategi
#: pembangkit data pandera, dan modul itu memuat ``hypothesis`` bila terpasang
#: (±0,1 s per kernel; ``hypothesis`` ikut terpasang untuk test suite). Strategi
#: itu (``schema.example()``) tidak dipakai bab mana pun, jadi selama pendaftaran
#: ini ``hypothesis`` disembunyikan; sesudahnya ``import hypothesis`` di kernel
#: bekerja seperti biasa.
PRAIMPOR = (
    "import pandas, pandera, matplotlib, matplotlib.figure, matplotlib.backends.backend_svg, yaml, pydantic, mistune\n"
    "def __iku_backend_pandera():\n"
    "    import sys\n"
    "    import pandera.pandas as pa\n"
    "    ada = 'hypothesis' in sys.modules\n"
    "    if not ada:\n"
    "        sys.modules['hypothesis'] = None\n"
    "    try:\n"
    "        pa.DataFrameSchema({'a': pa.Column(int, pa.Check.ge(0))}).validate(pandas.DataFrame({'a': [1]}))\n"
    "    finally:\n"
    "        if not ada:\n"
    "            sys.modules.pop('hypothesis', None)\n"
    "__iku_backend_pandera()\n"
    "del __iku_backend_pandera\n"
)

#: Selang (ms) halaman menanyakan ``/versi`` lagi setelah server tidak menjawab.
SELANG_TANYA_MS = 250

#: Paling lama (detik) ``/versi?sejak=...`` menunggu perubahan sebelum menjawab dengan keadaan yang sama.
BATAS_TUNGGU_VERSI = 25.0


# ---------------------------------------------------------------------------
# Kumpulan kernel yang hidup selama pratinjau


class KolamHangat(_render._Kolam):
    """Kumpulan kernel yang dipakai ulang antar-render, bukan hanya antarbab.

    :class:`analisis.document.render._Kolam` mengikat kernel ke utas pekerja;
    utas pekerja dibuat baru di setiap render, jadi kumpulan pratinjau memakai
    daftar kernel siaga: :meth:`ambil` mengambil kernel siaga yang masih hidup
    (atau menunggu kernel yang sedang dipanaskan, atau memulai yang baru), dan
    :meth:`kembalikan` mengembalikannya. :meth:`panaskan` memulai kernel
    sebelum dibutuhkan.
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._siaga: list[_render._Kernel] = []
        self._memanas = 0  # kernel yang sedang dipanaskan (dimulai atau mengimpor PRAIMPOR)
        self._memulai = 0  # di antaranya, yang prosesnya belum selesai dimulai
        self._ditutup = False
        self._dibunuh = False  # setelah bunuh(): ambil() tidak menunggu kernel yang dipanaskan
        self._syarat = threading.Condition(self._kunci)
        self._sedang_panas: set[_render._Kernel] = set()  # kernel yang sedang dipanaskan utas pemanas

    @classmethod
    def untuk_proyek(cls, folder_nb: Path, batas_waktu: float | None = None,
                     folder_siaga: Path | None = None) -> "KolamHangat":
        """Kumpulan dengan lingkungan dan folder jejak yang sama dengan yang dibuat ``render_tahun``.

        ``folder_siaga``: kernel siaga dipakai dari dan diparkir ke sana (:mod:`analisis.document.siaga`).
        """
        with _render._lingkungan_kernel(_render._akar()):  # seperti _render_banyak: folder dilacak juga di sini
            env = dict(os.environ)
            akar_jejak = _render._akar_jejak()
        dilacak = sorted({os.path.abspath(p) for p in akar_jejak.values()}
                         | {os.path.realpath(p) for p in akar_jejak.values()})
        return cls(env, Path(folder_nb), dilacak, batas_waktu=_render.batas_waktu_sel(batas_waktu),
                   folder_siaga=folder_siaga)

    @staticmethod
    def _hidup_(k: _render._Kernel) -> bool:
        proses = getattr(getattr(k.km, "provisioner", None), "process", None)
        return proses is not None and proses.poll() is None

    def ambil(self) -> _render._Kernel:
        with self._syarat:
            while True:
                while self._siaga:
                    k = self._siaga.pop(0)  # yang paling lama siap dulu (kernel siaga yang diadopsi)
                    if self._hidup_(k):
                        return k
                    if k in self._hidup:  # kernel mati (mis. dibunuh): bersihkan di latar
                        self._hidup.remove(k)
                    threading.Thread(target=k.tutup, daemon=True).start()
                if self._memanas == 0:
                    break
                if self._dibunuh or self._ditutup:  # Ctrl-C: kernel yang dipanaskan sudah dibunuh
                    raise _render._KernelRusak("kumpulan kernel dihentikan")
                self._syarat.wait()
        return self._baru()

    def _boleh_parkir(self, k: _render._Kernel) -> bool:
        with self._syarat:
            return k not in self._sedang_panas

    def ambil_menganggur(self) -> _render._Kernel | None:
        """Kernel siaga yang hidup dan tidak sedang dipakai, tanpa menunggu atau memulai kernel baru."""
        with self._syarat:
            while self._siaga:
                k = self._siaga.pop(0)
                if self._hidup_(k):
                    return k
        return None

    def bunuh(self, tenggang: float = 0.0) -> None:
        with self._syarat:
            self._dibunuh = True
            self._syarat.notify_all()
        super().bunuh(tenggang)

    def lanjutkan(self) -> None:
        """Render baru setelah :meth:`bunuh`: kernel yang masih dipanaskan boleh ditunggu lagi."""
        with self._syarat:
            self._dibunuh = False

    def kembalikan(self, k: _render._Kernel) -> None:
        with self._syarat:
            if k in self._hidup and k not in self._siaga:
                self._siaga.append(k)
                self._syarat.notify()

    def buang(self, k: _render._Kernel) -> None:
        with self._syarat:
            if k in self._siaga:
                self._siaga.remove(k)
        super().buang(k)

    def panaskan(self, jumlah: int) -> None:
        """Mulai kernel (di latar) sampai ada ``jumlah`` kernel hidup."""
        with self._syarat:
            kurang = jumlah - len(self._hidup) - self._memanas
            self._memanas += max(0, kurang)
            self._memulai += max(0, kurang)
        for _ in range(max(0, kurang)):
            threading.Thread(target=self._panaskan_satu, name="iku-panaskan", daemon=True).start()

    def _panaskan_satu(self) -> None:
        k = None
        try:
            try:
                k = self._baru()
                with self._syarat:
                    self._sedang_panas.add(k)
            finally:
                with self._syarat:
                    self._memulai -= 1
                    self._syarat.notify_all()
            if self._dibunuh or self._ditutup:  # proses baru lahir setelah bunuh()/tutup(): jangan tertinggal
                k.bunuh()
                return
            # paket berat yang diimpor setiap bab: dimuat sekarang, bukan saat suntingan pertama
            # (modul analisis tetap diimpor ulang segar sebelum setiap bab)
            k._jalankan(k._diam(PRAIMPOR))
        except Exception as e:  # noqa: BLE001 - ambil() akan mencoba lagi dan melaporkan galatnya
            if not self._ditutup:  # kernel yang dibunuh saat kumpulan ditutup: bukan galat
                log.warning("Kernel tidak dapat dipanaskan: %s", e)
        finally:
            with self._syarat:
                self._memanas -= 1
                if k is not None:
                    self._sedang_panas.discard(k)
                    self._siaga.append(k)
                self._syarat.notify_all()

    def tutup(self) -> None:
        # Proses kernel yang belum selesai dimulai tidak dapat dibunuh (prosesnya akan
        # tertinggal setelah iku selesai): itu ditunggu. Kernel yang sedang mengimpor
        # PRAIMPOR tidak ditunggu — setelah Ctrl-C kernel itu sudah dibunuh dan tidak
        # akan menjawab; penutupannya jatuh ke SIGKILL (loop asyncio-nya dipakai utas
        # pemanas, utas daemon yang tidak menahan proses).
        # Setelah bunuh() (Ctrl-C) kernel yang sedang dimulai sudah mati atau dibunuh
        # utas pemanasnya sendiri begitu lahir; persiapannya tidak akan dijawab, jadi
        # hanya ditunggu sebentar.
        with self._syarat:
            self._ditutup = True
            batas = 2.0 if self._dibunuh else _render.BATAS_WAKTU_KERNEL
            self._syarat.wait_for(lambda: self._memulai == 0, timeout=batas)
            self._siaga.clear()
        super().tutup()


# ---------------------------------------------------------------------------
# Halaman


_SKRIP = """<script id="iku-pratinjau">
(function () {
  var versi = %(versi)s, kunci = "iku-pratinjau-gulir";
  try {
    var g = sessionStorage.getItem(kunci);
    if (g !== null) { sessionStorage.removeItem(kunci); window.addEventListener("load", function () { window.scrollTo(0, +g); }); }
  } catch (e) {}
  var tanda = document.createElement("div");
  tanda.id = "iku-pratinjau-status";
  tanda.style.cssText = "position:fixed;right:8px;bottom:8px;z-index:2147483647;font:12px sans-serif;" +
    "background:#1d3557;color:#fff;padding:3px 8px;border-radius:4px;opacity:.85;display:none";
  document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(tanda); });
  var sedang = false;
  function tanya() {
    // server menjawab segera setelah versi atau status merender berubah (paling lama 25 s)
    fetch("/versi?sejak=" + encodeURIComponent(versi) + "&sedang=" + (sedang ? 1 : 0) + "&tunggu=25",
          {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (d) {
      if (d.versi !== versi) {
        try { sessionStorage.setItem(kunci, String(window.scrollY)); } catch (e) {}
        location.reload();
        return;
      }
      sedang = !!d.sedang;
      tanda.textContent = sedang ? "Pratinjau: merender\\u2026" : "";
      tanda.style.display = sedang ? "block" : "none";
      setTimeout(tanya, 0);
    }).catch(function () {
      tanda.textContent = "Pratinjau: server tidak menjawab";
      tanda.style.display = "block";
      setTimeout(tanya, 1000);
    });
  }
  setTimeout(tanya, %(selang)d);
})();
</script>
"""

_GAYA_GALAT = (
    "position:sticky;top:0;z-index:2147483646;margin:0;padding:12px 16px;background:#fff3f3;"
    "border-bottom:3px solid #c1121f;font:14px/1.45 sans-serif;color:#222;max-height:60vh;overflow:auto"
)


def sisipkan_pemuat_ulang(dokumen: str, versi: str, sisipan_atas: str = "") -> str:
    """Dokumen ``dokumen`` dengan skrip pemuat ulang (dan ``sisipan_atas`` di awal ``<body>``).

    Hanya untuk halaman yang disajikan pratinjau; berkas di ``rendered/``
    tidak diubah.

    >>> h = sisipkan_pemuat_ulang("<html><body><p>x</p></body></html>", "a-1")
    >>> h.count('id="iku-pratinjau"'), h.index("<p>x</p>") < h.index("<script")
    (1, True)
    >>> "var versi = \\"a-1\\"" in h
    True
    >>> sisipkan_pemuat_ulang("<body class='c'><p>x</p></body>", "a-2", "<div>G</div>").startswith("<body class='c'><div>G</div>")
    True
    """
    skrip = _SKRIP % {"versi": json.dumps(versi), "selang": SELANG_TANYA_MS}
    if sisipan_atas:
        i = dokumen.find("<body")
        j = dokumen.find(">", i) if i >= 0 else -1
        dokumen = dokumen[: j + 1] + sisipan_atas + dokumen[j + 1:] if j >= 0 else sisipan_atas + dokumen
    i = dokumen.rfind("</body>")
    return dokumen[:i] + skrip + dokumen[i:] if i >= 0 else dokumen + skrip


def _panel_galat(pesan: str, waktu: str, ada_terakhir: bool, waktu_terakhir: str | None) -> str:
    bawah = (
        f'<p style="margin:8px 0 0">Di bawah ini versi terakhir yang berhasil ({_html.escape(waktu_terakhir or "")}); '
        '<a href="/terakhir">buka tanpa pesan ini</a> · '
        '<a href="#" onclick="this.closest(\'#iku-pratinjau-galat\').remove();return false">sembunyikan pesan</a></p>'
        if ada_terakhir else
        '<p style="margin:8px 0 0">Belum ada versi yang berhasil dirender pada pratinjau ini.</p>'
    )
    return (
        f'<div id="iku-pratinjau-galat" role="alert" style="{_GAYA_GALAT}">'
        f'<strong style="color:#c1121f">Pratinjau gagal diperbarui ({_html.escape(waktu)})</strong>'
        f'<pre style="white-space:pre-wrap;margin:6px 0 0;font:13px/1.4 monospace">{_html.escape(pesan)}</pre>'
        f"{bawah}"
        "<p style=\"margin:4px 0 0;color:#555\">Pratinjau memperbarui halaman ini sendiri setelah berkasnya diperbaiki dan disimpan.</p>"
        "</div>"
    )


_KOSONG = ('<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Pratinjau IKU</title></head>'
           '<body><p style="font:16px sans-serif;margin:2em">Pratinjau IKU {tahun}: dokumen sedang dirender…</p></body></html>')


# ---------------------------------------------------------------------------
# Penyaring perubahan


_FOLDER_ABAIKAN = {"__pycache__", ".ipynb_checkpoints", ".git", ".pytest_cache", ".hypothesis"}


def abaikan(jalur: str | os.PathLike) -> bool:
    """Perubahan yang tidak memicu render: berkas sementara penyunting, cache Python, titik-berkas.

    >>> [abaikan(p) for p in ("data/lks.csv", "data/.~lock.lks.csv#", "data/lks.csv~", "src/a/__pycache__/x.pyc",
    ...                        "notebooks/.ipynb_checkpoints/01-checkpoint.ipynb", "data/.lks.csv.swp", "notebooks/4913")]
    [False, True, True, True, True, True, False]
    """
    p = Path(jalur)
    nama = p.name
    if nama.startswith(".") or nama.endswith(("~", ".pyc", ".swp", ".tmp")):
        return True
    return any(bagian in _FOLDER_ABAIKAN for bagian in p.parts)


# ---------------------------------------------------------------------------
# Pratinjau


@dataclass
class _Keadaan:
    versi: str
    dokumen: str | None = None  # HTML terakhir yang berhasil (tanpa skrip)
    waktu_dokumen: str | None = None
    galat: str | None = None
    waktu_galat: str | None = None
    sedang: bool = False
    jumlah_render: int = 0
    riwayat: list[dict] = field(default_factory=list)


def _jam() -> str:
    return time.strftime("%H.%M.%S")


class Pratinjau:
    """Server pratinjau satu tahun: render ulang setelah perubahan, sajikan, muat ulang peramban.

    Parameters
    ----------
    tahun, periode
        Dokumen yang dipratinjau (``periode`` ``None``: dari parameter tahun).
    edisi
        ``"reviu"`` (bawaan) atau ``"final"``. Bila ``render_tahun`` belum
        mengenal edisi, edisi final dibuat dari dokumen reviu dengan
        :func:`analisis.document.edisi.untuk_edisi` hanya pada halaman yang
        disajikan.
    port
        Port TCP di 127.0.0.1 (``0``: port bebas mana pun; lihat :attr:`port`).
    """

    def __init__(self, tahun: int, *, periode: str | None = None, edisi: str = "reviu", port: int = PORT,
                 akar_keluaran: Path | None = None, notebooks: Path | None = None, paralel: int | None = None,
                 batas_waktu: float | None = None, keluaran_log: Callable[[str], None] | None = None):
        from .edisi import periksa_edisi

        self.tahun = int(tahun)
        self.periode = periode
        self.edisi = periksa_edisi(edisi)
        self.akar_keluaran = Path(akar_keluaran) if akar_keluaran is not None else paths.folder_render()
        self.notebooks = Path(notebooks) if notebooks is not None else paths.folder_notebook()
        self.paralel = paralel or _render._jumlah_inti()
        self.batas_waktu = batas_waktu
        self.cetak = keluaran_log or (lambda s: print(s, file=sys.stderr, flush=True))
        self._render_mengenal_edisi = "edisi" in inspect.signature(_render.render_tahun).parameters
        self._awalan = secrets.token_hex(4)
        self._nomor = 0
        self.keadaan = _Keadaan(versi=f"{self._awalan}-0")
        self._kunci = threading.Lock()
        self._berubah = threading.Condition(self._kunci)  # keadaan berubah: penanya /versi?sejak= dijawab
        self._perlu = threading.Event()
        self._berhenti = threading.Event()
        self.mulai_ulang = False
        self._alasan: list[str] = []
        self.kolam: KolamHangat | None = None
        self.server = self._buat_server(port)
        self.port = self.server.server_address[1]
        self._pengamat: threading.Thread | None = None

    # -- server -------------------------------------------------------------

    def _buat_server(self, port: int) -> ThreadingHTTPServer:
        pratinjau = self

        class Penangan(BaseHTTPRequestHandler):
            server_version = "iku-pratinjau"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - nama dari BaseHTTPRequestHandler
                log.debug("http: " + format, *args)

            def _kirim(self, kode: int, isi: str | bytes, jenis: str) -> None:
                data = isi.encode("utf-8") if isinstance(isi, str) else isi
                self.send_response(kode)
                self.send_header("Content-Type", jenis)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 - nama dari BaseHTTPRequestHandler
                jalur = self.path.split("?", 1)[0]
                if jalur in ("/", "/index.html"):
                    self._kirim(200, pratinjau.halaman(), "text/html; charset=utf-8")
                elif jalur == "/terakhir":
                    self._kirim(200, pratinjau.halaman(terakhir=True), "text/html; charset=utf-8")
                elif jalur == "/versi":
                    tanya = parse_qs(self.path.split("?", 1)[1]) if "?" in self.path else {}
                    if "sejak" in tanya:
                        try:
                            tunggu = min(BATAS_TUNGGU_VERSI, max(0.0, float(tanya.get("tunggu", ["25"])[0])))
                        except ValueError:
                            tunggu = BATAS_TUNGGU_VERSI
                        isi = pratinjau.status_tunggu(tanya["sejak"][0], tanya.get("sedang", ["0"])[0] == "1", tunggu)
                    else:
                        isi = pratinjau.status()
                    self._kirim(200, json.dumps(isi), "application/json")
                else:
                    self._kirim(404, "Tidak ada. Dokumen ada di /", "text/plain; charset=utf-8")

            do_HEAD = do_GET

        server = ThreadingHTTPServer((ALAMAT, port), Penangan)
        server.daemon_threads = True
        return server

    def status_tunggu(self, sejak: str, sedang: bool, detik: float) -> dict:
        """:meth:`status` segera setelah versi berbeda dari ``sejak`` atau status merender berbeda dari
        ``sedang`` (paling lama ``detik``): halaman yang terbuka tahu perubahan tanpa jeda tanya."""
        with self._berubah:
            self._berubah.wait_for(lambda: self.keadaan.versi != sejak or self.keadaan.sedang != sedang,
                                   timeout=detik)
        return self.status()

    def status(self) -> dict:
        with self._kunci:
            k = self.keadaan
            return {"versi": k.versi, "sedang": k.sedang, "galat": k.galat, "dokumen": k.waktu_dokumen,
                    "jumlah_render": k.jumlah_render}

    def halaman(self, terakhir: bool = False) -> str:
        """HTML yang disajikan di ``/`` (atau ``/terakhir``): dokumen + skrip pemuat ulang (+ panel galat)."""
        with self._kunci:
            k = self.keadaan
            dokumen, galat, versi = k.dokumen, k.galat, k.versi
            panel = "" if (terakhir or galat is None) else _panel_galat(galat, k.waktu_galat or "", dokumen is not None,
                                                                        k.waktu_dokumen)
        if dokumen is None:
            dokumen = _KOSONG.format(tahun=self.tahun)
        return sisipkan_pemuat_ulang(dokumen, versi, panel)

    def _versi_baru(self) -> None:
        self._nomor += 1
        self.keadaan.versi = f"{self._awalan}-{self._nomor}"

    # -- render ----------------------------------------------------------------

    def _muat_dokumen_ada(self) -> None:
        """Sajikan dokumen yang sudah ada di ``rendered/<tahun>/`` sambil render pertama berjalan."""
        from .edisi import nama_berkas

        jalur = self.akar_keluaran / str(self.tahun) / nama_berkas(self.tahun, self.edisi, "html")
        try:
            teks = jalur.read_text(encoding="utf-8")
        except OSError:
            return
        with self._kunci:
            self.keadaan.dokumen = self._untuk_edisi(teks)
            self.keadaan.waktu_dokumen = time.strftime("%H.%M.%S", time.localtime(jalur.stat().st_mtime))
            self._berubah.notify_all()

    def _untuk_edisi(self, teks: str) -> str:
        if self.edisi == "reviu" or self._render_mengenal_edisi:
            return teks
        from .edisi import untuk_edisi
        return untuk_edisi(teks, self.edisi)

    def render_sekali(self, alasan: str = "mulai") -> bool:
        """Validasi data, render tahun ini dengan kumpulan hangat, perbarui keadaan. ``True`` bila berhasil."""
        from ..core import data
        from ..core.kesalahan import KesalahanData

        t0 = time.perf_counter()
        with self._kunci:
            self.keadaan.sedang = True
            self._berubah.notify_all()
        hasil = None
        galat: str | None = None
        tahap: dict[str, float] = {}
        try:
            self.kolam.lanjutkan()
            salah = data.periksa_semua()
            tahap["validasi"] = time.perf_counter() - t0
            if salah:
                raise KesalahanData(salah)
            opsi: dict[str, Any] = dict(periode=self.periode, format=("html",), akar_keluaran=self.akar_keluaran,
                                        notebooks=self.notebooks, paralel=self.paralel, batas_waktu=self.batas_waktu,
                                        tunggu=300, kolam=self.kolam)
            if self._render_mengenal_edisi:
                opsi["edisi"] = self.edisi
            hasil = _render.render_tahun(self.tahun, **opsi)
            teks = Path(hasil.html).read_text(encoding="utf-8")
            tahap.update({k: v for k, v in hasil.durasi.items() if k in ("eksekusi", "html")})
        except KesalahanIKU as e:
            galat = str(e)
        except Exception as e:  # noqa: BLE001 - pratinjau tetap hidup; pesan tampil di halaman
            log.debug("render pratinjau gagal", exc_info=True)
            galat = f"{type(e).__name__}: {e}"
        durasi = time.perf_counter() - t0
        with self._kunci:
            k = self.keadaan
            k.sedang = False
            k.jumlah_render += 1
            if galat is None:
                baru = self._untuk_edisi(teks)
                berubah = baru != k.dokumen or k.galat is not None
                k.dokumen, k.waktu_dokumen, k.galat, k.waktu_galat = baru, _jam(), None, None
            else:
                berubah = galat != k.galat or k.dokumen is None
                k.galat, k.waktu_galat = galat, _jam()
            if berubah:
                self._versi_baru()
            k.riwayat.append({"alasan": alasan, "detik": round(durasi, 3), "berhasil": galat is None,
                              "tahap": {n: round(v, 3) for n, v in tahap.items()},
                              "dieksekusi": list(getattr(hasil, "dieksekusi", []) or [])})
            del k.riwayat[:-50]
            self._berubah.notify_all()
        if galat is None:
            bab = ", ".join(hasil.dieksekusi) if hasil.dieksekusi else "tidak ada bab (dari cache)"
            rinci = ", ".join(f"{n} {v:.1f} s" for n, v in tahap.items())
            self.cetak(f"[{_jam()}] Diperbarui dalam {durasi:.1f} s ({alasan}; {rinci}); dieksekusi: {bab}")
        else:
            self.cetak(f"[{_jam()}] Gagal ({alasan}); pesan tampil di pratinjau:\n{galat}")
        return galat is None

    # -- pemantau --------------------------------------------------------------

    def folder_dipantau(self) -> list[Path]:
        folder = [paths.folder_data(), paths.folder_parameter(), self.notebooks, Path(_render._cache.FOLDER_KODE)]
        hasil = []
        for f in folder:
            f = Path(f).resolve()
            if f.is_dir() and not any(f == h or f.is_relative_to(h) for h in hasil):
                hasil.append(f)
        return hasil

    def _kode_proses(self, jalur: Path) -> bool:
        """Berkas kode yang dipakai proses pratinjau sendiri (perubahan → mulai ulang)."""
        paket = Path(_render._cache.FOLDER_KODE).resolve()
        try:
            relatif = jalur.resolve().relative_to(paket)
        except ValueError:
            return False
        return relatif.parts[:1] not in (("chapters",), ("presentation",)) and jalur.suffix in (".py", ".j2", ".css")

    def _pantau(self) -> None:
        import watchfiles

        folder = self.folder_dipantau()
        try:
            for perubahan in watchfiles.watch(*folder, stop_event=self._berhenti, debounce=400, step=30,
                                              raise_interrupt=False, recursive=True):
                jalur = sorted({Path(p) for _, p in perubahan if not abaikan(p)})
                if not jalur:
                    continue
                with self._kunci:
                    self._alasan.extend(str(p) for p in jalur)
                if any(self._kode_proses(p) for p in jalur):
                    self.mulai_ulang = True
                self._perlu.set()
        except Exception as e:  # noqa: BLE001
            self.cetak(f"Pemantau berkas berhenti: {type(e).__name__}: {e}")

    # -- siklus hidup ------------------------------------------------------------

    def jalankan(self) -> int:
        """Sajikan dan render ulang sampai dihentikan (Ctrl-C/SIGTERM). Render berjalan di utas utama."""
        self._muat_dokumen_ada()
        self.kolam = KolamHangat.untuk_proyek(self.notebooks, self.batas_waktu,
                                              folder_siaga=self.akar_keluaran / _render.FOLDER_SIAGA)
        utas_server = threading.Thread(target=self.server.serve_forever, name="iku-pratinjau-http", daemon=True)
        utas_server.start()
        self.cetak(f"Pratinjau IKU {self.tahun}: http://{ALAMAT}:{self.port}/  (Ctrl-C untuk berhenti)")
        self._pengamat = threading.Thread(target=self._pantau, name="iku-pratinjau-pantau", daemon=True)
        self._pengamat.start()
        try:
            self.kolam.panaskan(self.paralel)
            self.render_sekali("mulai")
            while not self._berhenti.is_set():
                if not self._perlu.wait(0.5):
                    continue
                if self.mulai_ulang:
                    self.cetak(f"[{_jam()}] Kode src/analisis berubah: pratinjau dimulai ulang.")
                    return 3
                self._perlu.clear()
                with self._kunci:
                    alasan, self._alasan = self._alasan, []
                self.render_sekali(_ringkas_alasan(alasan))
        except KeyboardInterrupt:
            self.cetak("Pratinjau dihentikan.")
        finally:
            self.berhenti()
        return 0

    def berhenti(self) -> None:
        self._berhenti.set()
        self.server.shutdown()
        self.server.server_close()
        if self.kolam is not None:
            self.kolam.tutup()
        if self._pengamat is not None:
            self._pengamat.join(timeout=5)


def _ringkas_alasan(jalur: Iterable[str]) -> str:
    """Ringkasan berkas yang berubah, relatif terhadap akar proyek bila bisa.

    >>> _ringkas_alasan([])
    'perubahan'
    """
    daftar = []
    try:
        akar = paths.akar()
    except Exception:  # noqa: BLE001
        akar = None
    for p in dict.fromkeys(jalur):
        try:
            daftar.append(str(Path(p).relative_to(akar)) if akar else p)
        except ValueError:
            daftar.append(p)
    if not daftar:
        return "perubahan"
    return ", ".join(daftar[:3]) + (f" dan {len(daftar) - 3} lainnya" if len(daftar) > 3 else "")


def _sigterm(signum, frame):  # pragma: no cover - dipanggil sistem operasi
    raise KeyboardInterrupt


def jalankan(tahun: int, *, periode: str | None = None, edisi: str = "reviu", port: int = PORT,
             paralel: int | None = None, batas_waktu: float | None = None, argv_mulai_ulang: list[str] | None = None) -> int:
    """Titik masuk ``iku pratinjau``; memulai ulang proses bila kode pratinjau sendiri berubah."""
    from ..core import parameter

    parameter.muat(tahun, periode) if periode is not None else parameter.muat(tahun)  # gagal cepat
    try:
        p = Pratinjau(tahun, periode=periode, edisi=edisi, port=port, paralel=paralel, batas_waktu=batas_waktu)
    except OSError as e:
        raise KesalahanParameter(f"Port {port} di {ALAMAT} tidak dapat dipakai ({e.strerror or e}); "
                                 "pilih port lain dengan --port N.") from e
    if threading.current_thread() is threading.main_thread():
        # Ctrl-C selalu menghentikan pratinjau, juga bila proses dimulai dengan SIGINT diabaikan
        # (mis. dari shell di latar belakang)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _sigterm)
    kode = p.jalankan()
    if kode == 3 and argv_mulai_ulang is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, [sys.executable, "-m", "analisis.cli", *argv_mulai_ulang, "--port", str(p.port)])
    return kode
