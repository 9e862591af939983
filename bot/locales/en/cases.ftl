## Case follow-up (/kasus), nudges and reminders.

command-kasus = My cases / area cases

status-baru = New
status-dikembalikan = Returned
status-diverifikasi = Verified
status-ditangani = Handled
status-dirujuk = Referred
status-selesai = Closed
status-dibuka_kembali = Reopened
filter-status-open = Status: open
filter-status-all = Status: all
filter-mine-open = Open
filter-mine-selesai = Closed
filter-mine-all = All
filter-urgency-all = Urgency: all
filter-kecamatan-all = Kecamatan: all

cases-list = 📂 <b>{ $total ->
        [1] { $total } case
       *[other] { $total } cases
    }</b> (page { $page }/{ $pages }). Press a case to open it.
cases-list-many = 📂 <b>More than { $cap } cases</b> (page { $page }). Press a case to open it.
cases-empty = No cases match.
cases-none = You have no open cases. To report a new one: /lapor
case-refused = That case was not found, or you are not allowed to open it.
case-changed = This case has changed since that button was made. Here is where it stands now.
case-updated = ✅ Saved.
case-updated-short = Saved.

case-detail =
    📁 <b>{ $number }</b> · { $status } · { $urgency }
    Category: { $category }
    Beneficiary: { $name } (NIK { $nik })
    Location: { $address }, { $kelurahan }, Kec. { $kecamatan }
    Reported by: { $reporter } · Photos: { $photos }
    What happened: { $description }
referrals-header = <b>Referrals</b>
referral-line = • { $sector }: { $outcome }
timeline-header = <b>History</b>
actor-bot = PSM Bot
event-note-suffix = : <i>{ $note }</i>
event-created = { $when } · { $who } reported the case
event-verify = { $when } · { $who } verified the case
event-return = { $when } · { $who } returned it with a question
event-answer = { $when } · { $who } answered
event-handle = { $when } · { $who } marked it as handled
event-refer = { $when } · { $who } referred it
event-outcome = { $when } · { $who } recorded a referral outcome
event-close = { $when } · { $who } closed the case
event-reopen = { $when } · { $who } reopened the case
event-note = { $when } · { $who } added a note
event-in_progress = { $when } · { $who } said it is still in progress
event-nudged = { $when } · follow-up reminder sent
event-escalated = { $when } · passed on to the coordinator (reminders not answered)
event-referral_reminded = { $when } · referral outcome reminder sent to the coordinator
event-repeat = { $when } · the same person was reported before; the coordinator has been told
event-reported_again = { $when } · the same person was reported again in a new case

case-linked-header = 🔁 <b>Other reports about the same person (same NIK):</b>
case-linked-line = • { $number } · { $status } · Kec. { $kecamatan }
case-linked-more = … and { $count } older reports
case-linked-elsewhere = 🔁 This person was reported before; the coordinator has been told.
cases-by-nik = 🔎 Cases with NIK { $nik } that you may see: { $total }. Press a case to open it.
cases-by-nik-none = 🔎 No case with NIK { $nik } that you may see.
event-handed_over = { $when } · { $who } handed the follow-up to another PSM

outcome-pending = awaiting outcome
outcome-accepted = accepted
outcome-rejected = rejected
outcome-done = handling completed
outcome-ask = Choose the outcome of the referral to { $sector }.

action-verify = ✅ Verify
action-return = ↩️ Return to the PSM with a question
action-answer = 💬 Answer the question
action-handle = 🛠️ Mark as handled
action-refer = 📤 Refer to another sector
action-close = ✔️ Close the case
action-reopen = 🔄 Reopen
action-note = 📝 Add a note / photo
action-outcome = 📥 Referral outcome: { $sector }
button-case-list = ⬅️ Case list
case-photo-caption = { $number } · { $note }
button-case-photos = 📷 View photos ({ $count })
button-open-case = 📁 Open case
button-sectors-done = ➡️ Continue

