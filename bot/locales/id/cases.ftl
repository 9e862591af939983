## Case follow-up (/kasus), nudges and reminders.

command-kasus = Kasus saya / kasus wilayah

status-baru = Baru
status-dikembalikan = Dikembalikan
status-diverifikasi = Diverifikasi
status-ditangani = Ditangani
status-dirujuk = Dirujuk
status-selesai = Selesai
status-dibuka_kembali = Dibuka kembali
filter-status-open = Status: terbuka
filter-status-all = Status: semua
filter-mine-open = Terbuka
filter-mine-selesai = Selesai
filter-mine-all = Semua
filter-urgency-all = Urgensi: semua
filter-kecamatan-all = Kecamatan: semua

cases-list = 📂 <b>{ $total } kasus</b> (halaman { $page }/{ $pages }). Tekan kasus untuk membuka.
cases-list-many = 📂 <b>Lebih dari { $cap } kasus</b> (halaman { $page }). Tekan kasus untuk membuka.
cases-empty = Tidak ada kasus yang cocok.
cases-none = Belum ada kasus terbuka dari laporan Anda. Untuk melaporkan kasus baru: /lapor
case-refused = Kasus itu tidak ditemukan, atau Anda tidak berhak membukanya.
case-changed = Kasus ini sudah berubah sejak tombol itu dibuat. Berikut keadaannya sekarang.
case-updated = ✅ Tersimpan.
case-updated-short = Tersimpan.

case-detail =
    📁 <b>{ $number }</b> · { $status } · { $urgency }
    Kategori: { $category }
    Penerima manfaat: { $name } (NIK { $nik })
    Lokasi: { $address }, { $kelurahan }, Kec. { $kecamatan }
    Pelapor: { $reporter } · Foto: { $photos }
    Kejadian: { $description }
referrals-header = <b>Rujukan</b>
referral-line = • { $sector }: { $outcome }
timeline-header = <b>Riwayat</b>
actor-bot = PSM Bot
event-note-suffix = : <i>{ $note }</i>
event-created = { $when } · { $who } melaporkan
event-verify = { $when } · { $who } memverifikasi
event-return = { $when } · { $who } mengembalikan dengan pertanyaan
event-answer = { $when } · { $who } menjawab
event-handle = { $when } · { $who } menandai sudah ditangani
event-refer = { $when } · { $who } merujuk
event-outcome = { $when } · { $who } mencatat hasil rujukan
event-close = { $when } · { $who } menutup kasus
event-reopen = { $when } · { $who } membuka kembali
event-note = { $when } · { $who } menambah catatan
event-in_progress = { $when } · { $who } menyatakan masih dalam proses
event-nudged = { $when } · pengingat tindak lanjut dikirim
event-escalated = { $when } · diteruskan ke koordinator (pengingat tidak dijawab)
event-referral_reminded = { $when } · pengingat hasil rujukan dikirim ke koordinator
event-repeat = { $when } · orang yang sama pernah dilaporkan; koordinator sudah diberi tahu
event-reported_again = { $when } · orang yang sama dilaporkan lagi dalam kasus baru

case-linked-header = 🔁 <b>Laporan lain tentang orang yang sama (NIK sama):</b>
case-linked-line = • { $number } · { $status } · Kec. { $kecamatan }
case-linked-more = … dan { $count } laporan yang lebih lama
case-linked-elsewhere = 🔁 Orang ini pernah dilaporkan sebelumnya; koordinator sudah diberi tahu.
cases-by-nik = 🔎 Kasus dengan NIK { $nik } yang boleh Anda lihat: { $total }. Tekan kasus untuk membuka.
cases-by-nik-none = 🔎 Tidak ada kasus dengan NIK { $nik } yang boleh Anda lihat.
event-handed_over = { $when } · { $who } menyerahkan tindak lanjut kepada PSM lain

outcome-pending = menunggu hasil
outcome-accepted = diterima
outcome-rejected = ditolak
outcome-done = selesai ditangani
outcome-ask = Pilih hasil rujukan ke { $sector }.

action-verify = ✅ Verifikasi
action-return = ↩️ Kembalikan ke PSM dengan pertanyaan
action-answer = 💬 Jawab pertanyaan
action-handle = 🛠️ Tandai sudah ditangani
action-refer = 📤 Rujuk ke sektor lain
action-close = ✔️ Tutup kasus
action-reopen = 🔄 Buka kembali
action-note = 📝 Tambah catatan / foto
action-outcome = 📥 Hasil rujukan: { $sector }
button-case-list = ⬅️ Daftar kasus
case-photo-caption = { $number } · { $note }
button-case-photos = 📷 Lihat foto ({ $count })
button-open-case = 📁 Buka kasus
button-sectors-done = ➡️ Lanjut

