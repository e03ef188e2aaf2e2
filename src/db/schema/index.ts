// One schema, split by feature area. drizzle-kit reads every file here.
export * from './core';
export * from './contact-course';
export * from './surveys';
export * from './measurement';
export * from './offers';
export * from './joblog';
export * from './booking';
export * from './portal';
export * from './brokering';
export * from './messages';
export * from './placements';
export * from './vacancies';
export * from './recruitment-board';
export * from './business-activities';
export * from './wage-hours';
