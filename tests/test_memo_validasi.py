"""Penanda validasi pandera (``IKU_MEMO_VALIDASI``): hasil sama, isi yang salah tetap ditolak."""

from __future__ import annotations

import pandas as pd
import pytest

from analisis.core.kesalahan import KesalahanData
from analisis.core.paths import folder_data
from analisis.core.skema import MEMO_VALIDASI, SKEMA, baca_csv


def _pesan(jalur, skema) -> list[str]:
    with pytest.raises(KesalahanData) as e:
        baca_csv(jalur, skema)
    return [str(p) for p in e.value.pelanggaran]


def test_penanda_hanya_untuk_isi_yang_lolos(tmp_path, monkeypatch):
    skema = SKEMA["ppks_pas"]
    asli = (folder_data() / skema.berkas).read_text(encoding="utf-8-sig")
    jalur = tmp_path / skema.berkas
    jalur.write_text(asli, encoding="utf-8")
    tanpa = baca_csv(jalur, skema)

    memo = tmp_path / "memo"
    monkeypatch.setenv(MEMO_VALIDASI, str(memo))
    pertama = baca_csv(jalur, skema)
    assert len(list(memo.iterdir())) == 1
    kedua = baca_csv(jalur, skema)  # dari penanda: pandera dilewati, frame sama
    pd.testing.assert_frame_equal(tanpa, pertama)
    pd.testing.assert_frame_equal(tanpa, kedua)
    assert int(kedua.loc[kedua["pas"] == "ANAK - ANAK RENTAN", "terdata"].sum()) >= 0

    # tertangani > terdata pada baris 2: ditolak pandera, dengan atau tanpa penanda, pesan sama
    baris = asli.splitlines()
    sel = baris[1].split(",")
    kolom = baris[0].split(",")
    sel[kolom.index("terdata")], sel[kolom.index("tertangani")] = "1", "5"
    jalur.write_text("\n".join([baris[0], ",".join(sel), *baris[2:]]) + "\n", encoding="utf-8")
    dengan_memo = _pesan(jalur, skema)
    monkeypatch.delenv(MEMO_VALIDASI)
    assert dengan_memo == _pesan(jalur, skema)
    assert any("baris 2" in p for p in dengan_memo)
    assert len(list(memo.iterdir())) == 1  # isi yang gagal tidak pernah diberi penanda
    monkeypatch.setenv(MEMO_VALIDASI, str(memo))
    assert _pesan(jalur, skema) == dengan_memo
