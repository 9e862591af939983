## English: a translation of the default Bahasa Indonesia catalog (bot/locales/id/main.ftl).

language-name = 🇬🇧 English
language-ask = Choose a language:
language-set = Language switched to English.

command-lapor = Report a new case
command-batal = Cancel what you are filling in
command-bantuan = How to use the bot
command-bahasa = Change language
command-start = Register / start

## Access

access-unregistered = You are not registered as a PSM (community social worker) yet. Type /start to register.
access-pending = Your registration is waiting for a coordinator's approval. You will be notified here as soon as it is approved.
access-rejected = Your registration was not approved. Please contact the TKSK (sub-district social welfare worker) or the Dinas Sosial (Social Affairs Office) in your kecamatan (sub-district).
access-inactive = Your account is currently inactive. Please contact your coordinator.

welcome-psm = Welcome back, { $name }! Type /lapor to report a new case.
welcome-coordinator = Welcome back, { $name }. You are registered as a coordinator. Case reports from your area will be sent here.
welcome-admin = Welcome, { $name }. You are registered as an admin.

## Registration

signup-welcome = Welcome to <b>PSM Bot</b> of the Dinas Sosial (Social Affairs Office) of Kota Tangerang 👋
signup-ask-contact = To register, press the <b>📱 Share my number</b> button below.
button-share-contact = 📱 Share my number
signup-contact-not-own = That is not your own number. Please share your number with the button below.
signup-contact-invalid = That number could not be recognised as an Indonesian phone number.
signup-phone-taken = This number is already registered to another Telegram account. Please contact your coordinator.
signup-activated-psm = Thank you, { $name }! Your number is on the PSM list, and your account is now active for Kelurahan { $place }. Type /lapor to report a case.
signup-activated-coordinator = Thank you, { $name }! You are registered as a coordinator ({ $place }). Case reports from your area will be sent here.
signup-activated-admin = Thank you, { $name }! You are registered as an admin.
signup-ask-name = Your number is not on the PSM list yet, so your registration needs a coordinator's approval. What is your full name?
signup-ask-kecamatan = In which kecamatan (sub-district) do you work?
signup-ask-kelurahan = In which kelurahan (urban village) do you work?
signup-pending = Thank you! Your registration has been sent to the coordinator. You will be notified here once it has been decided.
signup-need-contact = Please press the <b>📱 Share my number</b> button below; there is no need to type the number.
signup-approved = 🎉 Your registration has been approved! Type /lapor to report a case.
signup-rejected = Sorry, your registration was not approved. Please contact the TKSK (sub-district social welfare worker) or the Dinas Sosial (Social Affairs Office) in your kecamatan.

approval-request =
    <b>PSM registration request</b>
    Name: { $name }
    Phone: { $phone }
    Area: { $kelurahan }, Kec. { $kecamatan }
button-approve = ✅ Approve
button-reject = ❌ Reject
approval-done-approved = ✅ { $name } approved by { $reviewer }.
approval-done-rejected = ❌ { $name } rejected by { $reviewer }.
approval-refused-unknown = This registration could not be found.
approval-refused-forbidden = You are not authorised to decide registrations in this area.
approval-refused-decided = This registration has already been decided.

## Case report

