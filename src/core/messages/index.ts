export * from './answer-promise';
export * from './attachments';
export * from './promise-kpi';
