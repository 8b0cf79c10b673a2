import { vi } from 'vitest'
import type { FairnessRow } from '../../core/api/rotation.ts'
import type { DailyLog } from '../../core/api/visits.ts'
import type { VisitRow } from '../../core/domain/visit.ts'

/** "Today" in the reports tests: a Saturday, 22 November 2026, mid-morning local time. */
export const TODAY = new Date(2026, 10, 22, 10, 30)

/** Freezes Date only: timers stay real, so settle() and Element Plus keep working. */
export function freezeToday(): void {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(TODAY)
}

/** An ISO instant at a local wall-clock time of the test day. */
export const at = (hours: number, minutes: number) => new Date(2026, 10, 22, hours, minutes).toISOString()

export function visitRow(overrides: Partial<VisitRow> = {}): VisitRow {
  return {
    id: 1,
    clientId: 1,
    visitDate: '2026-11-22',
    type: 'first',
    queueNo: 'A001',
    channel: 'walk_in',
    designatedConsultantId: null,
    intendedCategory: null,
    consultantId: 1,
    assignedBy: 'rotation',
    status: 'done',
    statusAt: at(9, 30),
    outcome: 'deal',
    noDealReason: '',
    registeredAt: at(9, 5),
    version: 3,
    partnerStoreId: null,
    partnerReportId: null,
    assistConsultantId: null,
    assistedAt: null,
    clientName: '林晓雯',
    clientPhone: '13812340001',
    archiveNo: 'DA202600001',
    consultantName: '王静',
    designatedName: null,
    assistConsultantName: null,
    ...overrides,
  }
}

export function dailyLog(date = '2026-11-22'): DailyLog {
  return {
    date,
    visits: [
      visitRow(),
      visitRow({
        id: 2,
        clientId: 2,
        queueNo: 'A002',
        channel: 'online',
        consultantId: 2,
        consultantName: '李娜',
        designatedConsultantId: 2,
        designatedName: '李娜',
        assignedBy: 'designated',
        outcome: 'no_deal',
        noDealReason: '价格超出预算',
        registeredAt: at(9, 41),
        clientName: '黄丽娟',
        archiveNo: 'DA202600002',
      }),
      visitRow({
        id: 3,
        clientId: 3,
        type: 'returning',
        queueNo: 'B001',
        channel: 'phone',
        assignedBy: 'returning',
        status: 'consulting',
        outcome: null,
        registeredAt: at(14, 7),
        clientName: '张美玲',
        archiveNo: 'DA202500417',
      }),
      visitRow({
        id: 4,
        clientId: 4,
        queueNo: 'A003',
        consultantId: null,
        consultantName: null,
        assignedBy: null,
        status: 'waiting',
        outcome: null,
        registeredAt: at(15, 0),
        clientName: '何思琪',
        archiveNo: 'DA202600003',
      }),
    ],
    // The first visit's fee sheet was confirmed at ¥4,920.00.
    amounts: { 1: 492000 },
    totals: [
      { consultantId: 1, name: '王静', visits: 2, deals: 1, noDeals: 0, amountFen: 492000 },
      { consultantId: 2, name: '李娜', visits: 1, deals: 0, noDeals: 1, amountFen: 0 },
      { consultantId: null, name: '', visits: 1, deals: 0, noDeals: 0, amountFen: 0 },
    ],
  }
}

export function fairnessRow(overrides: Partial<FairnessRow> = {}): FairnessRow {
  return {
    memberId: 1,
    name: '王静',
    days: 20,
    rotationTurns: 30,
    rotation: 30,
    designated: 4,
    returning: 6,
    manual: 1,
    partner: 0,
    passes: 2,
    totalClients: 41,
    deals: 2,
    conversionRate: 2 / 3,
    ...overrides,
  }
}
