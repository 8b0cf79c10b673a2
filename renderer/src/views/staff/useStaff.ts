import { ElMessageBox } from 'element-plus'
import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Staff, StaffRole } from '../../../../core/domain/staff.ts'
import { showError, showSuccess } from '../../api/notify.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { useStaffStore } from '../../stores/staff.ts'

/** Alt+N adds a member: Alt keeps plain typing free, and `code` works under a Chinese input method. */
export const ADD_STAFF_SHORTCUT = { code: 'KeyN', alt: true } as const

/** The staff page: filters, the add / edit dialog, and (de)activation with a confirmation. */
export function useStaff() {
  const { t } = useI18n()
  const store = useStaffStore()
  const roleFilter = ref<StaffRole | 'all'>('all')
  const showInactive = ref(false)
  const dialogOpen = ref(false)
  const editing = ref<Staff | null>(null)
  const pinFor = ref<Staff | null>(null)

  const rows = computed(() =>
    store.all.filter((s) => (showInactive.value || s.active) && (roleFilter.value === 'all' || s.role === roleFilter.value)),
  )
  const filtered = computed(() => store.all.length > 0)

  function openCreate(): void {
    editing.value = null
    dialogOpen.value = true
  }

  function openEdit(staff: Staff): void {
    editing.value = staff
    dialogOpen.value = true
  }

  async function toggleActive(staff: Staff): Promise<void> {
    const activate = !staff.active
    try {
      await ElMessageBox.confirm(
        t(activate ? 'staff.confirm.reactivateBody' : 'staff.confirm.deactivateBody', { name: staff.name }),
        t(activate ? 'staff.confirm.reactivateTitle' : 'staff.confirm.deactivateTitle'),
        {
          type: activate ? 'info' : 'warning',
          confirmButtonText: t(activate ? 'staff.reactivate' : 'staff.deactivate'),
          cancelButtonText: t('common.cancel'),
          confirmButtonClass: activate ? '' : 'el-button--danger',
        },
      )
    } catch {
      return // cancelled
    }
    try {
      const saved = await store.setActive(staff.id, activate)
      showSuccess(t(activate ? 'staff.reactivated' : 'staff.deactivated', { name: saved.name }))
    } catch (error) {
      showError(error)
    }
  }

  function openPin(staff: Staff): void {
    pinFor.value = staff
  }

  async function clearPin(staff: Staff): Promise<void> {
    try {
      await ElMessageBox.confirm(t('session.staffPin.clearConfirm', { name: staff.name }), t('session.staffPin.clearAction'), {
        type: 'warning',
        confirmButtonText: t('session.staffPin.clearAction'),
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: 'el-button--danger',
      })
    } catch {
      return // cancelled
    }
    try {
      const saved = await store.clearPin(staff.id)
      showSuccess(t('session.staffPin.cleared', { name: saved.name }))
    } catch (error) {
      showError(error)
    }
  }

  useShortcut(ADD_STAFF_SHORTCUT, openCreate)
  onMounted(() => void store.ensureLoaded())

  return { store, roleFilter, showInactive, rows, filtered, dialogOpen, editing, pinFor, openCreate, openEdit, toggleActive, openPin, clearPin }
}
