# Voice notes and documents (bot/cases/attachments.py, handlers/cases/files.py)
voice-note-text = 🎤 voice note, { $length }
voice-note-caption = 🎤 { $number }
document-caption = 📎 { $number }
report-voice-added = 🎤 Voice note ({ $length }) received as the account of what happened.
report-document-added = 📎 Document { $count } received. Send another photo or document, or tap Done.
report-documents-full = That is { $max } documents, the most allowed. Tap Done to go on.
case-voice-added = 🎤 Voice note ({ $length }) saved.
case-document-added = 📎 Document { $count } received. Type the note to save it.
file-too-large = That file is too large: the limit is { $max_mb } MB. Send a smaller one.
file-wrong-type = That kind of file cannot be accepted. Accepted: photos, images (JPG, PNG) or PDF, up to { $max_mb } MB.
case-file-refused = Files cannot be attached here. Type the answer, or /batal to cancel.
button-case-voice = ▶️ Voice notes ({ $count })
button-case-documents = 📎 Documents ({ $count })
case-alert-files = { $files } following below.
case-alert-voice = 🎤 { $count ->
    [one] 1 voice note
   *[other] { $count } voice notes
}
case-alert-documents = 📎 { $count ->
    [one] 1 document
   *[other] { $count } documents
}
# The subject request's sheet of voice notes and documents (bot/records/subject_files.py)
subject-sheet-files = Voice notes, documents
subject-col-kind = Kind
subject-col-added = Received
subject-col-length = Length
subject-col-size = Size (bytes)
subject-col-copy = Copy
file-kind-voice = voice note
file-kind-document = document
