import type { ClientReferral } from '../core/api/rebates.ts'
import { stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

export type ReferralView = ClientReferral

const SELECT = `
  SELECT c.client_id AS clientId, c.referrer_id AS referrerId, r.name AS referrerName, c.salesperson_id AS salespersonId,
         s.name AS salespersonName, c.assigned_at AS assignedAt, c.assigned_by_name AS assignedByName, cl.name AS clientName
  FROM client_referrals c
  JOIN staff r ON r.id = c.referrer_id
  JOIN staff s ON s.id = c.salesperson_id
  JOIN clients cl ON cl.id = c.client_id`

export function getReferral(db: ReadableDb, clientId: number): ReferralView | undefined {
  return stmt(db, `${SELECT} WHERE c.client_id = ?`).get(clientId) as ReferralView | undefined
}

/** The referrals (of one salesperson, or all), newest assignment first. */
export function listReferrals(db: ReadableDb, salespersonId: number | undefined): ReferralView[] {
  return stmt(db, `${SELECT} WHERE (@salespersonId IS NULL OR c.salesperson_id = @salespersonId) ORDER BY c.assigned_at DESC, c.client_id DESC`).all({
    salespersonId: salespersonId ?? null,
  }) as ReferralView[]
}

/** Gives the client to a salesperson; a second assignment replaces the first (the audit log keeps both). */
export function upsertReferral(
  db: WritableDb,
  referral: { clientId: number; referrerId: number; salespersonId: number },
  by: { id: number | null; name: string },
  now: string,
): void {
  stmt(db,
    `INSERT INTO client_referrals (client_id, referrer_id, salesperson_id, assigned_at, assigned_by, assigned_by_name)
     VALUES (@clientId, @referrerId, @salespersonId, @now, @byId, @byName)
     ON CONFLICT (client_id) DO UPDATE SET referrer_id = excluded.referrer_id, salesperson_id = excluded.salesperson_id,
       assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by, assigned_by_name = excluded.assigned_by_name`,
  ).run({ ...referral, now, byId: by.id, byName: by.name })
}
