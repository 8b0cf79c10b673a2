import { addDays } from '../../../core/domain/dates.ts'
import { reportValidUntil, type HandoverNotes } from '../../../core/domain/partnerStore.ts'
import { insertAssignment, insertReport, insertStore } from '../../../db/partners.ts'
import { readSettings } from '../../../db/settings.ts'
import { findActiveStaffByName, insertStaff } from '../../../db/staff.ts'
import type { WritableDb } from '../../../db/types.ts'

/** A 1×1 PNG: the demo A-class store's shop-front photo, so its filing is complete. */
const DEMO_PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const NO_NOTES: HandoverNotes = { income: '', work: '', family: '', wanted: '', other: '' }

/**
 * The demo clinic's marketing department: a salesperson (no PIN, so the sign-in list stays the demo's
 * three), an A-class store kept by 王静 with its filing complete, an ordinary store past its filing period
 * without photo or account (a reminder), and two open reports. The reports' phones are used by no
 * end-to-end test, so their arrivals are never matched by accident.
 * Returns how many staff and stores it added, for the setup's audit summary.
 */
export function seedDemoPartners(db: WritableDb, today: string, now: string, by: { id: number; name: string }): { staff: number; stores: number } {
  const salesperson = insertStaff(db, { name: '黄蕾', role: 'marketing', phone: '13500000001', room: '市场部', skills: [] }, now)
  const maintainer = findActiveStaffByName(db, '王静')
  if (!maintainer) throw new Error('demo clinic: 王静 is not seeded')
  const store = (name: string, fields: { storeClass: 'A' | 'ordinary'; consultantId: number | null; startDate: string; agreementNo: string }, withFiling: boolean) => {
    const id = insertStore(
      db,
      { name, ...fields, agreementText: withFiling ? '返款按实收扣除麻醉、检验、住院、输液及高值耗材后的 50%。' : '', status: 'active' },
      salesperson.id,
      withFiling ? { mime: 'image/png', bytes: DEMO_PHOTO } : undefined,
      withFiling ? { bankName: '招商银行上海静安支行', accountName: name, accountNo: '6225880212345678' } : undefined,
      now,
    )
    insertAssignment(db, { storeId: id, fromSalespersonId: null, toSalespersonId: salesperson.id, reason: '新建店家' }, by, now)
    return id
  }
  const aClass = store('丽人美容院（演示）', { storeClass: 'A', consultantId: maintainer.id, startDate: addDays(today, -10), agreementNo: 'HZ-2026-001' }, true)
  const ordinary = store('街角美甲（演示）', { storeClass: 'ordinary', consultantId: null, startDate: addDays(today, -40), agreementNo: '' }, false)

  const validUntil = reportValidUntil(today, readSettings(db).partnerReportValidDays)
  const report = (storeId: number, clientName: string, phone: string, notes: HandoverNotes) =>
    insertReport(db, { storeId, salespersonId: salesperson.id, clientName, phone, notes, validUntil }, by, now)
  report(aClass, '林女士', '15800000001', { income: '月入三万左右', work: '外企财务', family: '已婚，两个孩子', wanted: '眼袋、法令纹', other: '怕疼，希望少恢复期' })
  report(ordinary, '陈女士', '15800000002', { ...NO_NOTES, wanted: '水光针' })
  return { staff: 1, stores: 2 }
}
