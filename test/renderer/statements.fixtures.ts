import type { RebateEntry, RebatePeriod, RebateStatement } from '../../core/api/rebates.ts'
import type { PartnerStore } from '../../core/domain/partnerStore.ts'
import { DEFAULT_REBATE_RATES } from '../../core/domain/rebateRates.ts'
import { statementTotals } from '../../core/domain/rebateStatement.ts'
import type { RebateLine } from '../../core/domain/rebateTypes.ts'
import { REBATE_FIGURES } from '../../core/domain/rebateTypes.ts'
import { staffMember } from './setup.ts'

/** The statements tests' "today": 4 December 2026, so November has ended and December has not. */
export const TODAY = new Date(2026, 11, 4, 10, 30)

export const SALESPEOPLE = [
  staffMember({ id: 7, name: '赵敏', role: 'marketing', hasPin: true }),
  staffMember({ id: 8, name: '孙倩', role: 'marketing', hasPin: true }),
]

export function partnerStore(overrides: Partial<PartnerStore> = {}): PartnerStore {
  return {
    id: 1,
    name: '丽人美容院',
    storeClass: 'ordinary',
    consultantId: null,
    consultantName: null,
    salespersonId: 7,
    salespersonName: '赵敏',
    agreementNo: 'XY-001',
    agreementText: '',
    photoMime: null,
    bank: { bankName: '', accountName: '', accountNo: '' },
    bankMasked: true,
    startDate: '2026-01-01',
    status: 'active',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  } as PartnerStore
}

export const STORES = [partnerStore(), partnerStore({ id: 2, name: '悦颜美甲', salespersonId: 8, salespersonName: '孙倩' })]

export function line(overrides: Partial<RebateLine> = {}): RebateLine {
  return {
    lineIndex: 0,
    code: 'S001',
    name: '双眼皮',
    category: 'treatment',
    quantity: 1,
    rule: 'store_share',
    chargedFen: 1_000_000,
    discountShareFen: 0,
    netFen: 1_000_000,
    excludedFen: 0,
    baseFen: 1_000_000,
    listFen: 1_000_000,
    shareFen: 500_000,
    ...overrides,
  }
}

const zeroFigures = Object.fromEntries(REBATE_FIGURES.map((f) => [f, 0])) as Record<(typeof REBATE_FIGURES)[number], number>

export function entry(overrides: Partial<RebateEntry> = {}): RebateEntry {
  return {
    ...zeroFigures,
    id: 1,
    period: '2026-11',
    kind: 'store_rebate',
    reversal: false,
    reversesPeriod: null,
    feeSheetId: 11,
    sheetNo: 'F20261105001',
    clientName: '林晓雯',
    visitDate: '2026-11-05',
    storeId: 1,
    storeName: '丽人美容院',
    salespersonId: 7,
    salespersonName: '赵敏',
    referrerId: null,
    referrerName: '',
    bookedAt: '2026-11-05T06:00:00.000Z',
    lines: [],
    exclusions: [],
    commissionFen: 0,
    referrerFen: 0,
    salespersonFen: 0,
    ...overrides,
  }
}

/**
 * November: a thread lift with its threads' cost kept out and anaesthesia excluded (丽人), a special-price
 * injection at 10% (悦颜), a referral commission, and the reversal of an October sheet of 丽人 voided in November.
 */
