import { MAX_RANGE_DAYS } from '../domain/rangeReport.ts'
import { addErrorMessages } from './errorMessages.ts'

/** Messages of the range report's refusals ('validation.dateRange' is the rotation figures' own). */
addErrorMessages({
  'zh-CN': {
    'validation.rangeTooLong': `统计区间最长 ${MAX_RANGE_DAYS} 天，请缩短日期范围`,
  },
  'en-US': {
    'validation.rangeTooLong': `A report covers at most ${MAX_RANGE_DAYS} days; choose a shorter range`,
  },
})
