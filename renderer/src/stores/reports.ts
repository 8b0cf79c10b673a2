import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { RangeReport } from '../../../core/api/reports.ts'
import type { FairnessRow } from '../../../core/api/rotation.ts'
import type { DailyLog } from '../../../core/api/visits.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/** The reports of the page; each is re-read on changes only while it is shown. */
export type ReportKind = 'log' | 'figures' | 'range'

export interface DateRange {
  from: string
  to: string
}

/**
 * The reports page's data: one day's consultation log, the fairness figures of a period and the range
 * report (administrators). While a report is shown (`attach(kind)`), pushed 'visits' / 'clients' /
 * 'rotation' changes re-read it; 'fees' and 'staff' changes the range report (money, names).
 * A slower answer to an older request never replaces a newer one.
 */
export const useReportsStore = defineStore('reports', () => {
  const log = ref<DailyLog | null>(null)
  const logDate = ref<string | null>(null)
  const logLoading = ref(false)
  const figures = ref<FairnessRow[]>([])
  const figuresRange = ref<DateRange | null>(null)
  const figuresLoading = ref(false)
  const range = ref<RangeReport | null>(null)
  const rangeFor = ref<DateRange | null>(null)
  const rangeLoading = ref(false)
  let initialised = false
  const viewers: Record<ReportKind, number> = { log: 0, figures: 0, range: 0 }
  let logRequest = 0
  let figuresRequest = 0
  let rangeRequest = 0

  async function loadLog(date: string): Promise<void> {
    const request = ++logRequest
    logDate.value = date
    logLoading.value = true
    try {
      const value = await api.call('reports.dailyLog', { date })
      if (request === logRequest) log.value = value
    } catch (error) {
      if (request === logRequest) showError(error)
    } finally {
      if (request === logRequest) logLoading.value = false
    }
  }

  async function loadFigures(range: DateRange): Promise<void> {
    const request = ++figuresRequest
    figuresRange.value = { ...range }
    figuresLoading.value = true
    try {
      const value = await api.call('rotation.figures', { kind: 'consultant', from: range.from, to: range.to })
      if (request === figuresRequest) figures.value = value
    } catch (error) {
      if (request === figuresRequest) showError(error)
    } finally {
      if (request === figuresRequest) figuresLoading.value = false
    }
  }

  async function loadRange(period: DateRange): Promise<void> {
    const request = ++rangeRequest
    rangeFor.value = { ...period }
    rangeLoading.value = true
    try {
      const value = await api.call('reports.range', { from: period.from, to: period.to })
      if (request === rangeRequest) range.value = value
    } catch (error) {
      if (request === rangeRequest) showError(error)
    } finally {
      if (request === rangeRequest) rangeLoading.value = false
    }
  }

  function reloadLog(): void {
    if (viewers.log > 0 && logDate.value) void loadLog(logDate.value)
  }

  function reloadFigures(): void {
    if (viewers.figures > 0 && figuresRange.value) void loadFigures(figuresRange.value)
  }

  function reloadRange(): void {
    if (viewers.range > 0 && rangeFor.value) void loadRange(rangeFor.value)
  }

  /** Subscribes once to the changes that alter the reports (a new outcome, a board action, a renamed client). */
  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('visits', () => {
      reloadLog()
      reloadFigures()
      reloadRange()
    })
    api.onChange('clients', reloadLog)
    api.onChange('rotation', reloadFigures)
    api.onChange('fees', reloadRange)
    api.onChange('staff', reloadRange)
  }

  /** A report is shown: keep its data fresh until the returned function is called. */
  function attach(kind: ReportKind): () => void {
    init()
    viewers[kind] += 1
    let attached = true
    return () => {
      if (attached) viewers[kind] -= 1
      attached = false
    }
  }

  /** The day's log as an XLSX file (name and base64 content); throws ApiCallError. */
  function exportLog(date: string): Promise<{ fileName: string; base64: string }> {
    return api.call('reports.dailyLogXlsx', { date })
  }

  /** The range report as an XLSX file (name and base64 content); throws ApiCallError. */
  function exportRange(period: DateRange): Promise<{ fileName: string; base64: string }> {
    return api.call('reports.rangeXlsx', { from: period.from, to: period.to })
  }

  return {
    log,
    logDate,
    logLoading,
    figures,
    figuresRange,
    figuresLoading,
    range,
    rangeFor,
    rangeLoading,
    init,
    attach,
    loadLog,
    loadFigures,
    loadRange,
    exportLog,
    exportRange,
  }
})
