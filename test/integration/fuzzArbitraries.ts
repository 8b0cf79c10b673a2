/**
 * Arbitraries for fuzzing the API contract: walks a method's zod 4 input schema (`schema._zod.def`) and
 * produces *near-valid* inputs, mostly well-typed, with hostile leaves (SQL and HTML fragments, control and
 * bidi characters, huge strings, absurd numbers and money), wrong types at any level, missing required
 * fields and unknown extra fields (`__proto__` among them). A kind of schema it does not know throws, so a
 * new construct in the contract is never silently left unfuzzed.
 *
 * Refinements (`.refine`, `.superRefine`) cannot be inverted; they are left to chance, which is the point
 * of "near-valid". A few field names get hints (ids of seeded rows, real phones, a real workbook) so that
 * some calls get past validation and reach the handlers' rules and writes.
 */
import fc from 'fast-check'
import type { z } from 'zod'

/** Values of the seeded desk that near-valid inputs should hit. */
export interface FuzzHints {
  /** The largest id worth aiming at (ids 1..maxId are mostly real rows). */
  maxId: number
  /** The clinic's "today", YYYY-MM-DD. */
  today: string
  /** Phones of existing clients and staff. */
  phones: string[]
  /** Amounts of the seeded sheets (what a payment must add up to), fen. */
  amounts: number[]
  /** A real price-list workbook (base64) and the hash its preview names. */
  workbook: string
  previewHash: string
  /** Backup files in the folder, and the folder itself (the only existing folder ever offered). */
  backupFiles: string[]
  backupFolder: string
}

export const SQL_FRAGMENTS = [
  "' OR 1=1 --",
  "'; DROP TABLE visits; --",
  '; DROP TABLE visits;',
  '" OR ""="',
  "1' UNION SELECT pin_hash FROM staff --",
  "Robert'); DELETE FROM clients; --",
  '%',
  '_',
  '%_%',
  '\\',
]

export const HTML_FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
]

export const ODD_STRINGS = [
  '',
  ' ',
  '\t\n\r ',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  'a\u0000b',
  '\u0000',
  '😀👩‍👩‍👧‍👦🇨🇳',
  '𠜎𠜱𠝹',
  '\ud800',
  '../../etc/passwd',
  'C:\\Windows\\system32',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e308',
  '张'.repeat(31),
]

/** Built once: 100 000-character strings, plain and CJK. */
export const HUGE_STRINGS = ['x'.repeat(100_000), '张'.repeat(100_000), "' OR 1=1 --".repeat(9_000)]

export const HOSTILE_STRINGS = [...SQL_FRAGMENTS, ...HTML_FRAGMENTS, ...ODD_STRINGS, ...HUGE_STRINGS]

/** Numbers no field should take as they are. NaN and the infinities become null on the JSON wire. */
export const HOSTILE_NUMBERS = [
  -1,
  0,
  -0,
  1.5,
  0.1 + 0.2,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
]

/** Money that is absurd: negative, fractional, beyond any till. */
export const HOSTILE_FEN = [-1, -100, -1_000_000_00, 0.5, 99.99, 1e15, 2 ** 53, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308]

/** Keys no input has; `__proto__` and friends are own keys after the JSON round trip. */
export const EXTRA_KEYS = ['unknownField', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' id', 'id ', 'ID']

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 1.5, '', '1', 'true', [], {}, [null], { id: 1 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
)

/**
 * Every invalid alternative (a wrong type, a dropped required key, an extra key, a value out of range) has
 * weight 1 against `weight` for the valid one. The weight grows with the number of leaves of the schema,
 * so a big form (a consultation sheet has ~40 fields) is not invalid in nearly every run while a small
 * input ({ id }) still gets a hostile value in about a third of its runs.
 */
function validWeight(leaves: number): number {
  return Math.min(150, Math.max(8, 3 * leaves))
}

/** Roughly how many values an input of the schema holds (array elements counted twice). */
function leafCount(schema: z.core.$ZodType): number {
  const def = defOf(schema)
  switch (def.type) {
    case 'object':
      return Object.values(def.shape).reduce((sum, field) => sum + leafCount(field), 0)
    case 'array':
      return 2 * leafCount(def.element)
    case 'optional':
    case 'default':
    case 'nullable':
      return leafCount(def.innerType)
    case 'pipe':
      return leafCount(def.in)
    case 'union':
      return Math.max(...def.options.map(leafCount))
    default:
      return 1
  }
}

