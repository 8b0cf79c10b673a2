import { inject, provide, type InjectionKey } from 'vue'
import type { useRegistration } from './useRegistration.ts'

export type Registration = ReturnType<typeof useRegistration>
const KEY: InjectionKey<Registration> = Symbol('desk-registration')

/** The registration panel shares its one state with its parts (finder, new-client form, visit options). */
export function provideRegistration(registration: Registration): void {
  provide(KEY, registration)
}

export function useRegistrationContext(): Registration {
  const registration = inject(KEY)
  if (!registration) throw new Error('useRegistrationContext() outside the registration panel')
  return registration
}
