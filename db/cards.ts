import { cardStatus, type CardDeduction, type TreatmentCard, type TreatmentRecordRow } from '../core/domain/treatmentCard.ts'
import { pluckStmt, stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

/** Treatment cards (疗程卡) and their deductions (划扣): db/migrations/0130-treatment-cards.ts. */

interface CardRow {
  id: number
  client_id: number
  client_name: string | null
  fee_sheet_id: number
  sheet_no: string
  line_index: number
  item_id: number
  code: string
  name: string
  sessions_bought: number
  sessions_used: number
  bought_on: string
  expires_on: string
  voided: 0 | 1
  version: number
}

const CARDS = `
  SELECT t.id, t.client_id, c.name AS client_name, t.fee_sheet_id, f.sheet_no, t.line_index, t.item_id, t.code, t.name,
         t.sessions_bought, t.bought_on, t.expires_on, t.voided, t.version,
         (SELECT count(*) FROM card_deductions d WHERE d.card_id = t.id AND d.undone_at IS NULL) AS sessions_used
  FROM treatment_cards t
  JOIN fee_sheets f ON f.id = t.fee_sheet_id
  LEFT JOIN clients c ON c.id = t.client_id`

function rowToCard(row: CardRow, today: string): TreatmentCard {
  const base = {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name ?? '',
    feeSheetId: row.fee_sheet_id,
    sheetNo: row.sheet_no,
    lineIndex: row.line_index,
    itemId: row.item_id,
    code: row.code,
    name: row.name,
    sessionsBought: row.sessions_bought,
    sessionsUsed: row.sessions_used,
    sessionsLeft: Math.max(0, row.sessions_bought - row.sessions_used),
    boughtOn: row.bought_on,
    expiresOn: row.expires_on,
    voided: row.voided === 1,
    version: row.version,
  }
  return { ...base, status: cardStatus(base, today) }
}

export interface NewCard {
  clientId: number
  feeSheetId: number
  lineIndex: number
  itemId: number
  code: string
  name: string
  sessionsBought: number
  boughtOn: string
  expiresOn: string
}

export function insertCard(db: WritableDb, card: NewCard, now: string): number {
  const result = stmt(db,
    `INSERT INTO treatment_cards (client_id, fee_sheet_id, line_index, item_id, code, name, sessions_bought, bought_on, expires_on, created_at)
     VALUES (@clientId, @feeSheetId, @lineIndex, @itemId, @code, @name, @sessionsBought, @boughtOn, @expiresOn, @now)`,
  ).run({ ...card, now })
  return Number(result.lastInsertRowid)
}

/** The card with its status on `today`. */
export function getCard(db: ReadableDb, id: number, today: string): TreatmentCard | undefined {
  const row = stmt(db, `${CARDS} WHERE t.id = ?`).get(id) as CardRow | undefined
  return row && rowToCard(row, today)
}

/** A client's cards: the usable (active) ones first, then newest first. */
export function cardsOfClient(db: ReadableDb, clientId: number, today: string): TreatmentCard[] {
  const cards = (stmt(db, `${CARDS} WHERE t.client_id = ? ORDER BY t.id DESC`).all(clientId) as CardRow[]).map((row) => rowToCard(row, today))
  const usable = (c: TreatmentCard) => (c.status === 'active' ? 0 : 1)
  return cards.sort((a, b) => usable(a) - usable(b) || b.id - a.id)
}

/** A fee sheet's cards, in the order of its lines. */
export function cardsOfSheet(db: ReadableDb, feeSheetId: number, today: string): TreatmentCard[] {
  return (stmt(db, `${CARDS} WHERE t.fee_sheet_id = ? ORDER BY t.line_index`).all(feeSheetId) as CardRow[]).map((row) => rowToCard(row, today))
}

/** Marks a sheet's cards void (its void); returns the ids voided now. */
export function voidCardsOfSheet(db: WritableDb, feeSheetId: number): number[] {
  const rows = stmt(db, 'UPDATE treatment_cards SET voided = 1, version = version + 1 WHERE fee_sheet_id = ? AND voided = 0 RETURNING id').all(feeSheetId) as { id: number }[]
  return rows.map((r) => r.id)
}

/** Bumps the card's version if it is still `expectedVersion`; false when another write came first. */
export function bumpCardVersion(db: WritableDb, id: number, expectedVersion: number): boolean {
  return stmt(db, 'UPDATE treatment_cards SET version = version + 1 WHERE id = ? AND version = ?').run(id, expectedVersion).changes === 1
}

// ---------------------------------------------------------------------------------------------------
// Deductions
// ---------------------------------------------------------------------------------------------------

interface DeductionRow {
  id: number
  card_id: number
  session_no: number
  at: string
  nurse_id: number
  nurse_name: string | null
  doctor_id: number | null
  doctor_name: string | null
  body_area: string
  assistant_id: number | null
  assistant_name: string | null
  note: string
  by_name: string
  undone_at: string | null
  undone_by_name: string
  undo_reason: string
}

const DEDUCTIONS = `
  SELECT d.*, n.name AS nurse_name, doc.name AS doctor_name, asst.name AS assistant_name
  FROM card_deductions d
  LEFT JOIN staff n ON n.id = d.nurse_id
  LEFT JOIN staff doc ON doc.id = d.doctor_id
  LEFT JOIN staff asst ON asst.id = d.assistant_id`

function rowToDeduction(row: DeductionRow): CardDeduction {
  return {
    id: row.id,
    cardId: row.card_id,
    sessionNo: row.session_no,
    at: row.at,
    nurseId: row.nurse_id,
    nurseName: row.nurse_name ?? '',
    doctorId: row.doctor_id,
    doctorName: row.doctor_name ?? '',
    bodyArea: row.body_area,
    assistantId: row.assistant_id,
    assistantName: row.assistant_name ?? '',
    note: row.note,
    byName: row.by_name,
    undone: row.undone_at !== null,
    undoneAt: row.undone_at,
    undoneByName: row.undone_by_name,
    undoReason: row.undo_reason,
  }
}

export interface NewDeduction {
  cardId: number
  nurseId: number
  doctorId: number | null
  assistantId: number | null
  bodyArea: string
  note: string
  at: string
  byId: number | null
  byName: string
}

/** Records a deduction as the card's next session number (undone ones counted); returns its id. */
export function insertDeduction(db: WritableDb, d: NewDeduction): number {
  const sessionNo = (pluckStmt(db, 'SELECT count(*) FROM card_deductions WHERE card_id = ?').get(d.cardId) as number) + 1
  const result = stmt(db,
    `INSERT INTO card_deductions (card_id, session_no, at, nurse_id, doctor_id, assistant_id, body_area, note, by_id, by_name)
     VALUES (@cardId, @sessionNo, @at, @nurseId, @doctorId, @assistantId, @bodyArea, @note, @byId, @byName)`,
  ).run({ ...d, sessionNo })
  return Number(result.lastInsertRowid)
}

export function getDeduction(db: ReadableDb, id: number): CardDeduction | undefined {
  const row = stmt(db, `${DEDUCTIONS} WHERE d.id = ?`).get(id) as DeductionRow | undefined
  return row && rowToDeduction(row)
}

/** Every deduction of a card, undone ones too, newest first. */
export function deductionsOfCard(db: ReadableDb, cardId: number): CardDeduction[] {
  return (stmt(db, `${DEDUCTIONS} WHERE d.card_id = ? ORDER BY d.session_no DESC`).all(cardId) as DeductionRow[]).map(rowToDeduction)
}

/**
 * The client's treatment record (病历档案): every deduction of every card of theirs, undone ones too, newest
 * first, each with its card's item and sessions bought; one query (the cards by client, then each card's
 * deductions by its unique key).
 */
export function treatmentRecordOfClient(db: ReadableDb, clientId: number): TreatmentRecordRow[] {
  const rows = stmt(db,
    `SELECT d.*, n.name AS nurse_name, doc.name AS doctor_name, asst.name AS assistant_name, t.code, t.name, t.sessions_bought
     FROM treatment_cards t
     JOIN card_deductions d ON d.card_id = t.id
     LEFT JOIN staff n ON n.id = d.nurse_id
     LEFT JOIN staff doc ON doc.id = d.doctor_id
     LEFT JOIN staff asst ON asst.id = d.assistant_id
     WHERE t.client_id = ?
     ORDER BY d.at DESC, d.id DESC`,
  ).all(clientId) as (DeductionRow & { code: string; name: string; sessions_bought: number })[]
  return rows.map((row) => ({ ...rowToDeduction(row), code: row.code, name: row.name, sessionsBought: row.sessions_bought }))
}

/** Marks a deduction undone; false when it already was. */
export function undoDeduction(db: WritableDb, id: number, at: string, byName: string, reason: string): boolean {
  return stmt(db, 'UPDATE card_deductions SET undone_at = ?, undone_by_name = ?, undo_reason = ? WHERE id = ? AND undone_at IS NULL').run(at, byName, reason, id).changes === 1
}
