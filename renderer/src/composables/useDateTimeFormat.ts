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
