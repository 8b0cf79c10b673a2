import ExcelJS from 'exceljs'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

const HEADER = ['编码', '名称', '类别', '单位', '价格(元)', '最低价(元)', '成本(元)', '启用', '特价微整']

async function workbook(rows: unknown[][], sheetName = '价目表'): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
}

/** A zip of the given parts, deflated, written by hand: to build files no spreadsheet program would. */
function zip(parts: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(parts)) {
    const data = deflateRawSync(content)
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(content.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(content.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(parts).length, 8)
  end.writeUInt16LE(Object.keys(parts).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const WORKBOOK_XML = Buffer.from('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>')

async function seed(d: Desk) {
  const a = await d.call('prices.create', { code: 'ZS-001', name: '玻尿酸注射', category: 'treatment', unit: '支', listPriceFen: 128000, floorPriceFen: 102400 })
  const b = await d.call('prices.create', { code: '00123', name: '埋线提升线材', category: 'consumable', unit: '根', listPriceFen: 600050, costFen: 180000 })
  const c = await d.call('prices.create', { code: 'MZ-1', name: '表面麻醉', category: 'anaesthesia', listPriceFen: 5000 })
  await d.call('prices.setActive', { id: c.id, active: false })
  return { a, b, c }
}

const itemCount = (d: Desk) => d.count('price_items')

describe('importing the price list from Excel', () => {
  it('exports a workbook that, imported back unchanged, changes nothing', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    await seed(d)
    const file = await d.call('prices.exportXlsx', {})
    expect(file.fileName).toBe('价目表-2026-11-23.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADER])
    expect(sheet?.getRow(2).values).toEqual([undefined, '00123', '埋线提升线材', '耗材/假体', '根', 6000.5, undefined, 1800, '是', '否'])

    const preview = await d.call('prices.previewImport', { base64: file.base64 })
    expect(preview).toMatchObject({ sheetName: '价目表', add: [], change: [], unchanged: 3, reject: [] })
    expect(await d.call('prices.applyImport', { base64: file.base64, expectedPreviewHash: preview.previewHash })).toEqual({ added: 0, changed: 0, unchanged: 3, rejected: 0 })
    d.close()
  })

  it('previews adds, changes and rejects with Excel row numbers, writing nothing; then applies what it showed', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    const { a, b, c } = await seed(d)
    const base64 = await workbook([
      ['丽颜医美 价目表'], // a title above the header is allowed
      HEADER,
      ['ZS-001', '玻尿酸注射', '治疗', '支', '1,380.00', 1104, null, '是'], // row 3: price and floor changed
      ['00123', '埋线提升线材', '耗材/假体', '根', 6000.5, null, 1800, '是'], // row 4: unchanged
      ['mz-1', '表面麻醉', '麻醉', '', 50, null, null, '是'], // row 5: reactivated (code case aside)
      ['HY-9', '血常规', '化验', '次', '¥80', null, null, null], // row 6: added
      ['', '无编码', '药品', '盒', 10], // row 7
      ['YP-1', '', '药品', '盒', 10], // row 8
      ['YP-2', '某药', '保健品', '盒', 10], // row 9
      ['YP-3', '某药', '药品', '盒', '十元'], // row 10
      ['YP-4', '某药', '药品', '盒', -3], // row 11
      ['YP-5', '某药', '药品', '盒', 10, 20], // row 12
      ['DUP', '甲', '输液', '袋', 10], // row 13
      ['dup', '乙', '输液', '袋', 20], // row 14
      [],
      ['ZY-1', '住院一日', '住院', '天', 300, null, null, '停用'], // row 16: added inactive
    ])
    const before = d.snapshot()
    const preview = await d.call('prices.previewImport', { base64 })
    expect(d.snapshot()).toEqual(before)

    expect(preview.add.map((x) => [x.row, x.item.code, x.item.listPriceFen, x.item.active])).toEqual([
      [6, 'HY-9', 8000, true],
      [16, 'ZY-1', 30000, false],
    ])
    expect(preview.change.map((x) => [x.row, x.id, x.changed])).toEqual([
      [3, a.id, ['listPriceFen', 'floorPriceFen']],
      [5, c.id, ['active']],
    ])
    expect(preview.change[0]?.before.listPriceFen).toBe(128000)
    expect(preview.change[0]?.after).toMatchObject({ listPriceFen: 138000, floorPriceFen: 110400 })
    expect(preview.unchanged).toBe(1)
    expect(preview.reject).toEqual([
      { row: 7, code: '', reason: '缺少编码' },
      { row: 8, code: 'YP-1', reason: '缺少名称' },
      { row: 9, code: 'YP-2', reason: '类别“保健品”无法识别（应为：治疗项目、耗材/假体、麻醉、化验、住院、输液、药品）' },
      { row: 10, code: 'YP-3', reason: '价格“十元”不是金额' },
      { row: 11, code: 'YP-4', reason: '价格“-3”不能为负数' },
      { row: 12, code: 'YP-5', reason: '最低价 ¥20.00 高于价格 ¥10.00' },
      { row: 13, code: 'DUP', reason: '编码 DUP 在文件中重复（第 13、14 行），这些行都未导入' },
      { row: 14, code: 'dup', reason: '编码 dup 在文件中重复（第 13、14 行），这些行都未导入' },
    ])

    // A hash that is not the preview's: refused, nothing written.
    const wrong = await d.refusedCleanly('prices.applyImport', { base64, expectedPreviewHash: '0'.repeat(64) })
    expect(wrong).toMatchObject({ code: 'conflict', message: '文件或价目表在预览之后有变动，未导入任何内容。请重新预览后再导入' })
    expect(itemCount(d)).toBe(3)

    const published = d.published.length
    const result = await d.call('prices.applyImport', { base64, expectedPreviewHash: preview.previewHash })
    expect(result).toEqual({ added: 2, changed: 2, unchanged: 1, rejected: 8 })
    expect(d.published.slice(published)).toHaveLength(1)
    const all = await d.call('prices.list', { includeInactive: true })
    expect(all.map((p) => [p.code, p.listPriceFen, p.floorPriceFen, p.active])).toEqual([
      ['00123', 600050, null, true],
      ['HY-9', 8000, null, true],
      ['MZ-1', 5000, null, true],
      ['ZS-001', 138000, 110400, true],
      ['ZY-1', 30000, null, false],
    ])
    expect(all.find((p) => p.id === b.id)?.costFen).toBe(180000)
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'prices.applyImport'").pluck().all()).toEqual([
      '导入价目表（价目表）：新增 2，修改 2，未变 1，拒绝 8',
    ])

    // The same preview again: the list has changed since, so the old hash no longer holds.
    await d.refusedCleanly('prices.applyImport', { base64, expectedPreviewHash: preview.previewHash })
    d.close()
  })

  it('reads the special-price flag (特价微整): 是 sets it, an empty cell keeps it, anything else is refused', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    await seed(d)
    const base64 = await workbook([
      HEADER,
      ['ZS-001', '玻尿酸注射', '治疗', '支', 1280, 1024, '', '是', '是'],
      ['T-9', '特价瘦脸针', '治疗', '支', 980, '', '', '', ''],
      ['T-10', '另一项', '治疗', '支', 100, '', '', '', '也许'],
    ])
    const preview = await d.call('prices.previewImport', { base64 })
    expect(preview.change.map((c) => [c.after.code, c.changed, c.after.specialPrice])).toEqual([['ZS-001', ['specialPrice'], true]])
    expect(preview.add.map((a) => [a.item.code, a.item.specialPrice])).toEqual([['T-9', false]])
    expect(preview.reject.map((r) => r.reason)).toEqual(['特价微整“也许”应为“是”或“否”'])
    await d.call('prices.applyImport', { base64, expectedPreviewHash: preview.previewHash })
    expect((await d.call('prices.list', { includeInactive: true })).filter((p) => p.specialPrice).map((p) => p.code)).toEqual(['ZS-001'])
    d.close()
  })

  it('refuses to apply a file other than the one previewed', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    const first = await workbook([HEADER, ['A1', '项目甲', '治疗', '次', 100]])
    const second = await workbook([HEADER, ['A1', '项目甲', '治疗', '次', 200]])
    const preview = await d.call('prices.previewImport', { base64: first })
    await d.refusedCleanly('prices.applyImport', { base64: second, expectedPreviewHash: preview.previewHash })
    expect(itemCount(d)).toBe(0)
    d.close()
  })

  it('writes all or nothing: a failure in the middle leaves the list as it was', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    await seed(d)
    const base64 = await workbook([HEADER, ['ZS-001', '玻尿酸注射', '治疗', '支', 1500], ['N-1', '新项目', '治疗', '次', 100], ['BOOM', '出错的项目', '治疗', '次', 100]])
    const preview = await d.call('prices.previewImport', { base64 })
    expect(preview.add).toHaveLength(2)
    d.db.exec("CREATE TRIGGER boom BEFORE INSERT ON price_items WHEN NEW.code = 'BOOM' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
    const listBefore = JSON.stringify(await d.call('prices.list', { includeInactive: true }))
    const failed = await d.refused('prices.applyImport', { base64, expectedPreviewHash: preview.previewHash })
    expect(failed.code).toBe('internal')
    expect(JSON.stringify(await d.call('prices.list', { includeInactive: true }))).toBe(listBefore)
    expect(d.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'prices.applyImport'").pluck().get()).toBe(0)
    d.close()
  })

  it('accepts English headers, category names and flags; gives reasons in English when the desk is in English', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    await d.call('settings.update', { language: 'en-US' })
    const base64 = await workbook([
      ['Code', 'Name', 'Category', 'Unit', 'Price (yuan)', 'Floor price', 'Cost', 'Active'],
      ['IV-1', 'Vitamin drip', 'Infusion', 'bag', '1,280.00', '1000', '', 'yes'],
      ['IV-2', 'Other drip', 'Potion', 'bag', 10],
      ['IV-3', 'Third drip', 'infusion', 'bag', 'ten'],
    ])
    const preview = await d.call('prices.previewImport', { base64 })
    expect(preview.add.map((x) => x.item)).toEqual([
      { code: 'IV-1', name: 'Vitamin drip', category: 'infusion', unit: 'bag', listPriceFen: 128000, floorPriceFen: 100000, costFen: null, specialPrice: false, active: true },
    ])
    expect(preview.reject.map((r) => r.reason)).toEqual([
      'Unknown category "Potion" (one of: Treatment / procedure, Consumable / implant, Anaesthesia, Lab test, Inpatient stay, Infusion, Medicine)',
      'Price "ten" is not an amount',
    ])
    d.close()
  })

  it('rounds spreadsheet numbers half-up to the fen and keeps columns the file lacks', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    const { b } = await seed(d)
    const base64 = await workbook([
      ['编码', '名称', '类别', '价格'],
      ['00123', '埋线提升线材', '耗材', 6000.5],
      ['R-1', '四舍五入', '药品', 12.345],
      ['R-2', '浮点', '药品', 0.1 + 0.2],
    ])
    const preview = await d.call('prices.previewImport', { base64 })
    expect(preview.unchanged).toBe(1) // unit, floor, cost and active kept as they are
    expect(preview.add.map((x) => [x.item.code, x.item.listPriceFen, x.item.unit, x.item.active])).toEqual([
      ['R-1', 1235, '', true],
      ['R-2', 30, '', true],
    ])
    await d.call('prices.applyImport', { base64, expectedPreviewHash: preview.previewHash })
    expect((await d.call('prices.list', {})).find((p) => p.id === b.id)).toMatchObject({ unit: '根', costFen: 180000 })
    d.close()
  })

  it('refuses files it cannot use, with a plain message and nothing written', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    const refusal = async (base64: string) => (await d.refusedCleanly('prices.previewImport', { base64 })).message

    expect(await refusal(Buffer.from('名称,价格\n水光针,980').toString('base64'))).toContain('这不是可读取的 Excel 文件')
    expect(await refusal(Buffer.from('PK\u0003\u0004 but not really a zip').toString('base64'))).toContain('这不是可读取的 Excel 文件')

    // A zip bomb: 64 MB of one repeated byte, deflated to a few dozen kB, claiming to be the sheet.
    const bomb = zip({ 'xl/workbook.xml': WORKBOOK_XML, 'xl/worksheets/sheet1.xml': Buffer.alloc(64 * 1024 * 1024, 0x20) })
    expect(bomb.length).toBeLessThan(200_000)
    expect(await refusal(bomb.toString('base64'))).toContain('文件解压后过大')

    const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>编码</t></is></c></row>']
    for (let r = 2; r <= 6000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`)
    const huge = zip({ 'xl/workbook.xml': WORKBOOK_XML, 'xl/worksheets/sheet1.xml': Buffer.from(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`) })
    expect(await refusal(huge.toString('base64'))).toBe('行数太多：一次最多导入 5000 行')

    expect(await refusal(await workbook([['姓名', '电话'], ['张三', '138']]))).toContain('找不到表头')
    expect(await refusal(await workbook([['编码', '名称', '单位'], ['A', 'B', '次']]))).toBe('表头缺少必需的列：类别、价格(元)')
    expect(await refusal(await workbook([HEADER]))).toBe('表头下面没有任何数据行')

    const tooBig = await d.refusedCleanly('prices.previewImport', { base64: 'A'.repeat(7 * 1024 * 1024 + 4) })
    expect(tooBig.fields?.base64).toBe('文件太大：导入的 Excel 文件不能超过 5 MB')
    expect((await d.refusedCleanly('prices.previewImport', { base64: '@@@' })).code).toBe('invalid_input')
    expect(d.logged).toEqual([])
    d.close()
  })
})
