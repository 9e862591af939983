## Announcements (/pengumuman), RSVP and attendance (/hadir)

command-pengumuman = Pengumuman acara (koordinator)
command-hadir = Catat kehadiran di acara

# weekday: 0 = Monday; month: 1-12.
announce-when = { $weekday ->
        [0] Senin
        [1] Selasa
        [2] Rabu
        [3] Kamis
        [4] Jumat
        [5] Sabtu
       *[6] Minggu
    }, { $day } { $month ->
        [1] Januari
        [2] Februari
        [3] Maret
        [4] April
        [5] Mei
        [6] Juni
        [7] Juli
        [8] Agustus
        [9] September
        [10] Oktober
        [11] November
       *[12] Desember
    } { $year }, pukul { $time } { $zone }

## Menu and list

announce-menu = 📢 <b>Pengumuman</b>
    Buat pengumuman acara untuk PSM, atau lihat pengumuman Anda beserta jawaban dan kehadirannya.
button-announce-new = ➕ Buat pengumuman
button-announce-list = 📋 Daftar pengumuman
announce-not-allowed = Pengumuman hanya dapat dibuat oleh koordinator dan admin.
announce-list = 📋 <b>Pengumuman Anda</b> (halaman { $page }/{ $pages }), acara terakhir di atas. Pilih salah satu untuk melihat jawaban PSM dan mengelolanya.
announce-list-empty = Belum ada pengumuman. Tekan tombol di bawah untuk membuat yang pertama.
announce-list-item = { $cancelled ->
        [true] ❌
       *[other] 🗓
    } { $date } · { $title }

## Composing

announce-intro = 📢 Pengumuman baru. Jawab satu per satu; ketik /batal kapan saja untuk membatalkan.
announce-ask-title = Apa judul acaranya? Contoh: <i>Bimtek Pendampingan Lansia</i>
announce-ask-body =
    Tulis isi pengumuman.
    Untuk menyertakan flyer, kirim foto atau file PDF dengan isi pengumuman sebagai keterangannya (caption).
announce-ask-start = Kapan acara dimulai? Ketik tanggal dan jam ({ $zone }), contoh: <code>{ $example }</code>
announce-ask-venue = Di mana tempatnya? Tulis nama tempat dan alamatnya.
announce-ask-audience = Kepada siapa pengumuman ini dikirim?
button-announce-to-all = 👥 Semua PSM aktif
button-announce-to-mine = 👥 Semua PSM di wilayah saya
button-announce-to-pick = 📍 Pilih kecamatan
button-announce-to-coordinators = 🧑‍💼 Khusus koordinator
announce-ask-kecamatan = Pilih satu atau beberapa kecamatan, lalu tekan <b>Selesai</b>.
button-announce-kecamatan-done = ✔️ Selesai
announce-ask-send = Kapan pengumuman dikirim? Tekan <b>Kirim sekarang</b>, atau ketik tanggal dan jam pengiriman, contoh: <code>{ $example }</code>
button-announce-send-now = 🚀 Kirim sekarang
announce-preview-intro = 👀 Pratinjau: beginilah pesan yang akan diterima.
announce-preview =
    <b>Periksa sebelum mengirim</b>
    Penerima: { $audience } ({ $count } orang)
    Dikirim: { $send }

    Tekan <b>Kirim</b> untuk menjadwalkan, atau <b>Batal</b> untuk membuang.
announce-send-immediately = segera setelah dikonfirmasi
announce-send-now-done = mulai sekarang
button-announce-submit = ✅ Kirim
button-announce-discard = ❌ Batal
announce-preview-only = Ini hanya pratinjau; penerima akan bisa menekan tombol ini.
announce-saved =
    ✅ Pengumuman disimpan dan akan dikirim ke { $count } orang, { $send }.
    Kode kehadiran: <code>{ $code }</code>. Tunjukkan di acara; peserta mengetik <code>/hadir { $code }</code>.
button-announce-open = 📊 Lihat jawaban
announce-discarded = Pengumuman dibuang; tidak ada yang dikirim.
announce-resume = Anda sedang menyusun pengumuman. Lanjutkan di bawah, atau ketik /batal untuk membuangnya.
announce-busy = Selesaikan dulu yang sedang Anda isi, atau ketik /batal.

## Wrong answers while composing

