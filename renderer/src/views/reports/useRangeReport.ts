import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { MAX_RANGE_DAYS, rangeDays } from '../../../../core/domain/rangeReport.ts'
import type { RangeCounts } from '../../../../core/api/reports.ts'
import { showError, showSuccess } from '../../api/notify.ts'
import type { BarSeries } from '../../components/reports/rangeChart.ts'
import { useReportsStore } from '../../stores/reports.ts'
import { isoWeek, monthRange, presetRange, shiftAnchor, today, type DayRange, type PeriodPreset, type RangePreset } from './dates.ts'
import { downloadFile } from './download.ts'

/**
 * The range report: a period (this month by default) picked as a day, an ISO week, a month or any range
 * up to MAX_RANGE_DAYS days; its figures, re-read on changes while shown; and its export.
 */
export function useRangeReport() {
  const { t } = useI18n()
  const store = useReportsStore()
  const preset = ref<RangePreset>('month')
  /** A day of the period shown, for the day, week and month presets. */
  const anchor = ref(today())
  const custom = ref<DayRange>(monthRange(today()))
  const exporting = ref(false)

  const range = computed<DayRange>(() => (preset.value === 'custom' ? custom.value : presetRange(preset.value, anchor.value)))
  const from = computed(() => range.value[0])
  const to = computed(() => range.value[1])
  const days = computed(() => rangeDays(from.value, to.value))
  const tooLong = computed(() => days.value > MAX_RANGE_DAYS)
  const period = computed(() => {
    const text = t('reports.range.period', { from: from.value, to: to.value, days: days.value })
    return preset.value === 'week' ? `${t('reports.range.isoWeek', isoWeek(from.value))} · ${text}` : text
  })

  const report = computed(() => store.range)
  /** The report shown is the one of the range picked (not an older answer still on screen). */
  const shown = computed(() => (report.value && !tooLong.value ? report.value : null))
  /** The range of the figures on screen, for captions (an older answer stays shown while a newer one loads). */
  const shownRange = computed(() => ({ from: shown.value?.from ?? from.value, to: shown.value?.to ?? to.value }))
  const empty = computed(() => shown.value !== null && shown.value.totals.visits + shown.value.totals.cancelled === 0)

  const typeRows = computed(() => (shown.value?.byType ?? []).map((row) => ({ ...row, key: row.type, label: t(`visit.type.${row.type}`) })))
  const channelRows = computed(() => (shown.value?.byChannel ?? []).map((row) => ({ ...row, key: row.channel, label: t(`visit.channel.${row.channel}`) })))

  /** What the charts draw: the very numbers of the tables beside them. */
  const charts = computed(() => {
    const consultants = shown.value?.consultants ?? []
    const counts = (rows: RangeCounts[]): BarSeries[] =>
      (['visits', 'consultations', 'deals'] as const).map((key) => ({ name: t(`reports.range.visits.${key}`), data: rows.map((r) => r[key]) }))
    return {
      names: consultants.map((c) => c.name),
      work: [
        { name: t('reports.range.consultants.consultations'), data: consultants.map((c) => c.consultations) },
        { name: t('reports.range.consultants.deals'), data: consultants.map((c) => c.deals) },
      ],
      revenue: [{ name: t('reports.range.consultants.revenue'), data: consultants.map((c) => c.revenueFen) }],
      types: counts(typeRows.value),
      channels: counts(channelRows.value),
    }
  })

  watch(preset, (next, previous) => {
    // Custom starts from the period that was shown; a period preset from the start of the custom range.
    if (next === 'custom' && previous !== 'custom') custom.value = presetRange(previous, anchor.value)
    if (next !== 'custom' && previous === 'custom') anchor.value = custom.value[0]
  })

  function load(): void {
    if (tooLong.value || days.value < 1) return
    void store.loadRange({ from: from.value, to: to.value })
  }

  watch(() => `${from.value}|${to.value}`, load)

  /** The previous (-1) or next (+1) day, week or month. */
  function shift(steps: number): void {
    if (preset.value !== 'custom') anchor.value = shiftAnchor(preset.value as PeriodPreset, anchor.value, steps)
  }

  async function exportXlsx(): Promise<void> {
    if (exporting.value || tooLong.value) return
    exporting.value = true
    try {
      const file = await store.exportRange({ from: from.value, to: to.value })
      downloadFile(file.fileName, file.base64)
      showSuccess(t('reports.range.exported', { file: file.fileName }))
    } catch (error) {
      showError(error)
    } finally {
      exporting.value = false
    }
  }

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach('range')
    load()
  })
  onBeforeUnmount(() => detach?.())

  return { store, preset, anchor, custom, from, to, days, tooLong, period, shown, shownRange, empty, typeRows, channelRows, charts, exporting, shift, exportXlsx, maxDays: MAX_RANGE_DAYS }
}
