import type { CardDeduction, TreatmentCard, TreatmentRecordRow } from '../../core/domain/treatmentCard.ts'

/** A treatment card and a deduction as the main process returns them, for the cards' component tests. */
export function card(overrides: Partial<TreatmentCard> = {}): TreatmentCard {
  return {
    id: 11,
    clientId: 42,
    clientName: '林晓雯',
    feeSheetId: 3,
    sheetNo: 'F20261204-001',
    lineIndex: 0,
    itemId: 21,
    code: 'P001',
    name: '光子嫩肤',
    sessionsBought: 5,
    sessionsUsed: 2,
    sessionsLeft: 3,
    boughtOn: '2026-12-01',
    expiresOn: '2099-12-01',
    voided: false,
    status: 'active',
    version: 3,
    ...overrides,
  }
}

export function deduction(overrides: Partial<CardDeduction> = {}): CardDeduction {
  return {
    id: 100,
    cardId: 11,
    sessionNo: 3,
    at: '2026-12-04T06:09:00.000Z',
    nurseId: 5,
    nurseName: '护士小李',
    doctorId: 8,
    doctorName: '刘医生',
    bodyArea: '全脸',
    assistantId: null,
    assistantName: '',
    note: '右脸颊',
    byName: '测试管理员',
    undone: false,
    undoneAt: null,
    undoneByName: '',
    undoReason: '',
    ...overrides,
  }
}

/** A line of the treatment record (病历档案): a deduction with its card's item. */
export function recordRow(overrides: Partial<TreatmentRecordRow> = {}): TreatmentRecordRow {
  return { ...deduction(), code: 'P001', name: '光子嫩肤', sessionsBought: 5, ...overrides }
}