type AnyDef = z.core.$ZodTypes['_zod']['def']

interface Walk {
  hints: FuzzHints
  /** The weight of a valid alternative against 1 for each invalid one (see validWeight). */
  weight: number
  /** The object key the value is for (array elements inherit their array's key), for hints. */
  key: string
  /** Where in the schema, for the error on an unknown kind. */
  path: string
}

function defOf(schema: z.core.$ZodType): AnyDef {
  return (schema as z.core.$ZodTypes)._zod.def
}

/** A near-valid input for a schema: mostly the right shape, sometimes a wrong-typed node anywhere. */
export function nearValid(schema: z.core.$ZodType, hints: FuzzHints): fc.Arbitrary<unknown> {
  return node(schema, { hints, weight: validWeight(leafCount(schema)), key: '', path: '(input)' })
}

function node(schema: z.core.$ZodType, walk: Walk): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: walk.weight, arbitrary: shaped(schema, walk) }, { weight: 1, arbitrary: wrongType })
}

function unknownKind(walk: Walk, what: string): never {
  throw new Error(`fuzzArbitraries: no arbitrary for ${what} at ${walk.path}; teach test/integration/fuzzArbitraries.ts this kind`)
}

/** The checks of a schema as plain check definitions (custom refinements included). */
function checksOf(def: AnyDef): { check: string; [k: string]: unknown }[] {
  const checks = (def as { checks?: z.core.$ZodCheck<never>[] }).checks ?? []
  return checks.map((c) => c._zod.def as { check: string; [k: string]: unknown })
}

function shaped(schema: z.core.$ZodType, walk: Walk): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  switch (def.type) {
    case 'object':
      return objectOf(def, walk)
    case 'string':
      return stringOf(def, walk)
    case 'number':
      return numberOf(def, walk)
    case 'boolean':
      return fc.boolean()
    case 'enum': {
      const values = Object.values(def.entries) as (string | number)[]
      return fc.oneof(
        { weight: walk.weight, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.constantFrom<unknown>('janitor', String(values[0]).toUpperCase(), ` ${String(values[0])}`) },
      )
    }
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'array':
      return arrayOf(def, walk)
    case 'optional':
    case 'default':
      // Whether the key is there at all is the object's choice; here the value is given.
      return node(def.innerType, { ...walk, path: `${walk.path}?` })
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: node(def.innerType, walk) }, { weight: 1, arbitrary: fc.constant(null) })
    case 'pipe':
      // A transform's output is not sent: what is sent is what the pipe's input accepts.
      return shaped(def.in, { ...walk, path: `${walk.path}|in` })
    case 'union':
      return fc.oneof(...def.options.map((option, i) => node(option, { ...walk, path: `${walk.path}|${i}` })))
    default:
      return unknownKind(walk, `zod kind "${def.type}"`)
  }
}

function objectOf(def: z.core.$ZodObjectDef, walk: Walk): fc.Arbitrary<unknown> {
  const catchall = def.catchall ? defOf(def.catchall).type : 'strip'
  if (catchall !== 'never' && catchall !== 'unknown' && catchall !== 'strip') unknownKind(walk, `an object catchall of kind "${catchall}"`)
  const MISSING = Symbol('missing')
  const fields = Object.entries(def.shape).map(([key, fieldSchema]) => {
    const kind = defOf(fieldSchema).type
    const optional = kind === 'optional' || kind === 'default'
    const value = node(fieldSchema, { ...walk, key, path: `${walk.path}.${key}` }).map((v): [string, unknown] => [key, v])
    const missing = fc.constant(MISSING)
    return optional ? fc.oneof(value, missing) : fc.oneof({ weight: walk.weight, arbitrary: value }, { weight: 1, arbitrary: missing })
  })
  const extras = fc.oneof(
    { weight: walk.weight, arbitrary: fc.constant<[string, unknown][]>([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3 }) },
  )
  return fc.tuple(fc.tuple(...fields), extras, fc.nat(9)).map(([entries, extra, coin]) => {
    const present = entries.filter((e): e is [string, unknown] => e !== MISSING)
    // Object.fromEntries defines own properties, so `__proto__` stays a key (as JSON.parse makes it).
    const value = Object.fromEntries([...present, ...extra])
    return coin < 8 ? correlate(value) : value
  })
}

