/** Mainland mobile (11 digits, 1[3-9]…) or a landline with area code, e.g. 021-61234567. */
const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/

/** Strips spaces and the +86 / 0086 country prefix a receptionist may type or paste. */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s()]/g, '')
  return compact.replace(/^(\+86|0086)-?/, '')
}

export function isValidPhone(raw: string): boolean {
  const phone = normalizePhone(raw)
  return MOBILE.test(phone) || LANDLINE.test(phone)
}
