import { describe, expect, it } from 'vitest'
import {
  addMonths,
  bankFor,
  filingDeadline,
  maskAccountNo,
  missingFiling,
  photoMimeOf,
  reportMatchesOn,
  reportValidUntil,
  storeReminders,
  type ReminderStore,
} from '../../../core/domain/partnerStore.ts'
import { clinicSettingsSchema, DEFAULT_SETTINGS } from '../../../core/domain/settings.ts'

const filed: ReminderStore = {
  startDate: '2026-01-31',
  status: 'active',
  agreementNo: 'HZ-2026-001',
  agreementText: '',
  bank: { bankName: '工商银行', accountName: '丽人美容院', accountNo: '6222021234567890' },
  hasPhoto: true,
}
const kinds = (store: ReminderStore, facts: { lastConsultationDate: string | null; firstDealDate: string | null; reassignedDate?: string | null }, today: string) =>
  storeReminders(store, { reassignedDate: null, ...facts }, today).map((r) => `${r.kind}@${r.since}${r.missing.length ? `:${r.missing.join(',')}` : ''}`)
const NONE = { lastConsultationDate: null, firstDealDate: null, reassignedDate: null }

describe('addMonths', () => {
  it('moves by calendar months and keeps a day the target month lacks at its last day', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-03-31', 3)).toBe('2026-06-30')
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
  })
})

describe('the filing period: one month and five days', () => {
  it('ends on its last day, month ends included', () => {
    expect(filingDeadline('2026-03-10')).toBe('2026-04-15')
    expect(filingDeadline('2026-01-31')).toBe('2026-03-05')
    expect(filingDeadline('2028-01-31')).toBe('2028-03-05')
    expect(filingDeadline('2026-12-31')).toBe('2027-02-05')
  })

  it('names what is missing: photo, agreement (number or text), bank account (number and holder)', () => {
    expect(missingFiling(filed)).toEqual([])
    expect(missingFiling({ ...filed, hasPhoto: false, agreementNo: ' ', bank: { ...filed.bank, accountName: '' } })).toEqual(['photo', 'agreement', 'bankAccount'])
    expect(missingFiling({ ...filed, agreementNo: '', agreementText: '合作协议全文' })).toEqual([])
  })

  it('reminds while the period runs, and says it is overdue from the day after', () => {
    const store = { ...filed, hasPhoto: false }
    expect(kinds(store, NONE, '2026-01-31')).toEqual(['filingIncomplete@2026-01-31:photo'])
    expect(kinds(store, NONE, '2026-03-05')).toEqual(['filingIncomplete@2026-01-31:photo'])
    expect(kinds(store, NONE, '2026-03-06')).toEqual(['filingOverdue@2026-03-06:photo'])
    expect(kinds(filed, NONE, '2026-03-06')).toEqual([])
  })
})

describe('storeReminders: three months without a consultation, six without a first deal', () => {
  it('counts three months from the start, or from the last consultation', () => {
    expect(kinds(filed, NONE, '2026-04-29')).toEqual([])
    expect(kinds(filed, NONE, '2026-04-30')).toEqual(['noConsultation@2026-04-30'])
    expect(kinds(filed, { lastConsultationDate: '2026-04-20', firstDealDate: '2026-04-20' }, '2026-07-19')).toEqual([])
    expect(kinds(filed, { lastConsultationDate: '2026-04-20', firstDealDate: '2026-04-20' }, '2026-07-20')).toEqual(['noConsultation@2026-07-20'])
  })

  it('gives whoever takes a store over three months of their own, counted from the hand-over', () => {
    const handedOver = { lastConsultationDate: null, firstDealDate: '2026-02-10', reassignedDate: '2026-05-10' }
    expect(kinds(filed, handedOver, '2026-08-09')).toEqual([])
    expect(kinds(filed, handedOver, '2026-08-10')).toEqual(['noConsultation@2026-08-10'])
    // A consultation after the hand-over counts from itself; one before it does not reach past the hand-over.
    expect(kinds(filed, { ...handedOver, lastConsultationDate: '2026-06-01' }, '2026-08-31')).toEqual([])
    expect(kinds(filed, { ...handedOver, lastConsultationDate: '2026-04-01' }, '2026-08-10')).toEqual(['noConsultation@2026-08-10'])
  })

  it('reminds of no first deal from six months after the start, month end kept', () => {
    const consulted = { lastConsultationDate: '2026-07-30', firstDealDate: null }
    expect(kinds(filed, consulted, '2026-07-30')).toEqual([])
    expect(kinds(filed, consulted, '2026-07-31')).toEqual(['noFirstDeal@2026-07-31'])
    expect(kinds({ ...filed, startDate: '2026-08-31' }, { lastConsultationDate: '2026-12-01', firstDealDate: null }, '2027-02-28')).toEqual(['noFirstDeal@2027-02-28'])
    expect(kinds(filed, { ...consulted, firstDealDate: '2026-07-01' }, '2026-09-01')).toEqual([])
  })

  it('gives an inactive store none', () => {
    expect(storeReminders({ ...filed, status: 'inactive', hasPhoto: false }, NONE, '2027-01-01')).toEqual([])
  })
})

describe('pre-registration validity', () => {
  it('is open up to its last day, the setting`s days after the report', () => {
    expect(DEFAULT_SETTINGS.partnerReportValidDays).toBe(30)
    expect(reportValidUntil('2026-01-31', 30)).toBe('2026-03-02')
    const report = { status: 'open' as const, validUntil: '2026-03-02' }
    expect(reportMatchesOn(report, '2026-03-02')).toBe(true)
    expect(reportMatchesOn(report, '2026-03-03')).toBe(false)
    expect(reportMatchesOn({ ...report, status: 'cancelled' }, '2026-02-01')).toBe(false)
  })

  it('is a setting of 1 to 365 whole days', () => {
    for (const days of [0, 366, 1.5]) expect(clinicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, partnerReportValidDays: days }).success, String(days)).toBe(false)
    expect(clinicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, partnerReportValidDays: 365 }).success).toBe(true)
  })
})

describe('photos and bank accounts', () => {
  it('tells JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(photoMimeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0]))).toBe('image/jpeg')
    expect(photoMimeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
    expect(photoMimeOf(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp')
    expect(photoMimeOf(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBeNull()
    expect(photoMimeOf(new TextEncoder().encode('GIF89a'))).toBeNull()
    expect(photoMimeOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(photoMimeOf(Uint8Array.from([0xff, 0xd8]))).toBeNull()
  })

  it('masks the account number for everyone but an administrator', () => {
    expect(maskAccountNo('6222 0212 3456 7890')).toBe('****7890')
    expect(maskAccountNo('')).toBe('')
    expect(bankFor(filed.bank, false)).toEqual({ bankName: '工商银行', accountName: '丽人美容院', accountNo: '****7890' })
    expect(bankFor(filed.bank, true)).toEqual(filed.bank)
  })
})
