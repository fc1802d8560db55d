/**
 * mall-segments: customer segmentation in TypeScript — the public API, by name and grouped by stage, in the order
 * the notebooks use them: data → preprocess → cluster → evaluate → reduce → profile → charts → report, then RFM,
 * customer value, the saved model and tracking over time.
 * Anything not listed here is internal (importable by path from its module, with no promise of stability).
 * The surface is recorded in api/mall-segments.api.md: `npm run api` regenerates it, a test fails when it is stale.
 */
// core: errors, matrices, seeded randomness
export { ArgumentError, type DataLocation, DataError, ChecksumError, KernelError } from "./core/errors";
export { type Matrix, type Labels } from "./core/matrix";
export { seededRandom, randomNormal, type RandomSource } from "./core/random";
export { quantileSorted } from "./core/quantile";

// data: CSV reading, the Mall Customers loader, the dirty copy, description, data fetch
export { readCsv, parseCsv, type Delimiter, type ReadCsvOptions, type CsvTable } from "./data/read-csv";
export {
  loadMallCustomers,
  parseMallCustomers,
  mallMatrix,
  type Customer,
  type MallFeature,
  MALL_FEATURES,
  MALL_GENDERS,
  MALL_COLUMNS,
  FEATURE_LABELS,
  MALL_RANGES,
  MALL_CLEANING,
  type MallData,
} from "./data/load-mall";
export { fetchDataset, readManifest, type DatasetEntry, type FetchOptions, type DatasetSource } from "./data/fetch";
export {
  makeDirty,
  completeMatrix,
  type CustomerLike,
  type DirtyCustomer,
  type DirtInjection,
  type MakeDirtyOptions,
  type DirtyData,
} from "./data/dirty";
export { describe, correlationMatrix, type ColumnSummary } from "./data/describe";
export { MISSING_TOKENS, isMissingValue } from "./data/missing-values";
export {
  readCustomerTable,
  type CustomerTable,
  type CustomerTableSpec,
  type ImputeMethod,
} from "./data/customer-table";
export { checkDegenerate, type CheckDegenerateOptions } from "./data/check-degenerate";

// io: reading inputs safely (regular files, size caps, encodings) and writing outputs that lose nothing
export {
  readInputText,
  decodeInput,
  INPUT_ENCODINGS,
  MAX_CSV_BYTES,
  type InputEncoding,
  type ReadInputOptions,
} from "./io/read-input";
export { planOutputDir, planOutputFile, OUTPUT_MARKER, type OutputPlace } from "./io/output-place";
export {
  writeOutputDir,
  writeOutputFile,
  writeFileAtomic,
  type FileContent,
  type WriteDirOptions,
} from "./io/output-writer";

// preprocess: scaling, cleaning, one-hot encoding
export { invertScaler, type ScalerMethod, type ScalerParams, type ScaleResult } from "./preprocess/scaler";
export { standardScale } from "./preprocess/standard-scale";
export { minMaxScale } from "./preprocess/min-max-scale";
export { robustScale } from "./preprocess/robust-scale";
export { scaleFeatures } from "./preprocess/scale-features";
export {
  detectIssues,
  cleanCustomers,
  normaliseCategory,
  type ColumnSpecs,
  type DataIssue,
  type CleaningAction,
  type CleanOptions,
  type Cleaned,
  type CleanResult,
} from "./preprocess/clean";
export { oneHotEncode, type OneHotOptions, type OneHotResult } from "./preprocess/one-hot";