announce-time-format = Tanggal dan jam tidak dikenali. Tulis misalnya <code>15-12-2026 09:00</code>, <code>15/12 jam 9</code>, <code>Selasa 15 Desember 09.00</code> atau <code>besok jam 2 siang</code>.
announce-time-invalid = Tanggal itu tidak ada di kalender. Mohon periksa lagi.
announce-start-past = Waktu itu sudah lewat. Acara harus di waktu yang akan datang.
announce-start-far = Waktu itu lebih dari setahun lagi. Mohon periksa tahunnya.
announce-send-past = Waktu pengiriman itu sudah lewat. Tekan <b>Kirim sekarang</b> atau ketik waktu yang akan datang.
announce-send-late = Pengumuman harus dikirim sebelum acara dimulai. Ketik waktu yang lebih awal.
answer-announce-title-short = Judul terlalu pendek (minimal { $min } huruf).
answer-announce-title-long = Judul terlalu panjang ({ $length } huruf, maksimal { $max }). Mohon dipersingkat.
answer-announce-body-short = Isi pengumuman terlalu pendek (minimal { $min } huruf).
answer-announce-body-long = Isi pengumuman terlalu panjang ({ $length } huruf, maksimal { $max }). Mohon dipersingkat.
answer-announce-caption-short = Flyer diterima, tetapi keterangannya kosong atau terlalu pendek (minimal { $min } huruf). Kirim lagi flyer-nya dengan isi pengumuman sebagai keterangan (caption).
answer-announce-caption-long = Dengan flyer, isi pengumuman paling banyak { $max } huruf (sekarang { $length }). Persingkat keterangannya, atau kirim isinya sebagai teks saja tanpa flyer.
answer-announce-venue-short = Tempat terlalu pendek (minimal { $min } huruf).
answer-announce-venue-long = Tempat terlalu panjang ({ $length } huruf, maksimal { $max }). Mohon dipersingkat.
announce-need-text = Mohon ketik jawabannya sebagai teks.
announce-need-body = Mohon kirim isi pengumuman sebagai teks, atau foto/PDF dengan isi pengumuman sebagai keterangan.
announce-need-button = Mohon pilih salah satu tombol.
announce-command = Perintah lain belum bisa dipakai saat menyusun pengumuman. Selesaikan dulu, atau ketik /batal.
announce-flyer-type = Yang bisa dilampirkan hanya foto atau file PDF.
announce-audience-empty = Pilih minimal satu kecamatan.
announce-audience-nobody = Belum ada penerima aktif di pilihan itu. Pilih penerima lain.
announce-audience-forbidden = Anda hanya dapat mengirim pengumuman ke PSM di wilayah Anda.
announce-missing = Ada jawaban yang perlu diisi lagi.

## What recipients receive

announcement-message =
    📢 <b>{ $title }</b>

    { $body }

    🗓 { $when }
    📍 { $venue }

    Apakah Anda akan hadir? Pilih di bawah ini.
button-rsvp-yes = Hadir
button-rsvp-no = Tidak hadir
button-rsvp-chosen = ✅ { $label }
rsvp-saved-yes = Terima kasih! Jawaban Anda: Hadir. Anda masih bisa mengubahnya sampai acara dimulai.
rsvp-saved-no = Terima kasih! Jawaban Anda: Tidak hadir. Anda masih bisa mengubahnya sampai acara dimulai.
rsvp-refused-closed = Acara sudah dimulai, jadi jawaban tidak bisa diubah lagi.
rsvp-refused-cancelled = Acara ini sudah dibatalkan.
rsvp-refused-unknown = Pengumuman ini tidak ditemukan.
rsvp-refused-inactive = Akun Anda sedang tidak aktif, jadi jawaban tidak bisa dicatat. Silakan hubungi koordinator Anda.
rsvp-refused-not-invited = Pengumuman ini tidak ditujukan kepada Anda.
announce-reminder-day =
    ⏰ <b>Pengingat: besok</b>
    <b>{ $title }</b>
    🗓 { $when }
    📍 { $venue }

    Belum menjawab, atau ingin mengubah jawaban? Pilih di bawah ini.
announce-reminder-hours =
    ⏰ <b>2 jam lagi:</b> { $title }
    🗓 { $when }
    📍 { $venue }

    Sampai jumpa di sana!
