import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { overlaps, type AppointmentRow } from '../../../../core/domain/appointment.ts'
import { isOpenAppointment } from '../../../../core/domain/appointment.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { nextDay, useAppointmentsStore } from '../../stores/appointments.ts'
import { useSessionStore } from '../../stores/session.ts'
import { useStaffStore } from '../../stores/staff.ts'
import { useVisitsStore } from '../../stores/visits.ts'
import { addDays, isoWeekRange, today } from '../reports/dates.ts'

export type AppointmentsTab = 'day' | 'week' | 'confirm'
export const APPOINTMENT_TABS: readonly AppointmentsTab[] = ['day', 'week', 'confirm']
/** 'all', 'none' (no consultant named) or a consultant's id. */
export type ConsultantFilter = 'all' | 'none' | number
export type DayGrouping = 'time' | 'consultant'

export const BOOK_SHORTCUT = { code: 'KeyN', alt: true } as const
export const PREVIOUS_SHORTCUT = { code: 'Comma', alt: true } as const
export const NEXT_SHORTCUT = { code: 'Period', alt: true } as const
export const TODAY_SHORTCUT = { code: 'KeyT', alt: true } as const

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)

export function matchesConsultant(row: AppointmentRow, filter: ConsultantFilter): boolean {
  if (filter === 'all') return true
  if (filter === 'none') return row.consultantId === null
  return row.consultantId === filter
}

/** Ids of open appointments that overlap another open one of the same consultant on the same day (撞单). */
export function overlapping(rows: readonly AppointmentRow[]): Map<number, AppointmentRow> {
  const found = new Map<number, AppointmentRow>()
  const open = rows.filter((r) => r.consultantId !== null && isOpenAppointment(r.status))
  for (const a of open) {
    for (const b of open) {
      if (a.id !== b.id && a.consultantId === b.consultantId && a.date === b.date && overlaps(a, b) && !found.has(a.id)) found.set(a.id, b)
    }
  }
  return found
}

/**
 * The appointments page: a day or a week (the week of the day shown), a consultant filter, and the
 * day-before call list of a day of its own (tomorrow by default). Lists are re-read on changes while shown.
 */
export function useAppointmentsPage() {
  const route = useRoute()
  const store = useAppointmentsStore()
  const session = useSessionStore()
  const staff = useStaffStore()
  const visits = useVisitsStore()
  const queryTab = route.query.tab
  const tab = ref<AppointmentsTab>(APPOINTMENT_TABS.includes(queryTab as AppointmentsTab) ? (queryTab as AppointmentsTab) : 'day')
  const day = ref(isDay(route.query.date) ? route.query.date : today())
  const confirmDate = ref(nextDay(today()))
  const consultant = ref<ConsultantFilter>('all')
  const grouping = ref<DayGrouping>('time')
  const canBook = computed(() => session.may('desk'))
  const week = computed(() => isoWeekRange(day.value))
  const weekDays = computed(() => Array.from({ length: 7 }, (_, i) => addDays(week.value[0], i)))
  const range = computed(() => (tab.value === 'week' ? { from: week.value[0], to: week.value[1] } : { from: day.value, to: day.value }))
  /** The rows on screen are the answer for the range picked (not an older answer still shown). */
  const current = computed(() => store.rangeFor === JSON.stringify(range.value))
  const rows = computed(() => store.rangeRows.filter((r) => matchesConsultant(r, consultant.value)))
  const dayRows = computed(() => rows.value.filter((r) => r.date === day.value).sort((a, b) => a.time.localeCompare(b.time) || a.id - b.id))
  const clash = computed(() => overlapping(store.rangeRows))

  function load(): void {
    if (tab.value === 'confirm') void store.loadConfirmations(confirmDate.value)
    else void store.loadRange(range.value)
  }
  watch(() => `${tab.value}|${range.value.from}|${range.value.to}|${confirmDate.value}`, load)

  /** The previous (-1) or next (+1) day, or week in the week view. */
  function shift(steps: number): void {
    if (tab.value === 'confirm') confirmDate.value = addDays(confirmDate.value, steps)
    else day.value = addDays(day.value, tab.value === 'week' ? 7 * steps : steps)
  }
  function goToday(): void {
    if (tab.value === 'confirm') confirmDate.value = nextDay(today())
    else day.value = today()
  }
  function openDay(date: string): void {
    day.value = date
    tab.value = 'day'
  }

  useShortcut(PREVIOUS_SHORTCUT, () => shift(-1))
  useShortcut(NEXT_SHORTCUT, () => shift(1))
  useShortcut(TODAY_SHORTCUT, goToday)

  let detachRange: (() => void) | null = null
  let detachConfirmations: (() => void) | null = null
  onMounted(() => {
    void staff.ensureLoaded()
    void visits.ensureLoaded()
    detachRange = store.attachRange()
    detachConfirmations = store.attachConfirmations()
    load()
  })
  onBeforeUnmount(() => {
    detachRange?.()
    detachConfirmations?.()
  })

  return { store, tab, day, confirmDate, consultant, grouping, canBook, week, weekDays, current, rows, dayRows, clash, shift, goToday, openDay, reload: load }
}
