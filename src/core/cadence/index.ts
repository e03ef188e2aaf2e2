export * from './cadence-schema.js';
export * from './windows.js';
export * from './plan-conversations.js';
export * from './replan-conversations.js';
export * from './minimum-talks.js';
