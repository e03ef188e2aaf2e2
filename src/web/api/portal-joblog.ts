import type { JoblogBase } from './joblog';

/** The portal's joblog API: always the logged-in jobseeker's own, so no id in any URL. */
export const PORTAL_JOBLOG_BASE: JoblogBase = { list: '/api/portal/joblog', overview: '/api/portal/joblog/overview', entry: (id) => `/api/portal/joblog/${encodeURIComponent(id)}` };
