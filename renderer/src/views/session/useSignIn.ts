import { computed, nextTick, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from '../../api/notify.ts'
import { useSessionStore } from '../../stores/session.ts'

/** The sign-in (and unlock) form: who, the PIN, and the main process's answer. */
export function useSignIn() {
  const session = useSessionStore()
  const { t, locale } = useI18n()
  const clock = (iso: string) => new Intl.DateTimeFormat(locale.value, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso))
  // undefined rather than null: Element Plus's radio group takes no null.
  const staffId = ref<number | undefined>(undefined)
  const pin = ref('')
  const message = ref('')
  const busy = ref(false)
  const pinInput = ref<{ focus(): void } | null>(null)

  const lastOperator = computed(() => session.candidates.find((c) => c.id === session.lastOperatorId) ?? null)

  // Unlocking preselects who locked the desk; with one candidate there is nothing to choose.
  watch(
    () => [session.candidates, session.lastOperatorId] as const,
    ([candidates, last]) => {
      if (staffId.value !== undefined && candidates.some((c) => c.id === staffId.value)) return
      const preselect = candidates.find((c) => c.id === last) ?? (candidates.length === 1 ? candidates[0] : undefined)
      staffId.value = preselect?.id
      if (preselect) void nextTick(() => pinInput.value?.focus())
    },
    { immediate: true },
  )
  watch(staffId, () => {
    message.value = ''
    pin.value = ''
  })

  async function submit(): Promise<void> {
    if (busy.value) return
    if (staffId.value === undefined) {
      message.value = t('session.signIn.chooseFirst')
      return
    }
    busy.value = true
    message.value = ''
    try {
      const result = await session.signIn(staffId.value, pin.value)
      if (!result.signedIn) {
        message.value =
          result.reason === 'wrong_pin'
            ? t('session.signIn.wrongPin', { n: result.attemptsLeft })
            : t('session.signIn.lockedUntil', { time: clock(result.until) })
        pin.value = ''
        pinInput.value?.focus()
      }
    } catch (error) {
      message.value = describeError(error)
    } finally {
      busy.value = false
    }
  }

  return { session, staffId, pin, message, busy, pinInput, lastOperator, submit }
}
