import type { Dispatch } from '../../electron/api/dispatcher.ts'
import { LOCAL_DESK_OPERATOR } from '../../core/api/operator.ts'
import { parseYuanToFen, type PriceCategory } from '../../core/domain/priceItem.ts'

/** A demo clinic for the web preview, written through the same API a receptionist uses. */
export async function seedDemoClinic(dispatch: Dispatch): Promise<void> {
  const call: Call = async (method, input) => {
    const result = await dispatch(method, input, LOCAL_DESK_OPERATOR)
    if (!result.ok) throw new Error(`seed ${method}: ${result.error.message}`)
  }
  await call('settings.update', {
    clinicName: '丽颜医疗美容门诊部（演示）',
    clinicAddress: '上海市静安区南京西路 1266 号 5 楼',
    clinicPhone: '021-61234567',
  })
  const staff = [
    { name: '王静', role: 'consultant', phone: '13800000001', room: '1', skills: [] },
    { name: '李娜', role: 'consultant', phone: '13800000002', room: '2', skills: ['skin', 'injection', 'laser'] },
    { name: '陈晓', role: 'consultant', phone: '13800000003', room: '3', skills: [] },
    { name: '赵敏', role: 'consultant', phone: '13800000004', room: '4', skills: ['surgery', 'body'] },
    { name: '刘洋', role: 'consultant', phone: '13800000005', room: '5', skills: [] },
    { name: '周建国', role: 'doctor', phone: '13900000001', room: '专家 1', skills: ['surgery'] },
    { name: '孙丽', role: 'doctor', phone: '13900000002', room: '专家 2', skills: ['injection', 'laser', 'skin'] },
    { name: '吴婷', role: 'nurse', phone: '13700000001', room: '治疗室', skills: [] },
    { name: '郑佳', role: 'receptionist', phone: '13600000001', room: '前台', skills: [] },
  ]
  for (const member of staff) await call('staff.create', member)
  await seedPriceList(call)
}

type Call = (method: string, input: unknown) => Promise<void>

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

/** Yuan text to fen by the app's own parser (never through a float); a bad figure here is a bug. */
function fen(yuan: string): number {
  const parsed = parseYuanToFen(yuan)
  if (!parsed.ok) throw new Error(`seed: bad amount ${yuan} (${parsed.reason})`)
  return parsed.fen
}

async function seedPriceList(call: Call): Promise<void> {
  for (const [code, name, category, unit, price, floor, cost] of DEMO_PRICE_LIST) {
    await call('prices.create', {
      code,
      name,
      category,
      unit,
      listPriceFen: fen(price),
      floorPriceFen: floor === undefined ? null : fen(floor),
      costFen: cost === undefined ? null : fen(cost),
    })
  }
}
