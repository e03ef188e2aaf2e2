export * from './survey-definition';
export * from './answers';
export * from './satisfaction';
export * from './delivery';
