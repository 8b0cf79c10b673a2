import type { ServiceCategory } from '../../../core/domain/categories.ts'
import { parseYuanToFen, type PriceCategory, type PriceClassification } from '../../../core/domain/priceItem.ts'
import type { StaffRole } from '../../../core/domain/staff.ts'

/**
 * The demo clinic (演示诊所) offered by the first-run setup and seeded into the web preview: staff, a price
 * list and PINs anyone may read, because the data is not real. The desk says "演示" wherever it is loaded.
 */
export const DEMO_SETTINGS = {
  clinicName: '丽颜医疗美容门诊部（演示）',
  clinicAddress: '上海市静安区南京西路 1266 号 5 楼',
  clinicPhone: '021-61234567',
}

export interface DemoStaffMember {
  name: string
  role: StaffRole
  phone: string
  room: string
  skills: ServiceCategory[]
  /** Demo PINs are printed on the sign-in screen of a demo database. */
  pin: string | null
}

export const DEMO_ADMIN = { name: '演示管理员', pin: '0000' } as const

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  { name: '王静', role: 'consultant', phone: '13800000001', room: '1', skills: [], pin: '2222' },
  { name: '李娜', role: 'consultant', phone: '13800000002', room: '2', skills: ['skin', 'injection', 'laser'], pin: null },
  { name: '陈晓', role: 'consultant', phone: '13800000003', room: '3', skills: [], pin: null },
  { name: '赵敏', role: 'consultant', phone: '13800000004', room: '4', skills: ['surgery', 'body'], pin: null },
  { name: '刘洋', role: 'consultant', phone: '13800000005', room: '5', skills: [], pin: null },
  { name: '周建国', role: 'doctor', phone: '13900000001', room: '专家 1', skills: ['surgery'], pin: null },
  { name: '孙丽', role: 'doctor', phone: '13900000002', room: '专家 2', skills: ['injection', 'laser', 'skin'], pin: null },
  { name: '吴婷', role: 'nurse', phone: '13700000001', room: '治疗室', skills: [], pin: null },
  { name: '郑佳', role: 'receptionist', phone: '13600000001', room: '前台', skills: [], pin: '1111' },
  // Last, so the consultants keep ids 1-5 (the end-to-end tests open boards by id).
  { name: DEMO_ADMIN.name, role: 'administrator', phone: '', room: '', skills: [], pin: DEMO_ADMIN.pin },
]

/**
 * The demo price list, in yuan as a clinic writes it and stored in fen. The fee-sheet end-to-end tests
 * rely on these codes and prices: change them only together.
 */
export const DEMO_PRICE_LIST: readonly (readonly [code: string, name: string, category: PriceCategory, unit: string, price: string, floor?: string, cost?: string])[] = [
  ['T001', '光子嫩肤（全面部）', 'treatment', '次', '1280.00', '1024.00'],
  ['T002', '热玛吉（全面部）', 'treatment', '次', '16800.00', '13440.00'],
  ['T003', '肉毒素注射（100单位）', 'treatment', '支', '3800.00', '3040.00'],
  ['T004', '玻尿酸注射（1ml）', 'treatment', '支', '4980.00', '3984.00'],
  ['T005', '双眼皮全切术', 'treatment', '次', '8800.00', '7040.00'],
  ['T006', '膨体隆鼻术', 'treatment', '次', '19800.00', '15840.00'],
  ['T007', '埋线提升术', 'treatment', '次', '6800.00'],
  ['T008', '水光针', 'treatment', '次', '1680.00', '1344.00'],
  ['C001', '膨体假体', 'consumable', '块', '6500.00', undefined, '1800.00'],
  ['C002', 'PPDO埋线线材', 'consumable', '根', '300.50', undefined, '80.00'],
  ['C003', '医用修复面膜', 'consumable', '盒', '198.00'],
  ['M001', '局部麻醉', 'anaesthesia', '次', '300.00'],
  ['M002', '静脉全身麻醉', 'anaesthesia', '次', '2500.00'],
  ['L001', '血常规', 'lab_test', '项', '45.50'],
  ['L002', '凝血四项', 'lab_test', '项', '120.00'],
  ['L003', '术前八项', 'lab_test', '项', '260.00'],
  ['H001', '住院（单人间）', 'inpatient', '天', '680.00'],
  ['I001', '术后消炎输液', 'infusion', '次', '220.00'],
  ['D001', '阿莫西林胶囊', 'medicine', '盒', '32.80'],
  ['D002', '医用修复凝胶', 'medicine', '支', '168.00'],
]

/**
 * The demo items' service category and whether they are invasive (侵入性: an injection or an operation, whose
 * consent must be signed before the session is recorded). Items not listed have neither.
 */
export const DEMO_CLASSIFICATION: Readonly<Record<string, PriceClassification>> = {
  T001: { serviceCategory: 'laser', invasive: false },
  T002: { serviceCategory: 'laser', invasive: false },
  T003: { serviceCategory: 'injection', invasive: true },
  T004: { serviceCategory: 'injection', invasive: true },
  T005: { serviceCategory: 'surgery', invasive: true },
  T006: { serviceCategory: 'surgery', invasive: true },
  T007: { serviceCategory: 'surgery', invasive: true },
  T008: { serviceCategory: 'injection', invasive: true },
  C003: { serviceCategory: 'skin', invasive: false },
}

/** Yuan text to fen by the app's own parser (never through a float); a bad figure here is a bug. */
export function demoFen(yuan: string): number {
  const parsed = parseYuanToFen(yuan)
  if (!parsed.ok) throw new Error(`demo clinic: bad amount ${yuan} (${parsed.reason})`)
  return parsed.fen
}
