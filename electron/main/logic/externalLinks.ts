/**
 * Hosts whose https links the app may open in the user's browser. Empty until the clinic needs one
 * (e.g. a help page); every other link is simply denied. Exact host names, no wildcards.
 */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = []

/** True only for a plain https URL (default port, no credentials) whose host is on the allow-list. */
export function isAllowedExternalUrl(raw: string, allowedHosts: readonly string[] = ALLOWED_EXTERNAL_HOSTS): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:') return false
  if (url.username !== '' || url.password !== '' || url.port !== '') return false
  const host = url.hostname.toLowerCase()
  return allowedHosts.some((allowed) => allowed.toLowerCase() === host)
}
