/** Shapes of the API's answers, as the server's zod schemas define them. */

export type StaffRole = 'caseworker' | 'broker' | 'manager' | 'admin';

export type Permission = 'jobseeker.read' | 'jobseeker.write' | 'jobseeker.reveal_cpr' | 'audit.read' | 'staff.manage' | 'organisation.read';

export type Me = {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationKind: 'akasse' | 'jobcenter';
  unitId: string | null;
  unitName: string | null;
  email: string;
  name: string;
  role: StaffRole;
  totpEnabled: boolean;
  permissions: string[];
  csrfToken: string;
};

export type Municipality = { code: number; name: string; regionCode: number; regionName: string };
export type LabelledCode = { code: string; da: string; en: string };

export type Jobseeker = {
  id: string;
  cprMasked: string;
  birthDate: string;
  age: number;
  sex: 'female' | 'male';
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  municipality: { code: number; name: string; regionName: string } | null;
  educationLevel: string | null;
  preferredLanguage: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const JOBSEEKER_SORTS = ['name', '-name', 'created', '-created', 'birthDate', '-birthDate', 'municipality', '-municipality'] as const;
export type JobseekerSort = (typeof JOBSEEKER_SORTS)[number];

export type JobseekerInput = {
  cpr?: string;
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  email?: string | null;
  addressLine?: string | null;
  postalCode?: string | null;
  city?: string | null;
  municipalityCode?: number | null;
  educationLevel?: string | null;
  preferredLanguage?: string;
};

export type AuditEntry = {
  id: number;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  jobseekerId: string | null;
  purpose: string;
  details: Record<string, unknown> | null;
};

export type StaffRow = { id: string; name: string; email: string; role: StaffRole; unitId: string | null; active: boolean; totpEnabled: boolean };
export type Organisation = { id: string; name: string; kind: 'akasse' | 'jobcenter'; units: { id: string; name: string }[]; staff: StaffRow[] };
