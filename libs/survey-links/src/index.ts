export * from './survey-link.claims';
export * from './survey-link.env';
export * from './survey-links';
export * from './survey-links.module';
