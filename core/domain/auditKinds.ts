/**
 * What kind of work an audit row records, told by its method's area (the part of `area.action` before the
 * dot). The audit log screen filters by kind; rows written outside the dispatcher use methods of the same
 * areas (`backups.auto`, `backups.restore`), so they fall into their kind too.
 */
export const AUDIT_KINDS = ['registration', 'rotation', 'calls', 'consultation', 'fees', 'prices', 'staff', 'settings', 'backups', 'session', 'appointments', 'partners', 'treatment', 'other'] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]

/** The areas of each named kind; every other area is `other`. */
export const AUDIT_KIND_AREAS: Readonly<Record<Exclude<AuditKind, 'other'>, readonly string[]>> = {
  registration: ['clients', 'visits'],
  rotation: ['rotation'],
  calls: ['queue', 'display'],
  consultation: ['consultations'],
  fees: ['fees', 'storedValue'],
  prices: ['prices'],
  staff: ['staff'],
  settings: ['settings'],
  backups: ['backups'],
  session: ['session', 'setup'],
  appointments: ['appointments', 'followUps'],
  partners: ['partnerStores', 'partnerReports', 'rebates', 'referrals'],
  treatment: ['cards', 'complaints', 'consents', 'photos'],
}

const KIND_OF_AREA: ReadonlyMap<string, AuditKind> = new Map(
  Object.entries(AUDIT_KIND_AREAS).flatMap(([kind, areas]) => areas.map((area) => [area, kind as AuditKind] as const)),
)

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === 'string' && (AUDIT_KINDS as readonly string[]).includes(value)
}

/** The kind of a method name: by its area; a name without an area, or of an unlisted area, is `other`. */
export function auditKindOf(method: string): AuditKind {
  const dot = method.indexOf('.')
  if (dot <= 0) return 'other'
  return KIND_OF_AREA.get(method.slice(0, dot)) ?? 'other'
}

/** A half-open range of method names, `lo <= method < hi`, in the byte order SQLite compares TEXT in. */
export interface MethodRange {
  lo: string
  hi: string
}

/** Above every method name (they are ASCII `area.action`). */
const TOP = '\u{10FFFF}'

/** `area.` up to `area/` ('/' is the character after '.'): exactly the names `area.<anything>`. */
function areaRange(area: string): MethodRange {
  return { lo: `${area}.`, hi: `${area}/` }
}

const NAMED_RANGES: readonly MethodRange[] = [...KIND_OF_AREA.keys()].map(areaRange).sort((a, b) => (a.lo < b.lo ? -1 : 1))

/**
 * The method-name ranges of a kind, sorted, for a query on the `(method, id)` index: one per area of a named
 * kind; for `other`, the gaps between all of those (so no method is in two kinds, and every one is in one).
 */
export function auditKindRanges(kind: AuditKind): readonly MethodRange[] {
  if (kind !== 'other') return AUDIT_KIND_AREAS[kind].map(areaRange).sort((a, b) => (a.lo < b.lo ? -1 : 1))
  const gaps: MethodRange[] = []
  let from = ''
  for (const range of NAMED_RANGES) {
    if (from < range.lo) gaps.push({ lo: from, hi: range.lo })
    from = range.hi
  }
  gaps.push({ lo: from, hi: TOP })
  return gaps
}
