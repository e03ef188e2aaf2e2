export * from './localized-text.js';
export * from './questionnaire.js';
export * from './risk-model.js';
export * from './segment-assessment.js';
