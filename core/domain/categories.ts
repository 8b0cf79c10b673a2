/** Service categories a client may intend and a staff member may be limited to (rotation rule 12). */
export const SERVICE_CATEGORIES = ['skin', 'injection', 'laser', 'surgery', 'body', 'dental', 'hair'] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]