report-intro = 📝 New case report. Answer the questions one at a time; type /batal at any time to cancel, or /bantuan for help.
report-ask-category-group = Which group does this case belong to?
report-ask-category = Choose the PPKS category (type of person in need of social welfare services) in { $group }:
category-group-anak = 👶 Children
category-group-lansia = 🧓 Elderly, disability, health
category-group-jalanan = 🛣️ Street
category-group-korban = 🆘 Victims of violence, disasters, trafficking
category-group-keluarga = 🏠 Poverty, families, special groups
button-back = ⬅️ Back
report-ask-name = What is the name of the beneficiary (the person being reported)?
report-ask-nik = Type the beneficiary's NIK (national ID number: the 16 digits on the KTP identity card or KK family card). If there is none, press the button below.
button-no-nik = No NIK
report-nik-ok = ✅ NIK { $nik } accepted: { $sex }, born { $born }.
nik-invalid-length = A NIK must have exactly 16 digits. Please check it again.
nik-invalid-region = The region code at the start of the NIK is not recognised. Please check the first 6 digits.
nik-invalid-date = The date of birth in the NIK (digits 7 to 12) is not valid. Please check it again.
nik-invalid-serial = The last four digits of a NIK cannot be 0000. Please check it again.
report-ask-no-nik-reason = Why is there no NIK? Choose or type the reason.
no-nik-belum = Has no NIK yet / not registered
no-nik-hilang = KTP/KK lost
no-nik-tidaktahu = NIK not known
report-ask-sex = The beneficiary's sex?
sex-L = Male
sex-P = Female
report-ask-age = How old is the beneficiary? Type the age (e.g. <b>72</b>) or the date of birth (e.g. <b>12-03-1950</b>).
button-age-unknown = Don't know
report-ask-kecamatan = In which kecamatan (sub-district) is this case?
button-my-kelurahan = 📍 My kelurahan: { $kelurahan }
report-ask-kelurahan = Kelurahan (urban village) in Kecamatan { $kecamatan }:
button-other-kecamatan = ⬅️ Another kecamatan
report-ask-address = Type the address (street, number, RT/RW neighbourhood unit, landmark).
report-ask-location = Send the location pin with the <b>📍 Send location</b> button, or press <b>Skip</b>.
button-send-location = 📍 Send location
button-skip = Skip
report-location-ok = 📍 Location saved.
report-location-skipped = GPS location skipped.
report-ask-description = Describe what happened and the beneficiary's current condition. Type it, or send a voice note 🎤.
report-ask-urgency =
    How urgent is this case?
    🔴 <b>Emergency</b>: life or safety at risk, action needed today.
    🟠 <b>High</b>: needs handling within a few days.
    🟡 <b>Medium</b>: needs handling within a week.
    🟢 <b>Low</b>: can be scheduled.
urgency-darurat = 🔴 Emergency
urgency-tinggi = 🟠 High
urgency-sedang = 🟡 Medium
urgency-rendah = 🟢 Low
report-ask-photos = Send photos of the person's condition or the location, or a PDF document (several are fine, none is fine too). Photos so far: { $count }.
button-photos-done = ✅ Done
button-photos-none = Skip, no photos
button-photos-clear = 🗑️ Delete all photos
report-photo-added = 📷 Photo { $count } received. Send another photo, or press Done.
report-photos-count = { $count ->
        [one] { $count } photo
       *[other] { $count } photos
    }
report-photos-full = That is { $max } photos, the maximum. Press Done to continue.

report-review =
    <b>Check your report</b>
    Category: { $category }
    Name: { $name }
    NIK: { $nik }
    Sex: { $sex }
    Age: { $age }
    Location: { $kelurahan }, Kec. { $kecamatan }
    Address: { $address }
    GPS: { $gps }
    Urgency: { $urgency }
    Photos: { $photos }
    What happened: { $description }

    Press the part you want to change, or <b>Send report</b>.
report-nik-mismatch = ⚠️ The sex or age does not match the NIK. Please check the NIK or the details.
summary-no-nik = none ({ $reason })
summary-age = { $age ->
        [one] { $age } year
       *[other] { $age } years
    }
summary-age-born = { $age ->
        [one] { $age } year
       *[other] { $age } years
    }, born { $born }
summary-unknown = unknown
summary-gps-yes = yes
summary-gps-no = no
edit-category = ✏️ Category
edit-name = ✏️ Name
edit-nik = ✏️ NIK
edit-sex = ✏️ Sex
edit-age = ✏️ Age
edit-place = ✏️ Kelurahan
edit-address = ✏️ Address
edit-gps = ✏️ GPS
edit-description = ✏️ Event
edit-urgency = ✏️ Urgency
edit-photos = ✏️ Photos
button-submit = ✅ Send report
button-cancel-report = ❌ Cancel
report-missing = Some answers are still missing. Please complete them first.
report-saved = ✅ Report saved with number <b>{ $number }</b>. The area coordinator has been notified. Thank you!
report-repeat = 🔁 This person was reported before. Your coordinator has been told and will connect the reports.
report-confirm-cancel = Are you sure you want to cancel this report? All the answers you have given will be deleted.
button-cancel-yes = Yes, cancel
button-cancel-no = No, continue
report-cancelled = Report cancelled. Type /lapor to start again.
report-resume = You are in the middle of a report. Let's continue from the last question:

