/**
 * The analyzer's entry points: {@code Analyzer} (trace files in, an {@code AnalysisResult} out),
 * {@code AnalysisSession} (one event stream dispatched to every analysis of an
 * {@code AnalysisSet}), {@code FindingMerger} (one finding per bug across traces). The only
 * package that knows the analyses; none of them knows it.
 */
package dev.racelock.analyzer;
