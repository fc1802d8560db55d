export { type PurchaseHistory } from "./check-inputs";
export { hyp2f1 } from "./hyp2f1";
export { betaGeoLogLikelihood, type BetaGeoParams } from "./beta-geo-likelihood";
export { fitBetaGeo, betaGeoStandardErrors, type BetaGeoFit, type FitBetaGeoOptions } from "./fit-beta-geo";
export { betaGeoExpectedPurchases, betaGeoProbabilityAlive, betaGeoUnconditionalPurchases } from "./beta-geo-predict";
export { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaParams, type GammaGammaFit, type FitGammaGammaOptions, type SpendHistory } from "./gamma-gamma";
export { customerLifetimeValue, type CustomerLifetimeValueInput } from "./customer-lifetime-value";