/** Fields that must agree with a sibling (a PIN typed twice), made to agree most of the time. */
function correlate(value: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(value, 'repeatPin')) return value
  const first = Object.hasOwn(value, 'newPin') ? value.newPin : value.pin
  return first === undefined ? value : { ...value, repeatPin: first }
}

function lengthBounds(def: AnyDef, walk: Walk): { min: number; max: number } {
  let min = 0
  let max = Number.POSITIVE_INFINITY
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum as number)
    else if (check.check === 'max_length') max = Math.min(max, check.maximum as number)
    else if (check.check === 'length_equals') min = max = check.length as number
    else if (check.check !== 'custom') unknownKind(walk, `an array check "${check.check}"`)
  }
  return { min, max }
}

function arrayOf(def: z.core.$ZodArrayDef, walk: Walk): fc.Arbitrary<unknown> {
  const { min, max } = lengthBounds(def, walk)
  const element = node(def.element, { ...walk, path: `${walk.path}[]` })
  const fitting = fc.array(element, { minLength: min, maxLength: Math.min(max, min + 3) })
  const arms: fc.WeightedArbitrary<unknown[]>[] = [{ weight: walk.weight, arbitrary: fitting }]
  if (min > 0) arms.push({ weight: 1, arbitrary: fc.constant([]) })
  if (Number.isFinite(max) && max <= 60) arms.push({ weight: 1, arbitrary: fc.array(element, { minLength: max + 1, maxLength: max + 1 }) })
  return fc.oneof(...arms)
}

// --- Strings ---------------------------------------------------------------------------------------------

const NAMES = ['张小丽', '王静', '李娜', '陈晨', 'Anna Müller', "O'Brien", '欧阳娜娜', '玻尿酸', '局麻']
/** Hostile strings, alone and inside otherwise ordinary text. */
const HOSTILE_CONTENT = [...HOSTILE_STRINGS, ...NAMES.flatMap((name) => [...SQL_FRAGMENTS, ...HTML_FRAGMENTS, ...ODD_STRINGS].map((bad) => `${name}${bad}`))]
const hostileString = fc.constantFrom(...HOSTILE_CONTENT)

function stringOf(def: z.core.$ZodStringDef, walk: Walk): fc.Arbitrary<unknown> {
  let min = 0
  let max = Number.POSITIVE_INFINITY
  const patterns: RegExp[] = []
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum as number)
    else if (check.check === 'max_length') max = Math.min(max, check.maximum as number)
    else if (check.check === 'string_format' && check.format === 'regex') patterns.push(check.pattern as RegExp)
    else if (check.check !== 'overwrite' && check.check !== 'custom') unknownKind(walk, `a string check "${check.check}${check.format ? `:${String(check.format)}` : ''}"`)
  }
  // z.iso.date() and friends are strings with a format (and its pattern) on the definition itself.
  const format = (def as z.core.$ZodStringDef & { format?: string }).format
  if (format !== undefined && format !== 'date' && format !== 'datetime') unknownKind(walk, `a string format "${format}"`)

  const fits = (text: string) => text.length >= min && text.length <= max
  const fitting = (texts: string[]): fc.Arbitrary<string>[] => (texts.some(fits) ? [fc.constantFrom(...texts.filter(fits))] : [])
  const typical: fc.Arbitrary<string> =
    format === 'date'
      ? dateString(walk.hints)
      : format === 'datetime'
        ? dateTimeString(walk.hints)
        : patterns.length > 0
        ? matching(patterns, min, max)
        : fc.oneof(
            { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, min + 20), unit: 'grapheme-ascii' }) },
            { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, min + 12), unit: 'grapheme' }) },
            { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, min + 12), unit: 'binary' }) },
            // Names, and hostile content that fits the field: stored and shown, never executed nor spliced into SQL.
            ...fitting(NAMES).map((arbitrary) => ({ weight: 2, arbitrary })),
            ...fitting(HOSTILE_CONTENT).map((arbitrary) => ({ weight: 3, arbitrary })),
          )
  const hinted = stringHint(walk)
  return fc.oneof(
    { weight: hinted ? walk.weight : 0, arbitrary: hinted ?? fc.constant('') },
    { weight: walk.weight, arbitrary: typical },
    // Anything hostile, huge strings included, whatever the field takes.
    { weight: 1, arbitrary: hostileString },
  )
}

