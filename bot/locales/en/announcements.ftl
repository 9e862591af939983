## Announcements (/pengumuman), RSVP and attendance (/hadir)

command-pengumuman = Event announcements (coordinators)
command-hadir = Check in at an event

# weekday: 0 = Monday; month: 1-12.
announce-when = { $weekday ->
        [0] Monday
        [1] Tuesday
        [2] Wednesday
        [3] Thursday
        [4] Friday
        [5] Saturday
       *[6] Sunday
    }, { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }, { $time } { $zone }

## Menu and list

announce-menu = 📢 <b>Announcements</b>
    Announce an event to PSM, or see your announcements with their answers and attendance.
button-announce-new = ➕ New announcement
button-announce-list = 📋 My announcements
announce-not-allowed = Only coordinators and admins can make announcements.
announce-list = 📋 <b>Your announcements</b> (page { $page }/{ $pages }), latest event first. Choose one to see the PSM's answers and manage it.
announce-list-empty = No announcements yet. Tap the button below to make the first one.
announce-list-item = { $cancelled ->
        [true] ❌
       *[other] 🗓
    } { $date } · { $title }

## Composing

announce-intro = 📢 New announcement. Answer one question at a time; type /batal at any moment to cancel.
announce-ask-title = What is the event called? For example: <i>Elderly care training</i>
announce-ask-body =
    Write the announcement.
    To add a flyer, send a photo or a PDF file with the announcement as its caption.
announce-ask-start = When does the event start? Type the date and time ({ $zone }), for example: <code>{ $example }</code>
announce-ask-venue = Where is it? Write the place and its address.
announce-ask-audience = Who should receive this announcement?
button-announce-to-all = 👥 All active PSM
button-announce-to-mine = 👥 All PSM in my area
button-announce-to-pick = 📍 Choose kecamatan
button-announce-to-coordinators = 🧑‍💼 Coordinators only
announce-ask-kecamatan = Choose one or more kecamatan, then tap <b>Done</b>.
button-announce-kecamatan-done = ✔️ Done
announce-ask-send = When should it be sent? Tap <b>Send now</b>, or type the date and time to send it, for example: <code>{ $example }</code>
button-announce-send-now = 🚀 Send now
announce-preview-intro = 👀 Preview: this is the message recipients will get.
announce-preview =
    <b>Check before sending</b>
    Recipients: { $audience } ({ $count ->
        [one] one person
       *[other] { $count } people
    })
    Sending: { $send }

    Tap <b>Send</b> to schedule it, or <b>Cancel</b> to throw it away.
announce-send-immediately = as soon as you confirm
announce-send-now-done = starting now
button-announce-submit = ✅ Send
button-announce-discard = ❌ Cancel
announce-preview-only = This is only a preview; recipients will be able to tap this button.
announce-saved =
    ✅ The announcement is saved and will be sent to { $count ->
        [one] one person
       *[other] { $count } people
    }, { $send }.
    Attendance code: <code>{ $code }</code>. Show it at the event; attendees type <code>/hadir { $code }</code>.
button-announce-open = 📊 See answers
announce-discarded = Announcement thrown away; nothing was sent.
announce-resume = You are writing an announcement. Carry on below, or type /batal to throw it away.
announce-busy = Please finish what you are filling in first, or type /batal.

## Wrong answers while composing

announce-time-format = That date and time was not recognised. Write for example <code>15-12-2026 09:00</code>, <code>15/12 at 9</code>, <code>Tuesday 15 December 09.00</code> or <code>tomorrow 14.00</code>.
announce-time-invalid = That date does not exist in the calendar. Please check it.
announce-start-past = That time has already passed. The event must be in the future.
announce-start-far = That is more than a year away. Please check the year.
announce-send-past = That sending time has already passed. Tap <b>Send now</b> or type a time in the future.
announce-send-late = The announcement must go out before the event starts. Type an earlier time.
answer-announce-title-short = The title is too short (at least { $min } characters).
answer-announce-title-long = The title is too long ({ $length } characters, at most { $max }). Please shorten it.
answer-announce-body-short = The announcement is too short (at least { $min } characters).
answer-announce-body-long = The announcement is too long ({ $length } characters, at most { $max }). Please shorten it.
answer-announce-caption-short = The flyer arrived, but its caption is empty or too short (at least { $min } characters). Send the flyer again with the announcement as its caption.
answer-announce-caption-long = With a flyer, the announcement can have at most { $max } characters (it has { $length }). Shorten the caption, or send the text alone without a flyer.
answer-announce-venue-short = The place is too short (at least { $min } characters).
answer-announce-venue-long = The place is too long ({ $length } characters, at most { $max }). Please shorten it.
announce-need-text = Please type the answer as text.
announce-need-body = Please send the announcement as text, or a photo/PDF with the announcement as its caption.
announce-need-button = Please choose one of the buttons.
announce-command = Other commands cannot be used while writing an announcement. Finish it first, or type /batal.
announce-flyer-type = Only a photo or a PDF file can be attached.
announce-audience-empty = Choose at least one kecamatan.
announce-audience-nobody = Nobody active would receive it. Choose other recipients.
announce-audience-forbidden = You can only send announcements to the PSM of your own area.
announce-missing = One of the answers needs to be given again.

