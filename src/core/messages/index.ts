export * from './answer-promise';
export * from './attachments';