case-new =
    📥 <b>New report { $number }</b>
    Reported by: { $reporter } · 📞 { $phone }
    Urgency: { $urgency }
    Category: { $category }
    Name: { $name } ({ $sex }, { $age })
    NIK: { $nik }
    Location: { $address }, { $kelurahan }, Kec. { $kecamatan }
    Photos: { $photos }
    What happened: { $description }
case-new-darurat =
    🚨🚨 <b>EMERGENCY: report { $number }</b> 🚨🚨
    Reported by: { $reporter } · 📞 { $phone }
    Category: { $category }
    Name: { $name } ({ $sex }, { $age })
    NIK: { $nik }
    Location: { $address }, { $kelurahan }, Kec. { $kecamatan }
    Photos: { $photos }
    What happened: { $description }

## Answers that do not fit

answer-name-short = The name is too short (at least { $min } characters).
answer-name-long = The name is too long (at most { $max } characters).
answer-name-letters = The name must contain letters.
answer-reason-short = The reason is too short (at least { $min } characters).
answer-reason-long = The reason is too long (at most { $max } characters).
answer-address-short = The address is too short (at least { $min } characters). Add the RT/RW or a landmark.
answer-address-long = The address is too long ({ $length } characters, at most { $max }).
answer-description-short = The description is too short (at least { $min } characters). Please explain a little more.
answer-description-long = The description is too long ({ $length } characters, at most { $max }). Please shorten it; details can be added later.
answer-age-format = Please type the age as a number (e.g. 72) or the date of birth (e.g. 12-03-1950).
answer-age-range = The age must be between 0 and { $max } years.
answer-birth-invalid = That date does not exist in the calendar. Please check it again (format day-month-year).
answer-birth-range = The date of birth cannot be in the future or more than { $max } years ago.
wrong-need-text = Please answer this part by typing text.
wrong-need-button = Please choose by pressing one of the buttons, or type the choice's name.
typed-choice-ambiguous = That answer fits several choices: { $choices }. Press its button, or type more of it.
wrong-need-location = Send the location with the 📍 button below, or press Skip.
wrong-need-photo = I am waiting for a photo here. Send a photo, or press the Done button.
wrong-need-text-or-voice = Here I need the account of what happened: type it, or send a voice note 🎤.
wrong-command = That command cannot be used while filling in a report. Type /batal to cancel the report.
wrong-stale-button = That button belongs to an earlier question and no longer works.
wrong-stale-button-short = This button no longer works.
flow-lost = That conversation has already ended. Please start again with its command, for example /lapor.

## Help and errors

help = <b>PSM Bot</b> helps Pekerja Sosial Masyarakat (PSM, community social workers) report social welfare cases.
help-command-lapor = /lapor: report a new case, step by step
help-command-kasus = /kasus: see and follow up cases
help-command-hadir = /hadir CODE: record that you attend an event, with the coordinator's code
help-command-pengumuman = /pengumuman: announce an event and see the PSM's answers
help-command-siaran = /siaran: send a message to PSM
help-command-rekap = /rekap: statistics, charts and case downloads for your area
help-command-profil = /profil: see and change your details (name, number, kelurahan), or leave
help-command-pengguna = /pengguna: manage the PSM of your area
help-command-impor = /impor: upload the PSM roster from Excel
help-command-audit = /audit: who saw, listed and downloaded what
help-command-subjek = /subjek: everything held about one person, for data subject requests
help-command-batal = /batal: cancel the report you are filling in
help-command-bantuan = /bantuan: this help
help-command-bahasa = /bahasa: change language
help-command-start = /start: register or see your account status
help-report = Answer the questions one at a time. Your answers are saved even if the bot restarts. Before sending, you can check and change every answer. Type /batal to cancel.
hint = Type /lapor to report a case, or /bantuan for help.
edit-not-read = The bot does not read edited messages again. To change an answer, send it again as a new message (in a report: with the change buttons on the review page).
cancel-nothing = Nothing is being filled in, so there is nothing to cancel.
error-user = Sorry, something went wrong in the system. The answers you have already given are still saved; please try again in a moment.
error-admin = ⚠️ <b>Error in PSM Bot</b>: { $error }
    ({ $where })
busy-elsewhere = You are in the middle of a { $what }. Finish it first, or type /batal to cancel it.
busy-report = case report
busy-broadcast = broadcast
busy-announcement = announcement
