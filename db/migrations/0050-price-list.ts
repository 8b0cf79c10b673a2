import type { Migration } from './types.ts'

/**
 * The price list (价目表). Codes are unique without regard to letter case (the index is the lookup by
 * code); the name keeps pinyin keys for search. Money is integer fen; a floor never exceeds the list price.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'price-list',
  up(db) {
    db.exec(`
      CREATE TABLE price_items (
        id               INTEGER PRIMARY KEY,
        code             TEXT NOT NULL COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 30 AND code = trim(code)),
        name             TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
        name_pinyin      TEXT NOT NULL,
        name_initials    TEXT NOT NULL,
        category         TEXT NOT NULL CHECK (category IN ('treatment','consumable','anaesthesia','lab_test','inpatient','infusion','medicine')),
        unit             TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 10),
        list_price_fen   INTEGER NOT NULL CHECK (list_price_fen >= 0),
        floor_price_fen  INTEGER CHECK (floor_price_fen IS NULL OR floor_price_fen BETWEEN 0 AND list_price_fen),
        cost_fen         INTEGER CHECK (cost_fen IS NULL OR cost_fen >= 0),
        active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX price_items_code ON price_items (code COLLATE NOCASE);
      CREATE INDEX price_items_category ON price_items (category, code);
      CREATE INDEX price_items_pinyin ON price_items (name_pinyin);
      CREATE INDEX price_items_initials ON price_items (name_initials);
    `)
  },
}
