"""Cetak dokumen HTML yang sudah dirakit menjadi PDF A4 dengan Chromium.

Mengapa tidak memakai ``nbconvert.exporters.WebPDFExporter`` secara langsung?
Eksportir itu (nbconvert 7.17) mengubah *satu buku catatan* dengan templatnya
sendiri lalu menjalankan ``playwright.chromium.launch()`` tanpa
``executable_path``: ia hanya dapat memakai peramban bawaan Playwright
(``playwright install chromium``, yang butuh internet), tidak memblokir
permintaan jaringan, dan tidak menerima opsi ``page.pdf()`` (format kertas,
ukuran halaman dari CSS, margin, kerangka/outline). Mensubkelaskannya berarti
menimpa seluruh ``run_playwright`` sehingga tidak ada kode yang terpakai ulang.
Karena itu modul ini memakai API sinkron Playwright secara langsung, dengan
jalur yang sama (Chromium tanpa kepala, media ``print``, ``page.pdf``).

Peramban dicari berurutan: argumen ``chromium``, variabel lingkungan
``IKU_CHROMIUM``, ``/usr/bin/chromium``, ``/usr/bin/chromium-browser``,
``/usr/bin/google-chrome``, program yang sama di ``PATH``, lalu peramban
bawaan Playwright bila pernah dipasang.

Nomor halaman dan halaman mendatar diatur oleh CSS dokumen (kotak margin
``@page`` dan halaman bernama, didukung Chromium >= 131). Untuk Chromium yang
lebih tua dipakai templat kaki halaman Chromium (``footer_template``); dengan
cara itu sampul ikut bernomor.

Bila ``pdftotext`` (poppler-utils) tersedia, dokumen dicetak dua kali: cetakan
pertama dipakai untuk mencari halaman setiap judul, lalu nomor halaman itu
diisikan ke DAFTAR ISI sebelum cetakan akhir.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.kesalahan import KesalahanIKU

__all__ = [
    "KesalahanPDF",
    "PerambanTidakDitemukan",
    "HasilPDF",
    "KANDIDAT_CHROMIUM",
    "cari_chromium",
    "tulis_pdf",
]

log = logging.getLogger(__name__)

from ..core.kesalahan import KesalahanPDF


class PerambanTidakDitemukan(KesalahanPDF):
    """Tidak ada Chromium/Chrome yang dapat dipakai untuk mencetak PDF."""


#: Lokasi tetap yang diperiksa (sesudah argumen dan ``IKU_CHROMIUM``).
KANDIDAT_CHROMIUM: tuple[str, ...] = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
)
_NAMA_PROGRAM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Argumen peluncuran: aman di dalam kontainer dan tanpa lalu lintas jaringan latar.
ARGUMEN_CHROMIUM: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-extensions",
)

PETUNJUK_CHROMIUM = (
    "Cara mendapatkannya: di Debian/Ubuntu jalankan 'sudo apt-get install chromium'; "
    "atau setel IKU_CHROMIUM=/jalur/ke/chrome ke Chromium/Google Chrome yang sudah ada; "
    "atau, bila ada internet, jalankan 'playwright install chromium'."
)

#: Versi Chromium pertama yang mendukung kotak margin ``@page`` (nomor halaman lewat CSS).
_VERSI_KOTAK_MARGIN = 131

_KAKI_HALAMAN = (
    '<div style="width:100%;text-align:center;font-size:10pt;'
    'font-family:Arial,\'Liberation Sans\',\'DejaVu Sans\',sans-serif;color:#222;">'
    '<span class="pageNumber"></span></div>'
)
_MARGIN_CADANGAN = {"top": "2.5cm", "right": "2cm", "bottom": "2.5cm", "left": "2.5cm"}
_SKEMA_LOKAL = ("file:", "data:", "about:", "blob:")


@dataclass
class HasilPDF:
    """Keterangan satu pencetakan PDF."""

    pdf: Path
    peramban: str
    versi: str
    halaman: int | None = None
    cetakan: int = 1
    durasi: float = 0.0
    nomor_daftar_isi: bool = False
    diblokir: list[str] = field(default_factory=list)


def _dapat_dijalankan(jalur: str | os.PathLike) -> bool:
    p = Path(jalur)
    return p.is_file() and os.access(p, os.X_OK)


def _chromium_playwright() -> str | None:
    """Jalur Chromium bawaan Playwright bila sudah dipasang, selain itu ``None``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            jalur = p.chromium.executable_path
    except Exception:  # noqa: BLE001 - driver Playwright tidak dapat dijalankan
        return None
    return jalur if jalur and _dapat_dijalankan(jalur) else None


def cari_chromium(chromium: str | os.PathLike | None = None) -> str:
    """Jalur Chromium/Chrome yang akan dipakai untuk mencetak.

    Parameters
    ----------
    chromium : str or path-like, optional
        Jalur yang diminta secara eksplisit; bila diberikan tetapi tidak ada,
        tidak dicari di tempat lain.

    Returns
    -------
    str
        Jalur program peramban.

    Raises
    ------
    PerambanTidakDitemukan
        Bila tidak ada peramban; pesannya memuat cara mendapatkannya.
    """
    if chromium:
        if _dapat_dijalankan(chromium):
            return str(chromium)
        raise PerambanTidakDitemukan(
            f"Peramban untuk PDF tidak ditemukan: {chromium} tidak ada atau tidak dapat dijalankan. "
            + PETUNJUK_CHROMIUM
        )
    env = os.environ.get("IKU_CHROMIUM")
    if env:
        if _dapat_dijalankan(env):
            return env
        raise PerambanTidakDitemukan(
            f"Peramban untuk PDF tidak ditemukan: IKU_CHROMIUM={env} tidak ada atau tidak dapat dijalankan. "
            + PETUNJUK_CHROMIUM
        )
    for kandidat in KANDIDAT_CHROMIUM:
        if _dapat_dijalankan(kandidat):
            return kandidat
    for nama in _NAMA_PROGRAM:
        ditemukan = shutil.which(nama)
        if ditemukan:
            return ditemukan
    bawaan = _chromium_playwright()
    if bawaan:
        return bawaan
    raise PerambanTidakDitemukan(
        "Tidak ada Chromium atau Google Chrome untuk membuat PDF (dicari: argumen chromium, "
        "IKU_CHROMIUM, " + ", ".join(KANDIDAT_CHROMIUM) + ", PATH, dan Chromium bawaan Playwright). "
        + PETUNJUK_CHROMIUM
    )


def _versi_utama(versi: str) -> int:
    m = re.match(r"(\d+)", versi or "")
    return int(m.group(1)) if m else 0


def _pdftotext() -> str | None:
    return shutil.which("pdftotext")