## What recipients receive

announcement-message =
    📢 <b>{ $title }</b>

    { $body }

    🗓 { $when }
    📍 { $venue }

    Will you attend? Choose below.
button-rsvp-yes = Attending
button-rsvp-no = Not attending
button-rsvp-chosen = ✅ { $label }
rsvp-saved-yes = Thank you! Your answer: attending. You can change it until the event starts.
rsvp-saved-no = Thank you! Your answer: not attending. You can change it until the event starts.
rsvp-refused-closed = The event has started, so the answer can no longer be changed.
rsvp-refused-cancelled = This event has been cancelled.
rsvp-refused-unknown = This announcement was not found.
rsvp-refused-inactive = Your account is inactive, so your answer cannot be recorded. Please contact your coordinator.
rsvp-refused-not-invited = This announcement was not addressed to you.
announce-reminder-day =
    ⏰ <b>Reminder: tomorrow</b>
    <b>{ $title }</b>
    🗓 { $when }
    📍 { $venue }

    Not answered yet, or want to change your answer? Choose below.
announce-reminder-hours =
    ⏰ <b>In 2 hours:</b> { $title }
    🗓 { $when }
    📍 { $venue }

    See you there!
announce-notice-rescheduled =
    🔁 <b>The event has moved:</b> { $title }
    Before: <s>{ $before }</s>
    Now: <b>{ $when }</b>
    📍 { $venue }

    If this changes whether you can attend, choose again below.
announce-notice-cancelled = ❌ <b>Event cancelled:</b> { $title } ({ $when }) will not take place. We apologise for the change.

## Attendance (/hadir)

checkin-usage = Type /hadir followed by the code the coordinator shows at the event, for example: <code>/hadir K7M2QX</code>
checkin-done = ✅ Your attendance at <b>{ $title }</b> is recorded. Thank you!
checkin-again = Your attendance at <b>{ $title }</b> was already recorded.
checkin-refused-unknown = That code is not known. Please check the code from the coordinator.
checkin-refused-not-invited = You were not among those invited to this event. Please contact your coordinator.
checkin-refused-cancelled = This event has been cancelled.
checkin-refused-inactive = Your account is inactive. Please contact your coordinator.
checkin-refused-not-today = Attendance can only be recorded on the day of the event: { $date }.

## Managing an announcement

announce-detail =
    📢 <b>{ $title }</b>
    🗓 { $when }
    📍 { $venue }
    👥 { $audience }
    📤 Sending: { $send }
    Status: { $status }
    🔑 Attendance code: <code>{ $code }</code>

    <b>Delivery</b>: { $sent } delivered, { $pending } waiting, { $blocked } blocked the bot, { $failed } failed
    <b>Answers</b>: { $yes } attending, { $no } not attending, { $unanswered } no answer
    <b>Checked in at the event</b>: { $attended }
announce-status-scheduled = scheduled
announce-status-sending = being sent
announce-status-delivered = delivered
announce-status-started = the event has started
announce-status-cancelled = ❌ cancelled
button-announce-refresh = 🔄 Refresh
button-announce-reschedule = 🕑 Change event time
button-announce-cancel = ❌ Cancel event
button-announce-export = 📥 Download list (Excel)
button-announce-back = ⬅️ My announcements
announce-confirm-cancel = Cancel <b>{ $title }</b>? Messages not yet sent are stopped, and those who received it will be told.
button-announce-cancel-yes = Yes, cancel it
button-announce-cancel-no = No
announce-cancelled = ❌ <b>{ $title }</b> is cancelled. { $told ->
        [one] One recipient was
       *[other] { $told } recipients were
    } told.
announce-ask-new-time = What is the new time of <b>{ $title }</b>? Type the date and time ({ $zone }), for example: <code>{ $example }</code>. Type /batal to leave it as it is.
announce-rescheduled = 🕑 <b>{ $title }</b> moved to { $when }. { $told ->
        [one] The one recipient who already had it was
       *[other] { $told } recipients who already had it were
    } told.
announce-reschedule-kept = The event time was not changed.
announce-refused-forbidden = You cannot manage this announcement.
announce-refused-cancelled = This announcement has been cancelled.
announce-refused-started = The event has started; it can no longer be changed.
announce-refused-before-send = The new time must be after the announcement is sent. Type a later time.

## RSVP spreadsheet

announce-export-caption = 📥 Answers for <b>{ $title }</b> ({ $count ->
        [one] one recipient
       *[other] { $count } recipients
    })
announce-export-name = Name
announce-export-kecamatan = Kecamatan
announce-export-kelurahan = Kelurahan
announce-export-delivery = Delivery
announce-export-answer = Answer
announce-export-answered = Answered at
announce-export-attended = Checked in
announce-delivery-pending = waiting
announce-delivery-sending = sending
announce-delivery-sent = delivered
announce-delivery-blocked = blocked the bot
announce-delivery-failed = failed
announce-delivery-cancelled = cancelled
rsvp-answer-yes = Attending
rsvp-answer-no = Not attending
rsvp-answer-none = No answer
