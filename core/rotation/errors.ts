/** Refusals of decide: a code and parameters; the caller turns them into messages. */
export type RotationErrorCode =
  | 'board_not_open'
  | 'board_already_open'
  | 'invalid_input'
  | 'invalid_order'
  | 'member_not_on_board'
  | 'member_already_on_board'
  | 'member_not_available'
  | 'member_not_on_break'
  | 'not_members_turn'
  | 'no_available_member'
  | 'visit_already_assigned'
  | 'visit_not_being_served'
  | 'owner_absent_wait'
  | 'maintainer_absent_wait'
  | 'reason_required'
  | 'nothing_to_undo'

export interface RotationError {
  code: RotationErrorCode
  params: Record<string, string | number | boolean | null>
}

export function rotationError(code: RotationErrorCode, params: RotationError['params'] = {}): RotationError {
  return { code, params }
}

/** Thrown by applyEvent when a stored event cannot follow the state: a corrupt or reordered log. */
export class RotationReplayError extends Error {
  readonly seq: number
  constructor(seq: number, message: string) {
    super(`rotation event ${seq}: ${message}`)
    this.name = 'RotationReplayError'
    this.seq = seq
  }
}