def _teks_per_halaman(pdf: Path) -> list[str] | None:
    """Teks setiap halaman PDF lewat ``pdftotext`` (``None`` bila gagal)."""
    program = _pdftotext()
    if not program:
        return None
    try:
        hasil = subprocess.run(
            [program, "-enc", "UTF-8", str(pdf), "-"],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    halaman = hasil.stdout.decode("utf-8", "replace").split("\f")
    if halaman and not halaman[-1].strip():
        halaman.pop()
    return halaman


def _ringkas(teks: str) -> str:
    """Teks untuk pencocokan judul: huruf kecil, tanpa spasi dan tanda hubung."""
    return re.sub(r"[\s\u00ad\-‐‑–—]+", "", teks).casefold()


def cari_halaman_judul(judul: list[tuple[str, str]], halaman: list[str]) -> dict[str, int]:
    """Indeks halaman (mulai 0) tempat setiap judul pertama kali muncul.

    Judul dicari berurutan: pencarian judul berikutnya dimulai dari halaman
    judul sebelumnya, sehingga judul yang sama di daftar isi tidak terhitung.

    Parameters
    ----------
    judul : list of (id, teks)
        Entri daftar isi menurut urutan dokumen.
    halaman : list of str
        Teks setiap halaman PDF.

    Returns
    -------
    dict
        ``id -> indeks halaman``; judul yang tidak ditemukan tidak dimuat.

    Examples
    --------
    >>> cari_halaman_judul([("a", "BAB I"), ("b", "1.1 Latar")], ["SAMPUL", "BAB I", "x", "1.1  Latar"])
    {'a': 1, 'b': 3}
    """
    ringkas = [_ringkas(h) for h in halaman]
    hasil: dict[str, int] = {}
    mulai = 0
    for ident, teks in judul:
        kunci = _ringkas(teks)
        if not kunci:
            continue
        for i in range(mulai, len(ringkas)):
            if kunci in ringkas[i]:
                hasil[ident] = i
                mulai = i
                break
    return hasil


def tulis_pdf(
    html_path: Path,
    pdf_path: Path,
    chromium: str | os.PathLike | None = None,
    *,
    nomor_daftar_isi: bool = True,
    batas_waktu: float = 180.0,
) -> Path:
    """Cetak ``html_path`` menjadi PDF A4 di ``pdf_path``.

    Parameters
    ----------
    html_path : Path
        Dokumen HTML yang berdiri sendiri (lihat :mod:`analisis.document.render`).
    pdf_path : Path
        Berkas PDF yang ditulis (folder induknya dibuat bila belum ada).
    chromium : str or path-like, optional
        Jalur Chromium/Chrome; lihat :func:`cari_chromium` untuk urutan pencarian.
    nomor_daftar_isi : bool, default True
        Isi nomor halaman di DAFTAR ISI (butuh ``pdftotext``; dicetak dua kali).
    batas_waktu : float, default 180
        Batas waktu dalam detik untuk memuat dan mencetak.

    Returns
    -------
    Path
        ``pdf_path``.

    Raises
    ------
    PerambanTidakDitemukan
        Bila tidak ada peramban (subkelas :class:`KesalahanPDF`).
    KesalahanPDF
        Bila peramban gagal mencetak.
    """
    return cetak_pdf(
        html_path, pdf_path, chromium, nomor_daftar_isi=nomor_daftar_isi, batas_waktu=batas_waktu
    ).pdf


def cetak_pdf(
    html_path: Path,
    pdf_path: Path,
    chromium: str | os.PathLike | None = None,
    *,
    nomor_daftar_isi: bool = True,
    batas_waktu: float = 180.0,
) -> HasilPDF:
    """Seperti :func:`tulis_pdf`, tetapi mengembalikan :class:`HasilPDF` yang lengkap.

    API sinkron Playwright tidak dapat berjalan di utas yang memiliki event
    loop asyncio aktif (mis. sel Jupyter); dalam keadaan itu pencetakan
    dijalankan di utas terpisah, seperti yang dilakukan WebPDFExporter.
    """
    html_path = Path(html_path).resolve()
    pdf_path = Path(pdf_path)
    if not html_path.is_file():
        raise KesalahanPDF(f"Berkas HTML untuk PDF tidak ada: {html_path}")
    peramban = cari_chromium(chromium)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _cetak(html_path, pdf_path, peramban, nomor_daftar_isi, batas_waktu)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pelaksana:
        return pelaksana.submit(_cetak, html_path, pdf_path, peramban, nomor_daftar_isi, batas_waktu).result()


def _cetak(html_path: Path, pdf_path: Path, peramban: str, nomor_daftar_isi: bool, batas_waktu: float) -> HasilPDF:
    try:
        from playwright.sync_api import Error as GalatPlaywright
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise KesalahanPDF(
            "Paket Python 'playwright' belum terpasang; pasang dengan 'pip install playwright' "
            "(peramban tetap Chromium sistem, tidak perlu 'playwright install')."
        ) from None

    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    mulai = time.perf_counter()
    diblokir: list[str] = []

    def _saring(route) -> None:
        url = route.request.url
        if url.startswith(_SKEMA_LOKAL):
            route.continue_()
        else:
            diblokir.append(url)
            route.abort()

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=peramban,
                args=list(ARGUMEN_CHROMIUM),
                timeout=batas_waktu * 1000,
            )
            try:
                versi = browser.version
                css_kaki = _versi_utama(versi) >= _VERSI_KOTAK_MARGIN
                page = browser.new_page()
                page.set_default_timeout(batas_waktu * 1000)
                page.route("**/*", _saring)
                page.emulate_media(media="print")
                page.goto(html_path.as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                siapkan_cetak(page)
                opsi = dict(
                    format="A4",
                    print_background=True,
                    prefer_css_page_size=True,
                    outline=True,
                    tagged=True,
                )
                if css_kaki:
                    opsi["display_header_footer"] = False
                else:
                    opsi.update(
                        display_header_footer=True,
                        header_template="<span></span>",
                        footer_template=_KAKI_HALAMAN,
                        margin=_MARGIN_CADANGAN,
                    )
                ada_daftar_isi = page.locator(".daftar-isi .hlm").count() > 0
                cetakan = 1
                terisi = False
                daftar_isi = (_DaftarIsi(page, sampul_tak_dihitung=css_kaki)
                              if nomor_daftar_isi and ada_daftar_isi and _pdftotext() else None)
                if _pdftotext():
                    # penanda DAFTAR ISI ikut cetakan percobaan tabel: cetakan yang tidak menemukan
                    # apa pun untuk diperbaiki sekaligus mengisi nomor halaman (tanpa cetakan lagi)
                    cetakan += jaga_tabel(page, opsi, daftar_isi=daftar_isi)
                if daftar_isi is not None:
                    terisi = daftar_isi.terisi
                    if not terisi:
                        terisi = _isi_nomor_daftar_isi(page, opsi, sampul_tak_dihitung=css_kaki, daftar_isi=daftar_isi)
                        cetakan += 1
                page.pdf(path=str(pdf_path), **opsi)
            finally:
                browser.close()
    except GalatPlaywright as e:
        raise KesalahanPDF(f"Chromium ({peramban}) gagal mencetak {html_path.name} menjadi PDF: {e}") from e

    if diblokir:
        log.warning("Permintaan ke luar diblokir saat mencetak %s: %s", html_path.name, ", ".join(diblokir[:5]))
    return HasilPDF(
        pdf=pdf_path,
        peramban=peramban,
        versi=versi,
        halaman=_jumlah_halaman(pdf_path),
        cetakan=cetakan,
        durasi=time.perf_counter() - mulai,
        nomor_daftar_isi=terisi,
        diblokir=diblokir,
    )


#: Lebar dan tinggi area isi halaman A4 tegak dalam px CSS (21 × 29,7 cm, margin 2,5/2/2,5/2,5 cm).
_ISI_TEGAK_PX = (round((21 - 4.5) / 2.54 * 96), round((29.7 - 5) / 2.54 * 96))
#: Lebar dan tinggi area isi halaman A4 mendatar (29,7 × 21 cm, margin 2/2,5/2/2,5 cm).
_ISI_DATAR_PX = (round((29.7 - 5) / 2.54 * 96), round((21 - 4) / 2.54 * 96))

#: Tahap yang dicoba berurutan untuk tabel yang tidak muat selebar halamannya dengan kata utuh
#: (lebih lebar dari area isi, atau ada kata yang lebih lebar dari kolomnya sehingga terpotong di
#: tengah): lebar kolom dari isi (``otomatis``: tata letak tetap bab diganti tata letak otomatis
#: yang tidak pernah membuat kolom lebih sempit dari kata terpanjangnya), sel lebih rapat,
#: pindah baris sesudah garis miring ("Kab/Kota", ``miring``), huruf 7,5 pt (``patah-2``), pemenggalan suku kata dengan tanda hubung (``suku``), lalu baru
#: kata teks boleh dipatah di mana saja (``patah-1``), angka (``patah-3``) dan kepala (``patah-4``).
TAHAP_TABEL: tuple[str, ...] = ("otomatis", "rapat", "miring", "patah-2", "kolom", "suku", "patah-1", "patah-3", "patah-4")

#: Skrip persiapan cetak: halaman terisi di setiap pergantian orientasi.
#:
#: 0. Setiap tabel diukur selebar area isi halamannya (tabel mendatar selebar area isi
#:    mendatar); tabel yang lebih lebar, atau yang memotong kata di tengah karena kolomnya
#:    lebih sempit dari kata terpanjangnya, menjalani :data:`TAHAP_TABEL` sampai muat dengan
#:    kata utuh (atau dipenggal per suku kata), agar Chromium tidak mengecilkan PDF dan tidak
#:    ada "Meningk / atnya".
#: 1. Tabel pendek (kurang dari separuh halaman) diberi kelas ``utuh-cetak``
#:    (tidak dipenggal), sehingga keterangannya tidak tertinggal di kaki halaman.
#: 2. Isi ``section.bab`` diratakan menjadi blok: blok mendatar (``.lanskap``,
#:    ``table.lebar``) dan blok tegak. Blok tegak yang panjang (lebih dari separuh
#:    halaman: daftar panjang, naskah keputusan, kumpulan diagram) diuraikan menjadi
#:    anak-anaknya, karena Chromium memenggalnya di antara anak-anak itu.
#: 3. Blok-blok itu dibagi menjadi rangkaian tegak dan rangkaian mendatar, berurutan:
#:    - rangkaian tegak yang diikuti halaman mendatar: halaman tegak terakhirnya
#:      diperkirakan dari tinggi tata letak; bila kurang dari separuh terisi, blok yang
#:      mulai di halaman itu (beserta judul tepat di depannya) ikut ke halaman
#:      mendatar (kelas ``ikut-lanskap``);
#:    - rangkaian mendatar yang diikuti isi tegak dalam BAB yang sama: bila halaman
#:      mendatar terakhirnya kurang dari separuh terisi, blok tegak berikutnya yang
#:      muat di sisa halaman itu ikut mendatar (tanpa judul yang tertinggal di ujung).
#: Tinggi blok di halaman mendatar diukur selebar area isi mendatar.
_JS_SIAPKAN_CETAK = r"""
([H, ambang, lebarDatar, HD, TAHAP]) => {
  const SEL = '.lanskap, table.lebar';
  // pemenggalan suku kata bahasa Indonesia dengan tanda hubung lunak (U+00AD): Chromium memenggal
  // di sana (dengan tanda hubung) hanya bila kata tidak muat, jadi kata yang muat tetap utuh
  const hidup = c => 'aiueoAIUEO'.includes(c);
  const GABUNG = /^(ng|ny|kh|sy)$/, RANGKAI = /^[bcdfgkpt][rl]$/;
  const suku = w => {
    const putus = [];
    let i = 0;
    while (i < w.length && !hidup(w[i])) i++;
    while (i < w.length) {
      let j = i + 1;
      while (j < w.length && !hidup(w[j])) j++;
      if (j >= w.length) break;
      const run = w.slice(i + 1, j).toLowerCase(), n = run.length;
      if (n === 1) putus.push(i + 1);
      else if (n === 2) putus.push(GABUNG.test(run) || RANGKAI.test(run) ? i + 1 : i + 2);
      else if (n > 2) putus.push(GABUNG.test(run.slice(0, 2)) ? i + 3 : i + 2);
      i = j;
    }
    let hasil = '', k = 0;
    for (const p of putus) if (p >= 2 && w.length - p >= 3) { hasil += w.slice(k, p) + '\u00ad'; k = p; }
    return hasil + w.slice(k);
  };
  const ubahTeks = (t, ubah) => {
    const jalan = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
    for (let n = jalan.nextNode(); n; n = jalan.nextNode())
      if (n.parentElement.closest('td, th') && n.parentElement.closest('table') === t) n.nodeValue = ubah(n.nodeValue);
  };
  const AKSI = {
    // "Kab/Kota", "pemberian/penyebarluasan": boleh pindah baris sesudah garis miring (spasi lebar nol)
    miring: t => ubahTeks(t, s => s.replace(/(?<=[A-Za-z])\/(?=[A-Za-z])/g, '/\u200b')),
    suku: t => ubahTeks(t, s => s.replace(/[A-Za-z]{7,}/g, suku)),
    kolom: (t, lebar) => lebarKolom(t, lebar),
  };
  // Lebar kolom tabel yang dengan kata utuh lebih lebar dari halamannya: setiap kolom selebar kata
  // terpanjangnya, kecuali kolom yang paling banyak menghemat bila katanya dipenggal per suku kata
  // (secukupnya sampai muat); sisa lebar dibagi menurut panjang isinya (seperti tata letak otomatis).
  // Hanya kata yang lebih lebar dari kolom akhirnya yang diberi tanda hubung lunak.
  const PISAH = /[ \t\n\r\u200b]+/;
  const lebarKolom = (t, lebar) => {
    const sel = [], isi = {};
    Array.from(t.rows).forEach((r, ri) => { let k = 0;
      for (const c of r.cells) {
        while (isi[ri] && isi[ri].has(k)) k++;
        sel.push({c, k, n: c.colSpan});
        for (let a = 0; a < c.rowSpan; a++) for (let b = 0; b < c.colSpan; b++) (isi[ri + a] = isi[ri + a] || new Set()).add(k + b);
        k += c.colSpan;
      } });
    const nkol = Math.max(...sel.map(x => x.k + x.n));
    const utuh = Array(nkol).fill(8), sk = Array(nkol).fill(8), maks = Array(nkol).fill(8), sel_baris = [];
    const jumlah = a => a.reduce((x, y) => x + y, 0);
    for (const {c, k, n} of sel) {
      if (n !== 1 || c.querySelector('table, svg, img')) continue;
      const g = getComputedStyle(c);
      kanvas.font = `${g.fontStyle} ${g.fontWeight} ${g.fontSize} ${g.fontFamily}`;
      const pad = parseFloat(g.paddingLeft) + parseFloat(g.paddingRight) + 2, strip = kanvas.measureText('-').width;
      const teks = c.innerText.replace(/\u00ad/g, '');
      for (const w of teks.split(PISAH)) {
        if (!w) continue;
        utuh[k] = Math.max(utuh[k], kanvas.measureText(w).width + pad);
        const bagian = w.replace(/[A-Za-z]{7,}/g, suku).split('\u00ad');
        for (let i = 0; i < bagian.length; i++)
          sk[k] = Math.max(sk[k], kanvas.measureText(bagian[i]).width + (i < bagian.length - 1 ? strip : 0) + pad);
      }
      const garis = teks.split('\n').map(b => b.split(PISAH).filter(Boolean).map(w => kanvas.measureText(w).width));
      maks[k] = Math.max(maks[k], jumlah(teks.split('\n').map(b => kanvas.measureText(b).width)) + pad);
      const kata = garis.flat().map(w => w + pad);
      sel_baris.push({k, baris: c.parentElement.rowIndex, garis, pad, kata, spasi: kanvas.measureText(' ').width});
    }
    // Lebar kolom dicari bertahap dari lebar terkecil (kata dipenggal per suku kata): setiap tambahan
    // lebar diberikan ke kolom yang paling mengurangi biaya = tinggi tabel (baris setinggi sel
    // tertingginya; tinggi sel ≈ jumlah baris teks pada lebar kolom) + BIAYA_PENGGAL per kata yang
    // tidak muat utuh di kolomnya (dipenggal; setara tiga baris). Tambahan yang dicoba: 3 px, atau sampai kata
    // berikutnya muat utuh.
    if (jumlah(sk) > lebar) return;
    const BIAYA_PENGGAL = 3;
    const akhir = sk.slice();
    const ambang = Array.from({length: nkol}, () => new Set());
    for (const x of sel_baris) for (const w of x.kata) ambang[x.k].add(Math.ceil(w));
    const urut = ambang.map(a => Array.from(a).sort((x, y) => x - y));
    // jumlah baris satu baris teks (lebar kata-katanya) yang dibungkus selebar ruang
    const tinggiBaris = (kata, ruang, spasi) => { let n = 1, x = 0;
      for (const w of kata) {
        if (x > 0 && x + spasi + w <= ruang) { x += spasi + w; continue; }
        if (x > 0) n++;
        n += Math.max(0, Math.ceil(w / ruang) - 1); x = w > ruang ? w % ruang : w;
      }
      return n; };
    const biaya = w => { const baris = {}; let potong = 0;
      for (const {k, baris: b, garis, pad, kata, spasi} of sel_baris) {
        const h = jumlah(garis.map(g => tinggiBaris(g, Math.max(1, w[k] - pad), spasi)));
        baris[b] = Math.max(baris[b] || 0, h);
        for (const x of kata) if (x > w[k] + 0.5) potong++;
      }
      return jumlah(Object.values(baris)) + BIAYA_PENGGAL * potong; };
    let sisa = lebar - jumlah(akhir), sekarang = biaya(akhir);
    while (sisa >= 1) {
      let terbaik = null;
      for (let k = 0; k < nkol; k++) {
        const pilihan = [Math.min(3, sisa)];
        const berikut = urut[k].find(a => a > akhir[k] + 0.5);
        if (berikut && berikut - akhir[k] <= sisa) pilihan.push(berikut - akhir[k]);
        for (const d of pilihan) {
          akhir[k] += d; const b = biaya(akhir); akhir[k] -= d;
          const untung = (sekarang - b) / d;
          if (untung > 0 && (!terbaik || untung > terbaik.untung)) terbaik = {k, d, b, untung};
        }
      }
      if (!terbaik) break;
      akhir[terbaik.k] += terbaik.d; sisa -= terbaik.d; sekarang = terbaik.b;
    }
    // sisa yang tidak lagi memendekkan tabel: sebanding panjang isi kolom
    const bobot = maks.map((m, k) => Math.max(0, m - akhir[k])), tb = jumlah(bobot);
    akhir.forEach((w, k) => { akhir[k] = w + (tb ? sisa * bobot[k] / tb : sisa / nkol); });
    const penggal = new Set(akhir.map((w, k) => k).filter(k => akhir[k] + 0.5 < utuh[k]));
    let cg = t.querySelector(':scope > colgroup');
    if (cg) cg.remove();
    cg = document.createElement('colgroup');
    for (const w of akhir) { const col = document.createElement('col'); col.style.width = (100 * w / lebar).toFixed(3) + '%'; cg.appendChild(col); }
    t.insertBefore(cg, t.tHead || t.tBodies[0] || null);
    t.style.tableLayout = 'fixed';
    t.classList.remove('otomatis');
    for (const {c, k, n} of sel) {
      if (n !== 1 || !penggal.has(k)) continue;
      const g = getComputedStyle(c);
      kanvas.font = `${g.fontStyle} ${g.fontWeight} ${g.fontSize} ${g.fontFamily}`;
      const ruang = akhir[k] - parseFloat(g.paddingLeft) - parseFloat(g.paddingRight) - 2;
      const jalan = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
      for (let x = jalan.nextNode(); x; x = jalan.nextNode())
        x.nodeValue = x.nodeValue.split(/(\s+)/).map(w => kanvas.measureText(w).width > ruang
            ? w.replace(/[A-Za-z]{7,}/g, suku) : w).join('');
    }
  };
  const tinggi = el => { const r = el.getBoundingClientRect(), g = getComputedStyle(el);
      return r.height + (parseFloat(g.marginTop) || 0) + (parseFloat(g.marginBottom) || 0); };
  const tinggiDatar = el => { const lama = el.style.width; el.style.width = lebarDatar + 'px';
      const h = tinggi(el); el.style.width = lama; return h; };
  const ATOM = 'figure, .gambar, .tanda-tangan, .blok-tabel, table, img, svg, h1, h2, h3, h4, h5, h6, p, li';
  // 0. setiap tabel muat selebar halamannya dengan kata utuh; bila tidak, bertahap (TAHAP_TABEL)
  const kanvas = document.createElement('canvas').getContext('2d');
  const SEG = /[\u00ad\u200b]/;
  // kata terlebar setiap sel dibanding lebar isi selnya: ada kata yang terpotong di tengah?
  const kataTerpotong = t => {
    for (const r of t.rows) for (const c of r.cells) {
      if (c.querySelector('table, svg, img')) continue;
      const g = getComputedStyle(c);
      const isi = c.clientWidth - parseFloat(g.paddingLeft) - parseFloat(g.paddingRight);
      kanvas.font = `${g.fontStyle} ${g.fontWeight} ${g.fontSize} ${g.fontFamily}`;
      const strip = kanvas.measureText('-').width;
      for (const w of c.innerText.split(/\s+/)) {
        if (!w) continue;
        const bagian = w.split(SEG);
        for (let i = 0; i < bagian.length; i++)
          if (kanvas.measureText(bagian[i]).width + (i < bagian.length - 1 && w.includes('\u00ad') ? strip : 0) > isi + 1.5)
            return true;
      }
    }
    return false;
  };
  const muat = (t, lebar) => Math.max(t.scrollWidth, t.getBoundingClientRect().width) <= lebar + 1 && !kataTerpotong(t);
  for (const t of document.querySelectorAll('section.bab table, table.lebar')) {
    if (t.parentElement.closest('table') || !t.rows.length) continue;
    const datar = t.matches(SEL) || !!t.closest(SEL);
    const kotak = t.closest('.lanskap') || t, lama = kotak.style.width;
    const lebar = datar ? lebarDatar : t.parentElement.clientWidth;
    if (datar) kotak.style.width = lebarDatar + 'px';
    for (const k of TAHAP) {
      if (muat(t, lebar)) break;
      if (AKSI[k]) AKSI[k](t, lebar); else t.classList.add(k);
      t.dataset.tahapCetak = (t.dataset.tahapCetak ? t.dataset.tahapCetak + ' ' : '') + k;
    }
    kotak.style.width = lama;
  }
  // 1. tabel pendek tidak dipenggal
  for (const t of document.querySelectorAll('section.bab .blok-tabel, section.bab table')) {
    if (t.matches('table') && t.closest('.blok-tabel')) continue;
    const datar = !!t.closest(SEL) || t.matches(SEL) || !!t.querySelector(SEL);
    if ((datar ? tinggiDatar(t) / HD : tinggi(t) / H) < 0.5) t.classList.add('utuh-cetak');
  }
  const judul = el => el.matches('h1, h2, h3, h4, h5, h6, p:has(> strong:only-child)')
      || (el.children.length === 1 && el.textContent.trim().length < 200
          && el.firstElementChild.matches('h1, h2, h3, h4, h5, h6, p:has(> strong:only-child)'));
  const utuh = el => el.matches(ATOM.replace(', p, li', '') + ', .utuh-cetak')
      || !!el.querySelector('figure, .tanda-tangan, .utuh-cetak') || tinggi(el) < 130
      || getComputedStyle(el).breakInside === 'avoid';
  // 2. blok rata
  const blok = [];
  const ratakan = el => { for (const a of el.children) {
      if (a.matches(SEL)) blok.push({el: a, datar: true});
      else if (a.querySelector(SEL)) ratakan(a);
      else if (a.children.length >= 1 && !a.matches('svg, img, table, tr, p, li, h1, h2, h3, h4, h5, h6')
               && (tinggi(a) > H || (!a.matches(ATOM) && tinggi(a) > H / 2
                                     && getComputedStyle(a).breakInside !== 'avoid'))
               && Array.from(a.childNodes).every(n => n.nodeType !== 3 || !n.textContent.trim())) ratakan(a);
      else blok.push({el: a, datar: false}); } };
  for (const bab of document.querySelectorAll('section.bab')) ratakan(bab);
  // 3. rangkaian berurutan; h1 (BAB baru, pembatas) memisahkan
  const seg = [];
  for (const b of blok) {
    if (b.el.tagName === 'H1') { seg.push({pisah: true}); continue; }
    const akhir = seg[seg.length - 1];
    if (akhir && !akhir.pisah && akhir.datar === b.datar) akhir.els.push(b.el);
    else seg.push({datar: b.datar, els: [b.el]});
  }
  const simulasi = (els, ukur, Hh, pos0) => {
    let pos = pos0 || 0, hal = 0; const mulai = [], awal = [];
    for (const e of els) {
      const h = ukur(e);
      if (utuh(e) && pos > 0 && pos + h > Hh) { hal++; pos = 0; }
      mulai.push(hal); awal.push(pos);
      pos += h;
      while (pos > Hh) { pos -= Hh; hal++; }
    }
    return {mulai, awal, hal, pos};
  };
  const ikut = el => { el.classList.add('ikut-lanskap'); dipindah++; };
  let dipindah = 0, bawaan = [], lanjut = 0;
  for (let i = 0; i < seg.length; i++) {
    const s = seg[i], berikut = seg[i + 1];
    if (s.pisah) { bawaan = []; lanjut = 0; continue; }
    if (!s.datar) {
      bawaan = [];
      if (!s.els.length || !berikut || berikut.pisah) continue;
      const r = simulasi(s.els, tinggi, H);
      // ekor rangkaian tegak: diperiksa lagi pada cetakan percobaan (jaga_tabel), karena perkiraan
      // tinggi di atas bisa meleset beberapa baris per halaman
      s.els.slice(-12).forEach((e, j) => { if (!e.classList.contains('pembatas')) {
          e.dataset.ekorTegak = i + '-' + j; if (judul(e)) e.dataset.ekorJudul = ''; } });
      if (r.pos < ambang * H) {
        let k = r.mulai.indexOf(r.hal);
        if (k < 0) k = s.els.length;
        // blok yang melintasi batas ke halaman terakhir ikut juga, bila mulai di paruh bawah
        // halaman sebelumnya (perkiraan tinggi tidak persis; yatim/janda baris)
        if (k > 0 && r.mulai[k - 1] === r.hal - 1 && r.awal[k - 1] > H / 2) k--;
        if (k >= s.els.length) continue;
        while (k > 0 && judul(s.els[k - 1])) k--;
        bawaan = s.els.slice(k).filter(e => !e.classList.contains('pembatas'));
        bawaan.forEach(ikut);
      }
      continue;
    }
    // rangkaian mendatar (dengan blok tegak yang ikut di depannya)
    const r = simulasi(bawaan.concat(s.els), tinggiDatar, HD, lanjut);
    bawaan = []; lanjut = 0;
    if (!berikut || berikut.pisah || berikut.datar || r.pos >= 0.3 * HD) continue;
    const sisa = (HD - r.pos) * 0.7;
    let n = 0, jumlah = 0;
    while (n < berikut.els.length) {
      const h = tinggiDatar(berikut.els[n]);
      if (jumlah + h > sisa) break;
      jumlah += h; n++;
    }
    while (n > 0 && judul(berikut.els[n - 1])) n--;
    const ditarik = berikut.els.splice(0, n);
    ditarik.forEach(ikut);
    if (!berikut.els.length) lanjut = r.pos + jumlah;  // rangkaian tegak habis: halaman mendatar berlanjut
  }
  return dipindah;
}
"""


def siapkan_cetak(page, ambang: float = 0.5) -> int:
    """Jalankan persiapan cetak di halaman Playwright; kembalikan jumlah blok yang dipindah.

    Tata letak diukur selebar area isi A4 tegak (media ``print``); blok di halaman
    mendatar diukur selebar area isi mendatar. Sesudahnya ukuran jendela
    dikembalikan. Dokumen HTML yang ditulis tidak berubah.
    """
    lama = page.viewport_size
    page.set_viewport_size({"width": _ISI_TEGAK_PX[0], "height": _ISI_TEGAK_PX[1]})
    try:
        return page.evaluate(_JS_SIAPKAN_CETAK, [_ISI_TEGAK_PX[1], ambang, *_ISI_DATAR_PX, list(TAHAP_TABEL)])
    finally:
        if lama:
            page.set_viewport_size(lama)


#: Penanda sementara tabel: ``QQTBL<n>A<k>QQ`` (A: keterangan, B: baris isi pertama,
#: Y: baris sebelum terakhir, Z: baris terakhir; tabel sekurang-kurangnya empat baris isi).
_POLA_PENANDA_TABEL = re.compile(r"QQTBL(\d+)([ABYZ])QQ")

_JS_PENANDA_TABEL = r"""
() => {
  const tabel = Array.from(document.querySelectorAll('section.bab table'))
      .filter(t => !t.parentElement.closest('table') && t.tBodies.length);
  // Penanda sebaris selebar nol di baris teks pertama sel (bukan berposisi absolut: penanda absolut
  // baris yang terdorong ke halaman berikut tercetak di ujung halaman sebelumnya); tata letak tetap.
  const tandai = (el, teks) => {
    if (!el) return;
    let sasaran = el;
    while (sasaran.firstElementChild && !(sasaran.firstChild.nodeType === 3 && sasaran.firstChild.textContent.trim())
           && /^(block|flex|list-item|table)/.test(getComputedStyle(sasaran.firstElementChild).display))
      sasaran = sasaran.firstElementChild;
    const s = document.createElement('span');
    s.className = 'penanda-tabel';
    s.textContent = teks;
    s.style.cssText = 'display:inline-block;width:0;height:0;overflow:visible;font-size:2px;line-height:0;vertical-align:top;position:relative;top:-2px;'
        + 'white-space:nowrap !important;overflow-wrap:normal !important;word-break:normal !important;letter-spacing:0;';
    el.setAttribute('data-penanda-tabel', '');
    sasaran.insertBefore(s, sasaran.firstChild);
  };
  tabel.forEach((t, n) => {
    // baris isi, termasuk baris terakhir di kelompok bawah-tabel (bersama catatan dan sumber)
    const baris = Array.from(t.tBodies).flatMap(b => Array.from(b.rows)).filter(r => !r.classList.contains('catatan-tabel'));
    if (!baris.length) return;
    t.dataset.nomorTabel = n;
    if (t.caption) tandai(t.caption, `QQTBL${n}AQQ`);
    tandai(baris[0].cells[0], `QQTBL${n}BQQ`);
    if (baris.length >= 4) {  // baris terakhir (JUMLAH atau baris data) tidak sendirian di halaman berikut
      // baris kelompok ("Penanggung jawab: …") tepat di atas baris terakhir adalah judul baris itu: Y di atasnya
      let y = baris.length - 2;
      while (y > 0 && baris[y].classList.contains('kelompok')) y--;
      tandai(baris[y].cells[0], `QQTBL${n}YQQ`);
      tandai(baris[baris.length - 1].cells[0], `QQTBL${n}ZQQ`);
    }
  });
  return tabel.length;
}
"""

_JS_PERBAIKI_TABEL = r"""
([awal, akhir]) => {
  const blok = t => { const b = t.closest('.blok-tabel'); return b && b.querySelectorAll('table').length === 1 ? b : t; };
  for (const n of awal) {
    const t = document.querySelector(`table[data-nomor-tabel="${n}"]`);
    if (t) blok(t).classList.add('awal-halaman-cetak');
  }
  for (const n of akhir) {
    const t = document.querySelector(`table[data-nomor-tabel="${n}"]`);
    if (!t) continue;
    // baris isi, termasuk baris terakhir di kelompok bawah-tabel (bersama catatan dan sumber)
    const baris = Array.from(t.tBodies).flatMap(b => Array.from(b.rows)).filter(r => !r.classList.contains('catatan-tabel'));
    // tiga baris terakhir ke halaman berikut; bila itu pun tidak muat bersama (baris tinggi), dua
    const [a, b] = [baris[baris.length - 3], baris[baris.length - 2]];
    if (!a.classList.contains('awal-halaman-cetak')) a.classList.add('awal-halaman-cetak');
    else if (!b.classList.contains('awal-halaman-cetak')) { a.classList.remove('awal-halaman-cetak'); b.classList.add('awal-halaman-cetak'); }
  }
  document.querySelectorAll('.penanda-tabel').forEach(s => s.remove());
  document.querySelectorAll('[data-penanda-tabel]').forEach(el => el.removeAttribute('data-penanda-tabel'));
}
"""


_JS_PENANDA_EKOR = r"""
() => { const ekor = Array.from(document.querySelectorAll('[data-ekor-tegak]:not(.ikut-lanskap)'));
  ekor.forEach((el, n) => {
    const s = document.createElement('span');
    s.className = 'penanda-tabel';
    s.textContent = `QQEKR${n}QQ`;
    s.style.cssText = 'position:absolute;left:0;top:0;font-size:2px;line-height:0;white-space:nowrap;';
    el.setAttribute('data-penanda-tabel', '');
    el.dataset.nomorEkor = n;
    el.insertBefore(s, el.firstChild);
  });
  return ekor.length; }
"""

_JS_PINDAH_EKOR = r"""
([sebelum, nomor]) => { for (const n of sebelum.concat(nomor)) {
    const el = document.querySelector(`[data-nomor-ekor="${n}"]`);
    if (!el) continue;
    // blok halaman sebelumnya yang memuat tanda tangan (diktum terakhir keputusan) tetap tegak:
    // hanya sisa di halaman tipis yang ikut mendatar
    if (sebelum.includes(n) && (el.matches('.tanda-tangan') || el.querySelector('.tanda-tangan'))) continue;
    el.classList.add('ikut-lanskap');
    // judul tepat di depannya ikut
    for (let p = el.previousElementSibling; p && p.hasAttribute('data-ekor-judul'); p = p.previousElementSibling)
      p.classList.add('ikut-lanskap');
  }
  document.querySelectorAll('[data-nomor-ekor]').forEach(el => el.removeAttribute('data-nomor-ekor')); }
"""


def isi_halaman(pdf: Path) -> list[tuple[bool, float]]:
    """``(mendatar, isi)`` setiap halaman PDF: bagian tinggi area isi (margin ``dokumen.css``) yang
    terpakai, dari kotak kata ``pdftotext -bbox``; ``[]`` bila pdftotext gagal."""
    program = _pdftotext()
    if not program:
        return []
    try:
        xml = subprocess.run([program, "-bbox", str(pdf), "-"], check=True, capture_output=True,
                             timeout=120).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return []
    cm = 72 / 2.54
    hasil = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        lebar, tinggi = float(m.group(1)), float(m.group(2))
        tepi = 2 * cm if lebar > tinggi else 2.5 * cm
        y = [float(k.group(2)) for k in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"',
                                                    m.group(3)) if float(k.group(2)) < tinggi - tepi + 4]
        hasil.append((lebar > tinggi, max(0.0, (max(y) - tepi) / (tinggi - 2 * tepi)) if y else 0.0))
    return hasil