announce-notice-rescheduled =
    🔁 <b>Waktu acara berubah:</b> { $title }
    Sebelumnya: <s>{ $before }</s>
    Menjadi: <b>{ $when }</b>
    📍 { $venue }

    Jika kehadiran Anda berubah, pilih lagi di bawah ini.
announce-notice-cancelled = ❌ <b>Acara dibatalkan:</b> { $title } ({ $when }) tidak jadi diadakan. Mohon maaf atas perubahan ini.

## Attendance (/hadir)

checkin-usage = Ketik /hadir diikuti kode yang ditunjukkan koordinator di acara, contoh: <code>/hadir K7M2QX</code>
checkin-done = ✅ Kehadiran Anda di <b>{ $title }</b> tercatat. Terima kasih!
checkin-again = Kehadiran Anda di <b>{ $title }</b> sudah tercatat sebelumnya.
checkin-refused-unknown = Kode itu tidak dikenal. Mohon periksa lagi kode dari koordinator.
checkin-refused-not-invited = Anda tidak termasuk penerima undangan acara ini. Silakan hubungi koordinator.
checkin-refused-cancelled = Acara ini sudah dibatalkan.
checkin-refused-inactive = Akun Anda sedang tidak aktif. Silakan hubungi koordinator Anda.
checkin-refused-not-today = Kehadiran hanya bisa dicatat pada hari acara: { $date }.

## Managing an announcement

announce-detail =
    📢 <b>{ $title }</b>
    🗓 { $when }
    📍 { $venue }
    👥 { $audience }
    📤 Dikirim: { $send }
    Status: { $status }
    🔑 Kode kehadiran: <code>{ $code }</code>

    <b>Pengiriman</b>: { $sent } terkirim, { $pending } menunggu, { $blocked } memblokir bot, { $failed } gagal
    <b>Jawaban</b>: { $yes } hadir, { $no } tidak hadir, { $unanswered } belum menjawab
    <b>Tercatat hadir di acara</b>: { $attended }
announce-status-scheduled = terjadwal
announce-status-sending = sedang dikirim
announce-status-delivered = sudah dikirim
announce-status-started = acara sudah dimulai
announce-status-cancelled = ❌ dibatalkan
button-announce-refresh = 🔄 Perbarui
button-announce-reschedule = 🕑 Ubah waktu acara
button-announce-cancel = ❌ Batalkan acara
button-announce-export = 📥 Unduh daftar (Excel)
button-announce-back = ⬅️ Daftar pengumuman
announce-confirm-cancel = Batalkan <b>{ $title }</b>? Pesan yang belum terkirim dihentikan, dan yang sudah menerimanya akan diberi tahu.
button-announce-cancel-yes = Ya, batalkan
button-announce-cancel-no = Tidak
announce-cancelled = ❌ <b>{ $title }</b> dibatalkan. { $told } penerima diberi tahu.
announce-ask-new-time = Kapan waktu baru <b>{ $title }</b>? Ketik tanggal dan jam ({ $zone }), contoh: <code>{ $example }</code>. Ketik /batal jika tidak jadi.
announce-rescheduled = 🕑 <b>{ $title }</b> dipindah ke { $when }. { $told } penerima yang sudah menerimanya diberi tahu.
announce-reschedule-kept = Waktu acara tidak diubah.
announce-refused-forbidden = Anda tidak dapat mengelola pengumuman ini.
announce-refused-cancelled = Pengumuman ini sudah dibatalkan.
announce-refused-started = Acara sudah dimulai; tidak bisa diubah lagi.
announce-refused-before-send = Waktu baru harus setelah jadwal pengiriman pengumuman. Ketik waktu yang lebih lambat.

## RSVP spreadsheet

announce-export-caption = 📥 Daftar jawaban <b>{ $title }</b> ({ $count } penerima)
announce-export-name = Nama
announce-export-kecamatan = Kecamatan
announce-export-kelurahan = Kelurahan
announce-export-delivery = Pengiriman
announce-export-answer = Jawaban
announce-export-answered = Waktu menjawab
announce-export-attended = Tercatat hadir
announce-delivery-pending = menunggu
announce-delivery-sending = sedang dikirim
announce-delivery-sent = terkirim
announce-delivery-blocked = memblokir bot
announce-delivery-failed = gagal
announce-delivery-cancelled = dibatalkan
rsvp-answer-yes = Hadir
rsvp-answer-no = Tidak hadir
rsvp-answer-none = Belum menjawab
