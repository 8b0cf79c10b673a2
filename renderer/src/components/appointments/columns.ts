/** The columns every list of appointments starts with (labels `appointments.columns.<key>`), the desk's and the day view's. */
export const APPOINTMENT_COLUMNS = ['time', 'client', 'consultant', 'items', 'status'] as const