def ekor_tipis(halaman: list[str], isi: list[tuple[bool, float]], ambang: float = 1 / 3,
               *, rinci: bool = False) -> list[int] | tuple[list[int], list[int]]:
    """Nomor blok ekor (penanda ``QQEKR<n>QQ``) yang harus ikut halaman mendatar: blok yang mulai
    di halaman tegak berisi kurang dari ``ambang`` tepat sebelum halaman mendatar, beserta blok
    terakhir yang mulai di halaman sebelumnya (yang biasanya bersambung ke halaman tipis itu).

    Halaman sebuah blok adalah halaman tempat penandanya terakhir tercetak (penanda blok yang
    mulai di awal halaman juga tercetak di ujung halaman sebelumnya). ``rinci=True``: kedua
    daftar terpisah, ``(blok halaman sebelumnya, blok halaman tipis)``.

    >>> ekor_tipis(["QQEKR0QQ QQEKR1QQ", "x QQEKR2QQ", "tabel"], [(False, .9), (False, .2), (True, .9)])
    [1, 2]
    >>> ekor_tipis(["QQEKR0QQ QQEKR1QQ", "x QQEKR2QQ", "tabel"], [(False, .9), (False, .2), (True, .9)], rinci=True)
    ([1], [2])
    >>> ekor_tipis(["QQEKR0QQ QQEKR1QQ", "QQEKR1QQ", "tabel"], [(False, .9), (False, .1), (True, .9)])
    [0, 1]
    >>> ekor_tipis(["QQEKR0QQ", "QQEKR1QQ", "tabel"], [(False, .9), (False, .5), (True, .9)])
    []
    >>> ekor_tipis(["QQEKR0QQ QQEKR1QQ", "sambungan", "tabel"], [(False, .9), (False, .1), (True, .9)])
    [1]
    """
    halaman_ekor: dict[int, int] = {}
    for i, teks in enumerate(halaman):
        for m in re.finditer(r"QQEKR(\d+)QQ", teks):
            halaman_ekor[int(m.group(1))] = i  # yang terakhir
    semua_sebelum: list[int] = []
    semua_di_sini: list[int] = []
    for i in range(len(isi) - 1):
        if isi[i][0] or not isi[i + 1][0] or isi[i][1] >= ambang:
            continue
        di_sini = [n for n, h in halaman_ekor.items() if h == i]
        if not di_sini:  # halaman tipis hanya berisi sambungan blok terakhir halaman sebelumnya
            semua_sebelum += [max(n for n, h in halaman_ekor.items() if h == i - 1)] if i - 1 in halaman_ekor.values() else []
            continue
        semua_sebelum += [n for n, h in halaman_ekor.items() if h == i - 1 and n == min(di_sini) - 1]
        semua_di_sini += di_sini
    if rinci:
        return sorted(semua_sebelum), sorted(semua_di_sini)
    return sorted(semua_sebelum + semua_di_sini)


