import type { LedgerEntry, LedgerKind, TopUpMethod } from '../core/domain/storedValue.ts'
import { pluckStmt, stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

/** The stored-value ledger (储值): db/migrations/0140-stored-value.ts. Rows are only ever inserted. */

interface EntryRow {
  id: number
  client_id: number
  kind: LedgerKind
  amount_fen: number
  method: TopUpMethod | null
  fee_sheet_id: number | null
  sheet_no: string | null
  note: string
  at: string
  by_name: string
}

/** The client's balance: the sum of the ledger. */
export function balanceOf(db: ReadableDb, clientId: number): number {
  return pluckStmt(db, 'SELECT coalesce(sum(amount_fen), 0) FROM stored_value_ledger WHERE client_id = ?').get(clientId) as number
}

/** The client's entries in ledger order (oldest first), each with the running balance right after it. */
export function entriesOf(db: ReadableDb, clientId: number): LedgerEntry[] {
  const rows = stmt(db,
    `SELECT l.id, l.client_id, l.kind, l.amount_fen, l.method, l.fee_sheet_id, f.sheet_no, l.note, l.at, l.by_name
     FROM stored_value_ledger l LEFT JOIN fee_sheets f ON f.id = l.fee_sheet_id
     WHERE l.client_id = ? ORDER BY l.id`,
  ).all(clientId) as EntryRow[]
  let balance = 0
  return rows.map((r) => {
    balance += r.amount_fen
    return {
      id: r.id,
      clientId: r.client_id,
      kind: r.kind,
      amountFen: r.amount_fen,
      balanceFen: balance,
      method: r.method,
      feeSheetId: r.fee_sheet_id,
      sheetNo: r.sheet_no,
      note: r.note,
      at: r.at,
      byName: r.by_name,
    }
  })
}

/** The stored-value payment of a sheet (a negative amount), if it has one. */
export function paymentOfSheet(db: ReadableDb, feeSheetId: number, kind: 'payment' | 'payment_reversal' = 'payment'): { clientId: number; amountFen: number } | undefined {
  const row = stmt(db, 'SELECT client_id, amount_fen FROM stored_value_ledger WHERE fee_sheet_id = ? AND kind = ?').get(feeSheetId, kind) as
    | { client_id: number; amount_fen: number }
    | undefined
  return row && { clientId: row.client_id, amountFen: row.amount_fen }
}

export interface NewEntry {
  clientId: number
  kind: LedgerKind
  /** Signed as the kind wants (the table refuses the wrong sign). */
  amountFen: number
  method: TopUpMethod | null
  feeSheetId: number | null
  note: string
  at: string
  byId: number | null
  byName: string
}

export function insertEntry(db: WritableDb, entry: NewEntry): number {
  const result = stmt(db,
    `INSERT INTO stored_value_ledger (client_id, kind, amount_fen, method, fee_sheet_id, note, at, by_id, by_name)
     VALUES (@clientId, @kind, @amountFen, @method, @feeSheetId, @note, @at, @byId, @byName)`,
  ).run(entry)
  return Number(result.lastInsertRowid)
}
