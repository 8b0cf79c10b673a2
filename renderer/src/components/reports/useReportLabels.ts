import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Channel } from '../../../../core/domain/client.ts'
import type { Visit, VisitStatus, VisitType } from '../../../../core/domain/visit.ts'

const pad = (n: number) => String(n).padStart(2, '0')

/** Local wall-clock time HH:mm of an ISO instant (the desk's time zone is the clinic's). */
export function localTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : `${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** A calendar day (YYYY-MM-DD) as a local Date at midnight, for formatting. */
export function dayAsDate(day: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number)
  return new Date(y, m - 1, d)
}

/** Labels of the visit fields shown in the reports, in the current language. */
export function useReportLabels() {
  const { t, locale } = useI18n()
  const percentFormat = computed(() => new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 1 }))
  const longDateFormat = computed(
    () => new Intl.DateTimeFormat(locale.value, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }),
  )
  const dateTimeFormat = computed(
    () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short', hour12: false }),
  )

  const typeLabel = (type: VisitType) => t(`visit.type.${type}`)
  const channelLabel = (channel: Channel) => t(`visit.channel.${channel}`)
  const statusLabel = (status: VisitStatus) => t(`visit.status.${status}`)
  const assignedByLabel = (how: Visit['assignedBy']) => (how ? t(`visit.assignedBy.${how}`) : t('reports.dailyLog.none'))
  function outcomeLabel(visit: Pick<Visit, 'outcome' | 'noDealReason'>): string {
    if (visit.outcome === 'deal') return t('reports.outcome.deal')
    if (visit.outcome === 'no_deal') {
      return visit.noDealReason ? t('reports.outcome.noDealWithReason', { reason: visit.noDealReason }) : t('reports.outcome.noDeal')
    }
    return t('reports.dailyLog.none')
  }
  /** A rate 0..1 as a percentage with at most one decimal ("66.7%"); a dash when there is none. */
  const percent = (rate: number | null) => (rate === null ? t('reports.fairness.noRate') : percentFormat.value.format(rate))
  const longDate = (day: string) => longDateFormat.value.format(dayAsDate(day))
  const dateTime = (date: Date) => dateTimeFormat.value.format(date)

  return { typeLabel, channelLabel, statusLabel, assignedByLabel, outcomeLabel, percent, longDate, dateTime, time: localTime }
}