// cluster: k-means, agglomerative, DBSCAN, Gaussian mixtures
export {
  kmeans,
  type KMeansInit,
  type KMeansIteration,
  type KMeansRun,
  type KMeansOptions,
  type KMeansResult,
} from "./cluster/kmeans";
export { matrix, type FlatMatrix, type MatrixInput } from "./core/matrix";
export { predictNearest } from "./cluster/kmeans-predict";
export {
  agglomerative,
  cutTree,
  type Linkage,
  type LinkageRow,
  type AgglomerativeOptions,
  type AgglomerativeResult,
} from "./cluster/agglomerative";
export { dbscan, type DbscanOptions, type DbscanResult } from "./cluster/dbscan";
export { kDistances } from "./cluster/k-distances";
export {
  gaussianMixture,
  type CovarianceType,
  type CovarianceArray,
  type GaussianMixtureInit,
  gmmPredictProba,
  type GaussianMixtureParameters,
  type GaussianMixtureRun,
  type GaussianMixtureOptions,
  type GaussianMixtureModel,
} from "./cluster/gmm";

// evaluate: cluster metrics and choosing k
export { silhouetteSamples, silhouetteScore, type SilhouetteOptions } from "./evaluate/silhouette";
export { daviesBouldinScore } from "./evaluate/davies-bouldin";
export { calinskiHarabaszScore } from "./evaluate/calinski-harabasz";
export { adjustedRandScore } from "./evaluate/adjusted-rand";
export { inertia } from "./evaluate/inertia";
export { kneedle, type KneedleOptions, type KneedleResult } from "./evaluate/kneedle";
export { elbow, type ElbowMethodOptions, type ElbowMethodResult } from "./evaluate/elbow";
export { gapStatistic, type GapStatisticOptions, type GapStatisticResult } from "./evaluate/gap-statistic";
export { bicCurve, type BicCurveOptions, type BicCurveResult } from "./evaluate/bic-curve";
export { stability, type StabilityAnalysisOptions, type StabilityAnalysisResult } from "./evaluate/stability";
export { chooseK, K_INDICES, type KIndex, type ChooseKOptions, type ChooseKResult } from "./evaluate/choose-k";
export { matchLabels, type MatchLabelsOptions, type MatchedLabels } from "./evaluate/match-labels";
export {
  compareClusterings,
  type NamedClustering,
  type ClusteringComparisonRow,
  type ClusteringComparison,
} from "./evaluate/compare-clusterings";

// reduce: principal components
export { pca, pcaTransform, type PcaOptions, type PcaModel, type PcaResult } from "./reduce/pca";

// profile: segment profiles, names, recommendations, pseudonyms, CSV
export {
  profileSegments,
  type ProfileOptions,
  type FeatureProfile,
  type SegmentProfile,
  type ProfileTable,
} from "./profile/profile-segments";
export {
  nameSegments,
  type FeatureLevel,
  type NamingRule,
  NAMING_RULE,
  type NameSegmentsOptions,
  type SegmentName,
} from "./profile/name-segments";
export { recommendSegments, type FeatureRole, type SegmentRecommendation } from "./profile/recommend-segments";
export { pseudonymiseIds, type PseudonymiseOptions } from "./profile/pseudonymise-ids";
export { toCsv, type CsvValue, type ToCsvOptions } from "./profile/to-csv";
export {
  bootstrapSegments,
  type BootstrapSegmentsOptions,
  type BootstrapInterval,
  type SegmentIntervals,
} from "./profile/bootstrap-segments";

