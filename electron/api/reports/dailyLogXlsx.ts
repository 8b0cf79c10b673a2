import ExcelJS from 'exceljs'
import type { DailyLog } from '../../../core/api/visits.ts'
import type { Channel } from '../../../core/domain/client.ts'
import type { VisitStatus, VisitType } from '../../../core/domain/visit.ts'

const TYPE: Record<VisitType, string> = { first: '初诊', returning: '复诊', review: '复查/治疗' }
const CHANNEL: Record<Channel, string> = { walk_in: '自然到店', phone: '电话', online: '网络平台', referral: '转介绍', partner: '合作店家', other: '其他' }
const STATUS: Record<VisitStatus, string> = {
  waiting: '候诊',
  called: '已叫号',
  consulting: '咨询中',
  with_doctor: '专家面诊',
  billing: '待缴费',
  treatment: '治疗中',
  done: '离院',
  left: '未接待离开',
  cancelled: '已取消',
}
const HOW = { rotation: '轮牌', designated: '指定', returning: '复诊归属', manual: '手动' } as const

/** The daily consultation log as an XLSX workbook (Chinese headers: it is handed to the clinic's managers). */
export async function dailyLogWorkbook(log: DailyLog, clinicName: string, timeOf: (iso: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = clinicName
  const sheet = workbook.addWorksheet('一日当面咨询表', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } })
  sheet.mergeCells('A1:K1')
  sheet.getCell('A1').value = `${clinicName} 一日当面咨询表 ${log.date}`
  sheet.getCell('A1').font = { bold: true, size: 14 }
  const header = ['序号', '到店时间', '排队号', '顾客', '档案号', '类型', '渠道', '咨询师', '分配方式', '状态', '结果']
  sheet.addRow(header).font = { bold: true }
  log.visits.forEach((v, i) => {
    sheet.addRow([
      i + 1,
      timeOf(v.registeredAt),
      v.queueNo,
      v.clientName,
      v.archiveNo,
      TYPE[v.type],
      CHANNEL[v.channel],
      v.consultantName ?? '',
      v.assignedBy ? HOW[v.assignedBy] : '',
      STATUS[v.status],
      v.outcome === 'deal' ? '成交' : v.outcome === 'no_deal' ? `未成交：${v.noDealReason}` : '',
    ])
  })
  sheet.addRow([])
  sheet.addRow(['咨询师', '接待', '成交', '未成交']).font = { bold: true }
  for (const t of log.totals) sheet.addRow([t.name || '（未分配）', t.visits, t.deals, t.noDeals])
  sheet.columns.forEach((column, i) => (column.width = [6, 10, 8, 12, 14, 10, 10, 10, 10, 12, 24][i] ?? 10))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