case-ask-note = Write a note on how the case is progressing, or send a voice note 🎤. You can also send photos or PDFs first.
case-ask-return = Write your question for the PSM who reported the case.
case-ask-answer = Write your answer for the coordinator, or send a voice note 🎤.
case-ask-close = Write the final outcome of the handling of this case.
case-ask-refer = Write a note for this referral (what is being asked of that sector).
case-ask-sectors = Which sector should it be referred to? You can choose more than one, then press Continue.
case-sectors-none = Choose at least one sector.
case-photo-added = 📷 Photo { $count } received. Write the note to save it.
case-input-cancelled = Cancelled; nothing was changed.
case-input-wrong = Please type your answer as text, or type /batal to cancel.
answer-note-short = Too short (at least { $min } characters).
answer-note-long = Too long ({ $length } characters, at most { $max }).

notice-verify = ✅ Case { $number } was verified by { $who }.
notice-return = ↩️ { $who } returned case { $number } with a question: <i>{ $note }</i>
notice-answer = 💬 PSM { $who } answered about case { $number }: <i>{ $note }</i>
notice-handle = 🛠️ Case { $number } was marked as handled by { $who }.
notice-refer = 📤 Case { $number } was referred by { $who }: <i>{ $note }</i>
notice-outcome = 📥 The referral outcome for case { $number } was recorded by { $who }: <i>{ $note }</i>
notice-close = ✔️ Case { $number } was closed by { $who }: <i>{ $note }</i>
notice-reopen = 🔄 Case { $number } was reopened by { $who }.
notice-note = 📝 { $who } added a note to case { $number }: <i>{ $note }</i>
notice-in_progress = ⏳ { $who }: case { $number } is still in progress.

nudged-message = ⏰ How is case <b>{ $number }</b> ({ $name }) progressing? Please let us know with the buttons below.
nudge-progress = 📝 Add an update
nudge-ongoing = ⏳ Still in progress
nudge-resolved = ✅ Already handled
escalated-message = ⚠️ There is no news on case <b>{ $number }</b> ({ $name }): PSM { $reporter } has not answered { $count } reminders. Please follow it up.
departed-nudge-message = ⏰ Case <b>{ $number }</b> ({ $name }) is due for follow-up, but PSM { $reporter } is no longer active. Please follow it up or hand it to another PSM.
referral-reminder = ⏰ The referral of case <b>{ $number }</b> to { $sector } still has no outcome after { $days ->
        [1] { $days } day
       *[other] { $days } days
    }. Please record the outcome.
draft-reminder = 📝 Your report is not finished. Type /lapor to continue from the last question, or /batal to cancel.

## Replies in context: a message outside any conversation goes to its case

event-answer_undone = { $when } · { $who } took their answer back
reply-answered = 💬 Sent as your answer to case <b>{ $number }</b>. Wrong case? Tap Undo within { $seconds } seconds.
reply-noted = 📝 Added to case <b>{ $number }</b>; the others on this case are told.
button-undo-answer = ↩️ Undo
reply-undone = ↩️ Undone: your answer to case <b>{ $number }</b> is withdrawn, the question is still waiting.
reply-undo-late = Too late to undo: the coordinator has it already. Add a note if you need to correct it.
reply-pick-case =
    { $count } coordinator questions are waiting for your answer. Which case is your message for?
reply-pick-case-again = Your message is still waiting: pick its case with the buttons below, or /batal if it is for none of them.
reply-dropped = All right, that message went to no case.
reply-case-closed = That case is closed, so your message was not added to it. If it needs reopening, ask its coordinator.
hint-psm = This message is not about any case. Type /lapor to report a new case, /kasus for your cases (reply to a case message to add a note), or /bantuan.
hint-coordinator = This message is not about any case. Type /kasus for your area's cases (reply to a case message to add a note), /rekap for statistics, or /bantuan.

## Closing with referrals still waiting

case-close-pending =
    { $count ->
        [1] The referral to { $sectors } has no outcome yet.
       *[other] { $count } referrals have no outcome yet: { $sectors }.
    } Close the case now?
button-close-anyway = ✔️ Close anyway
button-close-wait = ⏳ Wait for the referrals
button-case-history = 📜 Full history
case-history = 📜 <b>History of { $number }</b>