// charts: one Plotly figure builder per chart, and show()
export { type Figure } from "./charts/figure";
export { displayBundle, show, PLOTLY_MIME } from "./charts/show";
export {
  displayHtml,
  displayMarkdown,
  displayMime,
  runningKernel,
  type KernelName,
  type MimeBundle,
} from "./charts/display";
export { clusters2dChart, type Clusters2dOptions } from "./charts/clusters-2d";
export { clusters3dChart, type Clusters3dOptions } from "./charts/clusters-3d";
export {
  kmeansAnimationChart,
  kmeansAnimationSteps,
  type KMeansStep,
  type KMeansAnimationOptions,
  type KMeansIterationLike,
} from "./charts/kmeans-animation";
export { dendrogramChart, type MergeRow, type DendrogramOptions } from "./charts/dendrogram";
export { gmmEllipsesChart, type GmmEllipsesOptions } from "./charts/gmm-ellipses";
export { kDistanceChart, type KDistanceOptions } from "./charts/k-distance";
export { elbowChart, type ElbowOptions } from "./charts/elbow";
export { silhouetteChart, type SilhouettePanel, type SilhouettePlotOptions } from "./charts/silhouette-plot";
export { indexCurvesChart, type IndexCurvesOptions } from "./charts/index-curves";
export { gapChart, type GapOptions } from "./charts/gap";
export { bicAicChart, type BicAicOptions } from "./charts/bic-aic";
export { stabilityChart, type StabilityOptions } from "./charts/stability";
export { voteChart, type KVote, type VoteChartOptions } from "./charts/vote-chart";
export { pcaBiplotChart, type PcaBiplotOptions } from "./charts/pca-biplot";
export { radarChart, type RadarOptions } from "./charts/radar";
export { parallelCoordinatesChart, type ParallelCoordinatesOptions } from "./charts/parallel-coordinates";
export { boxBySegmentChart, type BoxBySegmentOptions } from "./charts/box-by-segment";
export { distributionsBeforeAfterChart, type BeforeAfterOptions } from "./charts/distributions-before-after";
export { htmlTable, type HtmlTableOptions } from "./charts/table";
export { histogramChart, type HistogramOptions } from "./charts/histogram";
export { boxChart, type BoxOptions } from "./charts/box";
export { scatterMatrixChart, type ScatterMatrixOptions } from "./charts/scatter-matrix";
export { heatmapChart, type HeatmapOptions } from "./charts/heatmap";
export { countBarChart, type BarOptions } from "./charts/bar";
export { rfmFunnelChart, type RfmFunnelOptions, RFM_FUNNEL_LABELS } from "./charts/rfm-funnel";
export { rfmLogDistributionsChart, type RfmLogDistributionsOptions } from "./charts/rfm-log-distributions";
export { rfmGridChart, type RfmGridColour, type RfmGridOptions } from "./charts/rfm-grid";
export { rfmTreemapChart, type TreemapSegment, type RfmTreemapOptions } from "./charts/rfm-treemap";
export { rfmCrosstabChart, type RfmCrosstabOptions } from "./charts/rfm-crosstab";
export { rfmSnakeChart, type RfmSnakeOptions } from "./charts/rfm-snake";
export { rfmKSelectionChart, type RfmKSelectionOptions } from "./charts/rfm-k-selection";
export { zScoreBarsChart, type ZBarsOptions } from "./charts/report-z-bars";
export { profileRows, type ProfileRowsOptions } from "./charts/profile-rows";

// report: the self-contained HTML report
export {
  buildReport,
  REPORT_MAX_POINTS,
  type KSelectionCurves,
  type ReportInput,
  type BuildReportOptions,
} from "./report/build-report";

// rfm: transactions → RFM features, scores, segments and clusters
export { loadTransactions, TRANSACTION_COLUMNS } from "./rfm/transactions";
export {
  rfmFeatures,
  CLEANING_RULES,
  type CleaningRule,
  type FunnelStep,
  type CustomerFeatures,
  type RfmFeaturesOptions,
  type RfmFeatures,
} from "./rfm/features";
export { rfmScores, type QuintileTies, type QuantileScoreOptions, type RfmScore } from "./rfm/scoring";
export { rfmSegment, RFM_SEGMENTS, type RfmSegment, RFM_SEGMENT_GRID, RFM_SEGMENT_ACTIONS } from "./rfm/segments";
export {
  clusterRfm,
  assignRfmClusters,
  rfmKSweep,
  type RfmValues,
  type RfmClusterOptions,
  type RfmClustering,
  type RfmKSweepOptions,
  type RfmKSweep,
} from "./rfm/cluster-rfm";
export {
  compareGroupings,
  summarizeRfmGroups,
  type GroupingComparison,
  type RfmGroupSummary,
} from "./rfm/compare-groupings";

