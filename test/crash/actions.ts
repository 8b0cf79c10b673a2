/**
 * The crash worker's desk: picks the next write from what the database holds now (so a restarted worker
 * carries on where the killed one stopped) and a seeded random choice.
 */
import { int, pick, type Rng } from '../../bench/prng.ts'
import type { MethodInput } from '../../core/api/contract.ts'
import type { VisitStatus, VisitType } from '../../core/domain/visit.ts'
import { loadBoardState } from '../../db/rotation.ts'
import { pluckStmt, stmt } from '../../db/statements.ts'
import type { ReadableDb } from '../../db/types.ts'

export const CONSULTANTS = 4
export const PRICE_ITEMS = 4
/** Registrations a day; then the desk closes the day and the clock moves to the next morning. */
export const VISITS_PER_DAY = 40

export const WRITE_METHODS = [
  'staff.create',
  'prices.create',
  'rotation.open',
  'visits.register',
  'visits.setStatus',
  'visits.assign',
  'fees.create',
  'fees.saveDraft',
  'fees.confirm',
  'fees.pay',
] as const
export type WriteMethod = (typeof WRITE_METHODS)[number]

export type Action = { [M in WriteMethod]: { method: M; input: MethodInput<M> } }[WriteMethod]

/** Where a visit may go next at this desk (a subset of core/domain/visit.ts's flow). */
const FLOW: Partial<Record<VisitStatus, readonly VisitStatus[]>> = {
  waiting: ['called', 'consulting'],
  called: ['consulting'],
  consulting: ['billing', 'billing', 'done', 'with_doctor'],
  with_doctor: ['billing'],
  billing: ['treatment', 'done'],
  treatment: ['done'],
}

interface OpenVisit {
  id: number
  type: VisitType
  status: VisitStatus
  version: number
  consultantId: number | null
}

interface DraftSheet {
  id: number
  revision: number
  lines: number
}

const count = (db: ReadableDb, sql: string, ...params: unknown[]) => pluckStmt(db, sql).get(...params) as number

/** The setup writes still missing (consultants, price list, today's board), first one first. */
function setupAction(db: ReadableDb, today: string): Action | null {
  const staff = count(db, "SELECT count(*) FROM staff WHERE role = 'consultant'")
  if (staff < CONSULTANTS) {
    return { method: 'staff.create', input: { name: `咨询师${staff + 1}`, role: 'consultant', phone: '', room: `${staff + 1}号室`, skills: [] } }
  }
  const items = count(db, 'SELECT count(*) FROM price_items')
  if (items < PRICE_ITEMS) {
    const n = items + 1
    return { method: 'prices.create', input: { code: `CR${n}`, name: `项目${n}`, category: 'treatment', unit: '次', listPriceFen: 9_880 * n + 35 } }
  }
  if (count(db, "SELECT count(*) FROM rotation_events WHERE board_date = ? AND board_kind = 'consultant' AND type = 'opened'", today) === 0) {
    const memberIds = pluckStmt(db, "SELECT id FROM staff WHERE role = 'consultant' ORDER BY id").all() as number[]
    return { method: 'rotation.open', input: { memberIds } }
  }
  return null
}

function registerAction(db: ReadableDb, rng: Rng, today: string): Action {
  const r = rng()
  const type: VisitType = r < 0.7 ? 'first' : r < 0.85 ? 'returning' : 'review'
  if (type === 'returning') {
    // A client with a consultant of their own (seen on a first visit) who has not been here today.
    const clientId = pluckStmt(db,
      `SELECT id FROM clients c WHERE own_consultant_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.client_id = c.id AND v.visit_date = ?)
       ORDER BY id LIMIT 1 OFFSET ?`,
    ).get(today, int(rng, 0, 20)) as number | undefined
    if (clientId !== undefined) return { method: 'visits.register', input: { clientId, type, assign: true } }
  }
  const n = count(db, 'SELECT coalesce(max(id), 0) FROM clients') + 1
  const phone = `139${String(n).padStart(8, '0')}`
  return { method: 'visits.register', input: { newClient: { name: `顾客${n}`, phone }, type: type === 'returning' ? 'first' : type, assign: true } }
}

function openVisitsOf(db: ReadableDb, today: string): OpenVisit[] {
  return stmt(db,
    `SELECT id, type, status, version, consultant_id AS consultantId FROM visits
     WHERE visit_date = ? AND status NOT IN ('done','left','cancelled') ORDER BY id`,
  ).all(today) as OpenVisit[]
}

/** A status move of one of today's open visits; once the day is full, unassigned clients give up and leave. */
function moveAction(rng: Rng, visits: readonly OpenVisit[], dayFull: boolean): Action | null {
  const waitsForNobody = (v: OpenVisit) => v.consultantId === null && v.type !== 'review' && (v.status === 'waiting' || v.status === 'called')
  const movable = visits.filter((v) => !waitsForNobody(v) || dayFull)
  if (movable.length === 0) return null
  const visit = pick(rng, movable)
  const status: VisitStatus = waitsForNobody(visit) ? 'left' : pick(rng, FLOW[visit.status] ?? ['done'])
  return { method: 'visits.setStatus', input: { visitId: visit.id, expectedVersion: visit.version, status } }
}

