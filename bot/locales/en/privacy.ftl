## Data protection for admins: the audit log (/audit) and a person's requests (/subjek).

command-audit = Audit log: who saw and changed what (admins)
command-subjek = Data subject requests: see, export, erase (admins)

audit-refused = The audit log is for admins only.
audit-bad-usage =
    How to use /audit:
    /audit: the last 7 days
    /audit 01-11-2026 30-11-2026: a period (or one date)
    /audit TNG-2026-00042: one case
    /audit 123456789: one account (Telegram ID)
audit-bad-user = There is no account with that Telegram ID.
audit-bad-case = There is no case with that number.
audit-bad-range = That date is outside the bot's calendar (years 1900 to 2999). Check the year.
audit-empty = No audit entries for that choice.
audit-header = 🧾 <b>Audit log</b>: the newest { $shown } of { $total } entries.
audit-line = { $when } · { $who }: { $action } { $case }{ $detail }
button-audit-export = 📥 Download all (XLSX)
audit-export-caption = Audit log: { $count } entries.
audit-col-at = Time
audit-col-who = By
audit-col-action = Action
audit-col-case = Case
audit-col-detail = Details

subject-usage =
    A data subject's request (UU 27/2022): find the person with
    /subjek NIK (16 digits; your message will be deleted), or
    /subjek Full Name DD-MM-YYYY (name and birth date).
subject-refused = Data subjects' requests are answered by admins only.
subject-none = 🔎 Request #{ $request }: nothing is held about this person.
subject-found =
    🔎 <b>Request #{ $request }</b>: { $cases } case(s) about this person,
    { $events } history entries, { $referrals } referrals, { $audit } audit rows.
subject-case-line = • { $number } · { $date } · { $status } · Kec. { $kecamatan }
button-subject-export = 📥 Download all their data (XLSX)
button-subject-erase = 🗑 Erase their personal data…
subject-export-caption = Everything held about this person (request #{ $request }).
subject-erase-confirm =
    Erase the personal data in these { $cases } case(s) ({ $open } still being handled)? Name, NIK, address, location, what happened, notes and photos are removed; category, area, dates, status and referrals stay for the statistics.
    Only for a valid request (identity checked, no legal duty to keep it). This cannot be undone.
button-subject-erase-yes = Yes, erase
button-subject-erase-no = No, keep it
subject-erased = ✅ The personal data in { $count } case(s) has been erased. The audit log records it.
subject-erased-already = This request's data has already been erased.
subject-kept = Nothing was erased.
subject-sheet-cases = Cases
subject-sheet-events = History
subject-sheet-referrals = Referrals
subject-sheet-audit = Audit
subject-col-number = Number
subject-col-created = Reported
subject-col-status = Status
subject-col-urgency = Urgency
subject-col-category = Category
subject-col-name = Name
subject-col-nik = NIK
subject-col-sex = Sex
subject-col-born = Birth date
subject-col-age = Age
subject-col-kecamatan = Kecamatan
subject-col-kelurahan = Kelurahan
subject-col-address = Address
subject-col-gps = GPS
subject-col-description = What happened
subject-col-photos = Photos
subject-col-anonymised = Anonymised
subject-col-case = Case
subject-col-event = Event
subject-col-note = Note
subject-col-sector = Sector
subject-col-referred = Referred
subject-col-outcome = Outcome
subject-col-decided = Outcome recorded

## /audit in words: what each action is and what its details are called.
audit-action-case-create = reported a case
audit-action-case-view = opened a case
audit-action-case-photos = viewed a case's photos
audit-action-case-voice = listened to a case's voice notes
audit-action-case-documents = opened a case's documents
audit-action-case-verify = verified a case
audit-action-case-return = returned a case with a question
audit-action-case-answer = answered a case's question
audit-action-case-answer-undone = took back an answer on a case
audit-action-case-handle = took a case in hand
audit-action-case-refer = referred a case
audit-action-case-outcome = recorded a referral outcome
audit-action-case-close = closed a case
audit-action-case-reopen = reopened a case
audit-action-case-note = added a case note
audit-action-case-nudged = sent a follow-up reminder
audit-action-case-escalated = escalated a case
audit-action-case-list = listed cases
audit-action-case-search = searched cases
audit-action-case-anonymise = anonymised a case
audit-action-case-handover = handed a case over
audit-action-user-activate-roster = activated an account from the roster
audit-action-user-approve = approved a registration
audit-action-user-reject = rejected a registration
audit-action-user-blocked-bot = blocked the bot
audit-action-user-unblocked-bot = unblocked the bot
audit-action-user-anonymise = anonymised an account
audit-action-user-list = listed users
audit-action-user-view = opened a user's page
audit-action-user-deactivate = deactivated an account
audit-action-user-reactivate = reactivated an account
audit-action-user-leave = left as a PSM
audit-action-user-move = moved a PSM to another area
audit-action-user-move-request = asked to move area
audit-action-user-move-approve = approved a move
audit-action-user-move-reject = refused a move
audit-action-user-role = changed a role
audit-action-user-areas = changed areas
audit-action-user-rename = changed a name
audit-action-user-phone = changed a phone number
audit-action-user-cases-kept = kept a deactivated account's cases
audit-action-roster-import = imported the roster
audit-action-roster-upload = uploaded a roster
audit-action-roster-preview = previewed a roster
audit-action-broadcast-create = sent a broadcast
audit-action-announcement-create = created an announcement
audit-action-announcement-reschedule = rescheduled an announcement
audit-action-announcement-cancel = cancelled an announcement
audit-action-announcement-export = downloaded an attendance list
audit-action-insight-view = viewed a summary
audit-action-insight-export = downloaded a summary
audit-action-subject-lookup = looked up a person's data
audit-action-subject-export = downloaded a person's data
audit-action-subject-erase = erased a person's data
audit-action-audit-view = viewed the audit log
audit-action-audit-export = downloaded the audit log
audit-action-retention-run = ran data retention
audit-action-key-rotate = rotated the data key
audit-action-data-backup = made a backup
audit-detail-user-id = account
audit-detail-rows = rows
audit-detail-request-id = request
audit-detail-cases = cases
audit-detail-reason = reason
audit-detail-announcement-id = announcement
audit-detail-by = by
audit-detail-filter = filter
audit-detail-drafts = drafts
audit-detail-page = page
audit-detail-total = total
audit-detail-scope = area
audit-detail-period = period
audit-detail-recipients = recipients
audit-detail-events = events
audit-detail-history = full history
audit-detail-audit-rows = audit rows
audit-detail-key = key
audit-detail-years = years
audit-detail-users = users
audit-detail-messages = messages
audit-detail-to = to
audit-detail-status = status
audit-detail-urgency = urgency
audit-detail-kecamatan = kecamatan
audit-detail-number = number
audit-detail-linked = linked
audit-detail-error = error
audit-detail-format = format
audit-detail-full-nik = full NIK
audit-detail-files = files
audit-detail-told = told
audit-detail-broadcast-id = broadcast
audit-detail-audience = audience
audit-detail-searched = searched
audit-detail-shown = shown
audit-detail-role = role
audit-detail-areas = areas
audit-detail-missing = missing
audit-detail-sync = sync
audit-detail-deactivated = deactivated
audit-detail-case = case
audit-detail-user = account
audit-detail-first = from
audit-detail-last = to
audit-yes = yes
audit-no = no
audit-city = the whole city
audit-period = { $first } to { $last }
audit-by-case = case
audit-by-user = account
audit-by-period = period
