import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useSessionStore } from '../../stores/session.ts'
import { useRebatesStore } from '../../stores/rebates.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { useStaffStore } from '../../stores/staff.ts'
import { today } from '../reports/dates.ts'
import { monthEnded, queryOf, shareByStore, type Scope } from './scope.ts'

/** On <body> while the screen is open: its print styles then show only the printed statement. */
export const STATEMENT_PRINT_BODY_CLASS = 'print-rebate-statement'

/**
 * The statements screen: the month (the newest by default), the scope, the statement they name and what is
 * worked out from it. A salesperson (role marketing) is narrowed to their own stores by the main process; the
 * salesperson list then offers only themselves.
 */
export function useStatements() {
  const store = useRebatesStore()
  const session = useSessionStore()
  const staff = useStaffStore()
  const settings = useSettingsStore()
  const period = ref<string | null>(null)
  const scope = ref<Scope>({ kind: 'all', storeId: null, salespersonId: null })

  const query = computed(() => queryOf(period.value, scope.value))
  const statement = computed(() => {
    const shown = store.statement
    const q = query.value
    if (!shown || !q || shown.period.period !== q.period) return null
    return shown
  })
  const entries = computed(() => statement.value?.entries ?? [])
  const storeShares = computed(() => shareByStore(entries.value))
  const shownPeriod = computed(() => store.periods.find((p) => p.period === period.value) ?? statement.value?.period ?? null)

  const salespeople = computed(() => {
    const me = session.operator
    const all = staff.all.filter((s) => s.role === 'marketing')
    const mine = me && me.role === 'marketing' ? all.filter((s) => s.id === me.id) : all
    return [...mine].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN'))
  })
  const stores = computed(() => [...store.stores].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')))

  const mayClose = computed(() => session.may('admin'))
  const closeBlocked = computed<'closed' | 'notEnded' | null>(() => {
    const p = shownPeriod.value
    if (!p) return null
    if (p.closed) return 'closed'
    return monthEnded(p.period, today()) ? null : 'notEnded'
  })

  watch(
    () => store.periods,
    (periods) => {
      if (period.value === null || !periods.some((p) => p.period === period.value)) period.value = periods[0]?.period ?? null
    },
  )
  watch(query, (next) => {
    if (next) void store.loadStatement(next)
  })
  // A marketing operator's only salesperson is themselves: chosen for them.
  watch(
    () => [scope.value.kind, salespeople.value] as const,
    ([kind, people]) => {
      if (kind === 'salesperson' && scope.value.salespersonId === null && people.length === 1) scope.value = { ...scope.value, salespersonId: people[0]!.id }
    },
  )

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    void store.loadPeriods()
    void store.loadStores()
    void staff.ensureLoaded()
    document.body.classList.add(STATEMENT_PRINT_BODY_CLASS)
  })
  onBeforeUnmount(() => {
    detach?.()
    document.body.classList.remove(STATEMENT_PRINT_BODY_CLASS)
  })

  const clinicName = computed(() => settings.clinicName)
  return { store, period, scope, query, statement, entries, storeShares, shownPeriod, salespeople, stores, mayClose, closeBlocked, clinicName }
}