def tabel_bermasalah(halaman: list[str]) -> tuple[list[int], list[int]]:
    """Tabel yang keterangannya tertinggal di halaman sebelum baris isi pertamanya, dan
    tabel yang baris terakhirnya (baris JUMLAH atau baris data) sendirian di halaman berikutnya.

    ``halaman`` adalah teks setiap halaman cetakan percobaan yang memuat penanda
    dari ``_JS_PENANDA_TABEL``; hasilnya nomor tabel ``(awal, akhir)``.

    >>> tabel_bermasalah(["x QQTBL0AQQ", "QQTBL0BQQ QQTBL1AQQ QQTBL1BQQ QQTBL1YQQ", "QQTBL1ZQQ"])
    ([0], [1])

    Penanda baris isi pertama dan baris terakhir (B, Z) dihitung di halaman tempat ia terakhir
    tercetak: Chromium juga mencetak penanda baris yang terdorong ke halaman berikut di ujung
    halaman sebelumnya.

    >>> tabel_bermasalah(["QQTBL0AQQ QQTBL0BQQ QQTBL0YQQ QQTBL0ZQQ", "QQTBL0ZQQ"])
    ([], [0])
    """
    pertama: dict[tuple[int, str], int] = {}
    for i, teks in enumerate(halaman):
        for m in _POLA_PENANDA_TABEL.finditer(teks):
            kunci = (int(m.group(1)), m.group(2))
            if kunci[1] in "BZ":  # penanda yang juga tercetak di ujung halaman sebelumnya: yang terakhir
                pertama[kunci] = i
            else:
                pertama.setdefault(kunci, i)
    nomor = sorted({n for n, _ in pertama})
    awal = [n for n in nomor if (n, "A") in pertama and (n, "B") in pertama and pertama[n, "A"] < pertama[n, "B"]]
    akhir = [n for n in nomor if (n, "Y") in pertama and (n, "Z") in pertama and pertama[n, "Y"] < pertama[n, "Z"]
             and n not in awal]
    return awal, akhir


