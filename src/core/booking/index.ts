export * from './availability.js';
export * from './slots.js';
export * from './booking-rules.js';
