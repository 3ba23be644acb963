export * from './article';
export * from './claim';
export * from './codebook';
export * from './brief';
export * from './notebook';
export * from './suggestion';
