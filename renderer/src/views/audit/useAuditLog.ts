import { computed, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { AUDIT_KINDS, type AuditKind } from '../../../../core/domain/auditKinds.ts'
import { useAuditStore, type AuditQuery } from '../../stores/audit.ts'
import { lastDays, thisMonth, type DayRange } from '../reports/dates.ts'

/** The operator select's value for the rows without an operator account (ids are digits). */
export const NO_ACCOUNT = 'none'

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO-8601 UTC instant in the clinic's local time, `YYYY-MM-DD HH:mm:ss`. */
export function localDateTime(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** The filters as the screen holds them (selects give strings; '' is "all") to the store's query. */
export function queryOf(operator: string | undefined, range: DayRange | null | undefined, kind: AuditKind | '' | undefined): AuditQuery {
  const query: AuditQuery = {}
  if (operator === NO_ACCOUNT) query.operatorId = null
  else if (operator) query.operatorId = Number(operator)
  if (range?.[0] && range[1]) {
    query.from = range[0]
    query.to = range[1]
  }
  if (kind) query.kind = kind
  return query
}

/** Element Plus's date shortcuts take Date objects (local midnight). */
function asDates([from, to]: DayRange): [Date, Date] {
  const day = (s: string) => {
    const [y = 1970, m = 1, d = 1] = s.split('-').map(Number)
    return new Date(y, m - 1, d)
  }
  return [day(from), day(to)]
}

/**
 * The audit log screen: filters by operator, dates (the last 7 days at first) and kind; every change of a
 * filter reads the first page again, "load more" appends the next. Refresh reads the operators too.
 */
export function useAuditLog() {
  const { t } = useI18n()
  const store = useAuditStore()
  const operator = ref('')
  const range = ref<DayRange | null>(lastDays(7))
  const kind = ref<AuditKind | ''>('')
  const query = computed(() => queryOf(operator.value, range.value, kind.value))

  const operatorOptions = computed(() =>
    store.operators.map((o) => (o.id === null ? { value: NO_ACCOUNT, label: t('audit.filters.noAccount') } : { value: String(o.id), label: o.name })),
  )
  const kindOptions = computed(() => AUDIT_KINDS.map((k) => ({ value: k, label: t(`audit.kinds.${k}`) })))
  const shortcuts = computed(() => [
    { text: t('audit.filters.shortcuts.today'), value: () => asDates(lastDays(1)) },
    { text: t('audit.filters.shortcuts.last7Days'), value: () => asDates(lastDays(7)) },
    { text: t('audit.filters.shortcuts.last30Days'), value: () => asDates(lastDays(30)) },
    { text: t('audit.filters.shortcuts.thisMonth'), value: () => asDates(thisMonth()) },
  ])
  const rows = computed(() => store.entries.map((entry) => ({ ...entry, time: localDateTime(entry.at) })))
  const empty = computed(() => store.loaded && !store.loading && store.entries.length === 0)

  watch(query, (next) => void store.load(next))

  onMounted(() => {
    void store.loadOperators()
    void store.load(query.value)
  })

  return { store, operator, range, kind, operatorOptions, kindOptions, shortcuts, rows, empty, loadMore: () => store.loadMore(), refresh: () => store.refresh() }
}
