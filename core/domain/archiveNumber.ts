/**
 * Archive numbers from a template: {YYYY} {YY} {MM} {DD} take the registration date, {SEQ:n} the clinic's
 * running number zero-padded to n digits. Default DA{YYYY}{SEQ:5} -> DA202600042.
 */
export const DEFAULT_ARCHIVE_TEMPLATE = 'DA{YYYY}{SEQ:5}'
const TOKEN = /\{(YYYY|YY|MM|DD|SEQ(?::(\d))?)\}/g

export function isValidArchiveTemplate(template: string): boolean {
  const seqTokens = template.match(/\{SEQ(?::\d)?\}/g) ?? []
  const rest = template.replace(TOKEN, '')
  return seqTokens.length === 1 && /^[A-Za-z0-9\-_]*$/.test(rest) && template.length <= 30
}

/** `date` is the local calendar date YYYY-MM-DD. */
export function formatArchiveNumber(template: string, seq: number, date: string): string {
  const [yyyy = '', mm = '', dd = ''] = date.split('-')
  return template.replace(TOKEN, (_whole, token: string, width?: string) => {
    if (token === 'YYYY') return yyyy
    if (token === 'YY') return yyyy.slice(2)
    if (token === 'MM') return mm
    if (token === 'DD') return dd
    return String(seq).padStart(Number(width ?? 1), '0')
  })
}
