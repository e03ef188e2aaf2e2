export * from './traffic-light.js';
export * from './spell-tasks.js';
export * from './iso-week.js';
export * from './danish-date.js';
export * from './digest.js';
