import { printableIssues, type ConsultationPayload, type PrintIssue } from '../../../../core/domain/consultation.ts'

/** The `consultation.validation.*` key of each print check. */
const MESSAGE_KEY: Record<PrintIssue, string> = {
  'validation.required': 'consultation.validation.required',
  'validation.gender': 'consultation.validation.gender',
  'validation.phone': 'consultation.validation.phone',
  'validation.planLineName': 'consultation.validation.planLineName',
}

/** Field path -> message: what must be filled before the sheet can be printed (the API checks the same). */
export function fieldErrors(payload: ConsultationPayload, t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(printableIssues(payload)).map(([path, issue]) => [path, t(MESSAGE_KEY[issue])]))
}

/** Moves the keyboard to the first field named in `errors` (fields carry `data-field="client.name"`). */
export function focusFirstError(errors: Record<string, string>): void {
  const first = Object.keys(errors)[0]
  if (!first) return
  const field = document.querySelector(`[data-field="${first}"]`)
  const input = field?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea')
  input?.focus()
}
