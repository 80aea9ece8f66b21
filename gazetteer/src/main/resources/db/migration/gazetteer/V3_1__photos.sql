-- Photos of place-name signs and protection-list entries, kept in the database with the records they
-- document (one backup, one transaction). The type is the one read from the file's magic bytes.
create table gazetteer.photo (
    photo_id     bigserial primary key,
    sign_id      bigint references gazetteer.sign on delete cascade,
    entry_id     bigint references gazetteer.protection_entry on delete cascade,
    content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    byte_size    integer not null check (byte_size > 0 and byte_size <= 5242880),
    sha256       text not null,
    bytes        bytea not null,
    caption      text,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null default now(),
    check (num_nonnulls(sign_id, entry_id) = 1)
);
create index photo_sign on gazetteer.photo (sign_id) where sign_id is not null;
create index photo_entry on gazetteer.photo (entry_id) where entry_id is not null;
