export * from './iso-date.js';
export * from './danish-holidays.js';
export * from './working-calendar.js';