function assignAction(db: ReadableDb, rng: Rng, today: string, visits: readonly OpenVisit[]): Action | null {
  const unassigned = visits.filter((v) => v.consultantId === null && v.type !== 'review' && v.status === 'waiting')
  if (unassigned.length === 0) return null
  const board = loadBoardState(db, today, 'consultant').board
  if (!board?.members.some((m) => m.status === 'available')) return null
  const visit = pick(rng, unassigned)
  return { method: 'visits.assign', input: { visitId: visit.id, expectedVersion: visit.version } }
}

/** The next step of one of today's fee sheets: a draft for a billed visit, its lines, the confirmation, payment. */
function feeAction(db: ReadableDb, rng: Rng, today: string): Action | null {
  const unbilled = pluckStmt(db,
    `SELECT v.id FROM visits v WHERE v.visit_date = ?
       AND EXISTS (SELECT 1 FROM visit_status_log l WHERE l.visit_id = v.id AND l.status = 'billing')
       AND NOT EXISTS (SELECT 1 FROM fee_sheets s WHERE s.visit_id = v.id)`,
  ).all(today) as number[]
  const drafts = stmt(db,
    `SELECT s.id, s.revision, (SELECT count(*) FROM fee_sheet_lines l WHERE l.sheet_id = s.id) AS lines
     FROM fee_sheets s WHERE s.visit_date = ? AND s.status = 'draft'`,
  ).all(today) as DraftSheet[]
  const confirmed = stmt(db, "SELECT id, payable_fen AS payable FROM fee_sheets WHERE visit_date = ? AND status = 'confirmed'").all(today) as { id: number; payable: number }[]
  const choices: (() => Action)[] = []
  if (unbilled.length > 0) choices.push(() => ({ method: 'fees.create', input: { visitId: pick(rng, unbilled) } }))
  const empty = drafts.filter((d) => d.lines === 0)
  if (empty.length > 0) choices.push(() => saveDraftAction(db, rng, pick(rng, empty)))
  const filled = drafts.filter((d) => d.lines > 0)
  if (filled.length > 0) {
    choices.push(() => {
      const sheet = pick(rng, filled)
      return { method: 'fees.confirm', input: { id: sheet.id, expectedRevision: sheet.revision } }
    })
  }
  if (confirmed.length > 0) {
    choices.push(() => {
      const sheet = pick(rng, confirmed)
      return { method: 'fees.pay', input: { id: sheet.id, payments: [{ method: 'cash', fen: sheet.payable }] } }
    })
  }
  return choices.length === 0 ? null : pick(rng, choices)()
}

/** One to three lines, with now and then a line discount, a whole-sheet discount, 抹零 or a deposit. */
function saveDraftAction(db: ReadableDb, rng: Rng, sheet: DraftSheet): Action {
  const items = pluckStmt(db, 'SELECT id FROM price_items ORDER BY id').all() as number[]
  const chosen = items.filter(() => rng() < 0.5)
  const lines = (chosen.length > 0 ? chosen.slice(0, 3) : [pick(rng, items)]).map((itemId) => ({
    itemId,
    quantity: int(rng, 1, 3),
    discount: rng() < 0.3 ? { kind: 'rate' as const, percent: 85.5 } : null,
  }))
  return {
    method: 'fees.saveDraft',
    input: {
      id: sheet.id,
      expectedRevision: sheet.revision,
      lines,
      sheetDiscount: rng() < 0.3 ? { kind: 'amount', fen: 733 } : null,
      roundDown: rng() < 0.4 ? 'jiao' : 'none',
      deposits: rng() < 0.3 ? [{ fen: 1_000, note: '预约定金' }] : [],
    },
  }
}

const WEIGHTS = { register: 3, move: 4, assign: 1, fee: 3 } as const

/** The next write of the desk, or null when the day is closed (full, nobody left, every sheet settled). */
export function nextAction(db: ReadableDb, rng: Rng, today: string): Action | null {
  const setup = setupAction(db, today)
  if (setup) return setup
  const visits = openVisitsOf(db, today)
  const dayFull = count(db, 'SELECT count(*) FROM visits WHERE visit_date = ?', today) >= VISITS_PER_DAY
  const candidates: [number, () => Action | null][] = [
    [dayFull ? 0 : WEIGHTS.register, () => registerAction(db, rng, today)],
    [WEIGHTS.move, () => moveAction(rng, visits, dayFull)],
    [WEIGHTS.assign, () => assignAction(db, rng, today, visits)],
    [WEIGHTS.fee, () => feeAction(db, rng, today)],
  ]
  // Try the kinds in a weighted random order until one has something to do.
  let left = candidates.filter(([weight]) => weight > 0)
  while (left.length > 0) {
    const index = weightedIndex(rng, left.map(([weight]) => weight))
    const action = (left[index] as [number, () => Action | null])[1]()
    if (action) return action
    left = left.filter((_, i) => i !== index)
  }
  return null
}

function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let r = rng() * weights.reduce((sum, w) => sum + w, 0)
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number
    if (r < 0) return i
  }
  return weights.length - 1
}
