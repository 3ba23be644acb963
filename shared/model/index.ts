export * from './article';
export * from './claim';
export * from './codebook';
export * from './brief';
export * from './notebook';
export * from './article-url';
export * from './suggestion';
export * from './coder';
