import type { StaffRole } from './context';

/**
 * What each role may do: least privilege. Brokers read jobseekers to match them to jobs but do
 * not register them; admins run the organisation (staff, audit) but do not do casework.
 */
const PERMISSIONS = {
  'jobseeker.read': ['caseworker', 'broker', 'manager'],
  'jobseeker.write': ['caseworker', 'manager'],
  'jobseeker.reveal_cpr': ['caseworker'],
  'audit.read': ['admin'],
  'staff.manage': ['admin'],
  'organisation.read': ['caseworker', 'broker', 'manager', 'admin'],
  'template.read': ['caseworker', 'manager', 'admin'],
  'template.manage': ['manager', 'admin'],
  'spell.read': ['caseworker', 'manager'],
  'spell.write': ['caseworker', 'manager'],
  'closing_day.manage': ['manager', 'admin'],
  'spell.assign': ['manager'],
  'caseload.read': ['caseworker', 'manager'],
  'task.write': ['caseworker', 'manager'],
  'compliance.read': ['caseworker', 'manager'],
  'survey.results': ['manager'],
  'measurement.read': ['manager'],
  'measurement.manage': ['manager'],
  'marker.read': ['caseworker', 'manager'],
  'marker.write': ['caseworker', 'manager'],
  'business_activity.read': ['caseworker', 'broker', 'manager'],
  'business_activity.write': ['caseworker', 'manager'],
  'wage_hours.read': ['caseworker', 'manager'],
  'wage_hours.write': ['caseworker', 'manager'],
  'offer.read': ['caseworker', 'broker', 'manager'],
  'offer.manage': ['caseworker', 'manager'],
  'offer.enrol': ['caseworker', 'manager'],
  'referral.manage': ['caseworker', 'manager'],
  'employer.read': ['caseworker', 'broker', 'manager'],
  'employer.write': ['broker', 'manager'],
  'employer.stats': ['broker', 'manager'],
  'job_order.read': ['caseworker', 'broker', 'manager'],
  'job_order.write': ['broker', 'manager'],
  'cv.read': ['caseworker', 'broker', 'manager'],
  'cv.write': ['caseworker', 'broker', 'manager'],
  'matching.read': ['caseworker', 'broker', 'manager'],
  'vacancy.read': ['caseworker', 'broker', 'manager'],
  'vacancy.import': ['broker', 'manager'],
  /** The recruitment board: everyone who brokers or advises reads and posts; editing is the author's or a manager's (checked in the service). */
  'board.read': ['caseworker', 'broker', 'manager'],
  'board.write': ['caseworker', 'broker', 'manager'],
  'availability.read': ['caseworker', 'manager'],
  /** Caseworkers edit their own availability, managers their unit's (checked in the booking service). */
  'availability.manage': ['caseworker', 'manager'],
  'message.read': ['caseworker', 'manager'],
  'message.write': ['caseworker', 'manager'],
  'outbox.read': ['caseworker', 'manager', 'admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

export function permissionsOf(role: StaffRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
