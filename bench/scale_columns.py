"""The columns bench/scale_data.py fills, in the order its rows give them."""

USER_COLUMNS = ["id", "telegram_id", "full_name", "role", "status", "locale", "kelurahan_code",
                "kecamatan_code", "created_at"]  # fmt: skip
CASE_COLUMNS = [
    "id", "number", "draft_id", "reporter_id", "category_code", "beneficiary_name",
    "nik_encrypted", "nik_masked", "no_nik_reason", "sex", "birth_date", "age_years",
    "kecamatan_code", "kelurahan_code", "address", "latitude", "longitude", "description",
    "urgency", "status", "created_at", "updated_at", "last_activity_at", "next_nudge_at",
    "nudges_unanswered",
]  # fmt: skip
EVENT_COLUMNS = ["id", "case_id", "actor_id", "kind", "note", "data", "at"]
PHOTO_COLUMNS = ["id", "case_id", "file_id", "file_unique_id", "added_at"]
REFERRAL_COLUMNS = ["id", "case_id", "sector", "note", "referred_by_id", "referred_at",
                    "outcome", "outcome_by_id", "outcome_at", "next_nudge_at"]  # fmt: skip
ANNOUNCEMENT_COLUMNS = ["id", "draft_id", "code", "author_id", "title", "body", "photo_file_id",
                        "document_file_id", "starts_at", "venue", "audience", "send_at",
                        "status", "created_at"]  # fmt: skip
RSVP_COLUMNS = ["id", "announcement_id", "user_id", "answer", "answered_at"]
OUTBOX_COLUMNS = ["id", "kind", "campaign_id", "user_id", "chat_id", "payload", "status",
                  "priority", "attempts", "not_before", "last_error", "sent_at",
                  "telegram_message_id"]  # fmt: skip
DRAFT_COLUMNS = ["id", "telegram_id", "chat_id", "conversation", "step", "data", "started_at",
                 "updated_at", "reminded_at"]  # fmt: skip