def jaga_tabel(page, opsi: dict, putaran: int = 4, daftar_isi: "_DaftarIsi | None" = None) -> int:
    """Cetakan percobaan sampai tidak ada keterangan tabel (dengan baris kepalanya) yang
    tertinggal sendirian di kaki halaman dan tidak ada baris terakhir yang sendirian di
    halaman berikutnya; kembalikan jumlah cetakan percobaan.

    Chromium menjaga baris tabel utuh (``break-inside: avoid``) tetapi tetap
    menaruh keterangan dan kepala tabel di kaki halaman bila baris pertamanya tidak
    muat. Tabel seperti itu dimulai di halaman baru (kelas ``awal-halaman-cetak``);
    tabel yang hanya membawa baris terakhirnya ke halaman berikut membawa tiga baris
    terakhirnya. Halaman tegak tepat sebelum halaman mendatar yang pada cetakan
    percobaan terisi kurang dari sepertiga (perkiraan :func:`siapkan_cetak` meleset)
    ikut mendatar (:func:`ekor_tipis`).

    ``daftar_isi``: penanda judul DAFTAR ISI ikut dicetak di setiap cetakan percobaan
    (tanpa mengubah tata letak); cetakan percobaan yang tidak menemukan apa pun untuk
    diperbaiki adalah tata letak akhir, sehingga nomor halaman DAFTAR ISI diisi dari
    cetakan itu tanpa cetakan tambahan (``daftar_isi.terisi``).
    """
    cetakan = 0
    dibawa: dict[int, int] = {}  # tabel -> berapa kali baris akhirnya sudah dibawa (tiga, lalu dua baris)
    for _ in range(putaran):
        ada_tabel = page.evaluate(_JS_PENANDA_TABEL)
        ada_ekor = page.evaluate(_JS_PENANDA_EKOR)
        if not (ada_tabel or ada_ekor):
            return cetakan
        gaya = page.add_style_tag(content="[data-penanda-tabel] { position: relative; }")
        if daftar_isi is not None:
            daftar_isi.pasang(page)
        with tempfile.TemporaryDirectory(prefix="iku-pdf-") as tmp:
            percobaan = Path(tmp) / "cetakan-tabel.pdf"
            page.pdf(path=str(percobaan), **opsi)
            halaman = _teks_per_halaman(percobaan) or []
            isi = isi_halaman(percobaan) if ada_ekor else []
        cetakan += 1
        gaya.evaluate("el => el.remove()")
        if daftar_isi is not None:
            daftar_isi.lepas(page)
        awal, akhir = tabel_bermasalah(halaman)
        akhir = [n for n in akhir if dibawa.get(n, 0) < 2]  # sudah dicoba dua cara: tidak diulang
        for n in akhir:
            dibawa[n] = dibawa.get(n, 0) + 1
        sebelum, di_sini = ekor_tipis(halaman, isi, rinci=True) if len(isi) == len(halaman) else ([], [])
        ekor = sorted(sebelum + di_sini)
        page.evaluate(_JS_PINDAH_EKOR, [sebelum, di_sini])
        page.evaluate(_JS_PERBAIKI_TABEL, [awal, akhir])
        if awal or akhir or ekor:
            log.info("Tabel dimulai di halaman baru: %s; baris akhir dibawa: %s; blok ikut mendatar: %s",
                     awal, akhir, ekor)
        else:
            if daftar_isi is not None and halaman:
                daftar_isi.tulis(page, halaman)
            break
    return cetakan