export function novemberEntries(): RebateEntry[] {
  const thread = line({ lineIndex: 0, code: 'S010', name: '埋线提升', netFen: 2_000_000, chargedFen: 2_000_000, listFen: 2_000_000, excludedFen: 300_000, baseFen: 1_700_000, shareFen: 850_000 })
  const anaesthesia = line({ lineIndex: 1, code: 'M001', name: '全麻', category: 'anaesthesia', rule: 'excluded', netFen: 200_000, chargedFen: 200_000, listFen: 200_000, excludedFen: 200_000, baseFen: 0, shareFen: 0 })
  const special = line({ lineIndex: 0, code: 'I005', name: '特价玻尿酸', category: 'treatment', rule: 'special_rate', netFen: 198_000, chargedFen: 198_000, listFen: 380_000, baseFen: 198_000, shareFen: 19_800 })
  return [
    entry({
      id: 1,
      lines: [thread, anaesthesia],
      exclusions: [
        { lineIndex: 0, code: 'S010', name: '埋线提升', reason: 'consumable_cost', excludedFen: 300_000 },
        { lineIndex: 1, code: 'M001', name: '全麻', reason: 'excluded_category', excludedFen: 200_000 },
      ],
      linesFen: 2_200_000,
      paidFen: 2_200_000,
      excludedFen: 500_000,
      baseFen: 1_700_000,
      standardBaseFen: 1_700_000,
      standardShareFen: 850_000,
      storeShareFen: 850_000,
    }),
    entry({
      id: 2,
      sheetNo: 'F20261112003',
      clientName: '周雨',
      visitDate: '2026-11-12',
      bookedAt: '2026-11-12T07:00:00.000Z',
      storeId: 2,
      storeName: '悦颜美甲',
      salespersonId: 8,
      salespersonName: '孙倩',
      lines: [special],
      linesFen: 198_000,
      paidFen: 198_000,
      baseFen: 198_000,
      specialRateBaseFen: 198_000,
      specialShareFen: 19_800,
      storeShareFen: 19_800,
    }),
    entry({
      id: 3,
      kind: 'referral',
      sheetNo: 'F20261115002',
      clientName: '钱多多',
      visitDate: '2026-11-15',
      bookedAt: '2026-11-15T03:00:00.000Z',
      storeId: null,
      storeName: '',
      referrerId: 3,
      referrerName: '李护士',
      paidFen: 600_000,
      commissionFen: 30_000,
      referrerFen: 15_000,
      salespersonFen: 15_000,
    }),
    entry({
      id: 4,
      reversal: true,
      reversesPeriod: '2026-10',
      sheetNo: 'F20261028004',
      clientName: '吴芳',
      visitDate: '2026-10-28',
      bookedAt: '2026-11-20T02:00:00.000Z',
      lines: [line({ chargedFen: -400_000, netFen: -400_000, listFen: -400_000, baseFen: -400_000, shareFen: -200_000 })],
      linesFen: -400_000,
      paidFen: -400_000,
      baseFen: -400_000,
      standardBaseFen: -400_000,
      standardShareFen: -200_000,
      storeShareFen: -200_000,
    }),
  ]
}

export const PERIODS: RebatePeriod[] = [
  { period: '2026-12', closed: false, closedAt: null, closedByName: '', entryCount: 0, shareFen: 0, commissionFen: 0 },
  { period: '2026-11', closed: false, closedAt: null, closedByName: '', entryCount: 4, shareFen: 669_800, commissionFen: 30_000 },
  { period: '2026-10', closed: true, closedAt: '2026-11-02T02:00:00.000Z', closedByName: '测试管理员', entryCount: 1, shareFen: 200_000, commissionFen: 0 },
]

/** A statement as the main process builds it: the entries narrowed to the query, the totals their sums. */
export function statementOf(query: { period: string; storeId?: number; salespersonId?: number }, all = novemberEntries(), periods = PERIODS): RebateStatement {
  const entries = query.period === '2026-11' ? all.filter((e) => (query.storeId === undefined || e.storeId === query.storeId) && (query.salespersonId === undefined || e.salespersonId === query.salespersonId)) : []
  const store = STORES.find((s) => s.id === query.storeId)
  const person = SALESPEOPLE.find((s) => s.id === query.salespersonId)
  const title = [store?.name, person ? `业务员 ${person.name}` : undefined].filter(Boolean).join(' · ') || '全院'
  const storeEntries = entries.filter((e) => e.kind === 'store_rebate').map((e) => ({ ...e, kind: e.reversal ? ('reversal' as const) : ('rebate' as const), specialPriceLines: [], rates: DEFAULT_REBATE_RATES }))
  return {
    period: periods.find((p) => p.period === query.period)!,
    scope: { storeId: store?.id ?? null, salespersonId: person?.id ?? null, title },
    entries,
    totals: statementTotals(storeEntries),
    commissionFen: entries.reduce((s, e) => s + e.commissionFen, 0),
  }
}
