import { canMove, isWaitingStatus, type VisitRow, type VisitStatus } from '../../../../core/domain/visit.ts'

/** What the desk can do with a visit now; labels are `desk.actions.<action>`. */
export type VisitAction = 'assign' | 'assignManual' | 'call' | 'recall' | 'skip' | 'consult' | 'billing' | 'done' | 'outcome' | 'left' | 'cancel'

/** The status each status action moves to (calling goes through the queue: it is logged and announced). */
export const STATUS_OF: Partial<Record<VisitAction, VisitStatus>> = {
  consult: 'consulting',
  billing: 'billing',
  done: 'done',
  left: 'left',
  cancel: 'cancelled',
}

const CONSULTED: readonly VisitStatus[] = ['consulting', 'with_doctor', 'billing', 'treatment', 'done']

/** Every action open to a visit, most likely next step first. */
export function actionsFor(visit: VisitRow): VisitAction[] {
  const actions: VisitAction[] = []
  const waiting = isWaitingStatus(visit.status)
  // A consultation visit is called to someone, so it is assigned first; review visits need nobody.
  const ready = visit.consultantId !== null || visit.type === 'review'
  if (waiting && visit.consultantId === null) {
    if (visit.type !== 'review' || visit.designatedConsultantId !== null) actions.push('assign')
    actions.push('assignManual')
  }
  if (ready && visit.status === 'waiting') actions.push('call')
  if (ready && waiting) actions.push('consult')
  if (visit.status === 'called') actions.push('recall', 'skip')
  if (CONSULTED.includes(visit.status) && visit.outcome === null && visit.consultantId !== null) actions.push('outcome')
  if (canMove(visit.status, 'billing')) actions.push('billing')
  if (canMove(visit.status, 'done')) actions.push('done')
  if (canMove(visit.status, 'left')) actions.push('left')
  if (canMove(visit.status, 'cancelled')) actions.push('cancel')
  return actions
}

/** Actions shown as buttons on the row; the rest go into its "more" menu. */
export function splitActions(actions: VisitAction[], shown = 2): { main: VisitAction[]; more: VisitAction[] } {
  const inMenuOnly: VisitAction[] = ['left', 'cancel']
  const main = actions.filter((a) => !inMenuOnly.includes(a)).slice(0, shown)
  return { main, more: actions.filter((a) => !main.includes(a)) }
}
