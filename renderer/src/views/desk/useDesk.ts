import { onMounted } from 'vue'
import { useRotationStore } from '../../stores/rotation.ts'
import { useStaffStore } from '../../stores/staff.ts'
import { useVisitsStore } from '../../stores/visits.ts'
import { useVisitActions } from './useVisitActions.ts'

/** The front-desk screen: loads what it shows (the stores then follow pushed changes) and owns the visit actions. */
export function useDesk() {
  const visits = useVisitsStore()
  const rotation = useRotationStore()
  const staff = useStaffStore()
  const actions = useVisitActions()
  onMounted(() => {
    void staff.ensureLoaded()
    void visits.ensureLoaded()
    void rotation.ensureLoaded()
  })
  return { visits, rotation, ...actions }
}
