import { ref } from 'vue'
import { useServerErrors } from './useServerErrors.ts'

/**
 * A small form's submit: one call at a time, the server's refusals on their fields (or as the form's
 * message), and `done` after a success. `reset` empties the fields and the messages (a dialog reopened).
 * `aliases` name the form field an API field's refusal belongs on (amountFen → amount), as in useServerErrors.
 */
export function useFormSubmit<F extends string, R>(
  form: Record<F, string>,
  fields: readonly F[],
  action: () => Promise<R>,
  done: (result: R) => void = () => {},
  aliases: Partial<Record<string, F>> = {},
) {
  const busy = ref(false)
  const { serverErrors, formError, clear, show } = useServerErrors(form, fields, aliases)

  async function submit(): Promise<void> {
    if (busy.value) return
    busy.value = true
    clear()
    try {
      done(await action())
    } catch (error) {
      show(error)
    } finally {
      busy.value = false
    }
  }

  function reset(): void {
    for (const field of fields) form[field] = ''
    clear()
  }

  return { busy, serverErrors, formError, submit, reset, show, clear }
}
