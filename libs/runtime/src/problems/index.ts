export * from './domain.error';
export * from './problem-details';
export * from './problem-details.filter';
export * from './problem-details.module';
export * from './problem.mapper';
export * from './request-validation.pipe';