/** Strings that match every pattern (within the length bounds), or a near miss. */
function matching(patterns: RegExp[], min: number, max: number): fc.Arbitrary<string> {
  // fast-check cannot generate for a case-insensitive pattern; the case-sensitive one only matches less.
  const [first, ...rest] = patterns.map((p) => new RegExp(p.source, p.flags.replace('i', ''))) as [RegExp, ...RegExp[]]
  const exact = fc
    .stringMatching(first, Number.isFinite(max) ? { maxLength: max } : {})
    .filter((s) => s.length >= min && s.length <= max && rest.every((p) => p.test(s)))
  return fc.oneof({ weight: 8, arbitrary: exact }, { weight: 1, arbitrary: exact.map((s) => `${s}\u0000`) }, { weight: 1, arbitrary: exact.map((s) => ` ${s}`) })
}

function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function dateString(hints: FuzzHints): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -10, max: 10 }).map((n) => addDays(hints.today, n)) },
    { weight: 2, arbitrary: fc.integer({ min: -40_000, max: 40_000 }).map((n) => addDays(hints.today, n)) },
    { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '2026-11-23T00:00:00Z', '99999-01-01', '2026-1-1', '1899-12-31', '2026-11-23 ') },
  )
}

/** ISO times around today with an offset (z.iso.datetime({ offset: true })), and near misses. */
function dateTimeString(hints: FuzzHints): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 0, max: 23 })).map(([n, h]) => `${addDays(hints.today, n)}T${String(h).padStart(2, '0')}:30:00+08:00`) },
    { weight: 2, arbitrary: fc.integer({ min: -40_000, max: 40_000 }).map((n) => `${addDays(hints.today, n)}T08:00:00.000Z`) },
    { weight: 1, arbitrary: fc.constantFrom('2026-02-30T10:00:00Z', '2026-11-23', '2026-11-23T25:00:00Z', '2026-11-23T10:00:00', 'yesterday', '2026-11-23T10:00:00+99:00') },
  )
}

