import { ref, type Ref } from 'vue'
import { useServerErrors } from './useServerErrors.ts'

export interface FormSubmitOptions<F extends string> {
  /** The form field an API field's refusal belongs on (amountFen → amount), as in useServerErrors. */
  aliases?: Partial<Record<string, F>>
  /**
   * Runs first on a failure, with the form's messages to set: a conflict re-read, a message of its own.
   * 'handled' means it said all there is to say; otherwise the error goes on its fields as usual.
   */
  onError?: (error: unknown, messages: FormMessages<F>) => void | 'handled'
}

/** The messages a form shows: one per field, and one for the whole form. */
export interface FormMessages<F extends string> {
  serverErrors: Partial<Record<F, string>>
  formError: Ref<string>
}

/**
 * A small form's submit: one call at a time, the server's refusals on their fields (or as the form's
 * message), and `done` after a success. `reset` empties the text fields and the messages (a dialog reopened).
 * What `submit` is given goes to `action` (a form that checks its fields first hands over the checked input).
 */
export function useFormSubmit<F extends string, R, A extends unknown[] = []>(
  form: Record<F, unknown>,
  fields: readonly F[],
  action: (...args: A) => Promise<R>,
  done: (result: R) => void = () => {},
  options: FormSubmitOptions<F> = {},
) {
  const busy = ref(false)
  const { serverErrors, formError, clear, show } = useServerErrors(form, fields, options.aliases)

  async function submit(...args: A): Promise<void> {
    if (busy.value) return
    busy.value = true
    clear()
    try {
      done(await action(...args))
    } catch (error) {
      if (options.onError?.(error, { serverErrors, formError }) !== 'handled') show(error)
    } finally {
      busy.value = false
    }
  }

  function reset(): void {
    for (const field of fields) if (typeof form[field] === 'string') form[field] = ''
    clear()
  }

  return { busy, serverErrors, formError, submit, reset, show, clear }
}
