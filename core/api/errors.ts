/** Error codes that cross the API boundary. The message is translated for the operator's language. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  /** Nobody is signed in at this desk (or the session locked itself): sign in and try again. */
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violation',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Field-level problems for forms: path -> message. */
  fields?: Record<string, string>
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/**
 * Thrown by handlers for an expected refusal (a rule, a missing record). The dispatcher turns it into
 * an error envelope with `messageKey` translated; anything else thrown is an internal error.
 */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly messageKey: string
  readonly params: Record<string, string | number>
  /** The input field the refusal is about, so a form can show it there. */
  readonly field: string | undefined

  constructor(code: ErrorCode, messageKey: string, params: Record<string, string | number> = {}, field?: string) {
    super(messageKey)
    this.name = 'DomainError'
    this.code = code
    this.messageKey = messageKey
    this.params = params
    this.field = field
  }
}
