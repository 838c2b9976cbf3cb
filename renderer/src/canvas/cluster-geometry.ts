/** Cluster regions come from the geometry the report's figure uses too (shared/geometry). */
export * from '../../../shared/geometry/clusters';
