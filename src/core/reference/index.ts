export * from './label';
export * from './municipalities';
export * from './organisation-kinds';
export * from './target-groups';
export * from './education-levels';
export * from './spell-end-reasons';
export * from './languages';
export * from './occupations';
