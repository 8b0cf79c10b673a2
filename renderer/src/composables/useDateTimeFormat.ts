import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

/** Local date and time of `now` in the operator's language. */
export function useDateTimeFormat(now: Ref<Date>) {
  const { locale } = useI18n()
  const dateFormat = computed(
    () => new Intl.DateTimeFormat(locale.value, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }),
  )
  const timeFormat = computed(
    () => new Intl.DateTimeFormat(locale.value, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
  )
  const date = computed(() => dateFormat.value.format(now.value))
  const time = computed(() => timeFormat.value.format(now.value))
  /** The machine-readable value for `<time datetime>`. */
  const iso = computed(() => now.value.toISOString())
  return { date, time, iso }
}

/** Date and time as printed on the sheets ("2026/12/03 14:09"), in the operator's language. */
export function useSheetDateTime() {
  const { locale } = useI18n()
  const format = computed(
    () => new Intl.DateTimeFormat(locale.value, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }),
  )
  return (date: Date) => format.value.format(date)
}
