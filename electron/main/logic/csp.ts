/**
 * The Content-Security-Policy sent as a response header by the `app://` protocol handler. The renderer's
 * index.html carries the same policy in a meta tag; a browser enforces both, so the stricter wins.
 * No 'unsafe-inline'/'unsafe-eval' for scripts, no remote origins anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Directive name -> source list, as a browser reads a policy (the first occurrence of a name wins). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    const key = name.toLowerCase()
    if (!directives.has(key)) directives.set(key, sources)
  }
  return directives
}

/** Sources that are not keywords or local schemes: any of them lets remote content in. */
export function remoteSources(policy: string): string[] {
  const local = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'])
  const remote: string[] = []
  for (const sources of parseCsp(policy).values()) {
    for (const source of sources) if (!local.has(source.toLowerCase())) remote.push(source)
  }
  return remote
}

/** What is wrong with a policy against the app's rules; empty when it is strict enough. */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy)
  const problems: string[] = []
  const defaultSrc = csp.get('default-src')
  if (defaultSrc?.join(' ') !== "'self'") problems.push(`default-src must be exactly 'self', is ${String(defaultSrc?.join(' '))}`)
  const scriptSrc = csp.get('script-src') ?? defaultSrc ?? []
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'"]) {
    if (scriptSrc.includes(bad)) problems.push(`script-src allows ${bad}`)
  }
  if (csp.get('object-src')?.join(' ') !== "'none'") problems.push("object-src must be 'none'")
  const remote = remoteSources(policy)
  if (remote.length > 0) problems.push(`remote or unknown sources: ${remote.join(' ')}`)
  return problems
}