// value: customer lifetime value (BG/NBD purchases and P(alive), Gamma-Gamma spend), value segments
export { type PurchaseHistory } from "./value/check-inputs";
export { hyp2f1 } from "./value/hyp2f1";
export { betaGeoLogLikelihood, type BetaGeoParams } from "./value/beta-geo-likelihood";
export { fitBetaGeo, betaGeoStandardErrors, type BetaGeoFit, type FitBetaGeoOptions } from "./value/fit-beta-geo";
export {
  betaGeoExpectedPurchases,
  betaGeoProbabilityAlive,
  betaGeoUnconditionalPurchases,
} from "./value/beta-geo-predict";
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  type GammaGammaParams,
  type GammaGammaFit,
  type FitGammaGammaOptions,
  type SpendHistory,
} from "./value/gamma-gamma";
export { customerLifetimeValue, type CustomerLifetimeValueInput } from "./value/customer-lifetime-value";
export {
  valueSummary,
  valueColumns,
  type ValueColumns,
  type ValueSummary,
  type ValueSummaryOptions,
  type ValueCustomer,
} from "./value/value-summary";
export {
  betaGeoMatrix,
  type BetaGeoMatrix,
  type BetaGeoMatrixOptions,
  type BetaGeoMatrixMetric,
} from "./value/beta-geo-matrix";
export {
  valueSegments,
  VALUE_SEGMENT_ACTIONS,
  CLV_TIERS,
  ALIVE_BANDS,
  type ValueSegment,
  type ValueSegmentsOptions,
  type ClvTier,
  type AliveBand,
} from "./value/value-segments";
export {
  customerValue,
  VALUE_CSV_COLUMNS,
  type CustomerValueOptions,
  type CustomerValueRow,
  type CustomerValueResult,
} from "./value/customer-value";
export { writeValueFiles, valueCsv, valueModelJson, VALUE_FILES } from "./value/value-files";
export {
  analyseRfm,
  rfmCsv,
  RFM_CSV_COLUMNS,
  type RfmAnalysis,
  type RfmAnalysisOptions,
  type RfmRow,
} from "./rfm/rfm-analysis";
export {
  prepareTransactions,
  type PrepareTransactionsOptions,
  type PreparedTransactions,
} from "./rfm/prepare-transactions";
export { simulateBetaGeo, type SimulateBetaGeoOptions, type SimulatedBetaGeo } from "./rfm/synthetic-beta-geo";
export { valueMatrixChart, type ValueMatrixChartOptions, type ValueMatrixLike } from "./charts/value-matrix";
export {
  holdoutGroups,
  holdoutPurchasesChart,
  type HoldoutPurchasesOptions,
  type HoldoutGroup,
} from "./charts/holdout-purchases";
export {
  summarizeClvBySegment,
  clvBySegmentChart,
  type ClvBySegmentOptions,
  type ClvSegmentSummary,
} from "./charts/clv-by-segment";

// model: the saved segment model (model.json): build, validate, score, and score in SQL
export {
  buildSegmentModel,
  serialiseModel,
  encodeRows,
  encodedFeatureNames,
  MODEL_FORMAT,
  MODEL_VERSION,
  type SegmentModel,
  type Algorithm,
  type ModelScaler,
  type CategoricalEncoding,
} from "./model/segment-model";
export { readModel, parseModel } from "./model/validate-model";
export { scoreEncoded } from "./model/score-model";
export { readModelTable, type ModelTableOptions } from "./model/read-model-table";
export {
  modelToSql,
  quoteIdentifier,
  stringLiteral,
  SQL_DIALECTS,
  type SqlDialect,
  type SqlOptions,
} from "./model/model-sql";

