export * from './catalogue';
export * from './eligibility';
export * from './seats';
export * from './absence';
export * from './journeys';
export * from './indicators';
export * from './mentor';