#: Penanda sementara di awal setiap judul pada cetakan pertama (``QQIKU<n>QQ``).
_POLA_PENANDA = re.compile(r"QQIKU(\d+)QQ")


def cari_halaman_penanda(halaman: list[str]) -> dict[int, int]:
    """Nomor penanda -> indeks halaman (mulai 0) tempat penanda itu terakhir muncul.

    Yang terakhir, bukan yang pertama: untuk judul yang memulai halaman baru
    (``break-before: page``) Chromium juga mencetak penanda berposisi absolut
    di ujung halaman sebelumnya.

    >>> cari_halaman_penanda(["sampul", "QQIKU0QQ", "QQIKU0QQ BAB I", "x QQIKU1QQ 1.1", "QQIKU2QQ"])
    {0: 2, 1: 3, 2: 4}
    """
    hasil: dict[int, int] = {}
    for i, teks in enumerate(halaman):
        for m in _POLA_PENANDA.finditer(teks):
            hasil[int(m.group(1))] = i
    return hasil


def romawi(n: int) -> str:
    """Angka Romawi huruf kecil, seperti nomor halaman bagian depan.

    >>> [romawi(n) for n in (1, 2, 3, 4, 9, 14, 40)]
    ['i', 'ii', 'iii', 'iv', 'ix', 'xiv', 'xl']
    """
    hasil = ""
    for nilai, huruf in ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= nilai:
            hasil += huruf
            n -= nilai
    return hasil