/** Real values for a few well-known fields, so near-valid calls can succeed. */
function stringHint(walk: Walk): fc.Arbitrary<string | null> | null {
  const { key, hints } = walk
  if (key === 'phone') return fc.oneof(fc.constantFrom(...hints.phones), fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, '0')}`), fc.constant('021-6543 2100'))
  if (key === 'pin' || key === 'newPin' || key === 'currentPin' || key === 'repeatPin') return fc.oneof(fc.constant('1234'), fc.stringMatching(/^[0-9]{4,12}$/))
  if (key === 'base64') return fc.oneof({ weight: 4, arbitrary: fc.constant(hints.workbook) }, { weight: 2, arbitrary: mutatedBase64(hints.workbook) }, { weight: 1, arbitrary: fc.base64String({ maxLength: 400 }) })
  if (key === 'photo') return fc.oneof({ weight: 3, arbitrary: fc.constant(TINY_PNG) }, { weight: 1, arbitrary: mutatedBase64(TINY_PNG) }, { weight: 1, arbitrary: fc.base64String({ maxLength: 400 }) })
  if (key === 'expectedPreviewHash') return fc.oneof(fc.constant(hints.previewHash), fc.stringMatching(/^[0-9a-f]{64}$/))
  if (key === 'file' && hints.backupFiles.length > 0) return fc.constantFrom(...hints.backupFiles)
  if (key === 'passphrase') return fc.constantFrom('correct horse battery', '12345678', 'x'.repeat(200))
  // Never a real folder other than the temp backup folder: the fuzz must not write backups into `/`.
  if (key === 'folder') return fc.oneof(fc.constant(hints.backupFolder), fc.constant(null), fc.constantFrom('/nonexistent/backups', '/nonexistent/<script>', "C:\\nope\\' OR 1=1 --"))
  return null
}

/** A 1×1 PNG: the smallest shop-front photo a store can be filed with. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

function mutatedBase64(base64: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: 0, max: base64.length - 1 }).map((n) => base64.slice(0, n)),
    fc.tuple(fc.integer({ min: 0, max: base64.length - 1 }), fc.constantFrom('A', '/', '+', '0')).map(([n, ch]) => `${base64.slice(0, n)}${ch}${base64.slice(n + 1)}`),
    fc.constant(base64.slice(200)),
  )
}

// --- Numbers ---------------------------------------------------------------------------------------------

const hostileNumber = fc.constantFrom(...HOSTILE_NUMBERS)

function numberOf(def: z.core.$ZodNumberDef, walk: Walk): fc.Arbitrary<unknown> {
  let isInt = false
  let lo = -Number.MAX_SAFE_INTEGER
  let hi = Number.MAX_SAFE_INTEGER
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') isInt = ['safeint', 'int32', 'uint32'].includes(check.format as string) || unknownKind(walk, `a number format "${String(check.format)}"`)
    else if (check.check === 'greater_than') lo = Math.max(lo, (check.value as number) + (check.inclusive || !isIntegral(check.value) ? 0 : 1))
    else if (check.check === 'less_than') hi = Math.min(hi, (check.value as number) - (check.inclusive || !isIntegral(check.value) ? 0 : 1))
    else if (check.check !== 'custom') unknownKind(walk, `a number check "${check.check}"`)
  }
  const inRange: fc.Arbitrary<number> = isInt
    ? fc.bigInt({ min: BigInt(Math.ceil(lo)), max: BigInt(Math.floor(hi)) }).map(Number)
    : fc.oneof(fc.integer({ min: Math.ceil(Math.max(lo, -1e6)), max: Math.floor(Math.min(hi, 1e6)) }), fc.double({ min: lo, max: hi, noNaN: true }))
  const hinted = numberHint(walk, lo, hi)
  const money = /fen$/i.test(walk.key)
  return fc.oneof(
    { weight: hinted ? 4 * walk.weight : 0, arbitrary: hinted ?? fc.constant(0) },
    { weight: walk.weight, arbitrary: inRange },
    { weight: 1, arbitrary: money ? fc.constantFrom(...HOSTILE_FEN) : hostileNumber },
    { weight: 1, arbitrary: fc.constantFrom(lo - 1, hi + 1, lo, hi) },
  )
}

const isIntegral = (value: unknown) => typeof value === 'number' && Number.isInteger(value)

function numberHint(walk: Walk, lo: number, hi: number): fc.Arbitrary<number> | null {
  const { key, hints } = walk
  const small = (max: number) => fc.integer({ min: Math.max(1, lo), max: Math.max(1, Math.min(max, hi)) })
  if (key === 'id' || key === 'order' || /Ids?$/.test(key)) return small(hints.maxId)
  if (key === 'expectedVersion' || key === 'expectedRevision') return small(4)
  if (key === 'quantity' || key === 'copies') return small(5)
  if (/fen$/i.test(key)) {
    const amounts = hints.amounts.filter((n) => n >= lo && n <= hi)
    return fc.oneof(
      { weight: 1, arbitrary: amounts.length > 0 ? fc.constantFrom(...amounts) : fc.constant(Math.max(lo, 0)) },
      // From a few yuan to a million, each order of magnitude as likely.
      { weight: 1, arbitrary: fc.integer({ min: 2, max: 8 }).chain((digits) => fc.integer({ min: Math.max(lo, 0), max: Math.min(hi, 10 ** digits) })) },
    )
  }
  if (key === 'percent') return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(12.5, 33.333, 99.99, 100.01))
  return null
}

// --- Whole inputs ----------------------------------------------------------------------------------------

/**
 * What a fuzzed call sends: mostly a near-valid input, sometimes any JSON value or anything at all.
 * The caller sends it through a JSON round trip, as the IPC and HTTP bridges would.
 */
export function fuzzInput(schema: z.core.$ZodType, hints: FuzzHints): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 14, arbitrary: nearValid(schema, hints) },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.anything() },
  )
}

/** The value as it arrives after the bridge's JSON serialisation (`undefined` stays undefined: no body). */
export function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value)
  return text === undefined ? undefined : JSON.parse(text)
}
