import { sessionEn } from './session.en-US.ts'
import { VISIT_LABELS } from '../../../core/i18n/visitLabels.ts'
import { consultationEn } from './consultation.en-US.ts'
import { deskEn } from './desk.en-US.ts'
import { pricesEn } from './prices.en-US.ts'
import { printEn } from './print.en-US.ts'
import { feesEn } from './fees.en-US.ts'
import { backupsEn } from './backups.en-US.ts'
import { auditEn } from './audit.en-US.ts'
import { displayEn } from './display.en-US.ts'
import { callingEn, policiesEn, ticketEn } from './policies.en-US.ts'
import { reportsEn } from './reports.en-US.ts'
import { statementsEn } from './statements.en-US.ts'
import { marketingEn } from './marketing.en-US.ts'
import { rebateRatesEn } from './rebateRates.en-US.ts'
import { appointmentsEn, followUpsEn, serviceFiguresEn } from './appointments.en-US.ts'
import type { MessageSchema } from './zh-CN.ts'
import { cardsEn } from './cards.en-US.ts'
import { complaintsEn } from './complaints.en-US.ts'
import { photosEn } from './photos.en-US.ts'
import { consentEn } from './consent.en-US.ts'
import { storedValueEn } from './storedValue.en-US.ts'

/** English (en-US): the same keys as zh-CN, checked by the type. */
const enUS: MessageSchema = {
  app: {
    title: 'Clinic Front Desk',
    previewTag: 'Web preview · not the product',
    previewHint: 'This is a web preview for testing, not the product; its data is for testing only.',
  },
  nav: {
    label: 'Main navigation',
    frontDesk: 'Front desk',
    appointments: 'Appointments',
    staff: 'Staff',
    priceList: 'Price list',
    reports: 'Reports',
    statements: 'Rebate statements',
    marketing: 'Marketing',
    backups: 'Backups',
    audit: 'Audit log',
    settings: 'Settings',
  },
  header: {
    language: 'Language',
    now: 'Current time',
  },
  languages: {
    'zh-CN': '中文',
    'en-US': 'English',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'OK',
    edit: 'Edit',
    add: 'Add',
    all: 'All',
    actions: 'Actions',
    yes: 'Yes',
    no: 'No',
    loading: 'Loading…',
    saving: 'Saving…',
  },
  errors: {
    notConnectedTitle: 'Not connected to the desk service',
    notConnectedBody:
      'This window cannot reach the desk service, so nothing can be read or saved. Close and reopen the application; if this page appears again, tell the administrator.',
    notConnected: 'Not connected to the desk service; nothing was done',
    transport: 'Could not reach the desk service; the action may not have been done. Please try again',
    unexpected: 'Something unexpected went wrong; please try again',
  },
  roles: {
    consultant: 'Consultant',
    doctor: 'Doctor',
    nurse: 'Nurse',
    receptionist: 'Receptionist',
    marketing: 'Marketing salesperson',
    administrator: 'Administrator',
  },
  categories: {
    skin: 'Skin',
    injection: 'Injection',
    laser: 'Laser',
    surgery: 'Surgery',
    body: 'Body',
    dental: 'Dental',
    hair: 'Hair',
  },
  staff: {
    title: 'Staff',
    subtitle: 'Consultants, doctors, nurses and desk staff. Inactive members leave the rotation; their history is kept.',
    add: 'Add staff',
    addShortcut: 'Add staff (shortcut Alt+N)',
    filterRole: 'Filter by role',
    allRoles: 'All roles',
    showInactive: 'Show inactive',
    tableCaption: 'Staff list',
    empty: 'No staff yet',
    emptyFiltered: 'No staff match the filter',
    count: '{n} in total',
    columns: {
      name: 'Name',
      role: 'Role',
      phone: 'Phone',
      room: 'Room',
      skills: 'Skills',
      status: 'Status',
    },
    noLimit: 'Any',
    active: 'Active',
    inactive: 'Inactive',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    editNamed: 'Edit {name}',
    deactivateNamed: 'Deactivate {name}',
    reactivateNamed: 'Reactivate {name}',
    dialog: {
      createTitle: 'Add staff member',
      editTitle: 'Edit staff member',
      name: 'Name',
      role: 'Role',
      phone: 'Phone',
      room: 'Room',
      skills: 'Skills',
      namePlaceholder: 'e.g. Wang Li',
      phonePlaceholder: 'e.g. 13812345678 or 021-61234567',
      roomPlaceholder: 'e.g. Consulting room 2',
      skillsPlaceholder: 'None selected means any service',
      skillsHint: 'Used by the rotation to match services; none selected means every service.',
      keysHint: 'Enter saves, Esc closes',
    },
    confirm: {
      deactivateTitle: 'Deactivate staff member',
      deactivateBody:
        'Deactivate “{name}”? They will leave the rotation and get no new clients. Nothing is deleted: past visits, consultation sheets and fees still refer to them, and they can be reactivated at any time.',
      reactivateTitle: 'Reactivate staff member',
      reactivateBody: 'Reactivate “{name}”?',
    },
    created: 'Added “{name}”',
    updated: 'Saved “{name}”',
    deactivated: 'Deactivated “{name}”',
    reactivated: 'Reactivated “{name}”',
  },
  settings: {
    title: 'Settings',
    subtitle: 'Clinic details, queue-number prefixes, language, rotation rules, waiting alerts and calling, the confirmation text and follow-up plans, security and updates. Each card saves on its own.',
    clinicSection: 'Clinic',
    clinicName: 'Clinic name',
    clinicAddress: 'Address',
    clinicPhone: 'Phone',
    clinicNamePlaceholder: 'Shown in the header, on the display and on printed sheets',
    prefixSection: 'Queue-number prefixes',
    prefixHint: 'Numbers look like A001 and restart at 001 every day. The three visit types need different prefixes.',
    prefixFirst: 'First visit',
    prefixReturning: 'Returning visit',
    prefixReview: 'Review / treatment',
    languageSection: 'Interface language',
    languageHint: 'Takes effect at once and is saved automatically.',
    saved: 'Settings saved',
    languageSaved: 'Interface language switched to English',
    securitySection: 'Security and updates',
    idleLockMinutes: 'Lock after inactivity (minutes)',
    idleLockHint: 'When neither keyboard nor mouse has been used for this long, the desk locks and asks for a sign-in again (1 to 240 minutes).',
    updatesEnabled: 'Automatic updates',
    updatesHint: 'Off by default: many clinics are offline. When on, the app asks the update server every few hours, downloads a new version in the background and installs it only when the app quits; it never restarts during work.',
    updateUrl: 'Update server',
    updateUrlPlaceholder: 'https://updates.example.com/clinic-front-desk/',
    updateUrlHint: 'The address that holds latest.yml and the installers; it starts with https:// (http://localhost only for a test on this computer). The clinic’s IT contact provides it.',
    updateUrlInvalid: 'Give the update server as an https:// address (http://localhost for a test on this computer); it is required when automatic updates are on',
  },
  validation: {
    nameRequired: 'Enter a name',
    roleRequired: 'Choose a role',
    phone: 'Enter a valid mobile (11 digits) or landline number (e.g. 021-61234567)',
    clinicNameRequired: 'Enter the clinic name',
    clinicPhone: 'A phone number may only contain digits, spaces and + - ( )',
    tooLong: 'At most {max} characters',
    prefixRequired: 'Enter a prefix',
    prefixFormat: 'A prefix is one or two capital letters',
    prefixesDistinct: 'The three visit types need different number prefixes',
    fixErrors: 'Please correct the marked fields first',
  },
  visit: VISIT_LABELS['en-US'],
  desk: deskEn,
  reports: reportsEn,
  statements: statementsEn,
  marketing: marketingEn,
  rebateRates: rebateRatesEn,
  appointments: appointmentsEn,
  followUps: followUpsEn,
  serviceFigures: serviceFiguresEn,
  queueDisplay: displayEn,
  policies: policiesEn,
  ticket: ticketEn,
  calling: callingEn,
  prices: pricesEn,
  consultation: consultationEn,
  print: printEn,
  fees: feesEn,
  backups: backupsEn,
  audit: auditEn,
  session: sessionEn,
  cards: cardsEn,
  complaints: complaintsEn,
  photos: photosEn,
  consent: consentEn,
  storedValue: storedValueEn,
}

export default enUS
