import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../../core/domain/categories.ts'
import { STAFF_ROLES, type StaffRole } from '../../../../core/domain/staff.ts'

/** Role and service-category choices with their labels in the current language. */
export function useStaffOptions() {
  const { t } = useI18n()
  const roleOptions = computed(() => STAFF_ROLES.map((value) => ({ value, label: t(`roles.${value}`) })))
  const categoryOptions = computed(() => SERVICE_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })))
  const roleLabel = (role: StaffRole) => t(`roles.${role}`)
  const categoryLabel = (category: ServiceCategory) => t(`categories.${category}`)
  return { roleOptions, categoryOptions, roleLabel, categoryLabel }
}
