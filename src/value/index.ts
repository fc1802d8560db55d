export { type PurchaseHistory } from "./check-inputs";
export { hyp2f1 } from "./hyp2f1";
export { betaGeoLogLikelihood, type BetaGeoParams } from "./beta-geo-likelihood";
export { fitBetaGeo, betaGeoStandardErrors, type BetaGeoFit, type FitBetaGeoOptions } from "./fit-beta-geo";
export { betaGeoExpectedPurchases, betaGeoProbabilityAlive, betaGeoUnconditionalPurchases } from "./beta-geo-predict";
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  type GammaGammaParams,
  type GammaGammaFit,
  type FitGammaGammaOptions,
  type SpendHistory,
} from "./gamma-gamma";
export { customerLifetimeValue, type CustomerLifetimeValueInput } from "./customer-lifetime-value";
export {
  valueSummary,
  valueColumns,
  type ValueColumns,
  type ValueSummary,
  type ValueSummaryOptions,
  type ValueCustomer,
} from "./value-summary";
export {
  betaGeoMatrix,
  type BetaGeoMatrix,
  type BetaGeoMatrixOptions,
  type BetaGeoMatrixMetric,
} from "./beta-geo-matrix";
export {
  valueSegments,
  VALUE_SEGMENT_ACTIONS,
  CLV_TIERS,
  ALIVE_BANDS,
  type ValueSegment,
  type ValueSegmentsOptions,
  type ClvTier,
  type AliveBand,
} from "./value-segments";
export {
  customerValue,
  VALUE_CSV_COLUMNS,
  type CustomerValueOptions,
  type CustomerValueRow,
  type CustomerValueResult,
} from "./customer-value";
export { writeValueFiles, valueCsv, valueModelJson, VALUE_FILES } from "./value-files";
