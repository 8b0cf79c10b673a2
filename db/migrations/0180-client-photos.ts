import type { Migration } from './types.ts'

/**
 * Clinical photos (术前照 / 术后照), DOMAIN.md "After the deal", core/domain/clientPhoto.ts:
 * - client_photos: one row per imported picture. The picture itself is a file under the app's data folder
 *   (`photos/<rel_path>`, laid out by client and date); the row keeps its SHA-256 and size so a backup and a
 *   restore can tell the file is the one imported. The same picture is imported once per client (UNIQUE).
 *   A photo is never deleted: an administrator may hide it with a reason (removed_*), the file stays.
 */
export const migration0180: Migration = {
  version: 180,
  name: 'client-photos',
  up(db) {
    db.exec(`
      CREATE TABLE client_photos (
        id               INTEGER PRIMARY KEY,
        client_id        INTEGER NOT NULL REFERENCES clients (id),
        card_id          INTEGER REFERENCES treatment_cards (id),
        kind             TEXT NOT NULL CHECK (kind IN ('before','after','other')),
        taken_on         TEXT NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        rel_path         TEXT NOT NULL UNIQUE CHECK (length(rel_path) BETWEEN 1 AND 200 AND rel_path NOT GLOB '*..*' AND substr(rel_path, 1, 1) <> '/'),
        mime             TEXT NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp')),
        bytes            INTEGER NOT NULL CHECK (bytes > 0),
        sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        original_name    TEXT NOT NULL DEFAULT '' CHECK (length(original_name) <= 200),
        note             TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        created_at       TEXT NOT NULL,
        created_by_name  TEXT NOT NULL DEFAULT '',
        removed_at       TEXT,
        removed_by_name  TEXT NOT NULL DEFAULT '',
        remove_reason    TEXT NOT NULL DEFAULT '',
        UNIQUE (client_id, sha256),
        CHECK ((removed_at IS NULL) = (remove_reason = ''))
      ) STRICT;
      CREATE INDEX client_photos_by_client ON client_photos (client_id, taken_on, id);

      CREATE TRIGGER client_photos_no_delete BEFORE DELETE ON client_photos
      BEGIN SELECT RAISE(ABORT, 'photos are never deleted'); END;
      -- Only hiding (once) and the kind, note and card may change; the file's identity never does.
      CREATE TRIGGER client_photos_file_fixed BEFORE UPDATE ON client_photos
      WHEN OLD.removed_at IS NOT NULL
        OR NEW.client_id IS NOT OLD.client_id OR NEW.rel_path IS NOT OLD.rel_path OR NEW.sha256 IS NOT OLD.sha256
        OR NEW.bytes IS NOT OLD.bytes OR NEW.mime IS NOT OLD.mime OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'a photo file is fixed once imported'); END;
    `)
  },
}
