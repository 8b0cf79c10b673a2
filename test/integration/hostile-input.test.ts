import { describe, expect, it } from 'vitest'
import { contract } from '../../core/api/contract.ts'
import { ERROR_CODES } from '../../core/api/errors.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk } from './harness.ts'

const tempDir = useTempDir()

const HOSTILE: unknown[] = [
  null,
  42,
  'DROP TABLE visits',
  [],
  [1, 2, 3],
  { id: -1 },
  { id: 1.5 },
  { id: Number.MAX_SAFE_INTEGER + 2 },
  { id: '1' },
  { visitId: 1, expectedVersion: 'x' },
  { name: '<script>alert(1)</script>', phone: "13800000000' OR 1=1 --", role: 'consultant', room: '', skills: [] },
  { name: '张'.repeat(200_000), phone: '1'.repeat(100_000), role: 'consultant', room: '', skills: [] },
  { query: '%' },
  { query: "' OR 1=1 --" },
  { memberIds: [1, 1, 1] },
  { kind: 'janitor' },
  { unknownField: true },
  JSON.parse('{"__proto__": {"polluted": true}, "id": 1}'),
]

describe('every method of the contract under hostile input', () => {
  it('answers with a valid result or a typed error, never throws, and writes nothing when it refuses', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock())
    const wang = await d.consultant('王静', [], '1')
    await d.call('rotation.open', { memberIds: [wang.id] })
    const { visit } = await d.arrive('张小丽', 'first')
    // A fee sheet with a line, so that `{ id: 1 }` reaches a real sheet.
    const item = await d.call('prices.create', { code: 'HA01', name: '玻尿酸', category: 'treatment', listPriceFen: 380000, floorPriceFen: 300000 })
    const sheet = await d.call('fees.create', { visitId: visit.id })
    await d.call('fees.saveDraft', { id: sheet.id, expectedRevision: sheet.revision, lines: [{ itemId: item.id, quantity: 1 }] })
    for (const method of Object.keys(contract)) {
      for (const input of HOSTILE) {
        const before = d.snapshot()
        const result = await d.send(method as never, input as never)
        if (result.ok) continue
        expect(ERROR_CODES, `${method} ${JSON.stringify(input)?.slice(0, 60)}`).toContain(result.error.code)
        expect(result.error.code, `${method} must not fail internally`).not.toBe('internal')
        expect(typeof result.error.message).toBe('string')
        expect(d.snapshot(), `${method} wrote although it refused`).toEqual(before)
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(d.logged).toEqual([])
  })
})
