export * from './indicator-schema';
export * from './spell-data';
export * from './long-term-unemployment';
export * from './compute-indicator';
export * from './survival-curve';
export * from './scorecard';
export * from './scope-data';
export * from './jobs-sought';