// track: segments over time — drift (PSI), migration, outcomes, the drift report
export {
  STABILITY_BANDS,
  type StabilityBand,
  STABILITY_BAND_LIMITS,
  stabilityBand,
  worstBand,
  bandReaches,
} from "./track/bands";
export { type PsiOptions, type PsiBin, type PsiResult, populationStabilityIndex, quantileEdges } from "./track/psi";
export {
  type CategoricalStabilityOptions,
  type CategoryShare,
  type CategoricalStabilityResult,
  type CategoryCounts,
  categoricalStabilityIndex,
  countCategories,
} from "./track/categorical-stability";
export { type SegmentSnapshot, type SegmentMigration, segmentMigration } from "./track/migration";
export {
  type SegmentOutcomesOptions,
  type CustomerOutcome,
  type SegmentOutcome,
  type SegmentOutcomes,
  segmentOutcomes,
} from "./track/outcomes";
export {
  type DriftSnapshot,
  type DriftOptions,
  type FeatureDrift,
  type DriftResult,
  computeDrift,
  explainVerdict,
} from "./track/drift";
export {
  type DriftExperimentOptions,
  type DriftExperimentRun,
  driftExperiment,
  rfmDriftSnapshot,
} from "./track/drift-experiment";
export {
  type RunDriftOptions,
  type DriftTableRows,
  type DriftSummary,
  type RunDriftResult,
  DRIFT_FORMAT,
  DRIFT_VERSION,
  runDrift,
  driftSummary,
} from "./track/run-drift";
export { type PsiBarsOptions, BAND_COLORS, psiBarsChart } from "./charts/psi-bars";
export { type ShareComparisonOptions, shareComparisonChart, psiBinsChart } from "./charts/share-comparison";
export { type MigrationSankeyOptions, migrationSankeyChart } from "./charts/migration-sankey";
export { type DriftExperimentChartOptions, driftExperimentChart } from "./charts/drift-experiment";
export { type SegmentOutcomesChartOptions, segmentOutcomesChart } from "./charts/segment-outcomes";
export { type DriftReportInput, type BuildDriftReportOptions, buildDriftReport } from "./report/build-drift-report";

// rules: segments as threshold trees a CRM can run (IMM, CART), their fidelity, charts and SQL
export {
  type RuleSplit,
  type RuleLeaf,
  type RuleTree,
  isLeaf,
  treeLeaves,
  treeDepth,
  leafIndices,
  predictRules,
} from "./rules/tree";
export {
  type RuleCondition,
  type SegmentRule,
  type RuleTextOptions,
  treeRules,
  mergeConditions,
  conditionsText,
} from "./rules/tree-rules";
export {
  type ExplainMethod,
  type ExplainOptions,
  type SegmentExplanation,
  explainSegments,
} from "./rules/explain-segments";
export { type ScalerLike, unscaleTree } from "./rules/unscale-tree";
export {
  RULES_FORMAT,
  RULES_VERSION,
  type RulesFileRule,
  type RulesFile,
  readRulesFile,
} from "./rules/rules-file";
export { type RulesTreeOptions, rulesTreeChart } from "./charts/rules-tree";
export { type RuleMistakesOptions, ruleMistakesChart } from "./charts/rule-mistakes";
export { type FidelitySeries, type FidelityCurveOptions, fidelityCurveChart } from "./charts/fidelity-curve";
export { rulesToSql } from "./model/rules-sql";

// exercises: the course's self-checking exercises (exercise("04.2").check(answer))
export {
  type Check,
  type CheckStatus,
  type ExerciseAnswers,
  type Chapter01Answers,
  type Chapter02Answers,
  type Chapter03Answers,
  type Chapter04Answers,
  type Chapter05Answers,
  type Chapter06Answers,
  type Chapter07Answers,
  type Chapter08Answers,
  type ExerciseId,
  type ExerciseOptions,
  type Exercise,
  EXERCISE_IDS,
  EXERCISES_STRICT_ENV,
  ExerciseError,
  exercise,
} from "./exercises";
