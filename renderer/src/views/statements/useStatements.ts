import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { RebatePeriod } from '../../../../core/api/rebates.ts'
import { showError, showSuccess } from '../../api/notify.ts'
import { usePrintSheet } from '../../composables/usePrintSheet.ts'
import { useRebatesStore } from '../../stores/rebates.ts'
import { useSessionStore } from '../../stores/session.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { useStaffStore } from '../../stores/staff.ts'
import { downloadFile } from '../reports/download.ts'
import { today } from '../reports/dates.ts'
import { figuresOf, monthEnded, monthParts, queryOf, shareByStore, tableTotals, type Scope } from './scope.ts'

/** The current month as a period with nothing booked yet (offered when the server lists no month). */
const emptyPeriod = (period: string): RebatePeriod => ({ period, closed: false, closedAt: null, closedByName: '', entryCount: 0, shareFen: 0, commissionFen: 0 })

/**
 * The statements screen: the month (the newest by default), the scope, the statement they name and what is
 * worked out from it, and its actions (print, export, close the month). A salesperson (role marketing) is
 * narrowed to their own stores by the main process; the store and salesperson lists offer only theirs.
 */
export function useStatements() {
  const { t } = useI18n()
  const store = useRebatesStore()
  const session = useSessionStore()
  const staff = useStaffStore()
  const settings = useSettingsStore()
  const period = ref<string | null>(null)
  const scope = ref<Scope>({ kind: 'all', storeId: null, salespersonId: null })

  const periods = computed<RebatePeriod[]>(() => (store.periods.length > 0 ? store.periods : [emptyPeriod(today().slice(0, 7))]))
  const query = computed(() => queryOf(period.value, scope.value))
  const statement = computed(() => {
    const shown = store.statement
    const q = query.value
    const asked = store.query
    if (!shown || !q || !asked || shown.period.period !== q.period) return null
    // Until the newly asked scope has come back, the old one is not shown under the new name.
    if ((asked.storeId ?? null) !== (q.storeId ?? null) || (asked.salespersonId ?? null) !== (q.salespersonId ?? null)) return null
    return shown
  })
  const entries = computed(() => statement.value?.entries ?? [])
  const storeShares = computed(() => shareByStore(entries.value))
  const figures = computed(() => (statement.value ? figuresOf(statement.value) : null))
  const totalsRow = computed(() => tableTotals(entries.value))
  const shownPeriod = computed(() => periods.value.find((p) => p.period === period.value) ?? statement.value?.period ?? null)

  const monthLabel = (p: string) => t('statements.monthName', monthParts(p))
  const scopeTitle = computed(() => {
    const s = statement.value?.scope
    return !s || s.title === '全院' ? t('statements.scope.allName') : s.title
  })

  const me = computed(() => session.operator)
  const isSalesperson = computed(() => me.value?.role === 'marketing')
  const salespeople = computed(() => {
    const all = staff.all.filter((s) => s.role === 'marketing')
    const mine = isSalesperson.value ? all.filter((s) => s.id === me.value?.id) : all
    return [...mine].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN'))
  })
  const stores = computed(() => {
    const mine = isSalesperson.value ? store.stores.filter((s) => s.salespersonId === me.value?.id) : store.stores
    return [...mine].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  })

  const mayClose = computed(() => session.may('admin'))
  const closeBlocked = computed<'closed' | 'notEnded' | null>(() => {
    const p = shownPeriod.value
    if (!p) return null
    if (p.closed) return 'closed'
    return monthEnded(p.period, today()) ? null : 'notEnded'
  })

  watch(
    periods,
    (list) => {
      if (period.value === null || !list.some((p) => p.period === period.value)) period.value = list[0]?.period ?? null
    },
    { immediate: true },
  )
  watch(
    query,
    (next) => {
      if (next) void store.loadStatement(next)
    },
    { immediate: true },
  )
  // A marketing operator's only salesperson is themselves: chosen for them.
  watch(
    () => [scope.value.kind, salespeople.value] as const,
    ([kind, people]) => {
      if (kind === 'salesperson' && scope.value.salespersonId === null && people.length === 1) scope.value = { ...scope.value, salespersonId: people[0]!.id }
    },
  )

  const exporting = ref(false)
  async function exportXlsx(): Promise<void> {
    const q = query.value
    if (!q || exporting.value) return
    exporting.value = true
    try {
      const file = await store.exportXlsx(q)
      downloadFile(file.fileName, file.base64)
      showSuccess(t('statements.actions.exported', { file: file.fileName }))
    } catch (error) {
      showError(error)
    } finally {
      exporting.value = false
    }
  }

  const closing = ref(false)
  async function closeMonth(): Promise<void> {
    const p = shownPeriod.value
    if (!p || closing.value || !mayClose.value || p.closed) return
    if (!monthEnded(p.period, today())) {
      ElMessage({ type: 'warning', message: t('statements.actions.notEnded'), showClose: true, grouping: true })
      return
    }
    const month = monthLabel(p.period)
    try {
      await ElMessageBox.confirm(t('statements.actions.closeBody', { month }), t('statements.actions.closeTitle', { month }), {
        type: 'warning',
        confirmButtonText: t('statements.actions.closeConfirm'),
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: 'el-button--danger',
      })
    } catch {
      return // cancelled
    }
    closing.value = true
    try {
      await store.closeMonth(p.period)
      showSuccess(t('statements.actions.closed', { month }))
    } catch (error) {
      showError(error)
    } finally {
      closing.value = false
    }
  }

  const previewOpen = ref(false)
  const printedAt = ref(new Date())
  function openPrint(): void {
    if (!statement.value) return
    printedAt.value = new Date()
    previewOpen.value = true
  }

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    void store.loadPeriods()
    void store.loadStores()
    void staff.ensureLoaded()
  })
  onBeforeUnmount(() => detach?.())
  usePrintSheet()

  const clinicName = computed(() => settings.clinicName)
  return {
    store,
    period,
    periods,
    scope,
    query,
    statement,
    entries,
    storeShares,
    figures,
    totalsRow,
    shownPeriod,
    monthLabel,
    scopeTitle,
    salespeople,
    stores,
    mayClose,
    closeBlocked,
    clinicName,
    exporting,
    closing,
    previewOpen,
    printedAt,
    exportXlsx,
    closeMonth,
    openPrint,
  }
}
