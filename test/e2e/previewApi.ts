// The web preview's API as the desk's bridge calls it (POST /api/invoke under a session token), for test
// setup (fixtures.ts) and the benchmarks (bench/): not a path any screen takes.

export interface Operator {
  name: string
  pin: string
}

export function previewApi(baseUrl: string, token: string = crypto.randomUUID()) {
  async function call<T>(method: string, input: unknown): Promise<T> {
    const response = await fetch(new URL('api/invoke', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-session': token },
      body: JSON.stringify({ method, input }),
    })
    const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } }
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
    return envelope.value
  }
  /** Signs this token in as `who`, by name and PIN, as the sign-in screen does. */
  async function signIn(who: Operator): Promise<void> {
    const candidates = await call<{ id: number; name: string }[]>('session.operators', {})
    const staff = candidates.find((candidate) => candidate.name === who.name)
    if (!staff) throw new Error(`${who.name} cannot sign in at ${baseUrl}`)
    const result = await call<{ signedIn: boolean }>('session.signIn', { staffId: staff.id, pin: who.pin })
    if (!result.signedIn) throw new Error(`sign-in of ${who.name} failed`)
  }
  return { token, call, signIn }
}
export type PreviewApi = ReturnType<typeof previewApi>
