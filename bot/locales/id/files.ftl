# Voice notes and documents (bot/cases/attachments.py, handlers/cases/files.py)
voice-note-text = 🎤 pesan suara, { $length }
voice-note-caption = 🎤 { $number }
document-caption = 📎 { $number }
report-voice-added = 🎤 Pesan suara ({ $length }) diterima sebagai cerita kejadian.
report-document-added = 📎 Dokumen ke-{ $count } diterima. Kirim foto atau dokumen lain, atau tekan Selesai.
report-documents-full = Sudah { $max } dokumen, jumlah maksimal. Tekan Selesai untuk lanjut.
case-voice-added = 🎤 Pesan suara ({ $length }) disimpan.
case-document-added = 📎 Dokumen ke-{ $count } diterima. Tulis catatannya untuk menyimpan.
file-too-large = File itu terlalu besar: batasnya { $max_mb } MB. Kirim file yang lebih kecil.
file-wrong-type = Jenis file itu tidak bisa diterima. Yang bisa: foto, gambar (JPG, PNG) atau PDF, maksimal { $max_mb } MB.
case-file-refused = File tidak bisa dilampirkan di sini. Ketik jawabannya, atau /batal untuk membatalkan.
button-case-voice = ▶️ Pesan suara ({ $count })
button-case-documents = 📎 Dokumen ({ $count })
case-alert-files = { $files } menyusul di bawah.
case-alert-voice = 🎤 { $count } pesan suara
case-alert-documents = 📎 { $count } dokumen
# The subject request's sheet of voice notes and documents (bot/records/subject_files.py)
subject-sheet-files = Suara dan dokumen
subject-col-kind = Jenis
subject-col-added = Diterima
subject-col-length = Durasi
subject-col-size = Ukuran (byte)
subject-col-copy = Salinan
file-kind-voice = pesan suara
file-kind-document = dokumen