def label_halaman(indeks: int, awal_badan: int | None, ada_sampul: bool = True) -> str:
    """Nomor cetak halaman ke-``indeks`` (mulai 0), seperti ``dokumen.css`` mencetaknya.

    Sampul tidak bernomor; bagian depan (KATA PENGANTAR, DAFTAR ISI) i, ii, …;
    badan dokumen mulai dari 1 pada halaman ``awal_badan``.

    >>> [label_halaman(i, 3) for i in range(6)]
    ['', 'i', 'ii', '1', '2', '3']
    >>> label_halaman(4, None), label_halaman(0, 2, ada_sampul=False)
    ('4', 'i')
    """
    if awal_badan is None:
        return str(indeks + (0 if ada_sampul else 1))
    if indeks >= awal_badan:
        return str(indeks - awal_badan + 1)
    urut = indeks - (1 if ada_sampul else 0) + 1
    return romawi(urut) if urut >= 1 else ""


class _DaftarIsi:
    """Penanda judul DAFTAR ISI pada cetakan percobaan dan pengisian nomor halamannya.

    Setiap judul yang ditautkan daftar isi diberi penanda teks unik yang diposisikan
    absolut (tidak menggeser tata letak); halaman tempat penanda itu muncul adalah
    halaman judulnya. Mencocokkan teks judul saja keliru bila teks yang sama muncul lebih
    dulu (mis. "BAB II GAMBARAN UMUM ..." di Sistematika Penulisan BAB I). Bila penanda
    tidak terbaca, judul dicari menurut teksnya (:func:`cari_halaman_judul`).

    Nomor yang ditulis adalah nomor cetak (:func:`label_halaman`). Dengan kotak margin
    CSS, sampul tidak bernomor, bagian depan bernomor romawi dan badan dokumen mulai dari 1
    (``@page awal``/``@page sampul`` di ``dokumen.css``); dengan templat kaki halaman
    Chromium (versi lama) semua halaman bernomor urut dan sampul ikut dihitung.
    """

    def __init__(self, page, *, sampul_tak_dihitung: bool):
        self.sampul_tak_dihitung = sampul_tak_dihitung
        self.terisi = False
        self.entri = page.eval_on_selector_all(
            ".daftar-isi li a",
            """els => els.map(a => [a.getAttribute('href').slice(1),
                                    a.querySelector('.teks').textContent])""",
        )
        # entri yang berada di bagian depan (bernomor romawi) dan yang di badan dokumen
        self.di_depan = page.evaluate(
            """ids => ids.map(id => { const el = document.getElementById(id);
                                      return !!(el && el.closest('.bagian-depan')); })""",
            [i for i, _ in self.entri],
        )
        self.ada_sampul = page.locator(".sampul").count() > 0
        self._gaya = None

    def pasang(self, page) -> None:
        page.evaluate(
            """ids => ids.forEach((id, n) => {
                const el = document.getElementById(id);
                if (!el) return;
                const s = document.createElement('span');
                s.className = 'penanda-daftar-isi';
                s.textContent = 'QQIKU' + n + 'QQ';
                // letter-spacing 0: judul berjarak huruf (pembatas LAMPIRAN) memecah penanda menjadi huruf lepas
                s.style.cssText = 'position:absolute;left:0;top:0;font-size:2px;line-height:0;white-space:nowrap;letter-spacing:0;word-spacing:0;';
                el.setAttribute('data-penanda-daftar-isi', '');
                el.insertBefore(s, el.firstChild);
            })""",
            [i for i, _ in self.entri],
        )
        # Isi daftar isi disembunyikan (visibility, tata letak tidak berubah) agar
        # teks judul di daftar isi tidak ikut tercocokkan bila penanda gagal.
        # Judul berposisi relatif (tanpa geser: tata letak tetap) agar penandanya
        # tercetak di halaman judul itu, bukan di halaman blok penampung awal.
        self._gaya = page.add_style_tag(
            content=".daftar-isi ol { visibility: hidden !important; } [data-penanda-daftar-isi] { position: relative; }"
        )

    def lepas(self, page) -> None:
        if self._gaya is not None:
            self._gaya.evaluate("el => el.remove()")
            self._gaya = None
        page.evaluate(
            """() => {
                document.querySelectorAll('.penanda-daftar-isi').forEach(s => s.remove());
                document.querySelectorAll('[data-penanda-daftar-isi]').forEach(
                    el => el.removeAttribute('data-penanda-daftar-isi'));
            }"""
        )

    def tulis(self, page, halaman: list[str]) -> bool:
        """Nomor halaman setiap judul dari teks halaman cetakan yang memuat penanda."""
        entri = self.entri
        penanda = cari_halaman_penanda(halaman)
        tanpa_penanda = [(i, t) for n, (i, t) in enumerate(entri) if n not in penanda]
        posisi = {entri[n][0]: h for n, h in penanda.items() if n < len(entri)}
        if tanpa_penanda:
            bersih = [_POLA_PENANDA.sub("", h) for h in halaman]
            posisi.update(cari_halaman_judul(tanpa_penanda, bersih))
        if self.sampul_tak_dihitung:
            badan = [h for (ident, _), depan in zip(entri, self.di_depan) if not depan
                     for h in [posisi.get(ident)] if h is not None]
            awal_badan = min(badan) if badan else None
            nomor = {ident: label_halaman(indeks, awal_badan, self.ada_sampul) for ident, indeks in posisi.items()}
        else:  # templat kaki halaman Chromium lama: semua halaman bernomor urut, sampul = 1
            nomor = {ident: str(indeks + 1) for ident, indeks in posisi.items()}
        page.evaluate(
            """nomor => {
                for (const el of document.querySelectorAll('.daftar-isi .hlm')) {
                    const n = nomor[el.dataset.untuk];
                    if (n !== undefined) el.textContent = n;
                }
            }""",
            nomor,
        )
        if len(posisi) < len(entri):
            hilang = [t for i, t in entri if i not in posisi]
            log.warning("Halaman judul tidak ditemukan untuk daftar isi: %s", "; ".join(hilang[:5]))
        self.terisi = bool(posisi)
        return self.terisi


