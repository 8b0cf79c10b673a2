import { dayAsDate } from '../../components/reports/useReportLabels.ts'
import { lastDays, lastMonth, thisMonth, type DayRange } from './dates.ts'

export type PeriodPick = 'today' | 'last7Days' | 'thisMonth' | 'lastMonth'

const RANGES: Record<PeriodPick, () => DayRange> = {
  today: () => lastDays(1),
  last7Days: () => lastDays(7),
  thisMonth: () => thisMonth(),
  lastMonth: () => lastMonth(),
}

export interface PeriodShortcut {
  text: string
  /** Element Plus's shortcut values are Date objects (local midnight). */
  value: () => [Date, Date]
}

/** Quick picks of a period picker; each is worked out on click, so a desk left open overnight stays right. */
export function periodShortcuts(t: (key: string) => string, picks: readonly PeriodPick[]): PeriodShortcut[] {
  return picks.map((pick) => ({
    text: t(`reports.fairness.shortcuts.${pick}`),
    value: () => {
      const [start, end] = RANGES[pick]()
      return [dayAsDate(start), dayAsDate(end)]
    },
  }))
}
