import type { Channel, Gender } from '../domain/client.ts'
import type { Outcome, Visit, VisitStatus, VisitType } from '../domain/visit.ts'
import type { Locale } from './locales.ts'

type AssignedBy = NonNullable<Visit['assignedBy']>

export interface VisitLabels {
  type: Record<VisitType, string>
  status: Record<VisitStatus, string>
  channel: Record<Channel, string>
  gender: Record<Gender, string>
  outcome: Record<Outcome | 'none', string>
  assignedBy: Record<AssignedBy, string>
}

/**
 * The names of a visit's types, statuses, channels and outcomes: one table for the screens (vue-i18n's
 * `visit` section), the messages of the API and the exported workbook, so they never disagree.
 */
export const VISIT_LABELS: Record<Locale, VisitLabels> = {
  'zh-CN': {
    type: { first: '初诊', returning: '复诊', review: '复查/治疗' },
    status: {
      waiting: '候诊',
      called: '已叫号',
      consulting: '咨询中',
      with_doctor: '专家面诊',
      billing: '待缴费',
      treatment: '治疗中',
      done: '离院',
      left: '未接待离开',
      cancelled: '已取消',
    },
    channel: { walk_in: '自然到店', phone: '电话', online: '网络平台', referral: '转介绍', partner: '合作店家', other: '其他' },
    gender: { female: '女', male: '男', unknown: '未知' },
    outcome: { deal: '成交', no_deal: '未成交', none: '—' },
    assignedBy: { rotation: '轮牌', designated: '指定', returning: '复诊归属', manual: '手动', partner: '店家维护' },
  },
  'en-US': {
    type: { first: 'First visit', returning: 'Returning', review: 'Review/treatment' },
    status: {
      waiting: 'Waiting',
      called: 'Called',
      consulting: 'Consulting',
      with_doctor: 'With the doctor',
      billing: 'Billing',
      treatment: 'In treatment',
      done: 'Done',
      left: 'Left unseen',
      cancelled: 'Cancelled',
    },
    channel: { walk_in: 'Walk-in', phone: 'Phone', online: 'Online platform', referral: 'Referral', partner: 'Partner store', other: 'Other' },
    gender: { female: 'Female', male: 'Male', unknown: 'Unknown' },
    outcome: { deal: 'Deal', no_deal: 'No deal', none: '—' },
    assignedBy: { rotation: 'Rotation', designated: 'Designated', returning: 'Own consultant', manual: 'Manual', partner: 'Store maintainer' },
  },
}
