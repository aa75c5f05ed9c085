/**
 * insight: language, sentiment and intents of inbound messages, for rules, filters and
 * reports. One `Classifier` interface; the default model ships with Relais (offline: rules
 * and permissively licensed lexicons read by a logistic regression trained on Relais's own
 * corpus, `sentiment-model.json`; no weights from third-party data sets), and a workspace model learned
 * from the team's corrections blends with it once it has enough of them. Storage of the
 * workspace model and the retrain job live with their callers.
 */
export type {
  Classification,
  Classifier,
  ClassifyHints,
  Intent,
  IntentName,
  Language,
  OrderIssueSubtype,
  Sentiment,
} from './classifier.ts';
export { intentKey, parseIntentKey, ORDER_ISSUE_SUBTYPES, SENTIMENTS } from './classifier.ts';
export { createDefaultClassifier } from './default-classifier.ts';
export { shippedSentimentConfusion } from './sentiment-model.ts';
export { trainWorkspaceModel, describeWorkspaceModel, type Correction, type TrainOptions, type WorkspaceModel } from './workspace-model.ts';
export { parseWorkspaceModel } from './workspace-model-schema.ts';
export { createBlendedClassifier, MIN_INTENT_CORRECTIONS, MIN_SENTIMENT_CORRECTIONS } from './blended-classifier.ts';
export { score, type Scores } from './metrics.ts';
export { createWorkspaceClassifiers, type WorkspaceClassifiers } from './workspace-classifiers.ts';
