import { DomainError } from '../../../core/api/errors.ts'
import type { Visit } from '../../../core/domain/visit.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { getVisit } from '../../../db/visits.ts'

/** The visit, or a not-found refusal; with `expectedVersion`, a conflict when another window changed it. */
export function requireVisit(db: ReadableDb, id: number, expectedVersion?: number): Visit {
  const visit = getVisit(db, id)
  if (!visit) throw new DomainError('not_found', 'error.visitNotFound', { id })
  if (expectedVersion !== undefined && visit.version !== expectedVersion) throw new DomainError('conflict', 'error.visitChanged', { queueNo: visit.queueNo })
  return visit
}
