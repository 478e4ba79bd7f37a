export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