case-ask-note = Tulis catatan perkembangan kasus, atau kirim pesan suara 🎤. Anda juga boleh mengirim foto atau PDF dulu.
case-ask-return = Tulis pertanyaan untuk PSM pelapor.
case-ask-answer = Tulis jawaban untuk koordinator, atau kirim pesan suara 🎤.
case-ask-close = Tulis hasil akhir penanganan kasus ini.
case-ask-refer = Tulis catatan untuk rujukan ini (apa yang diminta dari sektor tersebut).
case-ask-sectors = Rujuk ke sektor mana? Boleh pilih lebih dari satu, lalu tekan Lanjut.
case-sectors-none = Pilih minimal satu sektor.
case-photo-added = 📷 Foto ke-{ $count } diterima. Tulis catatannya untuk menyimpan.
case-input-cancelled = Dibatalkan, tidak ada yang diubah.
case-input-wrong = Mohon ketik jawabannya sebagai teks, atau /batal untuk membatalkan.
answer-note-short = Terlalu singkat (minimal { $min } karakter).
answer-note-long = Terlalu panjang ({ $length } karakter, maksimal { $max }).

notice-verify = ✅ Kasus { $number } diverifikasi oleh { $who }.
notice-return = ↩️ { $who } mengembalikan kasus { $number } dengan pertanyaan: <i>{ $note }</i>
notice-answer = 💬 PSM { $who } menjawab tentang kasus { $number }: <i>{ $note }</i>
notice-handle = 🛠️ Kasus { $number } ditandai sudah ditangani oleh { $who }.
notice-refer = 📤 Kasus { $number } dirujuk oleh { $who }: <i>{ $note }</i>
notice-outcome = 📥 Hasil rujukan kasus { $number } dicatat oleh { $who }: <i>{ $note }</i>
notice-close = ✔️ Kasus { $number } ditutup oleh { $who }: <i>{ $note }</i>
notice-reopen = 🔄 Kasus { $number } dibuka kembali oleh { $who }.
notice-note = 📝 { $who } menambah catatan pada kasus { $number }: <i>{ $note }</i>
notice-in_progress = ⏳ { $who }: kasus { $number } masih dalam proses.

nudged-message = ⏰ Bagaimana perkembangan kasus <b>{ $number }</b> ({ $name })? Mohon kabari dengan tombol di bawah.
nudge-progress = 📝 Tambah perkembangan
nudge-ongoing = ⏳ Masih dalam proses
nudge-resolved = ✅ Sudah ditangani
escalated-message = ⚠️ Kasus <b>{ $number }</b> ({ $name }) belum ada kabar: PSM { $reporter } tidak menjawab { $count } pengingat. Mohon ditindaklanjuti.
departed-nudge-message = ⏰ Kasus <b>{ $number }</b> ({ $name }) perlu kabar tindak lanjut, tetapi PSM { $reporter } sudah tidak aktif. Mohon ditindaklanjuti atau serahkan ke PSM lain.
referral-reminder = ⏰ Rujukan kasus <b>{ $number }</b> ke { $sector } belum ada hasilnya setelah { $days } hari. Mohon catat hasilnya.
draft-reminder = 📝 Laporan Anda belum selesai. Ketik /lapor untuk melanjutkan dari pertanyaan terakhir, atau /batal untuk membatalkan.

## Replies in context: a message outside any conversation goes to its case

event-answer_undone = { $when } · { $who } menarik kembali jawabannya
reply-answered = 💬 Terkirim sebagai jawaban Anda untuk kasus <b>{ $number }</b>. Salah kasus? Tekan Batalkan dalam { $seconds } detik.
reply-noted = 📝 Tercatat di kasus <b>{ $number }</b>; pihak lain di kasus ini diberi tahu.
button-undo-answer = ↩️ Batalkan
reply-undone = ↩️ Dibatalkan: jawaban untuk kasus <b>{ $number }</b> ditarik, pertanyaannya masih menunggu.
reply-undo-late = Sudah terlambat untuk membatalkan: koordinator sudah menerimanya. Tambahkan catatan jika perlu meralat.
reply-pick-case =
    Ada { $count } pertanyaan koordinator yang menunggu jawaban Anda. Pesan Anda untuk kasus yang mana?
reply-pick-case-again = Pesan Anda masih menunggu: pilih kasusnya dengan tombol di bawah, atau /batal jika bukan untuk kasus mana pun.
reply-dropped = Baik, pesan itu tidak dikirim ke kasus mana pun.
reply-case-closed = Kasus itu sudah ditutup, jadi pesan Anda tidak dicatat di sana. Jika perlu dibuka kembali, hubungi koordinatornya.
hint-psm = Pesan ini tidak terkait kasus mana pun. Ketik /lapor untuk melaporkan kasus baru, /kasus untuk kasus Anda (balas pesan kasus untuk menambah catatan), atau /bantuan.
hint-coordinator = Pesan ini tidak terkait kasus mana pun. Ketik /kasus untuk kasus di wilayah Anda (balas pesan kasus untuk menambah catatan), /rekap untuk rekap, atau /bantuan.

## Closing with referrals still waiting

case-close-pending =
    { $count ->
        [1] Rujukan ke { $sectors } belum ada hasilnya.
       *[other] { $count } rujukan belum ada hasilnya: { $sectors }.
    } Tutup kasus sekarang?
button-close-anyway = ✔️ Tetap tutup
button-close-wait = ⏳ Tunggu hasil rujukan
button-case-history = 📜 Riwayat lengkap
case-history = 📜 <b>Riwayat { $number }</b>
