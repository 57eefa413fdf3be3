export * from './service.bed';
export * from './service.catalog';
export * from './started-bed';
export * from './service-bed.hooks';
export * from './root-causes.seed';
export * from './service-stack';
export * from './partitions-of-instances';
export * from './overlapping-transactions';