def _isi_nomor_daftar_isi(page, opsi: dict, *, sampul_tak_dihitung: bool,
                          daftar_isi: _DaftarIsi | None = None) -> bool:
    """Cetakan percobaan khusus → halaman setiap judul → nomor di ``.daftar-isi .hlm`` (lihat :class:`_DaftarIsi`).

    Dipakai bila cetakan percobaan tabel (:func:`jaga_tabel`) tidak berakhir dengan tata
    letak yang sudah dipastikan.
    """
    daftar_isi = daftar_isi or _DaftarIsi(page, sampul_tak_dihitung=sampul_tak_dihitung)
    daftar_isi.pasang(page)
    with tempfile.TemporaryDirectory(prefix="iku-pdf-") as tmp:
        percobaan = Path(tmp) / "cetakan-1.pdf"
        page.pdf(path=str(percobaan), **opsi)
        halaman = _teks_per_halaman(percobaan)
    daftar_isi.lepas(page)
    if not halaman:
        return False
    return daftar_isi.tulis(page, halaman)


def _jumlah_halaman(pdf: Path) -> int | None:
    """Jumlah halaman lewat ``pdfinfo`` bila ada (hanya untuk laporan)."""
    program = shutil.which("pdfinfo")
    if not program:
        return None
    try:
        keluaran = subprocess.run([program, str(pdf)], check=True, capture_output=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(rb"^Pages:\s+(\d+)", keluaran, re.MULTILINE)
    return int(m.group(1)) if m else None
