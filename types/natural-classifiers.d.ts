// Deep import of natural's naive Bayes classifier, used only to train the bundled sentiment model.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  class BayesClassifier {
    features: Record<string, number>;
    classifier: {
      classFeatures: Record<string, Record<number, number>>;
      classTotals: Record<string, number>;
      totalExamples: number;
      smoothing: number;
    };
    addDocument(tokens: string[], label: string): void;
    train(): void;
  }
  export default BayesClassifier;
}
