import type { ConsultationPayload, ConsultationSheet } from '../../core/domain/consultation.ts'
import { emptyPayload } from '../../core/domain/consultation.ts'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import { sheetTotals } from '../../core/fees/compute.ts'
import type { Discount, FeeLine } from '../../core/fees/types.ts'
import { capitalAmount } from '../../core/money/index.ts'
import { Refusal } from './fakeBridge.ts'
import type { Harness } from './setup.ts'

/** Shared fakes of the fee-sheet and consultation tests (feeSheetPage, feeSheetPrint, consultationPage, feeForm). */

/** 光子嫩肤 at ¥1,280.00 with a floor of ¥1,024.00 a session. */
export const photoLine: FeeLine = {
  itemId: 11,
  code: 'T001',
  name: '光子嫩肤（全面部）',
  unit: '次',
  category: 'treatment',
  unitPrice: 128000,
  floorPrice: 102400,
  quantity: 1,
  discount: null,
}

/** Two PPDO threads at ¥300.50 each, no floor. */
export const threadLine: FeeLine = {
  itemId: 12,
  code: 'C002',
  name: 'PPDO埋线线材',
  unit: '根',
  category: 'consumable',
  unitPrice: 30050,
  floorPrice: null,
  quantity: 2,
  discount: null,
}

/** A stored fee sheet whose totals and capital amount are worked out from its content, as main does. */
export function feeSheet(overrides: Partial<FeeSheet> = {}): FeeSheet {
  const base: FeeSheet = {
    id: 7,
    sheetNo: 'SF2026-000007',
    visitId: 31,
    clientId: 42,
    consultationSheetId: 5,
    replacesId: null,
    replacedById: null,
    status: 'draft',
    revision: 1,
    client: { name: '林晓雯', archiveNo: 'K0042', gender: 'female', age: 35, phone: '13912340001' },
    consultantName: '陈晓',
    doctorName: '李医生',
    visitDate: '2026-03-01',
    queueNo: 'A012',
    lines: structuredClone([photoLine, threadLine]),
    sheetDiscount: null,
    roundDown: 'none',
    deposits: [],
    payments: [],
    note: '',
    totals: undefined as never,
    capitalAmount: '',
    floorOverride: null,
    confirmedAt: null,
    confirmedBy: null,
    paidAt: null,
    paidBy: null,
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
    printCount: 0,
    createdAt: '2026-03-01T02:00:00.000Z',
    createdBy: '陈晓',
    updatedAt: '2026-03-01T02:00:00.000Z',
    updatedBy: '陈晓',
    ...overrides,
  }
  return withTotals(base)
}

/** The sheet with totals and capital amount recomputed from its lines, discounts, deposits and payments. */
export function withTotals(sheet: FeeSheet): FeeSheet {
  const result = sheetTotals({
    lines: sheet.lines,
    sheetDiscount: sheet.sheetDiscount,
    roundDown: sheet.roundDown,
    deposits: sheet.deposits.map((d) => d.fen),
    payments: sheet.payments.map((p) => ({ method: p.method, fen: p.fen })),
  })
  if (!result.ok) throw new Error(`fixture sheet does not add up: ${JSON.stringify(result.errors)}`)
  return { ...sheet, totals: result.value, capitalAmount: capitalAmount(result.value.total, { prefix: true }) }
}

interface DraftCall {
  id: number
  expectedRevision: number
  lines: { itemId: number; quantity: number; discount: Discount | null }[]
  sheetDiscount: Discount | null
  roundDown: FeeSheet['roundDown']
  deposits: { fen: number; note: string }[]
  note: string
}

/**
 * A fake fees service over one stored sheet: get, saveDraft (keeps each item's snapshot, bumps the revision,
 * refuses a stale revision), confirm and pay. Returns the live record so a test can look at what was stored.
 */
export function serveFees(harness: Harness, initial: FeeSheet): { stored: FeeSheet } {
  const state = { stored: structuredClone(initial) }
  const h = harness.bridge.handlers
  h['fees.get'] = ({ id }: { id: number }) =>
    id === state.stored.id ? structuredClone(state.stored) : new Refusal({ code: 'not_found', message: `找不到缴费明细单 ${id}` })
  h['fees.saveDraft'] = (input: DraftCall) => {
    if (input.expectedRevision !== state.stored.revision) return new Refusal({ code: 'conflict', message: '明细单已在其他窗口修改' })
    const snapshot = new Map(state.stored.lines.map((l) => [l.itemId, l]))
    const lines = input.lines.map((l) => ({ ...(snapshot.get(l.itemId) as FeeLine), quantity: l.quantity, discount: l.discount }))
    const { id: _id, expectedRevision: _rev, ...content } = input
    state.stored = withTotals({ ...state.stored, ...content, lines, revision: state.stored.revision + 1 })
    return structuredClone(state.stored)
  }
  h['fees.confirm'] = (input: { expectedRevision: number; floorOverrideReason?: string }) => {
    const at = '2026-03-01T03:00:00.000Z'
    const floorOverride = input.floorOverrideReason ? { by: '管理员', at, reason: input.floorOverrideReason } : null
    state.stored = { ...state.stored, status: 'confirmed', revision: state.stored.revision + 1, confirmedAt: at, confirmedBy: '陈晓', floorOverride }
    return structuredClone(state.stored)
  }
  h['fees.pay'] = (input: { payments: { method: FeeSheet['payments'][number]['method']; fen: number }[] }) => {
    const at = '2026-03-01T04:00:00.000Z'
    const payments = input.payments.map((p) => ({ ...p, at, by: '前台小王' }))
    state.stored = withTotals({ ...state.stored, status: 'paid', payments, paidAt: at, paidBy: '前台小王' })
    return structuredClone(state.stored)
  }
  return state
}

/** A consultation payload with every field the print needs. */
export function completePayload(overrides: Partial<ConsultationPayload['client']> = {}): ConsultationPayload {
  const payload = emptyPayload()
  payload.client = { ...payload.client, name: '林晓雯', gender: 'female', age: 35, phone: '13912340001', occupation: '教师', archiveNo: 'K0042', ...overrides }
  payload.visit = { ...payload.visit, date: '2026-03-01', queueNo: 'A012', channel: 'referral', consultantId: 3, consultantName: '陈晓' }
  payload.concerns.goals = '改善肤色暗沉'
  payload.plan = [
    { itemId: 11, code: 'T001', name: '光子嫩肤（全面部）', unit: '次', unitPriceFen: 128000, quantity: 1, note: '' },
    { itemId: null, code: '', name: '自带产品导入', unit: '次', unitPriceFen: 20000, quantity: 1, note: '' },
  ]
  return payload
}

export function consultationSheet(overrides: Partial<ConsultationSheet> = {}): ConsultationSheet {
  return {
    id: 5,
    visitId: 31,
    clientId: 42,
    sheetNo: 'ZX2026-000005',
    version: 1,
    status: 'draft',
    revision: 1,
    payload: completePayload(),
    createdAt: '2026-03-01T02:00:00.000Z',
    createdBy: '陈晓',
    updatedAt: '2026-03-01T02:00:00.000Z',
    updatedBy: '陈晓',
    printedAt: null,
    printedBy: null,
    ...overrides,
  }
}

/** Makes the harness's bridge the web preview's (printing through window.print) or the app's. */
export function setPreview(harness: Harness, preview: boolean): void {
  ;(harness.bridge as { preview: boolean }).preview = preview
}
