## Siaran (/siaran): pesan koordinator ke PSM, dikirim lewat outbox dengan laporan pengiriman.

command-siaran = Kirim siaran ke PSM (koordinator)

broadcast-not-allowed = Maaf, siaran hanya dapat dikirim oleh koordinator atau admin yang aktif.
broadcast-ask-text =
    📢 <b>Siaran baru</b>
    Tulis pesan yang akan dikirim, atau kirim foto dengan pesannya sebagai keterangan (caption). Ketik /batal untuk membatalkan.
answer-broadcast-short = Pesan terlalu pendek (minimal { $min } huruf).
answer-broadcast-long = Pesan terlalu panjang ({ $length } huruf, maksimal { $max }). Mohon dipersingkat.
answer-broadcast-caption-short = Foto diterima, tetapi keterangannya kosong atau terlalu pendek (minimal { $min } huruf). Kirim lagi fotonya dengan pesan sebagai keterangan.
answer-broadcast-caption-long = Dengan foto, pesan paling banyak { $max } huruf (sekarang { $length }). Persingkat keterangannya, atau kirim pesannya sebagai teks saja.
broadcast-need-text = Mohon kirim pesannya sebagai teks, atau foto dengan keterangan.
broadcast-need-button = Mohon pilih salah satu tombol.
broadcast-command = Perintah lain belum bisa dipakai saat menyusun siaran. Selesaikan dulu, atau ketik /batal.
broadcast-resume = Anda sedang menyusun siaran. Lanjutkan di bawah, atau ketik /batal untuk membuangnya.

broadcast-ask-audience = Kepada siapa siaran ini dikirim?
broadcast-to-all = 👥 Semua PSM aktif
broadcast-to-mine = 📍 PSM Kec. { $names }
broadcast-to-pick = 🗺️ Pilih kecamatan
broadcast-to-coordinators = 🧑‍💼 Khusus koordinator dan admin
broadcast-ask-kecamatan = Pilih satu atau beberapa kecamatan, lalu tekan <b>Selesai</b>.
broadcast-button-done = ✔️ Selesai
broadcast-refused-forbidden = Anda hanya dapat mengirim siaran ke PSM di kecamatan Anda sendiri.
broadcast-refused-empty = Pilih minimal satu kecamatan.
broadcast-refused-nobody = Belum ada penerima aktif. Pilih kecamatan yang punya PSM aktif.

# Who receives an announcement or a broadcast, as the preview and the card name them.
audience-all = semua PSM aktif
audience-kecamatan = PSM Kec. { $names }
audience-coordinators = koordinator dan admin
broadcast-preview = 👀 Pratinjau: beginilah pesan yang akan diterima.
broadcast-confirm =
    Kirim siaran di atas kepada <b>{ $count } orang</b> ({ $audience })?
    Tekan <b>Kirim</b> untuk mengirim, atau <b>Batal</b> untuk membuang.
broadcast-button-send = ✅ Kirim
broadcast-button-cancel = ❌ Batal
broadcast-queued = ✅ Siaran masuk antrean untuk { $count } orang dan sedang dikirim. Laporan pengiriman akan dikirim ke sini setelah selesai.
broadcast-cancelled = Siaran dibatalkan; tidak ada yang dikirim.

## What recipients and the author receive

broadcast-message =
    📢 <b>Siaran dari { $author }</b>

    { $body }
broadcast-report =
    📊 <b>Laporan siaran</b> ({ $created })
    ✅ Terkirim: { $sent }
    🚫 Memblokir bot: { $blocked }
    ⚠️ Gagal: { $failed }
