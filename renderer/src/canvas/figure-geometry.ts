/** The ∞ figure comes from the geometry the report's figure uses too (shared/geometry). */
export * from '../../../shared/geometry/figure';
